import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

/**
 * The workbench query per role against the real API: each section's count equals the length of
 * the list its link opens (the task list with the link's filters, the review queue, the
 * overview's behind-schedule table, or the section in full), and nothing of another unit or
 * prefecture ever appears.
 */

interface Item {
  id: string;
  kind: string;
  link: string;
  taskId: string | null;
  unitCode: string | null;
  dueDate: string | null;
  targetDate: string | null;
  note: string | null;
  actor: string | null;
  at: string | null;
  total: number | null;
  reference: string | null;
  colour: string | null;
  acknowledged: boolean | null;
  toDepartmentName: string | null;
}
interface Section {
  key: string;
  count: number;
  link: string;
  items: Item[];
}
interface Workbench {
  cycleId: string | null;
  today: string;
  sections: Section[];
}

const ITEM = `id kind link taskId unitCode dueDate targetDate note actor at total reference colour acknowledged toDepartmentName`;
const WORKBENCH = `query($c: ID, $f: Int) { workbench(cycleId: $c, first: $f) { cycleId today sections { key count link items { ${ITEM} } } } }`;
const SECTION = `query($k: WorkbenchSectionKey!, $c: ID, $f: Int, $o: Int) { workbenchSection(key: $k, cycleId: $c, first: $f, offset: $o) { key count link items { ${ITEM} } } }`;
const TASKS = `query($filter: TaskFilterInput!) { tasks(filter: $filter, first: 100) { totalCount nodes { id unit { code } } } }`;

const TODAY = '2026-06-15';
/** 10:00 in Shanghai on TODAY; moved on by minutes only (the date stays). */
const clock = new ManualClock(new Date(`${TODAY}T02:00:00Z`));

describe('workbench (工作台)', () => {
  let api: TestApi;
  let db: DataSource;
  let cycleId: string;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let enshiOperator: SignedInClient;
  let jianganOperator: SignedInClient;
  let auditor: SignedInClient;
  /** Tasks of 恩施市 (422801) led by its market regulation department (enshi-scjg's). */
  let enshi: string[];
  /** Tasks of 江岸区 (420102) led by its market regulation department (jiangan-scjg's). */
  let jiangan: string[];
  /** The red 督办单 on 恩施 [1], not answered. */
  let urgent: string;

  const workbench = async (client: SignedInClient, first = 5): Promise<Workbench> => {
    const res = await client.graphql<{ workbench: Workbench }>(WORKBENCH, { c: cycleId, f: first });
    expect(res.errors).toBeUndefined();
    return res.data!.workbench;
  };
  const section = (wb: Workbench, key: string): Section => {
    const found = wb.sections.find((s) => s.key === key);
    if (!found) throw new Error(`no section ${key} in ${wb.sections.map((s) => s.key).join()}`);
    return found;
  };
  /** The task list behind a /tasks?… link, as the web's task list page asks for it. */
  const taskListOf = async (client: SignedInClient, link: string) => {
    const url = new URL(link, 'http://x');
    expect(url.pathname).toBe('/tasks');
    const q = url.searchParams;
    const filter: Record<string, unknown> = { cycleId: q.get('cycleId') };
    if (q.get('status')) filter.statuses = q.get('status')!.split(',');
    if (q.get('overdue') === '1') filter.overdue = true;
    if (q.get('dueAfter')) filter.dueAfter = q.get('dueAfter');
    if (q.get('dueBefore')) filter.dueBefore = q.get('dueBefore');
    const res = await client.graphql<{
      tasks: { totalCount: number; nodes: Array<{ id: string; unit: { code: string } }> };
    }>(TASKS, { filter });
    expect(res.errors).toBeUndefined();
    return res.data!.tasks;
  };
  const rowVersion = async (taskId: string): Promise<number> =>
    (await db.query(`SELECT row_version FROM task WHERE id = $1`, [taskId]))[0].row_version;
  const move = async (client: SignedInClient, taskId: string, status: string, reason?: string) => {
    const res = await client.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
      {
        input: {
          taskId,
          expectedRowVersion: await rowVersion(taskId),
          status,
          reason,
          ...(status === 'SUBMITTED' ? { progressNote: '已部署落实' } : {}),
        },
      },
    );
    expect(res.errors).toBeUndefined();
  };
  const submit = async (client: SignedInClient, taskId: string) => {
    const upload = await uploadEvidence(api, client, taskId, [
      { name: '实施方案.pdf', content: samplePdf(`wb-${taskId}`) },
    ]);
    expect(upload.status).toBe(201);
    await move(client, taskId, 'SUBMITTED');
  };
  const setDue = (ids: string[], due: string) =>
    db.query(`UPDATE task SET due_date = $2 WHERE id = ANY($1)`, [ids, due]);

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = created.data!.createCycle.cycle.id;
    const led = async (unit: string): Promise<string[]> =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.unit_code = $1 AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 8`,
          [unit],
        )
      ).map((r: { id: string }) => r.id);
    enshi = await led('422801');
    jiangan = await led('420102');
    enshiZhou = await api.signIn('enshi-zhou');
    enshiOperator = await api.signIn('enshi-scjg');
    jianganOperator = await api.signIn('jiangan-scjg');
    auditor = await api.signIn('auditor');

    // 恩施市: [0] returned with a reason, [1] [2] overdue, [3] submitted after its due date
    // (not overdue), [4] [5] due within 14 days (today and the 14th day), [6] due in 15 days.
    await submit(enshiOperator, enshi[0]);
    await move(enshiZhou, enshi[0], 'RETURNED', '佐证材料缺少盖章页');
    await setDue([enshi[1], enshi[2], enshi[3]], '2026-06-01');
    await submit(enshiOperator, enshi[3]);
    await setDue([enshi[4]], TODAY);
    await setDue([enshi[5]], '2026-06-29');
    await setDue([enshi[6]], '2026-06-30');
    // 江岸区: overdue, submitted, and an extension request — none of it is 恩施's business.
    await setDue([jiangan[0]], '2026-05-01');
    await submit(jianganOperator, jiangan[1]);
    const ext = await jianganOperator.graphql(
      `mutation($input: RequestExtensionInput!) { requestTaskExtension(input: $input) { request { id } } }`,
      {
        input: {
          taskId: jiangan[2],
          expectedRowVersion: await rowVersion(jiangan[2]),
          newDueDate: '2027-01-31',
          reason: '配套资金年底到位',
        },
      },
    );
    expect(ext.errors).toBeUndefined();
    // Requests are stamped by the (manual) clock: a minute apart, so “oldest first” is defined.
    clock.advance(60_000);
    const ext2 = await enshiOperator.graphql(
      `mutation($input: RequestExtensionInput!) { requestTaskExtension(input: $input) { request { id } } }`,
      {
        input: {
          taskId: enshi[7],
          expectedRowVersion: await rowVersion(enshi[7]),
          newDueDate: '2027-02-28',
          reason: '需等待省级标准发布',
        },
      },
    );
    expect(ext2.errors).toBeUndefined();

    // 督办单: red on 恩施 [1] (province), blue on 恩施 [2] (恩施州: acknowledged and answered, so
    // done), blue on 江岸 [0].
    const urge = async (client: SignedInClient, taskId: string, colour: string) => {
      const res = await client.graphql<{ issueUrgingNotice: { id: string } }>(
        `mutation($input: IssueUrgingNoticeInput!) { issueUrgingNotice(input: $input) { id } }`,
        { input: { taskId, colour, text: '请抓紧办理并反馈进展', answerDue: '2026-06-20' } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.issueUrgingNotice.id;
    };
    urgent = await urge(province, enshi[1], 'RED');
    const answered = await urge(enshiZhou, enshi[2], 'BLUE');
    await urge(province, jiangan[0], 'BLUE');
    for (const [mutation, args] of [
      ['mutation($id: ID!) { acknowledgeUrgingNotice(id: $id) { id } }', { id: answered }],
      [
        'mutation($input: AnswerUrgingNoticeInput!) { answerUrgingNotice(input: $input) { id } }',
        { input: { id: answered, answer: '已召开专题会议部署' } },
      ],
    ] as const) {
      const res = await enshiOperator.graphql(mutation, args);
      expect(res.errors).toBeUndefined();
    }

    // 签收: the operator acknowledges 恩施 [0] and [1].
    const ack = await enshiOperator.graphql(
      `mutation($input: AcknowledgeTasksInput!) { acknowledgeTasks(input: $input) { id } }`,
      { input: { taskIds: [enshi[0], enshi[1]] } },
    );
    expect(ack.errors).toBeUndefined();

    // Comments: 恩施州 comments on [4] (unanswered) and instructs on [5] (answered by the unit);
    // the province comments on 江岸 [3].
    const comment = async (
      client: SignedInClient,
      taskId: string,
      kind: string,
      body: string,
      parentId?: string,
    ) => {
      const res = await client.graphql<{ addTaskComment: { id: string } }>(
        `mutation($input: AddTaskCommentInput!) { addTaskComment(input: $input) { id } }`,
        { input: { taskId, kind, body, parentId } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.addTaskComment.id;
    };
    await comment(enshiZhou, enshi[4], 'COMMENT', '请补充县级配套文件');
    const instruction = await comment(enshiZhou, enshi[5], 'INSTRUCTION', '此项列入州政府重点督办');
    clock.advance(60_000);
    await comment(enshiOperator, enshi[5], 'COMMENT', '收到，本周内上报', instruction);
    await comment(province, jiangan[3], 'COMMENT', '请说明进展');

    // 转办 and 不适用 requests by the operator, waiting for the supervisor over the unit.
    const [{ id: otherDepartment }] = await db.query(
      `SELECT d.id FROM department d JOIN task t ON t.id = $1
        WHERE d.unit_code = t.unit_code AND d.id <> t.lead_department_id ORDER BY d.kind_code LIMIT 1`,
      [enshi[6]],
    );
    const reassign = await enshiOperator.graphql(
      `mutation($input: RequestReassignmentInput!) { requestTaskReassignment(input: $input) { id } }`,
      {
        input: {
          taskId: enshi[6],
          toDepartmentId: otherDepartment,
          reason: '该事项由发展改革部门牵头',
        },
      },
    );
    expect(reassign.errors).toBeUndefined();
    const notApplicable = await enshiOperator.graphql(
      `mutation($input: RequestNotApplicableInput!) { requestNotApplicable(input: $input) { id } }`,
      {
        input: {
          taskId: enshi[6],
          reason: '本市无相关产业',
          documentReference: '恩施市统计年鉴（2025）',
        },
      },
    );
    expect(notApplicable.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => api?.close());

  describe('county operator', () => {
    it('has the operator sections, each counted exactly as the task list it links to', async () => {
      const wb = await workbench(enshiOperator, 100);
      expect(wb.today).toBe(TODAY);
      expect(wb.cycleId).toBe(cycleId);
      expect(wb.sections.map((s) => s.key)).toEqual([
        'URGING_TO_ANSWER',
        'RETURNED_TASKS',
        'OVERDUE_TASKS',
        'DUE_SOON_TASKS',
        'AWAITING_ACKNOWLEDGEMENT',
        'UNANSWERED_COMMENTS',
      ]);
      const onTaskList = wb.sections.filter((s) => s.link.startsWith('/tasks?'));
      expect(onTaskList.map((s) => s.key)).toEqual([
        'RETURNED_TASKS',
        'OVERDUE_TASKS',
        'DUE_SOON_TASKS',
      ]);
      for (const s of onTaskList) {
        const list = await taskListOf(enshiOperator, s.link);
        expect({ key: s.key, count: s.count }).toEqual({ key: s.key, count: list.totalCount });
        expect(s.items.map((i) => i.taskId).sort()).toEqual(list.nodes.map((n) => n.id).sort());
        for (const item of s.items) {
          expect(item.unitCode).toBe('422801');
          expect(item.link).toBe(`/tasks/${item.taskId}`);
        }
      }
    });

    it('lists the returned task with the supervisor’s reason', async () => {
      const returned = section(await workbench(enshiOperator), 'RETURNED_TASKS');
      expect(returned.count).toBe(1);
      expect(returned.items[0]).toMatchObject({
        taskId: enshi[0],
        note: '佐证材料缺少盖章页',
        actor: 'enshi-zhou',
      });
    });

    it('counts overdue and due-soon tasks by the Shanghai date (submitted ones are neither)', async () => {
      const wb = await workbench(enshiOperator, 100);
      const overdue = section(wb, 'OVERDUE_TASKS').items.map((i) => i.taskId);
      expect(overdue).toEqual(expect.arrayContaining([enshi[1], enshi[2]]));
      expect(overdue).not.toContain(enshi[3]);
      const soon = section(wb, 'DUE_SOON_TASKS');
      expect(soon.items.map((i) => i.taskId).sort()).toEqual([enshi[4], enshi[5]].sort());
      expect(soon.items.map((i) => i.dueDate)).toEqual([TODAY, '2026-06-29']);
      expect(soon.link).toContain('dueAfter=2026-06-14');
      expect(soon.link).toContain('dueBefore=2026-06-30');
    });

    it('lists the 督办单 still to answer, the unacknowledged tasks and the unanswered comments', async () => {
      const wb = await workbench(enshiOperator, 100);
      const urging = section(wb, 'URGING_TO_ANSWER');
      expect(urging.count).toBe(1);
      expect(urging.items[0]).toMatchObject({
        id: urgent,
        kind: 'URGING_NOTICE',
        taskId: enshi[1],
        colour: 'RED',
        acknowledged: false,
        targetDate: '2026-06-20',
        link: `/tasks/${enshi[1]}`,
      });
      expect(urging.items[0].reference).toMatch(/〔2026〕\d+号$/);

      const awaiting = section(wb, 'AWAITING_ACKNOWLEDGEMENT');
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task t JOIN app_user a ON a.username = 'enshi-scjg'
          WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND t.retired_at IS NULL
            AND t.lead_department_id = a.department_id`,
        [cycleId],
      );
      expect(awaiting.count).toBe(n - 2);
      const awaitingIds = awaiting.items.map((i) => i.taskId);
      expect(awaitingIds).not.toContain(enshi[0]);
      expect(awaitingIds).not.toContain(enshi[1]);
      expect(awaitingIds).toContain(enshi[2]);

      const comments = section(wb, 'UNANSWERED_COMMENTS');
      expect(comments.items).toEqual([
        expect.objectContaining({
          kind: 'COMMENT',
          taskId: enshi[4],
          note: '请补充县级配套文件',
          actor: 'enshi-zhou',
        }),
      ]);
      expect(comments.link).toBe(`/workbench/UNANSWERED_COMMENTS?cycleId=${cycleId}`);
    });

    it('never shows another unit’s work', async () => {
      const wb = await workbench(jianganOperator, 100);
      const ids = wb.sections.flatMap((s) => s.items.map((i) => i.taskId));
      expect(ids).toContain(jiangan[0]);
      for (const id of enshi) expect(ids).not.toContain(id);
      expect(wb.sections.flatMap((s) => s.items.map((i) => i.unitCode))).not.toContain('422801');
    });

    it('pages a section in full, with the same count', async () => {
      const overdue = section(await workbench(enshiOperator, 100), 'OVERDUE_TASKS');
      const res = await enshiOperator.graphql<{ workbenchSection: Section }>(SECTION, {
        k: 'OVERDUE_TASKS',
        c: cycleId,
        f: 1,
        o: 1,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.workbenchSection.count).toBe(overdue.count);
      expect(res.data!.workbenchSection.items.map((i) => i.id)).toEqual([overdue.items[1].id]);
    });
  });

  describe('supervisors', () => {
    it('the prefecture supervisor sees its counties’ submissions, extensions and laggards only', async () => {
      const wb = await workbench(enshiZhou, 100);
      expect(wb.sections.map((s) => s.key)).toEqual([
        'REVIEW_QUEUE',
        'EXTENSION_REQUESTS',
        'REASSIGNMENT_REQUESTS',
        'NOT_APPLICABLE_REQUESTS',
        'URGING_UNANSWERED',
        'BEHIND_SCHEDULE',
      ]);
      expect(section(wb, 'REASSIGNMENT_REQUESTS').items).toEqual([
        expect.objectContaining({
          kind: 'REASSIGNMENT_REQUEST',
          taskId: enshi[6],
          note: '该事项由发展改革部门牵头',
          actor: 'enshi-scjg',
        }),
      ]);
      expect(section(wb, 'REASSIGNMENT_REQUESTS').items[0].toDepartmentName).toBeTruthy();
      expect(section(wb, 'NOT_APPLICABLE_REQUESTS').items).toEqual([
        expect.objectContaining({ kind: 'NOT_APPLICABLE_REQUEST', taskId: enshi[6] }),
      ]);
      // The province's red notice on an 恩施 task is in 恩施州's jurisdiction; the answered one is done.
      expect(section(wb, 'URGING_UNANSWERED').items.map((i) => i.id)).toEqual([urgent]);
      const review = section(wb, 'REVIEW_QUEUE');
      expect(review.link).toBe(`/review?cycleId=${cycleId}`);
      const queue = await taskListOf(enshiZhou, `/tasks?cycleId=${cycleId}&status=SUBMITTED`);
      expect(review.count).toBe(queue.totalCount);
      expect(review.items.map((i) => i.taskId)).toEqual([enshi[3]]);

      const extensions = section(wb, 'EXTENSION_REQUESTS');
      expect(extensions.count).toBe(1);
      expect(extensions.items[0]).toMatchObject({
        kind: 'EXTENSION_REQUEST',
        taskId: enshi[7],
        targetDate: '2027-02-28',
        note: '需等待省级标准发布',
        actor: 'enshi-scjg',
        link: `/tasks/${enshi[7]}`,
      });
      expect(extensions.link).toBe(`/workbench/EXTENSION_REQUESTS?cycleId=${cycleId}`);

      const behind = section(wb, 'BEHIND_SCHEDULE');
      const res = await enshiZhou.graphql<{ behindSchedule: Array<{ unit: { code: string } }> }>(
        `query($c: ID!) { behindSchedule(cycleId: $c) { unit { code } } }`,
        { c: cycleId },
      );
      expect(behind.count).toBe(res.data!.behindSchedule.length);
      expect(behind.count).toBeGreaterThan(0);
      expect(behind.items.map((i) => i.unitCode)).toEqual(
        res.data!.behindSchedule.map((r) => r.unit.code),
      );
      const inEnshi = (
        await db.query(
          `SELECT code FROM admin_unit WHERE code = '422800' OR parent_code = '422800'`,
        )
      ).map((r: { code: string }) => r.code);
      for (const item of behind.items) {
        expect(inEnshi).toContain(item.unitCode);
        expect(item.link).toBe(`/units/${item.unitCode}?cycleId=${cycleId}`);
      }
    });

    it('the provincial supervisor sees the whole province, oldest submission first', async () => {
      const wb = await workbench(province, 100);
      const review = section(wb, 'REVIEW_QUEUE');
      expect(review.items.map((i) => i.taskId)).toEqual([enshi[3], jiangan[1]]);
      expect(section(wb, 'EXTENSION_REQUESTS').items.map((i) => i.taskId)).toEqual([
        jiangan[2],
        enshi[7],
      ]);
      expect(section(wb, 'URGING_UNANSWERED').items.map((i) => [i.taskId, i.colour])).toEqual([
        [enshi[1], 'RED'],
        [jiangan[0], 'BLUE'],
      ]);
      const behind = await province.graphql<{ behindSchedule: unknown[] }>(
        `query($c: ID!) { behindSchedule(cycleId: $c) { tasks } }`,
        { c: cycleId },
      );
      expect(section(wb, 'BEHIND_SCHEDULE').count).toBe(behind.data!.behindSchedule.length);
    });
  });

  describe('auditor', () => {
    it('lists the packs they pulled and the integrity problems found', async () => {
      let wb = await workbench(auditor);
      expect(wb.sections.map((s) => s.key)).toEqual(['RECENT_PACKS', 'INTEGRITY_PROBLEMS']);
      expect(section(wb, 'RECENT_PACKS').count).toBe(0);
      expect(section(wb, 'INTEGRITY_PROBLEMS').count).toBe(0);

      const pack = await fetch(`${api.url}/api/evidence/pack?cycleId=${cycleId}&unitCode=422801`, {
        headers: { authorization: `Bearer ${auditor.token}` },
      });
      expect(pack.status).toBe(200);
      await pack.arrayBuffer();
      // A file found damaged (as the integrity check marks it) and a failed storage check.
      const [evidence] = await db.query(
        `SELECT id, task_id FROM evidence WHERE task_id = $1 LIMIT 1`,
        [enshi[3]],
      );
      await db.query(
        `UPDATE evidence SET integrity_status = 'corrupt', corrupt_at = now() WHERE id = $1`,
        [evidence.id],
      );
      await db.query(
        `INSERT INTO evidence_integrity_run (started_at, finished_at, source, checked, missing, corrupt, unreferenced, ok, problems)
         VALUES (now(), now(), 'cli', 5, 1, 1, 0, false, '[]')`,
      );

      wb = await workbench(auditor);
      const packs = section(wb, 'RECENT_PACKS');
      expect(packs.count).toBe(1);
      expect(packs.items[0]).toMatchObject({
        kind: 'EVIDENCE_PACK',
        unitCode: '422801',
        link: `/evidence?cycleId=${cycleId}&unitCode=422801`,
      });
      const problems = section(wb, 'INTEGRITY_PROBLEMS');
      expect(problems.count).toBe(2);
      expect(problems.items.map((i) => i.kind).sort()).toEqual([
        'CORRUPT_EVIDENCE',
        'STORAGE_CHECK',
      ]);
      expect(problems.items.find((i) => i.kind === 'CORRUPT_EVIDENCE')).toMatchObject({
        taskId: evidence.task_id,
        link: `/tasks/${evidence.task_id}`,
        note: '实施方案.pdf',
      });
      const full = await auditor.graphql<{ workbenchSection: Section }>(SECTION, {
        k: 'INTEGRITY_PROBLEMS',
        c: cycleId,
      });
      expect(full.data!.workbenchSection.count).toBe(problems.count);
      expect(full.data!.workbenchSection.items).toHaveLength(problems.count);
    });

    it('another auditor’s packs are not on my workbench', async () => {
      // The provincial supervisor may pull packs too; they are theirs, not the auditor's.
      const pack = await fetch(`${api.url}/api/evidence/pack?cycleId=${cycleId}&unitCode=420102`, {
        headers: { authorization: `Bearer ${province.token}` },
      });
      expect(pack.status).toBe(200);
      await pack.arrayBuffer();
      const packs = section(await workbench(auditor), 'RECENT_PACKS');
      expect(packs.items.map((i) => i.unitCode)).toEqual(['422801']);
    });
  });

  describe('refusals', () => {
    it.each<[string, string, string, Record<string, unknown>]>([
      ['sysadmin', 'an administrator (no business data)', 'FORBIDDEN', { f: 5 }],
      ['enshi-scjg', 'first = 0', 'VALIDATION_FAILED', { f: 0 }],
      ['enshi-scjg', 'first = 101', 'VALIDATION_FAILED', { f: 101 }],
      [
        'enshi-scjg',
        'an unknown cycle',
        'NOT_FOUND',
        { c: '00000000-0000-4000-8000-000000000000' },
      ],
      ['enshi-scjg', 'a malformed cycle id', 'NOT_FOUND', { c: 'not-a-uuid' }],
      ['enshi-scjg', 'a supervisor’s section', 'FORBIDDEN', { k: 'REVIEW_QUEUE' }],
      ['auditor', 'an operator’s section', 'FORBIDDEN', { k: 'OVERDUE_TASKS' }],
      ['enshi-zhou', 'a negative offset', 'VALIDATION_FAILED', { k: 'REVIEW_QUEUE', o: -1 }],
    ])('%s asking with %s gets %s', async (username, _why, code, variables) => {
      const query = 'k' in variables ? SECTION : WORKBENCH;
      const client = await api.signIn(username);
      const res = await client.graphql(query, variables);
      expect(res.data?.workbench ?? res.data?.workbenchSection ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});
