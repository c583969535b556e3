import { canSearch, matchUnits, searchScope, searchUrl } from './searchScope';

describe('searchScope', () => {
  it('gives administrators no business data', () => {
    expect(searchScope('SYSTEM_ADMIN')).toEqual({ tasks: false, duties: true, units: false });
    expect(canSearch('SECURITY_ADMIN')).toBe(false);
    expect(canSearch('AUDIT_ADMIN')).toBe(false);
    expect(searchScope('PREFECTURE_SUPERVISOR')).toEqual({
      tasks: true,
      duties: true,
      units: true,
    });
  });
});

describe('matchUnits', () => {
  const units = [
    { code: '422800', name: '恩施土家族苗族自治州' },
    { code: '422801', name: '恩施市' },
    { code: '422802', name: '利川市' },
  ];
  it('keeps units whose name holds every term, or whose code is given', () => {
    expect(matchUnits(units, '恩施', 10).map((u) => u.code)).toEqual(['422800', '422801']);
    expect(matchUnits(units, '恩施 市', 10).map((u) => u.code)).toEqual(['422801']);
    expect(matchUnits(units, '422802', 10).map((u) => u.code)).toEqual(['422802']);
    expect(matchUnits(units, '  ', 10)).toEqual([]);
    expect(matchUnits(units, '恩施', 1)).toHaveLength(1);
  });
  it('builds the results address', () => {
    expect(searchUrl(' 质量 ')).toBe(`/search?q=${encodeURIComponent('质量')}`);
    expect(searchUrl('')).toBe('/search');
  });
});
