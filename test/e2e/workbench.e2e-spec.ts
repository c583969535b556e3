import { Page } from 'playwright-core';
import { E2E, screenshot, seriousA11yViolations, signIn, startE2E } from './support/e2e-harness';

// Four roles, each walking every section of the workbench: the root's 60 s is not enough.
jest.setTimeout(600_000);

interface SectionOnPage {
  key: string;
  count: number;
  link: string;
  /** The first item's link, if the section has items. */
  item: string | null;
}

/** The sections each role's workbench shows, in order (apps/api/src/workbench). */
const SECTIONS: Record<string, string[]> = {
  province: [
    'REVIEW_QUEUE',
    'EXTENSION_REQUESTS',
    'REASSIGNMENT_REQUESTS',
    'NOT_APPLICABLE_REQUESTS',
    'URGING_UNANSWERED',
    'BEHIND_SCHEDULE',
  ],
  'enshi-zhou': [
    'REVIEW_QUEUE',
    'EXTENSION_REQUESTS',
    'REASSIGNMENT_REQUESTS',
    'NOT_APPLICABLE_REQUESTS',
    'URGING_UNANSWERED',
    'BEHIND_SCHEDULE',
  ],
  'enshi-scjg': [
    'URGING_TO_ANSWER',
    'RETURNED_TASKS',
    'OVERDUE_TASKS',
    'DUE_SOON_TASKS',
    'AWAITING_ACKNOWLEDGEMENT',
    'UNANSWERED_COMMENTS',
  ],
  auditor: ['RECENT_PACKS', 'INTEGRITY_PROBLEMS'],
};

const number = (text: string | null | undefined, pattern: RegExp): number => {
  const match = pattern.exec(text ?? '');
  if (!match) throw new Error(`“${text}” does not match ${pattern}`);
  return Number(match[1].replace(/,/g, ''));
};

/**
 * The number of rows of the list a section links to, read from that page as a person sees
 * it: the task list's total, the review queue's count, the overview's behind-schedule table
 * (every page of it), or the section's own full list.
 */
async function rowsOfList(page: Page, link: string): Promise<number> {
  const path = new URL(link, 'http://x').pathname;
  if (path === '/tasks') {
    const total = page.getByText(/^共 [\d,]+ 项任务$/);
    await total.waitFor();
    // The total shows before the filtered answer arrives: wait until the table settles.
    await page.locator('.ant-table-tbody').waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    return number(await total.textContent(), /共 ([\d,]+) 项任务/);
  }
  if (path === '/review') {
    const count = page.getByText(/^[\d,]+ 项待核验$/).or(page.getByText('没有待核验的任务'));
    await count.first().waitFor();
    const text = await count.first().textContent();
    return text === '没有待核验的任务' ? 0 : number(text, /([\d,]+) 项待核验/);
  }
  if (path === '/overview') {
    const card = page.locator('#overview-behind-schedule');
    await card.waitFor();
    const settled = card.locator('.ant-table-tbody').or(card.getByText('暂无进度滞后单位'));
    await settled.first().waitFor();
    if (await card.getByText('暂无进度滞后单位').isVisible()) return 0;
    const pages = card.locator('.ant-pagination-item');
    if ((await pages.count()) === 0) return card.locator('tr.ant-table-row').count();
    const last = pages.last();
    const lastPage = Number(await last.getAttribute('title'));
    await last.click();
    await card.locator('.ant-pagination-item-active').getByText(String(lastPage)).waitFor();
    return (lastPage - 1) * 10 + (await card.locator('tr.ant-table-row').count());
  }
  if (path.startsWith('/workbench/')) {
    const total = page.getByTestId('workbench-section-total');
    await total.waitFor();
    return number(await total.textContent(), /共 ([\d,]+) 项/);
  }
  throw new Error(`no list reader for ${link}`);
}

/** Asserts the page of the work behind an item link. */
async function assertWorkPage(page: Page, link: string): Promise<string> {
  const path = new URL(link, 'http://x').pathname;
  await page.waitForURL((url) => url.pathname === path);
  if (/^\/tasks\/[0-9a-f-]{36}$/.test(path)) {
    // The task page: its title (第N条 …) and the back link to the task list.
    await page.getByRole('heading', { level: 3, name: /^第\d+条/ }).waitFor();
    await page.getByRole('button', { name: /返回/ }).first().waitFor();
    return 'task';
  }
  if (path.startsWith('/units/')) {
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    return 'unit';
  }
  if (path === '/evidence') {
    await page.getByRole('heading', { level: 3, name: /佐证材料/ }).waitFor();
    return 'evidence';
  }
  if (path === '/task-log') {
    await page.getByRole('heading', { level: 3, name: /任务日志/ }).waitFor();
    return 'task-log';
  }
  throw new Error(`unexpected work page ${link}`);
}

/**
 * Issue 16, first acceptance point: each business role signs in, lands on the workbench, every
 * section's count equals the rows of the list it links to, and one item of each section opens
 * the page of the work behind it. Against the built server with the demo data (2026 cycle).
 */
describe('the workbench in a real browser', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  }, 900_000);
  afterAll(() => e2e?.close());

  it.each(Object.keys(SECTIONS))(
    '%s lands on the workbench, whose counts match the lists and whose items open their work',
    async (username) => {
      const page = await (await e2e.newContext()).newPage();
      await signIn(page, username);
      await page.waitForURL((url) => url.pathname === '/workbench');
      await page.getByRole('heading', { level: 3, name: '工作台' }).waitFor();
      const cards = page.locator('[data-section]');
      await cards.first().waitFor();
      await screenshot(page, `workbench-${username}`);
      expect(await seriousA11yViolations(page)).toEqual([]);

      const sections: SectionOnPage[] = await cards.evaluateAll((elements) =>
        elements.map((el) => ({
          key: el.getAttribute('data-section') ?? '',
          count: Number(
            el.querySelector('[data-testid="section-count"]')?.getAttribute('data-count'),
          ),
          link: el.querySelector('[data-testid="section-link"]')?.getAttribute('href') ?? '',
          item:
            el.querySelector('[data-testid="workbench-item-link"]')?.getAttribute('href') ?? null,
        })),
      );
      expect(sections.map((s) => s.key)).toEqual(SECTIONS[username]);

      const opened: Record<string, string> = {};
      for (const section of sections) {
        // The card's link, clicked as a person does.
        await page.goto('/workbench');
        const card = page.locator(`[data-section="${section.key}"]`);
        await card.getByTestId('section-link').click();
        await page.waitForURL(
          (url) => `${url.pathname}${url.search}` === section.link.split('#')[0],
        );
        const rows = await rowsOfList(page, section.link);
        expect({ section: section.key, count: section.count }).toEqual({
          section: section.key,
          count: rows,
        });
        if (!section.item) continue;
        await page.goto('/workbench');
        await page
          .locator(`[data-section="${section.key}"]`)
          .getByTestId('workbench-item-link')
          .first()
          .click();
        opened[section.key] = await assertWorkPage(page, section.item);
      }
      // Every section that had items opened its work.
      expect(Object.keys(opened)).toEqual(sections.filter((s) => s.item).map((s) => s.key));
      await page.context().close();
    },
  );

  it('sends the administrators to the about page, with the system information', async () => {
    const page = await (await e2e.newContext()).newPage();
    await signIn(page, 'sysadmin');
    await page.waitForURL((url) => url.pathname === '/about');
    await page.getByRole('heading', { level: 3, name: '关于系统' }).waitFor();
    await page.getByText('系统信息').waitFor();
    await page.context().close();
  });
});
