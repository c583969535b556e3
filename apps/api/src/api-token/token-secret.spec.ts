import { createHash } from 'node:crypto';
import { apiTokenMatches, bearerOf, newApiTokenSecret, parseApiToken } from './token-secret';
import { tokenJurisdiction } from './token-jurisdiction';

describe('machine token secrets', () => {
  it('makes recognisable tokens whose SHA-256 alone is stored', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a.token).toMatch(/^dtk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(parseApiToken(a.token)).toEqual({ publicId: a.publicId });
    expect(apiTokenMatches(a.token, a.hash)).toBe(true);
    expect(apiTokenMatches(b.token, a.hash)).toBe(false);
  });

  it.each([
    ['', null],
    ['dtk_', null],
    [`dtk_0123456789ab_${'x'.repeat(42)}`, null],
    [`dtk_0123456789AB_${'x'.repeat(43)}`, null],
    // A session token (43 base64url characters) is not a machine token.
    ['x'.repeat(43), null],
    [`dtk_0123456789ab_${'x'.repeat(43)}`, { publicId: '0123456789ab' }],
  ])('parses %p', (token, expected) => {
    expect(parseApiToken(token)).toEqual(expected);
  });

  it('reads only a Bearer authorization', () => {
    expect(bearerOf('Bearer abc')).toBe('abc');
    expect(bearerOf('bearer  abc ')).toBe('abc');
    expect(bearerOf('Basic abc')).toBeNull();
    expect(bearerOf(undefined)).toBeNull();
    expect(bearerOf(['Bearer a', 'Bearer b'])).toBeNull();
  });
});

describe('tokenJurisdiction', () => {
  it('is the province for a province (never other provinces), the unit with the units under it otherwise', () => {
    expect(tokenJurisdiction({ code: '420000', level: 'province', parentCode: null })).toEqual({
      kind: 'provinces',
      provinceCodes: ['420000'],
    });
    expect(
      tokenJurisdiction({ code: '422800', level: 'prefecture', parentCode: '420000' }),
    ).toEqual({ kind: 'prefecture', prefectureCode: '422800' });
    expect(tokenJurisdiction({ code: '422801', level: 'county', parentCode: '422800' })).toEqual({
      kind: 'prefecture',
      prefectureCode: '422801',
    });
  });
});
