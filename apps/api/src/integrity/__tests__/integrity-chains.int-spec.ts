import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  TEST_APP_ROLE,
  uploadEvidence,
} from '../../testing/test-api';
import { createDataSource } from '../../database/data-source';
import { CHAINS, canonicalSql } from '../chains';
import { describeBreak, verifyChains } from '../chain-verify';
import { checkChains } from '../chain-check';
import { compareChainHeads, exportChainHeads, readChainHeads } from '../chain-heads';

/**
 * Issue 15, finding 5: the app runs as a least-privilege role (the whole workflow below goes
 * through it), which cannot switch the append-only protections off; a superuser who does is
 * caught by the hash chains.
 */
describe('least-privilege role and hash chains', () => {
  let api: TestApi;
  let owner: DataSource;
  let operator: SignedInClient;
  let province: SignedInClient;
  let taskId: string;

  const withClient = async <T>(url: string, work: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const appUrl = () => {
    const u = new URL(api.database.url);
    u.username = TEST_APP_ROLE.user;
    u.password = TEST_APP_ROLE.password;
    return u.toString();
  };
  const changeStatus = async (client: SignedInClient, status: string, reason?: string) => {
    const [{ row_version: version }] = await owner.query(
      'SELECT row_version FROM task WHERE id = $1',
      [taskId],
    );
    const res = await client.graphql<{ updateTask: { status: string } }>(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
      { input: { taskId, expectedRowVersion: version, status, reason } },
    );
    expect(res.errors).toBeUndefined();
  };
  /** As a superuser with every trigger off, as the probe of issue 15 did. */
  const tamper = (sql: string, params: unknown[] = []) =>
    withClient(api.database.url, async (c) => {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query(sql, params);
      await c.query('COMMIT');
    });
  const verify = async () => {
    const report = await verifyChains(owner);
    return Object.fromEntries(
      report.chains.map((c) => [c.table, c.firstBreak ? describeBreak(c.firstBreak) : 'ok']),
    );
  };

  beforeAll(async () => {
    api = await startTestApi({}, { leastPrivilege: true });
    owner = createDataSource({ url: api.database.url, poolMax: 2, applicationName: 'test-owner' });
    await owner.initialize();
    // The oldest audit entry, past the retention period: the purge below removes it.
    await owner.query(
      `INSERT INTO security_audit_log (occurred_at, action, result) VALUES (now() - interval '200 days', 'SIGN_IN', 'success')`,
    );
    province = await api.signIn('province');
    const [{ id: versionId }] = await owner.query(`SELECT id FROM regulation_version LIMIT 1`);
    const cycle = await province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(cycle.errors).toBeUndefined();
    [{ id: taskId }] = await owner.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 1`,
    );
    operator = await api.signIn('enshi-scjg');
  });
  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
  });

  it('serves the whole workflow as the application role, which owns nothing and is no superuser', async () => {
    const sessions = await withClient(api.database.url, (c) =>
      c.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'duty-tracker'`,
      ),
    );
    expect(sessions.rows.map((r) => r.usename)).toEqual([TEST_APP_ROLE.user]);
    await changeStatus(operator, 'IN_PROGRESS');
    const upload = await uploadEvidence(api, operator, taskId, [
      { name: '佐证.pdf', content: samplePdf('chains') },
    ]);
    expect(upload.status).toBe(201);
    const note = await operator.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
      {
        input: {
          taskId,
          expectedRowVersion: (
            await owner.query('SELECT row_version FROM task WHERE id = $1', [taskId])
          )[0].row_version,
          progressNote: '已完成',
        },
      },
    );
    expect(note.errors).toBeUndefined();
    await changeStatus(operator, 'SUBMITTED');
    await changeStatus(await api.signIn('enshi-zhou'), 'RETURNED', '材料不全');
    // The audit retention purge works through its function, without DELETE on the log.
    const [purged] = await api.server.app
      .get(DataSource)
      .query(`SELECT security_audit_log_purge(184)::int AS n`);
    expect(purged.n).toBe(1);
    const [head] = await owner.query(
      `SELECT anchor_seq::int AS seq FROM integrity_chain_head WHERE chain = 'security_audit_log'`,
    );
    expect(head.seq).toBe(1);

    const [{ n }] = await owner.query(
      `SELECT count(*)::int AS n FROM task_event WHERE task_id = $1 AND content_hash IS NOT NULL`,
      [taskId],
    );
    expect(n).toBeGreaterThanOrEqual(5);
    expect(await verify()).toEqual(Object.fromEntries(CHAINS.map((c) => [c.table, 'ok'])));
  });

  it('links concurrent transactions into one chain, leaving out what a savepoint rolled back', async () => {
    const pool = new Pool({ connectionString: appUrl(), max: 12 });
    const [task] = await owner.query('SELECT unit_code, cycle_id FROM task WHERE id = $1', [
      taskId,
    ]);
    const insert = `INSERT INTO task_event (task_id, unit_code, cycle_id, actor_username, kind, reason)
                    VALUES ($1, $2, $3, 'concurrency', 'updated', $4)`;
    try {
      await Promise.all(
        Array.from({ length: 24 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            for (let j = 0; j < 5; j++) {
              await client.query(insert, [taskId, task.unit_code, task.cycle_id, `${i}/${j}`]);
            }
            await client.query('SAVEPOINT s');
            await client.query(insert, [taskId, task.unit_code, task.cycle_id, `${i}/rolled back`]);
            await client.query('ROLLBACK TO SAVEPOINT s');
            // The chain fields an INSERT names are ignored.
            await client.query(
              `INSERT INTO task_event (task_id, unit_code, cycle_id, actor_username, kind, chain_seq, prev_hash, content_hash)
               VALUES ($1, $2, $3, 'concurrency', 'forged', 1, repeat('a', 64), repeat('b', 64))`,
              [taskId, task.unit_code, task.cycle_id],
            );
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
    const [counts] = await owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT chain_seq)::int AS seqs,
              count(*) FILTER (WHERE reason LIKE '%rolled back')::int AS rolled_back
         FROM task_event WHERE actor_username = 'concurrency'`,
    );
    expect(counts).toEqual({ n: 24 * 6, seqs: 24 * 6, rolled_back: 0 });
    expect(await verify()).toEqual(Object.fromEntries(CHAINS.map((c) => [c.table, 'ok'])));
  });

  it.each([
    ['ALTER TABLE task_event DISABLE TRIGGER task_event_no_update_delete', '42501'],
    ['ALTER TABLE security_audit_log DISABLE TRIGGER ALL', '42501'],
    ['ALTER TABLE task_event ADD COLUMN x int', '42501'],
    ['SET session_replication_role = replica', '42501'],
    [`UPDATE task_event SET reason = 'rewritten'`, '42501'],
    ['DELETE FROM task_event', '42501'],
    ['DELETE FROM security_audit_log', '42501'],
    ['TRUNCATE security_audit_log', '42501'],
    ['UPDATE assessment_result SET score = 100', '42501'],
    ['DELETE FROM evidence', '42501'],
    [`UPDATE integrity_chain_head SET last_hash = repeat('0', 64)`, '42501'],
    ['SELECT integrity_chain_advance($$task_event$$, $$1$$, $$x$$)', '42501'],
    ['CREATE TABLE intruder (id int)', '42501'],
  ])('the application role is refused: %s', async (sql, code) => {
    await expect(withClient(appUrl(), (c) => c.query(sql))).rejects.toMatchObject({ code });
  });

  it('the verifier and the database agree on the canonical form of every chained table', async () => {
    for (const chain of CHAINS) {
      const rows = await owner.query<Array<{ ours: string; theirs: string }>>(
        `SELECT ${canonicalSql(chain)} AS ours, integrity_canonical(t) AS theirs FROM "${chain.table}" t`,
      );
      for (const row of rows) expect(row.ours).toBe(row.theirs);
    }
  });

  it('names the first broken link after a superuser edit, deletion and reordering', async () => {
    const heads = await readChainHeads(owner);
    const events = await owner.query<Array<{ id: string; chain_seq: string }>>(
      'SELECT id, chain_seq::text AS chain_seq FROM task_event ORDER BY chain_seq',
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    const [a, b] = events.slice(-3);

    // Edit: the actor and reason of one event.
    await tamper(`UPDATE task_event SET actor_username = 'nobody', reason = 'x' WHERE id = $1`, [
      a.id,
    ]);
    let result = await verify();
    expect(result.task_event).toMatch(
      new RegExp(
        `^task_event id ${a.id} \\(chain_seq ${a.chain_seq}\\): row content does not match its hash`,
      ),
    );
    expect(await compareChainHeads(owner, heads)).toEqual([]); // the edit is before the head
    await tamper(`UPDATE task_event SET actor_username = 'enshi-scjg' WHERE id = $1`, [a.id]);

    // Deletion: an audit entry (ACCOUNT_LOCKED in the probe), the oldest one here.
    const [audit] = await owner.query(
      'SELECT id, chain_seq::text AS chain_seq FROM security_audit_log ORDER BY chain_seq LIMIT 1',
    );
    await tamper('DELETE FROM security_audit_log WHERE id = $1', [audit.id]);
    result = await verify();
    expect(result.security_audit_log).toMatch(
      new RegExp(
        `^security_audit_log id \\d+ \\(chain_seq ${Number(audit.chain_seq) + 1}\\): chain position missing or repeated .*expected chain_seq ${audit.chain_seq}, found chain_seq ${Number(audit.chain_seq) + 1}$`,
      ),
    );

    // Reordering: two evidence-era events swap places.
    await tamper(
      `UPDATE task_event SET chain_seq = CASE WHEN id = $1 THEN $4::bigint ELSE $3::bigint END WHERE id IN ($1, $2)`,
      [b.id, events[events.length - 1].id, b.chain_seq, events[events.length - 1].chain_seq],
    );
    result = await verify();
    expect(result.task_event).toMatch(/^task_event id \d+ \(chain_seq \d+\): /);
    expect(result.task_event).not.toBe('ok');

    // Deleting the newest rows shows against the head, and against an exported head.
    const [last] = await owner.query('SELECT id FROM evidence ORDER BY chain_seq DESC LIMIT 1');
    await tamper('DELETE FROM evidence WHERE id = $1', [last.id]);
    result = await verify();
    expect(result.evidence).toMatch(/^evidence id .*: chain does not end at its recorded head/);
    const problems = await compareChainHeads(owner, heads);
    expect(problems.join('\n')).toMatch(/^evidence: the row at chain_seq \d+ .* is missing/m);
    expect((await exportChainHeads(owner)).map((h) => h.table)).toEqual(CHAINS.map((c) => c.table));

    // The scheduled check's result is in /ready's details.
    await checkChains(owner, 'schedule');
    const ready = (await (await fetch(`${api.url}/ready`)).json()) as {
      details: { auditChains: { status: string; breaks: Array<{ table: string }> } };
    };
    expect(ready.details.auditChains.status).toBe('broken');
    expect(ready.details.auditChains.breaks.map((b) => b.table).sort()).toEqual([
      'evidence',
      'security_audit_log',
      'task_event',
    ]);
  });
});
