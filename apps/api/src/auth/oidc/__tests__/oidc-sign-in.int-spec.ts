import { OidcTestProvider, startOidcTestProvider } from '@duty/test-support';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../../testing/test-api';
import { DEMO_PASSWORD } from '../../../user/demo-accounts';
import { AppUser } from '../../../user/user.entity';
import {
  loginStateKey,
  OIDC_LOGIN_COOKIE,
  openLoginState,
  sealLoginState,
} from '../oidc-login-state';

/** Cookies of one side (name → value), from Set-Cookie headers. */
class Jar {
  private readonly values = new Map<string, string>();
  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.values.delete(name);
      else this.values.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  header(): string {
    return [...this.values].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

async function get(url: string, jar: Jar): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(response);
  return response;
}

function location(response: Response, base: string): string {
  const value = response.headers.get('location');
  if (!value) throw new Error(`no redirect from ${response.url} (${response.status})`);
  return new URL(value, base).href;
}

/**
 * The browser's part up to the provider's redirect back: /login, the provider's development
 * sign-in form (login = account id), and its answer. Returns the callback URL (not yet
 * followed) and the app's cookies.
 */
async function authenticateAtProvider(api: TestApi, login: string) {
  const app = new Jar();
  const provider = new Jar();
  const start = await get(`${api.url}/api/auth/oidc/login`, app);
  expect(start.status).toBe(303);
  const authorize = location(start, api.url);
  const params = new URL(authorize).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get('nonce')).toBeTruthy();
  let response = await get(authorize, provider);
  let url = location(response, authorize);
  response = await get(url, provider);
  const html = await response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no sign-in form at the provider:\n${html}`);
  const submit = new URL(action.replace(/&amp;/g, '&'), url).href;
  response = await fetch(submit, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: provider.header(),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  });
  provider.take(response);
  url = location(response, submit);
  // Resume the authorization; the client's grant is created without a consent prompt.
  for (let hops = 0; hops < 5 && !url.startsWith(api.url); hops++) {
    response = await get(url, provider);
    url = location(response, url);
  }
  expect(url.startsWith(`${api.url}/api/auth/oidc/callback?`)).toBe(true);
  return { callback: url, app };
}

/** Follows the callback: where the app sends the browser, and the session cookie if any. */
async function finish(callback: string, app: Jar) {
  const response = await get(callback, app);
  expect(response.status).toBe(303);
  return {
    redirect: response.headers.get('location'),
    session: app.get('duty_session'),
    loginCookieCleared: app.get(OIDC_LOGIN_COOKIE) === undefined,
  };
}

async function oidcSignIn(api: TestApi, login: string) {
  const { callback, app } = await authenticateAtProvider(api, login);
  return finish(callback, app);
}

const ME = `{ me { username displayName role unit { code } } }`;
function asSession(api: TestApi, session: string | undefined) {
  return <T>(query: string) =>
    api.graphql<T>(query, {}, { cookie: `duty_session=${session ?? ''}` });
}

const ACCOUNTS = {
  // Matched with the demo account 'province' by preferred_username.
  'gov-0001': { preferred_username: 'Province', name: '省级督导（统一身份）' },
  // Not known to the system.
  'gov-0002': { preferred_username: 'wangwu', name: '王五' },
  'gov-0003': { preferred_username: 'enshi-zhou', name: '恩施州督导' },
  'gov-0004': { preferred_username: 'lisi', name: '李四' },
};

describe('single sign-on through a real OpenID Connect provider (oidc-provider)', () => {
  let provider: OidcTestProvider;
  // Matched by username (preferred_username), provisioning on, passwords for break-glass only.
  let api: TestApi;
  let db: DataSource;
  // Matched by the external subject (sub), provisioning off, a public client.
  let strict: TestApi;

  beforeAll(async () => {
    provider = await startOidcTestProvider(ACCOUNTS);
    api = await startTestApi({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_MATCH_CLAIM: 'preferred_username',
      OIDC_MATCH_FIELD: 'username',
      OIDC_PROVISION: 'true',
      LOCAL_PASSWORD_SIGN_IN: 'break-glass',
    });
    db = api.server.app.get(DataSource);
    strict = await startTestApi({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_MATCH_CLAIM: 'sub',
      OIDC_MATCH_FIELD: 'external_subject',
      OIDC_PROVISION: 'false',
    });
  });
  afterAll(async () => {
    await api?.close();
    await strict?.close();
    await provider?.stop();
  });

  it('tells the sign-in page that single sign-on is on and passwords are for break-glass only', async () => {
    const res = await api.graphql(`{ signInOptions { oidcEnabled oidcLoginPath passwordSignIn } }`);
    expect(res.data).toEqual({
      signInOptions: {
        oidcEnabled: true,
        oidcLoginPath: '/api/auth/oidc/login',
        passwordSignIn: 'BREAK_GLASS',
      },
    });
  });

  it('signs a matched person in as their existing account, role and jurisdiction unchanged', async () => {
    const result = await oidcSignIn(api, 'gov-0001');
    expect(result.redirect).toBe('/');
    expect(result.loginCookieCleared).toBe(true);
    expect(result.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await asSession(api, result.session)(ME);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: {
        username: 'province',
        displayName: expect.any(String),
        role: 'PROVINCIAL_SUPERVISOR',
        unit: { code: '420000' },
      },
    });
    // The session works for the role's data (no password change or second factor asked).
    const tasks = await asSession(api, result.session)(`{ tasks(first: 1) { nodes { id } } }`);
    expect(tasks.errors).toBeUndefined();
    const [entry] = await db.query(
      `SELECT actor_username, result, detail FROM security_audit_log
        WHERE action = 'OIDC_SIGN_IN' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor_username: 'province', result: 'success' });
    const [session] = await db.query(
      `SELECT auth_method FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE u.username = 'province' ORDER BY s.created_at DESC LIMIT 1`,
    );
    expect(session.auth_method).toBe('oidc');
  });

  it('signs a single sign-on session out at the provider too: our session ends, the browser goes to its end-session endpoint', async () => {
    const result = await oidcSignIn(api, 'gov-0001');
    const asMe = asSession(api, result.session);
    const flagged = await asMe<{ me: { singleSignOn: boolean } }>(`{ me { singleSignOn } }`);
    expect(flagged.data!.me.singleSignOn).toBe(true);
    const app = new Jar();
    app.set('duty_session', result.session!);
    const out = await get(`${api.url}/api/auth/oidc/logout`, app);
    expect(out.status).toBe(303);
    const endSession = new URL(location(out, api.url));
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('client_id')).toBe(provider.clientId);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/`);
    expect(app.get('duty_session')).toBeUndefined();
    expect((await asMe<{ me: null }>(`{ me { username } }`)).data!.me).toBeNull();
    const [entry] = await db.query(
      `SELECT actor_username, detail FROM security_audit_log WHERE action = 'SIGN_OUT' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ actor_username: 'province', detail: { via: 'oidc_logout' } });
    // The provider knows the end-session request (its confirmation page, not an error).
    const confirm = await fetch(endSession, { redirect: 'manual' });
    expect(confirm.status).toBe(200);
    // A password session (the other server: passwords for everyone) is not single sign-on.
    const local = await strict.signIn('province');
    const password = await local.graphql<{ me: { singleSignOn: boolean } }>(
      `{ me { singleSignOn } }`,
    );
    expect(password.data!.me.singleSignOn).toBe(false);
  });

  it('provisions an unknown person with no role and no jurisdiction, who can reach no data', async () => {
    const result = await oidcSignIn(api, 'gov-0002');
    expect(result.redirect).toBe('/');
    const call = asSession(api, result.session);
    expect((await call(ME)).data).toEqual({
      me: { username: 'wangwu', displayName: '王五', role: null, unit: null },
    });
    const user = await db.getRepository(AppUser).findOneByOrFail({ username: 'wangwu' });
    expect(user).toMatchObject({
      role: null,
      unitCode: null,
      departmentId: null,
      externalSubject: 'wangwu',
      breakGlass: false,
    });
    for (const query of [
      `{ tasks(first: 1) { nodes { id } } }`,
      `{ users { totalCount } }`,
      `{ workbench { __typename } }`,
    ]) {
      const res = await call(query);
      expect([query, res.data, res.errors?.[0]?.extensions?.code]).toEqual([
        query,
        null,
        'FORBIDDEN',
      ]);
    }
    const audit = await db.query(
      `SELECT action FROM security_audit_log WHERE target = 'user:wangwu' ORDER BY id`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toContain('USER_PROVISIONED');

    // A second sign-in finds the same account rather than creating another.
    const again = await oidcSignIn(api, 'gov-0002');
    expect(again.redirect).toBe('/');
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE username = 'wangwu'`,
    );
    expect(n).toBe(1);
  });

  it('refuses an unknown person with OIDC_ACCOUNT_NOT_FOUND when provisioning is off, and matches by subject once bound', async () => {
    const refused = await oidcSignIn(strict, 'gov-0004');
    expect(refused).toMatchObject({
      redirect: '/?oidcError=OIDC_ACCOUNT_NOT_FOUND',
      session: undefined,
    });
    const strictDb = strict.server.app.get(DataSource);
    const [entry] = await strictDb.query(
      `SELECT result, detail FROM security_audit_log
        WHERE action = 'OIDC_SIGN_IN' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({
      result: 'failure',
      detail: { code: 'OIDC_ACCOUNT_NOT_FOUND', reason: 'no_matching_account' },
    });
    expect((await strictDb.query(`SELECT 1 FROM app_user WHERE username = 'lisi'`)).length).toBe(0);

    // The security administrator binds the provider's subject to an account: now it matches.
    const secadmin = await strict.signIn('secadmin');
    const [target] = await strictDb.query(
      `SELECT id FROM app_user WHERE username = 'jiangan-scjg'`,
    );
    const SET = `mutation($input: SetExternalIdentityInput!) {
      setExternalIdentity(input: $input) { username externalSubject breakGlass } }`;
    const bound = await secadmin.graphql(SET, {
      input: { userId: target.id, externalSubject: 'gov-0004' },
    });
    expect(bound.data).toEqual({
      setExternalIdentity: {
        username: 'jiangan-scjg',
        externalSubject: 'gov-0004',
        breakGlass: false,
      },
    });
    // Break-glass is for administrators only.
    const refusedFlag = await secadmin.graphql(SET, {
      input: { userId: target.id, breakGlass: true },
    });
    expect(refusedFlag.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const matched = await oidcSignIn(strict, 'gov-0004');
    expect(matched.redirect).toBe('/');
    const me = await asSession(strict, matched.session)<{ me: { username: string } }>(ME);
    expect(me.data?.me.username).toBe('jiangan-scjg');
  });

  it('refuses a callback whose state does not match, or that comes without the sign-in cookie', async () => {
    const tampered = await authenticateAtProvider(api, 'gov-0003');
    const url = new URL(tampered.callback);
    url.searchParams.set('state', 'forged-state');
    expect(await finish(url.href, tampered.app)).toMatchObject({
      redirect: '/?oidcError=OIDC_STATE_INVALID',
      session: undefined,
    });

    const noCookie = await authenticateAtProvider(api, 'gov-0003');
    expect(await finish(noCookie.callback, new Jar())).toMatchObject({
      redirect: '/?oidcError=OIDC_STATE_INVALID',
      session: undefined,
    });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM security_audit_log
        WHERE action = 'OIDC_SIGN_IN' AND result = 'failure' AND detail->>'code' = 'OIDC_STATE_INVALID'`,
    );
    expect(n).toBe(2);
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { callback, app } = await authenticateAtProvider(api, 'gov-0003');
    // Re-seal the sign-in state with the server's key, changing only the nonce: a token
    // replayed from another sign-in carries another nonce.
    const key = loginStateKey(
      Buffer.from((await readFile(api.config.auth.mfa.keyFile, 'utf8')).trim(), 'base64'),
    );
    const state = openLoginState(app.get(OIDC_LOGIN_COOKIE), key, Date.now());
    expect(state).not.toBeNull();
    app.set(OIDC_LOGIN_COOKIE, sealLoginState({ ...state!, nonce: 'another-nonce' }, key));
    expect(await finish(callback, app)).toMatchObject({
      redirect: '/?oidcError=OIDC_TOKEN_INVALID',
      session: undefined,
    });
    const [entry] = await db.query(
      `SELECT detail FROM security_audit_log
        WHERE action = 'OIDC_SIGN_IN' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.detail).toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses a disabled account', async () => {
    await db.query(`UPDATE app_user SET disabled = true WHERE username = 'enshi-zhou'`);
    expect(await oidcSignIn(api, 'gov-0003')).toMatchObject({
      redirect: '/?oidcError=OIDC_ACCOUNT_DISABLED',
      session: undefined,
    });
    await db.query(`UPDATE app_user SET disabled = false WHERE username = 'enshi-zhou'`);
  });

  it('break-glass mode refuses a normal account’s password but lets a flagged administrator in', async () => {
    const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
    const province = await api.graphql(SIGN_IN, {
      input: { username: 'province', password: DEMO_PASSWORD },
    });
    expect(province.data).toBeNull();
    expect(province.errors?.[0]).toMatchObject({
      message: expect.stringContaining('统一身份认证'),
      extensions: { code: 'FORBIDDEN', details: { reason: 'PASSWORD_SIGN_IN_DISABLED' } },
    });
    // An administrator not flagged is refused too; a wrong password still reads as wrong.
    const unflagged = await api.graphql(SIGN_IN, {
      input: { username: 'secadmin', password: DEMO_PASSWORD },
    });
    expect(unflagged.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrong = await api.graphql(SIGN_IN, {
      input: { username: 'province', password: 'Wrong#Password1' },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await db.query(`UPDATE app_user SET break_glass = true WHERE username = 'sysadmin'`);
    const admin = await api.graphql<{ signIn: { token: string } }>(SIGN_IN, {
      input: { username: 'sysadmin', password: DEMO_PASSWORD },
    });
    expect(admin.errors).toBeUndefined();
    expect(admin.data?.signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [refusal] = await db.query(
      `SELECT actor_username, result FROM security_audit_log
        WHERE action = 'PASSWORD_SIGN_IN_REFUSED' ORDER BY id LIMIT 1`,
    );
    expect(refusal).toEqual({ actor_username: 'province', result: 'denied' });

    // With LOCAL_PASSWORD_SIGN_IN=all (the default) the same password works.
    expect((await strict.signIn('province')).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('roles from the provider only when configured (OIDC_ROLE_CLAIM + OIDC_ROLE_MAP)', () => {
  // Every person's provider account carries a `groups` claim; both servers ask for it.
  const GROUPS = {
    'gov-0101': { preferred_username: 'zhouba', name: '周八', groups: ['sheng-dudao'] },
    'gov-0102': { preferred_username: 'wujiu', name: '吴九', groups: ['other', 'shenji'] },
    'gov-0103': { preferred_username: 'zhengshi', name: '郑十', groups: ['xitong-guanli'] },
    // The demo account 'province' (PROVINCIAL_SUPERVISOR), whose claim names another role.
    'gov-0104': { preferred_username: 'province', name: '省级督导', groups: ['shenji'] },
  };
  let provider: OidcTestProvider;
  // No role mapping: the claim arrives and is ignored.
  let plain: TestApi;
  let mapped: TestApi;

  beforeAll(async () => {
    provider = await startOidcTestProvider(GROUPS);
    const common = {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_SCOPES: 'openid profile groups',
      OIDC_MATCH_CLAIM: 'preferred_username',
      OIDC_MATCH_FIELD: 'username',
      OIDC_PROVISION: 'true',
    };
    plain = await startTestApi(common);
    mapped = await startTestApi({
      ...common,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'sheng-dudao=PROVINCIAL_SUPERVISOR, shenji=AUDITOR',
    });
  });
  afterAll(async () => {
    await plain?.close();
    await mapped?.close();
    await provider?.stop();
  });

  const roleBound = (api: TestApi, username: string) =>
    api.server.app
      .get(DataSource)
      .query<Array<{ actor_username: string; result: string; detail: Record<string, unknown> }>>(
        `SELECT actor_username, result, detail FROM security_audit_log
          WHERE action = 'ROLE_BOUND' AND target = $1 ORDER BY id`,
        [`user:${username}`],
      );
  const meOf = async (api: TestApi, login: string) => {
    const result = await oidcSignIn(api, login);
    expect(result.redirect).toBe('/');
    const me = await asSession(
      api,
      result.session,
    )<{
      me: { username: string; role: string | null; unit: { code: string } | null };
    }>(ME);
    expect(me.errors).toBeUndefined();
    return { ...me.data!.me, session: result.session };
  };

  it('without a mapping, a provisioned person gets no role whatever the claim says', async () => {
    expect(await meOf(plain, 'gov-0101')).toMatchObject({ username: 'zhouba', role: null });
    expect(await roleBound(plain, 'zhouba')).toEqual([]);
  });

  it('with a mapping, gives an account without a role the mapped role (audited), and changes no bound role', async () => {
    const zhouba = await meOf(mapped, 'gov-0101');
    // Bound to the deployment's only province (a provincial supervisor always has one).
    expect(zhouba).toMatchObject({
      username: 'zhouba',
      role: 'PROVINCIAL_SUPERVISOR',
      unit: { code: '420000' },
    });
    // The role works at once: the supervisor's task list opens.
    const tasks = await asSession(mapped, zhouba.session)(`{ tasks(first: 1) { nodes { id } } }`);
    expect(tasks.errors).toBeUndefined();
    expect(await roleBound(mapped, 'zhouba')).toEqual([
      {
        actor_username: 'oidc',
        result: 'success',
        detail: { role: 'PROVINCIAL_SUPERVISOR', unitCode: '420000', source: 'claim:groups' },
      },
    ]);
    // The first mapped value of a multi-valued claim.
    expect(await meOf(mapped, 'gov-0102')).toMatchObject({ username: 'wujiu', role: 'AUDITOR' });
    // A value outside the map gives nothing (administrator roles cannot be mapped at all).
    expect(await meOf(mapped, 'gov-0103')).toMatchObject({ username: 'zhengshi', role: null });
    expect(await roleBound(mapped, 'zhengshi')).toEqual([]);
    // A role the security administrator bound stays: the claim never replaces it.
    expect(await meOf(mapped, 'gov-0104')).toMatchObject({
      username: 'province',
      role: 'PROVINCIAL_SUPERVISOR',
    });
    expect(await roleBound(mapped, 'province')).toEqual([]);
  });
});
