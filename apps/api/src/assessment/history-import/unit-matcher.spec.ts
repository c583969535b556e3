import { similarity, UnitMatcher } from './unit-matcher';

const units = [
  { code: '420100', name: '武汉市', level: 'prefecture', parentName: '湖北省' },
  { code: '420102', name: '江岸区', level: 'county', parentName: '武汉市' },
  { code: '420103', name: '江汉区', level: 'county', parentName: '武汉市' },
  { code: '422800', name: '恩施土家族苗族自治州', level: 'prefecture', parentName: '湖北省' },
  { code: '422801', name: '恩施市', level: 'county', parentName: '恩施土家族苗族自治州' },
  { code: '420502', name: '西陵区', level: 'county', parentName: '宜昌市' },
  { code: '421002', name: '西陵区', level: 'county', parentName: '另一市' },
];

describe('UnitMatcher', () => {
  const matcher = new UnitMatcher(units);

  it('matches a code, a unique name and a name with its parent, ignoring spaces and width', () => {
    expect(matcher.match('420102')).toMatchObject({ kind: 'found', unit: { code: '420102' } });
    expect(matcher.match(' 江 岸 区 ')).toMatchObject({ kind: 'found', unit: { code: '420102' } });
    expect(matcher.match('武汉市江汉区')).toMatchObject({
      kind: 'found',
      unit: { code: '420103' },
    });
    expect(matcher.match('４２０１０３')).toMatchObject({
      kind: 'found',
      unit: { code: '420103' },
    });
  });

  it('does not guess: a name shared by two units is ambiguous, a near miss unknown with suggestions', () => {
    const shared = matcher.match('西陵区');
    expect(shared.kind).toBe('ambiguous');
    expect(shared.kind === 'ambiguous' && shared.candidates.map((u) => u.code)).toEqual([
      '420502',
      '421002',
    ]);
    const typo = matcher.match('江案区');
    expect(typo.kind).toBe('unknown');
    expect(typo.kind === 'unknown' && typo.suggestions[0].code).toBe('420102');
    const short = matcher.match('恩施州');
    expect(short.kind === 'unknown' && short.suggestions.map((u) => u.code)).toContain('422800');
    const far = matcher.match('北京市朝阳区');
    expect(far).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('measures similarity by edit distance', () => {
    expect(similarity('江岸区', '江岸区')).toBe(1);
    expect(similarity('江案区', '江岸区')).toBeCloseTo(2 / 3, 9);
    expect(similarity('', '')).toBe(1);
  });
});
