import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';
import { API_CSP, WEB_APP_CSP } from '../security-headers';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token } }`;

/** A stand-in for the Vite build: what the server serves as pages. */
async function fakeWebBuild(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-web-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app-1.js"></script></head><body><div id="root"></div></body></html>',
  );
  await writeFile(path.join(dir, 'assets', 'app-1.js'), 'console.log("duty");\n');
  return dir;
}

async function auditedIp(db: DataSource, username: string): Promise<string | null> {
  const [row] = await db.query(
    `SELECT ip FROM security_audit_log WHERE actor_username = $1 ORDER BY id DESC LIMIT 1`,
    [username],
  );
  return row?.ip ?? null;
}

const signIn = (api: TestApi, username: string, headers: Record<string, string> = {}) =>
  api.graphql(SIGN_IN, { input: { username, password: 'Wrong#Password1' } }, headers);

// Issue 15, finding 11: X-Forwarded-For was trusted without a configured proxy; no CSP or
// HSTS on the app's pages.
describe('HTTP hardening with no proxy configured (the default)', () => {
  let api: TestApi;
  let webDir: string;

  beforeAll(async () => {
    webDir = await fakeWebBuild();
    api = await startTestApi({ WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await api?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${url}`, { headers });

  it.each([
    ['the app page', '/', WEB_APP_CSP],
    ['a client-side route', '/tasks/123', WEB_APP_CSP],
    ['a built script', '/assets/app-1.js', WEB_APP_CSP],
    ['a missing file', '/assets/missing-1.js', WEB_APP_CSP],
    ['the health check', '/health', API_CSP],
    ['an unknown API path', '/api/no-such-endpoint', API_CSP],
  ])('sends the security headers with %s (%s)', async (_label, url, csp) => {
    const res = await get(url);
    expect({
      csp: res.headers.get('content-security-policy'),
      frame: res.headers.get('x-frame-options'),
      sniff: res.headers.get('x-content-type-options'),
      referrer: res.headers.get('referrer-policy'),
      hsts: res.headers.get('strict-transport-security'),
    }).toEqual({ csp, frame: 'DENY', sniff: 'nosniff', referrer: 'same-origin', hsts: null });
  });

  it('sends them with GraphQL answers too, successes and errors alike', async () => {
    for (const res of [await api.graphql(`{ me { username } }`), await signIn(api, 'nobody')]) {
      expect(res.headers.get('content-security-policy')).toBe(API_CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('lets the pages run only same-origin scripts, and nobody frame them', () => {
    const directives = Object.fromEntries(
      WEB_APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });

  it('sends no HSTS over plain HTTP, even when a client claims X-Forwarded-Proto: https', async () => {
    const res = await get('/', { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('ignores X-Forwarded-For: the audit log records the socket address', async () => {
    await signIn(api, 'spoofer', { 'x-forwarded-for': '203.0.113.99' });
    expect(await auditedIp(api.server.app.get(DataSource), 'spoofer')).toMatch(
      /^(::ffff:)?127\.0\.0\.1$/,
    );
  });

  it('cannot be talked out of the per-address sign-in limit with a new X-Forwarded-For each time', async () => {
    const limit = api.config.auth.signInThrottle.maxFailuresPerIp;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const res = await signIn(api, `rotating-${i}`, { 'x-forwarded-for': `198.51.100.${i}` });
      statuses.push(res.status);
    }
    // Checked at most `limit` times in all (earlier tests' failures share the socket too).
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(limit);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('HTTP hardening behind a configured proxy (TRUSTED_PROXIES)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(() => api?.close());

  it("takes the client address from the trusted proxy's X-Forwarded-For", async () => {
    await signIn(api, 'behind-proxy', { 'x-forwarded-for': '203.0.113.9' });
    expect(await auditedIp(api.server.app.get(DataSource), 'behind-proxy')).toBe('203.0.113.9');
  });

  it('sends HSTS when the proxy says the request came over TLS, and only then', async () => {
    const tls = await fetch(`${api.url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`${api.url}/health`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
