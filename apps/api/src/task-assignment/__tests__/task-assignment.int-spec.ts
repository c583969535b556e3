import { DataSource } from 'typeorm';
import { migrations } from '@duty/migrations';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

const TASK_FIELDS = `id status rowVersion acknowledgedAt acknowledgedBy leadDepartment { id name }
  assists { departmentId }
  assignmentCapabilities { acknowledge requestReassignment decideReassignment reassign }
  reassignments { id kind status reason decisionReason fromDepartment { id } toDepartment { id } }`;
const ACKNOWLEDGE = `mutation($ids: [ID!]!) { acknowledgeTasks(input: { taskIds: $ids }) { ${TASK_FIELDS} } }`;
const TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const REQUEST = `mutation($input: RequestReassignmentInput!) { requestTaskReassignment(input: $input) { id status kind } }`;
const DECIDE = `mutation($input: DecideReassignmentInput!) { decideTaskReassignment(input: $input) { id status decidedBy decisionReason appliedAt } }`;
const REASSIGN = `mutation($input: ReassignTaskInput!) { reassignTask(input: $input) { id status kind appliedAt } }`;
const COUNTS = `query($c: ID!) { unacknowledgedTaskCounts(cycleId: $c) { unitCode unitName count } }`;

interface TaskView {
  id: string;
  status: string;
  rowVersion: number;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  leadDepartment: { id: string; name: string };
  assists: Array<{ departmentId: string }>;
  assignmentCapabilities: Record<string, boolean>;
  reassignments: Array<{ id: string; kind: string; status: string; reason: string }>;
}

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  res.errors?.[0]?.extensions?.code;

/**
 * 签收 and 转办 against the real API and PostgreSQL, on the county 恩施市 (422801, under 恩施州):
 * its market-regulation operator (enshi-scjg), a second operator created here for another of
 * its departments, the prefecture supervisor (enshi-zhou) and the provincial supervisor.
 */
describe('task acknowledgement (签收) and reassignment (转办)', () => {
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let market: string; // 恩施市市场监督管理局
  let other: string; // another department of 恩施市, with its own operator
  let otherKind: string;
  const clients = {} as Record<
    'operator' | 'otherOperator' | 'foreign' | 'prefecture' | 'province' | 'auditor',
    SignedInClient
  >;

  /** Tasks of 恩施市 led by the market-regulation department, none touched by an earlier test. */
  const fresh: string[] = [];
  const nextTask = () => fresh.shift() as string;
  const view = async (client: SignedInClient, id: string) =>
    (await client.graphql<{ task: TaskView }>(TASK, { id })).data?.task as TaskView;
  const notifications = (kind: string, taskId: string): Promise<Array<{ recipient: string }>> =>
    db.query(
      `SELECT recipient_username AS recipient FROM notification WHERE kind = $1 AND task_id = $2 ORDER BY 1`,
      [kind, taskId],
    );
  const events = (taskId: string, kind: string) =>
    db.query(
      `SELECT actor_username, before, after, reason FROM task_event WHERE task_id = $1 AND kind = $2 ORDER BY id`,
      [taskId, kind],
    );

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    clients.province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await clients.province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = created.data!.createCycle.cycle.id;
    [{ id: market }] = await db.query(
      `SELECT id FROM department WHERE unit_code = '422801' AND kind_code = 'market_regulation'`,
    );
    [{ id: other, kind_code: otherKind }] = await db.query(
      `SELECT id, kind_code FROM department WHERE unit_code = '422801' AND kind_code <> 'market_regulation'
        ORDER BY kind_code LIMIT 1`,
    );
    // A second operator of 恩施市, for the department tasks are moved to (same password).
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, demo_account)
       SELECT 'enshi-other', '恩施市其他部门经办人（测试）', password_hash, password_changed_at, false,
              role, unit_code, $1, demo_account
         FROM app_user WHERE username = 'enshi-scjg'`,
      [other],
    );
    const rows: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t WHERE t.unit_code = '422801' AND t.lead_department_id = $1
          AND NOT EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = t.id)
        ORDER BY t.id`,
      [market],
    );
    fresh.push(...rows.map((r) => r.id));
    expect(fresh.length).toBeGreaterThanOrEqual(10);
    clients.operator = await api.signIn('enshi-scjg');
    clients.otherOperator = await api.signIn('enshi-other');
    clients.foreign = await api.signIn('jiangan-scjg');
    clients.prefecture = await api.signIn('enshi-zhou');
    clients.auditor = await api.signIn('auditor');
  });
  afterAll(() => api?.close());

  describe('签收', () => {
    it('shows a generated task as 待签收 until its lead department acknowledges it, once', async () => {
      const id = nextTask();
      const before = await view(clients.operator, id);
      expect(before.acknowledgedAt).toBeNull();
      expect(before.assignmentCapabilities.acknowledge).toBe(true);

      const res = await clients.operator.graphql<{ acknowledgeTasks: TaskView[] }>(ACKNOWLEDGE, {
        ids: [id],
      });
      expect(res.errors).toBeUndefined();
      const [task] = res.data!.acknowledgeTasks;
      expect(task.acknowledgedBy).toBe('enshi-scjg');
      expect(task.acknowledgedAt).not.toBeNull();
      expect(task.rowVersion).toBe(before.rowVersion + 1);
      expect(task.assignmentCapabilities.acknowledge).toBe(false);

      // Again: nothing changes and the history holds one entry.
      const again = await clients.operator.graphql<{ acknowledgeTasks: TaskView[] }>(ACKNOWLEDGE, {
        ids: [id],
      });
      expect(again.data!.acknowledgeTasks[0].rowVersion).toBe(task.rowVersion);
      const history = await events(id, 'acknowledged');
      expect(history).toHaveLength(1);
      expect(history[0].actor_username).toBe('enshi-scjg');
    });

    it('acknowledges in bulk, and the list filter and per-unit counts follow', async () => {
      const ids = [nextTask(), nextTask(), nextTask()];
      const count = async (client: SignedInClient, acknowledged: boolean) =>
        (
          await client.graphql<{ tasks: { totalCount: number } }>(
            `query($f: TaskFilterInput) { tasks(filter: $f) { totalCount } }`,
            { f: { cycleId, acknowledged } },
          )
        ).data!.tasks.totalCount;
      const enshi = async () =>
        (
          await clients.prefecture.graphql<{
            unacknowledgedTaskCounts: Array<{ unitCode: string; count: number }>;
          }>(COUNTS, { c: cycleId })
        ).data!.unacknowledgedTaskCounts;

      const pendingBefore = await count(clients.operator, false);
      const doneBefore = await count(clients.operator, true);
      const unitBefore = (await enshi()).find((r) => r.unitCode === '422801')!.count;
      const res = await clients.operator.graphql<{ acknowledgeTasks: TaskView[] }>(ACKNOWLEDGE, {
        ids,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.acknowledgeTasks.every((t) => t.acknowledgedBy === 'enshi-scjg')).toBe(true);
      expect(await count(clients.operator, false)).toBe(pendingBefore - 3);
      expect(await count(clients.operator, true)).toBe(doneBefore + 3);

      const counts = await enshi();
      expect(counts.find((r) => r.unitCode === '422801')!.count).toBe(unitBefore - 3);
      // The prefecture supervisor sees the prefecture's units only; the figures are the table's.
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task WHERE cycle_id = $1 AND unit_code = '422801'
            AND acknowledged_at IS NULL AND retired_at IS NULL`,
        [cycleId],
      );
      expect(unitBefore - 3).toBe(n);
      expect(counts.every((r) => r.unitCode.startsWith('4228'))).toBe(true);
      const province = (
        await clients.province.graphql<{ unacknowledgedTaskCounts: Array<{ unitCode: string }> }>(
          COUNTS,
          { c: cycleId },
        )
      ).data!.unacknowledgedTaskCounts;
      expect(province.some((r) => r.unitCode === '420102')).toBe(true);
      // An operator counts only what their own department leads or assists in their unit.
      const own = (
        await clients.foreign.graphql<{ unacknowledgedTaskCounts: Array<{ unitCode: string }> }>(
          COUNTS,
          { c: cycleId },
        )
      ).data!.unacknowledgedTaskCounts;
      expect(own.map((r) => r.unitCode)).toEqual(['420102']);
    });

    it('refuses other units’ tasks as not found, others’ roles as forbidden, all or nothing', async () => {
      const id = nextTask();
      const mine = nextTask();
      expect(codeOf(await clients.foreign.graphql(ACKNOWLEDGE, { ids: [id] }))).toBe('NOT_FOUND');
      expect(codeOf(await clients.prefecture.graphql(ACKNOWLEDGE, { ids: [id] }))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await clients.auditor.graphql(ACKNOWLEDGE, { ids: [id] }))).toBe('FORBIDDEN');
      // A foreign id in a bulk call: the whole call fails and names the item.
      const [{ id: foreignTask }] = await db.query(
        `SELECT id FROM task WHERE unit_code = '420102' AND cycle_id = $1 LIMIT 1`,
        [cycleId],
      );
      const bulk = await clients.operator.graphql(ACKNOWLEDGE, { ids: [mine, foreignTask] });
      expect(codeOf(bulk)).toBe('NOT_FOUND');
      expect(bulk.errors![0].message).toMatch(/^第 2 项/);
      const [{ acknowledged_at }] = await db.query(
        `SELECT acknowledged_at FROM task WHERE id = $1`,
        [mine],
      );
      expect(acknowledged_at).toBeNull();
      expect(codeOf(await clients.operator.graphql(ACKNOWLEDGE, { ids: [] }))).toBe(
        'VALIDATION_FAILED',
      );
      expect(codeOf(await clients.operator.graphql(ACKNOWLEDGE, { ids: ['not-a-uuid'] }))).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  describe('转办', () => {
    it('request → approval moves the lead, resets 签收, records history and notifies', async () => {
      const id = nextTask();
      await clients.operator.graphql(ACKNOWLEDGE, { ids: [id] });
      const before = await view(clients.operator, id);
      expect(before.assignmentCapabilities.requestReassignment).toBe(true);

      const requested = await clients.operator.graphql<{
        requestTaskReassignment: { id: string; status: string; kind: string };
      }>(REQUEST, { input: { taskId: id, toDepartmentId: other, reason: '该事项由该部门主管' } });
      expect(requested.errors).toBeUndefined();
      const request = requested.data!.requestTaskReassignment;
      expect(request).toMatchObject({ status: 'PENDING', kind: 'REQUEST' });
      expect(await events(id, 'reassignment_requested')).toHaveLength(1);
      expect((await notifications('APPROVAL_REQUESTED', id)).map((r) => r.recipient)).toEqual(
        expect.arrayContaining(['enshi-zhou', 'province']),
      );
      // One pending request at a time; the operator does not decide; nothing moved yet.
      const second = await clients.operator.graphql(REQUEST, {
        input: { taskId: id, toDepartmentId: other, reason: '再次申请' },
      });
      expect(codeOf(second)).toBe('CONFLICT');
      expect(
        codeOf(
          await clients.operator.graphql(DECIDE, {
            input: { requestId: request.id, approve: true },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await clients.foreign.graphql(DECIDE, {
            input: { requestId: request.id, approve: true },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect((await view(clients.prefecture, id)).assignmentCapabilities.decideReassignment).toBe(
        true,
      );

      const decided = await clients.prefecture.graphql<{
        decideTaskReassignment: { status: string; decidedBy: string; appliedAt: string };
      }>(DECIDE, { input: { requestId: request.id, approve: true, reason: '同意' } });
      expect(decided.errors).toBeUndefined();
      expect(decided.data!.decideTaskReassignment).toMatchObject({
        status: 'APPROVED',
        decidedBy: 'enshi-zhou',
      });
      expect(decided.data!.decideTaskReassignment.appliedAt).not.toBeNull();

      const after = await view(clients.otherOperator, id);
      expect(after.leadDepartment.id).toBe(other);
      expect(after.acknowledgedAt).toBeNull();
      expect(after.rowVersion).toBeGreaterThan(before.rowVersion);
      expect(after.assignmentCapabilities.acknowledge).toBe(true);
      // The former lead was not an assisting department: the task has left its list.
      expect(codeOf(await clients.operator.graphql(TASK, { id }))).toBe('NOT_FOUND');
      const [moved] = await events(id, 'reassigned');
      expect(moved.before).toMatchObject({ leadDepartmentId: market });
      expect(moved.before.acknowledgedBy).toBe('enshi-scjg');
      expect(moved.after).toMatchObject({ leadDepartmentId: other, via: 'REQUEST' });
      expect(moved.reason).toBe('该事项由该部门主管');
      expect(await events(id, 'reassignment_decided')).toHaveLength(1);
      expect((await notifications('APPROVAL_DECIDED', id)).map((r) => r.recipient)).toEqual([
        'enshi-scjg',
      ]);
      expect((await notifications('TASK_REASSIGNED', id)).map((r) => r.recipient)).toEqual([
        'enshi-other',
      ]);
      // The new department acknowledges it itself.
      const ack = await clients.otherOperator.graphql<{ acknowledgeTasks: TaskView[] }>(
        ACKNOWLEDGE,
        { ids: [id] },
      );
      expect(ack.data!.acknowledgeTasks[0].acknowledgedBy).toBe('enshi-other');
      // Deciding twice is a conflict.
      expect(
        codeOf(
          await clients.province.graphql(DECIDE, {
            input: { requestId: request.id, approve: false, reason: 'x' },
          }),
        ),
      ).toBe('CONFLICT');
    });

    it('a refusal needs a reason, leaves the lead and tells the requester', async () => {
      const id = nextTask();
      const requested = await clients.operator.graphql<{
        requestTaskReassignment: { id: string };
      }>(REQUEST, { input: { taskId: id, toDepartmentId: other, reason: '职能调整' } });
      const requestId = requested.data!.requestTaskReassignment.id;
      const bare = await clients.prefecture.graphql(DECIDE, {
        input: { requestId, approve: false },
      });
      expect(codeOf(bare)).toBe('VALIDATION_FAILED');
      const refused = await clients.prefecture.graphql<{
        decideTaskReassignment: { status: string; decisionReason: string };
      }>(DECIDE, { input: { requestId, approve: false, reason: '仍由市场监管部门牵头' } });
      expect(refused.data!.decideTaskReassignment).toMatchObject({
        status: 'REJECTED',
        decisionReason: '仍由市场监管部门牵头',
      });
      const task = await view(clients.operator, id);
      expect(task.leadDepartment.id).toBe(market);
      expect(task.reassignments[0]).toMatchObject({ status: 'REJECTED' });
      expect(await events(id, 'reassigned')).toHaveLength(0);
      expect((await notifications('APPROVAL_DECIDED', id)).map((r) => r.recipient)).toEqual([
        'enshi-scjg',
      ]);
      // Refused, so a new request is possible again.
      expect(task.assignmentCapabilities.requestReassignment).toBe(true);
    });

    it('validates the target department and the task', async () => {
      const id = nextTask();
      const ask = (toDepartmentId: string, reason = '理由') =>
        clients.operator.graphql(REQUEST, { input: { taskId: id, toDepartmentId, reason } });
      const [{ id: foreignDept }] = await db.query(
        `SELECT id FROM department WHERE unit_code = '420102' LIMIT 1`,
      );
      const notInUnit = await ask(foreignDept);
      expect(codeOf(notInUnit)).toBe('VALIDATION_FAILED');
      expect(notInUnit.errors![0].message).toContain('本单位');
      expect(codeOf(await ask(market))).toBe('VALIDATION_FAILED');
      expect(codeOf(await ask('00000000-0000-4000-8000-000000000000'))).toBe('VALIDATION_FAILED');
      expect(codeOf(await ask(other, '   '))).toBe('VALIDATION_FAILED');
      expect(
        codeOf(
          await clients.foreign.graphql(REQUEST, {
            input: { taskId: id, toDepartmentId: other, reason: 'x' },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await clients.prefecture.graphql(REQUEST, {
            input: { taskId: id, toDepartmentId: other, reason: 'x' },
          }),
        ),
      ).toBe('FORBIDDEN');
      await db.query(
        `UPDATE task SET status = 'VERIFIED', completed_at = now(), row_version = row_version + 1 WHERE id = $1`,
        [id],
      );
      const verified = await ask(other);
      expect(codeOf(verified)).toBe('CONFLICT');
      expect(verified.errors![0].extensions?.details).toMatchObject({ reason: 'TASK_VERIFIED' });
      expect(verified.errors![0].message).toContain('已核验');
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task_reassignment WHERE task_id = $1`,
        [id],
      );
      expect(n).toBe(0);
    });

    it('a supervisor reassigns directly; an assisting department takes the lead and the former lead assists', async () => {
      const id = nextTask();
      await db.query(`INSERT INTO task_assist (task_id, department_id) VALUES ($1, $2)`, [
        id,
        other,
      ]);
      const before = await view(clients.province, id);
      expect(before.assignmentCapabilities.reassign).toBe(true);
      const input = {
        taskId: id,
        toDepartmentId: other,
        reason: '按职责分工调整',
        expectedRowVersion: before.rowVersion,
      };
      expect(codeOf(await clients.operator.graphql(REASSIGN, { input }))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await clients.province.graphql(REASSIGN, {
            input: { ...input, expectedRowVersion: before.rowVersion - 1 },
          }),
        ),
      ).toBe('CONFLICT');
      expect(
        codeOf(await clients.province.graphql(REASSIGN, { input: { ...input, reason: '' } })),
      ).toBe('VALIDATION_FAILED');

      const res = await clients.province.graphql<{
        reassignTask: { status: string; kind: string };
      }>(REASSIGN, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data!.reassignTask).toMatchObject({ status: 'APPLIED', kind: 'DIRECT' });
      const after = await view(clients.province, id);
      expect(after.leadDepartment.id).toBe(other);
      expect(after.assists.map((a) => a.departmentId)).toEqual([market]);
      // The former lead still sees it, now as an assisting department, and may not ask to move it.
      const asAssist = await view(clients.operator, id);
      expect(asAssist.assignmentCapabilities.requestReassignment).toBe(false);
      const [moved] = await events(id, 'reassigned');
      expect(moved.after).toMatchObject({ via: 'DIRECT', formerLeadAssists: true });
      expect(moved.actor_username).toBe('province');
      expect((await notifications('TASK_REASSIGNED', id)).map((r) => r.recipient)).toEqual([
        'enshi-other',
      ]);
    });
  });

  it('migration: tasks an operator already worked on count as acknowledged at their first such event', async () => {
    const worked = nextTask();
    const untouched = nextTask();
    const [{ row_version }] = await db.query(`SELECT row_version FROM task WHERE id = $1`, [
      worked,
    ]);
    const saved = await clients.operator.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id } }`,
      { input: { taskId: worked, expectedRowVersion: row_version, progressNote: '已部署' } },
    );
    expect(saved.errors).toBeUndefined();
    // As before the migration: nobody has acknowledged anything.
    await db.query(
      `UPDATE task SET acknowledged_at = NULL, acknowledged_by = NULL WHERE id = ANY ($1::uuid[])`,
      [[worked, untouched]],
    );
    const migration = migrations.find(
      (m) => m.name === 'AddTaskAcknowledgementAndReassignment1796600200000',
    ) as unknown as { acknowledgeWorkedTasksSql: string };
    await db.query(migration.acknowledgeWorkedTasksSql);
    const rows: Array<{
      id: string;
      acknowledged_at: Date | null;
      acknowledged_by: string | null;
    }> = await db.query(
      `SELECT id, acknowledged_at, acknowledged_by FROM task WHERE id = ANY ($1::uuid[])`,
      [[worked, untouched]],
    );
    const [{ occurred_at: firstWork }] = await db.query(
      `SELECT occurred_at FROM task_event WHERE task_id = $1 AND actor_username = 'enshi-scjg' ORDER BY id LIMIT 1`,
      [worked],
    );
    expect(rows.find((r) => r.id === worked)).toMatchObject({
      acknowledged_at: firstWork,
      acknowledged_by: 'enshi-scjg',
    });
    // Only generated by the supervisor ('created' by province): still 待签收.
    expect(rows.find((r) => r.id === untouched)).toMatchObject({
      acknowledged_at: null,
      acknowledged_by: null,
    });
  });

  describe('lead propagation', () => {
    it('a duty review’s new lead reaches the open tasks still at the previous lead, not a task moved by 转办', async () => {
      // A tracked duty led by market regulation with tasks in many units, incl. 恩施市.
      const [duty] = await db.query(
        `SELECT d.id, d.row_version FROM duty d
           JOIN duty_department dd ON dd.duty_id = d.id AND dd.role = 'lead' AND dd.department_code = 'market_regulation'
          WHERE EXISTS (SELECT 1 FROM task t WHERE t.duty_id = d.id AND t.unit_code = '422801' AND t.id = ANY ($2::uuid[]))
            AND NOT EXISTS (SELECT 1 FROM duty_department a WHERE a.duty_id = d.id AND a.department_code = $1)
          ORDER BY d.id LIMIT 1`,
        [otherKind, fresh],
      );
      const [manual] = await db.query(
        `SELECT id, row_version FROM task WHERE duty_id = $1 AND unit_code = '422801'`,
        [duty.id],
      );
      // 恩施市's task was moved by a person to a third department: it must stay there.
      const [{ id: third }] = await db.query(
        `SELECT id FROM department WHERE unit_code = '422801' AND kind_code NOT IN ('market_regulation', $1) LIMIT 1`,
        [otherKind],
      );
      const direct = await clients.province.graphql(REASSIGN, {
        input: {
          taskId: manual.id,
          toDepartmentId: third,
          reason: '由本单位另一部门负责',
          expectedRowVersion: manual.row_version,
        },
      });
      expect(direct.errors).toBeUndefined();
      // Another unit's task was verified: its completed work stays credited where it is.
      // UPDATE … RETURNING answers [rows, count].
      const [[verified]] = await db.query(
        `UPDATE task SET status = 'VERIFIED', completed_at = now(), row_version = row_version + 1
          WHERE id = (SELECT id FROM task WHERE duty_id = $1 AND unit_code <> '422801' ORDER BY id LIMIT 1)
         RETURNING id, lead_department_id`,
        [duty.id],
      );
      const [{ expected }] = await db.query(
        `SELECT count(*)::int AS expected FROM task t
           JOIN department od ON od.id = t.lead_department_id AND od.kind_code = 'market_regulation'
          WHERE t.duty_id = $1 AND t.status <> 'VERIFIED' AND t.retired_at IS NULL
            AND EXISTS (SELECT 1 FROM department nd WHERE nd.unit_code = t.unit_code AND nd.kind_code = $2)`,
        [duty.id, otherKind],
      );
      expect(expected).toBeGreaterThan(0);

      const reviewed = await clients.province.graphql<{
        reviewDuty: { tasksFollowedLead: number };
      }>(
        `mutation($input: ReviewDutyInput!) { reviewDuty(input: $input) { tasksFollowedLead leadDepartment { code } } }`,
        {
          input: {
            dutyId: duty.id,
            expectedRowVersion: duty.row_version,
            leadDepartmentCode: otherKind,
            note: '按三定方案调整',
          },
        },
      );
      expect(reviewed.errors).toBeUndefined();
      expect(reviewed.data!.reviewDuty.tasksFollowedLead).toBe(expected);

      const leads: Array<{ id: string; kind_code: string; acknowledged_at: Date | null }> =
        await db.query(
          `SELECT t.id, dep.kind_code, t.acknowledged_at FROM task t JOIN department dep ON dep.id = t.lead_department_id
            WHERE t.duty_id = $1`,
          [duty.id],
        );
      expect(leads.filter((t) => t.kind_code === otherKind)).toHaveLength(expected);
      expect(leads.find((t) => t.id === manual.id)!.kind_code).not.toBe(otherKind);
      const [{ lead_department_id: keptLead }] = await db.query(
        `SELECT lead_department_id FROM task WHERE id = $1`,
        [manual.id],
      );
      expect(keptLead).toBe(third);
      const [{ lead_department_id: verifiedLead }] = await db.query(
        `SELECT lead_department_id FROM task WHERE id = $1`,
        [verified.id],
      );
      expect(verifiedLead).toBe(verified.lead_department_id);
      const movedId = leads.find((t) => t.kind_code === otherKind)!.id;
      const [event] = await events(movedId, 'reassigned');
      expect(event.after).toMatchObject({ via: 'DUTY_REVIEW', dutyId: duty.id });
      expect(event.reason).toContain('职责审核将牵头部门由');
      expect(event.reason).toContain('按三定方案调整');
      expect(await events(manual.id, 'reassigned')).toHaveLength(1);

      // Regenerating finds nothing left to move.
      const regenerated = await clients.province.graphql<{
        regenerateCycleTasks: { leadsFollowed: number };
      }>(`mutation($c: ID!) { regenerateCycleTasks(cycleId: $c) { leadsFollowed } }`, {
        c: cycleId,
      });
      expect(regenerated.errors).toBeUndefined();
      expect(regenerated.data!.regenerateCycleTasks.leadsFollowed).toBe(0);
    });

    it('regeneration catches up tasks behind their duty’s lead (a change made before propagation existed)', async () => {
      const [duty] = await db.query(
        `SELECT d.id FROM duty d
           JOIN duty_department dd ON dd.duty_id = d.id AND dd.role = 'lead' AND dd.department_code = 'market_regulation'
          WHERE EXISTS (SELECT 1 FROM task t WHERE t.duty_id = d.id AND t.cycle_id = $1)
            AND NOT EXISTS (SELECT 1 FROM task_reassignment r JOIN task t ON t.id = r.task_id WHERE t.duty_id = d.id)
            AND NOT EXISTS (SELECT 1 FROM duty_department a WHERE a.duty_id = d.id AND a.department_code = $2)
          ORDER BY d.id DESC LIMIT 1`,
        [cycleId, otherKind],
      );
      await db.query(
        `UPDATE duty_department SET department_code = $2 WHERE duty_id = $1 AND role = 'lead'`,
        [duty.id, otherKind],
      );
      const [{ expected }] = await db.query(
        `SELECT count(*)::int AS expected FROM task t
          WHERE t.duty_id = $1 AND t.status <> 'VERIFIED' AND t.retired_at IS NULL
            AND EXISTS (SELECT 1 FROM department nd WHERE nd.unit_code = t.unit_code AND nd.kind_code = $2)`,
        [duty.id, otherKind],
      );
      const regenerate = () =>
        clients.province.graphql<{ regenerateCycleTasks: { leadsFollowed: number } }>(
          `mutation($c: ID!) { regenerateCycleTasks(cycleId: $c) { leadsFollowed } }`,
          { c: cycleId },
        );
      expect((await regenerate()).data!.regenerateCycleTasks.leadsFollowed).toBe(expected);
      expect((await regenerate()).data!.regenerateCycleTasks.leadsFollowed).toBe(0);
      const [{ via }] = await db.query(
        `SELECT e.after->>'via' AS via FROM task_event e JOIN task t ON t.id = e.task_id
          WHERE t.duty_id = $1 AND e.kind = 'reassigned' LIMIT 1`,
        [duty.id],
      );
      expect(via).toBe('REGENERATION');
    });
  });
});

describe('the demo cycle’s acknowledgements', () => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('acknowledges most demo tasks in the cycle’s first days, each with its history entry, and leaves a few 待签收', async () => {
    api = await startTestApi({ SEED_DEMO_CYCLE: 'true' });
    const db = api.server.app.get(DataSource);
    const [row] = await db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE acknowledged_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE acknowledged_at >= c.start_date AND acknowledged_at < c.start_date + 15)::int AS first_days,
              count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM task_event e WHERE e.task_id = task.id AND e.kind = 'acknowledged'
                   AND e.occurred_at = task.acknowledged_at))::int AS without_event,
              count(*) FILTER (WHERE acknowledged_at IS NULL AND status <> 'NOT_STARTED')::int AS worked_unacknowledged
         FROM task JOIN assessment_cycle c ON c.id = task.cycle_id`,
    );
    expect(row.total).toBeGreaterThan(1000);
    expect(row.pending / row.total).toBeGreaterThan(0.03);
    expect(row.pending / row.total).toBeLessThan(0.15);
    expect(row.first_days).toBe(row.total - row.pending);
    expect(row.without_event).toBe(0);
    // Nobody worked on a task they never acknowledged.
    expect(row.worked_unacknowledged).toBe(0);
  }, 180_000); // boots a server that seeds the whole demo cycle
});
