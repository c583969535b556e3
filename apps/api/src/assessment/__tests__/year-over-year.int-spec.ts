import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { STANDARD_PLAN_SETTINGS } from '@duty/test-support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Problem {
  row: number;
  code: string;
  suggestions?: Array<{ code: string }>;
}
interface Answer {
  code?: string;
  applied?: number;
  mapping?: Record<string, string>;
  mappingSuggested?: boolean;
  headerRow?: number;
  import?: Record<string, unknown>;
  problems: Problem[];
}
interface Row {
  unitCode: string;
  scoreChange: number | null;
  rankChange: number | null;
}
type Unit = Record<string, unknown> & {
  periods: unknown[];
  points: unknown[];
  indicators: unknown[];
};

/**
 * Year over year against hand-computed figures: history of 2023 imported from a workbook, two
 * cycles (2024, 2025) closed and frozen, each with a two-indicator plan (指标1: 60 marks,
 * 指标2: 40; verified 1, submitted ½, not started 0), every other county at 0.
 *
 *           2023 (imported)          2024 (frozen)                    2025 (frozen)
 *   420102  85 #2 良好 90%  (50+35)   60+20 = 80 #2 良好 ½ verified     60+40 = 100 #1 优秀 1
 *   420103  92 #1 优秀 100%           60+40 = 100 #1 优秀 1             30+40 = 70 #3 合格 ½
 *   422801  70 #3 (computed) 合格 60% 30+0 = 30 #3 不合格 0             60+20 = 80 #2 良好 ½
 *
 * 2025 against 2024: 420102 +20, rank +1, completion +0.5; 420103 −30, rank −2; 422801 +50, +1.
 */
describe('assessment year over year and imported history', () => {
  const clock = new ManualClock(new Date('2026-06-30T04:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshi: SignedInClient;
  let operator: SignedInClient;
  let versionId: string;
  const cycles: Record<number, string> = {};
  let duties: string[];

  const createCycle = async (year: number) => {
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!, $y: Int!, $s: String!, $d: String!) { createCycle(input: { year: $y, regulationVersionId: $v, startDate: $s, dueDate: $d }) { cycle { id } } }`,
      { v: versionId, y: year, s: `${year}-01-01`, d: `${year}-12-31` },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createCycle.cycle.id;
  };
  const savePlan = async (cycleId: string, ids: [string, string]) => {
    const chapters = await db.query(
      `SELECT c.number AS chapter FROM duty d JOIN regulation_article a ON a.id = d.article_id
         JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.lineage_id = ANY($1) AND d.version_id = $2 ORDER BY array_position($1, d.lineage_id)`,
      [duties, versionId],
    );
    const res = await province.graphql(
      `mutation($i: SaveAssessmentPlanInput!) { saveAssessmentPlan(input: $i) { version } }`,
      {
        i: {
          cycleId,
          expectedVersion: 0,
          chapterWeights: [
            { chapter: chapters[0].chapter, weight: 60 },
            { chapter: chapters[1].chapter, weight: 40 },
          ],
          indicators: [
            {
              id: ids[0],
              name: '指标1',
              chapter: chapters[0].chapter,
              weight: 1,
              dutyIds: [duties[0]],
            },
            {
              id: ids[1],
              name: '指标2',
              chapter: chapters[1].chapter,
              weight: 1,
              dutyIds: [duties[1]],
            },
          ],
          ...STANDARD_PLAN_SETTINGS,
          deductions: { perExtensionBeyondFirst: 0, perReturn: 0 },
        },
      },
    );
    expect(res.errors).toBeUndefined();
  };
  const setStatuses = async (cycleId: string, statuses: Record<string, [string, string]>) => {
    for (const [unit, pair] of Object.entries(statuses)) {
      for (let i = 0; i < 2; i++) {
        await db.query(
          `UPDATE task SET status = $4 WHERE cycle_id = $1 AND unit_code = $2 AND duty_lineage_id = $3`,
          [cycleId, unit, duties[i], pair[i]],
        );
      }
    }
  };
  const close = async (cycleId: string) => {
    const res = await province.graphql(`mutation($c: ID!) { closeCycle(cycleId: $c) { state } }`, {
      c: cycleId,
    });
    expect(res.errors).toBeUndefined();
  };
  const workbook = async (rows: unknown[][], title = true) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('2023年度');
    if (title) {
      sheet.addRow(['2023年度质量工作考核结果']);
      sheet.mergeCells('A1:G1');
    }
    sheet.addRow(['地区', '考核指标', '得分', '排名', '等次', '完成率', '台账']);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const post = async (
    client: SignedInClient,
    path: string,
    body: Buffer,
    params: Record<string, unknown>,
  ) => {
    const query = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    const res = await fetch(`${api.url}/api/assessment/history-import${path}?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': XLSX },
      body,
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const MAPPING = {
    unit: '地区',
    indicator: '考核指标',
    score: '得分',
    rank: '排名',
    grade: '等次',
    completion: '完成率',
    ledger: '台账',
  };
  const historyCount = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM assessment_history_row`))[0].n;

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    province = await api.signIn('province');
    enshi = await api.signIn('enshi-zhou');
    operator = await api.signIn('jiangan-scjg');
    [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    // Two county duties of different chapters.
    const rows: Array<{ lineage: string; chapter: number }> = await db.query(
      `SELECT d.lineage_id AS lineage, c.number AS chapter
         FROM duty d JOIN regulation_article a ON a.id = d.article_id JOIN regulation_chapter c ON c.id = a.chapter_id
        WHERE d.tracked AND d.government_duty AND 'county' = ANY (d.levels) AND d.version_id = $1
        ORDER BY c.number, a.number, d.sequence`,
      [versionId],
    );
    const second = rows.find((r) => r.chapter !== rows[0].chapter)!;
    duties = [rows[0].lineage, second.lineage];

    cycles[2024] = await createCycle(2024);
    await savePlan(cycles[2024], ['A1', 'A2']); // other ids than 2025: matched by name
    await setStatuses(cycles[2024], {
      '420102': ['VERIFIED', 'SUBMITTED'],
      '420103': ['VERIFIED', 'VERIFIED'],
      '422801': ['SUBMITTED', 'NOT_STARTED'],
    });
    await close(cycles[2024]);
    cycles[2025] = await createCycle(2025);
    await savePlan(cycles[2025], ['I1', 'I2']);
    await setStatuses(cycles[2025], {
      '420102': ['VERIFIED', 'VERIFIED'],
      '420103': ['SUBMITTED', 'VERIFIED'],
      '422801': ['VERIFIED', 'SUBMITTED'],
    });
    await close(cycles[2025]);
  });
  afterAll(() => api?.close());

  it('refuses a workbook with several bad rows, naming every one with a stable code, and writes nothing', async () => {
    const body = await workbook([
      ['江案区', '', 85, 2, '良好', '90%', ''], // near miss of 江岸区
      ['恩施州', '', 70, '', '合格', 0.6, ''], // near miss of the prefecture
      ['江汉区', '', 'abc', 1, '优秀', 1, ''],
      ['恩施市', '', 120, 3, '合格', '150%', ''],
      ['江岸区', '指标1', 50, 1.5, '', '', '台账'],
      ['江岸区', '指标1', 50, '', '', '', ''],
      ['', '指标2', 35, '', '', '', ''],
    ]);
    const preview = await post(province, '/preview', body, { year: '2023', fileName: '2023.xlsx' });
    expect(preview.status).toBe(200);
    expect(preview.body.mappingSuggested).toBe(true);
    expect(preview.body.mapping).toEqual(MAPPING);
    expect(preview.body.headerRow).toBe(2);
    const res = await post(province, '', body, {
      year: '2023',
      fileName: '2023年考核结果.xlsx',
      mapping: MAPPING,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', applied: 0 });
    const problems = res.body.problems as Array<{
      row: number;
      code: string;
      suggestions?: Array<{ code: string }>;
    }>;
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'UNIT_UNKNOWN'],
      [4, 'UNIT_UNKNOWN'],
      [5, 'SCORE_INVALID'],
      [6, 'SCORE_OUT_OF_RANGE'],
      [6, 'COMPLETION_INVALID'],
      [7, 'RANK_INVALID'],
      [8, 'DUPLICATE_ROW'],
      [9, 'UNIT_MISSING'],
    ]);
    expect(problems[0].suggestions!.map((s) => s.code)).toContain('420102');
    expect(problems[1].suggestions!.map((s) => s.code)).toContain('422800');
    expect(preview.body.problems).toEqual(problems);
    expect(await historyCount()).toBe(0);
    expect(await db.query(`SELECT * FROM assessment_history_import`)).toEqual([]);
  });

  it('imports 2023 all at once, with a near miss confirmed by the user, marked as imported history', async () => {
    const body = await workbook([
      ['江案区', '', 85, 2, '良好', '90%', '见2023台账'],
      ['江案区', '指标1', 50, '', '', '', ''],
      ['江案区', '指标2', 35, '', '', '', ''],
      ['武汉市江汉区', '', 92, 1, '优秀', 1, ''],
      ['恩施市', '', 70, '', '合格', 0.6, ''],
    ]);
    const refused = await post(enshi, '', body, {
      year: '2023',
      fileName: 'x.xlsx',
      mapping: MAPPING,
    });
    expect(refused.status).toBe(403);
    const res = await post(province, '', body, {
      year: '2023',
      fileName: '2023年考核结果.xlsx',
      mapping: MAPPING,
      unitMatches: { 江案区: '420102' },
    });
    expect(res.status).toBe(200);
    expect(res.body.import).toMatchObject({
      year: 2023,
      sourceFileName: '2023年考核结果.xlsx',
      rowCount: 5,
      unitCount: 3,
      importedBy: 'province',
    });
    expect(
      await db.query(
        `SELECT unit_code, indicator, score::float8 AS score, rank, grade, completion::float8 AS completion, ledger
           FROM assessment_history_row ORDER BY sheet_row`,
      ),
    ).toEqual([
      {
        unit_code: '420102',
        indicator: '',
        score: 85,
        rank: 2,
        grade: '良好',
        completion: 0.9,
        ledger: '见2023台账',
      },
      {
        unit_code: '420102',
        indicator: '指标1',
        score: 50,
        rank: null,
        grade: null,
        completion: null,
        ledger: null,
      },
      {
        unit_code: '420102',
        indicator: '指标2',
        score: 35,
        rank: null,
        grade: null,
        completion: null,
        ledger: null,
      },
      {
        unit_code: '420103',
        indicator: '',
        score: 92,
        rank: 1,
        grade: '优秀',
        completion: 1,
        ledger: null,
      },
      {
        unit_code: '422801',
        indicator: '',
        score: 70,
        rank: null,
        grade: '合格',
        completion: 0.6,
        ledger: null,
      },
    ]);
    // One import per year; a year the system froze is not imported.
    const again = await post(province, '', body, {
      year: '2023',
      fileName: 'again.xlsx',
      mapping: MAPPING,
      unitMatches: { 江案区: '420102' },
    });
    expect(again.body.problems.map((p) => p.code)).toEqual(['YEAR_ALREADY_IMPORTED']);
    const frozenYear = await post(province, '', body, {
      year: '2024',
      fileName: 'x.xlsx',
      mapping: MAPPING,
      unitMatches: { 江案区: '420102' },
    });
    expect(frozenYear.body.problems.map((p) => p.code)).toEqual(['YEAR_HAS_RESULTS']);
    const listed = await province.graphql<{
      assessmentHistoryImports: Array<{ year: number; rowCount: number; unitCount: number }>;
    }>(`{ assessmentHistoryImports { year rowCount unitCount sourceFileName importedBy } }`);
    expect(listed.data!.assessmentHistoryImports).toEqual([
      expect.objectContaining({ year: 2023, rowCount: 5, unitCount: 3 }),
    ]);
    // Imported history is append-only.
    await expect(db.query(`DELETE FROM assessment_history_row`)).rejects.toThrow(/append-only/);
  });

  it('compares a unit across the frozen cycles and the imported year, per indicator', async () => {
    const res = await province.graphql<{ unitYearOverYear: Unit }>(
      `query($c: ID!, $u: String!) { unitYearOverYear(cycleId: $c, unitCode: $u) {
         unitCode periods { year source sourceFileName importedBy }
         points { year source score rank grade completion }
         scoreChange rankChange completionChange previousGrade
         indicators { indicatorId name scoreChange completionChange points { year score marks completion } } } }`,
      { c: cycles[2025], u: '420102' },
    );
    expect(res.errors).toBeUndefined();
    const y = res.data!.unitYearOverYear;
    expect(y.periods).toEqual([
      { year: 2025, source: 'frozen', sourceFileName: null, importedBy: null },
      { year: 2024, source: 'frozen', sourceFileName: null, importedBy: null },
      {
        year: 2023,
        source: 'imported',
        sourceFileName: '2023年考核结果.xlsx',
        importedBy: 'province',
      },
    ]);
    expect(y.points).toEqual([
      { year: 2023, source: 'imported', score: 85, rank: 2, grade: '良好', completion: 0.9 },
      { year: 2024, source: 'frozen', score: 80, rank: 2, grade: '良好', completion: 0.5 },
      { year: 2025, source: 'frozen', score: 100, rank: 1, grade: '优秀', completion: 1 },
    ]);
    expect(y).toMatchObject({
      scoreChange: 20,
      rankChange: 1,
      completionChange: 0.5,
      previousGrade: '良好',
    });
    expect(y.indicators).toEqual([
      {
        indicatorId: 'I1',
        name: '指标1',
        scoreChange: 0,
        completionChange: 0,
        points: [
          { year: 2023, score: 50, marks: null, completion: null },
          { year: 2024, score: 60, marks: 60, completion: 1 },
          { year: 2025, score: 60, marks: 60, completion: 1 },
        ],
      },
      {
        indicatorId: 'I2',
        name: '指标2',
        scoreChange: 20,
        completionChange: 1,
        points: [
          { year: 2023, score: 35, marks: null, completion: null },
          { year: 2024, score: 20, marks: 40, completion: 0 },
          { year: 2025, score: 40, marks: 40, completion: 1 },
        ],
      },
    ]);
    // 2024 against the imported 2023; 恩施市's 2023 rank is computed (third of three).
    const enshiCity = await province.graphql<{ unitYearOverYear: Unit }>(
      `query($c: ID!) { unitYearOverYear(cycleId: $c, unitCode: "422801") { points { year score rank } scoreChange rankChange } }`,
      { c: cycles[2024] },
    );
    expect(enshiCity.data!.unitYearOverYear).toEqual({
      points: [
        { year: 2023, score: 70, rank: 3 },
        { year: 2024, score: 30, rank: 3 },
      ],
      scoreChange: -40,
      rankChange: 0,
    });
  });

  it('lists improvers and decliners with rank and score changes', async () => {
    const res = await province.graphql<{
      assessmentYearOverYear: { year: number; previous: unknown; rows: Row[] };
    }>(
      `query($c: ID!) { assessmentYearOverYear(cycleId: $c, level: "county") {
         year previous { year source } rows { unitCode score previousScore scoreChange rank previousRank rankChange grade previousGrade completionChange } } }`,
      { c: cycles[2025] },
    );
    expect(res.errors).toBeUndefined();
    const t = res.data!.assessmentYearOverYear;
    expect(t.year).toBe(2025);
    expect(t.previous).toEqual({ year: 2024, source: 'frozen' });
    expect(t.rows.slice(0, 2)).toEqual([
      {
        unitCode: '422801',
        score: 80,
        previousScore: 30,
        scoreChange: 50,
        rank: 2,
        previousRank: 3,
        rankChange: 1,
        grade: '良好',
        previousGrade: '不合格',
        completionChange: 0.5,
      },
      {
        unitCode: '420102',
        score: 100,
        previousScore: 80,
        scoreChange: 20,
        rank: 1,
        previousRank: 2,
        rankChange: 1,
        grade: '优秀',
        previousGrade: '良好',
        completionChange: 0.5,
      },
    ]);
    expect(t.rows.at(-1)).toEqual({
      unitCode: '420103',
      score: 70,
      previousScore: 100,
      scoreChange: -30,
      rank: 3,
      previousRank: 1,
      rankChange: -2,
      grade: '合格',
      previousGrade: '优秀',
      completionChange: -0.5,
    });
    // Every other county stayed at 0 (shared rank 4).
    expect(t.rows.slice(2, -1).every((r) => r.scoreChange === 0 && r.rankChange === 0)).toBe(true);
  });

  it('keeps to the jurisdiction: other units are NOT_FOUND or left out', async () => {
    const foreign = await enshi.graphql(
      `query($c: ID!) { unitYearOverYear(cycleId: $c, unitCode: "420102") { unitCode } }`,
      { c: cycles[2025] },
    );
    expect(foreign.errors![0].extensions!.code).toBe('NOT_FOUND');
    const own = await enshi.graphql<{ unitYearOverYear: { scoreChange: number } }>(
      `query($c: ID!) { unitYearOverYear(cycleId: $c, unitCode: "422801") { scoreChange } }`,
      { c: cycles[2025] },
    );
    expect(own.data!.unitYearOverYear.scoreChange).toBe(50);
    const table = await enshi.graphql<{
      assessmentYearOverYear: { rows: Array<{ unitCode: string; parentCode: string | null }> };
    }>(`query($c: ID!) { assessmentYearOverYear(cycleId: $c) { rows { unitCode parentCode } } }`, {
      c: cycles[2025],
    });
    const rows = table.data!.assessmentYearOverYear.rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.unitCode === '422800' || r.parentCode === '422800')).toBe(true);
    const mine = await operator.graphql<{
      assessmentYearOverYear: { rows: Array<{ unitCode: string }> };
    }>(`query($c: ID!) { assessmentYearOverYear(cycleId: $c) { rows { unitCode } } }`, {
      c: cycles[2025],
    });
    expect(mine.data!.assessmentYearOverYear.rows.map((r) => r.unitCode)).toEqual(['420102']);
    const operatorForeign = await operator.graphql(
      `query($c: ID!) { unitYearOverYear(cycleId: $c, unitCode: "422801") { unitCode } }`,
      { c: cycles[2025] },
    );
    expect(operatorForeign.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
