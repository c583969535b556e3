/** A 6-digit code as authenticator apps show it ("123 456" is accepted). */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

/** A recovery code: two groups of five from the server's alphabet, dash and case optional. */
export function isRecoveryCode(input: string): boolean {
  return /^[ACDEFGHJKMNPQRTUVWXY34679]{10}$/.test(input.toUpperCase().replace(/[\s-]/g, ''));
}

/** The base32 secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
