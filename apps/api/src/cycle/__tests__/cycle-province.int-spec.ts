import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SEED_TEXT } from '../../regulation/__tests__/regulation-text-builder';
import { MUNICIPAL } from '../../regulation/__tests__/national-law-texts';
import { GraphQLResponse, SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

/**
 * Issue 20, point 1: one deployment holding two provinces (湖北 and 湖南). Cycles are per
 * province (their tasks only for the province's units, the year unique per province); a
 * regulation is national or one province's; who sees which follows the jurisdiction.
 */
const IMPORT = `mutation($input: ImportRegulationInput!) {
  importRegulationVersion(input: $input) { version { id } } }`;
const CREATE = `mutation($input: CreateCycleInput!) {
  createCycle(input: $input) { cycle { id provinceCode province { code name level } } generation { created total } } }`;
const CYCLES = `{ cycles { id provinceCode } }`;
const CYCLE = `query($id: ID!) { cycle(id: $id) { id provinceCode } }`;
const REGULATIONS = `{ regulations { code ownerProvinceCode ownerProvince { code name } openCycleCount } }`;

type Created = {
  createCycle: {
    cycle: {
      id: string;
      provinceCode: string;
      province: { code: string; name: string; level: string };
    };
    generation: { created: number; total: number };
  };
};

function ok<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

describe('cycles per province, regulations national or owned by one province', () => {
  let api: TestApi;
  let db: DataSource;
  let sysadmin: SignedInClient;
  let hubei: SignedInClient;
  let hunan: SignedInClient;
  let hunanCounty: SignedInClient;
  let national: SignedInClient;
  let nationalVersion: string;
  let hubeiVersion: string;
  let hubeiCycle: string;
  let hunanCycle: string;

  const cycleInput = (regulationVersionId: string, extra: Record<string, unknown> = {}) => ({
    input: {
      year: 2026,
      regulationVersionId,
      startDate: '2026-01-01',
      dueDate: '2026-12-31',
      ...extra,
    },
  });

  beforeAll(async () => {
    api = await startTestApi({ PROVINCES: '42,43' });
    db = api.server.app.get(DataSource);
    // A provincial supervisor of 湖南省 and an operator of 长沙市芙蓉区 (same passwords as the demo ones).
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, demo_account)
       SELECT 'hunan-province', '湖南省督导（测试）', password_hash, password_changed_at, false,
              role, '430000', NULL, demo_account
         FROM app_user WHERE username = 'province'`,
    );
    await db.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, must_change_password,
                             role, unit_code, department_id, demo_account)
       SELECT 'furong-scjg', '芙蓉区经办人（测试）', password_hash, password_changed_at, false, role, '430102',
              (SELECT id FROM department WHERE unit_code = '430102' AND kind_code = 'market_regulation'),
              demo_account
         FROM app_user WHERE username = 'jiangan-scjg'`,
    );
    [sysadmin, hubei, hunan, hunanCounty, national] = await Promise.all(
      ['sysadmin', 'province', 'hunan-province', 'furong-scjg', 'national'].map((u) =>
        api.signIn(u),
      ),
    );
    // A national text (the shipped draft's duties under another code), imported by the
    // system administrator without an owner: 全国通用.
    const imported = ok(
      await sysadmin.graphql<{ importRegulationVersion: { version: { id: string } } }>(IMPORT, {
        input: { code: 'national-quality-test', text: SEED_TEXT, status: 'ENACTED' },
      }),
    );
    nationalVersion = imported.importRegulationVersion.version.id;
    [{ id: hubeiVersion }] = await db.query(
      `SELECT v.id FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
        WHERE r.code = 'hubei-quality-promotion'`,
    );
  }, 240_000);

  afterAll(() => api?.close());

  it('the deployment holds both provinces; the shipped Hubei draft is Hubei’s, the new import national', async () => {
    const units = await db.query(
      `SELECT code FROM admin_unit WHERE level = 'province' AND parent_code IS NULL ORDER BY code`,
    );
    expect(units.map((u: { code: string }) => u.code)).toEqual(['420000', '430000']);
    const { regulations } = ok(
      await sysadmin.graphql<{
        regulations: Array<{
          code: string;
          ownerProvinceCode: string | null;
          ownerProvince: { name: string } | null;
        }>;
      }>(REGULATIONS),
    );
    expect(regulations.find((r) => r.code === 'hubei-quality-promotion')).toMatchObject({
      ownerProvinceCode: '420000',
      ownerProvince: { name: '湖北省' },
    });
    expect(regulations.find((r) => r.code === 'national-quality-test')).toMatchObject({
      ownerProvinceCode: null,
      ownerProvince: null,
    });
  });

  it('opens a cycle per province on a national regulation, each with tasks of its own units only', async () => {
    const hb = ok(await hubei.graphql<Created>(CREATE, cycleInput(nationalVersion)));
    expect(hb.createCycle.cycle).toMatchObject({
      provinceCode: '420000',
      province: { code: '420000', name: '湖北省', level: 'PROVINCE' },
    });
    hubeiCycle = hb.createCycle.cycle.id;
    // The same year and version in another province: a cycle of its own.
    const hn = ok(
      await hunan.graphql<Created>(CREATE, cycleInput(nationalVersion, { provinceCode: '430000' })),
    );
    expect(hn.createCycle.cycle.provinceCode).toBe('430000');
    hunanCycle = hn.createCycle.cycle.id;
    expect(hb.createCycle.generation.created).toBeGreaterThan(0);
    expect(hn.createCycle.generation.created).toBeGreaterThan(0);

    const byCycle: Array<{ cycle_id: string; prefix: string; tasks: number }> = await db.query(
      `SELECT cycle_id, left(unit_code, 2) AS prefix, count(*)::int AS tasks FROM task
        WHERE cycle_id = ANY ($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`,
      [[hubeiCycle, hunanCycle]],
    );
    expect(byCycle.filter((r) => r.cycle_id === hubeiCycle).map((r) => r.prefix)).toEqual(['42']);
    expect(byCycle.filter((r) => r.cycle_id === hunanCycle).map((r) => r.prefix)).toEqual(['43']);
    const hunanTasks = byCycle.find((r) => r.cycle_id === hunanCycle)!.tasks;
    expect(hn.createCycle.generation.total).toBe(hunanTasks);

    // The same year again in the same province is a conflict.
    const again = await hunan.graphql(CREATE, cycleInput(nationalVersion));
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });

    // The regeneration preview counts the province's units only: nothing to add.
    const preview = ok(
      await hunan.graphql<{ cycleRegenerationPreview: { created: number; total: number } }>(
        `query($id: ID!) { cycleRegenerationPreview(cycleId: $id) { created total } }`,
        { id: hunanCycle },
      ),
    );
    expect(preview.cycleRegenerationPreview).toEqual({ created: 0, total: hunanTasks });
  });

  it('a provincial supervisor neither sees nor manages another province’s cycle', async () => {
    const hubeiSees = ok(await hubei.graphql<{ cycles: Array<{ id: string }> }>(CYCLES)).cycles;
    expect(hubeiSees.map((c) => c.id)).toEqual([hubeiCycle]);
    const hunanSees = ok(await hunan.graphql<{ cycles: Array<{ id: string }> }>(CYCLES)).cycles;
    expect(hunanSees.map((c) => c.id)).toEqual([hunanCycle]);
    // A county operator sees the cycles of their unit's province.
    const countySees = ok(await hunanCounty.graphql<{ cycles: Array<{ id: string }> }>(CYCLES));
    expect(countySees.cycles.map((c) => c.id)).toEqual([hunanCycle]);
    // A national supervisor (the whole country) sees both.
    const nationalSees = ok(await national.graphql<{ cycles: Array<{ id: string }> }>(CYCLES));
    expect(nationalSees.cycles.map((c) => c.id).sort()).toEqual([hubeiCycle, hunanCycle].sort());

    const read = await hubei.graphql(CYCLE, { id: hunanCycle });
    expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    for (const mutation of [
      `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { total } }`,
      `mutation($id: ID!) { closeCycle(cycleId: $id) { id } }`,
      `query($id: ID!) { cycleDutyDueDates(cycleId: $id) { dutyLineageId } }`,
      `query($id: ID!) { cycleRegenerationPreview(cycleId: $id) { total } }`,
    ]) {
      const res = await hubei.graphql(mutation, { id: hunanCycle });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
    const [{ state }] = await db.query(`SELECT state FROM assessment_cycle WHERE id = $1`, [
      hunanCycle,
    ]);
    expect(state).toBe('open');

    // Opening a cycle for another province is refused.
    const other = await hubei.graphql(
      CREATE,
      cycleInput(nationalVersion, { year: 2027, provinceCode: '430000' }),
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a regulation owned by Hubei cannot get a Hunan cycle', async () => {
    // Hunan's supervisor does not see Hubei's own regulation: its version is not found, as a
    // missing one is (nothing says it exists).
    const res = await hunan.graphql(CREATE, cycleInput(hubeiVersion));
    const missing = await hunan.graphql(CREATE, cycleInput(randomUUID()));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM assessment_cycle WHERE province_code = '430000'`,
    );
    expect(n).toBe(1);
  });

  it('each province lists the national regulations and its own', async () => {
    type Rows = { regulations: Array<{ code: string; openCycleCount: number }> };
    const hunanList = ok(await hunan.graphql<Rows>(REGULATIONS)).regulations;
    expect(hunanList.map((r) => r.code)).toContain('national-quality-test');
    expect(hunanList.map((r) => r.code)).not.toContain('hubei-quality-promotion');
    // Open cycles are counted in the caller's provinces.
    expect(hunanList.find((r) => r.code === 'national-quality-test')?.openCycleCount).toBe(1);
    const hubeiList = ok(await hubei.graphql<Rows>(REGULATIONS)).regulations;
    expect(hubeiList.map((r) => r.code)).toEqual(
      expect.arrayContaining(['national-quality-test', 'hubei-quality-promotion']),
    );
    const hidden = await hunan.graphql<{ regulation: unknown }>(
      `{ regulation(code: "hubei-quality-promotion") { code } }`,
    );
    expect(ok(hidden).regulation).toBeNull();
    const version = await hunan.graphql<{ regulationVersion: unknown }>(
      `query($id: ID!) { regulationVersion(id: $id) { id } }`,
      { id: hubeiVersion },
    );
    expect(ok(version).regulationVersion).toBeNull();
  });

  it('a provincial supervisor’s import is their province’s; the owner never changes by import', async () => {
    ok(await hunan.graphql(IMPORT, { input: { code: 'hunan-quality-test', text: MUNICIPAL } }));
    const [{ owner }] = await db.query(
      `SELECT owner_province_code AS owner FROM regulation WHERE code = 'hunan-quality-test'`,
    );
    expect(owner).toBe('430000');
    const hubeiList = ok(
      await hubei.graphql<{ regulations: Array<{ code: string }> }>(REGULATIONS),
    );
    expect(hubeiList.regulations.map((r) => r.code)).not.toContain('hunan-quality-test');

    // Another province's code is not found, as for every operation on its regulation (its
    // existence is not told); a national one is refused as before. Neither becomes Hubei's.
    const foreign = await hubei.graphql(IMPORT, {
      input: { code: 'hunan-quality-test', text: MUNICIPAL },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const national = await hubei.graphql(IMPORT, {
      input: { code: 'national-quality-test', text: MUNICIPAL },
    });
    expect(national.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    // Naming another province is refused; the system administrator may name one.
    const named = await hubei.graphql(IMPORT, {
      input: { code: 'other-test', text: MUNICIPAL, ownerProvinceCode: '430000' },
    });
    expect(named.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    ok(
      await sysadmin.graphql(IMPORT, {
        input: { code: 'hunan-by-admin-test', text: MUNICIPAL, ownerProvinceCode: '430000' },
      }),
    );
    const [{ owner: adminOwner }] = await db.query(
      `SELECT owner_province_code AS owner FROM regulation WHERE code = 'hunan-by-admin-test'`,
    );
    expect(adminOwner).toBe('430000');
  });
});
