import { ROLES } from '../../auth/utils/roles';
import { roleScope, takesScopeProvinces } from './roleScope';

describe('roleScope', () => {
  it('follows the API’s binding rules for every role', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, roleScope(role)]))).toEqual({
      SYSTEM_ADMIN: 'none',
      SECURITY_ADMIN: 'none',
      AUDIT_ADMIN: 'none',
      NATIONAL_SUPERVISOR: 'provinces',
      PROVINCIAL_SUPERVISOR: 'province',
      PREFECTURE_SUPERVISOR: 'prefecture',
      COUNTY_OPERATOR: 'countyDepartment',
      AUDITOR: 'optionalPrefecture',
    });
    expect(roleScope(null)).toBe('none');
  });

  it('limits national supervisors, and auditors without a unit, to provinces', () => {
    expect(takesScopeProvinces('NATIONAL_SUPERVISOR')).toBe(true);
    expect(takesScopeProvinces('AUDITOR')).toBe(true);
    expect(takesScopeProvinces('AUDITOR', '420000')).toBe(false);
    expect(takesScopeProvinces('PROVINCIAL_SUPERVISOR')).toBe(false);
    expect(takesScopeProvinces(null)).toBe(false);
  });
});
