import { Role } from '../auth/role';

/** Who reads the regulation and the duty register: business roles, and the system administrator (configuration). */
export const REGISTER_READERS = [
  Role.SYSTEM_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
] as const;

/** Who imports regulation texts: configuration (system administrator) and the provincial supervisors. */
export const REGISTER_EDITORS = [Role.SYSTEM_ADMIN, Role.PROVINCIAL_SUPERVISOR] as const;

/** Who reviews extracted duties (a business decision: never an administrator). */
export const DUTY_REVIEWERS = [Role.PROVINCIAL_SUPERVISOR] as const;

/** Who lists units and departments: everyone with a role except the audit administrator (audit log only). */
export const UNIT_READERS = [
  Role.SYSTEM_ADMIN,
  Role.SECURITY_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
] as const;

/**
 * Who sees the source addresses (IP) recorded with task history: auditors and the
 * administrators. Others see null: an address says where a colleague or a supervisor works
 * from, which a county operator has no need to know (issue 15, finding 11).
 */
export const SOURCE_ADDRESS_READERS: readonly Role[] = [
  Role.AUDITOR,
  Role.SYSTEM_ADMIN,
  Role.SECURITY_ADMIN,
  Role.AUDIT_ADMIN,
];
