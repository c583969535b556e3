import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { GraphQLResponse, SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { ANALYTICS_BENCH_QUERIES } from '../bench-queries';

const FIGURES = `tasks verified submitted inProgress notStarted returned overdue evidenceCount completionRate submissionRate`;
const SUMMARY = `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { ${FIGURES} unitsBehindSchedule daysLeft elapsedFraction } }`;
const UNITS = `query($c: ID!, $p: String, $l: String) { unitAnalytics(cycleId: $c, parentCode: $p, level: $l) { unit { code name level parentCode } ${FIGURES} withChildren { ${FIGURES} } } }`;
const BREAKDOWN = `query($c: ID!, $by: AnalyticsDimension!, $u: String) { analyticsBreakdown(cycleId: $c, by: $by, unitCode: $u) { key label tasks verified submitted overdue evidenceCount completionRate submissionRate } }`;
const MATRIX = `query($c: ID!, $p: String) { chapterUnitMatrix(cycleId: $c, parentCode: $p) { chapter unitCode unitName tasks verified completionRate } }`;
const TREND = `query($c: ID!, $u: String) { completionTrend(cycleId: $c, unitCode: $u) { date verified tasks completionRate } }`;
const BEHIND = `query($c: ID!, $t: Float, $a: String, $l: String) { behindSchedule(cycleId: $c, threshold: $t, asOf: $a, level: $l) { unit { code } tasks verified completionRate expected gap } }`;
const RANKING = `query($c: ID!, $l: String!, $n: Int) { analyticsRanking(cycleId: $c, level: $l, top: $n) { top { unit { code } tasks verified completionRate } bottom { unit { code } tasks completionRate } } }`;

type Figures = {
  tasks: number;
  verified: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  returned: number;
  overdue: number;
  evidenceCount: number;
  completionRate: number;
  submissionRate: number;
};
type Summary = Figures & { unitsBehindSchedule: number; daysLeft: number; elapsedFraction: number };
type UnitRow = Figures & {
  unit: { code: string; name: string; level: string; parentCode: string | null };
  withChildren: Figures | null;
};
type Breakdown = Pick<
  Figures,
  'tasks' | 'verified' | 'submitted' | 'overdue' | 'evidenceCount' | 'completionRate'
> & { key: string; label: string };
type Cell = {
  chapter: number;
  unitCode: string;
  unitName: string;
  tasks: number;
  verified: number;
  completionRate: number;
};
type Point = { date: string; verified: number; tasks: number; completionRate: number };
type Behind = {
  unit: { code: string };
  tasks: number;
  verified: number;
  completionRate: number;
  expected: number;
  gap: number;
};

/** The unit the fixture tasks are in: 恩施市, a county of 恩施州 (422800). */
const COUNTY = '422801';
const PREFECTURE = '422800';

describe('analytics (GraphQL over HTTP, real database)', () => {
  // 2026-03-02 10:00 in Asia/Shanghai: day 60 of a 100-day cycle (2026-01-01 … 2026-04-11).
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;
  let enshiZhou: SignedInClient;
  let jiangan: SignedInClient;
  let auditor: SignedInClient;
  let sysadmin: SignedInClient;
  let cycleId: string;
  /** The ten tasks left in 422801, by letter. */
  const task: Record<string, string> = {};

  const data = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };
  const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params))[0].n);
  const summary = async (client: SignedInClient, u?: string) =>
    data(await client.graphql<{ analyticsSummary: Summary }>(SUMMARY, { c: cycleId, u }))
      .analyticsSummary;

  /** A status change in the history, at a Shanghai wall-clock time. */
  const status = (letter: string, from: string, to: string, at: string) =>
    db.query(
      `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
       SELECT t.id, t.unit_code, t.cycle_id, $2::timestamptz, 'fixture', 'status',
              jsonb_build_object('status', $3::text), jsonb_build_object('status', $4::text)
         FROM task t WHERE t.id = $1`,
      [task[letter], `${at}+08`, from, to],
    );
  const setTask = (letter: string, state: string, dueDate?: string) =>
    db.query(
      `UPDATE task SET status = $2::text, due_date = COALESCE($3::date, due_date),
              completed_at = CASE WHEN $2::text = 'VERIFIED' THEN now() END WHERE id = $1`,
      [task[letter], state, dueDate ?? null],
    );
  const evidence = (letter: string, extra: { withdrawn?: boolean; supersededBy?: string } = {}) =>
    db.query(
      `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, superseded_by_id, sha256, size,
              file_type, mime_type, original_name, uploaded_by, withdrawn_at, withdrawn_by, withdraw_reason)
       SELECT t.id, t.unit_code, t.cycle_id, gen_random_uuid(), 1, $2::uuid, repeat('a', 64), 10, 'pdf',
              'application/pdf', '材料.pdf', 'fixture',
              CASE WHEN $3::boolean THEN now() END, CASE WHEN $3::boolean THEN 'fixture' END,
              CASE WHEN $3::boolean THEN '撤回' END
         FROM task t WHERE t.id = $1 RETURNING id`,
      [task[letter], extra.supersededBy ?? null, extra.withdrawn ?? false],
    );

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    [province, enshiZhou, jiangan, auditor, sysadmin] = await Promise.all(
      ['province', 'enshi-zhou', 'jiangan-scjg', 'auditor', 'sysadmin'].map((u) => api.signIn(u)),
    );
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($input: CreateCycleInput!) { createCycle(input: $input) { cycle { id } } }`,
      {
        input: {
          year: 2026,
          regulationVersionId: versionId,
          startDate: '2026-01-01',
          dueDate: '2026-04-11',
        },
      },
    );
    cycleId = data(created).createCycle.cycle.id;

    // Keep ten tasks in 恩施市 (the others are retired) and give them a known story.
    const kept: Array<{ id: string }> = await db.query(
      `SELECT id FROM task WHERE cycle_id = $1 AND unit_code = $2 ORDER BY id LIMIT 10`,
      [cycleId, COUNTY],
    );
    expect(kept).toHaveLength(10);
    'ABCDEFGHIJ'.split('').forEach((letter, i) => (task[letter] = kept[i].id));
    await db.query(
      `UPDATE task SET retired_at = now() WHERE cycle_id = $1 AND unit_code = $2 AND NOT (id = ANY ($3::uuid[]))`,
      [cycleId, COUNTY, kept.map((k) => k.id)],
    );
    // A: verified on 01-10, reopened on 01-20.
    await status('A', 'NOT_STARTED', 'IN_PROGRESS', '2026-01-05 09:00');
    await status('A', 'IN_PROGRESS', 'SUBMITTED', '2026-01-08 09:00');
    await status('A', 'SUBMITTED', 'VERIFIED', '2026-01-10 10:00');
    await status('A', 'VERIFIED', 'IN_PROGRESS', '2026-01-20 10:00');
    await setTask('A', 'IN_PROGRESS');
    // B: verified on 01-15 (submitted and verified the same day: only the end of day counts).
    await status('B', 'NOT_STARTED', 'IN_PROGRESS', '2026-01-06 09:00');
    await status('B', 'IN_PROGRESS', 'SUBMITTED', '2026-01-15 09:00');
    await status('B', 'SUBMITTED', 'VERIFIED', '2026-01-15 17:00');
    await setTask('B', 'VERIFIED');
    // C: verified late on 02-01; D: just after midnight of 02-02 (still 02-01 in UTC).
    await status('C', 'SUBMITTED', 'VERIFIED', '2026-02-01 23:30');
    await setTask('C', 'VERIFIED');
    await status('D', 'SUBMITTED', 'VERIFIED', '2026-02-02 00:30');
    await setTask('D', 'VERIFIED');
    // E: submitted. F: returned, overdue. G: in progress, overdue. H: due today (not overdue).
    await status('E', 'IN_PROGRESS', 'SUBMITTED', '2026-02-10 09:00');
    await setTask('E', 'SUBMITTED');
    await status('F', 'IN_PROGRESS', 'SUBMITTED', '2026-02-05 09:00');
    await status('F', 'SUBMITTED', 'RETURNED', '2026-02-08 09:00');
    await setTask('F', 'RETURNED', '2026-02-28');
    await status('G', 'NOT_STARTED', 'IN_PROGRESS', '2026-01-03 09:00');
    await setTask('G', 'IN_PROGRESS', '2026-03-01');
    await setTask('H', 'NOT_STARTED', '2026-03-02');
    // J: submitted after its due date: submitted is not overdue.
    await status('J', 'IN_PROGRESS', 'SUBMITTED', '2026-02-20 09:00');
    await setTask('J', 'SUBMITTED', '2026-02-01');
    // Evidence: B has a current file that superseded an older one and a withdrawn one; E one file.
    const [{ id: current }] = await evidence('B');
    await evidence('B', { supersededBy: current });
    await evidence('B', { withdrawn: true });
    await evidence('E');
  });
  afterAll(() => api?.close());

  it('sums a unit exactly: counters, rates, overdue, evidence, schedule', async () => {
    expect(await summary(province, COUNTY)).toEqual({
      tasks: 10,
      verified: 3,
      submitted: 2,
      inProgress: 2,
      notStarted: 2,
      returned: 1,
      overdue: 2,
      evidenceCount: 2,
      completionRate: 0.3,
      submissionRate: 0.5,
      // 0.3 < 0.7 × 0.6
      unitsBehindSchedule: 1,
      daysLeft: 40,
      elapsedFraction: 0.6,
    });
  });

  it('sums the whole province and a prefecture with its units', async () => {
    const total = await count(
      `SELECT count(*) AS n FROM task WHERE cycle_id = $1 AND retired_at IS NULL`,
      [cycleId],
    );
    const unitsWithTasks = await count(
      `SELECT count(DISTINCT unit_code) AS n FROM task WHERE cycle_id = $1 AND retired_at IS NULL`,
      [cycleId],
    );
    const all = await summary(province);
    expect(all).toMatchObject({
      tasks: total,
      verified: 3,
      submitted: 2,
      inProgress: 2,
      returned: 1,
      notStarted: total - 8,
      overdue: 2,
      evidenceCount: 2,
      completionRate: Number((3 / total).toFixed(4)),
      submissionRate: Number((5 / total).toFixed(4)),
      unitsBehindSchedule: unitsWithTasks,
      daysLeft: 40,
      elapsedFraction: 0.6,
    });
    expect(await summary(auditor)).toEqual(all);

    const enshi = await count(
      `SELECT count(*) AS n FROM task t JOIN admin_unit u ON u.code = t.unit_code
        WHERE t.cycle_id = $1 AND t.retired_at IS NULL AND (u.code = $2 OR u.parent_code = $2)`,
      [cycleId, PREFECTURE],
    );
    const prefecture = await summary(province, PREFECTURE);
    expect(prefecture).toMatchObject({ tasks: enshi, verified: 3, evidenceCount: 2 });
    // The prefecture supervisor's whole jurisdiction is the same.
    expect(await summary(enshiZhou)).toEqual(prefecture);
    expect(await summary(enshiZhou, PREFECTURE)).toEqual(prefecture);
  });

  it('keeps a prefecture supervisor inside the prefecture', async () => {
    expect(code(await enshiZhou.graphql(SUMMARY, { c: cycleId, u: '420102' }))).toBe('NOT_FOUND');
    expect(code(await enshiZhou.graphql(UNITS, { c: cycleId, p: '420100' }))).toBe('NOT_FOUND');
    expect(code(await enshiZhou.graphql(MATRIX, { c: cycleId, p: '420100' }))).toBe('NOT_FOUND');
    expect(
      code(await enshiZhou.graphql(BREAKDOWN, { c: cycleId, by: 'CHAPTER', u: '420102' })),
    ).toBe('NOT_FOUND');
    expect(code(await enshiZhou.graphql(TREND, { c: cycleId, u: '420102' }))).toBe('NOT_FOUND');

    const rows = data(
      await enshiZhou.graphql<{ unitAnalytics: UnitRow[] }>(UNITS, { c: cycleId }),
    ).unitAnalytics;
    const codes = rows.map((r) => r.unit.code);
    expect(codes[0]).toBe(PREFECTURE);
    expect(codes).toEqual([...codes].sort());
    expect(codes.every((c) => c.startsWith('4228'))).toBe(true);
    const units = await count(
      `SELECT count(*) AS n FROM admin_unit WHERE code = $1 OR parent_code = $1`,
      [PREFECTURE],
    );
    expect(rows).toHaveLength(units);
    const pref = rows[0];
    expect(pref.withChildren).toMatchObject({
      tasks: (await summary(enshiZhou)).tasks,
      verified: 3,
    });
    expect(pref.verified).toBe(0);
    expect(rows.find((r) => r.unit.code === COUNTY)).toMatchObject({
      tasks: 10,
      verified: 3,
      completionRate: 0.3,
      withChildren: null,
    });
    const behind = data(
      await enshiZhou.graphql<{ behindSchedule: Behind[] }>(BEHIND, { c: cycleId }),
    ).behindSchedule;
    expect(behind.every((b) => b.unit.code.startsWith('4228'))).toBe(true);
    const ranking = data(
      await enshiZhou.graphql<{ analyticsRanking: { top: UnitRow[] } }>(RANKING, {
        c: cycleId,
        l: 'county',
        n: 50,
      }),
    ).analyticsRanking;
    expect(ranking.top[0].unit.code).toBe(COUNTY);
    expect(ranking.top.every((r) => r.unit.code.startsWith('4228'))).toBe(true);
  });

  it('shows a county operator only their unit and their department’s tasks', async () => {
    const expected = await count(
      `SELECT count(*) AS n FROM task t JOIN department d ON d.id = t.lead_department_id OR d.id IN
         (SELECT a.department_id FROM task_assist a WHERE a.task_id = t.id)
        WHERE t.cycle_id = $1 AND t.retired_at IS NULL AND t.unit_code = '420102'
          AND d.unit_code = '420102' AND d.kind_code = 'market_regulation'`,
      [cycleId],
    );
    const all = await count(
      `SELECT count(*) AS n FROM task WHERE cycle_id = $1 AND retired_at IS NULL AND unit_code = '420102'`,
      [cycleId],
    );
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);
    expect(await summary(jiangan)).toMatchObject({ tasks: expected, verified: 0 });
    expect(await summary(jiangan, '420102')).toMatchObject({ tasks: expected });
    expect(code(await jiangan.graphql(SUMMARY, { c: cycleId, u: COUNTY }))).toBe('NOT_FOUND');
    expect(code(await jiangan.graphql(SUMMARY, { c: cycleId, u: '420100' }))).toBe('NOT_FOUND');
    const rows = data(
      await jiangan.graphql<{ unitAnalytics: UnitRow[] }>(UNITS, { c: cycleId }),
    ).unitAnalytics;
    expect(rows.map((r) => r.unit.code)).toEqual(['420102']);
    expect(rows[0].tasks).toBe(expected);
    const cells = data(
      await jiangan.graphql<{ chapterUnitMatrix: Cell[] }>(MATRIX, { c: cycleId }),
    ).chapterUnitMatrix;
    expect(new Set(cells.map((c) => c.unitCode))).toEqual(new Set(['420102']));
    expect(cells.reduce((s, c) => s + c.tasks, 0)).toBe(expected);
    const trend = data(
      await jiangan.graphql<{ completionTrend: Point[] }>(TREND, { c: cycleId }),
    ).completionTrend;
    expect(trend.every((p) => p.tasks === expected && p.verified === 0)).toBe(true);
  });

  it('refuses roles without business data and unknown cycles', async () => {
    expect(code(await sysadmin.graphql(SUMMARY, { c: cycleId }))).toBe('FORBIDDEN');
    expect(code(await api.graphql(SUMMARY, { c: cycleId }))).toBe('UNAUTHENTICATED');
    expect(
      code(await province.graphql(SUMMARY, { c: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('NOT_FOUND');
    expect(code(await province.graphql(SUMMARY, { c: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect(code(await province.graphql(SUMMARY, { c: cycleId, u: '999999' }))).toBe('NOT_FOUND');
  });

  it('breaks down by chapter, article and department kind, summing to the summary', async () => {
    for (const [client, u] of [
      [province, undefined],
      [province, PREFECTURE],
      [enshiZhou, undefined],
      [jiangan, undefined],
    ] as const) {
      const total = await summary(client, u);
      for (const by of ['CHAPTER', 'ARTICLE', 'DEPARTMENT_KIND']) {
        const rows = data(
          await client.graphql<{ analyticsBreakdown: Breakdown[] }>(BREAKDOWN, {
            c: cycleId,
            by,
            u,
          }),
        ).analyticsBreakdown;
        expect(rows.length).toBeGreaterThan(0);
        const sum = (k: keyof Breakdown) => rows.reduce((s, r) => s + Number(r[k]), 0);
        expect({
          tasks: sum('tasks'),
          verified: sum('verified'),
          submitted: sum('submitted'),
          overdue: sum('overdue'),
          evidenceCount: sum('evidenceCount'),
        }).toEqual({
          tasks: total.tasks,
          verified: total.verified,
          submitted: total.submitted,
          overdue: total.overdue,
          evidenceCount: total.evidenceCount,
        });
        expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
      }
    }
    const chapters = data(
      await province.graphql<{ analyticsBreakdown: Breakdown[] }>(BREAKDOWN, {
        c: cycleId,
        by: 'CHAPTER',
      }),
    ).analyticsBreakdown;
    expect(chapters.map((c) => Number(c.key))).toEqual(
      chapters.map((c) => Number(c.key)).sort((a, b) => a - b),
    );
    expect(chapters[0].label).toBe('总则');
    const articles = data(
      await province.graphql<{ analyticsBreakdown: Breakdown[] }>(BREAKDOWN, {
        c: cycleId,
        by: 'ARTICLE',
      }),
    ).analyticsBreakdown;
    const forty = articles.find((a) => a.key === '40');
    if (forty) expect(forty.label).toBe('第四十条');
    expect(articles.every((a) => /^第[一二三四五六七八九十]+条$/.test(a.label))).toBe(true);
    const kinds = data(
      await province.graphql<{ analyticsBreakdown: Breakdown[] }>(BREAKDOWN, {
        c: cycleId,
        by: 'DEPARTMENT_KIND',
      }),
    ).analyticsBreakdown;
    expect(kinds.find((k) => k.key === 'market_regulation')?.label).toBe('市场监督管理');
  });

  it('fills the chapter × unit matrix, each prefecture including its units', async () => {
    const cells = data(
      await province.graphql<{ chapterUnitMatrix: Cell[] }>(MATRIX, { c: cycleId }),
    ).chapterUnitMatrix;
    const units = data(
      await province.graphql<{ unitAnalytics: UnitRow[] }>(UNITS, { c: cycleId }),
    ).unitAnalytics;
    const columns = units.filter((u) => u.unit.parentCode === '420000');
    expect(columns.length).toBe(17); // 13 prefectures and 4 directly-administered units
    expect(new Set(cells.map((c) => c.unitCode))).toEqual(new Set(columns.map((c) => c.unit.code)));
    const chapters = new Set(cells.map((c) => c.chapter));
    expect(cells).toHaveLength(chapters.size * columns.length);
    for (const column of columns) {
      const mine = cells.filter((c) => c.unitCode === column.unit.code);
      const expected = column.withChildren ?? column;
      expect(mine.reduce((s, c) => s + c.tasks, 0)).toBe(expected.tasks);
      expect(mine.reduce((s, c) => s + c.verified, 0)).toBe(expected.verified);
    }
    const provinceOwn = units.find((u) => u.unit.code === '420000')!.tasks;
    expect(cells.reduce((s, c) => s + c.tasks, 0)).toBe(
      (await summary(province)).tasks - provinceOwn,
    );

    const enshi = data(
      await enshiZhou.graphql<{ chapterUnitMatrix: Cell[] }>(MATRIX, { c: cycleId }),
    ).chapterUnitMatrix;
    expect(enshi.every((c) => c.unitCode.startsWith('4228') && c.unitCode !== PREFECTURE)).toBe(
      true,
    );
    const county = enshi.filter((c) => c.unitCode === COUNTY);
    expect(county.reduce((s, c) => s + c.tasks, 0)).toBe(10);
    expect(county.reduce((s, c) => s + c.verified, 0)).toBe(3);
    const byParent = data(
      await province.graphql<{ chapterUnitMatrix: Cell[] }>(MATRIX, { c: cycleId, p: PREFECTURE }),
    ).chapterUnitMatrix;
    expect(byParent).toEqual(enshi);
  });

  it('flags units behind schedule strictly below threshold × elapsed', async () => {
    const behind = async (t: number, a: string) =>
      data(
        await province.graphql<{ behindSchedule: Behind[] }>(BEHIND, {
          c: cycleId,
          t,
          a,
          l: 'county',
        }),
      ).behindSchedule.find((b) => b.unit.code === COUNTY);
    // 2026-03-02: elapsed 60/100; 0.5 × 0.6 = 0.3 = completion: on schedule.
    expect(await behind(0.5, '2026-03-02')).toBeUndefined();
    // One day later: expected 0.305 > 0.3.
    expect(await behind(0.5, '2026-03-03')).toEqual({
      unit: { code: COUNTY },
      tasks: 10,
      verified: 3,
      completionRate: 0.3,
      expected: 0.305,
      gap: 0.005,
    });
    // Before the start nothing is expected; after the due date the whole threshold is.
    expect(await behind(1, '2025-12-01')).toBeUndefined();
    expect(await behind(0.3, '2026-12-31')).toBeUndefined();
    expect((await behind(0.31, '2026-12-31'))?.expected).toBe(0.31);
    // Default threshold 0.7 and today: 0.42 > 0.3.
    const rows = data(
      await province.graphql<{ behindSchedule: Behind[] }>(BEHIND, { c: cycleId }),
    ).behindSchedule;
    expect(rows.find((b) => b.unit.code === COUNTY)).toMatchObject({ expected: 0.42, gap: 0.12 });
    expect(rows.length).toBe((await summary(province)).unitsBehindSchedule);
    expect(rows[rows.length - 1].unit.code).toBe(COUNTY); // smallest gap last

    for (const t of [0, -0.5, 1.01]) {
      const res = await province.graphql(BEHIND, { c: cycleId, t });
      expect(code(res)).toBe('VALIDATION_FAILED');
      expect(res.errors?.[0]?.message).toMatch(/阈值/);
    }
    expect(code(await province.graphql(BEHIND, { c: cycleId, a: '2026-02-30' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(await province.graphql(BEHIND, { c: cycleId, l: 'city' }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('ranks units of one level by completion, ties by code', async () => {
    const res = data(
      await province.graphql<{
        analyticsRanking: { top: UnitRow[]; bottom: UnitRow[] };
      }>(RANKING, { c: cycleId, l: 'county', n: 3 }),
    ).analyticsRanking;
    expect(res.top.map((r) => r.unit.code)[0]).toBe(COUNTY);
    expect(res.top[0]).toMatchObject({ completionRate: 0.3, tasks: 10, verified: 3 });
    const counties: Array<{ code: string }> = await db.query(
      `SELECT DISTINCT u.code FROM admin_unit u JOIN task t ON t.unit_code = u.code
        WHERE u.level = 'county' AND t.cycle_id = $1 AND t.retired_at IS NULL ORDER BY u.code`,
      [cycleId],
    );
    const zeros = counties.map((c) => c.code).filter((c) => c !== COUNTY);
    expect(res.top.slice(1).map((r) => r.unit.code)).toEqual(zeros.slice(0, 2));
    expect(res.bottom.map((r) => r.unit.code)).toEqual(zeros.slice(0, 3));
    // Directly-administered units rank with the counties.
    expect(counties.map((c) => c.code)).toContain('429004');

    const prefectures = data(
      await province.graphql<{ analyticsRanking: { top: UnitRow[] } }>(RANKING, {
        c: cycleId,
        l: 'PREFECTURE',
      }),
    ).analyticsRanking;
    expect(prefectures.top).toHaveLength(10);
    expect(code(await province.graphql(RANKING, { c: cycleId, l: 'county', n: 51 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code(await province.graphql(RANKING, { c: cycleId, l: 'county', n: 0 }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('answers each query with one SQL statement', async () => {
    // Counted at the driver: statements sent through TypeORM and prepared ones alike.
    const runner = PgClient.prototype;
    const queries: Array<[string, Record<string, unknown>]> = [
      [SUMMARY, { c: cycleId }],
      [UNITS, { c: cycleId }],
      [BREAKDOWN, { c: cycleId, by: 'CHAPTER' }],
      [MATRIX, { c: cycleId }],
      [TREND, { c: cycleId }],
      [BEHIND, { c: cycleId }],
      [RANKING, { c: cycleId, l: 'county' }],
    ];
    for (const [query, variables] of queries) {
      // Once first: the cycle's province is looked up once per process (access/cycle-provinces).
      data(await province.graphql(query, variables));
      const spy = jest.spyOn(runner, 'query');
      try {
        data(await province.graphql(query, variables));
        // Not counted: the session lookup, the database supervisor's periodic `SELECT 1`
        // probe, which may fall into the request's time, and the plan mode set and reset
        // around the statement (database/prepared-query.ts), which read nothing.
        const text = (q: unknown) =>
          typeof q === 'string' ? q : String((q as { text?: unknown })?.text ?? '');
        const planMode = spy.mock.calls.filter(([q]) =>
          /^(SET|RESET) plan_cache_mode/.test(text(q)),
        );
        const statements = spy.mock.calls.filter(
          ([q]) =>
            !/user_session/.test(text(q)) &&
            text(q).trim() !== 'SELECT 1' &&
            !/^(SET|RESET) plan_cache_mode/.test(text(q)),
        );
        expect(statements).toHaveLength(1);
        expect(planMode.map(([q]) => text(q))).toEqual([
          'SET plan_cache_mode = force_generic_plan',
          'RESET plan_cache_mode',
        ]);
      } finally {
        spy.mockRestore();
      }
    }
  });

  it('provides benchmark SQL computing the same figures as the GraphQL operations', async () => {
    const ctx = { cycleId, prefectureCode: PREFECTURE, countyCode: COUNTY, today: '2026-03-02' };
    for (const q of ANALYTICS_BENCH_QUERIES) {
      const rows: Array<Record<string, unknown>> = await db.query(q.sql, q.sqlParams(ctx));
      expect(rows.length).toBeGreaterThan(0);
      const res = await province.graphql<Record<string, unknown>>(q.graphql, q.variables(ctx));
      expect(res.errors).toBeUndefined();
    }
    const summarySql = ANALYTICS_BENCH_QUERIES.find((q) => q.name === 'analyticsSummary')!;
    const [row] = await db.query(summarySql.sql, summarySql.sqlParams(ctx));
    const all = await summary(province);
    expect({ tasks: row.tasks, verified: row.verified, overdue: row.overdue }).toEqual({
      tasks: all.tasks,
      verified: all.verified,
      overdue: all.overdue,
    });
    const trendSql = ANALYTICS_BENCH_QUERIES.find((q) => q.name === 'completionTrend(county)')!;
    const points = await db.query(trendSql.sql, trendSql.sqlParams(ctx));
    expect(points.map((p: { date: string; verified: number }) => [p.date, p.verified])).toEqual(
      data(
        await province.graphql<{ completionTrend: Point[] }>(TREND, { c: cycleId, u: COUNTY }),
      ).completionTrend.map((p) => [p.date, p.verified]),
    );
  });

  it('reconstructs the daily trend from the history, unchanged by later changes', async () => {
    const trend = async () =>
      data(await province.graphql<{ completionTrend: Point[] }>(TREND, { c: cycleId, u: COUNTY }))
        .completionTrend;
    const at = (points: Point[], date: string) => points.find((p) => p.date === date)?.verified;
    const before = await trend();
    expect(before).toHaveLength(61); // 2026-01-01 … 2026-03-02 (today)
    expect(before[0].date).toBe('2026-01-01');
    expect(before[60]).toEqual({ date: '2026-03-02', verified: 3, tasks: 10, completionRate: 0.3 });
    expect(before.every((p) => p.tasks === 10)).toBe(true);
    const expected: Record<string, number> = {
      '2026-01-09': 0,
      '2026-01-10': 1, // A verified
      '2026-01-14': 1,
      '2026-01-15': 2, // B verified (submitted the same morning)
      '2026-01-19': 2,
      '2026-01-20': 1, // A reopened
      '2026-01-31': 1,
      '2026-02-01': 2, // C at 23:30
      '2026-02-02': 3, // D at 00:30 (Asia/Shanghai)
      '2026-03-01': 3,
    };
    for (const [date, verified] of Object.entries(expected)) {
      expect([date, at(before, date)]).toEqual([date, verified]);
    }
    expect(before.find((p) => p.date === '2026-01-15')?.completionRate).toBe(0.2);

    // B is reopened today and A is verified again: the past does not change.
    await status('B', 'VERIFIED', 'IN_PROGRESS', '2026-03-02 09:00');
    await setTask('B', 'IN_PROGRESS');
    await status('A', 'IN_PROGRESS', 'SUBMITTED', '2026-03-02 08:00');
    await status('A', 'SUBMITTED', 'VERIFIED', '2026-03-02 09:30');
    await setTask('A', 'VERIFIED');
    const after = await trend();
    expect(after.slice(0, 60)).toEqual(before.slice(0, 60));
    expect(after[60]).toMatchObject({ date: '2026-03-02', verified: 3 }); // C, D, A
    expect((await summary(province, COUNTY)).verified).toBe(3);

    // After the due date the trend stops at the due date.
    clock.set(new Date('2026-05-01T02:00:00Z'));
    try {
      const later = await api.signIn('province');
      const points = data(
        await later.graphql<{ completionTrend: Point[] }>(TREND, { c: cycleId, u: COUNTY }),
      ).completionTrend;
      expect(points).toHaveLength(101);
      expect(points[100].date).toBe('2026-04-11');
      expect(await summary(later, COUNTY)).toMatchObject({ daysLeft: 0, elapsedFraction: 1 });
    } finally {
      clock.set(new Date('2026-03-02T02:00:00Z'));
    }
  });
});
