import type { Role } from '../../auth/graphql/types';

const LANDING: Record<Role, string> = {
  PROVINCIAL_SUPERVISOR: '/workbench',
  PREFECTURE_SUPERVISOR: '/workbench',
  COUNTY_OPERATOR: '/workbench',
  AUDITOR: '/workbench',
  NATIONAL_SUPERVISOR: '/workbench',
  // The administrators start on the about page (the installation's facts), one click from
  // their work in the menu; they see no business data.
  SYSTEM_ADMIN: '/about',
  SECURITY_ADMIN: '/about',
  AUDIT_ADMIN: '/about',
};

/** Where a user with `role` (null: none bound yet) starts after signing in. */
export function landingPath(role: Role | null): string {
  return (role && LANDING[role]) || '/about';
}
