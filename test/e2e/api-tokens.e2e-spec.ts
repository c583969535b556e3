import { Page } from 'playwright-core';
import { E2E, screenshot, seriousA11yViolations, signIn, startE2E } from './support/e2e-harness';

// Whole journeys under a loaded CI machine need more than the root's 60 s.
jest.setTimeout(300_000);

const NAME = '省大数据中心-恩施州统计';

/**
 * 机器访问令牌 as the security administrator meets it: the page in the menu, a token issued
 * through the form and shown once, used by another system (fetch from this test) to read the
 * analytics of the bound prefecture only, then revoked in the browser, after which the same
 * token is refused. Both states of the page are checked with axe.
 */
describe('machine API tokens in a real browser', () => {
  let e2e: E2E;
  let sec: Page;

  const a11y = async (page: Page, name: string) => {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousA11yViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  };
  const machineGet = async (path: string, token: string) => {
    const res = await fetch(`${e2e.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** A day 30 days from today in China, as the date picker's input takes it. */
  const expiryDay = () =>
    new Date(Date.now() + 8 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    e2e = await startE2E();
    sec = await (await e2e.newContext()).newPage();
    await signIn(sec, 'secadmin');
  }, 400_000);
  afterAll(async () => {
    await sec
      ?.context()
      .close()
      .catch(() => undefined);
    await e2e?.close();
  });

  let token = '';

  it('issues a token from the menu and shows it once with a warning', async () => {
    await sec
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '机器访问令牌' })
      .click();
    await sec.waitForURL('**/api-tokens');
    await sec.getByRole('heading', { name: '机器访问令牌' }).waitFor();
    await a11y(sec, 'api-tokens-empty');

    await sec.getByRole('button', { name: '签发令牌' }).click();
    const form = sec.getByRole('dialog', { name: '签发机器访问令牌' });
    await form.getByLabel('名称').fill(NAME);
    await form.getByLabel('读取统计分析').check();
    const unit = form.getByLabel('绑定单位');
    await unit.click();
    await unit.fill('恩施土家族');
    await sec
      .locator('.ant-select-item-option')
      .filter({ hasText: '恩施土家族苗族自治州' })
      .click();
    const expiry = form.getByLabel('到期日期');
    await expiry.click();
    await expiry.fill(expiryDay());
    await expiry.press('Enter');
    await form.getByRole('button', { name: /签\s*发/ }).click();

    const shown = sec.getByRole('dialog', { name: `令牌已签发：${NAME}` });
    await shown.waitFor();
    await shown.getByText('只显示这一次', { exact: false }).waitFor();
    token = ((await shown.getByTestId('issued-api-token').textContent()) ?? '').trim();
    expect(token).toMatch(/^dtk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await a11y(sec, 'api-tokens-issued');
    await shown.getByRole('button', { name: '我已保存，关闭' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Hidden is not yet gone: the dialog's content is destroyed when its closing animation ends.
    await sec.getByTestId('issued-api-token').waitFor({ state: 'detached', timeout: 30_000 });
    // The list names the token by its prefix, never the token itself.
    const row = sec.locator('tr').filter({ hasText: NAME });
    await row.getByText('有效').waitFor();
    expect(await sec.content()).not.toContain(token.slice(17));
  });

  it('lets another system read the bound prefecture’s analytics with the token', async () => {
    const res = await machineGet('/api/v1/analytics/summary', token);
    expect(res.status).toBe(200);
    const body = res.body as {
      unit: { code: string };
      summary: { tasks: number };
      units: Array<{ code: string; parentCode: string | null }>;
    };
    expect(body.unit.code).toBe('422800');
    expect(body.summary.tasks).toBeGreaterThan(0);
    expect(body.units.length).toBeGreaterThan(1);
    expect(body.units.every((u) => u.code === '422800' || u.parentCode === '422800')).toBe(true);
    // The token is no key to anything else.
    expect((await machineGet('/api/v1/evidence', token)).status).toBe(403);

    await sec.reload();
    const row = sec.locator('tr').filter({ hasText: NAME });
    await row.getByText('有效').waitFor();
    await expect(row.locator('td').nth(7).textContent()).resolves.toBe('1');
  });

  it('revokes the token in the browser, after which it is refused', async () => {
    const row = sec.locator('tr').filter({ hasText: NAME });
    await row.getByRole('button', { name: /吊\s*销/ }).click();
    const popover = sec.locator('.ant-popover').filter({ hasText: `吊销令牌“${NAME}”？` });
    await popover.getByRole('button', { name: /吊\s*销/ }).click();
    await row.getByText('已吊销').waitFor();
    await a11y(sec, 'api-tokens-revoked');
    const refused = await machineGet('/api/v1/analytics/summary', token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'API_TOKEN_REVOKED' },
    });
  });
});
