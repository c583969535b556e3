import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';

/**
 * Issue 20, point 1: role bindings in a deployment that holds several provinces. A provincial
 * supervisor is bound to a province (the only one is taken when none is given); a national
 * supervisor has no unit and may be limited to some provinces; an auditor is bound to a
 * province, a prefecture or nothing (then optionally limited to some provinces); no other role
 * takes provinces. The provinces reach the signed-in principal (`me`). Real API over HTTP.
 */
const BIND = `mutation($input: BindRoleInput!) {
  bindUserRole(input: $input) { username role unit { code level } scopeProvinces { code name } }
}`;

interface Bound {
  username: string;
  role: string;
  unit: { code: string; level: string } | null;
  scopeProvinces: Array<{ code: string; name: string }>;
}

describe('national and provincial bindings', () => {
  let api: TestApi;
  let db: DataSource;
  let sys: SignedInClient;
  let sec: SignedInClient;
  let userId: string;

  const bind = (input: Record<string, unknown>) =>
    sec.graphql<{ bindUserRole: Bound }>(BIND, { input: { userId, ...input } });
  const bound = async (input: Record<string, unknown>) => {
    const res = await bind(input);
    expect(res.errors).toBeUndefined();
    return res.data!.bindUserRole;
  };
  const refusal = async (input: Record<string, unknown>) => {
    const res = await bind(input);
    expect(res.data).toBeNull();
    const error = res.errors![0];
    return {
      code: error.extensions?.code,
      message: error.message,
      fields: Object.keys(
        ((error.extensions?.details as { fields?: Record<string, string> }) ?? {}).fields ?? {},
      ),
    };
  };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    sys = await api.signIn('sysadmin');
    sec = await api.signIn('secadmin');
    const created = await sys.graphql<{ createUser: { user: { id: string } } }>(
      `mutation { createUser(input: { username: "binding.target", displayName: "绑定测试" }) { user { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    userId = created.data!.createUser.user.id;
  });
  afterAll(() => api?.close());

  it('binds a provincial supervisor without a unit to the only province, and refuses a prefecture', async () => {
    expect(await bound({ role: 'PROVINCIAL_SUPERVISOR' })).toMatchObject({
      role: 'PROVINCIAL_SUPERVISOR',
      unit: { code: '420000', level: 'PROVINCE' },
      scopeProvinces: [],
    });
    expect(await refusal({ role: 'PROVINCIAL_SUPERVISOR', unitCode: '422800' })).toEqual({
      code: 'VALIDATION_FAILED',
      message: '省级督导须绑定一个省份。',
      fields: ['unitCode'],
    });
    // Existing provincial supervisors are bound too (by the migration, or by the demo seed).
    expect(await db.query(`SELECT unit_code FROM app_user WHERE username = 'province'`)).toEqual([
      { unit_code: '420000' },
    ]);
  });

  describe('with a second province', () => {
    beforeAll(async () => {
      await db.query(
        `INSERT INTO admin_unit (code, name, level, parent_code, kind, sort_order, data_edition)
         SELECT '430000', '湖南省', 'province', NULL, kind, sort_order + 1, data_edition
           FROM admin_unit WHERE code = '420000'`,
      );
    });

    it('requires the province of a provincial supervisor', async () => {
      expect(await refusal({ role: 'PROVINCIAL_SUPERVISOR' })).toEqual({
        code: 'VALIDATION_FAILED',
        message: '省级督导须绑定一个省份。',
        fields: ['unitCode'],
      });
      expect(await bound({ role: 'PROVINCIAL_SUPERVISOR', unitCode: '430000' })).toMatchObject({
        unit: { code: '430000' },
      });
      expect(
        await refusal({
          role: 'PROVINCIAL_SUPERVISOR',
          unitCode: '430000',
          scopeProvinceCodes: ['420000'],
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['scopeProvinceCodes'] });
    });

    it('binds a national supervisor to no unit, with existing provinces or the whole country', async () => {
      expect(
        await bound({
          role: 'NATIONAL_SUPERVISOR',
          scopeProvinceCodes: ['430000', '420000', '430000'],
        }),
      ).toMatchObject({
        role: 'NATIONAL_SUPERVISOR',
        unit: null,
        scopeProvinces: [
          { code: '420000', name: '湖北省' },
          { code: '430000', name: '湖南省' },
        ],
      });
      expect(
        await db.query(`SELECT scope_province_codes FROM app_user WHERE id = $1`, [userId]),
      ).toEqual([{ scope_province_codes: ['420000', '430000'] }]);
      expect(await bound({ role: 'NATIONAL_SUPERVISOR', scopeProvinceCodes: [] })).toMatchObject({
        unit: null,
        scopeProvinces: [],
      });
      expect(await refusal({ role: 'NATIONAL_SUPERVISOR', unitCode: '420000' })).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: ['unitCode'],
      });
      expect(
        await refusal({ role: 'NATIONAL_SUPERVISOR', scopeProvinceCodes: ['422800', '440000'] }),
      ).toEqual({
        code: 'VALIDATION_FAILED',
        message: '不是省份的行政区划代码：422800、440000。',
        fields: ['scopeProvinceCodes'],
      });
    });

    it('binds an auditor to a province, a prefecture, or provinces without a unit', async () => {
      expect(await bound({ role: 'AUDITOR', unitCode: '430000' })).toMatchObject({
        unit: { code: '430000', level: 'PROVINCE' },
        scopeProvinces: [],
      });
      expect(await bound({ role: 'AUDITOR', unitCode: '422800' })).toMatchObject({
        unit: { code: '422800', level: 'PREFECTURE' },
      });
      expect(await bound({ role: 'AUDITOR', scopeProvinceCodes: ['430000'] })).toMatchObject({
        unit: null,
        scopeProvinces: [{ code: '430000' }],
      });
      expect(await refusal({ role: 'AUDITOR', unitCode: '420102' })).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: ['unitCode'],
      });
      expect(
        await refusal({ role: 'AUDITOR', unitCode: '422800', scopeProvinceCodes: ['420000'] }),
      ).toEqual({
        code: 'VALIDATION_FAILED',
        message: '只有国家级督导和未绑定单位的审计评估人员可以指定省份范围。',
        fields: ['scopeProvinceCodes'],
      });
    });

    it('gives other roles no provinces', async () => {
      expect(
        await refusal({
          role: 'PREFECTURE_SUPERVISOR',
          unitCode: '422800',
          scopeProvinceCodes: ['420000'],
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['scopeProvinceCodes'] });
      // Rebinding clears the provinces the account had as a national supervisor.
      await bound({ role: 'NATIONAL_SUPERVISOR', scopeProvinceCodes: ['420000'] });
      expect(await bound({ role: 'PREFECTURE_SUPERVISOR', unitCode: '422800' })).toMatchObject({
        scopeProvinces: [],
      });
      expect(
        await db.query(`SELECT scope_province_codes FROM app_user WHERE id = $1`, [userId]),
      ).toEqual([{ scope_province_codes: null }]);
    });

    it('carries the provinces of a limited national supervisor into the principal', async () => {
      const [{ id: national }] = await db.query(
        `SELECT id FROM app_user WHERE username = 'national'`,
      );
      const res = await sec.graphql(BIND, {
        input: { userId: national, role: 'NATIONAL_SUPERVISOR', scopeProvinceCodes: ['430000'] },
      });
      expect(res.errors).toBeUndefined();
      const client = await api.signIn('national');
      const me = await client.graphql<{ me: unknown }>(
        `{ me { username role unit { code } scopeProvinces { code name } } }`,
      );
      expect(me.errors).toBeUndefined();
      expect(me.data!.me).toEqual({
        username: 'national',
        role: 'NATIONAL_SUPERVISOR',
        unit: null,
        scopeProvinces: [{ code: '430000', name: '湖南省' }],
      });
      // The database refuses what the service would: provinces for a bound auditor.
      await expect(
        db.query(`UPDATE app_user SET role = 'AUDITOR', unit_code = '422800' WHERE id = $1`, [
          national,
        ]),
      ).rejects.toThrow(/CHK_app_user_scope_provinces/);
    });
  });
});
