import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps implement
 * them: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch. Verification accepts the
 * step before and after the current one (clock drift of a phone) and returns the step that
 * matched, so that the caller can refuse it a second time (RFC 6238 §5.2).
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW = 1;
/** 160-bit secrets, the size RFC 4226 §4 recommends for HMAC-SHA-1. */
export const TOTP_SECRET_BYTES = 20;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: the form authenticator apps read from otpauth:// URIs. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as people type it: case, spaces, dashes and padding are ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new random secret, base32. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/** The step number of a moment: floor(unix seconds / 30). */
export function totpStep(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HOTP (RFC 4226 §5.3): dynamic truncation of HMAC(key, counter), `digits` decimal digits. */
export function hotp(
  key: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary =
    ((mac[offset] & 0x7f) << 24) |
    (mac[offset + 1] << 16) |
    (mac[offset + 2] << 8) |
    mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code for a base32 secret at a moment (what the authenticator app shows). */
export function totpCode(secretBase32: string, at: Date | number): string {
  return hotp(base32Decode(secretBase32), totpStep(at));
}

/** Digits only, spaces removed: "123 456" as apps display it is accepted. */
export function normalizeTotpInput(code: string): string | null {
  const clean = code.replace(/\s/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(clean) ? clean : null;
}

/**
 * Checks a code against the current step and TOTP_WINDOW steps either side.
 *
 * @returns the matching step (the caller stores it and refuses steps up to it afterwards), or
 * null. Every candidate is compared in constant time.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date | number): number | null {
  const given = normalizeTotpInput(code);
  if (!given) return null;
  const key = base32Decode(secretBase32);
  const current = totpStep(at);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (timingSafeEqual(expected, Buffer.from(given)) && matched === null) matched = step;
  }
  return matched;
}

/**
 * The otpauth:// URI authenticator apps scan (Google Authenticator key URI format): issuer and
 * account in the label and the issuer parameter, SHA1, 6 digits, 30 s spelled out.
 */
export function totpUri(secretBase32: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

/**
 * AES-256-GCM sealing of a secret at rest: `v1.<iv b64url>.<tag b64url>.<ciphertext b64url>`.
 * The additional data binds the sealed value to its row (e.g. the user id), so a copied
 * ciphertext does not open under another account.
 */
export function sealSecret(key: Buffer, plaintext: string, associatedData: string): string {
  if (key.length !== 32) throw new Error('the sealing key must be 32 bytes');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return `v1.${parts.join('.')}`;
}

/** Opens what sealSecret sealed; throws when the key, the data or the ciphertext differ. */
export function openSecret(key: Buffer, sealed: string, associatedData: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined || rest.length) {
    throw new Error('not a sealed secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
