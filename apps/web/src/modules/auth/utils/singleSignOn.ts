/** Codes the API's single sign-on callback sends back in `?oidcError=` (auth/oidc/oidc.service.ts). */
export const OIDC_ERROR_CODES = [
  'OIDC_NOT_CONFIGURED',
  'OIDC_PROVIDER_UNAVAILABLE',
  'OIDC_STATE_INVALID',
  'OIDC_PROVIDER_REFUSED',
  'OIDC_TOKEN_INVALID',
  'OIDC_CLAIM_MISSING',
  'OIDC_ACCOUNT_NOT_FOUND',
  'OIDC_ACCOUNT_DISABLED',
  'OIDC_PROVISION_FAILED',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export function isKnownOidcError(code: string): code is OidcErrorCode {
  return (OIDC_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Takes the single sign-on refusal out of the address (so that a reload or a bookmark does not
 * show it again) and returns its code; null when there is none. Only code-shaped values count.
 */
export function takeOidcErrorFromLocation(): string | null {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('oidcError');
  if (code === null) return null;
  url.searchParams.delete('oidcError');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return /^OIDC_[A-Z_]{1,40}$/.test(code) ? code : 'OIDC_UNKNOWN';
}
