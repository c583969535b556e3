import { Role } from '../auth/role';
import { isPrivilegedRole, roleChangeRefusal } from './role-separation';

describe('role separation', () => {
  it.each([
    // A first binding is free: administrator accounts are made that way.
    [null, Role.SYSTEM_ADMIN, null],
    [null, Role.COUNTY_OPERATOR, null],
    // Unchanged role (a new jurisdiction, or the same binding again).
    [Role.SECURITY_ADMIN, Role.SECURITY_ADMIN, null],
    [Role.COUNTY_OPERATOR, Role.COUNTY_OPERATOR, null],
    // Between business roles.
    [Role.COUNTY_OPERATOR, Role.PROVINCIAL_SUPERVISOR, null],
    [Role.AUDITOR, Role.PREFECTURE_SUPERVISOR, null],
    [Role.PROVINCIAL_SUPERVISOR, Role.NATIONAL_SUPERVISOR, null],
    [null, Role.NATIONAL_SUPERVISOR, null],
    // Administrator accounts keep their role.
    [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, 'ADMIN_ACCOUNT_ROLE_FIXED'],
    [Role.AUDIT_ADMIN, Role.PROVINCIAL_SUPERVISOR, 'ADMIN_ACCOUNT_ROLE_FIXED'],
    [Role.SECURITY_ADMIN, Role.COUNTY_OPERATOR, 'ADMIN_ACCOUNT_ROLE_FIXED'],
    // Business accounts do not become administrators.
    [Role.PROVINCIAL_SUPERVISOR, Role.SYSTEM_ADMIN, 'BUSINESS_ACCOUNT_TO_ADMIN'],
    [Role.COUNTY_OPERATOR, Role.AUDIT_ADMIN, 'BUSINESS_ACCOUNT_TO_ADMIN'],
    [Role.NATIONAL_SUPERVISOR, Role.SECURITY_ADMIN, 'BUSINESS_ACCOUNT_TO_ADMIN'],
    [Role.SYSTEM_ADMIN, Role.NATIONAL_SUPERVISOR, 'ADMIN_ACCOUNT_ROLE_FIXED'],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(roleChangeRefusal(from, to)).toBe(expected);
  });

  it('treats every role but the county operator (and no role) as privileged', () => {
    expect(Object.values(Role).filter((r) => !isPrivilegedRole(r))).toEqual([Role.COUNTY_OPERATOR]);
    expect(isPrivilegedRole(null)).toBe(false);
  });
});
