import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

/**
 * The review queue (待核验) holds only what its reader may decide: a prefecture's own tasks are
 * the province's to verify (task-scope.ts capacitiesOn), so they are in the provincial
 * supervisors' queue and workbench, and not in the prefecture supervisor's — who would be
 * refused on verifying or returning them. The task list with `reviewable` and the workbench's
 * section agree with each other and with what the workflow allows.
 */
describe('the review queue holds only the tasks its reader may verify', () => {
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let operator: SignedInClient;
  /** A task of 恩施州 itself (422800) and one of 恩施市 (422801), both submitted. */
  let prefectureTask: string;
  let countyTask: string;

  const QUEUE = `query($f: TaskFilterInput!) { tasks(filter: $f, first: 100) { totalCount nodes { id capabilities { transitions } } } }`;
  const queue = async (client: SignedInClient, reviewable: boolean) => {
    const res = await client.graphql<{
      tasks: {
        totalCount: number;
        nodes: Array<{ id: string; capabilities: { transitions: string[] } }>;
      };
    }>(QUEUE, { f: { cycleId, statuses: ['SUBMITTED'], ...(reviewable ? { reviewable } : {}) } });
    expect(res.errors).toBeUndefined();
    return res.data!.tasks;
  };
  const workbenchQueue = async (client: SignedInClient) => {
    const res = await client.graphql<{
      workbenchSection: { count: number; items: Array<{ taskId: string }> };
    }>(
      `query($c: ID) { workbenchSection(key: REVIEW_QUEUE, cycleId: $c, first: 100) { count items { taskId } } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.workbenchSection;
  };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshiZhou = await api.signIn('enshi-zhou');
    operator = await api.signIn('enshi-scjg');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = created.data!.createCycle.cycle.id;
    // Led by the market regulation department: 恩施市's one is enshi-scjg's.
    const first = async (unit: string): Promise<string> =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.cycle_id = $1 AND t.unit_code = $2 AND d.kind_code = 'market_regulation'
            ORDER BY t.id LIMIT 1`,
          [cycleId, unit],
        )
      )[0].id;
    prefectureTask = await first('422800');
    countyTask = await first('422801');
    // Submitted as their operators would have (the demo accounts have no 恩施州 operator).
    await db.query(
      `UPDATE task SET status = 'SUBMITTED', submitted_at = now(), progress_note = '已部署落实'
        WHERE id = ANY($1)`,
      [[prefectureTask, countyTask]],
    );
  });
  afterAll(() => api?.close());

  it('leaves the prefecture’s own tasks out of its supervisor’s queue', async () => {
    const all = await queue(enshiZhou, false);
    expect(all.nodes.map((n) => n.id).sort()).toEqual([prefectureTask, countyTask].sort());
    // What the workflow allows the supervisor on each: nothing on the prefecture's own task.
    const moves = new Map(all.nodes.map((n) => [n.id, n.capabilities.transitions]));
    expect(moves.get(prefectureTask)).toEqual([]);
    expect(moves.get(countyTask)).toEqual(expect.arrayContaining(['VERIFIED', 'RETURNED']));

    const reviewable = await queue(enshiZhou, true);
    expect(reviewable.nodes.map((n) => n.id)).toEqual([countyTask]);
    expect(reviewable.totalCount).toBe(1);
    const section = await workbenchQueue(enshiZhou);
    expect(section.count).toBe(1);
    expect(section.items.map((i) => i.taskId)).toEqual([countyTask]);
  });

  it('puts them in the provincial supervisors’ queue', async () => {
    const reviewable = await queue(province, true);
    expect(reviewable.nodes.map((n) => n.id).sort()).toEqual([prefectureTask, countyTask].sort());
    for (const node of reviewable.nodes) {
      expect(node.capabilities.transitions).toEqual(
        expect.arrayContaining(['VERIFIED', 'RETURNED']),
      );
    }
    const section = await workbenchQueue(province);
    expect(section.items.map((i) => i.taskId).sort()).toEqual([prefectureTask, countyTask].sort());
  });

  it('gives an operator an empty queue, not their unit’s submissions', async () => {
    const own = await queue(operator, false);
    expect(own.nodes.map((n) => n.id)).toContain(countyTask);
    expect((await queue(operator, true)).totalCount).toBe(0);
  });
});
