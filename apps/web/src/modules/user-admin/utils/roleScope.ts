import type { Role } from '../../auth/graphql/types';

/**
 * Which unit / department a role is bound to (the API's bindUserRole rules):
 * - `province`: a province is required (省级督导; the only one is taken when there is one);
 * - `provinces`: no unit, optionally some provinces, none for the whole country (国家级督导);
 * - `prefecture`: a prefecture is required (市州督导);
 * - `optionalPrefecture`: a province or a prefecture, or none for the whole country or some
 *   provinces (审计评估人员);
 * - `countyDepartment`: a county-level unit and one of its departments (县级部门经办人);
 * - `none`: neither (administrator roles).
 */
export type RoleScope =
  'none' | 'province' | 'provinces' | 'prefecture' | 'optionalPrefecture' | 'countyDepartment';

export function roleScope(role: Role | null | undefined): RoleScope {
  switch (role) {
    case 'NATIONAL_SUPERVISOR':
      return 'provinces';
    case 'PROVINCIAL_SUPERVISOR':
      return 'province';
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

/** Whether the role may be limited to some provinces when it has no unit. */
export function takesScopeProvinces(role: Role | null | undefined, unitCode?: string): boolean {
  const scope = roleScope(role);
  return scope === 'provinces' || (scope === 'optionalPrefecture' && !unitCode);
}
