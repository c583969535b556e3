import type { Page, Request } from 'playwright-core';

/** Page-load timing for the browser tests that measure first content (issue 17). */

/** Median and maximum of some timings. */
export function stats(times: number[]): { p50Ms: number; maxMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const p50 = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
  return { p50Ms: p50, maxMs: sorted[sorted.length - 1] };
}

/**
 * Records the requests of one page load; `stop` lists them in start order, each as
 * "start → end  what" in milliseconds after the navigation start (GraphQL by operation name),
 * with the moment the content appeared.
 */
export function recordRequests(page: Page): {
  stop: (contentAt: number) => Promise<string[]>;
  /** Start and end (ms after navigation start) of the last request of each kind, after stop. */
  timeOf: (what: string) => { start: number; end: number } | undefined;
  /** The request body (JSON text) of the last GraphQL request with this operation name. */
  bodyOf: (operation: string) => string | undefined;
} {
  const done: Array<{ start: number; end: number; what: string }> = [];
  const bodies = new Map<string, string>();
  const onFinished = (request: Request) => {
    const timing = request.timing();
    const operation = /"operationName":"(\w+)"/.exec(request.postData() ?? '')?.[1];
    if (operation) bodies.set(operation, request.postData() ?? '');
    const url = new URL(request.url());
    const what = operation
      ? `graphql ${operation}`
      : `${request.resourceType()} ${url.pathname.replace(/-[\w-]{8,}\.(js|css)$/, '.$1')}`;
    // A response from the memory cache has no timing of its own.
    const end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : timing.startTime;
    done.push({
      start: timing.startTime,
      end,
      what: timing.responseEnd >= 0 ? what : `${what} (cache)`,
    });
  };
  page.on('requestfinished', onFinished);
  let origin = 0;
  return {
    stop: async (contentAt) => {
      page.off('requestfinished', onFinished);
      origin = await page.evaluate(() => performance.timeOrigin);
      // What led up to the content (not e.g. the evidence preview that loads after it).
      const lines = done
        .filter((r) => r.start - origin <= contentAt)
        .sort((a, b) => a.start - b.start)
        .map(
          (r) =>
            `${String(Math.round(r.start - origin)).padStart(5)} → ${String(Math.round(r.end - origin)).padStart(5)}  ${r.what}`,
        );
      return [...lines, `${String(contentAt).padStart(5)}          content on screen`];
    },
    bodyOf: (operation) => bodies.get(operation),
    timeOf: (what) => {
      const found = done.filter((r) => r.what === what).at(-1);
      return found && { start: found.start - origin, end: found.end - origin };
    },
  };
}
