import { Role } from './role';
import type { SecondFactorStep } from './user-session.entity';

/** The signed-in user as every service sees it, resolved once per request from the session. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role | null;
  /**
   * The bound unit: the province of a PROVINCIAL_SUPERVISOR, a prefecture for a
   * PREFECTURE_SUPERVISOR, a province or prefecture for an AUDITOR (none: the whole country),
   * the unit of a COUNTY_OPERATOR.
   */
  unitCode: string | null;
  /**
   * The provinces (XX0000 codes) a NATIONAL_SUPERVISOR or an unbound AUDITOR is limited to;
   * null or empty: the whole country.
   */
  scopeProvinceCodes?: readonly string[] | null;
  departmentId: string | null;
  /** Set by an administrator, or because the password is older than PASSWORD_MAX_AGE_DAYS. */
  mustChangePassword: boolean;
  /** The password is older than PASSWORD_MAX_AGE_DAYS (the reason for mustChangePassword). */
  passwordExpired: boolean;
  /** What the session still owes after the password; null for a full session. */
  secondFactorStep: SecondFactorStep | null;
  sessionId: string;
  sessionExpiresAt: Date;
  /** The session was opened through single sign-on (OIDC), not with a password. */
  singleSignOn?: boolean;
}

/** What a request carries besides the principal, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export function actorOf(principal: Principal): { id: string; username: string } {
  return { id: principal.userId, username: principal.username };
}
