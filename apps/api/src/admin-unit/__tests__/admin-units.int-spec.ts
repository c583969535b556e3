import { ADMIN_UNITS_DATA_EDITION } from '@duty/shared/admin-units';
import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { syncReferenceData } from '../reference-data.sync';

type Unit = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  directlyAdministered: boolean;
  kind: string;
};

describe('administrative units and departments (loaded at start, real database)', () => {
  let api: TestApi;
  let province: SignedInClient;
  let units: Unit[];

  beforeAll(async () => {
    api = await startTestApi();
    province = await api.signIn('province');
    const res = await province.graphql<{ adminUnits: Unit[] }>(
      `{ adminUnits { code name level parentCode directlyAdministered kind } }`,
    );
    units = res.data!.adminUnits;
  });
  afterAll(() => api?.close());

  it('holds Hubei: 1 province, 13 prefecture-level units, 103 county-level units', () => {
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('PROVINCE'), count('PREFECTURE'), count('COUNTY')]).toEqual([1, 13, 103]);
    expect(
      units
        .filter((u) => u.directlyAdministered)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['仙桃市', '天门市', '潜江市', '神农架林区'].sort());
  });

  it.each([
    ['422801', '恩施市', '422800', 'COUNTY', '县级市'],
    ['422800', '恩施土家族苗族自治州', '420000', 'PREFECTURE', '自治州'],
    ['429004', '仙桃市', '420000', 'COUNTY', '县级市'],
    ['420102', '江岸区', '420100', 'COUNTY', '市辖区'],
    ['420000', '湖北省', null, 'PROVINCE', '省'],
  ])('%s %s has parent %s, level %s, kind %s', (code, name, parent, level, kind) => {
    expect(units.find((u) => u.code === code)).toMatchObject({
      name,
      parentCode: parent,
      level,
      kind,
    });
  });

  it('records the data edition and creates one department per unit and kind', async () => {
    const db = api.server.app.get(DataSource);
    expect(
      await db.query(`SELECT value FROM system_setting WHERE key = 'admin_units.edition'`),
    ).toEqual([{ value: ADMIN_UNITS_DATA_EDITION }]);
    const [{ units: unitCount, kinds, departments }] = await db.query(
      `SELECT (SELECT count(*) FROM admin_unit)::int AS units, (SELECT count(*) FROM department_kind)::int AS kinds,
              (SELECT count(*) FROM department)::int AS departments`,
    );
    expect(departments).toBe(unitCount * kinds);
    const res = await province.graphql<{
      departments: Array<{ name: string; kind: { code: string } }>;
    }>(`{ departments(unitCode: "420102") { name kind { code } } }`);
    expect(res.data!.departments.find((d) => d.kind.code === 'market_regulation')?.name).toBe(
      '江岸区市场监督管理局',
    );
  });

  it('re-running the load changes nothing', async () => {
    const db = api.server.app.get(DataSource);
    const snapshot = () =>
      db.query(`SELECT (SELECT string_agg(code || name || level || coalesce(parent_code, ''), ',' ORDER BY code) FROM admin_unit) AS u,
                       (SELECT string_agg(id::text || name, ',' ORDER BY id) FROM department) AS d`);
    const before = await snapshot();
    await syncReferenceData(db);
    expect(await snapshot()).toEqual(before);
  });

  it('shows a prefecture supervisor the prefecture and its units, not the rest', async () => {
    const enshi = await api.signIn('enshi-zhou');
    const res = await enshi.graphql<{ adminUnits: Unit[] }>(`{ adminUnits { code level } }`);
    const codes = res.data!.adminUnits.map((u) => u.code);
    expect(codes).toContain('422800');
    expect(codes).toContain('422801');
    expect(codes).toContain('420000'); // the province above, for context
    expect(codes).not.toContain('420102');
    expect(codes.filter((c) => c.startsWith('4228') && c !== '422800')).toHaveLength(8);
  });
});
