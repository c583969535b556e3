import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';
import { DEMO_PASSWORD } from '../../user/demo-accounts';
import { ManualClock } from '../clock';

const ME = `{ me { username role mustChangePassword unit { code name } department { name } } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { username mustChangePassword } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token user { username } } }`;
const MINUTE = 60_000;

describe('sign-in, sessions and passwords (GraphQL over HTTP, real database)', () => {
  const clock = new ManualClock(new Date('2026-11-27T01:00:00Z'));
  let api: TestApi;
  let db: DataSource;

  const signInRaw = (username: string, password: string) =>
    api.graphql<{ signIn: { token: string } }>(SIGN_IN, { input: { username, password } });
  const auditActions = async (username: string) =>
    (
      await db.query(
        `SELECT action, result, detail FROM security_audit_log WHERE actor_username = $1 ORDER BY id`,
        [username],
      )
    ).map((r: { action: string; result: string; detail: { reason?: string } | null }) =>
      [r.action, r.result, r.detail?.reason].filter(Boolean).join(':'),
    );

  beforeAll(async () => {
    api = await startTestApi(
      { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' },
      { clock },
    );
    db = api.server.app.get(DataSource);
  });
  afterAll(() => api?.close());

  it('signs in with the cookie for browsers and the token for scripts', async () => {
    const res = await signInRaw('JiangAn-SCJG', DEMO_PASSWORD); // usernames are case-insensitive
    expect(res.errors).toBeUndefined();
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^duty_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = res.data!.signIn.token;
    const viaBearer = await api.graphql(ME, {}, { authorization: `Bearer ${token}` });
    const viaCookie = await api.graphql(ME, {}, { cookie: cookie.split(';')[0] });
    for (const r of [viaBearer, viaCookie]) {
      expect(r.data).toEqual({
        me: {
          username: 'jiangan-scjg',
          role: 'COUNTY_OPERATOR',
          mustChangePassword: false,
          unit: { code: '420102', name: '江岸区' },
          department: { name: '江岸区市场监督管理局' },
        },
      });
    }
    expect((await api.graphql(ME)).data).toEqual({ me: null });
  });

  it('answers unknown user and wrong password with the same error, and audits both', async () => {
    const unknown = await signInRaw('no-such-user', 'Whatever#2026');
    const wrong = await signInRaw('province', 'Wrong#Password1');
    expect(unknown.errors).toEqual(wrong.errors);
    expect(unknown.errors?.[0]).toMatchObject({
      message: '用户名或密码错误，或账户已被临时锁定。',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await auditActions('no-such-user')).toContain('SIGN_IN:failure:unknown_user');
    expect(await auditActions('province')).toContain('SIGN_IN:failure:wrong_password');
  });

  it('locks the account for 15 minutes after 5 consecutive failures, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) await signInRaw('auditor', `Wrong#Password${i}`);
    const locked = await signInRaw('auditor', DEMO_PASSWORD); // right password, still refused
    expect(locked.errors?.[0]?.message).toBe('用户名或密码错误，或账户已被临时锁定。');
    expect(await auditActions('auditor')).toEqual(
      expect.arrayContaining(['ACCOUNT_LOCKED:success', 'SIGN_IN:failure:locked']),
    );
    clock.advance(14 * MINUTE);
    expect((await signInRaw('auditor', DEMO_PASSWORD)).errors).toBeDefined();
    clock.advance(2 * MINUTE);
    const again = await signInRaw('auditor', DEMO_PASSWORD);
    expect(again.errors).toBeUndefined();
    // A success resets the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) await signInRaw('auditor', `Wrong#Password${i}`);
    expect((await signInRaw('auditor', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('ends a session after 30 idle minutes, and keeps an active one alive', async () => {
    const client = await api.signIn('enshi-zhou');
    clock.advance(29 * MINUTE);
    expect((await client.graphql(ME)).data?.me).toMatchObject({ username: 'enshi-zhou' });
    clock.advance(29 * MINUTE); // 29 minutes since the last request: still alive
    expect((await client.graphql(ME)).data?.me).toMatchObject({ username: 'enshi-zhou' });
    clock.advance(31 * MINUTE);
    expect((await client.graphql(ME)).data).toEqual({ me: null });
    const denied = await client.graphql(`{ duties { totalCount } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await auditActions('enshi-zhou')).toContain('SESSION_EXPIRED:success:idle_timeout');
  });

  it('ends a session at its absolute lifetime of 8 hours, however active', async () => {
    const client = await api.signIn('enshi-scjg');
    for (let hour = 0; hour < 8 * 4 - 1; hour++) {
      clock.advance(15 * MINUTE);
      expect((await client.graphql(ME)).data?.me).not.toBeNull();
    }
    clock.advance(15 * MINUTE);
    expect((await client.graphql(ME)).data).toEqual({ me: null });
    expect(await auditActions('enshi-scjg')).toContain('SESSION_EXPIRED:success:absolute_timeout');
  });

  it('revokes the session on sign-out', async () => {
    const client = await api.signIn('province');
    expect((await client.graphql(`mutation { signOut }`)).data).toEqual({ signOut: true });
    expect((await client.graphql(ME)).data).toEqual({ me: null });
    expect(await auditActions('province')).toContain('SIGN_OUT:success');
  });

  it('ends sessions at once when a user is disabled or their role changes', async () => {
    const sys = await api.signIn('sysadmin');
    const sec = await api.signIn('secadmin');
    const created = await sys.graphql<{
      createUser: { user: { id: string }; temporaryPassword: string };
    }>(
      `mutation { createUser(input: { username: "wang.wei", displayName: "王伟" }) { user { id } temporaryPassword } }`,
    );
    const { id } = created.data!.createUser.user;
    const first = await api.signIn('wang.wei', created.data!.createUser.temporaryPassword);
    await first.graphql(CHANGE, {
      input: {
        currentPassword: created.data!.createUser.temporaryPassword,
        newPassword: 'Quality#Hubei2026',
      },
    });
    const bind = `mutation($input: BindRoleInput!) { bindUserRole(input: $input) { role unit { code } } }`;
    expect(
      (
        await sec.graphql(bind, {
          input: { userId: id, role: 'PREFECTURE_SUPERVISOR', unitCode: '422800' },
        })
      ).errors,
    ).toBeUndefined();

    const session = await api.signIn('wang.wei', 'Quality#Hubei2026');
    expect((await session.graphql(ME)).data?.me).toMatchObject({ role: 'PREFECTURE_SUPERVISOR' });
    await sec.graphql(bind, { input: { userId: id, role: 'AUDITOR' } });
    expect((await session.graphql(ME)).data).toEqual({ me: null });

    const again = await api.signIn('wang.wei', 'Quality#Hubei2026');
    expect((await again.graphql(ME)).data?.me).toMatchObject({ role: 'AUDITOR' });
    const disable = await sys.graphql(
      `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true, reason: "离职") { disabled } }`,
      { id },
    );
    expect(disable.data).toEqual({ setUserDisabled: { disabled: true } });
    expect((await again.graphql(ME)).data).toEqual({ me: null });
    expect((await signInRaw('wang.wei', 'Quality#Hubei2026')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('forces a password change on first sign-in and after an admin reset', async () => {
    const sys = await api.signIn('sysadmin');
    const created = await sys.graphql<{
      createUser: { user: { id: string }; temporaryPassword: string };
    }>(
      `mutation { createUser(input: { username: "li.na", displayName: "李娜" }) { user { id mustChangePassword } temporaryPassword } }`,
    );
    const temp = created.data!.createUser.temporaryPassword;
    const user = await api.signIn('li.na', temp);
    expect((await user.graphql(ME)).data?.me).toMatchObject({ mustChangePassword: true });
    const blocked = await user.graphql(`{ adminUnits { code } }`);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await user.graphql(CHANGE, {
      input: { currentPassword: temp, newPassword: 'password' },
    });
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { newPassword: expect.any(Array) } },
    });
    const demo = await user.graphql(CHANGE, {
      input: { currentPassword: temp, newPassword: DEMO_PASSWORD },
    });
    expect(demo.errors?.[0]?.message).toContain('不能使用演示密码');
    const ok = await user.graphql(CHANGE, {
      input: { currentPassword: temp, newPassword: 'Zhiliang@2026x' },
    });
    expect(ok.data).toEqual({ changePassword: { username: 'li.na', mustChangePassword: false } });
    // Password changed: no longer blocked for that, but without a role there is nothing to see.
    expect((await user.graphql(`{ adminUnits { code } }`)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await user.graphql(ME)).data?.me).toMatchObject({
      role: null,
      mustChangePassword: false,
    });

    const reset = await sys.graphql<{ resetUserPassword: { temporaryPassword: string } }>(
      `mutation($id: ID!) { resetUserPassword(userId: $id) { temporaryPassword user { mustChangePassword } } }`,
      { id: created.data!.createUser.user.id },
    );
    expect((await user.graphql(ME)).data).toEqual({ me: null }); // the reset ended the session
    const afterReset = await api.signIn('li.na', reset.data!.resetUserPassword.temporaryPassword);
    expect((await afterReset.graphql(ME)).data?.me).toMatchObject({ mustChangePassword: true });
  });

  it.each([
    ['Sh0rt!x', 'under 8 characters'],
    ['Password123!', 'a common password with digits and symbols added'],
    ['alllowercaseletters', 'fewer than 3 character classes'],
    ['sysadmin#2026A', 'contains the username'],
  ])('applies the password policy to new passwords: %s (%s)', async (password) => {
    const sys = await api.signIn('sysadmin');
    const res = await sys.graphql(CHANGE, {
      input: { currentPassword: DEMO_PASSWORD, newPassword: password },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('keeps the audit log append-only, even for the database owner', async () => {
    expect(
      Number((await db.query(`SELECT count(*) AS n FROM security_audit_log`))[0].n),
    ).toBeGreaterThan(5);
    await expect(db.query(`UPDATE security_audit_log SET result = 'success'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM security_audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE security_audit_log`)).rejects.toThrow(/append-only/);
    // The retention purge deletes only rows past a retention of at least 184 days.
    await expect(
      db.transaction(async (m) => {
        await m.query(`SELECT set_config('duty.audit_retention_days', '30', true)`);
        await m.query(`DELETE FROM security_audit_log`);
      }),
    ).rejects.toThrow(/append-only/);
    await db.query(
      `INSERT INTO security_audit_log (occurred_at, action, result) VALUES (now() - interval '200 days', 'SIGN_IN', 'success')`,
    );
    const audit = api.server.app.get(
      (await import('../../security-audit/security-audit.service')).SecurityAuditService,
    );
    expect(await audit.purge(184)).toBe(1);
    expect(await audit.purge(184)).toBe(0);
  });
});
