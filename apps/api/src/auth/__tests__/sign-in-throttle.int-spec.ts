import { DataSource } from 'typeorm';
import { GraphQLResponse, startTestApi, TestApi } from '../../testing/test-api';
import { DEMO_PASSWORD } from '../../user/demo-accounts';
import { ManualClock } from '../clock';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;
const MINUTE = 60_000;

/** A sign-in from a client address (the test servers trust their loopback proxy). */
function signInFrom(
  api: TestApi,
  ip: string,
  username: string,
  password: string,
): Promise<GraphQLResponse<{ signIn: { token: string } }>> {
  return api.graphql(SIGN_IN, { input: { username, password } }, { 'x-forwarded-for': ip });
}

const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

// Issue 15, finding 4: no throttling; twenty looping clients made a legitimate sign-in take
// 12.2 s, and anyone could lock any administrator out with five requests.
describe('sign-in throttling (GraphQL over HTTP, real database)', () => {
  const clock = new ManualClock(new Date('2026-12-01T01:00:00Z'));
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi({ TRUSTED_PROXIES: 'loopback' }, { clock });
    db = api.server.app.get(DataSource);
  });
  afterAll(() => api?.close());

  it('answers wrong sign-ins past the limit of one address with HTTP 429, Retry-After and RATE_LIMITED', async () => {
    const ip = '192.0.2.10';
    const { maxFailuresPerIp, windowMs } = api.config.auth.signInThrottle;
    // Different usernames each time: only the per-address limit applies.
    for (let i = 0; i < maxFailuresPerIp; i++) {
      const res = await signInFrom(api, ip, `nobody-${i}`, 'Wrong#Password1');
      expect([res.status, codeOf(res)]).toEqual([200, 'UNAUTHENTICATED']);
    }
    const refused = await Promise.all(
      [1, 2, 3].map((i) => signInFrom(api, ip, `someone-else-${i}`, 'Wrong#Password1')),
    );
    for (const res of refused) {
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe(String(windowMs / 1000));
      expect(res.data).toBeNull();
      expect(res.errors?.[0]).toMatchObject({
        message: '登录失败次数过多，请 15 分钟后再试。',
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: windowMs / 1000,
          details: { scope: 'ip', retryAfterSeconds: windowMs / 1000 },
        },
      });
    }
    // Refused unchecked, so also a right password waits; another address is not affected.
    expect(codeOf(await signInFrom(api, ip, 'province', DEMO_PASSWORD))).toBe('RATE_LIMITED');
    expect((await signInFrom(api, '192.0.2.11', 'province', DEMO_PASSWORD)).errors).toBeUndefined();

    // The episode is audited once, not once per refused request.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM security_audit_log
        WHERE ip = $1 AND detail->>'reason' = 'rate_limited'`,
      [ip],
    );
    expect(n).toBe(1);

    // Retry-After is honest: once it has passed, the address may try again.
    clock.advance(windowMs - MINUTE);
    expect(codeOf(await signInFrom(api, ip, 'province', DEMO_PASSWORD))).toBe('RATE_LIMITED');
    clock.advance(MINUTE);
    expect((await signInFrom(api, ip, 'province', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('does not let one address lock an administrator out: after 5 wrong passwords it gets 429, the account stays open', async () => {
    const attacker = '192.0.2.66';
    const perAccount = api.config.auth.signInThrottle.maxFailuresPerIpAccount;
    expect(perAccount).toBeLessThan(api.config.auth.lockoutThreshold);
    const codes: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(codeOf(await signInFrom(api, attacker, 'secadmin', `Wrong#Password${i}`)));
    }
    expect(codes).toEqual([
      ...Array(perAccount).fill('UNAUTHENTICATED'),
      ...Array(12 - perAccount).fill('RATE_LIMITED'),
    ]);
    const [row] = await db.query(
      `SELECT locked_until, failed_sign_ins FROM app_user WHERE username = 'secadmin'`,
    );
    expect(row).toEqual({ locked_until: null, failed_sign_ins: perAccount });

    // The administrator, elsewhere, signs in; the success resets the account's count.
    const admin = await signInFrom(api, '192.0.2.1', 'secadmin', DEMO_PASSWORD);
    expect(admin.errors).toBeUndefined();
    // The attacker's address is still refused for that username, and refused unchecked.
    expect(codeOf(await signInFrom(api, attacker, 'secadmin', DEMO_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('throttles a username typed from one address the same whether or not the account exists', async () => {
    const ip = '192.0.2.77';
    const perAccount = api.config.auth.signInThrottle.maxFailuresPerIpAccount;
    const attempts = async (username: string) => {
      const statuses: number[] = [];
      for (let i = 0; i <= perAccount; i++) {
        statuses.push((await signInFrom(api, ip, username, `Wrong#Password${i}`)).status);
      }
      return statuses;
    };
    expect(await attempts('auditor')).toEqual(await attempts('no-such-account'));
  });
});

describe('sign-in under a flood of wrong passwords (bounded password hashing)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({
      TRUSTED_PROXIES: 'loopback',
      // A hash that costs something (production uses 2^15), and rate limits the flood stays
      // under: what is measured here is the hash scheduler, not the limits.
      PASSWORD_HASH_COST_LOG2: '14',
      SIGN_IN_MAX_FAILURES_PER_IP: '100000',
    });
  });
  afterAll(() => api?.close());

  const timedSignIn = async (ip: string) => {
    const started = performance.now();
    const res = await signInFrom(api, ip, 'province', DEMO_PASSWORD);
    expect(res.errors).toBeUndefined();
    return performance.now() - started;
  };
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

  it('signs a legitimate user in from another address within a few baseline times while 20 clients loop wrong passwords', async () => {
    await timedSignIn('198.18.0.1'); // warm-up, not counted
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) baseline.push(await timedSignIn('198.18.0.1'));

    let flooding = true;
    const done = Array<number>(20).fill(0);
    const flood = Array.from({ length: 20 }, async (_, client) => {
      for (let i = 0; flooding; i++) {
        // A new username each time, so only the per-address limit (raised here) applies.
        await signInFrom(api, `198.18.1.${client + 1}`, `guess-${client}-${i}`, 'Wrong#Pass1');
        done[client] += 1;
      }
    });
    try {
      // Measure in the steady state: every client has failed and is looping.
      while (done.some((n) => n < 2)) await new Promise((resolve) => setTimeout(resolve, 20));
      const underFlood: number[] = [];
      for (let i = 0; i < 5; i++) underFlood.push(await timedSignIn('198.18.0.1'));
      // Without the scheduler the user's hash waited in libuv's queue behind a guess of each
      // of the 20 clients (10-20 times the baseline on two cores); now it waits only for the
      // hashes already running, and the event loop keeps a core (about 1.3 times alone). The
      // bound sits between the two: beside other suites in a loaded CI run the baseline and the
      // flood are not measured under the same load (3.55 times was seen there once).
      expect(median(underFlood)).toBeLessThan(5 * median(baseline));
    } finally {
      flooding = false;
      await Promise.all(flood);
    }
  });
});
