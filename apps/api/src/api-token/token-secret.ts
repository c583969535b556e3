import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every machine token starts with this, so that a leaked one is recognisable (secret scanners). */
export const API_TOKEN_PREFIX = 'dtk_';

/** `dtk_` + 12 hex (public id, for lookup) + `_` + 43 base64url characters (256 random bits). */
const TOKEN_PATTERN = /^dtk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiTokenSecret {
  /** The whole token, shown once. */
  token: string;
  publicId: string;
  /** SHA-256 (hex) of the whole token: the only thing stored. */
  hash: string;
}

/** A new token: 48 random bits of public id, 256 random bits of secret. */
export function newApiTokenSecret(): NewApiTokenSecret {
  const publicId = randomBytes(6).toString('hex');
  const token = `${API_TOKEN_PREFIX}${publicId}_${randomBytes(32).toString('base64url')}`;
  return { token, publicId, hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The public id of a well-formed token, or null. */
export function parseApiToken(token: string): { publicId: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { publicId: match[1] } : null;
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function apiTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The machine token of a request: `Authorization: Bearer dtk_…` only. Session cookies and
 * session tokens are not machine credentials and are never looked at here.
 */
export function bearerOf(authorization: string | string[] | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}
