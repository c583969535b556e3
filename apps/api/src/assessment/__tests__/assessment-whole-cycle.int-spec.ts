import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { drawSample, SampleCandidate } from '../onsite/onsite-draw';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

type GqlResult = { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> };

interface Breakdown {
  indicatorId: string;
  stage: string;
  stageScore: number | null;
  earned: number;
  computedEarned: number;
}
interface UnitAssessment {
  unitCode: string;
  score: number;
  grade: string;
  frozen: boolean;
  bonusApplied: number;
  deductions: Array<{ points: number; reason: string }>;
  breakdown: Breakdown[];
}
interface StageView {
  status: string;
  late: boolean;
  submitCount: number;
  returnCount: number;
  returnReason: string | null;
  finalScore: number;
  indicators: Array<{
    indicatorId: string;
    finalStage: string | null;
    source: string;
    earned: number;
    computedEarned: number;
  }>;
  changes: Array<{
    indicatorId: string | null;
    stage: string;
    action: string;
    beforeScore: number | null;
    afterScore: number | null;
    reason: string | null;
    late: boolean | null;
    actor: string;
    actorRole: string;
  }>;
}

const UNIT_FIELDS = `unitCode score grade frozen bonusApplied deductions { points reason }
  breakdown { indicatorId stage stageScore earned computedEarned }`;
const STAGE_FIELDS = `status late submitCount returnCount returnReason finalScore
  indicators { indicatorId finalStage source earned computedEarned }
  changes { indicatorId stage action beforeScore afterScore reason late actor actorRole }`;

/**
 * A whole Article 40 cycle through GraphQL against PostgreSQL: stage schedule, self-assessment,
 * prefecture preliminary review (with a return and a resubmission), provincial review, measured
 * values, on-site verification, publication, objections and the final freeze.
 *
 * Two prefectures and four of their counties:
 *   武汉市 420100 (supervisor wuhan-zhou): 江岸区 420102 (jiangan-scjg), 江汉区 420103 (jianghan-scjg)
 *   恩施州 422800 (supervisor enshi-zhou): 恩施市 422801 (enshi-scjg), 利川市 422802 (lichuan-scjg)
 *
 * Plan (bands 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格; bonus cap 5):
 *   W1 work item, one county duty (chapter A, 60 points)                     → 60 marks
 *   M1 制造业产品质量合格率 %, higher, linear, county target 95 floor 90 (chapter B, 40)
 *                                                                             → 40 marks
 * Every other task of the cycle is in progress and in no indicator (ignored).
 *
 * Computed figures (the rule, before any stage):
 *   420102: W1 task verified 1 × 60 = 60;  M1 reported 94 → (94 − 90)/(95 − 90) = 0.8 × 40 = 32
 *   420103: W1 task submitted ½ × 60 = 30; M1 reported 91 → (91 − 90)/5 = 0.2 × 40 = 8
 *   422801: W1 task verified 1 × 60 = 60;  M1 reported 96 → ≥ 95 → 1 × 40 = 40
 *   422802: W1 task submitted ½ × 60 = 30; M1 reported 97, adjusted by 恩施州 to 92
 *           → (92 − 90)/5 = 0.4 × 40 = 16
 *
 * Stages (自评 07-01..07-10, 市州初审 07-10..07-20, 省级复核 07-20..07-31, UTC):
 *   420102 self W1 55, M1 36, submitted 07-05 (on time); 武汉 scores W1 50.
 *   420103 self W1 40, M1 20, submitted 07-06 (on time); 武汉 returns it 07-13 ("W1 自评分偏高")
 *          — while returned its self-scores do not count: 30 + 8 = 38.00 (computed);
 *          corrected W1 to 35 and resubmitted 07-14 (due: the review's close, on time);
 *          武汉 scores M1 15.
 *   422801 self W1 58, M1 38, submitted 07-12 (late); 恩施州 scores W1 52; the province
 *          reviews W1 to 54.
 *   422802 saves a self-score W1 60 but never submits (a draft does not count).
 *
 * On-site (seed "whole-cycle-2026", one unit per prefecture, one verified task each; only
 * 420102 and 422801 have verified tasks): 420102's item confirmed correct; 422801's a
 * discrepancy → −2.50.
 * Publication 08-10 (objections until 08-20); 420103 objects on W1 → UPHELD, +4 (bonus, under
 * the cap of 5); 422801 objects on W1 → REJECTED. Closed (frozen) 09-01.
 *
 * Final (latest stage per indicator, else computed; then deductions and bonuses):
 *   420102: W1 prefecture 50 + M1 self 36 = 86.00; on-site confirmed: nothing   → 86.00 良好
 *   420103: W1 self 35 + M1 prefecture 15 = 50.00; objection +4 = 54.00           → 54.00 不合格
 *   422801: W1 provincial 54 + M1 self 38 = 92.00; on-site −2.50 = 89.50          → 89.50 良好
 *   422802: draft: W1 computed 30 + M1 computed (adjusted) 16 = 46.00             → 46.00 不合格
 * Dropping a stage changes a figure: self (420102 M1 36 → 32: 82.00), prefecture (420103 M1
 * 15 → 20: 59.00), provincial (422801 W1 54 → 52: 87.50), on-site (422801 92.00), the upheld
 * objection (420103 50.00), the draft rule (422802 W1 60: 76.00), the measured adjustment
 * (422802 M1 40: 70.00).
 */
describe('Article 40 assessment: a whole cycle through every stage', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  const as: Record<string, SignedInClient> = {};
  const USERS = [
    'province',
    'auditor',
    'wuhan-zhou',
    'enshi-zhou',
    'jiangan-scjg',
    'jianghan-scjg',
    'enshi-scjg',
    'lichuan-scjg',
  ];
  let cycleId: string;
  let duty: { lineage: string; chapter: number };
  let otherChapter: number;
  const objections: Record<string, string> = {};

  /** Moves the clock; sessions idle that long have expired, so everyone signs in again. */
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    for (const u of USERS) as[u] = await api.signIn(u);
  };
  const ok = <T>(res: { data?: T | null } & GqlResult): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const problem = (res: GqlResult) =>
    (res.errors?.[0]?.extensions?.details as { problems?: Array<{ code: string }> })?.problems?.[0]
      ?.code;
  const saveSelf = (user: string, unitCode: string, indicatorId: string, selfScore: number) =>
    as[user].graphql<{ saveSelfAssessment: StageView }>(
      `mutation($i: SaveSelfAssessmentInput!) { saveSelfAssessment(input: $i) { ${STAGE_FIELDS} } }`,
      { i: { cycleId, unitCode, indicatorId, selfScore, narrative: '自评说明' } },
    );
  const submit = (user: string, unitCode: string) =>
    as[user].graphql<{ submitSelfAssessment: StageView }>(
      `mutation($i: UnitStageInput!) { submitSelfAssessment(input: $i) { ${STAGE_FIELDS} } }`,
      { i: { cycleId, unitCode } },
    );
  const review = (
    user: string,
    op: 'preliminaryReviewScore' | 'provincialReviewScore',
    unitCode: string,
    indicatorId: string,
    score: number,
    comment: string,
  ) =>
    as[user].graphql<Record<string, StageView>>(
      `mutation($i: StageReviewScoreInput!) { ${op}(input: $i) { ${STAGE_FIELDS} } }`,
      { i: { cycleId, unitCode, indicatorId, score, comment } },
    );
  const stageView = async (user: string, unitCode: string) =>
    ok(
      await as[user].graphql<{ unitStageAssessment: StageView }>(
        `query($c: ID!, $u: String!) { unitStageAssessment(cycleId: $c, unitCode: $u) { ${STAGE_FIELDS} } }`,
        { c: cycleId, u: unitCode },
      ),
    ).unitStageAssessment;
  const unitScore = async (unitCode: string) =>
    ok(
      await as.province.graphql<{ unitAssessment: UnitAssessment }>(
        `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { ${UNIT_FIELDS} } }`,
        { c: cycleId, u: unitCode },
      ),
    ).unitAssessment;
  const report = (user: string, unitCode: string, value: number) =>
    as[user].graphql(
      `mutation($i: ReportMeasureInput!) { reportAssessmentMeasure(input: $i) { indicatorId reportedValue } }`,
      { i: { cycleId, unitCode, indicatorId: 'M1', value, sourceRef: '2026年质量统计公报' } },
    );
  /** [source, earned, computed] per indicator: what counts, and the rule's figure next to it. */
  const sources = (u: UnitAssessment) =>
    u.breakdown.map((b) => [b.indicatorId, b.stage, b.stageScore, b.earned, b.computedEarned]);
  const setTask = (unit: string, status: string) =>
    db.query(
      `UPDATE task SET status = $4 WHERE cycle_id = $1 AND unit_code = $2 AND duty_lineage_id = $3`,
      [cycleId, unit, duty.lineage, status],
    );

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    // A supervisor for 武汉市 and operators for 江汉区 and 利川市 (same passwords as the demo ones).
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, demo_account)
       SELECT 'wuhan-zhou', '武汉市监督员（测试）', password_hash, password_changed_at, false,
              role, '420100', department_id, demo_account
         FROM app_user WHERE username = 'enshi-zhou'`,
    );
    for (const [username, name, unit] of [
      ['jianghan-scjg', '江汉区经办人（测试）', '420103'],
      ['lichuan-scjg', '利川市经办人（测试）', '422802'],
    ]) {
      await db.query(
        `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                               role, unit_code, department_id, demo_account)
         SELECT $1, $2, password_hash, password_changed_at, false, role, $3::varchar,
                (SELECT id FROM department WHERE unit_code = $3::varchar AND kind_code = 'market_regulation'),
                demo_account
           FROM app_user WHERE username = 'jiangan-scjg'`,
        [username, name, unit],
      );
    }
    await at('2026-06-30T04:00:00Z');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await as.province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = ok(created).createCycle.cycle.id;
    // A county duty all four counties have a task for.
    [duty] = await db.query(
      `SELECT d.lineage_id AS lineage, c.number AS chapter
         FROM duty d JOIN regulation_article a ON a.id = d.article_id
         JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.tracked AND d.government_duty AND 'county' = ANY (d.levels)
          AND (SELECT count(DISTINCT t.unit_code) FROM task t
                WHERE t.cycle_id = $1 AND t.duty_lineage_id = d.lineage_id
                  AND t.unit_code IN ('420102', '420103', '422801', '422802')) = 4
        ORDER BY c.number, a.number, d.sequence LIMIT 1`,
      [cycleId],
    );
    expect(duty).toBeDefined();
    [{ number: otherChapter }] = await db.query(
      `SELECT c.number FROM regulation_chapter c WHERE c.version_id = $1 AND c.number <> $2
        ORDER BY c.number LIMIT 1`,
      [versionId, duty.chapter],
    );
    ok(
      await as.province.graphql(
        `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
        {
          i: {
            cycleId,
            expectedVersion: 0,
            chapterWeights: [
              { chapter: duty.chapter, weight: 60 },
              { chapter: otherChapter, weight: 40 },
            ],
            indicators: [
              {
                id: 'W1',
                name: '质量工作机制',
                chapter: duty.chapter,
                weight: 1,
                dutyIds: [duty.lineage],
              },
              {
                id: 'M1',
                name: '制造业产品质量合格率',
                chapter: otherChapter,
                weight: 1,
                dutyIds: [],
                kind: 'measure',
                measure: {
                  unitOfMeasure: '%',
                  direction: 'higher',
                  scoring: 'linear',
                  levels: { county: { target: 95, floor: 90 } },
                },
              },
            ],
            ...STANDARD_PLAN_SETTINGS,
          },
        },
      ),
    );
    await db.query(`UPDATE task SET status = 'IN_PROGRESS' WHERE cycle_id = $1`, [cycleId]);
    await setTask('420102', 'VERIFIED');
    await setTask('420103', 'SUBMITTED');
    await setTask('422801', 'VERIFIED');
    await setTask('422802', 'SUBMITTED');
  });
  afterAll(() => api?.close());

  it('sets the schedule of every stage and takes the measured values', async () => {
    const windows = [
      ['SELF_ASSESSMENT', '2026-07-01', '2026-07-10'],
      ['PREFECTURE_REVIEW', '2026-07-10', '2026-07-20'],
      ['PROVINCIAL_REVIEW', '2026-07-20', '2026-07-31'],
      ['ONSITE_VERIFICATION', '2026-08-01', '2026-08-10'],
      ['PUBLICATION', '2026-08-10', '2026-08-20'],
      ['OBJECTION', '2026-08-10', '2026-08-20'],
      ['FINAL', '2026-08-20', '2026-09-30'],
    ].map(([stage, opens, closes]) => ({
      stage,
      opensAt: `${opens}T00:00:00Z`,
      closesAt: `${closes}T00:00:00Z`,
    }));
    const set = ok(
      await as.province.graphql<{ setAssessmentStageSchedule: Array<{ stage: string }> }>(
        `mutation($i: SetAssessmentStageScheduleInput!) { setAssessmentStageSchedule(input: $i) { stage } }`,
        { i: { cycleId, windows } },
      ),
    );
    expect(set.setAssessmentStageSchedule).toHaveLength(7);

    ok(await report('jiangan-scjg', '420102', 94));
    ok(await report('jianghan-scjg', '420103', 91));
    ok(await report('enshi-scjg', '422801', 96));
    ok(await report('lichuan-scjg', '422802', 97));
    ok(
      await as['enshi-zhou'].graphql(
        `mutation($i: AdjustMeasureInput!) { adjustAssessmentMeasure(input: $i) { adjustedValue } }`,
        {
          i: {
            cycleId,
            unitCode: '422802',
            indicatorId: 'M1',
            value: 92,
            reason: '按统计局核定数',
          },
        },
      ),
    );
    // Before any stage every unit has its computed figures.
    expect(sources(await unitScore('420102'))).toEqual([
      ['W1', 'computed', null, 60, 60],
      ['M1', 'computed', null, 32, 32],
    ]);
    expect((await unitScore('422802')).score).toBe(46);
  });

  it('self-assessment: on time, late, and a draft that never counts', async () => {
    await at('2026-07-02T02:00:00Z');
    ok(await saveSelf('jiangan-scjg', '420102', 'W1', 55));
    ok(await saveSelf('jiangan-scjg', '420102', 'M1', 36));
    ok(await saveSelf('jianghan-scjg', '420103', 'W1', 40));
    ok(await saveSelf('jianghan-scjg', '420103', 'M1', 20));
    ok(await saveSelf('enshi-scjg', '422801', 'W1', 58));
    ok(await saveSelf('enshi-scjg', '422801', 'M1', 38));
    ok(await saveSelf('lichuan-scjg', '422802', 'W1', 60));
    expect(problem(await saveSelf('lichuan-scjg', '422802', 'M1', 40.01))).toBe(
      'SCORE_OUT_OF_RANGE',
    );
    // Saved but not handed in: nothing counts yet.
    expect((await unitScore('420102')).score).toBe(92);

    await at('2026-07-05T02:00:00Z');
    const jiangan = ok(await submit('jiangan-scjg', '420102')).submitSelfAssessment;
    expect(jiangan).toMatchObject({ status: 'submitted', late: false, finalScore: 91 }); // 55 + 36
    await at('2026-07-06T02:00:00Z');
    ok(await submit('jianghan-scjg', '420103'));
    await at('2026-07-12T02:00:00Z');
    const enshi = ok(await submit('enshi-scjg', '422801')).submitSelfAssessment;
    expect(enshi).toMatchObject({ status: 'submitted', late: true, submitCount: 1 });
    expect(enshi.finalScore).toBe(96); // 58 + 38

    // The draft of 利川市: its self-score is shown on the stage page but does not count.
    const lichuan = await stageView('lichuan-scjg', '422802');
    expect(lichuan.status).toBe('draft');
    expect(lichuan.finalScore).toBe(46);
    expect(lichuan.indicators.map((i) => [i.indicatorId, i.source, i.earned])).toEqual([
      ['W1', 'computed', 30],
      ['M1', 'computed', 16],
    ]);
  });

  it('prefecture review: scores, a return (self-scores stop counting) and a resubmission', async () => {
    await at('2026-07-11T02:00:00Z');
    ok(await review('enshi-zhou', 'preliminaryReviewScore', '422801', 'W1', 52, '机制文件不完整'));
    await at('2026-07-13T02:00:00Z');
    ok(
      await review('wuhan-zhou', 'preliminaryReviewScore', '420102', 'W1', 50, '部分工作未见成效'),
    );
    // Not its prefecture's unit.
    expect(
      (await review('wuhan-zhou', 'preliminaryReviewScore', '422801', 'W1', 1, '越权')).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    const returned = ok(
      await as['wuhan-zhou'].graphql<{ returnSelfAssessment: StageView }>(
        `mutation($i: ReturnSelfAssessmentInput!) { returnSelfAssessment(input: $i) { ${STAGE_FIELDS} } }`,
        { i: { cycleId, unitCode: '420103', reason: 'W1 自评分偏高，缺少佐证' } },
      ),
    ).returnSelfAssessment;
    expect(returned).toMatchObject({
      status: 'returned',
      returnCount: 1,
      returnReason: 'W1 自评分偏高，缺少佐证',
    });
    // While returned, 江汉区's self-scores do not count: computed 30 + 8 = 38.
    expect(returned.finalScore).toBe(38);
    const whileReturned = await unitScore('420103');
    expect(whileReturned.score).toBe(38);
    expect(sources(whileReturned)).toEqual([
      ['W1', 'computed', null, 30, 30],
      ['M1', 'computed', null, 8, 8],
    ]);

    await at('2026-07-14T02:00:00Z');
    ok(await saveSelf('jianghan-scjg', '420103', 'W1', 35));
    const again = ok(await submit('jianghan-scjg', '420103')).submitSelfAssessment;
    expect(again).toMatchObject({ status: 'submitted', late: false, submitCount: 2 });
    expect(again.finalScore).toBe(55); // 35 + 20
    await at('2026-07-15T02:00:00Z');
    const scored = ok(
      await review(
        'wuhan-zhou',
        'preliminaryReviewScore',
        '420103',
        'M1',
        15,
        '合格率数据来源不全',
      ),
    ).preliminaryReviewScore;
    expect(scored.finalScore).toBe(50); // 35 + 15
  });

  it('provincial review on one indicator', async () => {
    await at('2026-07-21T02:00:00Z');
    const view = ok(
      await review('province', 'provincialReviewScore', '422801', 'W1', 54, '复核上调'),
    ).provincialReviewScore;
    expect(
      view.indicators.map((i) => [i.indicatorId, i.source, i.earned, i.computedEarned]),
    ).toEqual([
      ['W1', 'provincial', 54, 60],
      ['M1', 'self', 38, 40],
    ]);
    expect(view.finalScore).toBe(92);
  });

  it('on-site verification: a seeded sample, one confirmed item, one discrepancy deducted', async () => {
    await at('2026-08-02T02:00:00Z');
    const drawn = ok(
      await as.province.graphql<{
        drawOnsiteSample: {
          id: string;
          seed: string;
          items: Array<{ id: string; unitCode: string; taskId: string }>;
        };
      }>(
        `mutation($i: DrawOnsiteSampleInput!) { drawOnsiteSample(input: $i) { id seed items { id unitCode taskId } } }`,
        {
          i: {
            cycleId,
            scope: 'PER_PREFECTURE',
            unitCount: 1,
            tasksPerUnit: 1,
            taskStatuses: ['VERIFIED'],
            unitLevels: ['county'],
            deductionPoints: 2.5,
            seed: 'whole-cycle-2026',
          },
        },
      ),
    ).drawOnsiteSample;
    // Exactly the pure, seeded draw over the recorded population.
    const population: SampleCandidate[] = await db.query(
      `SELECT t.id AS "taskId", t.unit_code AS "unitCode", u.parent_code AS "groupCode"
         FROM task t JOIN admin_unit u ON u.code = t.unit_code
        WHERE t.cycle_id = $1 AND t.status = 'VERIFIED' AND t.retired_at IS NULL
          AND u.level = 'county'`,
      [cycleId],
    );
    const expected = drawSample('whole-cycle-2026', population, {
      scope: 'PER_PREFECTURE',
      unitCount: 1,
      tasksPerUnit: 1,
    });
    expect(drawn.items.map((i) => `${i.unitCode}/${i.taskId}`).sort()).toEqual(
      expected.units.flatMap((u) => u.tasks.map((t) => `${u.unitCode}/${t.taskId}`)).sort(),
    );
    expect(drawn.items.map((i) => i.unitCode).sort()).toEqual(['420102', '422801']);
    const item = (unit: string) => drawn.items.find((i) => i.unitCode === unit)!;
    const record = (user: string, input: object) =>
      as[user].graphql(
        `mutation($i: RecordOnsiteFindingInput!) { recordOnsiteFinding(input: $i) { id outcome } }`,
        { i: input },
      );
    ok(await record('wuhan-zhou', { itemId: item('420102').id, outcome: 'CONFIRMED' }));
    ok(
      await record('enshi-zhou', {
        itemId: item('422801').id,
        outcome: 'DISCREPANCY',
        note: '现场未见所报机制文件原件',
      }),
    );
    const closed = ok(
      await as.province.graphql<{
        closeOnsiteVerification: {
          status: string;
          items: Array<{
            unitCode: string;
            adjustmentId: string | null;
            deductedPoints: number | null;
          }>;
        };
      }>(
        `mutation($s: ID!) { closeOnsiteVerification(sampleId: $s) { status items { unitCode adjustmentId deductedPoints } } }`,
        { s: drawn.id },
      ),
    ).closeOnsiteVerification;
    expect(closed.status).toBe('closed');
    expect(
      closed.items.filter((i) => i.adjustmentId).map((i) => [i.unitCode, i.deductedPoints]),
    ).toEqual([['422801', 2.5]]);
    expect((await unitScore('422801')).score).toBe(89.5); // 92 − 2.5
    expect((await unitScore('420102')).score).toBe(86); // 50 + 36, confirmed: nothing
  });

  it('publishes the provisional results with each indicator’s counting stage', async () => {
    await at('2026-08-10T02:00:00Z');
    const pub = ok(
      await as.province.graphql<{
        publishAssessmentResults: {
          results: Array<{
            unitCode: string;
            score: number;
            grade: string;
            indicators: Array<{ indicatorId: string; stage: string; earned: number }>;
          }>;
        };
      }>(
        `mutation($c: ID!, $t: DateTime!) { publishAssessmentResults(cycleId: $c, objectionClosesAt: $t) {
           results { unitCode score grade indicators { indicatorId stage earned } } } }`,
        { c: cycleId, t: '2026-08-20T00:00:00Z' },
      ),
    ).publishAssessmentResults;
    const row = (code: string) => {
      const r = pub.results.find((x) => x.unitCode === code)!;
      return [r.score, r.grade, r.indicators.map((i) => `${i.indicatorId}:${i.stage}:${i.earned}`)];
    };
    expect(row('420102')).toEqual([86, '良好', ['W1:prefecture:50', 'M1:self:36']]);
    expect(row('420103')).toEqual([50, '不合格', ['W1:self:35', 'M1:prefecture:15']]);
    expect(row('422801')).toEqual([89.5, '良好', ['W1:provincial:54', 'M1:self:38']]);
    expect(row('422802')).toEqual([46, '不合格', ['W1:computed:30', 'M1:computed:16']]);
  });

  it('objections: one upheld with a point change, one rejected', async () => {
    await at('2026-08-11T02:00:00Z');
    const file = async (user: string, unitCode: string) =>
      ok(
        await as[user].graphql<{ fileAssessmentObjection: { id: string } }>(
          `mutation($i: FileAssessmentObjectionInput!) { fileAssessmentObjection(input: $i) { id } }`,
          { i: { cycleId, unitCode, indicatorId: 'W1', reason: '更正后的自评有充分佐证' } },
        ),
      ).fileAssessmentObjection.id;
    objections.upheld = await file('jianghan-scjg', '420103');
    objections.rejected = await file('enshi-scjg', '422801');

    await at('2026-08-21T02:00:00Z');
    const decide = (objectionId: string, decision: string, scoreChange?: number) =>
      as.province.graphql<{
        decideAssessmentObjection: { decision: string; scoreChange: number | null };
      }>(
        `mutation($i: DecideAssessmentObjectionInput!) { decideAssessmentObjection(input: $i) { decision scoreChange } }`,
        { i: { objectionId, decision, reason: '经复核', scoreChange } },
      );
    // Closing is refused while an objection is pending.
    ok(await decide(objections.upheld, 'UPHELD', 4));
    const refused = await as.province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      { c: cycleId },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    ok(await decide(objections.rejected, 'REJECTED'));
    expect((await unitScore('420103')).score).toBe(54); // 50 + 4
    expect((await unitScore('422801')).score).toBe(89.5);
  });

  it('freezes the final scores, equal to the hand-computed figures', async () => {
    await at('2026-09-01T02:00:00Z');
    ok(
      await as.province.graphql(`mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`, {
        c: cycleId,
      }),
    );
    const frozen: Array<{ unit_code: string; score: string; grade: string }> = await db.query(
      `SELECT r.unit_code, r.score::text AS score, r.grade FROM assessment_result r
         JOIN assessment_result_set s ON s.id = r.result_set_id
        WHERE s.cycle_id = $1 AND r.unit_code IN ('420102', '420103', '422801', '422802')
        ORDER BY r.unit_code`,
      [cycleId],
    );
    expect(frozen.map((r) => [r.unit_code, r.score, r.grade])).toEqual([
      ['420102', '86.00', '良好'], // W1 prefecture 50 + M1 self 36
      ['420103', '54.00', '不合格'], // W1 self 35 + M1 prefecture 15 + objection 4
      ['422801', '89.50', '良好'], // W1 provincial 54 + M1 self 38 − on-site 2.5
      ['422802', '46.00', '不合格'], // draft: W1 computed 30 + M1 computed (adjusted 92) 16
    ]);

    const enshi = await unitScore('422801');
    expect(enshi).toMatchObject({ frozen: true, score: 89.5, bonusApplied: 0 });
    expect(sources(enshi)).toEqual([
      ['W1', 'provincial', 54, 54, 60],
      ['M1', 'self', 38, 38, 40],
    ]);
    expect(enshi.deductions.map((d) => d.points)).toEqual([2.5]);
    const jianghan = await unitScore('420103');
    expect(jianghan).toMatchObject({ frozen: true, score: 54, bonusApplied: 4 });
    expect(sources(jianghan)).toEqual([
      ['W1', 'self', 35, 35, 30],
      ['M1', 'prefecture', 15, 15, 8],
    ]);
    expect(sources(await unitScore('420102'))).toEqual([
      ['W1', 'prefecture', 50, 50, 60],
      ['M1', 'self', 36, 36, 32],
    ]);
    expect(sources(await unitScore('422802'))).toEqual([
      ['W1', 'computed', null, 30, 30],
      ['M1', 'computed', null, 16, 16],
    ]);
    // The stage pages show the same (frozen-rule) figures.
    expect((await stageView('auditor', '422801')).finalScore).toBe(89.5);
    expect((await stageView('auditor', '420103')).finalScore).toBe(54);
  });

  it('keeps every score change: who, stage, before/after, reason', async () => {
    const log = (v: StageView) =>
      v.changes.map((c) => [
        c.action,
        c.stage,
        c.indicatorId,
        c.beforeScore,
        c.afterScore,
        c.reason,
        c.late,
        c.actor,
      ]);
    expect(log(await stageView('auditor', '420103'))).toEqual([
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W1', null, 40, null, null, 'jianghan-scjg'],
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'M1', null, 20, null, null, 'jianghan-scjg'],
      ['SUBMIT', 'SELF_ASSESSMENT', null, null, null, null, false, 'jianghan-scjg'],
      [
        'RETURN',
        'PREFECTURE_REVIEW',
        null,
        null,
        null,
        'W1 自评分偏高，缺少佐证',
        null,
        'wuhan-zhou',
      ],
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W1', 40, 35, null, null, 'jianghan-scjg'],
      ['SUBMIT', 'SELF_ASSESSMENT', null, null, null, null, false, 'jianghan-scjg'],
      [
        'PREFECTURE_SCORE',
        'PREFECTURE_REVIEW',
        'M1',
        null,
        15,
        '合格率数据来源不全',
        null,
        'wuhan-zhou',
      ],
    ]);
    const enshi = await stageView('auditor', '422801');
    expect(log(enshi)).toEqual([
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W1', null, 58, null, null, 'enshi-scjg'],
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'M1', null, 38, null, null, 'enshi-scjg'],
      ['SUBMIT', 'SELF_ASSESSMENT', null, null, null, null, true, 'enshi-scjg'],
      [
        'PREFECTURE_SCORE',
        'PREFECTURE_REVIEW',
        'W1',
        null,
        52,
        '机制文件不完整',
        null,
        'enshi-zhou',
      ],
      ['PROVINCIAL_SCORE', 'PROVINCIAL_REVIEW', 'W1', null, 54, '复核上调', null, 'province'],
    ]);
    expect(enshi.changes.map((c) => c.actorRole)).toEqual([
      'COUNTY_OPERATOR',
      'COUNTY_OPERATOR',
      'COUNTY_OPERATOR',
      'PREFECTURE_SUPERVISOR',
      'PROVINCIAL_SUPERVISOR',
    ]);
  });
});
