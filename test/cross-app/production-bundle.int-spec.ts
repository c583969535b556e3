import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { generateTemporaryPassword, totpCode } from '@duty/api/passwords';
import {
  buildApps,
  createTestDatabase,
  harnessEnv,
  root,
  serverReady,
  TestDatabase,
  withAdminClient,
} from '@duty/test-support';

/**
 * Issue 19's acceptance path on the production server bundle (the build the Dockerfile runs:
 * `nx run-many -t build -p api web`, dist/ and node_modules only): NODE_ENV=production on an
 * empty database, `duty create-admin`, each administrator's first sign-in (second factor
 * enrolment, password change), then a machine token issued by the security administrator,
 * used to read analytics, and revoked. Also the container one-shot (DUTY_CREATE_ADMIN=1 on
 * `duty start`) and that the `duty` commands import no development dependency.
 */
const distCli = path.join(root, 'dist/api/apps/api/src/cli');
const duty = path.join(distCli, 'duty.cli.js');

/** The least-privilege role of the test harness, as the compose file's duty_app. */
function asAppRole(url: string): string {
  const u = new URL(url);
  u.username = 'duty_test_app';
  u.password = 'duty_test_app';
  return u.toString();
}

interface Deployment {
  db: TestDatabase;
  dir: string;
  env: NodeJS.ProcessEnv;
}

async function newDeployment(extra: Record<string, string> = {}): Promise<Deployment> {
  const db = await createTestDatabase({ empty: true });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-prod-'));
  await chmod(dir, 0o700);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: asAppRole(db.url),
    DATABASE_OWNER_URL: db.url,
    DATA_DIR: path.join(dir, 'data'),
    EVIDENCE_DIR: path.join(dir, 'evidence'),
    SIGNING_KEY_FILE: path.join(dir, 'keys', 'signing-key.pem'),
    SIGNING_PUBLIC_KEYS_DIR: path.join(dir, 'keys', 'signing-public-keys'),
    MFA_KEY_FILE: path.join(dir, 'keys', 'mfa.key'),
    JOBS_ENABLED: 'false',
    ...extra,
  };
  delete env.SEED_DEMO_DATA;
  delete env.MFA_REQUIRED;
  delete env.TEST_DATABASE_URL;
  return { db, dir, env };
}

async function dropDeployment(d: Deployment | undefined): Promise<void> {
  if (!d) return;
  await d.db.drop();
  await rm(d.dir, { recursive: true, force: true });
}

function run(
  env: NodeJS.ProcessEnv,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(env: NodeJS.ProcessEnv, args = [duty, 'start']): Promise<Server> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = await serverReady(child, 120_000).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { child, ...ready };
}

function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
    server.child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.kill('SIGTERM');
  });
}

type GqlResult<T> = {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { token user { username role mustChangePassword secondFactorStep } }
}`;
const BEGIN_TOTP = `mutation { beginTotpEnrolment { secret } }`;
const CONFIRM_TOTP = `mutation($code: String!) { confirmTotpEnrolment(input: { code: $code }) { codes } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) {
  changePassword(input: $input) { username mustChangePassword }
}`;
const ME = `{ me { username role mustChangePassword secondFactorStep } }`;
const ISSUE_TOKEN = `mutation($input: IssueApiTokenInput!) {
  issueApiToken(input: $input) { token apiToken { id } }
}`;
const REVOKE_TOKEN = `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`;

type SignIn = {
  signIn: {
    token: string;
    user: {
      username: string;
      role: string;
      mustChangePassword: boolean;
      secondFactorStep: string | null;
    };
  };
};

/** `role<TAB>username<TAB>password` lines of create-admin's text output. */
function parseCreated(stdout: string): Map<string, { role: string; password: string }> {
  const accounts = new Map<string, { role: string; password: string }>();
  for (const m of stdout.matchAll(/\((SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN)\)\t(\S+)\t(\S+)/g)) {
    accounts.set(m[2], { role: m[1], password: m[3] });
  }
  return accounts;
}

/**
 * The first sign-in of an administrator created by create-admin, as the web app walks it:
 * the one-time password, second factor enrolment (the code an authenticator app would show),
 * then the required password change. Returns a full session's token.
 */
async function firstSignIn(url: string, username: string, password: string, role: string) {
  const signIn = await gql<SignIn>(url, SIGN_IN, { input: { username, password } });
  expect(signIn.errors).toBeUndefined();
  const { token, user } = signIn.data!.signIn;
  expect(user).toEqual({
    username,
    role,
    mustChangePassword: true,
    secondFactorStep: 'ENROL',
  });
  // Nothing else opens before the second factor and the new password.
  const early = await gql(url, `{ regulations { code } }`, {}, token);
  expect(early.errors?.[0]?.extensions?.code).toBe('SECOND_FACTOR_REQUIRED');

  const begun = await gql<{ beginTotpEnrolment: { secret: string } }>(url, BEGIN_TOTP, {}, token);
  expect(begun.errors).toBeUndefined();
  const secret = begun.data!.beginTotpEnrolment.secret;
  const confirmed = await gql<{ confirmTotpEnrolment: { codes: string[] } }>(
    url,
    CONFIRM_TOTP,
    { code: totpCode(secret, Date.now()) },
    token,
  );
  expect(confirmed.errors).toBeUndefined();
  expect(confirmed.data!.confirmTotpEnrolment.codes.length).toBeGreaterThan(0);

  const blocked = await gql(url, `{ regulations { code } }`, {}, token);
  expect(blocked.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  const newPassword = generateTemporaryPassword({ username });
  const changed = await gql<{ changePassword: { mustChangePassword: boolean } }>(
    url,
    CHANGE_PASSWORD,
    { input: { currentPassword: password, newPassword } },
    token,
  );
  expect(changed.errors).toBeUndefined();
  expect(changed.data!.changePassword.mustChangePassword).toBe(false);
  const me = await gql<{ me: SignIn['signIn']['user'] }>(url, ME, {}, token);
  expect(me.data!.me).toEqual({
    username,
    role,
    mustChangePassword: false,
    secondFactorStep: null,
  });
  return token;
}

async function auditRows(db: TestDatabase, action: string) {
  return withAdminClient(db.url, async (client) => {
    const { rows } = await client.query<{
      target: string;
      result: string;
      detail: Record<string, unknown>;
    }>(`SELECT target, result, detail FROM security_audit_log WHERE action = $1 ORDER BY id`, [
      action,
    ]);
    return rows;
  });
}

/**
 * Bare package names a compiled module requires, following relative requires through dist/
 * (tsc-alias rewrote the @duty/* paths to relative ones).
 */
async function packagesRequiredFrom(entries: string[]): Promise<Map<string, string>> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const m of source.matchAll(/require\("([^"]+)"\)/g)) {
      const spec = m[1];
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const resolved = [`${base}.js`, path.join(base, 'index.js'), base].find(
          (candidate) => candidate.endsWith('.js') && existsSync(candidate),
        );
        if (resolved) queue.push(resolved);
        else if (!spec.endsWith('.json')) throw new Error(`${file}: cannot resolve ${spec}`);
      } else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) {
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0];
        if (!packages.has(name)) packages.set(name, path.relative(root, file));
      }
    }
  }
  return packages;
}

describe('the production server bundle from an empty database (issue 19)', () => {
  const timings: Record<string, number> = {};
  let deployment: Deployment | undefined;
  let server: Server | undefined;

  beforeAll(() => {
    harnessEnv();
    const started = Date.now();
    buildApps();
    timings.buildMs = Date.now() - started;
  }, 320_000);
  afterAll(async () => {
    await stopServer(server);
    await dropDeployment(deployment);
    process.stdout.write(`production-bundle timings: ${JSON.stringify(timings)}\n`);
  });

  it('the duty commands need only production dependencies', async () => {
    const { dependencies } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    const dutySource = await readFile(duty, 'utf8');
    const modules = [...dutySource.matchAll(/module: '([^']+\.js)'/g)].map((m) =>
      path.resolve(distCli, m[1]),
    );
    expect(modules).toContain(path.join(distCli, 'create-admin.cli.js'));
    expect(modules).toContain(path.join(root, 'dist/api/apps/api/src/main.js'));
    expect(modules.length).toBeGreaterThanOrEqual(12);
    const required = await packagesRequiredFrom([duty, ...modules]);
    const notProduction = [...required].filter(([name]) => !(name in dependencies));
    expect(notProduction).toEqual([]);
  });

  it('starts with no account, creates the three administrators once, and each signs in; a machine token reads analytics until revoked', async () => {
    deployment = await newDeployment();
    const { env, db } = deployment;
    let started = Date.now();
    server = await startServer(env);
    timings.firstStartMs = Date.now() - started;
    const { url } = server;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    // Metrics are off in production until METRICS_TOKEN or METRICS_PORT protects them.
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(404);
    expect(await metrics.text()).not.toMatch(/duty_http_requests_total|<html/);
    // No account at all: nobody can sign in yet.
    const nobody = await gql(url, SIGN_IN, {
      input: { username: 'sysadmin', password: 'Hubei@Demo2026' },
    });
    expect(nobody.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The demo seed stays refused in production, as before.
    const seed = await run(env, [duty, 'seed']);
    expect(seed.code).not.toBe(0);

    started = Date.now();
    const created = await run(env, [duty, 'create-admin']);
    timings.createAdminMs = Date.now() - started;
    expect(created.stderr).not.toMatch(/Error/);
    expect(created.code).toBe(0);
    const accounts = parseCreated(created.stdout);
    expect([...accounts].map(([username, a]) => [username, a.role])).toEqual([
      ['sysadmin', 'SYSTEM_ADMIN'],
      ['secadmin', 'SECURITY_ADMIN'],
      ['auditadmin', 'AUDIT_ADMIN'],
    ]);
    for (const { password } of accounts.values()) expect(password).toHaveLength(16);
    expect(new Set([...accounts.values()].map((a) => a.password)).size).toBe(3);
    // Audited, without the passwords.
    const audit = await auditRows(db, 'USER_CREATED');
    expect(audit.map((r) => [r.target, r.result, r.detail.role, r.detail.via])).toEqual([
      ['user:sysadmin', 'success', 'SYSTEM_ADMIN', 'create-admin'],
      ['user:secadmin', 'success', 'SECURITY_ADMIN', 'create-admin'],
      ['user:auditadmin', 'success', 'AUDIT_ADMIN', 'create-admin'],
    ]);
    for (const { password } of accounts.values()) {
      expect(JSON.stringify(audit)).not.toContain(password);
      expect(server.output()).not.toContain(password);
    }

    // A second run refuses, with its stable code and exit status, and changes nothing.
    const again = await run(env, [duty, 'create-admin', '--security-admin', 'secadmin2']);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(
      /^ADMIN_ACCOUNTS_EXIST: 已存在管理员账户（auditadmin, secadmin, sysadmin）/m,
    );
    expect(again.stdout).toBe('');
    const denied = (await auditRows(db, 'USER_CREATED')).filter((r) => r.result === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0].detail.reason).toBe('ADMIN_ACCOUNTS_EXIST');
    const count = await withAdminClient(db.url, (client) =>
      client.query(`SELECT count(*)::int AS n FROM app_user`),
    );
    expect(count.rows[0].n).toBe(3);

    started = Date.now();
    const tokens = new Map<string, string>();
    for (const [username, { role, password }] of accounts) {
      tokens.set(username, await firstSignIn(url, username, password, role));
    }
    timings.firstSignInsMs = Date.now() - started;
    // The one-time password is spent.
    const reused = await gql(url, SIGN_IN, {
      input: { username: 'auditadmin', password: accounts.get('auditadmin')!.password },
    });
    expect(reused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The first working day, the only way the separated roles allow: the regulation imported
    // with the image's tool; a provincial supervisor created by the system administrator,
    // bound by the security administrator (which withdraws the password the system
    // administrator saw), given a first password under dual control (requested by the system
    // administrator, approved by the security administrator); the supervisor opens the
    // assessment cycle whose figures analytics reads.
    started = Date.now();
    const regulationText = path.join(
      root,
      'dist/api/apps/api/src/regulation/data/hubei-quality-promotion-draft.txt',
    );
    const imported = await run(env, [
      duty,
      'regulation:import',
      regulationText,
      '--code',
      'hubei-quality-promotion',
    ]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const sys = tokens.get('sysadmin');
    const sec = tokens.get('secadmin');
    const createdUser = await gql<{ createUser: { user: { id: string } } }>(
      url,
      `mutation { createUser(input: { username: "province", displayName: "李文华", office: "湖北省市场监督管理局质量发展局" }) { user { id } temporaryPassword } }`,
      {},
      sys,
    );
    expect(createdUser.errors).toBeUndefined();
    const provinceId = createdUser.data!.createUser.user.id;
    const bound = await gql(
      url,
      `mutation($input: BindRoleInput!) { bindUserRole(input: $input) { username role } }`,
      { input: { userId: provinceId, role: 'PROVINCIAL_SUPERVISOR' } },
      sec,
    );
    expect(bound.errors).toBeUndefined();
    const requested = await gql<{ requestPasswordReset: { id: string } }>(
      url,
      `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { id } }`,
      { input: { userId: provinceId, reason: '新建省级督导账户，首次设置密码' } },
      sys,
    );
    expect(requested.errors).toBeUndefined();
    const approved = await gql<{ approvePasswordReset: { temporaryPassword: string } }>(
      url,
      `mutation($id: ID!) { approvePasswordReset(requestId: $id) { temporaryPassword } }`,
      { id: requested.data!.requestPasswordReset.id },
      sec,
    );
    expect(approved.errors).toBeUndefined();
    const supervisor = await firstSignIn(
      url,
      'province',
      approved.data!.approvePasswordReset.temporaryPassword,
      'PROVINCIAL_SUPERVISOR',
    );
    const version = await withAdminClient(db.url, (client) =>
      client.query<{ id: string }>(`SELECT id FROM regulation_version`),
    );
    expect(version.rows).toHaveLength(1);
    const cycle = await gql<{ createCycle: { cycle: { id: string } } }>(
      url,
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: version.rows[0].id },
      supervisor,
    );
    expect(cycle.errors).toBeUndefined();
    timings.firstCycleMs = Date.now() - started;

    // The security administrator issues a machine token bound to the province (units are
    // loaded from the GB/T 2260 data at the first start), which reads analytics until revoked.
    const province = await withAdminClient(db.url, (client) =>
      client.query<{ code: string }>(`SELECT code FROM admin_unit WHERE parent_code IS NULL`),
    );
    expect(province.rows.map((r) => r.code)).toEqual(['420000']);
    const issued = await gql<{ issueApiToken: { token: string; apiToken: { id: string } } }>(
      url,
      ISSUE_TOKEN,
      {
        input: {
          name: '省大数据中心统计看板',
          scopes: ['ANALYTICS_READ'],
          unitId: '420000',
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
      tokens.get('secadmin'),
    );
    if (issued.errors) {
      // The server's log says why (an internal error's details stay out of the response).
      const logged = server
        .output()
        .split('\n')
        .filter((line) => /"level":"(error|fatal)"/.test(line));
      throw new Error(`${JSON.stringify(issued.errors)}\n${logged.join('\n')}`);
    }
    const { token, apiToken } = issued.data!.issueApiToken;
    const read = () =>
      fetch(`${url}/api/v1/analytics/summary`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await read();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await ok.json()) as {
      cycle: { id: string; year: number };
      unit: { code: string };
      summary: unknown;
    };
    expect(body.cycle).toMatchObject({ id: cycle.data!.createCycle.cycle.id, year: 2026 });
    expect(body.unit.code).toBe('420000');
    expect(body.summary).toBeDefined();
    // Not with a session of the wrong administrator: the audit administrator issues none.
    const notAudit = await gql(
      url,
      ISSUE_TOKEN,
      {
        input: {
          name: 'x',
          scopes: ['ANALYTICS_READ'],
          unitId: '420000',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      tokens.get('auditadmin'),
    );
    expect(notAudit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const revoked = await gql(url, REVOKE_TOKEN, { id: apiToken.id }, tokens.get('secadmin'));
    expect(revoked.errors).toBeUndefined();
    expect((await read()).status).toBe(401);

    // The operator tools work against the running production server.
    const status = await run(env, [duty, 'migrate', '--status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/ applied, 0 pending/);
    const chains = await run(env, [duty, 'audit:verify']);
    expect(chains.stdout).toMatch(/— OK\./);
    expect(chains.code).toBe(0);
  }, 300_000);

  it('duty lists its commands and names the development-only ones', async () => {
    const help = await run(process.env, [duty, '--help']);
    expect(help.code).toBe(0);
    for (const name of ['create-admin', 'migrate', 'regulation:import', 'backup', 'restore']) {
      expect(help.stdout).toContain(`  ${name} `);
    }
    const dev = await run(process.env, [duty, 'bench:status']);
    expect(dev.code).toBe(2);
    expect(dev.stderr).toMatch(/npm run bench:status/);
    expect((await run(process.env, [duty, 'no-such-command'])).code).toBe(2);

    // Every npm script that runs a built CLI is a duty command or named as development-only,
    // so a new tool cannot be left out of the image's `duty`.
    const listed = new Set([...help.stdout.matchAll(/^ {2}(\S+) {2}/gm)].map((m) => m[1]));
    const devOnly = new Set(
      (/^Development only[^:]*: ([^\n]+)\.$/m.exec(help.stdout)?.[1] ?? '').split(', '),
    );
    const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const cliScripts = Object.entries(scripts)
      .filter(([, command]) =>
        /node dist\/api\/apps\/api\/src\/(cli\/\S+\.cli|main)\.js/.test(command),
      )
      .filter(([, command]) => !command.includes('/duty.cli.js')) // `npm run duty` is duty itself
      .map(([name]) => name);
    expect(cliScripts).toContain('create-admin');
    expect(cliScripts.filter((name) => !listed.has(name) && !devOnly.has(name))).toEqual([]);
  });

  it('DUTY_CREATE_ADMIN=1 on start creates the administrators once, passwords in a 0600 file and never in the log', async () => {
    const oneShot = await newDeployment();
    let first: Server | undefined;
    try {
      const file = path.join(oneShot.dir, 'keys', 'initial-admin-passwords.txt');
      const env = { ...oneShot.env, DUTY_CREATE_ADMIN: '1', DUTY_CREATE_ADMIN_FILE: file };
      // The key directory exists once the server made it; make it now, as the volume would be.
      await rm(path.dirname(file), { recursive: true, force: true });
      await mkdir(path.dirname(file), { mode: 0o700 });
      first = await startServer(env);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => /^[A-Z_]+\t/.test(l));
      expect(lines.map((l) => l.split('\t').slice(0, 2))).toEqual([
        ['SYSTEM_ADMIN', 'sysadmin'],
        ['SECURITY_ADMIN', 'secadmin'],
        ['AUDIT_ADMIN', 'auditadmin'],
      ]);
      const passwords = lines.map((l) => l.split('\t')[2]);
      for (const p of passwords) expect(first.output()).not.toContain(p);
      const signIn = await gql<SignIn>(first.url, SIGN_IN, {
        input: { username: 'secadmin', password: passwords[1] },
      });
      expect(signIn.data?.signIn.user.secondFactorStep).toBe('ENROL');
      await stopServer(first);

      // Restarted with the variable still set: nothing created, the file left as it was.
      const before = await readFile(file, 'utf8');
      first = await startServer(env);
      expect(first.output()).toMatch(/管理员账户已存在/);
      expect(await readFile(file, 'utf8')).toBe(before);
      const audit = await auditRows(oneShot.db, 'USER_CREATED');
      expect(audit.map((r) => r.detail.via)).toEqual(Array(3).fill('create-admin --if-absent'));
    } finally {
      await stopServer(first);
      await dropDeployment(oneShot);
    }
  }, 300_000);
});
