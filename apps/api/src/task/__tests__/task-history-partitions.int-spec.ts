import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { grantAppPrivileges } from '../../database/app-role';
import { createDataSource } from '../../database/data-source';
import { revertMigrations, runMigrations } from '../../database/migrate';
import { pendingSchemaChanges } from '../../database/schema-drift';
import { describeBreak, verifyChains } from '../../integrity/chain-verify';
import { SignedInClient, startTestApi, TestApi, TEST_APP_ROLE } from '../../testing/test-api';

/**
 * Issue 20, point 3: task history is partitioned by cycle (migration PartitionTaskHistoryByCycle).
 * The application role, which cannot run DDL, creates cycles and with them their partitions;
 * it can no more change a partition's rows than the table's; a statement about one cycle's
 * history reads that cycle's partition only; the migration keeps every row, id and chain link,
 * both ways.
 */
describe('task history partitioned by cycle', () => {
  let api: TestApi;
  let owner: DataSource;
  let province: SignedInClient;
  let cycles: string[];

  const partitionOf = (cycleId: string) => `task_event_${cycleId.replace(/-/g, '')}`;
  const appUrl = () => {
    const u = new URL(api.database.url);
    u.username = TEST_APP_ROLE.user;
    u.password = TEST_APP_ROLE.password;
    return u.toString();
  };
  const asApp = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: appUrl() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const createCycle = async (year: number): Promise<string> => {
    const [{ id: versionId }] = await owner.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!, $y: Int!, $s: String!, $d: String!) { createCycle(input: { year: $y, regulationVersionId: $v, startDate: $s, dueDate: $d }) { cycle { id } } }`,
      { v: versionId, y: year, s: `${year}-01-01`, d: `${year}-12-31` },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createCycle.cycle.id;
  };
  const partitions = async (): Promise<string[]> =>
    (
      await owner.query(
        `SELECT relid::text AS name FROM pg_partition_tree('task_event') WHERE isleaf ORDER BY 1`,
      )
    ).map((r: { name: string }) => r.name);
  /** Who may do what on `table`, its owner aside. */
  const acl = async (table: string) =>
    (
      await owner.query(
        `SELECT a.grantee::regrole::text AS who, a.privilege_type AS what
           FROM pg_class c, aclexplode(c.relacl) a
          WHERE c.oid = $1::regclass AND a.grantee <> c.relowner ORDER BY 1, 2`,
        [table],
      )
    ).map((r: { who: string; what: string }) => `${r.who} ${r.what}`);
  /** Every row of the history in id order, as its composite text, and the chain check. */
  const snapshot = async () => {
    const [{ rows, digest, next }] = await owner.query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t.id)) AS digest,
              (SELECT last_value::text FROM task_event_id_seq) AS next
         FROM task_event t`,
    );
    const report = await verifyChains(owner);
    const chains = report.chains.map((c) =>
      c.firstBreak ? `${c.table}: ${describeBreak(c.firstBreak)}` : `${c.table}: ok`,
    );
    return { rows, digest, next, chains };
  };

  beforeAll(async () => {
    api = await startTestApi({}, { leastPrivilege: true });
    owner = createDataSource({ url: api.database.url, poolMax: 2, applicationName: 'test-owner' });
    await owner.initialize();
    province = await api.signIn('province');
    // Created by the application role, which may not run DDL.
    cycles = [await createCycle(2025), await createCycle(2026)];
  });
  afterAll(async () => {
    await owner?.destroy();
    await api?.close();
  });

  it('gives each cycle its own partition when the application role creates the cycle', async () => {
    expect(await partitions()).toEqual(cycles.map(partitionOf).sort());
    const [{ n }] = await owner.query(`SELECT count(*)::int AS n FROM task WHERE cycle_id = $1`, [
      cycles[1],
    ]);
    expect(n).toBeGreaterThan(0);
    // The cycle's creation history lies in its partition, and only there.
    const placed: Array<{ part: string; cycle: string; n: number }> = await owner.query(
      `SELECT tableoid::regclass::text AS part, cycle_id::text AS cycle, count(*)::int AS n
         FROM task_event GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(placed.length).toBeGreaterThan(0);
    for (const row of placed) expect(row.part).toBe(partitionOf(row.cycle));
    const [create] = await owner.query(
      `SELECT prosecdef AS definer, has_function_privilege($1, oid, 'EXECUTE') AS app_may_call
         FROM pg_proc WHERE proname = 'task_event_partition_for_cycle'`,
      [TEST_APP_ROLE.user],
    );
    expect(create).toEqual({ definer: true, app_may_call: false });
  });

  it('grants nothing on a partition: the application role reaches the rows through task_event only', async () => {
    const granted = [`${TEST_APP_ROLE.user} INSERT`, `${TEST_APP_ROLE.user} SELECT`];
    expect(await acl('task_event')).toEqual(granted);
    for (const cycle of cycles) expect(await acl(partitionOf(cycle))).toEqual([]);

    const part = partitionOf(cycles[1]);
    await asApp(async (c) => {
      const [{ n }] = (
        await c.query(`SELECT count(*)::int AS n FROM task_event WHERE cycle_id = $1`, [cycles[1]])
      ).rows;
      expect(n).toBeGreaterThan(0);
      for (const sql of [
        `SELECT count(*) FROM ${part}`,
        `INSERT INTO ${part} (task_id, unit_code, cycle_id, actor_username, kind) SELECT task_id, unit_code, cycle_id, 'x', 'updated' FROM task_event LIMIT 1`,
        `UPDATE ${part} SET reason = 'x'`,
        `DELETE FROM ${part}`,
        `TRUNCATE ${part}`,
        `UPDATE task_event SET reason = 'x' WHERE cycle_id = '${cycles[1]}'`,
        `DELETE FROM task_event WHERE cycle_id = '${cycles[1]}'`,
        `CREATE TABLE task_event_x (LIKE task_event)`,
        `SELECT task_event_partition_for_cycle(gen_random_uuid())`,
      ]) {
        await expect(c.query(sql)).rejects.toMatchObject({ code: '42501' });
      }
    });
  });

  it('refuses history of a cycle that does not exist', async () => {
    const [task] = await owner.query(`SELECT id, unit_code FROM task LIMIT 1`);
    await asApp(async (c) => {
      await expect(
        c.query(
          `INSERT INTO task_event (task_id, unit_code, cycle_id, actor_username, kind)
           VALUES ($1, $2, gen_random_uuid(), 'x', 'updated')`,
          [task.id, task.unit_code],
        ),
      ).rejects.toMatchObject({ code: '23514' }); // no partition of task_event for the row
    });
  });

  it('reads one cycle’s partition for a statement about that cycle’s history', async () => {
    const [task] = await owner.query(`SELECT id FROM task WHERE cycle_id = $1 LIMIT 1`, [
      cycles[1],
    ]);
    // The task page's history statement (graphql/loaders.ts: cycle and task ids).
    const plan: Array<{ 'QUERY PLAN': string }> = await owner.query(
      `EXPLAIN SELECT * FROM task_event WHERE cycle_id IN ($1) AND task_id IN ($2) ORDER BY id`,
      [cycles[1], task.id],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain(partitionOf(cycles[1]));
    expect(text).not.toContain(partitionOf(cycles[0]));
    // A task's history through the API, as its page asks for it.
    const operator = await api.signIn('enshi-scjg');
    const [own] = await owner.query(
      `SELECT t.id FROM task t WHERE t.cycle_id = $1 AND t.unit_code = '422801' LIMIT 1`,
      [cycles[1]],
    );
    const res = await operator.graphql<{ task: { history: Array<{ kind: string }> } }>(
      `query($id: ID!) { task(id: $id) { history { kind } } }`,
      { id: own.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.task.history.length).toBeGreaterThan(0);
  });

  it('migrates down to one table and up again keeping every row, id, link and the sequence', async () => {
    const before = await snapshot();
    expect(before.rows).toBeGreaterThan(0);
    expect(before.chains.every((c) => c.endsWith(': ok'))).toBe(true);

    // Back to before PartitionTaskHistoryByCycle (and ReadTaskHistoryByCycle after it).
    const applied: Array<{ name: string }> = await owner.query(
      `SELECT name FROM typeorm_migration ORDER BY id DESC`,
    );
    const steps = applied.findIndex((m) => m.name.startsWith('PartitionTaskHistoryByCycle')) + 1;
    expect(steps).toBeGreaterThan(0);
    await revertMigrations(owner, steps);
    const [{ kind }] = await owner.query(
      `SELECT relkind AS kind FROM pg_class WHERE oid = 'task_event'::regclass`,
    );
    expect(kind).toBe('r');
    expect(await snapshot()).toEqual(before);

    await runMigrations(owner);
    // As every start does after migrating (the new tables got the owner's default privileges).
    await grantAppPrivileges(api.database.url, appUrl());
    expect(await snapshot()).toEqual(before);
    expect(await partitions()).toEqual(cycles.map(partitionOf).sort());
    expect(await pendingSchemaChanges(owner)).toEqual([]);
    expect(await acl('task_event')).toEqual([
      `${TEST_APP_ROLE.user} INSERT`,
      `${TEST_APP_ROLE.user} SELECT`,
    ]);
    for (const cycle of cycles) expect(await acl(partitionOf(cycle))).toEqual([]);

    // The application keeps writing history, linked and with the next id.
    const [task] = await owner.query(
      `SELECT id, row_version FROM task WHERE cycle_id = $1 AND unit_code = '422801' LIMIT 1`,
      [cycles[0]],
    );
    const operator = await api.signIn('enshi-scjg');
    const res = await operator.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id } }`,
      { input: { taskId: task.id, expectedRowVersion: task.row_version, progressNote: '已部署' } },
    );
    expect(res.errors).toBeUndefined();
    const after = await snapshot();
    expect(after.rows).toBe(before.rows + 1);
    expect(BigInt(after.next)).toBe(BigInt(before.next) + 1n);
    expect(after.chains.every((c) => c.endsWith(': ok'))).toBe(true);
  });
});
