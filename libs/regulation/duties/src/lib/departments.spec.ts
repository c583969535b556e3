import {
  DEFAULT_LEAD_DEPARTMENT_CODE,
  DEPARTMENT_KINDS,
  normalizeDepartment,
  parseDepartmentList,
} from '../index';
import type { DepartmentKind } from '../index';

describe('DEPARTMENT_KINDS', () => {
  it('has unique codes, names and aliases (no alias maps to two kinds)', () => {
    const codes = DEPARTMENT_KINDS.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
    const names = DEPARTMENT_KINDS.flatMap((k) => [k.name, ...k.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const k of DEPARTMENT_KINDS) expect(k.code).toMatch(/^[a-z][a-z_]*$/);
  });

  it('starts with Article 4 list in order, then 金融监督管理', () => {
    expect(DEPARTMENT_KINDS.slice(0, 17).map((k) => k.name)).toEqual([
      '发展改革',
      '经济和信息化',
      '科学技术',
      '教育',
      '财政',
      '生态环境',
      '住房和城乡建设',
      '交通运输',
      '水行政',
      '农业农村',
      '商务',
      '文化和旅游',
      '卫生健康',
      '市场监督管理',
      '统计',
      '知识产权',
      '金融监督管理',
    ]);
  });

  it.each([
    '公安',
    '司法行政',
    '人力资源和社会保障',
    '自然资源',
    '应急管理',
    '医疗保障',
    '林业',
    '国有资产监督管理',
    '税务',
    '海关',
    '药品监督管理',
  ])('includes the common department %s', (name) => {
    expect(DEPARTMENT_KINDS.some((k) => k.name === name)).toBe(true);
  });

  it('suggests market regulation as the default lead', () => {
    expect(DEFAULT_LEAD_DEPARTMENT_CODE).toBe('market_regulation');
    expect(normalizeDepartment('市场监督管理')?.code).toBe(DEFAULT_LEAD_DEPARTMENT_CODE);
  });
});

describe('normalizeDepartment', () => {
  it.each([
    ['水利', 'water_resources'],
    ['水行政主管部门', 'water_resources'],
    ['水利局', 'water_resources'],
    ['住房城乡建设', 'housing_urban_rural'],
    ['住房和城乡建设部门', 'housing_urban_rural'],
    ['科技', 'science_technology'],
    ['科技厅', 'science_technology'],
    ['省市场监督管理局', 'market_regulation'],
    ['市场监管部门', 'market_regulation'],
    ['县级以上人民政府知识产权部门', 'intellectual_property'],
    ['发展和改革委员会', 'development_reform'],
    ['发改委', 'development_reform'],
    ['司法行政部门', 'justice'],
    ['卫生健康行政部门', 'health'],
    ['金融监督管理部门', 'financial_regulation'],
    ['人力资源社会保障主管部门', 'human_resources_social_security'],
    [' 市场 监督 管理 ', 'market_regulation'],
  ])('%s → %s', (name, code) => {
    expect(normalizeDepartment(name)?.code).toBe(code);
  });

  it.each(['', '部门', '有关部门', '国防动员', '企业', '市场'])('%s → undefined', (name) => {
    expect(normalizeDepartment(name)).toBeUndefined();
  });

  it('uses a caller-supplied dictionary', () => {
    const kinds: DepartmentKind[] = [
      { code: 'defence_mobilisation', name: '国防动员', aliases: ['人防'] },
    ];
    expect(normalizeDepartment('国防动员办公室', kinds)?.code).toBe('defence_mobilisation');
    expect(normalizeDepartment('人防部门', kinds)?.code).toBe('defence_mobilisation');
    expect(normalizeDepartment('市场监督管理', kinds)).toBeUndefined();
  });
});

describe('parseDepartmentList', () => {
  it('splits on 、 but keeps 和 inside names', () => {
    expect(
      parseDepartmentList('发展改革、经济和信息化、住房和城乡建设、文化和旅游等').map(
        (m) => m.kind?.code,
      ),
    ).toEqual(['development_reform', 'industry_it', 'housing_urban_rural', 'culture_tourism']);
  });

  it('splits a final 和 between two names', () => {
    expect(parseDepartmentList('发展改革和市场监督管理').map((m) => m.kind?.code)).toEqual([
      'development_reform',
      'market_regulation',
    ]);
  });

  it('reports unknown names', () => {
    expect(parseDepartmentList('国防动员、统计')).toEqual([
      { text: '国防动员', kind: undefined },
      { text: '统计', kind: expect.objectContaining({ code: 'statistics' }) },
    ]);
  });
});
