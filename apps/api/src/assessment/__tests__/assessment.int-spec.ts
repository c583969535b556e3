import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { computeScores, RankedUnitScore } from '../assessment-scores';
import { docxParts, paragraphs, tableRows } from '../../bulletin/__tests__/docx-parts';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

interface Score {
  unitCode: string;
  score: number;
  grade: string;
  rank: number;
  frozen: boolean;
  resultSetVersion: number | null;
}

/**
 * The Article 40 assessment against a hand-computed fixture: 3 counties × 5 duties in two
 * chapters (60 / 40 points; indicator marks 30, 15, 15 | 20, 20), every outcome rule, automatic
 * and manual deductions, the bonus cap, a grade band edge and a tie in the ranking; then
 * freezing at close, immutability after later edits, and reopening with a reason.
 *
 *   420102 江岸区: D1 verified 30 + D2 verified 15 + D3 submitted 7.5 + D4 verified 20
 *                  + D5 verified 20 = 92.5; D3 has 2 extensions → −0.5; bonuses 3 + 4 capped
 *                  at 5 → 97.00 优秀
 *   420103 江汉区: all verified = 100; manual deduction 3 → 97.00 优秀 (tie: both rank 1)
 *   422801 恩施市: D1 returned (¼ × 30 = 7.5, one return → −0.5) + D2 verified 15 + D3 in
 *                  progress but overdue → 0 + D4 verified 20 + D5 verified 20 = 62.5 − 0.5
 *                  = 62; manual deduction 2 → 60.00 合格 (band edge), rank 3 — when frozen at
 *                  close (the rule is "overdue at the cycle's end"); live during the year D3
 *                  counts as in progress (3.75) → 63.75
 */
describe('Article 40 assessment: plan, scores, ranks, frozen results', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshi: SignedInClient;
  let cycleId: string;
  let duties: Array<{ lineage: string; chapter: number }>;
  let planVersion = 0;

  const scores = async (client: SignedInClient = province) => {
    const res = await client.graphql<{ assessmentScores: Score[] }>(
      `query($c: ID!) { assessmentScores(cycleId: $c, level: "county") { unitCode score grade rank frozen resultSetVersion } }`,
      { c: cycleId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.assessmentScores;
  };
  const pick = (all: Score[], ...codes: string[]) =>
    codes.map((code) => {
      const s = all.find((x) => x.unitCode === code)!;
      return [code, s.score, s.grade, s.rank];
    });
  const setTask = (unit: string, duty: number, sql: string) =>
    db.query(
      `UPDATE task SET ${sql} WHERE cycle_id = $1 AND unit_code = $2 AND duty_lineage_id = $3`,
      [cycleId, unit, duties[duty].lineage],
    );
  const adjust = (
    client: SignedInClient,
    unitCode: string,
    kind: string,
    points: number,
    reason: string,
  ) => {
    clock.advance(1000); // entries are listed in the order they were made
    return client.graphql<{ addAssessmentAdjustment: { id: string } }>(
      `mutation($i: AddAdjustmentInput!) { addAssessmentAdjustment(input: $i) { id } }`,
      { i: { cycleId, unitCode, kind, points, reason } },
    );
  };
  const savePlan = (overrides: Record<string, unknown> = {}) => {
    const chapters = [...new Set(duties.map((d) => d.chapter))];
    return province.graphql<{ saveAssessmentPlan: { version: number } }>(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version indicators { id dutyIds } } }`,
      {
        i: {
          cycleId,
          expectedVersion: planVersion,
          note: '测试方案',
          chapterWeights: [
            { chapter: chapters[0], weight: 60 },
            { chapter: chapters[1], weight: 40 },
          ],
          indicators: duties.map((d, i) => ({
            id: `I${i + 1}`,
            name: `指标${i + 1}`,
            chapter: d.chapter,
            weight: i === 0 ? 2 : 1,
            dutyIds: [d.lineage],
          })),
          ...STANDARD_PLAN_SETTINGS,
          ...overrides,
        },
      },
    );
  };

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshi = await api.signIn('enshi-zhou');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    // Five duties of all levels: three from one chapter, two from another.
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
    duties = [
      ...a[1].slice(0, 3).map((lineage) => ({ lineage, chapter: a[0] })),
      ...b[1].slice(0, 2).map((lineage) => ({ lineage, chapter: b[0] })),
    ];
  });
  afterAll(() => api?.close());

  it('serves the default plan (version 0): one indicator per tracked duty, chapter weights summing to 100', async () => {
    const res = await province.graphql<{
      assessmentPlan: {
        version: number;
        isDefault: boolean;
        chapterWeights: Array<{ weight: number }>;
        indicators: unknown[];
      };
    }>(
      `query($c: ID!) { assessmentPlan(cycleId: $c) { version isDefault chapterWeights { chapter weight } indicators { id } } }`,
      {
        c: cycleId,
      },
    );
    const plan = res.data!.assessmentPlan;
    expect(plan).toMatchObject({ version: 0, isDefault: true });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM duty d JOIN assessment_cycle y ON y.regulation_version_id = d.version_id
        WHERE y.id = $1 AND d.tracked AND d.government_duty`,
      [cycleId],
    );
    expect(plan.indicators).toHaveLength(n);
    expect(plan.chapterWeights.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(100, 9);
  });

  it('validates the plan with clear errors and refuses a stale version', async () => {
    const bad = await savePlan({
      chapterWeights: [
        { chapter: duties[0].chapter, weight: 50 },
        { chapter: duties[3].chapter, weight: 40 },
      ],
      bands: [
        { grade: '合格', min: 60 },
        { grade: '优秀', min: 90 },
        { grade: '不合格', min: 0 },
      ],
    });
    const codes = (
      bad.errors![0].extensions!.details as { problems: Array<{ code: string }> }
    ).problems.map((p) => p.code);
    expect(bad.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    expect(codes).toEqual(expect.arrayContaining(['CHAPTER_WEIGHTS_SUM', 'BANDS_ORDER']));
    expect(bad.errors![0].message).toMatch(/^考核方案未保存：/);

    const ok = await savePlan();
    expect(ok.errors).toBeUndefined();
    planVersion = ok.data!.saveAssessmentPlan.version;
    expect(planVersion).toBe(1);
    const stale = await savePlan({ expectedVersion: 0 });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('scores the fixture exactly: rules, deductions, bonus cap, band edge and a tie', async () => {
    for (let d = 0; d < 5; d++) {
      await setTask('420102', d, `status = 'VERIFIED'`);
      await setTask('420103', d, `status = 'VERIFIED'`);
      await setTask('422801', d, `status = 'VERIFIED'`);
    }
    await setTask('420102', 2, `status = 'SUBMITTED', extension_count = 2`);
    await setTask('422801', 0, `status = 'RETURNED', return_count = 1`);
    await setTask('422801', 2, `status = 'IN_PROGRESS', due_date = '2026-03-31'`);
    expect(
      (await adjust(province, '420102', 'bonus', 3, '创建省级质量强县示范')).errors,
    ).toBeUndefined();
    expect(
      (await adjust(province, '420102', 'bonus', 4, '获评全国质量品牌提升典型案例')).errors,
    ).toBeUndefined();
    expect(
      (await adjust(province, '420103', 'deduction', 3, '质量安全事故通报')).errors,
    ).toBeUndefined();
    // The prefecture supervisor enters the deduction for a county of 恩施州, not for 江岸区.
    expect((await adjust(enshi, '422801', 'deduction', 2, '台账不完整')).errors).toBeUndefined();
    expect(
      (await adjust(enshi, '420102', 'deduction', 2, '越权')).errors![0].extensions!.code,
    ).toBe('NOT_FOUND');
    const remark = await adjust(enshi, '422801', 'remark', 0, '请加快推进第三章相关工作');
    expect(remark.errors).toBeUndefined();

    // Live, before the cycle's end: D3 is past its own due date but the year is not over, so
    // the plan's rule (年度结束时逾期 = 0) does not apply yet and it counts as in progress
    // (¼ × 15 = 3.75): 66.25 − 0.5 − 2 = 63.75. At close it does (see the frozen results).
    const live = await scores();
    expect(pick(live, '420102', '420103', '422801')).toEqual([
      ['420102', 97, '优秀', 1],
      ['420103', 97, '优秀', 1],
      ['422801', 63.75, '合格', 3],
    ]);
    expect(live.find((s) => s.unitCode === '420102')!.frozen).toBe(false);

    const detail = await province.graphql<{
      unitAssessment: {
        score: number;
        bonusRequested: number;
        bonusApplied: number;
        deductions: Array<{ points: number; reason: string }>;
        breakdown: Array<{
          indicatorId: string;
          marks: number;
          earned: number;
          tasks: Array<{ rule: string }>;
        }>;
        adjustments: Array<{ kind: string }>;
      };
    }>(
      `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { score bonusRequested bonusApplied
         deductions { points reason } breakdown { indicatorId marks earned tasks { rule fraction } } adjustments { kind reason } } }`,
      { c: cycleId, u: '422801' },
    );
    const u = detail.data!.unitAssessment;
    expect(u.breakdown.map((b) => [b.indicatorId, b.marks, b.earned, b.tasks[0].rule])).toEqual([
      ['I1', 30, 7.5, 'returnedOrInProgress'],
      ['I2', 15, 15, 'verified'],
      ['I3', 15, 3.75, 'returnedOrInProgress'],
      ['I4', 20, 20, 'verified'],
      ['I5', 20, 20, 'verified'],
    ]);
    expect(u.deductions.map((d) => d.points)).toEqual([0.5, 2]);
    // The overdue rule takes over once the cycle has ended (the day after its due date): then
    // D1, returned and due at the cycle's end, is overdue too (7.5 → 0): 52.5.
    const d3 = (all: RankedUnitScore[]) => {
      const unit = all.find((x) => x.code === '422801')!;
      return [unit.score, unit.breakdown[2].tasks[0].rule];
    };
    expect(d3((await computeScores(db.manager, cycleId, '2026-12-31')).scores)).toEqual([
      63.75,
      'returnedOrInProgress',
    ]);
    expect(d3((await computeScores(db.manager, cycleId, '2027-01-01')).scores)).toEqual([
      52.5,
      'overdue',
    ]);
    expect(u.adjustments.map((a) => a.kind)).toEqual(['deduction', 'remark']);
    const x = await province.graphql<{
      unitAssessment: { bonusRequested: number; bonusApplied: number };
    }>(
      `query($c: ID!) { unitAssessment(cycleId: $c, unitCode: "420102") { bonusRequested bonusApplied } }`,
      { c: cycleId },
    );
    expect(x.data!.unitAssessment).toEqual({ bonusRequested: 7, bonusApplied: 5 });
  });

  it('shows a prefecture supervisor only its prefecture’s units', async () => {
    const mine = await scores(enshi);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.unitCode.startsWith('4228'))).toBe(true);
    // Ranks stay province-wide.
    expect(mine.find((s) => s.unitCode === '422801')!.rank).toBe(3);
    const foreign = await enshi.graphql(
      `query($c: ID!) { unitAssessment(cycleId: $c, unitCode: "420102") { score } }`,
      {
        c: cycleId,
      },
    );
    expect(foreign.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('freezes the results at close; later edits do not change them; reopening needs a reason and freezes a new version', async () => {
    const close = await province.graphql(
      `mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`,
      { c: cycleId },
    );
    expect(close.errors).toBeUndefined();
    const frozen = await scores();
    expect(pick(frozen, '420102', '420103', '422801')).toEqual([
      ['420102', 97, '优秀', 1],
      ['420103', 97, '优秀', 1],
      ['422801', 60, '合格', 3],
    ]);
    expect(frozen.every((s) => s.frozen && s.resultSetVersion === 1)).toBe(true);

    // A later change to the data (e.g. a correction in the database) does not move frozen scores.
    await setTask('420102', 0, `status = 'NOT_STARTED'`);
    expect(pick(await scores(), '420102')).toEqual([['420102', 97, '优秀', 1]]);
    await expect(
      db.query(`UPDATE assessment_result SET score = 100 WHERE unit_code = '420102'`),
    ).rejects.toThrow(/append-only/);
    const plansClosed = await savePlan();
    expect(plansClosed.errors![0].extensions!.code).toBe('CONFLICT');
    expect(
      (await adjust(province, '420102', 'bonus', 1, '关闭后')).errors![0].extensions!.code,
    ).toBe('CONFLICT');

    const noReason = await province.graphql(
      `mutation($c: ID!) { reopenCycle(cycleId: $c, reason: " ") { state } }`,
      {
        c: cycleId,
      },
    );
    expect(noReason.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    const reopened = await province.graphql<{ reopenCycle: { state: string } }>(
      `mutation($c: ID!) { reopenCycle(cycleId: $c, reason: "复核发现江岸区数据有误") { state } }`,
      { c: cycleId },
    );
    expect(reopened.data!.reopenCycle.state).toBe('open');
    // Live again: 江岸区 lost D1 (30 points) → 62.5 − 0.5 + 5 = 67.00 合格, now second.
    expect(pick(await scores(), '420102')).toEqual([['420102', 67, '合格', 2]]);
    await province.graphql(`mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`, {
      c: cycleId,
    });

    const sets = await province.graphql<{
      assessmentResultSets: Array<{
        version: number;
        planVersion: number;
        closedBy: string;
        rowsSha256: string;
        integrityOk: boolean;
        reopenReason: string | null;
      }>;
    }>(
      `query($c: ID!) { assessmentResultSets(cycleId: $c) { version planVersion closedBy rowsSha256 integrityOk reopenReason } }`,
      {
        c: cycleId,
      },
    );
    const [v1, v2] = sets.data!.assessmentResultSets;
    expect(v1).toMatchObject({
      version: 1,
      planVersion: 1,
      closedBy: 'province',
      integrityOk: true,
      reopenReason: '复核发现江岸区数据有误',
    });
    expect(v2).toMatchObject({ version: 2, planVersion: 1, integrityOk: true, reopenReason: null });
    expect(v2.rowsSha256).not.toBe(v1.rowsSha256);
    expect(pick(await scores(), '420102')).toEqual([['420102', 67, '合格', 2]]);
  });

  it('exports the ranking and a unit’s breakdown as XLSX and prints the unit report, each download audited', async () => {
    const get = (client: SignedInClient, path: string) =>
      fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
    const ranking = await get(
      province,
      `/api/assessment/ranking.xlsx?cycleId=${cycleId}&level=county`,
    );
    expect(ranking.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await ranking.arrayBuffer());
    const sheet = book.getWorksheet('排名')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 7)).toEqual(['排名', '单位代码', '单位', '层级', '得分', '等次']);
    expect(rows[1].slice(1, 7)).toEqual([1, '420103', '江汉区', '县级', 97, '优秀']);
    expect(rows[2].slice(1, 7)).toEqual([2, '420102', '江岸区', '县级', 67, '合格']);

    const unit = await get(
      province,
      `/api/assessment/unit.xlsx?cycleId=${cycleId}&unitCode=422801`,
    );
    expect(unit.status).toBe(200);
    const unitBook = new ExcelJS.Workbook();
    await unitBook.xlsx.load(await unit.arrayBuffer());
    expect(unitBook.getWorksheet('指标明细')!.rowCount).toBe(6);

    const report = await get(enshi, `/api/assessment/report?cycleId=${cycleId}&unitCode=422801`);
    expect(report.status).toBe(200);
    const html = await report.text();
    expect(html).toContain('恩施市2026年度质量工作考核报告');
    expect(html).toContain('<b>60.00</b>');
    expect(html).toContain('请加快推进第三章相关工作');
    expect(html).toContain('@page { size: A4');
    // A print button instead of "按 Ctrl+P"; the CSP lets exactly its script run.
    expect(html).toContain('打印报告');
    expect(html).not.toContain('Ctrl+P');
    const script = /<script>([^<]*)<\/script>/.exec(html)![1];
    const hash = createHash('sha256').update(script).digest('base64');
    expect(report.headers.get('content-security-policy')).toContain(`script-src 'sha256-${hash}'`);

    expect(
      (await get(enshi, `/api/assessment/report?cycleId=${cycleId}&unitCode=420102`)).status,
    ).toBe(404);
    const operator = await api.signIn('jiangan-scjg');
    expect((await get(operator, `/api/assessment/ranking.xlsx?cycleId=${cycleId}`)).status).toBe(
      403,
    );
    const audited = await db.query(
      `SELECT actor_username, detail->>'report' AS report FROM security_audit_log WHERE action = 'REPORT_DOWNLOADED' ORDER BY id`,
    );
    expect(audited).toEqual([
      { actor_username: 'province', report: 'ranking' },
      { actor_username: 'province', report: 'unit' },
      { actor_username: 'enshi-zhou', report: 'printable' },
    ]);
  });
  it('gives the unit’s 考核评分表 and the province’s 考核结果表 as DOCX and XLSX in the office layout', async () => {
    const get = (client: SignedInClient, path: string) =>
      fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
    // 恩施市, frozen (version 2): D1 returned 7.5 of 30, D2 15, D3 overdue 0 of 15, D4 20, D5 20;
    // −0.5 for the return and −2 by hand → 60.00 合格, third of the counties.
    const form = await get(
      enshi,
      `/api/assessment/unit-form.docx?cycleId=${cycleId}&unitCode=422801`,
    );
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toContain('wordprocessingml');
    expect(form.headers.get('content-disposition')).toContain(
      encodeURIComponent('恩施市2026年度质量工作考核评分表.docx'),
    );
    const xml = (await docxParts(Buffer.from(await form.arrayBuffer()))).get('word/document.xml')!;
    expect(paragraphs(xml)[0]).toBe('恩施市2026年度质量工作考核评分表');
    const rows = tableRows(xml).map((r) => r.split('|'));
    expect(rows[0]).toEqual([
      '序号',
      '考核内容',
      '考核指标',
      '分值',
      '评分标准',
      '得分',
      '情况说明',
    ]);
    const indicatorRows = rows.filter((r) => /^\d+$/.test(r[0]));
    expect(indicatorRows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5']);
    // The chapter cell is merged down over its indicators (3 + 2): Word's vertical merge.
    expect(indicatorRows.map((r) => r[1] !== '')).toEqual([true, false, false, true, false]);
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(3);
    expect(indicatorRows[0][1]).toMatch(/^第[一二三四五六七八九十]+章 /);
    const earned = indicatorRows.map((r) => r[r.length - 2]);
    expect(earned).toEqual(['7.50', '15.00', '0.00', '20.00', '20.00']);
    expect(indicatorRows[0][indicatorRows[0].length - 1]).toBe('被退回 1 项');
    expect(indicatorRows[2][indicatorRows[2].length - 1]).toBe('逾期 1 项');
    const summary = new Map(rows.filter((r) => r.length === 4).map((r) => [r[0], r.slice(1)]));
    expect(summary.get('扣分')![1]).toBe('−2.50');
    expect(summary.get('合计得分')).toEqual(['', '60.00', '已固化（第 2 版）']);
    expect(summary.get('考核等次')).toEqual(['合格', '', '县（市、区）第 3 名']);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      await (
        await get(enshi, `/api/assessment/unit-form.xlsx?cycleId=${cycleId}&unitCode=422801`)
      ).arrayBuffer(),
    );
    const sheet = book.getWorksheet('考核评分表')!;
    expect(sheet.getCell('A1').value).toBe('恩施市2026年度质量工作考核评分表');
    expect([4, 5, 6, 7, 8].map((r) => sheet.getCell(`F${r}`).value)).toEqual([7.5, 15, 0, 20, 20]);
    expect(sheet.getCell('B5').isMerged && sheet.getCell('B5').master.address).toBe('B4');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');

    const results = await get(
      province,
      `/api/assessment/results.docx?cycleId=${cycleId}&level=county`,
    );
    expect(results.status).toBe(200);
    const resultXml = (await docxParts(Buffer.from(await results.arrayBuffer()))).get(
      'word/document.xml',
    )!;
    const resultRows = tableRows(resultXml).map((r) => r.split('|'));
    expect(resultRows[0]).toEqual(['名次', '单位', '得分', '等次', '备注']);
    expect(resultRows.slice(1, 4).map((r) => r.slice(0, 4))).toEqual([
      ['1', '江汉区', '97.00', '优秀'],
      ['2', '江岸区', '67.00', '合格'],
      ['3', '恩施市', '60.00', '合格'],
    ]);
    expect(resultRows[1][4]).toMatch(/^扣 3\.00 分：/);
    const resultBook = new ExcelJS.Workbook();
    await resultBook.xlsx.load(
      await (
        await get(province, `/api/assessment/results.xlsx?cycleId=${cycleId}&level=county`)
      ).arrayBuffer(),
    );
    const resultSheet = resultBook.getWorksheet('考核结果')!;
    expect([4, 5, 6].map((r) => resultSheet.getCell(`B${r}`).value)).toEqual([
      '江汉区',
      '江岸区',
      '恩施市',
    ]);

    // The same readers as the other downloads: another prefecture's unit is not found, an
    // operator gets its own unit's form but not the province's table.
    expect(
      (await get(enshi, `/api/assessment/unit-form.docx?cycleId=${cycleId}&unitCode=420102`))
        .status,
    ).toBe(404);
    const operator = await api.signIn('jiangan-scjg');
    expect(
      (await get(operator, `/api/assessment/unit-form.xlsx?cycleId=${cycleId}&unitCode=420102`))
        .status,
    ).toBe(200);
    expect(
      (await get(operator, `/api/assessment/results.docx?cycleId=${cycleId}&level=county`)).status,
    ).toBe(403);
    expect((await get(province, `/api/assessment/results.docx?cycleId=${cycleId}`)).status).toBe(
      200,
    );
    expect((await get(province, `/api/assessment/results.xlsx?level=county`)).status).toBe(400);
    const audited = await db.query(
      `SELECT actor_username, detail->>'report' AS report FROM security_audit_log
        WHERE action = 'REPORT_DOWNLOADED' AND detail->>'report' ~ '^(form|results)' ORDER BY id`,
    );
    expect(audited.map((a: { report: string }) => a.report)).toEqual([
      'form.docx',
      'form.xlsx',
      'results.docx',
      'results.xlsx',
      'form.xlsx',
      'results.docx',
    ]);
  });
});
