import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The cookie that carries a sign-in in flight from /login to /callback. */
export const OIDC_LOGIN_COOKIE = 'duty_oidc_login';
export const OIDC_COOKIE_PATH = '/api/auth/oidc';
/** Long enough to type a password and a code at the provider; short enough to be useless later. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** What the callback must check the provider's answer against (kept from the browser's eyes). */
export interface OidcLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** Epoch milliseconds when the sign-in began. */
  startedAt: number;
}

/** A sub-key for this purpose only, derived from the server's key (MFA_KEY_FILE). */
export function loginStateKey(serverKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', serverKey, Buffer.alloc(0), 'duty oidc login state v1', 32),
  );
}

/**
 * Seals the state with AES-256-GCM: the browser holds it (no server-side table, any instance
 * can finish the sign-in) but can neither read the PKCE verifier nor change a field.
 */
export function sealLoginState(state: OidcLoginState, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(state), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The state, or null when the value was not sealed with this key, was altered, or is too old. */
export function openLoginState(
  sealed: string | undefined,
  key: Buffer,
  now: number,
): OidcLoginState | null {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
    const state = JSON.parse(text) as OidcLoginState;
    if (typeof state.startedAt !== 'number' || now - state.startedAt > OIDC_LOGIN_TTL_MS) {
      return null;
    }
    return state;
  } catch {
    return null;
  }
}
