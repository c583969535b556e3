import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

const REQUEST = `mutation($i: RequestNotApplicableInput!) { requestNotApplicable(input: $i) { id status } }`;
const DECIDE = `mutation($i: DecideNotApplicableInput!) { decideNotApplicable(input: $i) { id status decidedBy decisionReason } }`;
const REVOKE = `mutation($i: RevokeNotApplicableInput!) { revokeNotApplicable(input: $i) { id status revokedBy } }`;
const APPLICABILITY = `query($t: ID!) { taskApplicability(taskId: $t) { status canRequest canDecide canRevoke requests { id status reason documentReference evidenceIds } } }`;
const SUMMARY = `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { tasks verified completionRate notApplicableTasks } }`;
const UNITS = `query($c: ID!, $p: String) { unitAnalytics(cycleId: $c, parentCode: $p) { unit { code } tasks verified completionRate } }`;
const SCORE = `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { score notApplicableTasks } }`;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 不适用 on 恩施市 (422801): a unit with N tasks of which K are verified has a completion rate
 * K ÷ N and, under a one-indicator plan (verified 1, not started 0), a score 100 × K ÷ N. One
 * approved not-applicable task takes both to K ÷ (N − 1); a revocation brings them back.
 */
describe('not-applicable tasks', () => {
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let naTask: string;
  let secondTask: string;
  let n: number;
  let k: number;
  let operator: SignedInClient;
  let otherOperator: SignedInClient;
  let prefecture: SignedInClient;
  let province: SignedInClient;
  let auditor: SignedInClient;
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));

  const request = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<{ requestNotApplicable: { id: string; status: string } }>(REQUEST, { i: input });
  const summary = async () =>
    (
      await prefecture.graphql<{
        analyticsSummary: {
          tasks: number;
          verified: number;
          completionRate: number;
          notApplicableTasks: number;
        };
      }>(SUMMARY, { c: cycleId, u: '422801' })
    ).data!.analyticsSummary;
  const unitRow = async () =>
    (
      await prefecture.graphql<{
        unitAnalytics: Array<{ unit: { code: string }; tasks: number; completionRate: number }>;
      }>(UNITS, { c: cycleId, p: '422800' })
    ).data!.unitAnalytics.find((u) => u.unit.code === '422801')!;
  const score = async () =>
    (
      await prefecture.graphql<{ unitAssessment: { score: number; notApplicableTasks: number } }>(
        SCORE,
        { c: cycleId, u: '422801' },
      )
    ).data!.unitAssessment;

  beforeAll(async () => {
    // As in production: the application connects as the least-privilege role.
    api = await startTestApi({}, { clock, leastPrivilege: true });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = created.data!.createCycle.cycle.id;
    operator = await api.signIn('enshi-scjg');
    otherOperator = await api.signIn('jiangan-scjg');
    prefecture = await api.signIn('enshi-zhou');
    auditor = await api.signIn('auditor');

    const tasks: Array<{ id: string; lineage: string; lead: string }> = await db.query(
      `SELECT t.id, t.duty_lineage_id AS lineage, d.kind_code AS lead FROM task t
         JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND t.cycle_id = $1 AND t.retired_at IS NULL ORDER BY t.id`,
      [cycleId],
    );
    n = tasks.length;
    expect(n).toBeGreaterThan(4);
    // No task is due before the clock: nothing is overdue, every unverified task scores 0.
    const [{ early }] = await db.query(
      `SELECT count(*)::int AS early FROM task WHERE cycle_id = $1 AND unit_code = '422801' AND due_date < '2026-03-02'`,
      [cycleId],
    );
    expect(early).toBe(0);
    const own = tasks.filter((t) => t.lead === 'market_regulation');
    [naTask, secondTask] = own.map((t) => t.id);
    // Set-up (not the behaviour under test): two other tasks verified.
    const verified = tasks.filter((t) => t.id !== naTask && t.id !== secondTask).slice(0, 2);
    k = verified.length;
    await db.query(`UPDATE task SET status = 'VERIFIED' WHERE id = ANY($1)`, [
      verified.map((t) => t.id),
    ]);
    // One indicator over every duty of the unit: score = 100 × mean(fractions).
    const plan = await province.graphql(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
      {
        i: {
          cycleId,
          expectedVersion: 0,
          note: '不适用测试方案',
          chapterWeights: [{ chapter: 1, weight: 100 }],
          indicators: [
            {
              id: 'ALL',
              name: '全部职责',
              chapter: 1,
              weight: 1,
              dutyIds: [...new Set(tasks.map((t) => t.lineage))],
            },
          ],
          ...STANDARD_PLAN_SETTINGS,
          deductions: { perExtensionBeyondFirst: 0, perReturn: 0 },
          bands: [
            { grade: '优秀', min: 90 },
            { grade: '合格', min: 60 },
            { grade: '不合格', min: 0 },
          ],
        },
      },
    );
    expect(plan.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  it('starts with every task counted', async () => {
    expect(await summary()).toEqual({
      tasks: n,
      verified: k,
      completionRate: round4(k / n),
      notApplicableTasks: 0,
    });
    expect(await score()).toEqual({ score: round2((100 * k) / n), notApplicableTasks: 0 });
  });

  it.each([
    [{ reason: '', documentReference: '恩施市经信〔2026〕3号' }, '请填写不适用的理由'],
    [{ reason: '本市无该行业', documentReference: '' }, '至少提供一份佐证材料或一项文件依据'],
    [{ reason: '长'.repeat(2001), documentReference: '文号' }, '最多 2000 字'],
    [{ reason: '本市无该行业', documentReference: '号'.repeat(201) }, '最多 200 字'],
    [
      { reason: '本市无该行业', evidenceIds: ['00000000-0000-4000-8000-000000000000'] },
      '本任务当前有效的文件',
    ],
  ])('refuses the request %# with a Chinese reason', async (input, message) => {
    const res = await request(operator, { taskId: naTask, ...input });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('refuses a request from anyone but the task’s operator', async () => {
    const input = { taskId: naTask, reason: '本市无该行业', documentReference: '文号' };
    expect((await request(otherOperator, input)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await request(prefecture, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await request(auditor, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('requests with evidence, approves, and the rate and score rescale', async () => {
    const upload = await uploadEvidence(api, operator, naTask, [
      { name: '行业情况说明.pdf', content: samplePdf('no-industry') },
    ]);
    expect(upload.status).toBe(201);
    const evidenceId = upload.body.evidence![0].id;
    const asked = await request(operator, {
      taskId: naTask,
      reason: '本市无船舶制造企业，该职责不适用。',
      evidenceIds: [evidenceId],
      documentReference: '恩施市经信〔2026〕3号',
    });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestNotApplicable.status).toBe('PENDING');
    const again = await request(operator, {
      taskId: naTask,
      reason: '再次申请',
      documentReference: 'x',
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Requested is not yet approved: nothing changes in the figures.
    expect((await summary()).tasks).toBe(n);

    const requests = await db.query(
      `SELECT recipient_username FROM notification WHERE kind = 'APPROVAL_REQUESTED' AND task_id = $1 ORDER BY 1`,
      [naTask],
    );
    expect(requests.map((r: { recipient_username: string }) => r.recipient_username)).toEqual([
      'enshi-zhou',
      'province',
    ]);
    const seen = await prefecture.graphql<{
      taskApplicability: {
        status: string;
        canDecide: boolean;
        requests: Array<{ evidenceIds: string[] }>;
      };
    }>(APPLICABILITY, { t: naTask });
    expect(seen.data!.taskApplicability).toMatchObject({ status: 'REQUESTED', canDecide: true });
    expect(seen.data!.taskApplicability.requests[0].evidenceIds).toEqual([evidenceId]);

    const id = asked.data!.requestNotApplicable.id;
    const byOperator = await operator.graphql(DECIDE, {
      i: { requestId: id, approve: true, reason: '同意' },
    });
    expect(byOperator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await prefecture.graphql(DECIDE, {
      i: { requestId: id, approve: true, reason: ' ' },
    });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const approved = await prefecture.graphql<{ decideNotApplicable: { status: string } }>(DECIDE, {
      i: { requestId: id, approve: true, reason: '经核实，该市无此行业。' },
    });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideNotApplicable.status).toBe('APPROVED');
    const twice = await prefecture.graphql(DECIDE, {
      i: { requestId: id, approve: false, reason: '改判' },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // By hand: K verified over N − 1 applicable tasks.
    expect(await summary()).toEqual({
      tasks: n - 1,
      verified: k,
      completionRate: round4(k / (n - 1)),
      notApplicableTasks: 1,
    });
    expect(await unitRow()).toMatchObject({ tasks: n - 1, completionRate: round4(k / (n - 1)) });
    expect(await score()).toEqual({ score: round2((100 * k) / (n - 1)), notApplicableTasks: 1 });

    const [task] = await db.query(`SELECT not_applicable_status FROM task WHERE id = $1`, [naTask]);
    expect(task.not_applicable_status).toBe('APPROVED');
    const tag = await operator.graphql<{ task: { notApplicableStatus: string } }>(
      `query($t: ID!) { task(id: $t) { notApplicableStatus } }`,
      { t: naTask },
    );
    expect(tag.data!.task.notApplicableStatus).toBe('APPROVED');
    // Frozen while approved: its status cannot move (work declared not to apply is not counted).
    const [{ row_version: rowVersion }] = await db.query(
      `SELECT row_version FROM task WHERE id = $1`,
      [naTask],
    );
    const moved = await operator.graphql(
      `mutation($i: TaskChangeInput!) { updateTask(input: $i) { id } }`,
      { i: { taskId: naTask, expectedRowVersion: rowVersion, status: 'SUBMITTED' } },
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NOT_APPLICABLE' },
    });
    const decided = await db.query(
      `SELECT recipient_username, title FROM notification WHERE kind = 'APPROVAL_DECIDED' AND task_id = $1`,
      [naTask],
    );
    expect(decided).toEqual([
      { recipient_username: 'enshi-scjg', title: expect.stringContaining('已同意') },
    ]);
  });

  it('lets only a provincial supervisor revoke, with a reason; the task counts again', async () => {
    const [{ id }] = await db.query(
      `SELECT id FROM task_not_applicable_request WHERE task_id = $1 AND status = 'APPROVED'`,
      [naTask],
    );
    const byPrefecture = await prefecture.graphql(REVOKE, { i: { requestId: id, reason: '撤销' } });
    expect(byPrefecture.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await province.graphql(REVOKE, { i: { requestId: id, reason: '' } });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const revoked = await province.graphql<{ revokeNotApplicable: { status: string } }>(REVOKE, {
      i: { requestId: id, reason: '复核发现该市已有相关企业。' },
    });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeNotApplicable.status).toBe('REVOKED');
    expect(await summary()).toEqual({
      tasks: n,
      verified: k,
      completionRate: round4(k / n),
      notApplicableTasks: 0,
    });
    expect(await score()).toEqual({ score: round2((100 * k) / n), notApplicableTasks: 0 });
    const twice = await province.graphql(REVOKE, { i: { requestId: id, reason: '再次撤销' } });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('rejects a request with a reason: nothing leaves the figures; a new request is possible', async () => {
    const asked = await request(operator, {
      taskId: secondTask,
      reason: '该项工作由州级统一开展。',
      documentReference: '恩施州市监〔2026〕8号',
    });
    expect(asked.errors).toBeUndefined();
    const rejected = await prefecture.graphql<{
      decideNotApplicable: { status: string; decisionReason: string };
    }>(DECIDE, {
      i: {
        requestId: asked.data!.requestNotApplicable.id,
        approve: false,
        reason: '县级仍须落实属地责任。',
      },
    });
    expect(rejected.data!.decideNotApplicable).toMatchObject({
      status: 'REJECTED',
      decisionReason: '县级仍须落实属地责任。',
    });
    expect((await summary()).tasks).toBe(n);
    const view = await operator.graphql<{
      taskApplicability: { status: string; canRequest: boolean };
    }>(APPLICABILITY, { t: secondTask });
    expect(view.data!.taskApplicability).toEqual(
      expect.objectContaining({ status: 'REJECTED', canRequest: true }),
    );
  });

  it('runs as a role that may not rewrite comments (append-only), but may keep requests', async () => {
    const [privileges] = await db.query(
      `SELECT current_user AS role,
              has_table_privilege('task_comment', 'INSERT') AS comment_insert,
              has_table_privilege('task_comment', 'UPDATE') AS comment_update,
              has_table_privilege('task_comment', 'DELETE') AS comment_delete,
              has_table_privilege('task_comment_attachment', 'UPDATE') AS attachment_update,
              has_table_privilege('task_not_applicable_request', 'UPDATE') AS request_update`,
    );
    expect(privileges).toEqual({
      role: 'duty_test_app',
      comment_insert: true,
      comment_update: false,
      comment_delete: false,
      attachment_update: false,
      request_update: true,
    });
  });

  it('records every step in the task history', async () => {
    const events = await db.query(
      `SELECT kind, actor_username, reason FROM task_event
        WHERE task_id = ANY($1) AND kind LIKE 'not_applicable%' ORDER BY id`,
      [[naTask, secondTask]],
    );
    expect(
      events.map((e: { kind: string; actor_username: string }) => [e.kind, e.actor_username]),
    ).toEqual([
      ['not_applicable_requested', 'enshi-scjg'],
      ['not_applicable_decided', 'enshi-zhou'],
      ['not_applicable_revoked', 'province'],
      ['not_applicable_requested', 'enshi-scjg'],
      ['not_applicable_decided', 'enshi-zhou'],
    ]);
    expect(events.every((e: { reason: string | null }) => !!e.reason)).toBe(true);
  });
});
