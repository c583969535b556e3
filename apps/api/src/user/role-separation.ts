import { Role } from '../auth/role';

/**
 * The three separated administrator roles (三权分立). An account bound to one of them keeps
 * it for life: rebinding it to another role, or promoting a business account to one, would let
 * one administrator hold two sets of powers or hand them to a business account.
 */
export const ADMIN_ROLES: readonly Role[] = [
  Role.SYSTEM_ADMIN,
  Role.SECURITY_ADMIN,
  Role.AUDIT_ADMIN,
];

/**
 * Accounts whose password one administrator may not reset alone (dual control): the
 * administrators, the supervisors and the auditors. Their credentials open the audit log,
 * user administration or every unit's tasks and evidence. County operators and accounts
 * without a role are reset directly by the system administrator.
 */
export const PRIVILEGED_ROLES: readonly Role[] = [
  ...ADMIN_ROLES,
  Role.NATIONAL_SUPERVISOR,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
];

export function isAdminRole(role: Role | null | undefined): boolean {
  return !!role && ADMIN_ROLES.includes(role);
}

export function isPrivilegedRole(role: Role | null | undefined): boolean {
  return !!role && PRIVILEGED_ROLES.includes(role);
}

export type RoleChangeRefusal = 'ADMIN_ACCOUNT_ROLE_FIXED' | 'BUSINESS_ACCOUNT_TO_ADMIN';

/**
 * Why a change of role is refused, or null when it is allowed. The first binding of an
 * account without a role is free (that is how administrator accounts are made: created
 * without a role, then bound by the security administrator); afterwards administrator and
 * business roles do not cross, and an administrator account does not change role at all.
 */
export function roleChangeRefusal(from: Role | null, to: Role): RoleChangeRefusal | null {
  if (from === null || from === to) return null;
  if (isAdminRole(from)) return 'ADMIN_ACCOUNT_ROLE_FIXED';
  if (isAdminRole(to)) return 'BUSINESS_ACCOUNT_TO_ADMIN';
  return null;
}
