import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { totpCode } from '@duty/api/passwords';
import { DataSource } from 'typeorm';
import { GraphQLResponse, startTestApi, TestApi } from '../../testing/test-api';
import { DEMO_PASSWORD } from '../../user/demo-accounts';
import { ManualClock } from '../clock';

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { token user { username secondFactorStep mustChangePassword passwordExpired } }
}`;
const ME = `{ me { username secondFactorStep mustChangePassword passwordExpired } }`;
const STATUS = `{ mySecondFactor { enabled required recoveryCodesRemaining } }`;
const BEGIN = `mutation { beginTotpEnrolment { secret otpauthUri issuer account } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrolment(input: { code: $code }) { codes } }`;
const VERIFY = `mutation($code: String!) { verifySecondFactor(input: { code: $code }) { username secondFactorStep } }`;
const DISABLE = `mutation($code: String!) { disableTotp(input: { code: $code }) { enabled } }`;
const REGENERATE = `mutation($code: String!) { regenerateRecoveryCodes(input: { code: $code }) { codes } }`;
const RESET = `mutation($input: ResetSecondFactorInput!) {
  resetUserSecondFactor(input: $input) { username totpEnabled }
}`;
const REGULATIONS = `{ regulations { code } }`;
const STEP_MS = 30_000;

type Client = {
  token: string;
  gql: <T = Record<string, unknown>>(
    q: string,
    v?: Record<string, unknown>,
  ) => Promise<GraphQLResponse<T>>;
};
type SignIn = { signIn: { token: string; user: { secondFactorStep: string | null } } };

const codeOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code;

describe('second factor: TOTP and recovery codes (GraphQL over HTTP, real database)', () => {
  const clock = new ManualClock(new Date('2026-12-06T02:00:05Z'));
  let api: TestApi;
  let db: DataSource;
  let keyDir: string;
  /** Each enrolled account's secret, as its authenticator app would hold it. */
  const secrets = new Map<string, string>();

  /** Signs in with the password from an address; returns the session (maybe pending). */
  const signIn = async (username: string, ip = '192.0.2.10') => {
    const res = await api.graphql<SignIn>(
      SIGN_IN,
      { input: { username, password: DEMO_PASSWORD } },
      { 'x-forwarded-for': ip },
    );
    if (!res.data) throw new Error(`sign-in as ${username}: ${JSON.stringify(res.errors)}`);
    const token = res.data.signIn.token;
    const client: Client = {
      token,
      gql: (q, v) => api.graphql(q, v, { authorization: `Bearer ${token}`, 'x-forwarded-for': ip }),
    };
    return { client, step: res.data.signIn.user.secondFactorStep };
  };
  /** The code the app shows now, after moving past the step last used. */
  const freshCode = (username: string) => {
    clock.advance(STEP_MS);
    return totpCode(secrets.get(username)!, clock.now());
  };
  const enrol = async (client: Client, username: string) => {
    const begun = await client.gql<{ beginTotpEnrolment: { secret: string } }>(BEGIN);
    const secret = begun.data!.beginTotpEnrolment.secret;
    secrets.set(username, secret);
    const confirmed = await client.gql<{ confirmTotpEnrolment: { codes: string[] } }>(CONFIRM, {
      code: totpCode(secret, clock.now()),
    });
    expect(confirmed.errors).toBeUndefined();
    return confirmed.data!.confirmTotpEnrolment.codes;
  };
  /** A full session, enrolling or verifying as the account requires. */
  const fullSession = async (username: string, ip?: string) => {
    const { client, step } = await signIn(username, ip);
    if (step === 'ENROL') await enrol(client, username);
    if (step === 'VERIFY') {
      const res = await client.gql(VERIFY, { code: freshCode(username) });
      expect(res.errors).toBeUndefined();
    }
    return client;
  };
  const audit = async (username: string, action: string) =>
    (
      await db.query(
        `SELECT result, detail FROM security_audit_log WHERE actor_username = $1 AND action = $2 ORDER BY id`,
        [username, action],
      )
    ).map((r: { result: string; detail: { reason?: string } | null }) =>
      [r.result, r.detail?.reason].filter(Boolean).join(':'),
    );

  beforeAll(async () => {
    keyDir = await mkdtemp(path.join(os.tmpdir(), 'duty-mfa-key-'));
    api = await startTestApi(
      {
        MFA_REQUIRED: 'true',
        MFA_KEY_FILE: path.join(keyDir, 'keys', 'mfa.key'),
        TRUSTED_PROXIES: 'loopback',
        LOCKOUT_THRESHOLD: '8',
        SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT: '5',
      },
      { clock },
    );
    db = api.server.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  it('sends a required role without a second factor to enrolment, and nothing else opens until a code confirms it', async () => {
    const { client, step } = await signIn('province');
    expect(step).toBe('ENROL');
    expect((await client.gql(ME)).data).toEqual({
      me: {
        username: 'province',
        secondFactorStep: 'ENROL',
        mustChangePassword: false,
        passwordExpired: false,
      },
    });
    expect(codeOf(await client.gql(REGULATIONS))).toBe('SECOND_FACTOR_REQUIRED');
    expect(codeOf(await client.gql(STATUS))).toBe('SECOND_FACTOR_REQUIRED');

    const begun = await client.gql<{
      beginTotpEnrolment: { secret: string; otpauthUri: string; account: string };
    }>(BEGIN);
    const { secret, otpauthUri, account } = begun.data!.beginTotpEnrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(account).toBe('province');
    expect(otpauthUri).toMatch(
      new RegExp(
        `^otpauth://totp/.+:province\\?secret=${secret}&issuer=.+&algorithm=SHA1&digits=6&period=30$`,
      ),
    );
    // Stored sealed, under a key kept outside the database (0600).
    const [row] = await db.query(
      `SELECT totp_enabled, totp_secret_encrypted FROM app_user WHERE username = 'province'`,
    );
    expect(row.totp_enabled).toBe(false);
    expect(row.totp_secret_encrypted).toMatch(/^v1\./);
    expect(row.totp_secret_encrypted).not.toContain(secret);
    const keyFile = path.join(keyDir, 'keys', 'mfa.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64')).toHaveLength(32);

    const wrong = await client.gql(CONFIRM, {
      code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000',
    });
    expect(codeOf(wrong)).toBe('VALIDATION_FAILED');
    const confirmed = await client.gql<{ confirmTotpEnrolment: { codes: string[] } }>(CONFIRM, {
      code: totpCode(secret, clock.now()),
    });
    const codes = confirmed.data!.confirmTotpEnrolment.codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    secrets.set('province', secret);

    expect((await client.gql(ME)).data).toMatchObject({ me: { secondFactorStep: null } });
    expect(codeOf(await client.gql(REGULATIONS))).toBeUndefined();
    expect((await client.gql(STATUS)).data).toEqual({
      mySecondFactor: { enabled: true, required: true, recoveryCodesRemaining: 10 },
    });
    const stored = await db.query(
      `SELECT code_hash FROM mfa_recovery_code c JOIN app_user u ON u.id = c.user_id WHERE u.username = 'province'`,
    );
    expect(stored).toHaveLength(10);
    for (const { code_hash } of stored) {
      expect(code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.map((c) => c.replace('-', ''))).not.toContain(code_hash);
    }
    // The secret is never shown again: a second enrolment is refused while TOTP is on.
    expect(codeOf(await client.gql(BEGIN))).toBe('CONFLICT');
    expect(await audit('province', 'SECOND_FACTOR_ENROLLED')).toEqual([
      'failure:wrong_code',
      'success',
    ]);
    expect(await audit('province', 'SECOND_FACTOR_ENROL_STARTED')).toEqual(['success']);
  });

  it('asks an account with TOTP for a code after the password, accepts each step once, and gives a pending session 10 minutes', async () => {
    const first = await signIn('province');
    expect(first.step).toBe('VERIFY');
    expect(codeOf(await first.client.gql(REGULATIONS))).toBe('SECOND_FACTOR_REQUIRED');
    expect(codeOf(await first.client.gql(BEGIN))).toBe('SECOND_FACTOR_REQUIRED');
    const code = freshCode('province');
    const verified = await first.client.gql(VERIFY, {
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(verified.data).toEqual({
      verifySecondFactor: { username: 'province', secondFactorStep: null },
    });
    expect(codeOf(await first.client.gql(REGULATIONS))).toBeUndefined();

    // The same code again (same 30-second step, still inside the window): refused.
    const second = await signIn('province');
    const replay = await second.client.gql(VERIFY, { code });
    expect(codeOf(replay)).toBe('VALIDATION_FAILED');
    expect((await second.client.gql(ME)).data).toMatchObject({
      me: { secondFactorStep: 'VERIFY' },
    });

    // Two sessions racing with one fresh code: exactly one gets in.
    const third = await signIn('province', '192.0.2.11');
    const racing = freshCode('province');
    const raced = await Promise.all([
      second.client.gql(VERIFY, { code: racing }),
      third.client.gql(VERIFY, { code: racing }),
    ]);
    expect(raced.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['OK', 'VALIDATION_FAILED']);

    expect(await audit('province', 'SECOND_FACTOR_VERIFIED')).toEqual(
      expect.arrayContaining(['success', 'failure:replayed_code']),
    );

    // A session that owes its code lives 10 minutes.
    const late = await signIn('province', '192.0.2.12');
    clock.advance(11 * 60_000);
    expect(codeOf(await late.client.gql(VERIFY, { code: freshCode('province') }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('lets other roles sign in with the password only, and turn TOTP on, use and replace recovery codes, and off', async () => {
    const operator = await signIn('jiangan-scjg');
    expect(operator.step).toBeNull();
    expect((await operator.client.gql(STATUS)).data).toEqual({
      mySecondFactor: { enabled: false, required: false, recoveryCodesRemaining: 0 },
    });
    const codes = await enrol(operator.client, 'jiangan-scjg');

    const withRecovery = await signIn('jiangan-scjg');
    expect(withRecovery.step).toBe('VERIFY');
    const used = await withRecovery.client.gql(VERIFY, { code: codes[0].toLowerCase() });
    expect(used.errors).toBeUndefined();
    expect((await withRecovery.client.gql(STATUS)).data).toMatchObject({
      mySecondFactor: { recoveryCodesRemaining: 9 },
    });
    const again = await signIn('jiangan-scjg');
    expect(codeOf(await again.client.gql(VERIFY, { code: codes[0] }))).toBe('VALIDATION_FAILED');
    expect(await audit('jiangan-scjg', 'SECOND_FACTOR_VERIFIED')).toEqual([
      'success',
      'failure:used_recovery_code',
    ]);

    // New codes replace the old ones (a recovery code cannot prove this, only the app).
    expect(codeOf(await withRecovery.client.gql(REGENERATE, { code: codes[1] }))).toBe(
      'VALIDATION_FAILED',
    );
    const regenerated = await withRecovery.client.gql<{
      regenerateRecoveryCodes: { codes: string[] };
    }>(REGENERATE, { code: freshCode('jiangan-scjg') });
    const fresh = regenerated.data!.regenerateRecoveryCodes.codes;
    expect(fresh).toHaveLength(10);
    expect(codeOf(await again.client.gql(VERIFY, { code: codes[2] }))).toBe('VALIDATION_FAILED');
    expect((await again.client.gql(VERIFY, { code: fresh[0] })).errors).toBeUndefined();

    const off = await again.client.gql(DISABLE, { code: freshCode('jiangan-scjg') });
    expect(off.data).toEqual({ disableTotp: { enabled: false } });
    expect((await signIn('jiangan-scjg')).step).toBeNull();
    expect(await audit('jiangan-scjg', 'RECOVERY_CODES_REGENERATED')).toEqual([
      'failure:malformed',
      'success',
    ]);
    expect(await audit('jiangan-scjg', 'SECOND_FACTOR_DISABLED')).toEqual(['success']);
  });

  it('does not let a required role turn its second factor off', async () => {
    const province = await fullSession('province', '192.0.2.20');
    const res = await province.gql(DISABLE, { code: freshCode('province') });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN', details: { reason: 'SECOND_FACTOR_REQUIRED_FOR_ROLE' } },
    });
    expect((await province.gql(STATUS)).data).toMatchObject({ mySecondFactor: { enabled: true } });
  });

  it('counts wrong codes toward the sign-in limits and the lockout, and a right password does not start a new count', async () => {
    await fullSession('enshi-zhou', '198.51.100.1'); // enrols
    const ip = '198.51.100.2';
    const round1 = await signIn('enshi-zhou', ip);
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await round1.client.gql(VERIFY, { code: '000000' }))).toBe('VALIDATION_FAILED');
    }
    expect(codeOf(await round1.client.gql(VERIFY, { code: freshCode('enshi-zhou') }))).toBe(
      'RATE_LIMITED',
    );
    // The address may not even give the password again for this account now.
    const sameAddress = await api.graphql(
      SIGN_IN,
      { input: { username: 'enshi-zhou', password: DEMO_PASSWORD } },
      { 'x-forwarded-for': ip },
    );
    expect(codeOf(sameAddress)).toBe('RATE_LIMITED');
    // The right password from another address: the account's count (5 of 8) runs on, so the
    // third wrong code locks it.
    const round2 = await signIn('enshi-zhou', '198.51.100.3');
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await round2.client.gql(VERIFY, { code: '000000' }))).toBe('VALIDATION_FAILED');
    }
    const locked = await round2.client.gql(VERIFY, { code: freshCode('enshi-zhou') });
    expect(codeOf(locked)).toBe('UNAUTHENTICATED');
    expect((await round2.client.gql(ME)).data).toEqual({ me: null }); // the pending session ended
    const refused = await api.graphql(SIGN_IN, {
      input: { username: 'enshi-zhou', password: DEMO_PASSWORD },
    });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(await audit('enshi-zhou', 'ACCOUNT_LOCKED')).toEqual(['success']);
    expect(await audit('enshi-zhou', 'SECOND_FACTOR_VERIFIED')).toEqual(
      expect.arrayContaining(['failure:wrong_code', 'failure:rate_limited', 'failure:locked']),
    );

    clock.advance(16 * 60_000);
    const after = await signIn('enshi-zhou', ip);
    expect(after.step).toBe('VERIFY');
    expect(
      (await after.client.gql(VERIFY, { code: freshCode('enshi-zhou') })).errors,
    ).toBeUndefined();
  });

  it('lets the security administrator reset another account’s second factor, with a reason, ending its sessions', async () => {
    const province = await fullSession('province', '192.0.2.30');
    const secadmin = await fullSession('secadmin', '192.0.2.31');
    const sysadmin = await fullSession('sysadmin', '192.0.2.32');
    const [target] = await db.query(`SELECT id FROM app_user WHERE username = 'province'`);
    const [self] = await db.query(`SELECT id FROM app_user WHERE username = 'secadmin'`);

    expect(
      codeOf(await sysadmin.gql(RESET, { input: { userId: target.id, reason: '手机丢失' } })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await province.gql(RESET, { input: { userId: target.id, reason: '手机丢失' } })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await secadmin.gql(RESET, { input: { userId: self.id, reason: '手机丢失' } })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await secadmin.gql(RESET, { input: { userId: target.id, reason: ' ' } }))).toBe(
      'VALIDATION_FAILED',
    );

    const reset = await secadmin.gql(RESET, {
      input: { userId: target.id, reason: '手机丢失，恢复码不在身边' },
    });
    expect(reset.data).toEqual({
      resetUserSecondFactor: { username: 'province', totpEnabled: false },
    });
    expect((await province.gql(ME)).data).toEqual({ me: null });
    const [entry] = await db.query(
      `SELECT target, detail FROM security_audit_log WHERE action = 'SECOND_FACTOR_RESET' AND result = 'success'`,
    );
    expect(entry).toMatchObject({
      target: 'user:province',
      detail: { reason: '手机丢失，恢复码不在身边', targetRole: 'PROVINCIAL_SUPERVISOR' },
    });
    expect(
      await db.query(
        `SELECT 1 FROM mfa_recovery_code c JOIN app_user u ON u.id = c.user_id WHERE u.username = 'province'`,
      ),
    ).toEqual([]);
    expect((await signIn('province', '192.0.2.33')).step).toBe('ENROL');
    expect(
      codeOf(await secadmin.gql(RESET, { input: { userId: target.id, reason: '再次' } })),
    ).toBe('CONFLICT');
  });
});

describe('maximum password age (PASSWORD_MAX_AGE_DAYS)', () => {
  const clock = new ManualClock(new Date());
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ PASSWORD_MAX_AGE_DAYS: '90' }, { clock });
  });
  afterAll(() => api?.close());

  it('signs an expired password into the forced change only, and the change ends it', async () => {
    const fresh = await api.graphql<SignIn>(SIGN_IN, {
      input: { username: 'enshi-scjg', password: DEMO_PASSWORD },
    });
    expect(fresh.data?.signIn.user).toMatchObject({
      mustChangePassword: false,
      passwordExpired: false,
    });

    clock.advance(91 * 86_400_000);
    const expired = await api.graphql<SignIn>(SIGN_IN, {
      input: { username: 'enshi-scjg', password: DEMO_PASSWORD },
    });
    expect(expired.data?.signIn.user).toMatchObject({
      mustChangePassword: true,
      passwordExpired: true,
    });
    const auth = { authorization: `Bearer ${expired.data!.signIn.token}` };
    expect(codeOf(await api.graphql(REGULATIONS, {}, auth))).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await api.graphql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword passwordExpired } }`,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'Qiang-Mima#7319x' } },
      auth,
    );
    expect(changed.data).toEqual({
      changePassword: { mustChangePassword: false, passwordExpired: false },
    });
    expect(codeOf(await api.graphql(REGULATIONS, {}, auth))).toBeUndefined();
    const db = api.server.app.get(DataSource);
    const [entry] = await db.query(
      `SELECT detail FROM security_audit_log WHERE actor_username = 'enshi-scjg' AND action = 'SIGN_IN' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.detail).toEqual({ passwordExpired: true });
  });
});
