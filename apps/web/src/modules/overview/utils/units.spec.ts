import type { UnitAnalyticsRow } from '../graphql/types';
import { isPrefectureCode, isProvinceCode, provinceOf, unitFigures } from './units';

describe('isPrefectureCode', () => {
  it.each([
    ['422800', true],
    ['420100', true],
    ['420000', false],
    ['422801', false],
    ['429004', false],
  ])('%s → %s', (code, expected) => {
    expect(isPrefectureCode(code)).toBe(expected);
  });
});

describe('unitFigures', () => {
  const own = { tasks: 4, verified: 1, overdue: 0, evidenceCount: 2, completionRate: 0.25 };
  const row = (withChildren: UnitAnalyticsRow['withChildren']): UnitAnalyticsRow => ({
    __typename: 'UnitAnalytics',
    unit: {
      __typename: 'AdminUnit',
      code: '422800',
      name: '恩施州',
      level: 'PREFECTURE',
      parentCode: '420000',
      directlyAdministered: false,
    },
    ...own,
    withChildren,
  });

  it('uses the figures with the units under a prefecture, else the own ones', () => {
    const children = {
      __typename: 'AnalyticsFigures' as const,
      ...own,
      tasks: 40,
      verified: 30,
      completionRate: 0.75,
    };
    expect(unitFigures(row(children))).toMatchObject({
      tasks: 40,
      verified: 30,
      completionRate: 0.75,
    });
    expect(unitFigures(row(null))).toMatchObject({ tasks: 4, verified: 1, completionRate: 0.25 });
  });
});

describe('isProvinceCode / provinceOf', () => {
  it('tells provinces apart and finds the province of any unit', () => {
    expect(isProvinceCode('430000')).toBe(true);
    expect(isProvinceCode('430100')).toBe(false);
    expect(isProvinceCode('000000')).toBe(false);
    expect(provinceOf('430102')).toBe('430000');
    expect(provinceOf('429004')).toBe('420000');
  });
});
