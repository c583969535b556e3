import { trustProxySetting } from './trust-proxy';

describe('trustProxySetting', () => {
  it('trusts nobody by default, and exactly the configured proxies otherwise', () => {
    expect(trustProxySetting({ trustedProxies: [] })).toBe(false);
    expect(trustProxySetting({ trustedProxies: ['10.0.0.2', 'loopback'] })).toEqual([
      '10.0.0.2',
      'loopback',
    ]);
  });
});
