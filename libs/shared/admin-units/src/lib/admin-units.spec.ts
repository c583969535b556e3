import { buildProvinceUnits, deriveKind, isGroupingEntry, RawDivision } from './admin-units';

// A tiny synthetic province 99 shaped like GB/T 2260 / statistical division data.
const synthetic: RawDivision[] = [
  { code: '990000', name: '测试省' },
  { code: '990100', name: '甲市' },
  { code: '990101', name: '市辖区' }, // placeholder
  { code: '990102', name: '东区' },
  { code: '990121', name: '乙县' },
  { code: '990171', name: '甲市经济技术开发区' }, // statistical-only zone
  { code: '990181', name: '丙市' },
  { code: '992800', name: '丁土家族苗族自治州' },
  { code: '992801', name: '丁市' },
  { code: '992822', name: '戊土家族自治县' },
  { code: '999000', name: '省直辖县级行政区划' }, // grouping row
  { code: '999004', name: '己市' },
  { code: '999021', name: '庚林区' },
  { code: '880000', name: '别的省' }, // another province: ignored
  { code: '880101', name: '别的区' },
];

describe('buildProvinceUnits (synthetic data)', () => {
  const units = buildProvinceUnits('990000', [...synthetic].reverse());
  const byCode = new Map(units.map((u) => [u.code, u]));

  it('keeps the units of the province only, province first and then by code', () => {
    expect(units.map((u) => u.code)).toEqual([
      '990000',
      '990100',
      '990102',
      '990121',
      '990181',
      '992800',
      '992801',
      '992822',
      '999004',
      '999021',
    ]);
    expect(units.map((u) => u.sortOrder)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('drops placeholders, grouping rows and statistical-only zones', () => {
    for (const code of ['990101', '990171', '999000']) expect(byCode.has(code)).toBe(false);
  });

  it('sets levels, parents and kinds', () => {
    expect(byCode.get('990000')).toEqual({
      code: '990000',
      name: '测试省',
      level: 'province',
      parentCode: null,
      directlyAdministered: false,
      kind: '省',
      sortOrder: 1,
    });
    expect(byCode.get('992800')).toMatchObject({
      level: 'prefecture',
      parentCode: '990000',
      kind: '自治州',
    });
    expect(byCode.get('990102')).toMatchObject({
      level: 'county',
      parentCode: '990100',
      kind: '市辖区',
      directlyAdministered: false,
    });
    expect(byCode.get('990181')).toMatchObject({ parentCode: '990100', kind: '县级市' });
    expect(byCode.get('992801')).toMatchObject({ parentCode: '992800', kind: '县级市' });
    expect(byCode.get('992822')).toMatchObject({ parentCode: '992800', kind: '自治县' });
  });

  it('gives directly-administered county-level units the province as parent', () => {
    expect(byCode.get('999004')).toMatchObject({
      level: 'county',
      parentCode: '990000',
      directlyAdministered: true,
      kind: '县级市',
    });
    expect(byCode.get('999021')).toMatchObject({
      parentCode: '990000',
      directlyAdministered: true,
      kind: '林区',
    });
  });

  it('accepts the 2-digit province code and returns fresh objects', () => {
    const again = buildProvinceUnits('99', synthetic);
    expect(again).toEqual(units);
    again[0].name = 'changed';
    expect(buildProvinceUnits('99', synthetic)[0].name).toBe('测试省');
  });

  it('treats a repeated row with the same name as one unit', () => {
    const repeated = buildProvinceUnits('99', [
      ...synthetic,
      { code: '990100', name: '甲市' },
      { code: '990102', name: '东区' },
    ]);
    expect(repeated).toEqual(units);
  });

  it('rejects inconsistent input', () => {
    expect(() => buildProvinceUnits('9900', synthetic)).toThrow(/Invalid province code/);
    expect(() => buildProvinceUnits('77', synthetic)).toThrow(/770000 is missing/);
    expect(() => buildProvinceUnits('99', [...synthetic, { code: '9901', name: 'x' }])).toThrow(
      /Invalid division code/,
    );
    expect(() =>
      buildProvinceUnits('99', [...synthetic, { code: '990102', name: '西区' }]),
    ).toThrow(/two names/);
    expect(() =>
      buildProvinceUnits('99', [...synthetic, { code: '990501', name: '无主县' }]),
    ).toThrow(/has no prefecture 990500/);
    expect(() => buildProvinceUnits('99', [...synthetic, { code: '990122', name: ' ' }])).toThrow(
      /empty name/,
    );
  });
});

describe('deriveKind', () => {
  it.each([
    ['province', '湖北省', '省'],
    ['province', '广西壮族自治区', '自治区'],
    ['province', '北京市', '直辖市'],
    ['prefecture', '武汉市', '地级市'],
    ['prefecture', '恩施土家族苗族自治州', '自治州'],
    ['prefecture', '阿里地区', '地区'],
    ['county', '江岸区', '市辖区'],
    ['county', '大冶市', '县级市'],
    ['county', '随县', '县'],
    ['county', '长阳土家族自治县', '自治县'],
    ['county', '神农架林区', '林区'],
    ['county', '六枝特区', '特区'],
    ['county', '西沙群岛', '其他'],
  ] as const)('%s %s → %s', (level, name, kind) => {
    expect(deriveKind(level, name)).toBe(kind);
  });
});

describe('isGroupingEntry', () => {
  it('recognises 省直辖 and municipality grouping rows', () => {
    expect(isGroupingEntry('429000', '省直辖县级行政区划')).toBe(true);
    expect(isGroupingEntry('659000', '自治区直辖县级行政区划')).toBe(true);
    expect(isGroupingEntry('110100', '市辖区')).toBe(true);
    expect(isGroupingEntry('500200', '县')).toBe(true);
    expect(isGroupingEntry('420100', '武汉市')).toBe(false);
  });
});
