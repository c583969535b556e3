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

/** A GraphQL request as the stub saw it. */
export interface GraphQLRequest {
  operationName: string;
  variables: Record<string, unknown>;
  query: string;
}

/**
 * The answer to one operation: a response body, or a function of the request returning one.
 * An array answers successive calls in turn (the last one repeats).
 */
export type OperationAnswer = unknown | ((request: GraphQLRequest) => unknown);

/** `{ errors: [...] }` with one error of the given code, as the API sends it. */
export function graphQLError(code: string, message = '错误', extensions: object = {}) {
  return { data: null, errors: [{ message, extensions: { code, ...extensions } }] };
}

/**
 * Replaces `globalThis.fetch` with a mock answering each GraphQL operation by its name.
 * An operation without an answer gets an error naming it (and is listed in `unexpected`), so
 * a test notices requests it did not plan for.
 */
export function stubGraphQLOperations(
  answers: Record<string, OperationAnswer | OperationAnswer[]>,
) {
  const original = globalThis.fetch;
  const calls = new Map<string, number>();
  const requests: GraphQLRequest[] = [];
  const unexpected: string[] = [];
  const fetchMock: FetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit?]>(
    async (_input, init) => {
      const body = JSON.parse(String(init?.body)) as Partial<GraphQLRequest>;
      const request: GraphQLRequest = {
        operationName: body.operationName ?? '',
        variables: body.variables ?? {},
        query: body.query ?? '',
      };
      requests.push(request);
      const answer = answers[request.operationName];
      if (answer === undefined) {
        unexpected.push(request.operationName);
        return jsonResponse(graphQLError('BAD_REQUEST', `no stub for ${request.operationName}`));
      }
      const n = calls.get(request.operationName) ?? 0;
      calls.set(request.operationName, n + 1);
      const chosen = Array.isArray(answer) ? answer[Math.min(n, answer.length - 1)] : answer;
      return jsonResponse(typeof chosen === 'function' ? chosen(request) : chosen);
    },
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return {
    fetchMock,
    /** Every request so far, in order. */
    requests,
    /** The requests of one operation. */
    requestsOf: (operationName: string) =>
      requests.filter((r) => r.operationName === operationName),
    /** Operations requested without an answer. */
    unexpected,
    restore: () => void (globalThis.fetch = original),
  };
}
