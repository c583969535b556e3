import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from './recovery-codes';

describe('recovery codes', () => {
  it('gives ten distinct codes in two groups of five', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  });

  it('accepts a code typed in lower case or without the dash, and nothing else', () => {
    const [code] = generateRecoveryCodes(1);
    const normalized = normalizeRecoveryCode(code)!;
    expect(normalizeRecoveryCode(code.toLowerCase())).toBe(normalized);
    expect(normalizeRecoveryCode(` ${code.replace('-', '')} `)).toBe(normalized);
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(normalizeRecoveryCode('OOOOO-OOOOO')).toBeNull(); // O is not in the alphabet
  });

  it('stores a hash that does not contain the code', () => {
    const [code] = generateRecoveryCodes(1);
    const hash = hashRecoveryCode(normalizeRecoveryCode(code)!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace('-', ''));
    expect(hashRecoveryCode(normalizeRecoveryCode(code.toLowerCase())!)).toBe(hash);
  });
});
