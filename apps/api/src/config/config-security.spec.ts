import { ConfigError, defaultHashConcurrency, loadConfig } from './config';

describe('loadConfig: sign-in throttling, proxies, headers and passwords', () => {
  const cwd = '/srv/app';

  it('trusts no proxy unless TRUSTED_PROXIES names them', () => {
    expect(loadConfig({}, cwd).http).toEqual({ trustedProxies: [], hsts: 'auto' });
    expect(
      loadConfig({ TRUSTED_PROXIES: ' loopback, 10.0.0.0/8 ,2001:db8::1 ' }, cwd).http
        .trustedProxies,
    ).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  it.each([
    ['TRUSTED_PROXIES', '10.0.0.1, proxy.example'],
    ['TRUSTED_PROXIES', '10.0.0.0/33'],
    ['HSTS', 'yes'],
    ['PASSWORD_HISTORY', '25'],
    ['PASSWORD_HASH_CONCURRENCY', '0'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value }, cwd)).toThrow(new RegExp(`${name}: `));
  });

  it('keeps the per-address limit for one username below the account lockout', () => {
    expect(loadConfig({}, cwd).auth).toMatchObject({
      lockoutThreshold: 20,
      signInThrottle: { windowMs: 900_000, maxFailuresPerIp: 20, maxFailuresPerIpAccount: 5 },
      passwordHistory: 5,
    });
    let error: unknown;
    try {
      loadConfig({ LOCKOUT_THRESHOLD: '5', SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT: '5' }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(
        /^SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT \(5\) must be below LOCKOUT_THRESHOLD \(5\)/,
      ),
    ]);
  });

  it('leaves a core to the event loop and a pool thread to file I/O when hashing passwords', () => {
    expect([1, 2, 4, 16].map((cores) => defaultHashConcurrency(cores))).toEqual([1, 1, 3, 3]);
    expect(loadConfig({ PASSWORD_HASH_CONCURRENCY: '6' }, cwd).auth.passwordHashConcurrency).toBe(
      6,
    );
  });
});
