// A real OpenID Connect provider (the `oidc-provider` package) for tests, run as its own
// process: oidc-provider and its dependencies are ES modules that jest's module system on
// Node 20 cannot load. Started by startOidcTestProvider (oidc-test-provider.ts).
//
// Environment: OIDC_TEST_CLIENT (JSON client metadata), OIDC_TEST_ACCOUNTS (JSON: account id →
// claims). Prints `OIDC_TEST_PROVIDER_READY <issuer>` once listening on a random port.
//
// Sign-in goes through the package's development interaction (a form with a login and a
// password field; the login is the account id). Consent is granted for the configured client
// without a prompt, as a first-party provider does.
import http from 'node:http';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.OIDC_TEST_CLIENT ?? '{}');
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [client],
  pkce: { required: () => true },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    id_card: ['id_card_number'],
    groups: ['groups'],
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  // Claims in the ID token too (the client also reads the userinfo endpoint when they are not).
  conformIdTokenClaims: process.env.OIDC_TEST_CONFORM_ID_TOKEN === 'true',
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid profile id_card groups');
    await grant.save();
    return grant;
  },
  ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
});
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Loopback redirect URIs with any port (RFC 8252 §7.3): the app under test listens on a random one.
const allowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
  try {
    const url = new URL(uri);
    if (LOOPBACK.has(url.hostname) && url.pathname === '/api/auth/oidc/callback') return true;
  } catch {
    return false;
  }
  return allowed.call(this, uri);
};
provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutAllowed(uri) {
  try {
    return LOOPBACK.has(new URL(uri).hostname);
  } catch {
    return false;
  }
};
server.on('request', provider.callback());
process.stdout.write(`OIDC_TEST_PROVIDER_READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
