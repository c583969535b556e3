import { Role } from '../auth/role';

/** Who reads the regulation and the duty register: business roles, and the system administrator (configuration). */
export const REGISTER_READERS = [
  Role.SYSTEM_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
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
] as const;
