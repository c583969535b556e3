import { BrowserContext, Page } from 'playwright-core';
import { Client } from 'pg';
import {
  DEMO_PASSWORD,
  E2E,
  screenshot,
  seriousA11yViolations,
  signIn,
  startE2E,
} from './support/e2e-harness';

// Two phone sizes × four pages with axe checks, on a server that seeds the demo data.
jest.setTimeout(600_000);

/** The phones the county operators were seen on (issue 17): a common size and the narrowest. */
const PHONES = [
  { name: '390x844', width: 390, height: 844 },
  { name: '360x740', width: 360, height: 740 },
] as const;

describe('the operator’s pages on a phone, and print', () => {
  let e2e: E2E;
  /** A task the county operator leads and may still change (so the upload area shows). */
  let taskId: string;
  let returned: boolean;

  beforeAll(async () => {
    e2e = await startE2E();
    const db = new Client({ connectionString: e2e.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; status: string }>(
        `SELECT t.id, t.status FROM task t JOIN app_user u ON u.username = 'enshi-scjg'
          WHERE t.unit_code = u.unit_code AND t.lead_department_id = u.department_id
            AND t.retired_at IS NULL AND t.status IN ('RETURNED', 'IN_PROGRESS', 'NOT_STARTED')
          ORDER BY t.status = 'RETURNED' DESC, t.id LIMIT 1`,
      );
      expect(rows).toHaveLength(1);
      taskId = rows[0].id;
      returned = rows[0].status === 'RETURNED';
    } finally {
      await db.end();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** Signs in on a phone: the side menu is folded away, so wait for the ☰ button instead. */
  async function phonePage(width: number, height: number): Promise<[BrowserContext, Page]> {
    const context = await e2e.browser.newContext({
      ...e2e.contextOptions,
      viewport: { width, height },
      isMobile: true,
      hasTouch: true,
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill('enshi-scjg');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: '打开菜单' }).waitFor();
    return [context, page];
  }

  /** The page does not scroll sideways: whatever is wide scrolls inside its own box. */
  async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
    // Against the phone's width, not window.innerWidth: a mobile browser zooms out to show a
    // page wider than the screen, and innerWidth grows with it.
    const sizes = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    const { width } = page.viewportSize()!;
    // What sticks out, when something does: the innermost elements wider than the phone.
    const wide = await page.evaluate((w) => {
      const out = Array.from(document.querySelectorAll('body *')).filter(
        (e) => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed',
      );
      return out
        .filter((e) => !out.some((o) => o !== e && e.contains(o)))
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} ${Math.round(e.getBoundingClientRect().right)}px`,
        );
    }, width);
    expect({
      page: name,
      innerWidth: sizes.innerWidth,
      wide: sizes.innerWidth > width ? wide : [],
    }).toEqual({
      page: name,
      innerWidth: width,
      wide: [],
    });
    await screenshot(page, `phone-${name}`);
    expect({ page: name, ...sizes, fits: sizes.scrollWidth <= sizes.innerWidth }).toEqual({
      page: name,
      ...sizes,
      fits: true,
    });
    expect(sizes.bodyScrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
    expect({ page: name, violations: await seriousA11yViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  }

  /**
   * An element lies fully inside the viewport horizontally (not cut off at either side), once
   * it has settled (a drawer slides in from the left).
   */
  async function inView(page: Page, selector: ReturnType<Page['locator']>): Promise<void> {
    const width = page.viewportSize()!.width;
    let box = await selector.boundingBox();
    for (const end = Date.now() + 5_000; Date.now() < end;) {
      if (box && box.x >= 0 && box.x + box.width <= width) break;
      await page.waitForTimeout(100);
      box = await selector.boundingBox();
    }
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }

  it.each(PHONES)(
    'workbench, task list, task detail and upload fit a $name phone; the menu and 退出登录 are reachable',
    async ({ name, width, height }) => {
      const [context, page] = await phonePage(width, height);
      try {
        // 工作台 (the operator's home page)
        await page
          .getByRole('heading', { level: 2 })
          .or(page.getByRole('heading'))
          .first()
          .waitFor();
        await page
          .getByTestId('workbench-item')
          .first()
          .or(page.locator('.ant-empty'))
          .first()
          .waitFor();
        await expectNoSidewaysScroll(page, `${name}-workbench`);

        // The folded menu opens in a drawer and leads to the task list.
        await page.getByRole('button', { name: '打开菜单' }).click();
        const nav = page.getByRole('navigation', { name: '主菜单' });
        await nav.waitFor();
        await inView(page, nav);
        await screenshot(page, `phone-${name}-menu`);
        await nav.getByRole('menuitem', { name: '任务' }).click();
        await nav.waitFor({ state: 'hidden' });
        expect(new URL(page.url()).pathname).toBe('/tasks');

        // 任务清单: the table scrolls inside its box, never the page.
        await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
        await expectNoSidewaysScroll(page, `${name}-tasks`);

        // A task's detail, with the evidence table and the upload area.
        await page.goto(`/tasks/${taskId}`);
        await page.getByRole('heading', { level: 3 }).first().waitFor();
        await page.getByText('佐证材料').first().waitFor();
        if (returned) await page.getByTestId('task-return-notice').waitFor();
        await expectNoSidewaysScroll(page, `${name}-task-detail`);
        const upload = page.getByText('点击或将文件拖到此处上传');
        await upload.scrollIntoViewIfNeeded();
        await inView(page, upload);
        await screenshot(page, `phone-${name}-upload`);

        // The operator's other pages: 本单位考核 (their unit's score) and 帮助 (help).
        await page.goto('/my-unit');
        await page.waitForURL('**/units/*');
        await page.getByRole('heading', { level: 3 }).first().waitFor();
        await page.getByRole('table').first().waitFor();
        await expectNoSidewaysScroll(page, `${name}-my-unit`);
        await page.goto('/help');
        await page.getByRole('heading', { level: 4 }).first().waitFor();
        await expectNoSidewaysScroll(page, `${name}-help`);

        // 退出登录 is one tap away in the account menu, fully on screen, and works.
        const account = page.getByRole('button', { name: /^账户菜单：/ });
        await inView(page, account);
        await account.click();
        const signOut = page.getByRole('menuitem', { name: '退出登录' });
        await signOut.waitFor();
        await inView(page, signOut);
        await screenshot(page, `phone-${name}-account-menu`);
        await signOut.click();
        await page.getByLabel('用户名').waitFor();
      } finally {
        await context.close();
      }
    },
  );

  it('prints the overview without the menu, header and buttons; the unit report has a print button', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    try {
      await signIn(page, 'province');
      await page.goto('/overview');
      const print = page.getByRole('button', { name: /打印本页/ });
      await print.waitFor();
      await page.locator('.ant-table-tbody').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'print-overview');
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.app-sider').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: '主菜单' }).isVisible()).toBe(false);
      expect(await print.isVisible()).toBe(false);
      // The page itself is still there, on white.
      expect(await page.getByRole('heading', { level: 3 }).first().isVisible()).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(
        /rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/,
      );
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('.app-header').isVisible()).toBe(true);

      // The unit page prints the same way; its fact lists keep their labels on one line.
      await page.goto('/units/422801');
      const unitPrint = page.getByRole('button', { name: /打印本页/ });
      await unitPrint.waitFor();
      await page.locator('.ant-table-tbody').first().waitFor();
      await screenshot(page, 'unit-page-1366');
      const wrappedLabels = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.ant-descriptions-item-label, .ant-table-thead th'))
          .filter((el) => (el.textContent ?? '').trim().length > 1)
          .filter(
            (el) =>
              el.getBoundingClientRect().width < 2.2 * parseFloat(getComputedStyle(el).fontSize),
          )
          .map((el) => el.textContent),
      );
      expect(wrappedLabels).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'print-unit-page');
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.app-sider').isVisible()).toBe(false);
      expect(await unitPrint.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });

      // The printable unit report: a button that prints, in words, not "按 Ctrl+P".
      const db = new Client({ connectionString: e2e.database.url });
      await db.connect();
      const cycleId = await db
        .query<{ id: string }>(`SELECT id FROM assessment_cycle ORDER BY year DESC LIMIT 1`)
        .then((r) => r.rows[0].id)
        .finally(() => db.end());
      await page.addInitScript(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await page.goto(`/api/assessment/report?cycleId=${cycleId}&unitCode=422801`);
      const button = page.getByRole('button', { name: '打印报告' });
      await button.waitFor();
      expect(await page.content()).not.toContain('Ctrl+P');
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      expect(await button.isVisible()).toBe(false);
      await screenshot(page, 'print-unit-report');
    } finally {
      await context.close();
    }
  });
});
