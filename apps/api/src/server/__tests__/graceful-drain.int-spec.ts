import http from 'node:http';
import type { Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

const QUERY = JSON.stringify({ query: '{ __typename }' });

/**
 * A GraphQL POST whose body arrives in two parts: the server has the request (it is in flight)
 * but cannot answer until `finish()` sends the rest.
 */
function slowPost(url: string, agent: http.Agent) {
  let finish!: () => void;
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(QUERY),
          'apollo-require-preflight': 'true',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(QUERY.slice(0, 5));
    finish = () => req.end(QUERY.slice(5));
  });
  return { answer, finish: () => finish() };
}

function get(url: string, agent: http.Agent): Promise<{ answer: Answer; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/health`, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          answer: { status: res.statusCode ?? 0, connection: res.headers.connection, body },
          socket: req.socket as Socket,
        }),
      );
    });
    req.on('error', reject);
  });
}

const closed = (socket: Socket) =>
  socket.destroyed ? Promise.resolve() : new Promise<void>((r) => socket.once('close', () => r()));

// Issue 15, finding 11: SIGTERM under load reset 4–6 in-flight keep-alive requests.
describe('graceful drain on shutdown', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ SHUTDOWN_TIMEOUT_MS: '8000' });
  });
  afterAll(async () => {
    await api?.database.drop();
  });

  it('finishes in-flight keep-alive requests with Connection: close, answers a request on an idle one, then closes the pool', async () => {
    const server = api.server.app.getHttpServer() as http.Server;
    let received = 0;
    server.on('request', () => (received += 1));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
    const failures: unknown[] = [];

    // Six keep-alive connections, all idle after their first answer.
    const warm = await Promise.all(Array.from({ length: 6 }, () => get(api.url, agent)));
    expect(warm.map((w) => w.answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const sockets = new Set(warm.map((w) => w.socket));
    expect(sockets.size).toBe(6);

    // Three requests in flight on three of those connections.
    const slow = [slowPost(api.url, agent), slowPost(api.url, agent), slowPost(api.url, agent)];
    for (const s of slow) s.answer.catch((error: unknown) => failures.push(error));
    const before = received;
    const deadline = Date.now() + 5000;
    while (received < before + 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(received).toBe(before + 3);
    const busy = new Set(
      [...sockets].filter((s) => (s as Socket & { _httpMessage?: unknown })._httpMessage),
    );
    const idle = [...sockets].filter((s) => !busy.has(s));
    expect(idle).toHaveLength(3);

    // What SIGTERM and SIGINT call (main.ts).
    const started = Date.now();
    const stopping = api.server.close();

    // No new connections are accepted.
    await expect(get(api.url, new http.Agent())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // Idle keep-alive connections are not cut: a client may be sending on one right now (closing
    // them at once reset such requests under load). A request on one is answered, with
    // Connection: close; the others end at their keep-alive timeout, which the client knows.
    const reused = await new Promise<Answer>((resolve, reject) => {
      const req = http.get(
        `${api.url}/health`,
        { createConnection: () => idle[0] } as http.RequestOptions,
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
          );
        },
      );
      req.on('error', reject);
    });
    expect(reused).toMatchObject({ status: 200, connection: 'close' });
    await closed(idle[0]);

    // The in-flight requests finish normally, and tell the client not to reuse the connection.
    for (const s of slow) s.finish();
    const answers = await Promise.all(slow.map((s) => s.answer));
    expect(failures).toEqual([]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 200, connection: 'close' });
      expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
    }
    await Promise.all([...busy].map(closed));

    // Shutdown completes inside the grace period, once the last idle connection's keep-alive
    // timeout (5 s) has run out, and the database pool is closed.
    await stopping;
    await Promise.all(idle.map(closed));
    expect(Date.now() - started).toBeLessThan(7000);
    expect(api.server.app.get(DataSource).isInitialized).toBe(false);
    agent.destroy();
  });
});
