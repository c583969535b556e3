import { bytesBehind, formatLsn, parseLsn } from '../wal-lsn';

describe('WAL positions', () => {
  it.each([
    ['0/0', 0n],
    ['0/16B3748', 0x16b3748n],
    ['16/B374D848', (0x16n << 32n) + 0xb374d848n],
    ['FFFFFFFF/FFFFFFFF', (1n << 64n) - 1n],
  ])('reads %s', (text, value) => {
    expect(parseLsn(text)).toBe(value);
    expect(formatLsn(value)).toBe(text);
  });

  it('orders positions across the 32-bit boundary by value, not by text', () => {
    // As text "0/FFFFFFFF" > "1/0"; as positions the second is one byte later.
    expect(parseLsn('1/0') - parseLsn('0/FFFFFFFF')).toBe(1n);
    expect(parseLsn('A/0') > parseLsn('9/FFFFFFFF')).toBe(true);
  });

  it('counts the bytes a standby has still to replay, never below zero', () => {
    expect(bytesBehind(parseLsn('0/3000100'), parseLsn('0/3000000'))).toBe(256n);
    expect(bytesBehind(parseLsn('0/3000000'), parseLsn('0/3000100'))).toBe(0n);
  });

  it.each(['', '0', '0/', 'G/1', '0/123456789', ' 1/2/3'])('refuses %j', (text) => {
    expect(() => parseLsn(text)).toThrow('not a WAL position');
  });
});
