import { chinaDay, expiryOfDay, isSelectableExpiryDay } from './expiry';

describe('token expiry days', () => {
  it('ends a chosen day at midnight China time', () => {
    expect(expiryOfDay('2027-03-31')).toBe('2027-03-31T16:00:00.000Z');
  });

  it('takes today in China, not in UTC', () => {
    expect(chinaDay(new Date('2026-12-01T17:30:00Z'))).toBe('2026-12-02');
    expect(chinaDay(new Date('2026-12-01T15:30:00Z'))).toBe('2026-12-01');
  });

  it('offers tomorrow up to 365 days ahead', () => {
    const now = new Date('2026-12-01T02:00:00Z');
    expect(isSelectableExpiryDay('2026-12-01', now)).toBe(false);
    expect(isSelectableExpiryDay('2026-12-02', now)).toBe(true);
    expect(isSelectableExpiryDay('2027-12-01', now)).toBe(true);
    expect(isSelectableExpiryDay('2027-12-02', now)).toBe(false);
  });
});
