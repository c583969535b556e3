import { DataSource } from 'typeorm';
import { ManualClock } from '../../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../../testing/test-api';
import { drawSample, SampleCandidate } from '../onsite-draw';

interface Item {
  id: string;
  unitCode: string;
  groupCode: string;
  taskId: string;
  unitRank: number;
  taskRank: number;
  outcome: string | null;
  adjustmentId: string | null;
  deductedPoints: number | null;
}
interface Sample {
  id: string;
  version: number;
  status: string;
  seed: string;
  seedGenerated: boolean;
  populationUnits: number;
  populationTasks: number;
  items: Item[];
}

const SAMPLE_FIELDS = `id version status seed seedGenerated populationUnits populationTasks
  items { id unitCode groupCode taskId unitRank taskRank outcome adjustmentId deductedPoints }`;

/**
 * 实地核查 through the API against PostgreSQL. Population: every task of 420102 and 420103
 * (武汉市, 420100) and of 422801 (恩施州, 422800) verified, nothing else verified or submitted.
 * All their tasks verified, no extension, return or notice: each scores 100.00 under the
 * default plan. One confirmed discrepancy on 422801 with 2.5 points per discrepancy:
 * 100.00 − 2.50 = 97.50, live and in the result set frozen at close; the others stay 100.00.
 */
describe('on-site verification: reproducible sample, findings, deductions', () => {
  const clock = new ManualClock(new Date('2026-10-15T02:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshi: SignedInClient;
  let enshiOperator: SignedInClient;
  let auditor: SignedInClient;
  let cycleId: string;
  let sample: Sample;

  const draw = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<{ drawOnsiteSample: Sample }>(
      `mutation($i: DrawOnsiteSampleInput!) { drawOnsiteSample(input: $i) { ${SAMPLE_FIELDS} } }`,
      { i: { cycleId, ...input } },
    );
  const record = (client: SignedInClient, input: Record<string, unknown>) =>
    client.graphql<{ recordOnsiteFinding: Item }>(
      `mutation($i: RecordOnsiteFindingInput!) { recordOnsiteFinding(input: $i) { id outcome } }`,
      { i: input },
    );
  const read = (client: SignedInClient, id: string) =>
    client.graphql<{ onsiteSample: Sample }>(
      `query($id: ID!) { onsiteSample(id: $id) { ${SAMPLE_FIELDS} } }`,
      { id },
    );
  const scoreOf = async (unitCode: string) => {
    const res = await province.graphql<{ unitAssessment: { score: number; frozen: boolean } }>(
      `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { score frozen } }`,
      { c: cycleId, u: unitCode },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.unitAssessment;
  };
  const problemCodes = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (
      (res.errors?.[0]?.extensions?.details as { problems?: Array<{ code: string }> })?.problems ??
      []
    ).map((p) => p.code);
  const pairs = (s: Sample) => s.items.map((i) => `${i.unitCode}/${i.taskId}`);

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshi = await api.signIn('enshi-zhou');
    enshiOperator = await api.signIn('enshi-scjg');
    auditor = await api.signIn('auditor');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(res.errors).toBeUndefined();
    cycleId = res.data!.createCycle.cycle.id;
    await db.query(
      `UPDATE task SET status = CASE WHEN unit_code IN ('420102', '420103', '422801')
                                     THEN 'VERIFIED' ELSE 'IN_PROGRESS' END
        WHERE cycle_id = $1`,
      [cycleId],
    );
  });
  afterAll(() => api?.close());

  it('validates the parameters with machine codes', async () => {
    const bad = await draw(province, {
      scope: 'OVERALL',
      unitCount: 2,
      unitShare: 0.5,
      tasksPerUnit: 0,
      taskStatuses: ['IN_PROGRESS'],
      deductionPoints: 0,
      seed: 'no spaces',
    });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(problemCodes(bad).sort()).toEqual([
      'DEDUCTION_RANGE',
      'SEED_INVALID',
      'TASKS_PER_UNIT_RANGE',
      'TASK_STATUSES_INVALID',
      'UNIT_COUNT_OR_SHARE',
    ]);
    const empty = await draw(province, {
      scope: 'OVERALL',
      unitCount: 1,
      tasksPerUnit: 1,
      taskStatuses: ['SUBMITTED'],
      deductionPoints: 1,
    });
    expect(problemCodes(empty)).toEqual(['POPULATION_EMPTY']);
    // Only provincial supervisors draw.
    const byPrefecture = await draw(enshi, {
      scope: 'OVERALL',
      unitCount: 1,
      tasksPerUnit: 1,
      deductionPoints: 1,
    });
    expect(byPrefecture.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('draws reproducibly: same seed, same sample; a different seed, a different one; versions kept', async () => {
    const params = { scope: 'OVERALL', unitShare: 1, tasksPerUnit: 3, deductionPoints: 2.5 };
    const first = await draw(province, { ...params, seed: 'alpha-2026' });
    expect(first.errors).toBeUndefined();
    const a = first.data!.drawOnsiteSample;
    const population: SampleCandidate[] = await db.query(
      `SELECT t.id AS "taskId", t.unit_code AS "unitCode", u.parent_code AS "groupCode"
         FROM task t JOIN admin_unit u ON u.code = t.unit_code
        WHERE t.cycle_id = $1 AND t.status IN ('VERIFIED', 'SUBMITTED') AND t.retired_at IS NULL`,
      [cycleId],
    );
    expect(a).toMatchObject({
      version: 1,
      status: 'open',
      seed: 'alpha-2026',
      seedGenerated: false,
      populationUnits: 3,
      populationTasks: population.length,
    });
    // The recorded sample is exactly the pure draw over the population.
    const expected = drawSample('alpha-2026', population, {
      scope: 'OVERALL',
      unitShare: 1,
      tasksPerUnit: 3,
    });
    expect(pairs(a).sort()).toEqual(
      expected.units.flatMap((u) => u.tasks.map((t) => `${u.unitCode}/${t.taskId}`)).sort(),
    );
    expect(a.items).toHaveLength(9);

    // A redraw needs a reason; with the same seed it gives the same sample.
    const noReason = await draw(province, { ...params, seed: 'alpha-2026' });
    expect(problemCodes(noReason)).toEqual(['REDRAW_REASON_REQUIRED']);
    const again = await draw(province, { ...params, seed: 'alpha-2026', reason: '复核抽样' });
    expect(again.errors).toBeUndefined();
    const b = again.data!.drawOnsiteSample;
    expect(b.version).toBe(2);
    expect(pairs(b)).toEqual(pairs(a));
    const other = await draw(province, { ...params, seed: 'beta-2026', reason: '换种子' });
    const c = other.data!.drawOnsiteSample;
    expect(pairs(c).sort()).not.toEqual(pairs(a).sort());

    // Without a seed one is generated and recorded. Per prefecture, one unit each.
    const generated = await draw(province, {
      scope: 'PER_PREFECTURE',
      unitCount: 1,
      tasksPerUnit: 2,
      deductionPoints: 2.5,
      reason: '按市州抽取',
    });
    expect(generated.errors).toBeUndefined();
    sample = generated.data!.drawOnsiteSample;
    expect(sample.seedGenerated).toBe(true);
    expect(sample.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(sample.version).toBe(4);
    const units = [...new Set(sample.items.map((i) => i.unitCode))].sort();
    expect(units).toHaveLength(2);
    expect(units[1]).toBe('422801');
    expect(['420102', '420103']).toContain(units[0]);
    expect(sample.items).toHaveLength(4);
    const regenerated = drawSample(sample.seed, population, {
      scope: 'PER_PREFECTURE',
      unitCount: 1,
      tasksPerUnit: 2,
    });
    expect(pairs(sample).sort()).toEqual(
      regenerated.units.flatMap((u) => u.tasks.map((t) => `${u.unitCode}/${t.taskId}`)).sort(),
    );

    // Every version is kept; earlier ones are superseded.
    const list = await province.graphql<{
      onsiteSamples: Array<{ version: number; status: string }>;
    }>(`query($c: ID!) { onsiteSamples(cycleId: $c) { version status } }`, { c: cycleId });
    expect(list.data!.onsiteSamples).toEqual([
      { version: 4, status: 'open' },
      { version: 3, status: 'superseded' },
      { version: 2, status: 'superseded' },
      { version: 1, status: 'superseded' },
    ]);
    const old = await read(province, a.id);
    expect(pairs(old.data!.onsiteSample)).toEqual(pairs(a));
  });

  it('scopes findings: the prefecture records its own units only; operators see nothing before close', async () => {
    const enshiItems = sample.items.filter((i) => i.unitCode === '422801');
    const wuhanItems = sample.items.filter((i) => i.unitCode !== '422801');
    // The prefecture supervisor sees and records the items of 恩施州 only.
    const seen = await read(enshi, sample.id);
    expect(seen.data!.onsiteSample.items.map((i) => i.id).sort()).toEqual(
      enshiItems.map((i) => i.id).sort(),
    );
    const foreign = await record(enshi, { itemId: wuhanItems[0].id, outcome: 'CONFIRMED' });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknown = await record(enshi, {
      itemId: '00000000-0000-4000-8000-000000000000',
      outcome: 'CONFIRMED',
    });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Operators: the sample is not announced before close.
    const early = await read(enshiOperator, sample.id);
    expect(early.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const earlyList = await enshiOperator.graphql<{ onsiteSamples: unknown[] }>(
      `query($c: ID!) { onsiteSamples(cycleId: $c) { id } }`,
      { c: cycleId },
    );
    expect(earlyList.data!.onsiteSamples).toEqual([]);
    const byOperator = await record(enshiOperator, {
      itemId: enshiItems[0].id,
      outcome: 'CONFIRMED',
    });
    expect(byOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Auditors read everything.
    const audited = await read(auditor, sample.id);
    expect(audited.data!.onsiteSample.items).toHaveLength(4);
  });

  it('records findings with notes and evidence, and refuses to close while one is missing', async () => {
    const [d1, d2] = sample.items.filter((i) => i.unitCode === '422801');
    const wuhan = sample.items.filter((i) => i.unitCode !== '422801');
    const [{ id: photo }] = await db.query(
      `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, sha256, size, file_type, mime_type, original_name, uploaded_by)
       VALUES ($1, '422801', $2, gen_random_uuid(), 1, repeat('cd', 32), 10, 'jpeg', 'image/jpeg', '现场照片.jpg', 'enshi-scjg')
       RETURNING id`,
      [d1.taskId, cycleId],
    );
    const [{ id: foreignPhoto }] = await db.query(
      `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, sha256, size, file_type, mime_type, original_name, uploaded_by)
       VALUES ($1, $2, $3, gen_random_uuid(), 1, repeat('ef', 32), 10, 'jpeg', 'image/jpeg', '他处照片.jpg', 'jiangan-scjg')
       RETURNING id`,
      [wuhan[0].taskId, wuhan[0].unitCode, cycleId],
    );
    expect(problemCodes(await record(enshi, { itemId: d1.id, outcome: 'DISCREPANCY' }))).toEqual([
      'NOTE_REQUIRED',
    ]);
    expect(
      problemCodes(
        await record(enshi, {
          itemId: d1.id,
          outcome: 'DISCREPANCY',
          note: '台账缺失',
          evidenceIds: [foreignPhoto],
        }),
      ),
    ).toEqual(['EVIDENCE_FOREIGN']);
    // First recorded as confirmed, then corrected to a discrepancy (both kept on record).
    expect((await record(enshi, { itemId: d1.id, outcome: 'CONFIRMED' })).errors).toBeUndefined();
    clock.advance(60_000);
    const discrepancy = await record(enshi, {
      itemId: d1.id,
      outcome: 'DISCREPANCY',
      note: '现场未见所报培训记录',
      evidenceIds: [photo],
    });
    expect(discrepancy.errors).toBeUndefined();
    expect(discrepancy.data!.recordOnsiteFinding.outcome).toBe('DISCREPANCY');
    const history = await auditor.graphql<{
      onsiteFindingHistory: Array<{ outcome: string; actor: string; evidenceIds: string[] }>;
    }>(`query($i: ID!) { onsiteFindingHistory(itemId: $i) { outcome actor evidenceIds } }`, {
      i: d1.id,
    });
    expect(history.data!.onsiteFindingHistory).toEqual([
      { outcome: 'CONFIRMED', actor: 'enshi-zhou', evidenceIds: [] },
      { outcome: 'DISCREPANCY', actor: 'enshi-zhou', evidenceIds: [photo] },
    ]);
    expect((await record(enshi, { itemId: d2.id, outcome: 'CONFIRMED' })).errors).toBeUndefined();
    expect(
      (await record(province, { itemId: wuhan[0].id, outcome: 'CONFIRMED' })).errors,
    ).toBeUndefined();

    const incomplete = await province.graphql(
      `mutation($s: ID!) { closeOnsiteVerification(sampleId: $s) { id } }`,
      { s: sample.id },
    );
    expect(problemCodes(incomplete)).toEqual(['FINDINGS_INCOMPLETE']);
    expect(
      (await record(province, { itemId: wuhan[1].id, outcome: 'CONFIRMED' })).errors,
    ).toBeUndefined();
    // A superseded version's findings are frozen.
    const list = await province.graphql<{ onsiteSamples: Sample[] }>(
      `query($c: ID!) { onsiteSamples(cycleId: $c) { ${SAMPLE_FIELDS} } }`,
      { c: cycleId },
    );
    const superseded = list.data!.onsiteSamples.find((s) => s.version === 3)!;
    expect(
      problemCodes(
        await record(province, {
          itemId: superseded.items[0].id,
          outcome: 'DISCREPANCY',
          note: '旧样本',
        }),
      ),
    ).toEqual(['SAMPLE_CLOSED']);
  });

  it('closing deducts exactly the configured points for the one discrepancy, live and frozen', async () => {
    const wuhanUnit = sample.items.find((i) => i.unitCode !== '422801')!.unitCode;
    expect(await scoreOf('422801')).toEqual({ score: 100, frozen: false });
    expect(await scoreOf(wuhanUnit)).toEqual({ score: 100, frozen: false });

    expect(
      (
        await enshi.graphql(`mutation($s: ID!) { closeOnsiteVerification(sampleId: $s) { id } }`, {
          s: sample.id,
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    clock.advance(60_000);
    const closed = await province.graphql<{ closeOnsiteVerification: Sample }>(
      `mutation($s: ID!) { closeOnsiteVerification(sampleId: $s) { ${SAMPLE_FIELDS} } }`,
      { s: sample.id },
    );
    expect(closed.errors).toBeUndefined();
    const result = closed.data!.closeOnsiteVerification;
    expect(result.status).toBe('closed');
    const deducted = result.items.filter((i) => i.adjustmentId);
    expect(deducted).toHaveLength(1);
    expect(deducted[0]).toMatchObject({
      unitCode: '422801',
      outcome: 'DISCREPANCY',
      deductedPoints: 2.5,
    });

    // 100.00 − 2.50 = 97.50; the other unit keeps 100.00.
    expect(await scoreOf('422801')).toEqual({ score: 97.5, frozen: false });
    expect(await scoreOf(wuhanUnit)).toEqual({ score: 100, frozen: false });
    const [adjustment] = await db.query(
      `SELECT unit_code, kind, points::text, reason, created_by FROM assessment_adjustment WHERE id = $1`,
      [deducted[0].adjustmentId],
    );
    expect(adjustment).toMatchObject({
      unit_code: '422801',
      kind: 'deduction',
      points: '2.50',
      created_by: 'province',
    });
    expect(adjustment.reason).toContain(deducted[0].taskId);
    expect(adjustment.reason).toContain('现场未见所报培训记录');

    // Closed: no more findings, no redraw, no second close.
    expect(
      problemCodes(await record(province, { itemId: deducted[0].id, outcome: 'CONFIRMED' })),
    ).toEqual(['SAMPLE_CLOSED']);
    expect(
      problemCodes(
        await draw(province, {
          scope: 'OVERALL',
          unitCount: 1,
          tasksPerUnit: 1,
          deductionPoints: 1,
          reason: '再抽',
        }),
      ),
    ).toEqual(['SAMPLE_CLOSED']);
    await expect(
      db.query(`UPDATE assessment_onsite_item SET note = 'x' WHERE id = $1`, [deducted[0].id]),
    ).rejects.toThrow(/frozen/);
    await expect(
      db.query(`DELETE FROM assessment_onsite_finding_event WHERE item_id = $1`, [deducted[0].id]),
    ).rejects.toThrow(/append-only/);

    // The operator of 422801 now sees the items of their unit their department works on.
    const [{ department_id: dept }] = await db.query(
      `SELECT department_id FROM app_user WHERE username = 'enshi-scjg'`,
    );
    // The discrepancy's task is led by the operator's department (so the check is not vacuous).
    await db.query(`UPDATE task SET lead_department_id = $1 WHERE id = $2`, [
      dept,
      deducted[0].taskId,
    ]);
    const visible: Array<{ id: string }> = await db.query(
      `SELECT i.id FROM assessment_onsite_item i JOIN task t ON t.id = i.task_id
        WHERE i.sample_id = $1 AND t.unit_code = '422801'
          AND (t.lead_department_id = $2
               OR EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = t.id AND a.department_id = $2))`,
      [sample.id, dept],
    );
    const own = await read(enshiOperator, sample.id);
    expect(own.errors).toBeUndefined();
    expect(own.data!.onsiteSample.items.map((i) => i.id).sort()).toEqual(
      visible.map((v) => v.id).sort(),
    );
    expect(own.data!.onsiteSample.items.every((i) => i.unitCode === '422801')).toBe(true);
    expect(own.data!.onsiteSample.items.map((i) => i.id)).toContain(deducted[0].id);

    // Closing the cycle freezes the deduction into the result set.
    const closeCycle = await province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { id } }`,
      { c: cycleId },
    );
    expect(closeCycle.errors).toBeUndefined();
    expect(await scoreOf('422801')).toEqual({ score: 97.5, frozen: true });
    expect(await scoreOf(wuhanUnit)).toEqual({ score: 100, frozen: true });
  });
});
