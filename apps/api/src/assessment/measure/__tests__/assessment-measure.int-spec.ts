import { DataSource } from 'typeorm';
import { ManualClock } from '../../../auth/clock';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

interface Score {
  unitCode: string;
  score: number;
  grade: string;
}

const MEASURE_FIELDS = `indicatorId target floor targetFrom reportedValue evidenceId evidenceName sourceRef
  reportedBy adjustedValue adjustReason adjustedBy canReport canAdjust
  events { action beforeValue afterValue evidenceId sourceRef reason actor actorRole }`;

/**
 * Measured indicators through GraphQL against PostgreSQL. A plan with one work indicator and
 * one measured indicator:
 *
 *   chapter A 60 points: W1 (one county duty)                    → 60 marks
 *   chapter B 40 points: M1 制造业产品质量合格率 %, higher,
 *                        linear, county target 95 floor 90,
 *                        恩施市 (422801) own target 94 floor 90   → 40 marks
 *
 *   420102 江岸区: task verified → 60; reports 93.5 → (93.5 − 90) / (95 − 90) = 0.7 → 28
 *                  → 88.00 良好
 *   422801 恩施市: task submitted → 30; reports 96 (≥ 94 → 40 → 70.00) — the prefecture
 *                  supervisor adjusts it to 92 → (92 − 90) / (94 − 90) = 0.5 → 20 → 50.00 不合格;
 *                  a later report of 95 does not move it (the adjusted value wins)
 */
describe('Article 40 assessment: measured indicators', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshi: SignedInClient;
  let jiangan: SignedInClient;
  let enshiOperator: SignedInClient;
  let cycleId: string;
  let duty: { lineage: string; chapter: number };
  let otherChapter: number;

  const measure = {
    unitOfMeasure: '%',
    direction: 'higher',
    scoring: 'linear',
    levels: { county: { target: 95, floor: 90 } },
    overrides: [{ unitCode: '422801', target: 94, floor: 90 }],
  };
  const planInput = (indicatorOverrides: Record<string, unknown> = {}, expectedVersion = 0) => ({
    cycleId,
    expectedVersion,
    chapterWeights: [
      { chapter: duty.chapter, weight: 60 },
      { chapter: otherChapter, weight: 40 },
    ],
    indicators: [
      { id: 'W1', name: '质量工作机制', chapter: duty.chapter, weight: 1, dutyIds: [duty.lineage] },
      {
        id: 'M1',
        name: '制造业产品质量合格率',
        chapter: otherChapter,
        weight: 1,
        kind: 'measure',
        measure,
        ...indicatorOverrides,
      },
    ],
    ...STANDARD_PLAN_SETTINGS,
  });
  const savePlan = (input: Record<string, unknown>) =>
    province.graphql<{
      saveAssessmentPlan: {
        version: number;
        indicators: Array<{ id: string; kind: string; measure: Record<string, unknown> | null }>;
      };
    }>(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version
         indicators { id kind measure { unitOfMeasure direction scoring levels { county { target floor } prefecture { target } }
           overrides { unitCode target floor } bands { min max points } } } } }`,
      { i: input },
    );
  const report = (client: SignedInClient, unitCode: string, value: number, source: object) => {
    clock.advance(1000);
    return client.graphql<{ reportAssessmentMeasure: Record<string, unknown> }>(
      `mutation($i: ReportMeasureInput!) { reportAssessmentMeasure(input: $i) { ${MEASURE_FIELDS} } }`,
      { i: { cycleId, unitCode, indicatorId: 'M1', value, ...source } },
    );
  };
  const adjust = (
    client: SignedInClient,
    unitCode: string,
    value: number | null,
    reason: string,
  ) => {
    clock.advance(1000);
    return client.graphql<{ adjustAssessmentMeasure: Record<string, unknown> }>(
      `mutation($i: AdjustMeasureInput!) { adjustAssessmentMeasure(input: $i) { ${MEASURE_FIELDS} } }`,
      { i: { cycleId, unitCode, indicatorId: 'M1', value, reason } },
    );
  };
  const scores = async () => {
    const res = await province.graphql<{ assessmentScores: Score[] }>(
      `query($c: ID!) { assessmentScores(cycleId: $c, level: "county") { unitCode score grade } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    const all = res.data!.assessmentScores;
    return ['420102', '422801'].map((code) => {
      const s = all.find((x) => x.unitCode === code)!;
      return [code, s.score, s.grade];
    });
  };
  const setTask = (unit: string, status: string) =>
    db.query(
      `UPDATE task SET status = $4 WHERE cycle_id = $1 AND unit_code = $2 AND duty_lineage_id = $3`,
      [cycleId, unit, duty.lineage, status],
    );
  const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    res.errors?.[0]?.extensions?.code;
  const problemCodes = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (
      (res.errors?.[0]?.extensions?.details as { problems?: Array<{ code: string }> })?.problems ??
      []
    ).map((p) => p.code);

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshi = await api.signIn('enshi-zhou');
    jiangan = await api.signIn('jiangan-scjg');
    enshiOperator = await api.signIn('enshi-scjg');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    // A county duty whose tasks both counties have (led by the market regulation department,
    // so both demo operators can attach evidence to their own task).
    [duty] = await db.query(
      `SELECT d.lineage_id AS lineage, c.number AS chapter
         FROM duty d JOIN regulation_article a ON a.id = d.article_id
         JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.tracked AND d.government_duty AND 'county' = ANY (d.levels)
          AND (SELECT count(DISTINCT t.unit_code) FROM task t JOIN department dp ON dp.id = t.lead_department_id
                WHERE t.cycle_id = $1 AND t.duty_lineage_id = d.lineage_id
                  AND t.unit_code IN ('420102', '422801') AND dp.kind_code = 'market_regulation') = 2
        ORDER BY c.number, a.number, d.sequence LIMIT 1`,
      [cycleId],
    );
    const [{ number }] = await db.query(
      `SELECT c.number FROM regulation_chapter c JOIN regulation_version v ON v.id = c.version_id
        WHERE v.id = $1 AND c.number <> $2 ORDER BY c.number LIMIT 1`,
      [versionId, duty.chapter],
    );
    otherChapter = number;
  });
  afterAll(() => api?.close());

  it('validates measured indicators with stable codes, then saves one next to a work indicator', async () => {
    const noFloor = await savePlan(
      planInput({ measure: { ...measure, levels: { county: { target: 95 } }, overrides: [] } }),
    );
    expect(code(noFloor)).toBe('VALIDATION_FAILED');
    expect(problemCodes(noFloor)).toEqual(['MEASURE_FLOOR_MISSING']);

    const badBands = await savePlan(
      planInput({
        measure: {
          ...measure,
          scoring: 'banded',
          overrides: [{ unitCode: '429999', target: 1 }],
          bands: [
            { min: 90, max: 96, points: 1 },
            { min: 95, max: null, points: 2 },
          ],
        },
      }),
    );
    expect(problemCodes(badBands).sort()).toEqual([
      'MEASURE_BANDS_OVERLAP',
      'MEASURE_BAND_POINTS_RANGE',
      'UNKNOWN_UNIT',
    ]);

    const ok = await savePlan(planInput());
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.saveAssessmentPlan.indicators).toEqual([
      { id: 'W1', kind: 'work', measure: null },
      {
        id: 'M1',
        kind: 'measure',
        measure: {
          unitOfMeasure: '%',
          direction: 'higher',
          scoring: 'linear',
          levels: { county: { target: 95, floor: 90 }, prefecture: null },
          overrides: [{ unitCode: '422801', target: 94, floor: 90 }],
          bands: [],
        },
      },
    ]);
  });

  it('units report values with their source; an operator cannot report for another unit', async () => {
    const noSource = await report(jiangan, '420102', 93.5, {});
    expect(code(noSource)).toBe('VALIDATION_FAILED');
    expect(problemCodes(noSource)).toEqual(['MEASURE_SOURCE_MISSING']);

    const mine = await report(jiangan, '420102', 93.5, { sourceRef: '江岸统〔2026〕3号' });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.reportAssessmentMeasure).toMatchObject({
      reportedValue: 93.5,
      sourceRef: '江岸统〔2026〕3号',
      reportedBy: 'jiangan-scjg',
      target: 95,
      floor: 90,
      targetFrom: 'level',
      canReport: true,
      canAdjust: false,
    });

    // Another unit's value: as if the unit did not exist, and nothing is recorded.
    const foreign = await report(jiangan, '422801', 99, { sourceRef: '越权' });
    expect(code(foreign)).toBe('NOT_FOUND');

    // Evidence: the unit's own file is accepted, another unit's is not.
    const [{ id: enshiTask }] = await db.query(
      `SELECT t.id FROM task t JOIN department dp ON dp.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND t.duty_lineage_id = $2
          AND dp.kind_code = 'market_regulation'`,
      [cycleId, duty.lineage],
    );
    const uploaded = await uploadEvidence(api, enshiOperator, enshiTask, [
      { name: '2026年产品质量监督抽查统计表.pdf', content: samplePdf('抽查统计') },
    ]);
    expect(uploaded.status).toBe(201);
    const evidenceId = uploaded.body.evidence![0].id;
    // The tasks' outcomes (evidence is attached while work is open).
    await setTask('420102', 'VERIFIED');
    await setTask('422801', 'SUBMITTED');
    const stolen = await report(jiangan, '420102', 99, { evidenceId });
    expect(code(stolen)).toBe('VALIDATION_FAILED');
    expect(problemCodes(stolen)).toEqual(['MEASURE_EVIDENCE_FOREIGN']);

    const enshiReport = await report(enshiOperator, '422801', 96, { evidenceId });
    expect(enshiReport.errors).toBeUndefined();
    expect(enshiReport.data!.reportAssessmentMeasure).toMatchObject({
      reportedValue: 96,
      evidenceId,
      evidenceName: '2026年产品质量监督抽查统计表.pdf',
      target: 94,
      targetFrom: 'override',
    });

    // 江岸区 60 + 0.7 × 40 = 88; 恩施市 30 + 40 (96 ≥ its own target 94) = 70.
    expect(await scores()).toEqual([
      ['420102', 88, '良好'],
      ['422801', 70, '合格'],
    ]);
  });

  it('a reviewing supervisor adjusts a value with a reason; the adjusted value wins; every change is on record', async () => {
    expect(code(await adjust(jiangan, '420102', 90, '自行调整'))).toBe('FORBIDDEN');
    expect(code(await adjust(enshi, '420102', 90, '不在辖区'))).toBe('NOT_FOUND');
    expect(code(await adjust(enshi, '422801', 92, ' '))).toBe('VALIDATION_FAILED');

    const adjusted = await adjust(enshi, '422801', 92, '抽查样本口径有误，按复核统计表核定');
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data!.adjustAssessmentMeasure).toMatchObject({
      reportedValue: 96,
      adjustedValue: 92,
      adjustReason: '抽查样本口径有误，按复核统计表核定',
      adjustedBy: 'enshi-zhou',
    });
    // 恩施市: 30 + (92 − 90) / (94 − 90) × 40 = 50.
    expect(await scores()).toEqual([
      ['420102', 88, '良好'],
      ['422801', 50, '不合格'],
    ]);

    // A later report is recorded but the reviewer's value still counts.
    expect(
      (await report(enshiOperator, '422801', 95, { sourceRef: '恩施市统计公报' })).errors,
    ).toBeUndefined();
    expect(await scores()).toEqual([
      ['420102', 88, '良好'],
      ['422801', 50, '不合格'],
    ]);

    const detail = await province.graphql<{
      unitMeasureValues: Array<{ events: unknown[] }>;
      unitAssessment: {
        score: number;
        breakdown: Array<{
          indicatorId: string;
          kind: string;
          marks: number;
          earned: number;
          measure: unknown;
        }>;
      };
    }>(
      `query($c: ID!) { unitMeasureValues(cycleId: $c, unitCode: "422801") { ${MEASURE_FIELDS} }
         unitAssessment(cycleId: $c, unitCode: "422801") { score breakdown { indicatorId kind marks earned
           measure { value source reported adjusted target floor targetFrom rule fraction } } } }`,
      { c: cycleId },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.unitMeasureValues[0].events).toEqual([
      {
        action: 'report',
        beforeValue: null,
        afterValue: 96,
        evidenceId: expect.any(String),
        sourceRef: null,
        reason: null,
        actor: 'enshi-scjg',
        actorRole: 'COUNTY_OPERATOR',
      },
      {
        action: 'adjust',
        beforeValue: null,
        afterValue: 92,
        evidenceId: null,
        sourceRef: null,
        reason: '抽查样本口径有误，按复核统计表核定',
        actor: 'enshi-zhou',
        actorRole: 'PREFECTURE_SUPERVISOR',
      },
      {
        action: 'report',
        beforeValue: 96,
        afterValue: 95,
        evidenceId: null,
        sourceRef: '恩施市统计公报',
        reason: null,
        actor: 'enshi-scjg',
        actorRole: 'COUNTY_OPERATOR',
      },
    ]);
    expect(detail.data!.unitAssessment.breakdown).toEqual([
      { indicatorId: 'W1', kind: 'work', marks: 60, earned: 30, measure: null },
      {
        indicatorId: 'M1',
        kind: 'measure',
        marks: 40,
        earned: 20,
        measure: {
          value: 92,
          source: 'adjusted',
          reported: 95,
          adjusted: 92,
          target: 94,
          floor: 90,
          targetFrom: 'override',
          rule: 'linear',
          fraction: 0.5,
        },
      },
    ]);
    await expect(db.query(`UPDATE assessment_measure_event SET after_value = 99`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM assessment_measure_event`)).rejects.toThrow(/append-only/);

    // The operator sees their own unit's values, not another unit's.
    const own = await enshiOperator.graphql<{ unitMeasureValues: Array<{ canAdjust: boolean }> }>(
      `query($c: ID!) { unitMeasureValues(cycleId: $c, unitCode: "422801") { canAdjust } }`,
      { c: cycleId },
    );
    expect(own.data!.unitMeasureValues).toEqual([{ canAdjust: false }]);
    const other = await enshiOperator.graphql(
      `query($c: ID!) { unitMeasureValues(cycleId: $c, unitCode: "420102") { indicatorId } }`,
      { c: cycleId },
    );
    expect(code(other)).toBe('NOT_FOUND');
  });

  it('the frozen result set holds the measured indicator; values cannot change once closed', async () => {
    const close = await province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      {
        c: cycleId,
      },
    );
    expect(close.errors).toBeUndefined();
    expect(await scores()).toEqual([
      ['420102', 88, '良好'],
      ['422801', 50, '不合格'],
    ]);
    const [row] = await db.query(
      `SELECT r.score::text AS score, r.detail->'breakdown'->1->'measure'->>'value' AS value,
              r.detail->'breakdown'->1->>'kind' AS kind
         FROM assessment_result r JOIN assessment_result_set s ON s.id = r.result_set_id
        WHERE s.cycle_id = $1 AND r.unit_code = '422801'`,
      [cycleId],
    );
    expect(row).toEqual({ score: '50.00', value: '92', kind: 'measure' });
    expect(code(await report(jiangan, '420102', 99, { sourceRef: '关闭后' }))).toBe('CONFLICT');
    expect(code(await adjust(province, '420102', 99, '关闭后'))).toBe('CONFLICT');
  });
});
