import { loadConfig } from '../../config/config';

describe('loadConfig: single sign-on (OIDC) and password sign-in', () => {
  const cwd = '/srv/app';
  const oidc = {
    OIDC_ISSUER: 'https://idp.hubei.gov.cn/realms/gov',
    OIDC_CLIENT_ID: 'duty-tracker',
  };

  it('is off with passwords for all unless OIDC_ISSUER is set', () => {
    expect(loadConfig({}, cwd).signOn).toEqual({ oidc: null, localPasswordSignIn: 'all' });
  });

  it('reads the provider, the matching claim and provisioning, with safe defaults', () => {
    expect(loadConfig({ ...oidc, OIDC_SCOPES: 'profile idcard' }, cwd).signOn.oidc).toEqual({
      issuer: 'https://idp.hubei.gov.cn/realms/gov',
      clientId: 'duty-tracker',
      clientSecret: null,
      redirectUri: null,
      scopes: 'openid profile idcard',
      matchClaim: 'sub',
      matchField: 'external_subject',
      provision: false,
      roleMapping: null,
      buttonLabel: null,
      endSession: true,
      allowInsecureHttp: true,
    });
  });

  it('maps claim values to the two roles without a unit, and to nothing else', () => {
    const config = loadConfig(
      {
        ...oidc,
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ROLE_MAP: 'sheng-dudao=PROVINCIAL_SUPERVISOR, shenji=AUDITOR',
      },
      cwd,
    );
    expect(config.signOn.oidc?.roleMapping).toEqual({
      claim: 'groups',
      map: { 'sheng-dudao': 'PROVINCIAL_SUPERVISOR', shenji: 'AUDITOR' },
    });
    for (const map of ['admins=SYSTEM_ADMIN', 'x=COUNTY_OPERATOR', 'novalue']) {
      expect(() =>
        loadConfig({ ...oidc, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: map }, cwd),
      ).toThrow(/OIDC_ROLE_MAP: must be value=ROLE pairs/);
    }
  });

  it.each([
    [{ OIDC_ISSUER: 'https://idp.example' }, /OIDC_CLIENT_ID: needed with OIDC_ISSUER/],
    [{ LOCAL_PASSWORD_SIGN_IN: 'break-glass' }, /LOCAL_PASSWORD_SIGN_IN: break-glass needs/],
    [{ ...oidc, OIDC_ROLE_CLAIM: 'groups' }, /set both to map roles/],
    [
      { ...oidc, NODE_ENV: 'production', OIDC_ISSUER: 'http://idp.example' },
      /OIDC_ISSUER: must be an https:\/\/ URL in production/,
    ],
    [{ ...oidc, OIDC_MATCH_FIELD: 'email' }, /OIDC_MATCH_FIELD: /],
    [{ ...oidc, LOCAL_PASSWORD_SIGN_IN: 'none' }, /LOCAL_PASSWORD_SIGN_IN: /],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv, cwd)).toThrow(message);
  });

  it('allows plain http to a loopback provider in production, and break-glass with a provider', () => {
    const config = loadConfig(
      {
        ...oidc,
        NODE_ENV: 'production',
        OIDC_ISSUER: 'http://127.0.0.1:8080',
        LOCAL_PASSWORD_SIGN_IN: 'break-glass',
        SEED_DEMO_DATA: 'false',
      },
      cwd,
    );
    expect(config.signOn.localPasswordSignIn).toBe('break-glass');
    expect(config.signOn.oidc?.allowInsecureHttp).toBe(true);
  });
});
