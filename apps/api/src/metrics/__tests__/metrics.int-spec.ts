import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { EvidenceStore } from '@duty/api/evidence-store';
import { createTestDatabase, TestDatabase } from '@duty/test-support';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/config';
import { EVIDENCE_STORE } from '../../evidence/evidence.constants';
import { checkEvidenceIntegrity } from '../../evidence/evidence-integrity';
import { checkChains } from '../../integrity';
import { JOB_SCHEMA } from '../../jobs/job-runner.service';
import { createServer, RunningServer } from '../../server/create-server';
import { startTestApi, TestApi } from '../../testing/test-api';
import { MetricsService } from '../metrics.service';

const TOKEN = 'metrics-test-token-0123456789abcdef';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, sample lines only. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of the series named `name` whose labels include `labels` (0 when none). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

function has(samples: Sample[], name: string, labels: Record<string, string> = {}): boolean {
  return samples.some(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

async function fakeWebBuild(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-web-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html><body>app</body></html>');
  return dir;
}

describe('/metrics on the main port with a bearer token', () => {
  let api: TestApi;
  let webDir: string;
  let db: DataSource;

  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
    const res = await fetch(`${api.url}/metrics`, { headers });
    return { res, text: await res.text() };
  };
  const samples = async () => {
    const { res, text } = await scrape();
    expect(res.status).toBe(200);
    return parse(text);
  };

  beforeAll(async () => {
    webDir = await fakeWebBuild();
    // The demo cycle brings evidence files into the store.
    api = await startTestApi({
      METRICS_TOKEN: TOKEN,
      WEB_DIST_DIR: webDir,
      SEED_DEMO_CYCLE: 'true',
    });
    db = api.server.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer metrics-test-token-0123456789abcdeX' }],
    ['a token of another length', { authorization: 'Bearer short' }],
    ['the token without the Bearer scheme', { authorization: TOKEN }],
  ])('refuses a scrape with %s (401, not the web app)', async (_label, headers) => {
    const { res, text } = await scrape(headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(JSON.parse(text)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('serves the Prometheus text format to the token, never cached', async () => {
    const { res, text } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(text).not.toContain('<html');
    const post = await fetch(`${api.url}/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(post.status).toBe(405);
  });

  it('counts requests per route pattern and per GraphQL operation, errors by code, not itself', async () => {
    const before = await samples();
    const province = await api.signIn('province'); // mutation signIn: 1
    for (let i = 0; i < 3; i++) {
      const me = await province.graphql(`query Me { me { username } }`);
      expect(me.data).toEqual({ me: { username: 'province' } });
    }
    const wrong = await api.graphql(
      `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }`,
      { input: { username: 'province', password: 'Wrong#Password1' } },
    );
    const wrongCode = String(wrong.errors?.[0]?.extensions?.code);
    expect(wrongCode).toBe('UNAUTHENTICATED');
    const broken = await api.graphql(`{ me {`);
    expect(broken.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(broken.status).toBe(400); // the client's error, not a server failure (5xx)
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.url}/api/no-such-endpoint`)).status).toBe(404);
    expect((await fetch(`${api.url}/tasks/123`)).status).toBe(200);
    const bulletin = await fetch(`${api.url}/api/bulletins/does-not-exist.docx`);
    await scrape(); // a scrape between: not counted
    const after = await samples();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      value(after, name, labels) - value(before, name, labels);

    expect(delta('duty_graphql_requests_total', { type: 'query', operation: 'me' })).toBe(3);
    expect(delta('duty_graphql_requests_total', { type: 'mutation', operation: 'signIn' })).toBe(2);
    expect(delta('duty_graphql_requests_total', { type: 'other', operation: 'other' })).toBe(1);
    expect(
      delta('duty_graphql_errors_total', {
        type: 'mutation',
        operation: 'signIn',
        code: 'UNAUTHENTICATED',
      }),
    ).toBe(1);
    expect(delta('duty_graphql_errors_total', { operation: 'me' })).toBe(0);
    expect(delta('duty_graphql_errors_total', { operation: 'other', code: 'BAD_REQUEST' })).toBe(1);
    // Histogram: every observation in the +Inf bucket and the count, times in the sum.
    const me = { type: 'query', operation: 'me' };
    expect(delta('duty_graphql_request_duration_seconds_bucket', { ...me, le: '+Inf' })).toBe(3);
    expect(delta('duty_graphql_request_duration_seconds_count', me)).toBe(3);
    expect(delta('duty_graphql_request_duration_seconds_sum', me)).toBeGreaterThan(0);
    expect(delta('duty_graphql_request_duration_seconds_bucket', { ...me, le: '60' })).toBe(3);

    const http = (method: string, route: string, status: string) =>
      delta('duty_http_requests_total', { method, route, status_code: status });
    expect(http('POST', '/graphql', '200')).toBe(5);
    expect(http('POST', '/graphql', '400')).toBe(1);
    expect(http('GET', '/health', '200')).toBe(1);
    expect(http('GET', 'unmatched', '404')).toBe(1);
    expect(http('GET', 'web', '200')).toBe(1);
    expect(http('GET', '/api/bulletins/:file', String(bulletin.status))).toBe(1);
    // Exactly the ten requests above: the scrapes are not counted, nor is any raw path a label.
    expect(delta('duty_http_requests_total')).toBe(10);
    expect(delta('duty_http_request_duration_seconds_count')).toBe(10);
    expect(after.filter((s) => s.labels.route?.includes('metrics'))).toEqual([]);
    expect(after.filter((s) => /\/tasks\/|[0-9a-f]{8}-/.test(s.labels.route ?? ''))).toEqual([]);
  });

  it("counts a query past the token limit as the client's error (400), not a server failure", async () => {
    const before = await samples();
    const huge = await api.graphql(`{ ${'me { username } '.repeat(2000)} }`);
    expect(huge.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(huge.status).toBe(400);
    const after = await samples();
    const delta = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(delta('duty_http_requests_total', { route: '/graphql', status_code: '400' })).toBe(1);
    expect(delta('duty_http_requests_total', { route: '/graphql', status_code: '500' })).toBe(0);
    expect(delta('duty_graphql_errors_total', { code: 'QUERY_TOO_COMPLEX' })).toBe(1);
  });

  it('reports the database pool, the process, and that the database answered', async () => {
    const s = await samples();
    expect(value(s, 'duty_database_up')).toBe(1);
    const total = value(s, 'duty_db_pool_connections');
    expect(total).toBeGreaterThanOrEqual(1);
    expect(value(s, 'duty_db_pool_idle_connections')).toBeLessThanOrEqual(total);
    expect(value(s, 'duty_db_pool_waiting_requests')).toBe(0);
    expect(value(s, 'duty_db_pool_max_connections')).toBe(api.config.database.poolMax);
    expect(value(s, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(s, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(has(s, 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('reports job queue depth: pg-boss queues and the notification outbox', async () => {
    await db.query(
      `WITH n AS (
         INSERT INTO notification (recipient_username, kind, title, body, link, created_at)
         SELECT 'province', 'OVERDUE', '指标测试 ' || g, '逾期提醒', '/tasks', now()
           FROM generate_series(1, 4) AS g
         RETURNING id)
       INSERT INTO notification_delivery
         (notification_id, recipient_username, channel, target, payload, status, next_attempt_at, created_at)
       SELECT n.id, 'province', s.channel, 'province@example.gov.cn', '{}'::jsonb, s.status, now(), now()
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM n) n
         JOIN (VALUES (1, 'EMAIL', 'PENDING'), (2, 'EMAIL', 'PENDING'), (3, 'EMAIL', 'SENDING'),
                      (4, 'WEBHOOK', 'FAILED')) s(k, channel, status) ON s.k = n.k`,
    );
    const boss = new PgBoss({
      connectionString: api.database.url,
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    try {
      await boss.createQueue('metrics-probe', { name: 'metrics-probe', retryLimit: 0 });
      for (let i = 0; i < 3; i++) await boss.send('metrics-probe', { i });
      const [taken] = await boss.fetch('metrics-probe');
      expect(taken).toBeDefined();
      const s = await samples();
      const jobs = (queue: string, state: string) => value(s, 'duty_queue_jobs', { queue, state });
      expect(jobs('metrics-probe', 'queued')).toBe(2);
      expect(jobs('metrics-probe', 'active')).toBe(1);
      expect(jobs('metrics-probe', 'failed')).toBe(0);
      await boss.fail('metrics-probe', taken.id, new Error('probe'));
      const t = await samples();
      expect(value(t, 'duty_queue_jobs', { queue: 'metrics-probe', state: 'active' })).toBe(0);
      expect(value(t, 'duty_queue_jobs', { queue: 'metrics-probe', state: 'failed' })).toBe(1);
      expect(jobs('notification-email', 'queued')).toBe(2);
      expect(jobs('notification-email', 'active')).toBe(1);
      expect(jobs('notification-webhook', 'failed')).toBe(1);
      expect(jobs('notification-webhook', 'queued')).toBe(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('reports the evidence store size and the last integrity and audit chain checks', async () => {
    const store = api.server.app.get<EvidenceStore>(EVIDENCE_STORE);
    let objects = 0;
    let bytes = 0;
    for await (const sha256 of store.list()) {
      objects += 1;
      bytes += (await store.size(sha256)) ?? 0;
    }
    expect(objects).toBeGreaterThan(0); // the demo cycle's evidence

    const s = await samples();
    // From the database's rows, and equal to what is on disk.
    expect(value(s, 'duty_evidence_store_objects')).toBe(objects);
    expect(value(s, 'duty_evidence_store_bytes')).toBe(bytes);
    expect(value(s, 'duty_evidence_records')).toBeGreaterThanOrEqual(objects);
    expect(value(s, 'duty_evidence_corrupt_records')).toBe(0);
    expect(value(s, 'duty_evidence_integrity_status', { status: 'not_run' })).toBe(1);
    expect(value(s, 'duty_evidence_integrity_status', { status: 'ok' })).toBe(0);
    expect(value(s, 'duty_evidence_integrity_last_check_timestamp_seconds')).toBe(0);

    await checkEvidenceIntegrity(db, store, 'cli');
    await checkChains(db, 'cli');
    const t = await samples();
    expect(value(t, 'duty_evidence_integrity_status', { status: 'ok' })).toBe(1);
    expect(value(t, 'duty_evidence_integrity_status', { status: 'not_run' })).toBe(0);
    const checkedAt = value(t, 'duty_evidence_integrity_last_check_timestamp_seconds');
    expect(Math.abs(checkedAt - Date.now() / 1000)).toBeLessThan(60);
    expect(value(t, 'duty_evidence_integrity_problems')).toBe(0);
    expect(has(t, 'duty_evidence_integrity_problems', { kind: 'missing' })).toBe(true);
    expect(value(t, 'duty_audit_chain_status', { status: 'ok' })).toBe(1);
    const chainAt = value(t, 'duty_audit_chain_last_check_timestamp_seconds');
    expect(Math.abs(chainAt - Date.now() / 1000)).toBeLessThan(60);

    // A stored file removed: the next check finds it missing, and the scrape says so.
    const [{ sha256 }] = await db.query(`SELECT sha256 FROM evidence LIMIT 1`);
    await store.remove(sha256);
    await checkEvidenceIntegrity(db, store, 'cli');
    const u = await samples();
    expect(value(u, 'duty_evidence_integrity_status', { status: 'problems' })).toBe(1);
    expect(value(u, 'duty_evidence_integrity_problems', { kind: 'missing' })).toBe(1);
  });
});

describe('/metrics on a management listener (with the token too), and the JSON request log', () => {
  let server: RunningServer;
  let database: TestDatabase;
  let tmp: string;
  let webDir: string;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'duty-metrics-'));
    webDir = await fakeWebBuild();
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO_DATA: 'false',
      WEB_DIST_DIR: webDir,
      EVIDENCE_DIR: path.join(tmp, 'evidence'),
      EVIDENCE_FSCK_INTERVAL_HOURS: '0',
      AUDIT_VERIFY_INTERVAL_HOURS: '0',
      SIGNING_KEY_FILE: path.join(tmp, 'keys', 'signing-key.pem'),
      SIGNING_PUBLIC_KEYS_DIR: path.join(tmp, 'keys', 'public'),
      MFA_KEY_FILE: path.join(tmp, 'keys', 'mfa.key'),
      METRICS_PORT: '0',
      METRICS_HOST: '127.0.0.1',
      // Both: the listener requires the token too.
      METRICS_TOKEN: TOKEN,
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>); // every line is JSON
        }
        done();
      },
    });
    const logger = pino(
      {
        level: 'info',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      sink,
    );
    server = await createServer(config, logger, { databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.close({ cutIdleConnections: true });
    await database?.drop();
    await rm(tmp, { recursive: true, force: true });
    await rm(webDir, { recursive: true, force: true });
  });

  const managementUrl = () => server.app.get(MetricsService).managementUrl!;
  const bearer = { authorization: `Bearer ${TOKEN}` };

  it('serves /metrics only on the management listener; the main port answers 404, not the app page', async () => {
    expect(managementUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(managementUrl()).not.toBe(server.url);
    const main = await fetch(`${server.url}/metrics`, { headers: bearer });
    expect(main.status).toBe(404);
    expect(await main.text()).not.toContain('<html');
    expect((await fetch(`${server.url}/metrics/`)).status).toBe(404);

    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const refused = await fetch(`${managementUrl()}/metrics`);
    expect(refused.status).toBe(401);
    const res = await fetch(`${managementUrl()}/metrics`, { headers: bearer });
    expect(res.status).toBe(200);
    const s = parse(await res.text());
    expect(
      value(s, 'duty_graphql_requests_total', { type: 'query', operation: '__introspection' }),
    ).toBe(1);
    expect(value(s, 'duty_http_requests_total', { route: 'unmatched', status_code: '404' })).toBe(
      0,
    ); // /metrics on the main port is not counted either
    expect(has(s, 'duty_db_pool_connections')).toBe(true);
    expect((await fetch(`${managementUrl()}/graphql`)).status).toBe(404);
  });

  it('logs each request as a JSON line with its request id, which the response carries', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'probe-request-0001' },
      body: JSON.stringify({ query: 'query Who { me { username } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('probe-request-0001');
    const generated = await fetch(`${server.url}/ready`);
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = (reqId: string) =>
      lines.find((l) => (l.req as { id?: string } | undefined)?.id === reqId);
    expect(line(id!)).toMatchObject({ level: 'info', res: { statusCode: 200 } });
    expect(line('probe-request-0001')).toMatchObject({
      req: { id: 'probe-request-0001', method: 'POST', url: '/graphql' },
      graphql: { type: 'query', operation: 'me', operationName: 'Who' },
    });
  });

  it('puts the codes of GraphQL errors (answered with 200) in the request line, at warn', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'probe-request-0002' },
      body: JSON.stringify({
        query:
          'mutation { signIn(input: { username: "nobody", password: "Wrong#Password1" }) { token } }',
      }),
    });
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find(
      (l) => (l.req as { id?: string } | undefined)?.id === 'probe-request-0002',
    );
    expect(line).toMatchObject({
      level: 'warn',
      req: { id: 'probe-request-0002' },
      graphql: { type: 'mutation', operation: 'signIn', errors: ['UNAUTHENTICATED'] },
    });
    // Scrapes leave no line (they come every few seconds).
    await fetch(`${managementUrl()}/metrics`, { headers: bearer });
    await fetch(`${server.url}/metrics`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      lines.filter((l) => (l.req as { url?: string } | undefined)?.url === '/metrics'),
    ).toEqual([]);
  });
});
