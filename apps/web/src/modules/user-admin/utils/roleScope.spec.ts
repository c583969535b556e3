import { ROLES } from '../../auth/utils/roles';
import { roleScope } from './roleScope';

describe('roleScope', () => {
  it('follows the API’s binding rules for every role', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, roleScope(role)]))).toEqual({
      SYSTEM_ADMIN: 'none',
      SECURITY_ADMIN: 'none',
      AUDIT_ADMIN: 'none',
      PROVINCIAL_SUPERVISOR: 'none',
      PREFECTURE_SUPERVISOR: 'prefecture',
      COUNTY_OPERATOR: 'countyDepartment',
      AUDITOR: 'optionalPrefecture',
    });
    expect(roleScope(null)).toBe('none');
  });
});
