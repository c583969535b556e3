import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

/**
 * One deployment, two provinces (PROVINCES=42,43: 湖北 and 湖南), each running its own cycle on a
 * national regulation. Every reader sees exactly their province's part: the provincial
 * supervisors their own province only, a national supervisor both (or the provinces it is
 * limited to), and nothing of one province reaches the other — tasks, figures, rankings,
 * bulletins, notifications.
 */
describe('several provinces in one deployment', () => {
  let api: TestApi;
  let db: DataSource;
  let hubei: SignedInClient;
  let hunan: SignedInClient;
  let national: SignedInClient;
  let nationalHunan: SignedInClient;
  let changsha: SignedInClient;
  let hubeiCycle: string;
  let hunanCycle: string;

  // Answers are read loosely here: the assertions say what each must hold.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any;
  type Gql = { data?: Record<string, Loose>; errors?: Array<{ extensions?: { code?: string } }> };
  type TaskNode = { id: string; unit: { code: string } };
  const ok = (res: Gql) => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: Gql) => res.errors?.[0]?.extensions?.code;

  const SUMMARY = `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { tasks verified } }`;
  const UNITS = `query($c: ID!, $p: String, $l: String) { unitAnalytics(cycleId: $c, parentCode: $p, level: $l) { unit { code level } tasks withChildren { tasks } } }`;
  const MATRIX = `query($c: ID!) { chapterUnitMatrix(cycleId: $c) { unitCode tasks } }`;
  const TASK_UNITS = `query($c: ID!) { tasks(filter: { cycleId: $c }, first: 200) { totalCount nodes { id unit { code } } } }`;

  /** Opens a cycle as `client`; the raw answer (refusals included). */
  const openCycle = (client: SignedInClient, versionId: string, year: number, province?: string) =>
    client.graphql(`mutation($i: CreateCycleInput!) { createCycle(input: $i) { cycle { id } } }`, {
      i: {
        year,
        regulationVersionId: versionId,
        startDate: `${year}-01-01`,
        dueDate: `${year}-12-31`,
        ...(province ? { provinceCode: province } : {}),
      },
    });
  const createCycle = async (client: SignedInClient, versionId: string) =>
    ok(await openCycle(client, versionId, 2026)).createCycle.cycle.id as string;

  /** An account like a demo one (same password), with another binding. */
  const cloneUser = async (
    from: string,
    username: string,
    binding: { role: string; unit: string | null; scope?: string[]; departmentKind?: string },
  ) => {
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, scope_province_codes, demo_account)
       SELECT $2, $2, password_hash, password_changed_at, false, $3, $4::varchar,
              (SELECT id FROM department WHERE unit_code = $4::varchar AND kind_code = $6),
              $5::varchar[], demo_account
         FROM app_user WHERE username = $1`,
      [
        from,
        username,
        binding.role,
        binding.unit,
        binding.scope ?? null,
        binding.departmentKind ?? null,
      ],
    );
    return api.signIn(username);
  };

  beforeAll(async () => {
    api = await startTestApi({ PROVINCES: '42,43' });
    db = api.server.app.get(DataSource);
    // The shipped text stands in for a national law here: every province may run it.
    await db.query(`UPDATE regulation SET owner_province_code = NULL`);
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    hubei = await api.signIn('province');
    national = await api.signIn('national');
    hunan = await cloneUser('province', 'hunan-sheng', {
      role: 'PROVINCIAL_SUPERVISOR',
      unit: '430000',
    });
    nationalHunan = await cloneUser('national', 'national-hunan', {
      role: 'NATIONAL_SUPERVISOR',
      unit: null,
      scope: ['430000'],
    });
    changsha = await cloneUser('jiangan-scjg', 'furong-scjg', {
      role: 'COUNTY_OPERATOR',
      unit: '430102', // 长沙市芙蓉区
      departmentKind: 'market_regulation',
    });
    hubeiCycle = await createCycle(hubei, versionId);
    hunanCycle = await createCycle(hunan, versionId);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it('loads the configured provinces, each with its units and departments', async () => {
    const rows: Array<{ province: string; units: number; departments: number }> = await db.query(
      `SELECT left(u.code, 2) AS province, count(DISTINCT u.code)::int AS units,
              count(d.id)::int AS departments
         FROM admin_unit u LEFT JOIN department d ON d.unit_code = u.code
        GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => r.province)).toEqual(['42', '43']);
    for (const row of rows) {
      expect(row.units).toBeGreaterThan(100);
      expect(row.departments).toBeGreaterThan(row.units);
    }
  });

  it('generates each cycle for its own province’s units only', async () => {
    const rows: Array<{ cycle: string; provinces: string[] }> = await db.query(
      `SELECT cycle_id AS cycle, array_agg(DISTINCT left(unit_code, 2)) AS provinces
         FROM task GROUP BY cycle_id`,
    );
    const byCycle = new Map(rows.map((r) => [r.cycle, r.provinces]));
    expect(byCycle.get(hubeiCycle)).toEqual(['42']);
    expect(byCycle.get(hunanCycle)).toEqual(['43']);
  });

  it('shows a provincial supervisor its own province, and nothing of the other', async () => {
    const own = ok(await hunan.graphql(TASK_UNITS, { c: hunanCycle })).tasks;
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.nodes.every((t: TaskNode) => t.unit.code.startsWith('43'))).toBe(true);

    // The other province's cycle: its figures are not found, its tasks are not listed.
    expect(code(await hunan.graphql(SUMMARY, { c: hubeiCycle }))).toBe('NOT_FOUND');
    expect(code(await hubei.graphql(SUMMARY, { c: hunanCycle }))).toBe('NOT_FOUND');
    const foreign = await hubei.graphql(TASK_UNITS, { c: hunanCycle });
    expect(code(foreign)).toBe('NOT_FOUND');
    const hunanTask = own.nodes[0].id;
    const lookup = await hubei.graphql(`query($id: ID!) { task(id: $id) { id } }`, {
      id: hunanTask,
    });
    expect(code(lookup)).toBe('NOT_FOUND');

    // Its own figures: the province's prefectures, the province with all its units.
    const units = ok(await hunan.graphql(UNITS, { c: hunanCycle, l: 'prefecture' }))
      .unitAnalytics as Array<{ unit: { code: string } }>;
    expect(units.length).toBeGreaterThan(5);
    expect(units.every((u) => u.unit.code.startsWith('43'))).toBe(true);
    const [root] = ok(await hunan.graphql(UNITS, { c: hunanCycle, l: 'province' })).unitAnalytics;
    const summary = ok(await hunan.graphql(SUMMARY, { c: hunanCycle })).analyticsSummary;
    expect(root.unit.code).toBe('430000');
    expect(root.withChildren.tasks).toBe(summary.tasks);
    expect(
      ok(await hunan.graphql(SUMMARY, { c: hunanCycle, u: '430000' })).analyticsSummary.tasks,
    ).toBe(summary.tasks);
    // Another province's unit is outside, even inside one's own cycle's query.
    expect(code(await hunan.graphql(SUMMARY, { c: hunanCycle, u: '420000' }))).toBe('NOT_FOUND');
  });

  it('shows a national supervisor every province, per province in each cycle', async () => {
    const hubeiFigures = ok(await hubei.graphql(SUMMARY, { c: hubeiCycle })).analyticsSummary;
    const hunanFigures = ok(await hunan.graphql(SUMMARY, { c: hunanCycle })).analyticsSummary;
    expect(ok(await national.graphql(SUMMARY, { c: hubeiCycle })).analyticsSummary).toEqual(
      hubeiFigures,
    );
    expect(ok(await national.graphql(SUMMARY, { c: hunanCycle })).analyticsSummary).toEqual(
      hunanFigures,
    );
    // A provincial cycle reads as that province: its prefectures are the heatmap's columns.
    const cells = ok(await national.graphql(MATRIX, { c: hunanCycle })).chapterUnitMatrix as Array<{
      unitCode: string;
    }>;
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((c) => c.unitCode.slice(0, 2)))).toEqual(new Set(['43']));
    // Read-only: it cannot open a cycle or verify.
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const refused = await openCycle(national, versionId, 2027, '430000');
    expect(code(refused)).toBe('FORBIDDEN');

    // Limited to 湖南: Hubei's cycle is not there for it.
    expect(code(await nationalHunan.graphql(SUMMARY, { c: hubeiCycle }))).toBe('NOT_FOUND');
    expect(ok(await nationalHunan.graphql(SUMMARY, { c: hunanCycle })).analyticsSummary).toEqual(
      hunanFigures,
    );
  });

  it('keeps a provincial supervisor from opening or reading another province’s cycle', async () => {
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await openCycle(hubei, versionId, 2027, '430000');
    expect(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED']).toContain(code(res));
    const cycles = ok(await hubei.graphql(`{ cycles { id } }`)).cycles as Array<{ id: string }>;
    expect(cycles.map((c) => c.id)).toContain(hubeiCycle);
    expect(cycles.map((c) => c.id)).not.toContain(hunanCycle);
  });

  it('answers any operation or download naming another province’s cycle as not found', async () => {
    // Assessment, workbench, GraphQL: the guard answers before the operation runs.
    expect(
      code(
        await hunan.graphql(`query($c: ID!) { assessmentScores(cycleId: $c) { unitCode } }`, {
          c: hubeiCycle,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      code(
        await hunan.graphql(`query($c: ID) { workbench(cycleId: $c) { cycleId } }`, {
          c: hubeiCycle,
        }),
      ),
    ).toBe('NOT_FOUND');
    // Its own cycle is there; without a cycle the workbench picks one of its own province.
    const own = ok(await hunan.graphql(`{ workbench { cycleId } }`)).workbench;
    expect(own.cycleId).toBe(hunanCycle);
    // Downloads check the same.
    const ranking = await fetch(
      `${api.url}/api/assessment/ranking.xlsx?cycleId=${hubeiCycle}&level=county`,
      { headers: { authorization: `Bearer ${hunan.token}` } },
    );
    expect(ranking.status).toBe(404);
    expect(((await ranking.json()) as { code: string }).code).toBe('NOT_FOUND');
    const mine = await fetch(
      `${api.url}/api/assessment/ranking.xlsx?cycleId=${hunanCycle}&level=county`,
      { headers: { authorization: `Bearer ${hunan.token}` } },
    );
    expect(mine.status).toBe(200);
  });

  it('tells the province’s supervisors of a submission, never the other province’s', async () => {
    const [task] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '430102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 1`,
      [hunanCycle],
    );
    // The operator of 芙蓉区 sees their task and no Hubei one.
    const mine = ok(await changsha.graphql(TASK_UNITS, { c: hunanCycle })).tasks;
    expect(mine.nodes.map((t: TaskNode) => t.id)).toContain(task.id);
    expect(code(await changsha.graphql(TASK_UNITS, { c: hubeiCycle }))).toBe('NOT_FOUND');

    // A notification meant for "the supervisors of 芙蓉区" reaches 湖南's, not 湖北's.
    await db.query(`DELETE FROM notification`);
    const { NotificationService } = await import('../../notification/notification.service');
    const notifications = api.server.app.get(NotificationService);
    await db.transaction((manager) =>
      notifications.notify(manager, [
        {
          kind: 'OVERDUE',
          recipients: { supervisorsOf: ['430102'] },
          title: '测试',
          body: '测试',
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: '430102',
        },
      ]),
    );
    const recipients: Array<{ recipient_username: string }> = await db.query(
      `SELECT recipient_username FROM notification ORDER BY 1`,
    );
    const names = recipients.map((r) => r.recipient_username);
    expect(names).toContain('hunan-sheng');
    expect(names).not.toContain('province');
  });
});
