import { DataSource, Repository } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { AppUser } from '../user.entity';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

/**
 * Issue 17, item 3: the Person fields added next to the usernames that task, assist, 不适用,
 * assessment plan, frozen result set and delivery records keep. Each resolves to name and office
 * through the request's loader (one statement for a page, not one per row), and is reachable only
 * through its parent, so it is authorized exactly like the parent. Real API over HTTP, real
 * PostgreSQL, the demo accounts.
 */
const WANG = '王晓燕（江岸区市场监督管理局质量股）';
const LI = '李文华（湖北省市场监督管理局质量发展局）';
const PERSON = '{ username name office label human }';

describe('Person fields on tasks, assessment and deliveries', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let operator: SignedInClient;
  let otherCounty: SignedInClient;
  let sys: SignedInClient;
  let cycleId: string;
  let taskId: string;

  const ok = <T>(res: { data?: T; errors?: unknown[] }): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    operator = await api.signIn('jiangan-scjg');
    otherCounty = await api.signIn('enshi-scjg');
    sys = await api.signIn('sysadmin');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    cycleId = ok(
      await province.graphql<{ createCycle: { cycle: { id: string } } }>(
        `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
        { v: versionId },
      ),
    ).createCycle.cycle.id;
    [{ id: taskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 1`,
      [cycleId],
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  it('names who acknowledged and who last changed a task, and who wrote an assist’s contribution', async () => {
    ok(
      await operator.graphql(
        `mutation($ids: [ID!]!) { acknowledgeTasks(input: { taskIds: $ids }) { id } }`,
        {
          ids: [taskId],
        },
      ),
    );
    const before = ok(
      await operator.graphql<{ task: { rowVersion: number } }>(
        `query($id: ID!) { task(id: $id) { rowVersion } }`,
        { id: taskId },
      ),
    );
    ok(
      await operator.graphql(`mutation($i: TaskChangeInput!) { updateTask(input: $i) { id } }`, {
        i: { taskId, expectedRowVersion: before.task.rowVersion, progressNote: '已起草方案' },
      }),
    );
    const read = await province.graphql<{
      task: { updatedBy: string; updater: unknown; acknowledgedBy: string; acknowledger: unknown };
    }>(
      `query($id: ID!) { task(id: $id) { updatedBy updater ${PERSON} acknowledgedBy acknowledger ${PERSON} } }`,
      { id: taskId },
    );
    const wang = {
      username: 'jiangan-scjg',
      name: '王晓燕',
      office: '江岸区市场监督管理局质量股',
      label: WANG,
      human: true,
    };
    expect(ok(read).task).toEqual({
      updatedBy: 'jiangan-scjg',
      updater: wang,
      acknowledgedBy: 'jiangan-scjg',
      acknowledger: wang,
    });

    // The fields are reached only through the task: another county's operator gets nothing.
    const denied = await otherCounty.graphql(
      `query($id: ID!) { task(id: $id) { updater { label } acknowledger { label } } }`,
      { id: taskId },
    );
    expect(denied.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(denied.data?.task ?? null).toBeNull();

    // An assist's contribution, by name and office.
    const [{ id: deptId }] = await db.query(
      `SELECT id FROM department WHERE unit_code = '420102' AND kind_code = 'market_regulation'`,
    );
    const [{ id: assisted }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code <> 'market_regulation'
          AND NOT EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = t.id AND a.department_id = $2)
        ORDER BY t.id LIMIT 1`,
      [cycleId, deptId],
    );
    await db.query(`INSERT INTO task_assist (task_id, department_id) VALUES ($1, $2)`, [
      assisted,
      deptId,
    ]);
    const assists = ok(
      await operator.graphql<{
        setTaskContribution: { assists: Array<{ updater: { label: string } | null }> };
      }>(
        `mutation($id: ID!) { setTaskContribution(taskId: $id, note: "配合开展检查") { assists { updater { label } } } }`,
        { id: assisted },
      ),
    ).setTaskContribution.assists;
    expect(assists.map((a) => a.updater?.label)).toContain(WANG);
  });

  it('names who asked for, decided and revoked a 不适用', async () => {
    const [{ id: naTask }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
          AND t.id <> $2
        ORDER BY t.id LIMIT 1`,
      [cycleId, taskId],
    );
    const requested = ok(
      await operator.graphql<{ requestNotApplicable: { id: string } }>(
        `mutation($i: RequestNotApplicableInput!) { requestNotApplicable(input: $i) { id } }`,
        { i: { taskId: naTask, reason: '本区无相关企业', documentReference: '岸经信〔2026〕3号' } },
      ),
    ).requestNotApplicable.id;
    ok(
      await province.graphql(
        `mutation($i: DecideNotApplicableInput!) { decideNotApplicable(input: $i) { id } }`,
        { i: { requestId: requested, approve: true, reason: '经核实无此行业' } },
      ),
    );
    ok(
      await province.graphql(
        `mutation($i: RevokeNotApplicableInput!) { revokeNotApplicable(input: $i) { id } }`,
        { i: { requestId: requested, reason: '发现新设企业' } },
      ),
    );
    const state = ok(
      await operator.graphql<{
        taskApplicability: {
          requests: Array<{
            requester: { label: string };
            decider: { label: string } | null;
            revoker: { label: string } | null;
          }>;
        };
      }>(
        `query($t: ID!) { taskApplicability(taskId: $t) { requests { requester { label } decider { label } revoker { label } } } }`,
        { t: naTask },
      ),
    );
    expect(state.taskApplicability.requests).toEqual([
      { requester: { label: WANG }, decider: { label: LI }, revoker: { label: LI } },
    ]);
  });

  it('loads the people of a whole task page in one statement, not one per row', async () => {
    await db.query(
      `UPDATE task SET acknowledged_by = 'jiangan-scjg', acknowledged_at = now(), updated_by = 'province'
        WHERE cycle_id = $1 AND unit_code = '420102'`,
      [cycleId],
    );
    const find = jest.spyOn(Repository.prototype, 'find');
    try {
      const page = ok(
        await province.graphql<{
          tasks: { nodes: Array<{ updater: { label: string }; acknowledger: { label: string } }> };
        }>(
          `query($c: ID!) { tasks(filter: { cycleId: $c, unitCode: "420102" }, first: 50) { nodes { updater { label } acknowledger { label } } } }`,
          { c: cycleId },
        ),
      ).tasks.nodes;
      expect(page.length).toBeGreaterThan(10);
      expect(page.every((t) => t.updater.label === LI && t.acknowledger.label === WANG)).toBe(true);
      const userLookups = find.mock.contexts.filter(
        (repo) => (repo as Repository<object>).target === AppUser,
      );
      expect(userLookups).toHaveLength(1);
    } finally {
      find.mockRestore();
    }
  });

  it('names who saved an assessment plan, who froze the results and who reopened them', async () => {
    const plan = ok(
      await province.graphql<{
        assessmentPlan: {
          creator: unknown;
          chapterWeights: Array<{ chapter: number; weight: number }>;
        };
      }>(
        `query($c: ID!) { assessmentPlan(cycleId: $c) { creator { label } chapterWeights { chapter weight } } }`,
        { c: cycleId },
      ),
    ).assessmentPlan;
    // The default plan was saved by nobody.
    expect(plan.creator).toBeNull();
    const saved = ok(
      await province.graphql<{
        saveAssessmentPlan: { version: number; creator: { label: string } };
      }>(
        `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version creator { label } } }`,
        {
          i: {
            cycleId,
            expectedVersion: 0,
            note: '人员显示测试',
            chapterWeights: plan.chapterWeights.map(({ chapter, weight }) => ({ chapter, weight })),
            ...STANDARD_PLAN_SETTINGS,
          },
        },
      ),
    );
    expect(saved.saveAssessmentPlan.creator).toEqual({ label: LI });

    ok(
      await province.graphql(`mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`, {
        c: cycleId,
      }),
    );
    ok(
      await province.graphql(
        `mutation($c: ID!) { reopenCycle(cycleId: $c, reason: "补录佐证材料") { state } }`,
        { c: cycleId },
      ),
    );
    const sets = ok(
      await province.graphql<{
        assessmentResultSets: Array<{
          closedBy: string;
          closer: { label: string };
          reopener: { label: string } | null;
        }>;
      }>(
        `query($c: ID!) { assessmentResultSets(cycleId: $c) { closedBy closer { label } reopener { label } } }`,
        { c: cycleId },
      ),
    ).assessmentResultSets;
    expect(sets).toEqual([
      { closedBy: 'province', closer: { label: LI }, reopener: { label: LI } },
    ]);
    // Like their parent, result sets are not the system administrator's to read (三权分立).
    const denied = await sys.graphql(
      `query($c: ID!) { assessmentResultSets(cycleId: $c) { closer { label } } }`,
      { c: cycleId },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the recipient of an outgoing delivery for the system administrator only', async () => {
    const [{ id: notificationId }] = await db.query(
      `INSERT INTO notification (recipient_username, kind, title, body, link, created_at)
       VALUES ('jiangan-scjg', 'TASK_VERIFIED', '任务已核验', '', '/tasks', now()) RETURNING id`,
    );
    await db.query(
      `INSERT INTO notification_delivery
         (notification_id, recipient_username, channel, target, payload, status, attempts, next_attempt_at, last_error, created_at)
       VALUES ($1, 'jiangan-scjg', 'WEBHOOK', 'https://gw.example.gov.cn/duty', '{}', 'FAILED', 8, now(), 'HTTP 503', now())`,
      [notificationId],
    );
    const log = ok(
      await sys.graphql<{
        notificationDeliveries: {
          items: Array<{ recipientUsername: string; recipient: { label: string; human: boolean } }>;
        };
      }>(`{ notificationDeliveries { items { recipientUsername recipient { label human } } } }`),
    );
    expect(log.notificationDeliveries.items).toContainEqual({
      recipientUsername: 'jiangan-scjg',
      recipient: { label: WANG, human: true },
    });
    const denied = await operator.graphql(
      `{ notificationDeliveries { items { recipient { label } } } }`,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to create an account under a name the system writes history as', async () => {
    for (const username of ['system', 'demo-seed', 'seed']) {
      const res = await sys.graphql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`,
        { i: { username, displayName: '冒充者' } },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/系统保留/);
    }
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE username IN ('system', 'demo-seed', 'seed')`,
    );
    expect(n).toBe(0);
  });
});
