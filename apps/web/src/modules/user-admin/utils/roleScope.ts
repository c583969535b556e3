import type { Role } from '../../auth/graphql/types';

/**
 * Which unit / department a role is bound to (the API's bindUserRole rules):
 * - `prefecture`: a prefecture is required (市州督导);
 * - `optionalPrefecture`: a prefecture, or none for the whole province (审计评估人员);
 * - `countyDepartment`: a county-level unit and one of its departments (县级部门经办人);
 * - `none`: neither (province-wide and administrator roles).
 */
export type RoleScope = 'none' | 'prefecture' | 'optionalPrefecture' | 'countyDepartment';

export function roleScope(role: Role | null | undefined): RoleScope {
  switch (role) {
    case 'PREFECTURE_SUPERVISOR':
      return 'prefecture';
    case 'AUDITOR':
      return 'optionalPrefecture';
    case 'COUNTY_OPERATOR':
      return 'countyDepartment';
    default:
      return 'none';
  }
}
