import { DataSource } from 'typeorm';
import { migrations } from '@duty/migrations';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

type QueueNode = {
  id: string;
  submittedAt: string | null;
  submittedBy: string | null;
  submitter: { username: string; label: string } | null;
};
type QueuePage = { tasks: { cycleId: string | null; totalCount: number; nodes: QueueNode[] } };

const QUEUE = `query($filter: TaskFilterInput!, $sort: TaskSort!, $direction: SortDirection!) {
  tasks(filter: $filter, first: 100, offset: 0, sort: $sort, direction: $direction) {
    cycleId totalCount nodes { id submittedAt submittedBy submitter { username label } } } }`;

/**
 * The review queue's order (issue 17): `task.submitted_at` is the latest submission event of
 * the history — set by the submit workflow, kept by the trigger for history written without it
 * (the demo seed), rebuilt by the migration's backfill — and `SUBMITTED_AT` sorts by it both ways.
 */
describe('submission time: workflow, trigger, backfill and the queue order', () => {
  let api: TestApi;
  let db: DataSource;
  let operator: SignedInClient;
  let zhou: SignedInClient;
  let cycleId: string;
  /** Three tasks of 恩施市's market regulation department, submitted in this order. */
  let ids: string[];
  /** A fourth task whose submissions are written into the history directly, as the seed does. */
  let seeded: string;

  const version = async (id: string): Promise<number> =>
    (await db.query(`SELECT row_version FROM task WHERE id = $1`, [id]))[0].row_version;
  const change = async (id: string, input: Record<string, unknown>) => {
    const res = await operator.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id } }`,
      { input: { taskId: id, expectedRowVersion: await version(id), ...input } },
    );
    expect(res.errors).toBeUndefined();
  };
  const queue = async (
    direction: 'ASC' | 'DESC',
    filter: Record<string, unknown> = { cycleId },
  ) => {
    const res = await zhou.graphql<QueuePage>(QUEUE, {
      filter: { ...filter, statuses: ['SUBMITTED'] },
      sort: 'SUBMITTED_AT',
      direction,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.tasks;
  };
  const latestSubmissionEvents = async (): Promise<Map<string, { at: string; by: string }>> => {
    const rows: Array<{ task_id: string; at: string; by: string }> = await db.query(
      `SELECT DISTINCT ON (task_id) task_id, occurred_at::text AS at, actor_username AS by
         FROM task_event WHERE cycle_id = $1 AND kind = 'status' AND after->>'status' = 'SUBMITTED'
        ORDER BY task_id, occurred_at DESC, id DESC`,
      [cycleId],
    );
    return new Map(rows.map((r) => [r.task_id, { at: r.at, by: r.by }]));
  };
  const columns = async (): Promise<Map<string, { at: string; by: string }>> => {
    const rows: Array<{ id: string; at: string; by: string }> = await db.query(
      `SELECT id, submitted_at::text AS at, submitted_by AS by FROM task
        WHERE cycle_id = $1 AND submitted_at IS NOT NULL`,
      [cycleId],
    );
    return new Map(rows.map((r) => [r.id, { at: r.at, by: r.by }]));
  };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    [operator, zhou] = await Promise.all([api.signIn('enshi-scjg'), api.signIn('enshi-zhou')]);
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(created.errors).toBeUndefined();
    cycleId = created.data!.createCycle.cycle.id;
    const own: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 4`,
      [cycleId],
    );
    expect(own).toHaveLength(4);
    ids = own.slice(0, 3).map((r) => r.id);
    seeded = own[3].id;
    for (const id of ids) {
      const upload = await uploadEvidence(api, operator, id, [
        { name: '佐证.pdf', content: samplePdf(`submitted-at ${id}`) },
      ]);
      expect(upload.status).toBe(201);
      await change(id, { progressNote: '已部署落实' });
    }
    // Submitted in the order of `ids`, each in its own transaction (its own now()).
    for (const id of ids) await change(id, { status: 'SUBMITTED' });
    // The first one is touched again afterwards (an extension request): its last change is now
    // the newest, its submission still the oldest — updated_at would sort it wrongly.
    const ext = await operator.graphql(
      `mutation($input: RequestExtensionInput!) { requestTaskExtension(input: $input) { request { id } } }`,
      {
        input: {
          taskId: ids[0],
          expectedRowVersion: await version(ids[0]),
          newDueDate: '2027-01-31',
          reason: '需等待省级文件印发',
        },
      },
    );
    expect(ext.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('records the submission time and submitter in the transaction of the submission', async () => {
    const events = await latestSubmissionEvents();
    const stored = await columns();
    for (const id of ids) {
      expect(stored.get(id)).toEqual(events.get(id));
      expect(stored.get(id)?.by).toBe('enshi-scjg');
    }
    const [{ submitted, updated }] = await db.query(
      `SELECT submitted_at::text AS submitted, updated_at::text AS updated FROM task WHERE id = $1`,
      [ids[0]],
    );
    expect(updated > submitted).toBe(true);
  });

  it('sorts the queue by submission time, oldest or newest first, naming the submitter', async () => {
    const oldest = await queue('ASC');
    expect(oldest.totalCount).toBe(3);
    expect(oldest.nodes.map((n) => n.id)).toEqual(ids);
    expect((await queue('DESC')).nodes.map((n) => n.id)).toEqual([...ids].reverse());
    const [{ display_name: name, office }] = await db.query(
      `SELECT display_name, office FROM app_user WHERE username = 'enshi-scjg'`,
    );
    for (const node of oldest.nodes) {
      expect(node.submittedBy).toBe('enshi-scjg');
      expect(node.submitter?.username).toBe('enshi-scjg');
      expect(node.submitter?.label).toBe(office ? `${name}（${office}）` : name);
      expect(node.submitter?.label).not.toBe('enshi-scjg');
    }
    // Ordered by submission, not by the last change (the extension request moved ids[0]).
    const byUpdate = await zhou.graphql<QueuePage>(QUEUE, {
      filter: { cycleId, statuses: ['SUBMITTED'] },
      sort: 'UPDATED_AT',
      direction: 'DESC',
    });
    expect(byUpdate.data!.tasks.nodes[0].id).toBe(ids[0]);
  });

  it('answers for the current cycle when asked without one, and names it', async () => {
    const current = await queue('DESC', { currentCycle: true });
    expect(current.cycleId).toBe(cycleId);
    expect(current.nodes.map((n) => n.id)).toEqual([...ids].reverse());
    // Without currentCycle nothing changes: every cycle, no cycle named.
    const all = await queue('DESC', {});
    expect(all.cycleId).toBeNull();
  });

  it('keeps the column in step with history written without the workflow (the demo seed)', async () => {
    const [{ unit_code: unitCode }] = await db.query(`SELECT unit_code FROM task WHERE id = $1`, [
      seeded,
    ]);
    const submit = (at: string, by: string) =>
      db.query(
        `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
         VALUES ($1, $2, $3, $4, $5, 'status', '{"status":"IN_PROGRESS"}', '{"status":"SUBMITTED"}')`,
        [seeded, unitCode, cycleId, at, by],
      );
    await db.query(`UPDATE task SET status = 'SUBMITTED' WHERE id = $1`, [seeded]);
    await submit('2026-02-01T02:00:00Z', 'demo-seed');
    // An older event appended later does not move it back.
    await submit('2026-01-15T02:00:00Z', 'enshi-scjg');
    let stored = (await columns()).get(seeded);
    expect(stored?.by).toBe('demo-seed');
    expect(new Date(stored!.at).toISOString()).toBe('2026-02-01T02:00:00.000Z');
    expect((await queue('ASC')).nodes.map((n) => n.id)).toEqual([seeded, ...ids]);
    // A later resubmission does.
    await submit('2026-02-10T02:00:00Z', 'enshi-scjg');
    stored = (await columns()).get(seeded);
    expect(new Date(stored!.at).toISOString()).toBe('2026-02-10T02:00:00.000Z');
    expect(stored?.by).toBe('enshi-scjg');
  });

  it('backfills every task from its latest submission event', async () => {
    const before = await columns();
    expect(before.size).toBe(4);
    expect(before).toEqual(await latestSubmissionEvents());
    const Migration = migrations.find((m) => m.name === 'AddTaskSubmittedAt1796800000000');
    expect(Migration).toBeDefined();
    const migration = new Migration!();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await columns();
    expect(after).toEqual(before);
    // Tasks never submitted stay empty.
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM task WHERE cycle_id = $1 AND submitted_at IS NOT NULL`,
      [cycleId],
    );
    expect(count).toBe(4);
    expect((await queue('DESC')).nodes.map((n) => n.id)).toEqual([...ids].reverse().concat(seeded));
  });
});
