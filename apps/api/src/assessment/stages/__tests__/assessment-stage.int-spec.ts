import { DataSource } from 'typeorm';
import { ManualClock } from '../../../auth/clock';
import { verifyChain } from '../../../integrity/chain-verify';
import { CHAINS } from '../../../integrity/chains';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

type GqlResult = { errors?: Array<{ extensions?: Record<string, unknown> }> };

const VIEW = `unitCode status late submitCount dueAt returnReason returnCount finalScore
  canEditSelf canPreliminaryReview canProvincialReview
  indicators { indicatorId planMarks selfScore narrative evidenceIds late prefectureScore
    prefectureComment provincialScore finalStage earned }
  changes { indicatorId stage action beforeScore afterScore reason late actor actorRole }`;

interface View {
  status: string;
  late: boolean;
  submitCount: number;
  dueAt: string | null;
  returnReason: string | null;
  returnCount: number;
  finalScore: number;
  canEditSelf: boolean;
  canPreliminaryReview: boolean;
  canProvincialReview: boolean;
  indicators: Array<{
    indicatorId: string;
    planMarks: number;
    selfScore: number | null;
    narrative: string | null;
    evidenceIds: string[];
    late: boolean;
    prefectureScore: number | null;
    provincialScore: number | null;
    finalStage: string | null;
    earned: number;
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

/**
 * The staged assessment through GraphQL against PostgreSQL. A plan of two work indicators on
 * duties both counties have tasks for: W1 60 marks (chapter A), W2 40 marks (chapter B).
 * Schedule: 自评 07-01..07-10, 市州初审 07-10..07-20, 省级复核 07-20..07-31 (UTC, closes exclusive).
 *
 *   420102 江岸区 (Wuhan): self W1 50, W2 40, submitted 07-05 (on time) → 90.00 from self-scores
 *   422801 恩施市 (Enshi): self W1 55, W2 30, submitted 07-12 (late); the Enshi supervisor
 *     scores W1 50 and returns the unit (W2's evidence is missing); the unit corrects W2 to 25
 *     and resubmits 07-14 (due: the review's close, so on time); the supervisor scores W2 20;
 *     the province scores W1 45 → W1 45 (provincial) + W2 20 (prefecture) = 65.00
 */
describe('Article 40 assessment: stages', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let jiangan: SignedInClient;
  let enshiOperator: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;
  let jianganEvidence: string;
  let enshiEvidence: string;

  /** Moves the clock; sessions idle that long have expired, so everyone signs in again. */
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    await signInAll();
  };
  const signInAll = async () => {
    province = await api.signIn('province');
    enshiZhou = await api.signIn('enshi-zhou');
    jiangan = await api.signIn('jiangan-scjg');
    enshiOperator = await api.signIn('enshi-scjg');
    auditor = await api.signIn('auditor');
  };
  const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;
  const problem = (res: GqlResult) =>
    (res.errors?.[0]?.extensions?.details as { problems?: Array<{ code: string }> })?.problems?.[0]
      ?.code;
  const ok = <T>(res: { data?: T | null } & GqlResult): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const schedule = (windows: object[]) =>
    province.graphql<{ setAssessmentStageSchedule: Array<{ stage: string }> }>(
      `mutation($i: SetAssessmentStageScheduleInput!) { setAssessmentStageSchedule(input: $i) { stage opensAt closesAt } }`,
      { i: { cycleId, windows } },
    );
  const save = (
    client: SignedInClient,
    unitCode: string,
    indicatorId: string,
    selfScore: number,
    extra: object = {},
  ) =>
    client.graphql<{ saveSelfAssessment: View }>(
      `mutation($i: SaveSelfAssessmentInput!) { saveSelfAssessment(input: $i) { ${VIEW} } }`,
      { i: { cycleId, unitCode, indicatorId, selfScore, ...extra } },
    );
  const submit = (client: SignedInClient, unitCode: string) =>
    client.graphql<{ submitSelfAssessment: View }>(
      `mutation($i: UnitStageInput!) { submitSelfAssessment(input: $i) { ${VIEW} } }`,
      { i: { cycleId, unitCode } },
    );
  const review = (
    client: SignedInClient,
    op: 'preliminaryReviewScore' | 'provincialReviewScore',
    unitCode: string,
    indicatorId: string,
    score: number,
    comment = '审核意见',
  ) =>
    client.graphql<Record<string, View>>(
      `mutation($i: StageReviewScoreInput!) { ${op}(input: $i) { ${VIEW} } }`,
      { i: { cycleId, unitCode, indicatorId, score, comment } },
    );
  const giveBack = (client: SignedInClient, unitCode: string, reason: string) =>
    client.graphql<{ returnSelfAssessment: View }>(
      `mutation($i: ReturnSelfAssessmentInput!) { returnSelfAssessment(input: $i) { ${VIEW} } }`,
      { i: { cycleId, unitCode, reason } },
    );
  const view = (client: SignedInClient, unitCode: string) =>
    client.graphql<{ unitStageAssessment: View }>(
      `query($c: ID!, $u: String!) { unitStageAssessment(cycleId: $c, unitCode: $u) { ${VIEW} } }`,
      { c: cycleId, u: unitCode },
    );

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    await signInAll();
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = ok(created).createCycle.cycle.id;
    // Two county duties in different chapters that both counties have tasks for.
    const duties: Array<{ lineage: string; chapter: number }> = await db.query(
      `SELECT DISTINCT ON (c.number) d.lineage_id AS lineage, c.number AS chapter
         FROM duty d JOIN regulation_article a ON a.id = d.article_id
         JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.tracked AND d.government_duty
          AND (SELECT count(DISTINCT t.unit_code) FROM task t
                WHERE t.cycle_id = $1 AND t.duty_lineage_id = d.lineage_id
                  AND t.unit_code IN ('420102', '422801')) = 2
        ORDER BY c.number, a.number, d.sequence LIMIT 2`,
      [cycleId],
    );
    expect(duties).toHaveLength(2);
    const saved = await province.graphql(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
      {
        i: {
          cycleId,
          expectedVersion: 0,
          chapterWeights: [
            { chapter: duties[0].chapter, weight: 60 },
            { chapter: duties[1].chapter, weight: 40 },
          ],
          indicators: [
            {
              id: 'W1',
              name: '质量工作机制',
              chapter: duties[0].chapter,
              weight: 1,
              dutyIds: [duties[0].lineage],
            },
            {
              id: 'W2',
              name: '质量基础设施',
              chapter: duties[1].chapter,
              weight: 1,
              dutyIds: [duties[1].lineage],
            },
          ],
          ...STANDARD_PLAN_SETTINGS,
        },
      },
    );
    ok(saved);
    // One evidence file of each county, on a task its operator's department leads.
    const taskOf = async (unit: string) =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.cycle_id = $1 AND t.unit_code = $2 AND d.kind_code = 'market_regulation'
            ORDER BY t.id LIMIT 1`,
          [cycleId, unit],
        )
      )[0].id as string;
    const upload = async (client: SignedInClient, unit: string) => {
      const res = await uploadEvidence(api, client, await taskOf(unit), [
        { name: `${unit}自评佐证.pdf`, content: samplePdf(`自评 ${unit}`) },
      ]);
      expect(res.status).toBe(201);
      return res.body.evidence![0].id;
    };
    jianganEvidence = await upload(jiangan, '420102');
    enshiEvidence = await upload(enshiOperator, '422801');
  });
  afterAll(() => api?.close());

  it('sets the stage schedule (provincial supervisors only, windows in stage order)', async () => {
    const backwards = await schedule([
      {
        stage: 'SELF_ASSESSMENT',
        opensAt: '2026-07-10T00:00:00Z',
        closesAt: '2026-07-01T00:00:00Z',
      },
    ]);
    expect([code(backwards), problem(backwards)]).toEqual([
      'VALIDATION_FAILED',
      'STAGE_WINDOW_INVALID',
    ]);
    const outOfOrder = await schedule([
      {
        stage: 'SELF_ASSESSMENT',
        opensAt: '2026-07-05T00:00:00Z',
        closesAt: '2026-07-10T00:00:00Z',
      },
      {
        stage: 'PREFECTURE_REVIEW',
        opensAt: '2026-07-01T00:00:00Z',
        closesAt: '2026-07-20T00:00:00Z',
      },
    ]);
    expect(problem(outOfOrder)).toBe('STAGE_WINDOW_ORDER');
    const byPrefecture = await enshiZhou.graphql(
      `mutation($i: SetAssessmentStageScheduleInput!) { setAssessmentStageSchedule(input: $i) { stage } }`,
      { i: { cycleId, windows: [] } },
    );
    expect(code(byPrefecture)).toBe('FORBIDDEN');

    const set = await schedule([
      {
        stage: 'SELF_ASSESSMENT',
        opensAt: '2026-07-01T00:00:00Z',
        closesAt: '2026-07-10T00:00:00Z',
      },
      {
        stage: 'PREFECTURE_REVIEW',
        opensAt: '2026-07-10T00:00:00Z',
        closesAt: '2026-07-20T00:00:00Z',
      },
      {
        stage: 'PROVINCIAL_REVIEW',
        opensAt: '2026-07-20T00:00:00Z',
        closesAt: '2026-07-31T00:00:00Z',
      },
    ]);
    expect(ok(set).setAssessmentStageSchedule.map((w) => w.stage)).toEqual([
      'SELF_ASSESSMENT',
      'PREFECTURE_REVIEW',
      'PROVINCIAL_REVIEW',
    ]);
    const read = await auditor.graphql<{ assessmentStageSchedule: Array<{ stage: string }> }>(
      `query($c: ID!) { assessmentStageSchedule(cycleId: $c) { stage } }`,
      { c: cycleId },
    );
    expect(ok(read).assessmentStageSchedule).toHaveLength(3);
  });

  it('takes self-assessments in the window, for the operator’s own unit only', async () => {
    expect(problem(await save(jiangan, '420102', 'W1', 50))).toBe('STAGE_NOT_OPEN');

    await at('2026-07-02T02:00:00Z');
    const saved = await save(jiangan, '420102', 'W1', 50, {
      narrative: '已建立质量工作机制',
      evidenceIds: [jianganEvidence],
    });
    const w1 = ok(saved).saveSelfAssessment.indicators.find((i) => i.indicatorId === 'W1')!;
    expect(w1).toMatchObject({ planMarks: 60, selfScore: 50, evidenceIds: [jianganEvidence] });
    expect(problem(await save(jiangan, '420102', 'W2', 40.5))).toBe('SCORE_OUT_OF_RANGE');
    expect(problem(await save(jiangan, '420102', 'W2', 40, { evidenceIds: [enshiEvidence] }))).toBe(
      'EVIDENCE_FOREIGN',
    );
    expect(problem(await save(jiangan, '420102', 'W9', 1))).toBe('INDICATOR_NOT_APPLICABLE');
    expect(code(await save(jiangan, '422801', 'W1', 10))).toBe('NOT_FOUND');
    expect(code(await save(enshiZhou, '422801', 'W1', 10))).toBe('FORBIDDEN');
    ok(await save(jiangan, '420102', 'W2', 40));

    await at('2026-07-05T02:00:00Z');
    const submitted = ok(await submit(jiangan, '420102')).submitSelfAssessment;
    expect(submitted).toMatchObject({ status: 'submitted', late: false, submitCount: 1 });
    expect(submitted.canEditSelf).toBe(false);
    expect(problem(await save(jiangan, '420102', 'W2', 39))).toBe('SELF_ASSESSMENT_SUBMITTED');

    ok(await save(enshiOperator, '422801', 'W1', 55, { evidenceIds: [enshiEvidence] }));
    const incomplete = await submit(enshiOperator, '422801');
    expect(problem(incomplete)).toBe('SELF_ASSESSMENT_INCOMPLETE');
    ok(await save(enshiOperator, '422801', 'W2', 30));
  });

  it('lists the unit’s evidence of the cycle with its staged assessment, to attach and read', async () => {
    type Listed = {
      unitStageAssessment: {
        evidenceFiles: Array<{
          id: string;
          fileName: string;
          withdrawn: boolean;
          contentUrl: string;
        }>;
      };
    };
    const listed = (client: SignedInClient, unitCode: string) =>
      client.graphql<Listed>(
        `query($c: ID!, $u: String!) { unitStageAssessment(cycleId: $c, unitCode: $u) {
          evidenceFiles { id fileName withdrawn contentUrl } } }`,
        { c: cycleId, u: unitCode },
      );
    const expected = {
      id: jianganEvidence,
      fileName: '420102自评佐证.pdf',
      withdrawn: false,
      contentUrl: `/api/evidence/${jianganEvidence}/content`,
    };
    // The unit's own operator (who may not browse the evidence explorer) and its reviewers.
    expect(ok(await listed(jiangan, '420102')).unitStageAssessment.evidenceFiles).toEqual([
      expected,
    ]);
    expect(ok(await listed(province, '420102')).unitStageAssessment.evidenceFiles).toEqual([
      expected,
    ]);
    // Only the unit's own files; another unit's stay out of reach.
    const enshi = ok(await listed(enshiOperator, '422801')).unitStageAssessment.evidenceFiles;
    expect(enshi.map((e) => e.id)).toEqual([enshiEvidence]);
    expect(code(await listed(enshiOperator, '420102'))).toBe('NOT_FOUND');

    // The same list alone (a measured value's source, an objection's evidence, a finding's).
    const choices = (client: SignedInClient, unitCode: string) =>
      client.graphql<{ unitEvidenceChoices: Listed['unitStageAssessment']['evidenceFiles'] }>(
        `query($c: ID!, $u: String!) { unitEvidenceChoices(cycleId: $c, unitCode: $u) {
          id fileName withdrawn contentUrl } }`,
        { c: cycleId, u: unitCode },
      );
    expect(ok(await choices(jiangan, '420102')).unitEvidenceChoices).toEqual([expected]);
    expect(ok(await choices(enshiZhou, '422801')).unitEvidenceChoices.map((e) => e.id)).toEqual([
      enshiEvidence,
    ]);
    expect(code(await choices(enshiOperator, '420102'))).toBe('NOT_FOUND');
    expect(code(await choices(enshiZhou, '420102'))).toBe('NOT_FOUND');
  });

  it('records a submission after the window as late', async () => {
    await at('2026-07-12T02:00:00Z');
    const late = ok(await submit(enshiOperator, '422801')).submitSelfAssessment;
    expect(late).toMatchObject({ status: 'submitted', late: true, submitCount: 1 });
    expect(late.indicators.every((i) => i.late)).toBe(true);
  });

  it('prefecture review: scores its own units, returns one for correction, sees no other', async () => {
    const scored = ok(
      await review(enshiZhou, 'preliminaryReviewScore', '422801', 'W1', 50, '机制文件不完整'),
    );
    expect(scored.preliminaryReviewScore.indicators[0]).toMatchObject({
      selfScore: 55,
      prefectureScore: 50,
      finalStage: 'prefecture',
    });
    expect(code(await review(enshiZhou, 'preliminaryReviewScore', '420102', 'W1', 50))).toBe(
      'NOT_FOUND',
    );
    expect(code(await giveBack(enshiZhou, '420102', '退回'))).toBe('NOT_FOUND');
    expect(code(await view(enshiZhou, '420102'))).toBe('NOT_FOUND');
    expect(code(await review(jiangan, 'preliminaryReviewScore', '420102', 'W1', 50))).toBe(
      'FORBIDDEN',
    );
    expect(
      problem(await review(enshiZhou, 'preliminaryReviewScore', '422801', 'W2', 20, ' ')),
    ).toBe('COMMENT_REQUIRED');

    const returned = ok(
      await giveBack(enshiZhou, '422801', '指标W2缺少佐证材料'),
    ).returnSelfAssessment;
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: '指标W2缺少佐证材料',
      returnCount: 1,
      dueAt: '2026-07-20T00:00:00.000Z',
    });
    expect(problem(await review(enshiZhou, 'preliminaryReviewScore', '422801', 'W2', 20))).toBe(
      'UNIT_NOT_SUBMITTED',
    );
    const reopened = ok(await view(enshiOperator, '422801')).unitStageAssessment;
    expect(reopened.canEditSelf).toBe(true);
  });

  it('the unit corrects and resubmits by the correction due, then review continues', async () => {
    await at('2026-07-13T02:00:00Z');
    ok(
      await save(enshiOperator, '422801', 'W2', 25, {
        evidenceIds: [enshiEvidence],
        narrative: '补充佐证',
      }),
    );
    await at('2026-07-14T02:00:00Z');
    const again = ok(await submit(enshiOperator, '422801')).submitSelfAssessment;
    expect(again).toMatchObject({ status: 'submitted', late: false, submitCount: 2 });
    await at('2026-07-15T02:00:00Z');
    ok(await review(enshiZhou, 'preliminaryReviewScore', '422801', 'W2', 20, '佐证基本齐全'));

    await at('2026-07-21T02:00:00Z');
    expect(problem(await review(enshiZhou, 'preliminaryReviewScore', '422801', 'W2', 21))).toBe(
      'STAGE_CLOSED',
    );
    expect(problem(await save(enshiOperator, '422801', 'W2', 30))).toBe('STAGE_CLOSED');
  });

  it('provincial review, and the final score from each indicator’s latest stage', async () => {
    expect(code(await review(enshiZhou, 'provincialReviewScore', '422801', 'W1', 45))).toBe(
      'FORBIDDEN',
    );
    const final = ok(
      await review(province, 'provincialReviewScore', '422801', 'W1', 45, '复核下调'),
    ).provincialReviewScore;
    expect(final.indicators.map((i) => [i.indicatorId, i.finalStage, i.earned])).toEqual([
      ['W1', 'provincial', 45],
      ['W2', 'prefecture', 20],
    ]);
    expect(final.finalScore).toBe(65);

    const units = ok(
      await province.graphql<{
        stageAssessmentUnits: Array<{
          unitCode: string;
          status: string;
          late: boolean;
          finalScore: number;
        }>;
      }>(
        `query($c: ID!) { stageAssessmentUnits(cycleId: $c) { unitCode status late finalScore } }`,
        {
          c: cycleId,
        },
      ),
    ).stageAssessmentUnits;
    expect(units.filter((u) => ['420102', '422801'].includes(u.unitCode))).toEqual([
      { unitCode: '420102', status: 'submitted', late: false, finalScore: 90 },
      { unitCode: '422801', status: 'submitted', late: false, finalScore: 65 },
    ]);
    // The Enshi supervisor's list holds Enshi's units only; the operator's, its own unit.
    const enshiUnits = ok(
      await enshiZhou.graphql<{ stageAssessmentUnits: Array<{ unitCode: string }> }>(
        `query($c: ID!) { stageAssessmentUnits(cycleId: $c) { unitCode } }`,
        { c: cycleId },
      ),
    ).stageAssessmentUnits.map((u) => u.unitCode);
    expect(enshiUnits).toContain('422801');
    expect(enshiUnits.every((c) => c === '422800' || c.startsWith('4228'))).toBe(true);
    const own = ok(
      await jiangan.graphql<{ stageAssessmentUnits: Array<{ unitCode: string }> }>(
        `query($c: ID!) { stageAssessmentUnits(cycleId: $c) { unitCode } }`,
        { c: cycleId },
      ),
    ).stageAssessmentUnits;
    expect(own.map((u) => u.unitCode)).toEqual(['420102']);
  });

  it('keeps every change in the record: who, stage, before/after, reason', async () => {
    const changes = ok(await view(auditor, '422801')).unitStageAssessment.changes;
    expect(
      changes.map((c) => [
        c.action,
        c.stage,
        c.indicatorId,
        c.beforeScore,
        c.afterScore,
        c.reason,
        c.late,
        c.actor,
      ]),
    ).toEqual([
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W1', null, 55, null, null, 'enshi-scjg'],
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W2', null, 30, null, null, 'enshi-scjg'],
      ['SUBMIT', 'SELF_ASSESSMENT', null, null, null, null, true, 'enshi-scjg'],
      [
        'PREFECTURE_SCORE',
        'PREFECTURE_REVIEW',
        'W1',
        null,
        50,
        '机制文件不完整',
        null,
        'enshi-zhou',
      ],
      ['RETURN', 'PREFECTURE_REVIEW', null, null, null, '指标W2缺少佐证材料', null, 'enshi-zhou'],
      ['SELF_SCORE', 'SELF_ASSESSMENT', 'W2', 30, 25, null, null, 'enshi-scjg'],
      ['SUBMIT', 'SELF_ASSESSMENT', null, null, null, null, false, 'enshi-scjg'],
      ['PREFECTURE_SCORE', 'PREFECTURE_REVIEW', 'W2', null, 20, '佐证基本齐全', null, 'enshi-zhou'],
      ['PROVINCIAL_SCORE', 'PROVINCIAL_REVIEW', 'W1', null, 45, '复核下调', null, 'province'],
    ]);
    expect(changes.map((c) => c.actorRole)).toContain('PREFECTURE_SUPERVISOR');
    // The auditor reads; it changes nothing.
    expect(code(await review(auditor, 'provincialReviewScore', '422801', 'W1', 1))).toBe(
      'FORBIDDEN',
    );
  });

  it('scores a province-scale cycle with all three stages within 2 s', async () => {
    // A second cycle on the default plan (one indicator per tracked duty) with a self,
    // preliminary and provincial score on every indicator of every unit (written directly).
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2027, regulationVersionId: $v, startDate: "2027-01-01", dueDate: "2027-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    const bigCycle = ok(created).createCycle.cycle.id;
    await db.query(
      `INSERT INTO assessment_stage_entry (cycle_id, unit_code, indicator_id, self_score, prefecture_score, provincial_score)
       SELECT DISTINCT cycle_id, unit_code, duty_lineage_id::text, 0.01, 0.01, 0 FROM task WHERE cycle_id = $1`,
      [bigCycle],
    );
    const [{ units, indicators }] = await db.query(
      `SELECT count(DISTINCT unit_code)::int AS units, count(DISTINCT indicator_id)::int AS indicators
         FROM assessment_stage_entry WHERE cycle_id = $1`,
      [bigCycle],
    );
    expect(units).toBeGreaterThanOrEqual(100);
    expect(indicators).toBeGreaterThanOrEqual(30);
    const started = Date.now();
    const res = await province.graphql<{
      stageAssessmentUnits: Array<{ unitCode: string; finalScore: number }>;
    }>(`query($c: ID!) { stageAssessmentUnits(cycleId: $c) { unitCode finalScore } }`, {
      c: bigCycle,
    });
    const elapsed = Date.now() - started;
    const rows = ok(res).stageAssessmentUnits;
    expect(rows).toHaveLength(units);
    // The provincial review's 0 wins over the earlier stages' 0.01 everywhere.
    expect(rows.every((r) => r.finalScore === 0)).toBe(true);
    expect(elapsed).toBeLessThan(2000); // measured: 117 units × 44 indicators in about 0.4 s
  });

  it('the record is append-only and hash-chained with the rest of the history', async () => {
    const chain = CHAINS.find((c) => c.table === 'assessment_score_change')!;
    const result = await verifyChain(db, chain);
    expect(result).toMatchObject({ ok: true });
    expect(result.rows).toBe(9 + 3); // 422801's nine, 420102's three
    const links: Array<{ seq: string; prev: string; hash: string }> = await db.query(
      `SELECT chain_seq::text AS seq, prev_hash AS prev, content_hash AS hash
         FROM assessment_score_change ORDER BY chain_seq`,
    );
    expect(links[0].prev).toBe('0'.repeat(64));
    links.slice(1).forEach((l, i) => expect(l.prev).toBe(links[i].hash));
    await expect(
      db.query(
        `UPDATE assessment_score_change SET after_score = 60 WHERE action = 'PROVINCIAL_SCORE'`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM assessment_score_change`)).rejects.toThrow(/append-only/);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM assessment_score_change`);
    expect(n).toBe(result.rows);
  });

  it('refuses a plan version that gives an indicator fewer marks than a stage score it has', async () => {
    type Plan = {
      version: number;
      chapterWeights: Array<{ chapter: number; weight: number }>;
      indicators: Array<{ id: string; chapter: number }>;
      rules: object;
      deductions: object;
      bonusCap: number;
      bands: object[];
    };
    const { assessmentPlan: plan } = ok(
      await province.graphql<{ assessmentPlan: Plan }>(
        `query($c: ID!) { assessmentPlan(cycleId: $c) { version chapterWeights { chapter weight }
          indicators { id chapter } rules { verified submitted returnedOrInProgress notStarted overdueAtCycleEnd }
          deductions { perExtensionBeyondFirst perReturn } bonusCap bands { grade min } } }`,
        { c: cycleId },
      ),
    );
    const chapterOf = (id: string) => plan.indicators.find((i) => i.id === id)!.chapter;
    const withWeights = (w1: number, w2: number) =>
      province.graphql(
        `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
        {
          i: {
            cycleId,
            expectedVersion: plan.version,
            chapterWeights: [
              { chapter: chapterOf('W1'), weight: w1 },
              { chapter: chapterOf('W2'), weight: w2 },
            ],
            rules: plan.rules,
            deductions: plan.deductions,
            bonusCap: plan.bonusCap,
            bands: plan.bands,
          },
        },
      );
    // W1 has a self-score of 55 (恩施市): 50 marks would leave it above its indicator.
    const refused = await withWeights(50, 50);
    expect(code(refused)).toBe('VALIDATION_FAILED');
    expect(problem(refused)).toBe('STAGE_SCORE_ABOVE_MARKS');
    // 55 marks hold every score given (W1 at most 55, W2 at most 40 of 45): saved.
    expect(ok(await withWeights(55, 45))).toEqual({
      saveAssessmentPlan: { version: plan.version + 1 },
    });
  });
});
