import type { CurrentUser, Role } from '../graphql/types';

/** Every role, in the order used in lists and selects. */
export const ROLES: readonly Role[] = [
  'SYSTEM_ADMIN',
  'SECURITY_ADMIN',
  'AUDIT_ADMIN',
  'NATIONAL_SUPERVISOR',
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
  'AUDITOR',
];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

/** Guards against roles added on the server before the web app knows them. */
export function isKnownRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}

/** Whether the user holds one of `roles`. */
export function hasRole(user: Pick<CurrentUser, 'role'> | null | undefined, ...roles: Role[]) {
  return !!user?.role && roles.includes(user.role);
}
