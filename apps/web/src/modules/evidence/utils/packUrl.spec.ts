import { packUrl, parseNumberTags } from './packUrl';

describe('packUrl', () => {
  it('carries only the parts given, lists sorted and comma-separated', () => {
    expect(packUrl({ cycleId: 'c1' })).toBe('/api/evidence/pack?cycleId=c1');
    expect(
      packUrl({
        cycleId: 'c1',
        unitCode: '422800',
        chapters: [3, 1],
        articles: [12],
        statuses: ['VERIFIED', 'SUBMITTED'],
      }),
    ).toBe(
      '/api/evidence/pack?cycleId=c1&unitCode=422800&chapters=1%2C3&articles=12&statuses=VERIFIED%2CSUBMITTED',
    );
  });
});

describe('parseNumberTags', () => {
  it('accepts numbers with or without 第…条, split by commas, once each', () => {
    expect(parseNumberTags(['12', '第3条', '5，7', '12'])).toEqual({
      numbers: [3, 5, 7, 12],
      invalid: [],
    });
  });

  it('lists what is not a number', () => {
    expect(parseNumberTags(['abc', '4'])).toEqual({ numbers: [4], invalid: ['abc'] });
    expect(parseNumberTags(undefined)).toEqual({ numbers: [], invalid: [] });
  });
});
