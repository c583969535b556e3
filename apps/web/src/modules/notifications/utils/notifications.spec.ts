import {
  badgeText,
  changedChannels,
  isValidEmail,
  kindColour,
  parseClock,
  safeLink,
  validQuietHours,
} from './notifications';

describe('notification helpers', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [99, '99'],
    [100, '99+'],
    [-3, '0'],
  ])('badge for %i is %s', (count, text) => expect(badgeText(count)).toBe(text));

  it.each([
    ['zhangsan@example.gov.cn', true],
    ['a.b-c@hb.gov.cn', true],
    ['zhangsan@', false],
    ['zhang san@example.gov.cn', false],
    ['zhangsan@example', false],
    ['@example.gov.cn', false],
    ['a@b@c.cn', false],
  ])('email %s valid: %s', (email, valid) => expect(isValidEmail(email)).toBe(valid));

  it('reads HH:MM and refuses the rest', () => {
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock('7:30')).toBe(450);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('22:60')).toBeNull();
    expect(parseClock('2200')).toBeNull();
  });

  it('accepts quiet hours that are both empty, or two different times (across midnight too)', () => {
    expect(validQuietHours('', '')).toBe(true);
    expect(validQuietHours('22:00', '07:30')).toBe(true);
    expect(validQuietHours('12:00', '13:30')).toBe(true);
    expect(validQuietHours('22:00', '')).toBe(false);
    expect(validQuietHours('08:00', '08:00')).toBe(false);
    expect(validQuietHours('25:00', '07:00')).toBe(false);
  });

  it('sends only the switches that changed', () => {
    const before = [
      { kind: 'DUE_SOON', email: true, webhook: true },
      { kind: 'OVERDUE', email: true, webhook: true },
    ];
    const after = [
      { kind: 'DUE_SOON', email: false, webhook: true },
      { kind: 'OVERDUE', email: true, webhook: true },
    ];
    expect(changedChannels(before, after)).toEqual([
      { kind: 'DUE_SOON', channel: 'EMAIL', enabled: false },
    ]);
    expect(changedChannels(before, before)).toEqual([]);
  });

  it('colours late and urged kinds red or orange', () => {
    expect(kindColour('OVERDUE')).toBe('red');
    expect(kindColour('URGING_ISSUED')).toBe('orange');
    expect(kindColour('CYCLE_OPENED')).toBe('blue');
  });

  it('follows only the app’s own paths', () => {
    expect(safeLink('/tasks/1')).toBe('/tasks/1');
    expect(safeLink('https://evil.example')).toBe('/notifications');
    expect(safeLink('//evil.example')).toBe('/notifications');
  });
});
