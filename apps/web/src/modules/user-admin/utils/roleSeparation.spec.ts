import { bindableRoles, isPrivilegedRole } from './roleSeparation';

describe('role separation', () => {
  it('offers every role for an account without one', () => {
    expect(bindableRoles(null)).toHaveLength(8);
  });

  it('offers an administrator account only its own role', () => {
    expect(bindableRoles('AUDIT_ADMIN')).toEqual(['AUDIT_ADMIN']);
  });

  it('offers a business account only business roles', () => {
    expect(bindableRoles('COUNTY_OPERATOR')).toEqual([
      'NATIONAL_SUPERVISOR',
      'PROVINCIAL_SUPERVISOR',
      'PREFECTURE_SUPERVISOR',
      'COUNTY_OPERATOR',
      'AUDITOR',
    ]);
  });

  it.each([
    ['SYSTEM_ADMIN', true],
    ['PREFECTURE_SUPERVISOR', true],
    ['AUDITOR', true],
    ['NATIONAL_SUPERVISOR', true],
    ['COUNTY_OPERATOR', false],
    [null, false],
  ] as const)('%s privileged: %s', (role, expected) => {
    expect(isPrivilegedRole(role)).toBe(expected);
  });
});
