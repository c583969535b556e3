import { randomBytes } from 'node:crypto';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  openSecret,
  sealSecret,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from './totp';

// RFC 6238 Appendix B: the seeds are ASCII strings of these lengths per algorithm.
const SEED_SHA1 = Buffer.from('12345678901234567890', 'ascii');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012', 'ascii');
const SEED_SHA512 = Buffer.from(
  '1234567890123456789012345678901234567890123456789012345678901234',
  'ascii',
);

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('matches Appendix B at T=%i s', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(hotp(SEED_SHA1, step, 8, 'sha1')).toBe(sha1);
    expect(hotp(SEED_SHA256, step, 8, 'sha256')).toBe(sha256);
    expect(hotp(SEED_SHA512, step, 8, 'sha512')).toBe(sha512);
  });

  it('matches RFC 4226 Appendix D (6-digit HOTP, counters 0-9)', () => {
    expect(Array.from({ length: 10 }, (_, c) => hotp(SEED_SHA1, c))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ]);
  });

  it('gives the 6-digit code of Appendix B through the base32 secret apps use', () => {
    const secret = base32Encode(SEED_SHA1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    // The 8-digit vector's last six digits: 94287082 → 287082.
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1111111109_000)).toBe('081804');
  });

  it('accepts the steps either side of now and returns the one that matched', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-12-06T12:00:10Z');
    const step = totpStep(now);
    for (const delta of [-1, 0, 1]) {
      const code = totpCode(secret, (step + delta) * 30_000);
      expect(verifyTotp(secret, code, now)).toBe(step + delta);
      expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step + delta);
    }
    for (const delta of [-3, -2, 2, 3]) {
      const code = totpCode(secret, (step + delta) * 30_000);
      // A code two steps away may coincide with a near one by chance (1 in 10^6 per step).
      const near = [-1, 0, 1].map((d) => totpCode(secret, (step + d) * 30_000));
      if (!near.includes(code)) expect(verifyTotp(secret, code, now)).toBeNull();
    }
  });

  it('refuses malformed input', () => {
    const secret = generateTotpSecret();
    for (const input of ['', '12345', '1234567', 'abcdef', '12345a', '１２３４５６']) {
      expect(verifyTotp(secret, input, Date.now())).toBeNull();
    }
  });

  it('round-trips base32 and ignores case, spaces and padding', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      const text = base32Encode(bytes);
      expect(base32Decode(text)).toEqual(bytes);
      expect(base32Decode(text.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(bytes);
    }
    expect(base32Decode('MZXW6===')).toEqual(Buffer.from('foo')); // RFC 4648 §10
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('builds the otpauth URI authenticator apps scan', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', '湖北省 督办', 'enshi-zhou')).toBe(
      'otpauth://totp/%E6%B9%96%E5%8C%97%E7%9C%81%20%E7%9D%A3%E5%8A%9E:enshi-zhou' +
        '?secret=JBSWY3DPEHPK3PXP&issuer=%E6%B9%96%E5%8C%97%E7%9C%81%20%E7%9D%A3%E5%8A%9E' +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('sealed secrets (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, with a fresh IV each time', () => {
    const a = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'user:1');
    const b = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'user:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, a, 'user:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key, another row and a changed ciphertext', () => {
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'user:1');
    expect(() => openSecret(randomBytes(32), sealed, 'user:1')).toThrow();
    expect(() => openSecret(key, sealed, 'user:2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => openSecret(key, parts.join('.'), 'user:1')).toThrow();
    expect(() => openSecret(key, 'plain', 'user:1')).toThrow(/sealed/);
  });
});
