import { Role } from './role';

/** The signed-in user as every service sees it, resolved once per request from the session. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role | null;
  /** The bound unit: a prefecture for PREFECTURE_SUPERVISOR (and a prefecture AUDITOR), the unit of a COUNTY_OPERATOR. */
  unitCode: string | null;
  departmentId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  sessionExpiresAt: Date;
}

/** What a request carries besides the principal, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export function actorOf(principal: Principal): { id: string; username: string } {
  return { id: principal.userId, username: principal.username };
}
