import { isOpen, rankingXlsxUrl } from './cycles';
import { gradeColor } from './grade';
import { mayAdjust } from './permissions';

describe('gradeColor', () => {
  const bands = [{ grade: 'A' }, { grade: 'B' }, { grade: 'C' }, { grade: 'D' }];
  it('colours by place among the plan bands, the lowest red', () => {
    expect(bands.map((b) => gradeColor(b.grade, bands))).toEqual(['green', 'blue', 'gold', 'red']);
  });
  it('knows the usual grade names without a plan, and stays neutral otherwise', () => {
    expect(gradeColor('优秀')).toBe('green');
    expect(gradeColor('不合格')).toBe('red');
    expect(gradeColor('特等')).toBe('default');
  });
});

describe('cycles', () => {
  it('tells an open cycle from a closed one or none', () => {
    expect(isOpen({ state: 'open' })).toBe(true);
    expect(isOpen({ state: 'closed' })).toBe(false);
    expect(isOpen(undefined)).toBe(false);
  });
  it('builds the ranking export URL', () => {
    expect(rankingXlsxUrl('c 1', 'county')).toBe(
      '/api/assessment/ranking.xlsx?cycleId=c+1&level=county',
    );
  });
});

describe('mayAdjust', () => {
  const county = { code: '422801', parentCode: '422800' };
  it('lets a provincial supervisor adjust any unit', () => {
    expect(mayAdjust({ role: 'PROVINCIAL_SUPERVISOR', unit: null }, county)).toBe(true);
  });
  it('lets a prefecture supervisor adjust only the units under the prefecture', () => {
    const user = { role: 'PREFECTURE_SUPERVISOR', unit: { code: '422800' } };
    expect(mayAdjust(user, county)).toBe(true);
    expect(mayAdjust(user, { code: '422800', parentCode: '420000' })).toBe(false);
    expect(mayAdjust(user, { code: '420102', parentCode: '420100' })).toBe(false);
  });
  it('never lets an auditor adjust', () => {
    expect(mayAdjust({ role: 'AUDITOR', unit: null }, county)).toBe(false);
  });
});
