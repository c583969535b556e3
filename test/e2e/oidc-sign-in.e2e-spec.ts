import { OidcTestProvider, startOidcTestProvider } from '@duty/test-support';
import { Client } from 'pg';
import { BrowserContext, Page } from 'playwright-core';
import { E2E, screenshot, seriousA11yViolations, startE2E } from './support/e2e-harness';

jest.setTimeout(600_000);

/**
 * Single sign-on (issue 19, item 3) in headless Chromium: a real OpenID Connect provider
 * (oidc-provider) started here, the built server configured for it. A person bound to an
 * account lands in the app as that account; a person the system does not know yet is
 * provisioned without a role and sees 尚未分配角色.
 */
let provider: OidcTestProvider;
let e2e: E2E;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  provider = await startOidcTestProvider({
    'gov-0001': { preferred_username: 'province', name: '省级督导（统一身份）' },
    'gov-0009': { preferred_username: 'zhaoliu', name: '赵六' },
  });
  e2e = await startE2E({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_MATCH_CLAIM: 'preferred_username',
    OIDC_MATCH_FIELD: 'username',
    OIDC_PROVISION: 'true',
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await e2e?.close();
  await provider?.stop();
});

async function newPage(): Promise<Page> {
  const context = await e2e.newContext();
  contexts.push(context);
  return context.newPage();
}

/** From the sign-in page through the provider's sign-in form and back. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: '统一身份认证登录' }).click();
  // The provider's own page (oidc-provider's development sign-in form).
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('provider-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => url.origin === e2e.url && !url.pathname.startsWith('/api/'));
}

/**
 * 退出登录 in a single sign-on session: ours ends and the provider's too — its sign-out
 * confirmation, then back to our sign-in page.
 */
async function signOutThroughProvider(page: Page): Promise<void> {
  // In the app: the account menu's item; on the 尚未分配角色 page: its own button.
  const account = page.getByRole('button', { name: /^账户菜单：/ });
  if (await account.count()) {
    await account.click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
  } else {
    await page.getByRole('button', { name: /退出登录/ }).click();
  }
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.getByRole('button', { name: /Yes, sign me out/ }).click();
  await page.waitForURL((url) => url.origin === e2e.url);
  await page.getByRole('heading', { name: '用户登录' }).waitFor();
}

it('signs a bound person in through the provider as their account', async () => {
  const page = await newPage();
  await signInThroughProvider(page, 'gov-0001');
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
  // The demo account 'province' (省级督导), not a new one: its name from the demo data.
  const db = new Client({ connectionString: e2e.database.url });
  await db.connect();
  const {
    rows: [row],
  } = await db
    .query<{ display_name: string; role: string }>(
      `SELECT display_name, role FROM app_user WHERE username = 'province'`,
    )
    .finally(() => db.end());
  expect(row.role).toBe('PROVINCIAL_SUPERVISOR');
  await page.getByText(row.display_name).first().waitFor();
  expect(await page.getByRole('heading', { name: '尚未分配角色' }).count()).toBe(0);
  await screenshot(page, 'oidc-signed-in');

  // Signing out ends the provider's session too: signing in again asks for the password there.
  await signOutThroughProvider(page);
  await page.getByRole('link', { name: '统一身份认证登录' }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').waitFor();
});

it('shows a person without a role 尚未分配角色, with the account to quote, and no data', async () => {
  const page = await newPage();
  await signInThroughProvider(page, 'gov-0009');
  await page.getByRole('heading', { name: '尚未分配角色' }).waitFor();
  await page.getByText('赵六').waitFor();
  await page.getByText('zhaoliu').first().waitFor();
  await page.getByText(/安全管理员尚未为您的账户分配角色/).waitFor();
  expect(await page.getByRole('navigation', { name: '主菜单' }).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, 'oidc-no-role');

  // The session exists but reaches no data: the API refuses a role's query.
  const answer = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ users { totalCount } }' }),
    });
    return (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  });
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  await signOutThroughProvider(page);
});

it('explains a refused sign-in on the sign-in page', async () => {
  const page = await newPage();
  // A callback that belongs to no sign-in begun in this browser.
  await page.goto('/api/auth/oidc/callback?code=forged&state=forged');
  await page.getByText('登录请求已过期或无效，请重新点击“统一身份认证登录”。').waitFor();
  expect(new URL(page.url()).search).toBe('');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
