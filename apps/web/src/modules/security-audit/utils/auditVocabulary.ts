// The actions and results the API records today (apps/api security-audit AuditAction and
// AuditResult). Values added later are still shown and filterable, as their raw codes.

export const KNOWN_ACTIONS = [
  'SIGN_IN',
  'SIGN_OUT',
  'ACCOUNT_LOCKED',
  'SESSION_EXPIRED',
  'PERMISSION_DENIED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET_APPROVED',
  'PASSWORD_RESET_REJECTED',
  'PASSWORD_RESET_EXPIRED',
  'SECOND_FACTOR_VERIFIED',
  'SECOND_FACTOR_ENROL_STARTED',
  'SECOND_FACTOR_ENROLLED',
  'SECOND_FACTOR_DISABLED',
  'RECOVERY_CODES_REGENERATED',
  'SECOND_FACTOR_RESET',
  'USER_CREATED',
  'USER_DISABLED',
  'USER_ENABLED',
  'ROLE_BOUND',
  'USER_UNLOCKED',
  'USER_PROFILE_UPDATED',
  'EVIDENCE_PACK_DOWNLOADED',
  'EVIDENCE_CORRUPTION_DETECTED',
  'EVIDENCE_INTEGRITY_RESTORED',
  'REPORT_DOWNLOADED',
  'API_TOKEN_ISSUED',
  'API_TOKEN_REVOKED',
  'API_TOKEN_USED',
  'OIDC_SIGN_IN',
  'USER_PROVISIONED',
  'PASSWORD_SIGN_IN_REFUSED',
  'EXTERNAL_IDENTITY_CHANGED',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export const KNOWN_RESULTS = ['success', 'failure', 'denied'] as const;
export type KnownResult = (typeof KNOWN_RESULTS)[number];

export function isKnownAction(value: string): value is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(value);
}

export function isKnownResult(value: string): value is KnownResult {
  return (KNOWN_RESULTS as readonly string[]).includes(value);
}

/** The known values followed by any others seen in the log, without repeats. */
export function withSeen(known: readonly string[], seen: readonly string[]): string[] {
  return [...new Set([...known, ...[...seen].sort()])];
}
