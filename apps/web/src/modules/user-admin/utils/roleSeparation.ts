import type { Role } from '../../auth/graphql/types';
import { ROLES } from '../../auth/utils/roles';

// The API's role separation (apps/api/src/user/role-separation.ts), so that the page offers
// only what the API allows; the API checks again.

/** The three separated administrator roles (三权分立). */
export const ADMIN_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

/** Accounts whose password reset needs a second person: all but county operators. */
const PRIVILEGED_ROLES: readonly Role[] = [
  ...ADMIN_ROLES,
  'NATIONAL_SUPERVISOR',
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'AUDITOR',
];

export function isAdminRole(role: Role | null | undefined): boolean {
  return !!role && ADMIN_ROLES.includes(role);
}

export function isPrivilegedRole(role: Role | null | undefined): boolean {
  return !!role && PRIVILEGED_ROLES.includes(role);
}

/**
 * The roles an account may be bound to: any for an account without a role, its own role only
 * for an administrator account, the business roles for a business account.
 */
export function bindableRoles(current: Role | null | undefined): readonly Role[] {
  if (!current) return ROLES;
  if (isAdminRole(current)) return [current];
  return ROLES.filter((role) => !isAdminRole(role));
}
