import { DataSource } from 'typeorm';
import { computeScores } from '../../assessment/assessment-scores';
import { ManualClock } from '../../auth/clock';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { UrgingService } from '../urging.service';

const DAY = 86_400_000;
const START = '2026-06-01';

const NOTICE_FIELDS = `id number colour origin reasonCode text answerDue issuedBy supersedesId
  escalatedTo acknowledgedAt answeredAt answer closedAt closeReason canAcknowledge canAnswer
  deduction taskId unitCode`;

interface Notice {
  id: string;
  number: string;
  colour: string;
  origin: string;
  reasonCode: string;
  text: string;
  answerDue: string;
  issuedBy: string;
  supersedesId: string | null;
  escalatedTo: string | null;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  answer: string | null;
  closedAt: string | null;
  closeReason: string | null;
  canAcknowledge: boolean;
  canAnswer: boolean;
  deduction: number;
  taskId: string;
  unitCode: string;
}

/**
 * 三色督办单 against the real API and PostgreSQL: the daily job's rules, idempotency and
 * escalation ladder over a whole cycle; manual notices, 签收 and 反馈 with authorization per id;
 * closing on submission and urging again after a return; counts per unit; the deduction.
 */
describe('urging notices (三色督办单)', () => {
  let api: TestApi;
  let db: DataSource;
  let clock: ManualClock;
  let urging: UrgingService;
  let cycleId: string;
  let enshi: string[];
  let jiangan: string[];
  const clients: Record<string, SignedInClient> = {};

  const today = () => new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const advance = async (days: number) => {
    clock.advance(days * DAY);
    // Sessions expire as the clock moves: sign everyone in again.
    for (const name of Object.keys(clients)) clients[name] = await api.signIn(name);
  };
  const as = (name: string) => clients[name];
  const setDue = (ids: string[], due: string) =>
    db.query(`UPDATE task SET due_date = $2 WHERE id = ANY($1)`, [ids, due]);
  const noticesOf = async (taskId: string) =>
    db.query(
      `SELECT id, number, seq, colour, reason_code, origin, closed_at, close_reason, escalated_to,
              supersedes_id, issued_on::text, deduction::float8 AS deduction
         FROM urging_notice WHERE task_id = $1 ORDER BY issued_at, seq`,
      [taskId],
    );
  const rowVersion = async (id: string) =>
    (await db.query(`SELECT row_version FROM task WHERE id = $1`, [id]))[0].row_version as number;
  const move = async (client: SignedInClient, taskId: string, status: string, reason?: string) => {
    const res = await client.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id status } }`,
      {
        input: {
          taskId,
          expectedRowVersion: await rowVersion(taskId),
          status,
          reason,
          ...(status === 'SUBMITTED' ? { progressNote: '已按督办要求落实' } : {}),
        },
      },
    );
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    clock = new ManualClock(new Date(`${START}T02:00:00Z`));
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    urging = api.server.app.get(UrgingService);
    for (const name of ['province', 'enshi-zhou', 'enshi-scjg', 'jiangan-scjg', 'auditor']) {
      clients[name] = await api.signIn(name);
    }
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await as('province').graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = created.data!.createCycle.cycle.id;
    const led = async (unit: string): Promise<string[]> =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.unit_code = $1 AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 6`,
          [unit],
        )
      ).map((r: { id: string }) => r.id);
    enshi = await led('422801');
    jiangan = await led('420102');
    // 恩施市: [0] due in 10 days, not started (behind → blue); [1] overdue (→ orange);
    // [2] due in 10 days but in progress (not behind); [3] due in 15 days (not yet due soon);
    // [4] manual notices. 江岸区 [0]: due in 14 days exactly (→ blue, the boundary).
    await setDue([enshi[0], enshi[2]], '2026-06-11');
    await setDue([enshi[1]], '2026-05-31');
    await setDue([enshi[3]], '2026-06-16');
    await setDue([jiangan[0]], '2026-06-15');
    await move(as('enshi-scjg'), enshi[2], 'IN_PROGRESS');
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('issues blue for due-soon tasks behind schedule and orange for overdue ones, once a day', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM task_event`);
    const first = await urging.runDaily(today());
    expect(first).toMatchObject({ issued: 3, blue: 2, orange: 1, red: 0, escalated: 0 });

    const [blue] = await noticesOf(enshi[0]);
    expect(blue).toMatchObject({ colour: 'BLUE', reason_code: 'BEHIND_SCHEDULE', origin: 'AUTO' });
    expect(blue.closed_at).toBeNull();
    const [orange] = await noticesOf(enshi[1]);
    expect(orange).toMatchObject({ colour: 'ORANGE', reason_code: 'OVERDUE', deduction: 0.5 });
    expect(await noticesOf(enshi[2])).toHaveLength(0);
    expect(await noticesOf(enshi[3])).toHaveLength(0);
    expect(await noticesOf(jiangan[0])).toMatchObject([{ colour: 'BLUE' }]);
    // Consecutive numbers of the year from the configured pattern.
    const numbers = (await db.query(`SELECT number, seq FROM urging_notice ORDER BY seq`)).map(
      (r: { number: string }) => r.number,
    );
    expect(numbers).toEqual(['鄂质督〔2026〕1号', '鄂质督〔2026〕2号', '鄂质督〔2026〕3号']);
    const events = await db.query(
      `SELECT kind, actor_username, after->>'number' AS number FROM task_event
        WHERE task_id = $1 AND kind LIKE 'urging%'`,
      [enshi[0]],
    );
    expect(events).toEqual([
      { kind: 'urging_issued', actor_username: 'system', number: blue.number },
    ]);

    // The same day again: nothing new, no history written.
    const second = await urging.runDaily(today());
    expect(second).toMatchObject({ issued: 0, escalated: 0 });
    expect(await db.query(`SELECT count(*)::int AS n FROM urging_notice`)).toEqual([{ n: 3 }]);
    const after = await db.query(`SELECT count(*)::int AS n FROM task_event`);
    expect(after[0].n - before[0].n).toBe(3);
  });

  it('escalates unanswered notices after 10 days: blue → orange → red, each once', async () => {
    await advance(9); // 2026-06-10: enshi[3] is now due within 14 days
    expect(await urging.runDaily(today())).toMatchObject({ issued: 1, blue: 1 });
    expect(await noticesOf(enshi[3])).toMatchObject([{ colour: 'BLUE', issued_on: '2026-06-10' }]);
    await advance(1); // 2026-06-11: ten days after the first blue notices
    const run = await urging.runDaily(today());
    // enshi[0] blue→orange, enshi[1] orange→red, jiangan[0] blue→orange.
    expect(run).toMatchObject({ issued: 3, escalated: 3, orange: 2, red: 1 });
    expect((await urging.runDaily(today())).issued).toBe(0);

    const ladder = await noticesOf(enshi[0]);
    expect(ladder.map((n: { colour: string }) => n.colour)).toEqual(['BLUE', 'ORANGE']);
    expect(ladder[0]).toMatchObject({ close_reason: 'ESCALATED', escalated_to: ladder[1].id });
    expect(ladder[1]).toMatchObject({
      reason_code: 'UNANSWERED_BLUE',
      supersedes_id: ladder[0].id,
      closed_at: null,
    });
    const red = await noticesOf(enshi[1]);
    expect(red.map((n: { colour: string }) => n.colour)).toEqual(['ORANGE', 'RED']);
    expect(red[1]).toMatchObject({ reason_code: 'UNANSWERED_ORANGE', deduction: 1 });

    await advance(10); // 2026-06-21
    const third = await urging.runDaily(today());
    // enshi[0] and jiangan[0] orange→red; enshi[3]'s blue (11 days old, answered or not) → orange
    // as it is overdue; enshi[2], in progress but now overdue, gets its first notice: orange.
    expect(third).toMatchObject({ issued: 4, escalated: 3, red: 2, orange: 2 });
    expect(await noticesOf(enshi[2])).toMatchObject([{ colour: 'ORANGE', reason_code: 'OVERDUE' }]);
    expect((await noticesOf(enshi[3]))[1]).toMatchObject({
      colour: 'ORANGE',
      reason_code: 'OVERDUE',
    });
    // A red is the top of the ladder.
    expect((await noticesOf(enshi[1])).length).toBe(2);
    await advance(10); // 2026-07-01
    // The oranges of enshi[2] and enshi[3] went unanswered for 10 days.
    expect(await urging.runDaily(today())).toMatchObject({ issued: 2, red: 2, escalated: 2 });
    expect((await noticesOf(enshi[1])).length).toBe(2);
  });

  it('lets only the task’s operator acknowledge and answer, in that order', async () => {
    const [, , red] = await noticesOf(enshi[0]);
    const ack = `mutation($id: ID!) { acknowledgeUrgingNotice(id: $id) { ${NOTICE_FIELDS} } }`;
    const answer = `mutation($input: AnswerUrgingNoticeInput!) { answerUrgingNotice(input: $input) { ${NOTICE_FIELDS} } }`;
    const get = `query($id: ID!) { urgingNotice(id: $id) { ${NOTICE_FIELDS} } }`;

    // Another unit's operator: not found, as if it did not exist.
    for (const res of [
      await as('jiangan-scjg').graphql(get, { id: red.id }),
      await as('jiangan-scjg').graphql(ack, { id: red.id }),
    ]) {
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    // Supervisors and auditors see it but cannot acknowledge (not the task's operator).
    const seen = await as('enshi-zhou').graphql<{ urgingNotice: Notice }>(get, { id: red.id });
    expect(seen.data?.urgingNotice).toMatchObject({ colour: 'RED', canAcknowledge: false });
    expect((await as('auditor').graphql(ack, { id: red.id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );

    const early = await as('enshi-scjg').graphql(answer, {
      input: { id: red.id, answer: '正在办理' },
    });
    expect(early.errors?.[0]).toMatchObject({
      message: '请先签收督办单，再填写反馈。',
      extensions: { code: 'CONFLICT' },
    });
    const mine = await as('enshi-scjg').graphql<{ urgingNotice: Notice }>(get, { id: red.id });
    expect(mine.data?.urgingNotice).toMatchObject({ canAcknowledge: true, canAnswer: false });
    const acked = await as('enshi-scjg').graphql<{ acknowledgeUrgingNotice: Notice }>(ack, {
      id: red.id,
    });
    expect(acked.data?.acknowledgeUrgingNotice).toMatchObject({
      canAcknowledge: false,
      canAnswer: true,
    });
    expect(acked.data?.acknowledgeUrgingNotice.acknowledgedAt).toBeTruthy();
    expect((await as('enshi-scjg').graphql(ack, { id: red.id })).errors?.[0].message).toBe(
      '该督办单已签收。',
    );
    const blank = await as('enshi-scjg').graphql(answer, { input: { id: red.id, answer: '  ' } });
    expect(blank.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    const answered = await as('enshi-scjg').graphql<{ answerUrgingNotice: Notice }>(answer, {
      input: { id: red.id, answer: '已制定整改方案，6 月底前提交材料。' },
    });
    expect(answered.data?.answerUrgingNotice).toMatchObject({
      answer: '已制定整改方案，6 月底前提交材料。',
      canAnswer: false,
    });
    // An escalated (closed) notice cannot be acknowledged any more.
    const [blue] = await noticesOf(enshi[0]);
    const stale = await as('enshi-scjg').graphql(ack, { id: blue.id });
    expect(stale.errors?.[0].message).toBe('该督办单已升级，请签收并反馈新的督办单。');
    const kinds = await db.query(
      `SELECT kind FROM task_event WHERE task_id = $1 AND kind LIKE 'urging%' ORDER BY id`,
      [enshi[0]],
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'urging_issued',
      'urging_issued',
      'urging_issued',
      'urging_acknowledged',
      'urging_answered',
    ]);
  });

  it('lets the task’s supervisors issue notices by hand, higher than the open one only', async () => {
    const issue = `mutation($input: IssueUrgingNoticeInput!) { issueUrgingNotice(input: $input) { ${NOTICE_FIELDS} } }`;
    const input = (colour: string, taskId = enshi[4]) => ({
      input: { taskId, colour, text: '请加快推进，按期报送材料。', answerDue: '2026-07-20' },
    });
    const byOperator = await as('enshi-scjg').graphql(issue, input('BLUE'));
    expect(byOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await as('enshi-zhou').graphql(issue, input('BLUE', jiangan[1]));
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const pastDue = await as('enshi-zhou').graphql(issue, {
      input: { ...input('BLUE').input, answerDue: '2026-01-01' },
    });
    expect(pastDue.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');

    const blue = await as('enshi-zhou').graphql<{ issueUrgingNotice: Notice }>(
      issue,
      input('BLUE'),
    );
    expect(blue.data?.issueUrgingNotice).toMatchObject({
      colour: 'BLUE',
      origin: 'MANUAL',
      reasonCode: 'ORDERED',
      issuedBy: 'enshi-zhou',
      answerDue: '2026-07-20',
    });
    const same = await as('province').graphql(issue, input('BLUE'));
    expect(same.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(same.errors?.[0].message).toContain('只能签发更高等级的督办单');
    const red = await as('province').graphql<{ issueUrgingNotice: Notice }>(issue, input('RED'));
    expect(red.data?.issueUrgingNotice).toMatchObject({
      colour: 'RED',
      supersedesId: blue.data!.issueUrgingNotice.id,
    });
    const [old] = await noticesOf(enshi[4]);
    expect(old).toMatchObject({ close_reason: 'ESCALATED' });

    // Supervisors' lists: unacknowledged notices of 恩施市, and the operator's view of the same.
    const list = `query($f: UrgingNoticeFilter) { urgingNotices(filter: $f) { total items { number colour unitCode } } }`;
    const unack = await as('enshi-zhou').graphql<{
      urgingNotices: { total: number; items: Notice[] };
    }>(list, { f: { cycleId, unitCode: '422801', state: 'UNACKNOWLEDGED' } });
    // The reds of enshi[1], [2], [3] and [4] (manual); enshi[0]'s red is acknowledged.
    expect(unack.data?.urgingNotices.total).toBe(4);
    const jianganView = await as('jiangan-scjg').graphql<{
      urgingNotices: { total: number; items: Notice[] };
    }>(list, { f: { cycleId } });
    expect(new Set(jianganView.data?.urgingNotices.items.map((n) => n.unitCode))).toEqual(
      new Set(['420102']),
    );
  });

  it('counts open notices by colour per unit, map-ready, within the jurisdiction', async () => {
    const q = `query($c: ID!) { urgingCountsByUnit(cycleId: $c) { unitCode unitName level parentCode blue orange red unacknowledged unanswered issued } }`;
    const province = await as('province').graphql<{
      urgingCountsByUnit: Array<Record<string, unknown>>;
    }>(q, { c: cycleId });
    const rows = province.data!.urgingCountsByUnit;
    expect(rows.find((r) => r.unitCode === '422801')).toMatchObject({
      parentCode: '422800',
      blue: 0,
      orange: 0,
      red: 5,
      unacknowledged: 4,
      unanswered: 4,
      issued: 12,
    });
    expect(rows.find((r) => r.unitCode === '420102')).toMatchObject({ red: 1, issued: 3 });
    // Units without notices are there too (zeros), for the map.
    expect(rows.length).toBeGreaterThan(100);
    const prefecture = await as('enshi-zhou').graphql<{
      urgingCountsByUnit: Array<Record<string, unknown>>;
    }>(q, { c: cycleId });
    expect(
      prefecture.data!.urgingCountsByUnit.every((r) => String(r.unitCode).startsWith('4228')),
    ).toBe(true);
  });

  it('closes the notices when the task is submitted, and urges again after a return', async () => {
    const upload = await uploadEvidence(api, as('enshi-scjg'), enshi[1], [
      { name: '整改报告.pdf', content: samplePdf('urging-submit') },
    ]);
    expect(upload.status).toBe(201);
    await move(as('enshi-scjg'), enshi[1], 'SUBMITTED');
    const closed = await noticesOf(enshi[1]);
    expect(closed[1]).toMatchObject({ colour: 'RED', close_reason: 'TASK_SUBMITTED' });
    expect(closed[1].closed_at).not.toBeNull();
    expect((await urging.runDaily(today())).issued).toBe(0);

    await move(as('enshi-zhou'), enshi[1], 'RETURNED', '材料不全');
    const again = await urging.runDaily(today());
    expect(again.issued).toBe(1);
    const all = await noticesOf(enshi[1]);
    expect(all[2]).toMatchObject({ colour: 'ORANGE', reason_code: 'OVERDUE', closed_at: null });
  });

  it('deducts the points fixed on each notice in the unit’s assessment score', async () => {
    const { scores } = await computeScores(db.manager, cycleId, today());
    const enshiScore = scores.find((s) => s.code === '422801')!;
    const urgingItems = enshiScore.deductions.filter((d) => d.reason.includes('督办单'));
    // Orange 0.5 and red 1 point each; blue 0 is not listed.
    const points = urgingItems.map((d) => d.points).sort();
    const expected = (
      await db.query(
        `SELECT deduction::float8 AS p FROM urging_notice WHERE unit_code = '422801' AND deduction > 0`,
      )
    )
      .map((r: { p: number }) => r.p)
      .sort();
    expect(points).toEqual(expected);
    expect(urgingItems.some((d) => /^红色督办单 鄂质督〔2026〕\d+号$/.test(d.reason))).toBe(true);
    expect(urgingItems.every((d) => !d.reason.startsWith('蓝色'))).toBe(true);
  });

  it('runs on demand for the provincial supervisor only', async () => {
    const run = `mutation { runUrgingNow { today issued escalated closed blue orange red } }`;
    const denied = await as('enshi-zhou').graphql(run);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await as('province').graphql<{ runUrgingNow: { today: string; issued: number } }>(
      run,
    );
    expect(res.data?.runUrgingNow).toMatchObject({ today: today(), issued: 0 });
  });
});
