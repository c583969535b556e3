import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';
import { seedDemoData } from '../../seed/demo-seed';
import { EVIDENCE_STORE } from '../../evidence/evidence.constants';

const SYSTEM_INFO = `query { systemInfo { productName version databaseServerVersion databaseMode appliedMigrations demoDataLoadedAt } }`;

describe('API over HTTP against a real database', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The scheduled audit-chain check (a minute after start) stays off: readiness below expects
    // it not to have run, however long seeding the demo cycle takes on a busy machine.
    api = await startTestApi({ AUDIT_VERIFY_INTERVAL_HOURS: '0' });
  });
  afterAll(() => api?.close());

  it('answers a GraphQL query with rows read from PostgreSQL', async () => {
    const res = await api.graphql<{ systemInfo: Record<string, unknown> }>(SYSTEM_INFO);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data?.systemInfo).toMatchObject({
      productName: '湖北省质量促进条例履职督办系统',
      databaseMode: 'EXTERNAL',
      appliedMigrations: api.server.app.get(DataSource).migrations.length,
    });
    expect(res.data?.systemInfo.databaseServerVersion).toMatch(/^\d+/);
    expect(Date.parse(String(res.data?.systemInfo.demoDataLoadedAt))).not.toBeNaN();
  });

  it('seeds idempotently: a second run inserts nothing and keeps the first timestamp', async () => {
    const dataSource = api.server.app.get(DataSource);
    const before = await dataSource.query(`SELECT key, value FROM system_setting ORDER BY key`);
    const options = {
      passwordCostLog2: api.config.auth.passwordCostLog2,
      production: false,
      cycle: true,
      evidenceStore: api.server.app.get(EVIDENCE_STORE),
    };
    // The harness leaves the demo cycle out; the first run here adds it, the second adds nothing.
    const first = await seedDemoData(dataSource, options);
    expect(first).toMatchObject({ inserted: 0, regulations: 0, accounts: 0 });
    expect(first.tasks).toBeGreaterThan(1000);
    expect(await seedDemoData(dataSource, options)).toEqual({
      inserted: 0,
      regulations: 0,
      accounts: 0,
      tasks: 0,
    });
    // A realistic spread, every step in the history, so figures derived from it hold.
    const spread: Array<{ status: string; n: number }> = await dataSource.query(
      `SELECT status, count(*)::int AS n FROM task GROUP BY status ORDER BY status`,
    );
    expect(spread.map((r) => r.status)).toEqual([
      'IN_PROGRESS',
      'NOT_STARTED',
      'RETURNED',
      'SUBMITTED',
      'VERIFIED',
    ]);
    const [{ mismatched }] = await dataSource.query(
      `SELECT count(*)::int AS mismatched FROM task t
        WHERE t.status <> coalesce((SELECT e.after->>'status' FROM task_event e WHERE e.task_id = t.id AND e.kind = 'status'
                                    ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1), 'NOT_STARTED')`,
    );
    expect(mismatched).toBe(0);
    // Every task that was submitted has current evidence, uploaded before its first submission.
    const [{ without, late }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id))::int AS without,
              count(*) FILTER (WHERE (SELECT min(e.uploaded_at) FROM evidence e WHERE e.task_id = t.id) >
                (SELECT min(v.occurred_at) FROM task_event v WHERE v.task_id = t.id AND v.after->>'status' = 'SUBMITTED'))::int AS late
         FROM task t WHERE t.status IN ('SUBMITTED', 'RETURNED', 'VERIFIED')`,
    );
    expect({ without, late }).toEqual({ without: 0, late: 0 });
    const [{ extended, overdue }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE extension_count = 1)::int AS extended,
              count(*) FILTER (WHERE due_date < current_date AND status NOT IN ('SUBMITTED', 'VERIFIED'))::int AS overdue FROM task`,
    );
    expect(extended).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    expect(await dataSource.query(`SELECT key, value FROM system_setting ORDER BY key`)).toEqual(
      before,
    );
  }, 180_000); // seeds the whole demo cycle

  it('reports liveness and readiness as JSON', async () => {
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: { status: 'ok' }, migrations: { status: 'ok' } },
      details: {
        evidenceIntegrity: { status: 'not_run' },
        auditChains: { status: 'not_run' },
        evidenceStore: { kind: 'local', status: 'ok' },
      },
    });
  });

  it('reports not ready when a migration is missing', async () => {
    const dataSource = api.server.app.get(DataSource);
    const [last] = await dataSource.query(
      `SELECT * FROM typeorm_migration ORDER BY id DESC LIMIT 1`,
    );
    await dataSource.query(`DELETE FROM typeorm_migration WHERE id = $1`, [last.id]);
    try {
      const ready = await fetch(`${api.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'not_ready',
        checks: { migrations: { status: 'error', pending: [last.name] } },
      });
    } finally {
      await dataSource.query(
        `INSERT INTO typeorm_migration (id, timestamp, name) VALUES ($1, $2, $3)`,
        [last.id, last.timestamp, last.name],
      );
    }
  });

  it('tags every response with a request id, keeping a well-formed one from the client', async () => {
    const generated = await fetch(`${api.url}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${api.url}/health`, {
      headers: { 'X-Request-Id': 'trace-12345678' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-12345678');
    const forged = await fetch(`${api.url}/health`, {
      headers: { 'X-Request-Id': 'bad id; drop' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses simple cross-site requests (Apollo CSRF prevention)', async () => {
    const res = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ systemInfo { version } }')}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ systemInfo { version } }' },
        { query: '{ systemInfo { version } }' },
      ]),
    });
    expect(res.status).toBe(400);
  });

  it('rejects queries past the alias limit with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from(
      { length: api.config.graphql.maxAliases + 1 },
      (_, i) => `a${i}: systemInfo { version }`,
    );
    const res = await api.graphql(`{ ${aliases.join(' ')} }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects queries past the token limit with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: api.config.graphql.maxTokens }, () => 'version').join(' ');
    const res = await api.graphql(`{ systemInfo { ${fields} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('maps unknown fields to BAD_REQUEST and suggests fields outside production', async () => {
    const res = await api.graphql(`{ systemInfo { versio } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(res.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('allows introspection outside production', async () => {
    const res = await api.graphql<{ __schema: { queryType: { name: string } } }>(
      `{ __schema { queryType { name } } }`,
    );
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('API in production mode', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', SEED_DEMO_DATA: 'false' });
  });
  afterAll(() => api?.close());

  it('disables introspection', async () => {
    const res = await api.graphql(`{ __schema { queryType { name } } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const res = await api.graphql(`{ systemInfo { versio } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean|version/);
  });

  it('hides internal errors: generic Chinese message, stable code, no stack trace', async () => {
    const dataSource = api.server.app.get(DataSource);
    await dataSource.query(`ALTER TABLE system_setting RENAME TO system_setting_moved`);
    try {
      const res = await api.graphql(`{ systemInfo { productName } }`);
      expect(res.errors?.[0]).toEqual({
        message: '系统内部错误，请稍后重试或联系管理员。',
        locations: expect.any(Array),
        path: ['systemInfo'],
        extensions: { code: 'INTERNAL_ERROR' },
      });
      expect(JSON.stringify(res)).not.toMatch(/system_setting|stack|at /);
    } finally {
      await dataSource.query(`ALTER TABLE system_setting_moved RENAME TO system_setting`);
    }
  });
});

describe('GraphQL limits from the configuration', () => {
  it.each([
    ['GRAPHQL_MAX_DEPTH', '1'],
    ['GRAPHQL_MAX_COST', '2'],
  ])('%s=%s rejects a query beyond it with QUERY_TOO_COMPLEX', async (name, value) => {
    const api = await startTestApi({ [name]: value });
    try {
      const res = await api.graphql(`{ systemInfo { version productName } }`);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await api.close();
    }
  });
});
