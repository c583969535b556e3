import { Page } from 'playwright-core';
import { clickUntil, screenshot, withSignedInPage } from './support/e2e-harness';

// Whole journeys under a loaded CI machine need more than the root's 60 s.
jest.setTimeout(300_000);

const YEAR = 2027;
const DUTY_DUE = `${YEAR}-06-30`;

/**
 * 考核年度管理 as the provincial supervisor meets it, with the server running throughout: the
 * page in the menu lists the demo cycle; a cycle is opened through the form with one duty given
 * its own due date, and its tasks are counted; after a reviewer stops tracking a duty, the
 * regeneration previews the tasks to retire by duty and then does exactly that; the cycle is
 * closed after a confirmation that says what closing does, and reopened with a reason.
 */
describe('assessment cycle administration in a real browser', () => {
  // The supervisor's signed-in page, the server and the browser, for every test of the block.
  const session = withSignedInPage('province');
  const { a11y, graphql } = session;
  let province: Page;
  beforeAll(() => (province = session.page));
  const number = new Intl.NumberFormat('zh-CN');

  const cycleOfYear = async () =>
    (
      await graphql<{
        cycles: Array<{ id: string; year: number; regulationVersionId: string; taskCount: number }>;
      }>(`
        query {
          cycles {
            id
            year
            regulationVersionId
            taskCount
          }
        }
      `)
    ).cycles.find((c) => c.year === YEAR)!;
  const rowOf = () => province.locator('tr').filter({ hasText: `${YEAR}年度` });

  it('lists the cycles from the menu, and opens one with a per-duty due date', async () => {
    await province.goto('/');
    await province
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '考核年度管理' })
      .click();
    await province.waitForURL('**/cycles');
    await province.getByRole('heading', { name: '考核年度管理' }).waitFor();
    // The demo cycle, with its regulation, version, period, state and tasks.
    const demo = province.locator('tr').filter({ hasText: '2026年度' });
    await demo.waitFor();
    await expect(demo.textContent()).resolves.toMatch(/湖北省质量促进条例.*第 1 版.*2026.*进行中/);
    await a11y('admin-cycles-list');

    await province.getByRole('button', { name: /开启考核年度/ }).click();
    const form = province.getByRole('dialog').filter({ hasText: '开启考核年度 ·' });
    await form.waitFor();
    const year = form.getByLabel('考核年度');
    await year.fill(String(YEAR));
    await year.press('Tab');
    // The dates follow the year until they are touched.
    await expect(form.getByLabel('开始日期').inputValue()).resolves.toBe(`${YEAR}-01-01`);

    await form.getByRole('button', { name: '添加职责截止日期' }).click();
    await form.getByLabel('职责 1').click();
    const option = province.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    const chosen = (await option.getAttribute('title')) ?? (await option.textContent()) ?? '';
    expect(chosen).toMatch(/^第 \d+ 条 /);
    await option.click();
    // Before the cycle's start: refused on the row, nothing sent.
    const date = form.getByLabel('截止日期 1');
    await date.click();
    await date.fill('2026-06-30');
    await date.press('Enter');
    await form.getByRole('button', { name: /开启并生成任务/ }).click();
    await form.getByText('不得早于考核年度的开始日期').waitFor();
    await date.click();
    await date.fill(DUTY_DUE);
    await date.press('Enter');
    await a11y('admin-cycles-open-form');

    await form.getByRole('button', { name: /开启并生成任务/ }).click();
    await form.getByText(new RegExp(`已开启“${YEAR}年度`)).waitFor();
    const generated = await form
      .getByText(/^共生成任务 \d+ 项$/)
      .first()
      .textContent();
    const total = Number(/(\d+)/.exec(generated ?? '')![1]);
    expect(total).toBeGreaterThan(1000);
    await form.getByRole('button', { name: /^完\s*成$/ }).click();

    // Listed with its task count.
    await rowOf().waitFor();
    await expect(rowOf().textContent()).resolves.toContain(number.format(total));
    await expect(rowOf().textContent()).resolves.toContain(`${YEAR}年1月1日 至 ${YEAR}年12月31日`);

    // The chosen duty's tasks carry its own due date; the others the cycle's.
    const cycle = await cycleOfYear();
    const earliest = await graphql<{
      tasks: { nodes: Array<{ dueDate: string; duty: { id: string; text: string } }> };
    }>(
      `
        query ($c: ID!) {
          tasks(filter: { cycleId: $c }, first: 1, sort: DUE_DATE) {
            nodes {
              dueDate
              duty {
                id
                text
              }
            }
          }
        }
      `,
      { c: cycle.id },
    );
    const [first] = earliest.tasks.nodes;
    expect(first.dueDate).toBe(DUTY_DUE);
    expect(chosen).toContain(first.duty.text);
    const ofDuty = await graphql<{
      tasks: { totalCount: number; nodes: Array<{ dueDate: string }> };
    }>(
      `
        query ($c: ID!, $d: ID!) {
          tasks(filter: { cycleId: $c, dutyId: $d }, first: 200) {
            totalCount
            nodes {
              dueDate
            }
          }
        }
      `,
      { c: cycle.id, d: first.duty.id },
    );
    expect(ofDuty.tasks.totalCount).toBeGreaterThan(0);
    expect(new Set(ofDuty.tasks.nodes.map((t) => t.dueDate))).toEqual(new Set([DUTY_DUE]));
  });

  it('changes and restores a duty’s own due date of the open cycle from the cycle page', async () => {
    const cycle = await cycleOfYear();
    const {
      cycleDutyDueDates: [dated],
    } = await graphql<{
      cycleDutyDueDates: Array<{ dutyLineageId: string; dutyId: string; articleNumber: number }>;
    }>(
      `
        query ($c: ID!) {
          cycleDutyDueDates(cycleId: $c) {
            dutyLineageId
            dutyId
            articleNumber
          }
        }
      `,
      { c: cycle.id },
    );
    const dueDatesOfDuty = async () =>
      new Set(
        (
          await graphql<{ tasks: { nodes: Array<{ dueDate: string }> } }>(
            `
              query ($c: ID!, $d: ID!) {
                tasks(filter: { cycleId: $c, dutyId: $d }, first: 200) {
                  nodes {
                    dueDate
                  }
                }
              }
            `,
            { c: cycle.id, d: dated.dutyId },
          )
        ).tasks.nodes.map((t) => t.dueDate),
      );

    await province.goto('/cycles');
    await rowOf()
      .getByRole('button', { name: /职责截止日期/ })
      .click();
    const dialog = province.getByRole('dialog').filter({ hasText: '按职责设置的截止日期 ·' });
    const article = `第 ${dated.articleNumber} 条`;
    const listed = dialog.locator('tr').filter({ hasText: article });
    await listed.getByText(`${YEAR}年6月30日`).waitFor();
    await a11y('admin-cycles-due-dates');

    await dialog.getByRole('button', { name: `修改 · ${article}` }).click();
    const date = dialog.getByLabel('截止日期', { exact: true });
    // After the cycle's due date: refused on the field, nothing sent.
    await date.click();
    await date.fill(`${YEAR + 1}-01-15`);
    // Enter confirms the date and submits the form, as in any form.
    await date.press('Enter');
    await dialog.getByText('不得晚于考核年度的截止日期').waitFor();
    await expect(dueDatesOfDuty()).resolves.toEqual(new Set([DUTY_DUE]));

    await date.click();
    await date.fill(`${YEAR}-09-30`);
    await date.press('Enter');
    await province
      .getByText(new RegExp(`已保存：[\\d,]+ 项任务的截止日期改为 ${YEAR}年9月30日。`))
      .waitFor();
    await listed.getByText(`${YEAR}年9月30日`).waitFor();
    await expect(dueDatesOfDuty()).resolves.toEqual(new Set([`${YEAR}-09-30`]));
    await screenshot(province, 'admin-cycles-due-date-changed');

    // Restored to the cycle's due date, after a confirmation.
    await dialog.getByRole('button', { name: `恢复年度截止日期 · ${article}` }).click();
    const restored = province.getByText(
      new RegExp(`已恢复：[\\d,]+ 项任务的截止日期改回 ${YEAR}年12月31日。`),
    );
    const none = dialog.getByText('尚未为任何职责单独设置截止日期，全部任务使用年度截止日期。');
    await clickUntil(
      province.getByRole('tooltip').getByRole('button', { name: /确\s*定/ }),
      restored.or(none),
    );
    await none.waitFor();
    await expect(dueDatesOfDuty()).resolves.toEqual(new Set([`${YEAR}-12-31`]));
    await province.keyboard.press('Escape');
  });

  it('regenerates after a duty review, with a preview of the tasks retired by duty', async () => {
    const cycle = await cycleOfYear();
    // A reviewer stops tracking a duty (through GraphQL, as the register's review drawer does).
    const { duties } = await graphql<{
      duties: { nodes: Array<{ id: string; rowVersion: number; text: string }> };
    }>(
      `
        query ($v: ID!) {
          duties(
            filter: { versionId: $v, tracked: true, governmentOnly: true }
            page: { first: 1 }
          ) {
            nodes {
              id
              rowVersion
              text
            }
          }
        }
      `,
      { v: cycle.regulationVersionId },
    );
    const [duty] = duties.nodes;
    await graphql(
      `
        mutation ($input: ReviewDutyInput!) {
          reviewDuty(input: $input) {
            rowVersion
          }
        }
      `,
      { input: { dutyId: duty.id, expectedRowVersion: duty.rowVersion, tracked: false } },
    );

    await province.goto('/cycles');
    await rowOf()
      .getByRole('button', { name: /重新生成任务/ })
      .click();
    const dialog = province.getByRole('dialog').filter({ hasText: '重新生成任务 ·' });
    // Counts as the page formats them (14,117).
    const summary = dialog.getByText(
      /^将新增 0 项、退出 [\d,]+ 项、恢复 0 项任务，之后共 [\d,]+ 项。$/,
    );
    await summary.waitFor();
    const [, retired, after] = /退出 ([\d,]+) 项.*之后共 ([\d,]+) 项/
      .exec((await summary.textContent()) ?? '')!
      .map((n) => Number(n.replace(/,/g, '')));
    expect(retired).toBeGreaterThan(0);
    expect(after).toBe(cycle.taskCount - retired);
    await dialog.getByText(/^退出任务的职责（1 项职责，[\d,]+ 项任务）$/).waitFor();
    await dialog.getByRole('cell', { name: duty.text }).waitFor();
    await dialog.getByRole('cell', { name: '职责已不再纳入跟踪' }).waitFor();
    await a11y('admin-cycles-regenerate-preview');
    // Nothing has changed yet.
    await expect(cycleOfYear()).resolves.toMatchObject({ taskCount: cycle.taskCount });

    await dialog.getByRole('button', { name: /确认重新生成/ }).click();
    await dialog
      .getByText(
        `新增 0 项、退出 ${number.format(retired)} 项、恢复 0 项任务，现有任务 ${number.format(after)} 项。`,
      )
      .waitFor();
    await expect(dialog.getByText(/执行结果与预览不同/).count()).resolves.toBe(0);
    await screenshot(province, 'admin-cycles-regenerated');
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await expect(rowOf().textContent()).resolves.toContain(number.format(after));
    await expect(cycleOfYear()).resolves.toMatchObject({ taskCount: after });
  });

  it('closes the cycle after a confirmation, and reopens it with a reason', async () => {
    await province.goto('/cycles');
    await rowOf().getByRole('button', { name: /^关闭/ }).click();
    const close = province.getByRole('dialog').filter({ hasText: '关闭考核年度并固化结果？' });
    await close.getByText(/本年度全部任务变为只读/).waitFor();
    await a11y('admin-cycles-close');
    await close.getByRole('button', { name: /确认关闭并固化/ }).click();
    await province
      .getByText(/已关闭，结果已固化/)
      .first()
      .waitFor();
    await rowOf().getByText('已关闭').waitFor();
    await expect(
      rowOf()
        .getByRole('button', { name: /重新生成任务/ })
        .count(),
    ).resolves.toBe(0);

    await rowOf()
      .getByRole('button', { name: /重新打开/ })
      .click();
    const reopen = province.getByRole('dialog').filter({ hasText: '重新打开考核年度' });
    // Confirming without a reason is refused in the dialog. Under CI load a click while the
    // dialog is still opening can be lost (seen once): confirm again until the message shows.
    await reopen.getByLabel('重新打开的原因').waitFor();
    const reasonRequired = reopen.getByText('请填写重新打开的原因');
    await clickUntil(reopen.getByRole('button', { name: /确认重新打开/ }), reasonRequired);
    await reopen.getByLabel('重新打开的原因').fill('补录恩施州两项佐证材料');
    await reopen.getByRole('button', { name: /确认重新打开/ }).click();
    await province
      .getByText(/已重新打开/)
      .first()
      .waitFor();
    await rowOf().getByText('进行中').waitFor();
    await rowOf()
      .getByRole('button', { name: /重新生成任务/ })
      .waitFor();
    await screenshot(province, 'admin-cycles-reopened');
  });
});
