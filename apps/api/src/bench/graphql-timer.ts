import { Worker } from 'node:worker_threads';

/**
 * Times GraphQL round trips from a worker thread: the client of a benchmark on its own thread,
 * as a browser is its own process, instead of on the event loop of the API server it measures
 * (the benchmarks start the server in-process, and a client there adds its own request and
 * response handling to every measured request, one after the other on one thread).
 *
 * Each round trip is timed from just before the request to the parsed JSON answer, and fails
 * (the whole batch) on a non-2xx status, a body that is not JSON, GraphQL errors or no data.
 */

/** The worker: plain JavaScript (runs as is, whatever compiled this file). */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async (m) => {
  const samples = [];
  try {
    for (let i = 0; i < m.warmup + m.runs; i++) {
      const start = performance.now();
      const response = await fetch(m.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + m.token },
        body: m.body,
      });
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error('HTTP ' + response.status + ', not JSON: ' + text.slice(0, 500));
      }
      const ms = performance.now() - start;
      if (!response.ok || (body.errors && body.errors.length) || body.data == null) {
        throw new Error('GraphQL failed (HTTP ' + response.status + '): ' +
          JSON.stringify(body.errors || body).slice(0, 2000));
      }
      if (i >= m.warmup) samples.push(ms);
    }
    parentPort.postMessage({ id: m.id, samples });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String((error && error.message) || error) });
  }
});
`;

interface Reply {
  id: number;
  samples?: number[];
  error?: string;
}

export class GraphqlTimer {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly pending = new Map<
    number,
    { resolve: (samples: number[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;

  constructor() {
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.samples ?? []);
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`GraphQL timer exited (${code}).`)));
  }

  /**
   * `warmup` untimed then `runs` timed round trips of one operation, in sequence; the timings
   * in ms. Rejects with the first failure, prefixed by `label`.
   */
  time(opts: {
    label: string;
    baseUrl: string;
    token: string;
    query: string;
    variables: Record<string, unknown>;
    warmup: number;
    runs: number;
  }): Promise<number[]> {
    const id = this.nextId++;
    return new Promise<number[]>((resolve, reject) => {
      this.pending.set(id, {
        resolve,
        reject: (error) => reject(new Error(`${opts.label}: ${error.message}`)),
      });
      this.worker.postMessage({
        id,
        url: `${opts.baseUrl}/graphql`,
        token: opts.token,
        body: JSON.stringify({ query: opts.query, variables: opts.variables }),
        warmup: opts.warmup,
        runs: opts.runs,
      });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    this.failAll(new Error('GraphQL timer closed.'));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
