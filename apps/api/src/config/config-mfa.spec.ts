import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('second factor and password age settings', () => {
  it('requires a second factor of the privileged roles in production only, unless told', () => {
    const production = loadConfig(
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' },
      '/srv',
    );
    expect(production.auth.mfa.required).toBe(true);
    expect(production.auth.mfa.requiredRoles).toEqual([
      'SYSTEM_ADMIN',
      'SECURITY_ADMIN',
      'AUDIT_ADMIN',
      'NATIONAL_SUPERVISOR',
      'PROVINCIAL_SUPERVISOR',
      'PREFECTURE_SUPERVISOR',
      'AUDITOR',
    ]);
    expect(production.auth.mfa.keyFile).toBe(path.resolve('/srv', '.data/keys/mfa.key'));
    expect(loadConfig({ NODE_ENV: 'development' }).auth.mfa.required).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).auth.mfa.required).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MFA_REQUIRED: 'false' }).auth.mfa.required).toBe(
      false,
    );
    expect(loadConfig({ MFA_REQUIRED: 'yes' }).auth.mfa.required).toBe(true);
  });

  it('reads the roles by name and refuses unknown ones', () => {
    expect(
      loadConfig({ MFA_REQUIRED_ROLES: 'security_admin, PROVINCIAL_SUPERVISOR' }).auth.mfa
        .requiredRoles,
    ).toEqual(['SECURITY_ADMIN', 'PROVINCIAL_SUPERVISOR']);
    expect(() => loadConfig({ MFA_REQUIRED_ROLES: 'ADMIN' })).toThrow(ConfigError);
    expect(() => loadConfig({ MFA_REQUIRED_ROLES: 'ADMIN' })).toThrow(/MFA_REQUIRED_ROLES/);
  });

  it('has no maximum password age unless PASSWORD_MAX_AGE_DAYS is set', () => {
    expect(loadConfig({}).auth.passwordMaxAgeMs).toBeNull();
    expect(loadConfig({ PASSWORD_MAX_AGE_DAYS: '90' }).auth.passwordMaxAgeMs).toBe(90 * 86_400_000);
    expect(() => loadConfig({ PASSWORD_MAX_AGE_DAYS: '0' })).toThrow(/PASSWORD_MAX_AGE_DAYS/);
  });
});
