import { DataSource } from 'typeorm';
import { ManualClock } from '../../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

interface Published {
  id: string;
  version: number;
  windowOpen: boolean;
  units: number;
  results: Array<{
    unitCode: string;
    score: number;
    grade: string;
    rank: number;
    indicators: Array<{ indicatorId: string; marks: number; earned: number }>;
  }>;
}
interface Objection {
  id: string;
  unitCode: string;
  indicatorId: string;
  indicatorName: string;
  decision: string | null;
  scoreChange: number | null;
  adjustmentId: string | null;
  evidenceIds: string[];
}

const PUBLICATION = `id version windowOpen units results { unitCode score grade rank indicators { indicatorId marks earned } }`;
const OBJECTION = `id unitCode indicatorId indicatorName decision scoreChange adjustmentId evidenceIds`;

/**
 * 公示与异议 against a hand-computed fixture (plan: chapter A 60 points = I1 30 + I2 15 + I3 15,
 * chapter B 40 = I4 20 + I5 20; verified 1, submitted ½, not started 0; bonus cap 5):
 *
 *   420102 江岸区: I1 verified 30 + I2 submitted 7.5 + I3 verified 15 + I4 not started 0
 *                  + I5 verified 20 = 72.50 合格 (published); objection on I4 upheld with
 *                  +3 → bonus 3 (under the cap) → 75.50 合格 final
 *   422801 恩施市: I1–I4 verified 80 + I5 submitted 10 = 90.00 优秀; objection on I5 rejected
 *                  → 90.00 优秀 final
 *   420103 江汉区: nothing started → 0.00 不合格
 * County ranks: 422801 1, 420102 2, 420103 3 (published and final).
 */
describe('Assessment publication and objections', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  const CLOSES = '2026-07-10T10:00:00.000Z';
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let jiangan: SignedInClient;
  let enshiOp: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;
  let duties: string[];
  const evidence: Record<string, string> = {};
  const objections: Record<string, string> = {};

  const setTask = (unit: string, duty: number, status: string) =>
    db.query(
      `UPDATE task SET status = $4 WHERE cycle_id = $1 AND unit_code = $2 AND duty_lineage_id = $3`,
      [cycleId, unit, duties[duty], status],
    );
  const publish = (client: SignedInClient, closes = CLOSES) =>
    client.graphql<{ publishAssessmentResults: Published }>(
      `mutation($c: ID!, $t: DateTime!) { publishAssessmentResults(cycleId: $c, objectionClosesAt: $t) { ${PUBLICATION} } }`,
      { c: cycleId, t: closes },
    );
  const publication = async (client: SignedInClient) => {
    const res = await client.graphql<{ assessmentPublication: Published | null }>(
      `query($c: ID!) { assessmentPublication(cycleId: $c) { ${PUBLICATION} } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.assessmentPublication;
  };
  const file = (
    client: SignedInClient,
    unitCode: string,
    indicatorId: string,
    evidenceIds: string[] = [],
  ) =>
    client.graphql<{ fileAssessmentObjection: Objection }>(
      `mutation($i: FileAssessmentObjectionInput!) { fileAssessmentObjection(input: $i) { ${OBJECTION} } }`,
      { i: { cycleId, unitCode, indicatorId, reason: '该项工作已完成，见附件', evidenceIds } },
    );
  const decide = (
    client: SignedInClient,
    objectionId: string,
    decision: string,
    scoreChange?: number,
  ) =>
    client.graphql<{ decideAssessmentObjection: Objection }>(
      `mutation($i: DecideAssessmentObjectionInput!) { decideAssessmentObjection(input: $i) { ${OBJECTION} } }`,
      { i: { objectionId, decision, reason: '经复核', scoreChange } },
    );
  const list = async (client: SignedInClient) => {
    const res = await client.graphql<{ assessmentObjections: Objection[] }>(
      `query($c: ID!) { assessmentObjections(cycleId: $c) { ${OBJECTION} } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.assessmentObjections;
  };
  const notifications = (kind: string): Promise<Array<{ who: string; unit: string | null }>> =>
    db.query(
      `SELECT recipient_username AS who, unit_code AS unit FROM notification WHERE kind = $1
        ORDER BY recipient_username, unit_code`,
      [kind],
    );
  const countyScores = async () => {
    const res = await province.graphql<{
      assessmentScores: Array<{
        unitCode: string;
        score: number;
        grade: string;
        rank: number;
        frozen: boolean;
      }>;
    }>(
      `query($c: ID!) { assessmentScores(cycleId: $c, level: "county") { unitCode score grade rank frozen } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    return res
      .data!.assessmentScores.filter((s) => ['420102', '420103', '422801'].includes(s.unitCode))
      .map((s) => [s.unitCode, s.score, s.grade, s.rank, s.frozen]);
  };

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshiZhou = await api.signIn('enshi-zhou');
    jiangan = await api.signIn('jiangan-scjg');
    enshiOp = await api.signIn('enshi-scjg');
    auditor = await api.signIn('auditor');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    const rows: Array<{ lineage: string; chapter: number }> = await db.query(
      `SELECT d.lineage_id AS lineage, c.number AS chapter
         FROM duty d JOIN regulation_article a ON a.id = d.article_id JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.tracked AND d.government_duty AND 'county' = ANY (d.levels)
        ORDER BY c.number, a.number, d.sequence`,
    );
    const byChapter = new Map<number, string[]>();
    for (const r of rows)
      byChapter.set(r.chapter, [...(byChapter.get(r.chapter) ?? []), r.lineage]);
    const [a, b] = [...byChapter.entries()].filter(([, l]) => l.length >= 3);
    duties = [...a[1].slice(0, 3), ...b[1].slice(0, 2)];
    const chapters = [a[0], a[0], a[0], b[0], b[0]];
    const saved = await province.graphql(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
      {
        i: {
          cycleId,
          expectedVersion: 0,
          chapterWeights: [
            { chapter: a[0], weight: 60 },
            { chapter: b[0], weight: 40 },
          ],
          indicators: duties.map((lineage, i) => ({
            id: `I${i + 1}`,
            name: `指标${i + 1}`,
            chapter: chapters[i],
            weight: i === 0 ? 2 : 1,
            dutyIds: [lineage],
          })),
          ...STANDARD_PLAN_SETTINGS,
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    for (const d of [0, 2, 4]) await setTask('420102', d, 'VERIFIED');
    await setTask('420102', 1, 'SUBMITTED');
    for (const d of [0, 1, 2, 3]) await setTask('422801', d, 'VERIFIED');
    await setTask('422801', 4, 'SUBMITTED');
    // One evidence file of each operator's unit in the cycle (uploads are tested on their own).
    for (const unit of ['420102', '422801']) {
      const [{ id }] = await db.query(
        `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, sha256, size, file_type, mime_type, original_name, uploaded_by)
         SELECT t.id, t.unit_code, t.cycle_id, gen_random_uuid(), 1, repeat('ab', 32), 10, 'pdf', 'application/pdf', '佐证.pdf', 'tester'
           FROM task t WHERE t.cycle_id = $1 AND t.unit_code = $2 AND t.duty_lineage_id = $3 LIMIT 1 RETURNING id`,
        [cycleId, unit, duties[3]],
      );
      evidence[unit] = id;
    }
  });
  afterAll(() => api?.close());

  it('refuses objections before publication and lets only provincial supervisors publish', async () => {
    const early = await file(jiangan, '420102', 'I4');
    expect(early.errors![0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [expect.objectContaining({ code: 'NOT_PUBLISHED' })] },
    });
    expect((await publish(enshiZhou)).errors![0].extensions!.code).toBe('FORBIDDEN');
    const past = await publish(province, '2026-06-01T00:00:00Z');
    expect(past.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    expect(await publication(jiangan)).toBeNull();
  });

  it('publishes the provisional results, each unit seeing its own, and notifies operators and prefecture supervisors', async () => {
    const res = await publish(province);
    expect(res.errors).toBeUndefined();
    const pub = res.data!.publishAssessmentResults;
    expect(pub).toMatchObject({ version: 1, windowOpen: true });
    const pick = (p: Published, code: string) => {
      const r = p.results.find((x) => x.unitCode === code)!;
      return [r.score, r.grade, r.rank];
    };
    expect(pick(pub, '420102')).toEqual([72.5, '合格', 2]);
    expect(pick(pub, '422801')).toEqual([90, '优秀', 1]);
    expect(pick(pub, '420103')).toEqual([0, '不合格', 3]);
    expect(
      pub.results
        .find((r) => r.unitCode === '420102')!
        .indicators.map((i) => [i.indicatorId, i.earned]),
    ).toEqual([
      ['I1', 30],
      ['I2', 7.5],
      ['I3', 15],
      ['I4', 0],
      ['I5', 20],
    ]);
    // Operators see their own unit only; the Enshi supervisor the units of 恩施州.
    const own = await publication(jiangan);
    expect(own!.results.map((r) => r.unitCode)).toEqual(['420102']);
    expect(own!.units).toBe(pub.units);
    const enshi = await publication(enshiZhou);
    expect(enshi!.results.every((r) => r.unitCode.startsWith('4228'))).toBe(true);
    expect(enshi!.results.map((r) => r.unitCode)).toContain('422801');

    const sent = await notifications('ASSESSMENT_PUBLISHED');
    expect(sent).toEqual(
      expect.arrayContaining([
        { who: 'jiangan-scjg', unit: '420102' },
        { who: 'enshi-scjg', unit: '422801' },
        { who: 'enshi-zhou', unit: null },
      ]),
    );
    expect(sent.filter((n) => n.who === 'enshi-zhou')).toHaveLength(1);
    expect(sent.map((n) => n.who)).not.toContain('province');

    // Publishing again with nothing changed keeps version 1 and sends nothing new.
    const again = await publish(province);
    expect(again.data!.publishAssessmentResults.version).toBe(1);
    expect(await notifications('ASSESSMENT_PUBLISHED')).toHaveLength(sent.length);
  });

  it('takes objections from the unit’s own operators with the unit’s evidence, and notifies the province', async () => {
    // Not their unit: hidden. Another unit's evidence: refused.
    expect((await file(jiangan, '422801', 'I5')).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await file(province, '420102', 'I4')).errors![0].extensions!.code).toBe('FORBIDDEN');
    const foreignEvidence = await file(jiangan, '420102', 'I4', [evidence['422801']]);
    expect(foreignEvidence.errors![0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [expect.objectContaining({ code: 'EVIDENCE_NOT_OF_UNIT' })] },
    });
    const unknownIndicator = await file(jiangan, '420102', 'I9');
    expect(unknownIndicator.errors![0].extensions!.code).toBe('VALIDATION_FAILED');

    clock.advance(60_000);
    const a = await file(jiangan, '420102', 'I4', [evidence['420102']]);
    expect(a.errors).toBeUndefined();
    expect(a.data!.fileAssessmentObjection).toMatchObject({
      unitCode: '420102',
      indicatorName: '指标4',
      decision: null,
      evidenceIds: [evidence['420102']],
    });
    objections.upheld = a.data!.fileAssessmentObjection.id;
    clock.advance(60_000);
    const b = await file(enshiOp, '422801', 'I5');
    expect(b.errors).toBeUndefined();
    objections.rejected = b.data!.fileAssessmentObjection.id;

    expect(await notifications('OBJECTION_FILED')).toEqual([
      { who: 'province', unit: '420102' },
      { who: 'province', unit: '422801' },
    ]);
  });

  it('shows objections by jurisdiction and hides the others by id', async () => {
    expect((await list(province)).map((o) => o.unitCode)).toEqual(['420102', '422801']);
    expect((await list(auditor)).map((o) => o.unitCode)).toEqual(['420102', '422801']);
    expect((await list(enshiZhou)).map((o) => o.unitCode)).toEqual(['422801']);
    expect((await list(jiangan)).map((o) => o.unitCode)).toEqual(['420102']);
    const hidden = await enshiZhou.graphql(
      `query($id: ID!) { assessmentObjection(id: $id) { id } }`,
      { id: objections.upheld },
    );
    expect(hidden.errors![0].extensions!.code).toBe('NOT_FOUND');
    const seen = await enshiZhou.graphql<{ assessmentObjection: { id: string } }>(
      `query($id: ID!) { assessmentObjection(id: $id) { id } }`,
      { id: objections.rejected },
    );
    expect(seen.data!.assessmentObjection.id).toBe(objections.rejected);
  });

  it('refuses an objection after the window closes', async () => {
    clock.set(new Date('2026-07-10T10:00:00Z'));
    // Ten days on, the sessions have lapsed: sign in again.
    province = await api.signIn('province');
    enshiZhou = await api.signIn('enshi-zhou');
    jiangan = await api.signIn('jiangan-scjg');
    const late = await file(jiangan, '420102', 'I2');
    expect(late.errors![0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [expect.objectContaining({ code: 'OBJECTION_WINDOW_CLOSED' })] },
    });
    expect(late.errors![0].message).toMatch(/异议期已于 2026-07-10 18:00 截止/);
    expect((await publication(jiangan))!.windowOpen).toBe(false);
    expect((await list(province)).length).toBe(2);
  });

  it('applies an upheld objection’s score change as an adjustment, and refuses to close while one is pending', async () => {
    expect(
      (await decide(enshiZhou, objections.upheld, 'UPHELD', 3)).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    const rejectWithPoints = await decide(province, objections.rejected, 'REJECTED', 2);
    expect(rejectWithPoints.errors![0].extensions!.code).toBe('VALIDATION_FAILED');

    clock.advance(60_000);
    const upheld = await decide(province, objections.upheld, 'UPHELD', 3);
    expect(upheld.errors).toBeUndefined();
    expect(upheld.data!.decideAssessmentObjection).toMatchObject({
      decision: 'UPHELD',
      scoreChange: 3,
    });
    const [adjustment] = await db.query(
      `SELECT unit_code, kind, points::text AS points, reason FROM assessment_adjustment WHERE id = $1`,
      [upheld.data!.decideAssessmentObjection.adjustmentId],
    );
    expect(adjustment).toMatchObject({ unit_code: '420102', kind: 'bonus', points: '3.00' });
    expect(adjustment.reason).toContain(`异议 ${objections.upheld.slice(0, 8)}`);
    const again = await decide(province, objections.upheld, 'REJECTED');
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');

    // Live scores include the change at once.
    expect(await countyScores()).toEqual([
      ['422801', 90, '优秀', 1, false],
      ['420102', 75.5, '合格', 2, false],
      ['420103', 0, '不合格', 3, false],
    ]);

    // Republishing after the change makes version 2 with the new score.
    const republished = await publish(province, '2026-07-20T10:00:00Z');
    expect(republished.errors).toBeUndefined();
    const v2 = republished.data!.publishAssessmentResults;
    expect(v2.version).toBe(2);
    expect(v2.results.find((r) => r.unitCode === '420102')).toMatchObject({
      score: 75.5,
      rank: 2,
    });

    const refused = await province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      { c: cycleId },
    );
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OBJECTIONS_PENDING', pending: 1 },
    });
    const [{ state }] = await db.query(`SELECT state FROM assessment_cycle WHERE id = $1`, [
      cycleId,
    ]);
    expect(state).toBe('open');
    expect(
      await db.query(`SELECT 1 FROM assessment_result_set WHERE cycle_id = $1`, [cycleId]),
    ).toEqual([]);
  });

  it('closes once every objection is decided, freezing the final scores with the decisions', async () => {
    const rejected = await decide(province, objections.rejected, 'REJECTED');
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.decideAssessmentObjection).toMatchObject({
      decision: 'REJECTED',
      scoreChange: null,
      adjustmentId: null,
    });
    const decided: Array<{ who: string; body: string }> = await db.query(
      `SELECT recipient_username AS who, body FROM notification WHERE kind = 'OBJECTION_DECIDED'
        ORDER BY recipient_username`,
    );
    expect(decided.map((n) => n.who)).toEqual(['enshi-scjg', 'jiangan-scjg']);
    expect(decided[1].body).toContain('成立，加 3.00 分');
    expect(decided[0].body).toContain('不成立');

    const closed = await province.graphql<{ closeCycle: { state: string } }>(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      { c: cycleId },
    );
    expect(closed.errors).toBeUndefined();
    expect(await countyScores()).toEqual([
      ['422801', 90, '优秀', 1, true],
      ['420102', 75.5, '合格', 2, true],
      ['420103', 0, '不合格', 3, true],
    ]);
    const frozen = await db.query(
      `SELECT r.unit_code, r.score::text AS score FROM assessment_result r
         JOIN assessment_result_set s ON s.id = r.result_set_id
        WHERE s.cycle_id = $1 AND r.unit_code IN ('420102', '422801') ORDER BY r.unit_code`,
      [cycleId],
    );
    expect(frozen).toEqual([
      { unit_code: '420102', score: '75.50' },
      { unit_code: '422801', score: '90.00' },
    ]);
    // A closed cycle takes no more decisions or publications.
    expect((await publish(province, '2027-01-01T00:00:00Z')).errors![0].extensions!.code).toBe(
      'CONFLICT',
    );
  });

  it('keeps publications append-only and decisions unchangeable in the database', async () => {
    await expect(
      db.query(`UPDATE assessment_publication_result SET score = 100 WHERE unit_code = '420102'`),
    ).rejects.toThrow();
    await expect(
      db.query(`UPDATE assessment_objection SET decision = 'REJECTED' WHERE id = $1`, [
        objections.upheld,
      ]),
    ).rejects.toThrow(/never changes/);
    await expect(
      db.query(`DELETE FROM assessment_objection WHERE id = $1`, [objections.rejected]),
    ).rejects.toThrow();
  });
});
