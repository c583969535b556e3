/** A minimal `Response` as Apollo's HttpLink reads it (jsdom has no fetch API). */
export function jsonResponse(body: unknown, status = 200): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? 'application/json; charset=utf-8' : null,
    },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  } as unknown as Response;
}

export type FetchMock = jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit?]>;

/**
 * Replaces `globalThis.fetch` with a mock answering each call with the next of `bodies`
 * (the last one repeats). Returns the mock and a function restoring the original fetch.
 */
export function stubGraphQLFetch(...bodies: unknown[]): {
  fetchMock: FetchMock;
  restore: () => void;
} {
  const original = globalThis.fetch;
  let call = 0;
  const fetchMock: FetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>(
    async () => {
      const body = bodies[Math.min(call, bodies.length - 1)];
      call += 1;
      return jsonResponse(body);
    },
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return { fetchMock, restore: () => void (globalThis.fetch = original) };
}

/** The parsed JSON body of the n-th fetch call. */
export function requestBody(
  fetchMock: FetchMock,
  n = 0,
): { query: string; operationName?: string } {
  const init = fetchMock.mock.calls[n]?.[1];
  return JSON.parse(String(init?.body)) as { query: string; operationName?: string };
}

/** A request header of a fetch call (Apollo's HttpLink passes headers as a plain object). */
export function headerOf(init: RequestInit | undefined, name: string): string | undefined {
  const headers = (init?.headers ?? {}) as Record<string, string>;
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}
