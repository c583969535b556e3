import AxeBuilder from '@axe-core/playwright';
import { buildApps, createTestDatabase, root, serverReady, TestDatabase } from '@duty/test-support';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  chromium,
  Locator,
  Page,
} from 'playwright-core';

const main = path.join(root, 'dist/api/apps/api/src/main.js');
/** Screenshots of each main page, kept as test artifacts. */
export const SCREENSHOT_DIR = path.join(root, 'test-results/e2e');
export const DEMO_PASSWORD = 'Hubei@Demo2026';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH). .ci/run installs it when missing.',
    );
  }
  return found;
}

export interface E2E {
  url: string;
  database: TestDatabase;
  browser: Browser;
  /** A fresh browser context (own cookies) per user. */
  newContext(): Promise<BrowserContext>;
  /** The options newContext uses (base URL, 1366×768, zh-CN). */
  contextOptions: BrowserContextOptions;
  close(): Promise<void>;
}

/**
 * The built server (API + web app, as `npm start` serves them) on a database of its own with
 * the demo data and the 2026 demo cycle, and headless Chromium driven by playwright-core.
 * `extraEnv` adds or overrides the server's environment.
 */
export async function startE2E(extraEnv: NodeJS.ProcessEnv = {}): Promise<E2E> {
  const executablePath = chromiumPath(); // before anything is started that would need stopping
  buildApps();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duty-e2e-'));
  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    DATA_DIR: dir,
    EVIDENCE_DIR: path.join(dir, 'evidence'),
    SEED_DEMO_DATA: 'true',
    SEED_DEMO_CYCLE: 'true',
    PASSWORD_HASH_COST_LOG2: '12',
    EVIDENCE_FSCK_INTERVAL_HOURS: '0',
    LOG_LEVEL: 'info',
    // Per spec, e.g. single sign-on settings.
    ...extraEnv,
  };
  const server = spawn(process.execPath, [main], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url } = await serverReady(server);
  const browser = await chromium
    .launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    })
    .catch(async (error: unknown) => {
      server.kill('SIGTERM');
      await database.drop().catch(() => undefined);
      throw error;
    });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const contextOptions: BrowserContextOptions = {
    baseURL: url,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
    // The app honours reduced motion (no zoom or fade): a click lands on a dialog that is
    // already where it will stay — under CI load, clicks during the opening zoom were lost.
    reducedMotion: 'reduce',
  };
  return {
    url,
    database,
    browser,
    // Waits get a minute: CI runs these journeys next to the other test projects on two cores.
    newContext: async () => {
      const context = await browser.newContext(contextOptions);
      context.setDefaultTimeout(60_000);
      return context;
    },
    contextOptions,
    close: async () => {
      await browser.close().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((resolve) =>
        server.exitCode !== null ? resolve(null) : server.once('exit', resolve),
      );
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page, as a person does. */
export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

/**
 * Clicks `target` until `done` shows: at most `attempts` clicks, each given `wait` ms to show
 * its effect. A click on a control in a popup that is still opening (a popconfirm zooming in)
 * can be lost under CI load; the effect, not the click, is what a journey asserts.
 */
export async function clickUntil(
  target: Locator,
  done: Locator,
  { attempts = 3, wait = 5_000 }: { attempts?: number; wait?: number } = {},
): Promise<void> {
  // `done` may match several elements (e.g. a message or the saved state, `a.or(b)`).
  const effect = done.first();
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await effect.isVisible()) return;
    if (await target.isVisible()) await target.click();
    try {
      await effect.waitFor({ timeout: wait });
      return;
    } catch {
      // Not yet: click again while the control is still there.
    }
  }
  await effect.waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Accessibility check (axe-core): the serious and critical violations of the page. */
export async function seriousA11yViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  // Colours are judged as they settle: a toast or dialog fading in is half transparent, and
  // axe would read its text's contrast mid-animation (it did, under CI load). Finite
  // animations only (a spinner runs forever), at most 3 s.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3000, polling: 100 },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact!,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
}

/** One signed-in page shared by the tests of a describe block (see {@link withSignedInPage}). */
export interface SignedInPage {
  /** The running server, database and browser (after beforeAll). */
  readonly e2e: E2E;
  /** The page, signed in (after beforeAll). */
  readonly page: Page;
  /** A full-page screenshot named `name`, then the axe check: no serious or critical violations. */
  a11y(name: string, page?: Page): Promise<void>;
  /** A GraphQL call with the page's session cookie, as the web app makes it; fails on errors. */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * The set-up every administration journey repeats, registered on the calling describe block:
 * before its tests the built server and Chromium start and `username` signs in through the
 * sign-in page; after them everything is closed. Call it in the describe body and read
 * `page` inside tests or hooks (it exists once beforeAll ran).
 */
export function withSignedInPage(username: string): SignedInPage {
  let started: E2E | undefined;
  let signedIn: Page | undefined;
  beforeAll(async () => {
    started = await startE2E();
    signedIn = await (await started.newContext()).newPage();
    await signIn(signedIn, username);
  }, 400_000);
  afterAll(async () => {
    await signedIn
      ?.context()
      .close()
      .catch(() => undefined);
    await started?.close();
  });
  const session: SignedInPage = {
    get e2e() {
      if (!started) throw new Error('withSignedInPage: the server is not started yet (beforeAll)');
      return started;
    },
    get page() {
      if (!signedIn) throw new Error('withSignedInPage: not signed in yet (beforeAll)');
      return signedIn;
    },
    async a11y(name, page = session.page) {
      await screenshot(page, name);
      expect({ page: name, violations: await seriousA11yViolations(page) }).toEqual({
        page: name,
        violations: [],
      });
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await session.page.request.post('/graphql', {
        data: { query, variables },
        headers: { 'content-type': 'application/json' },
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data as T;
    },
  };
  return session;
}
