import { verifyPack } from '@duty/api/evidence-pack';
import { samplePdf } from '@duty/api/file-types';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Page } from 'playwright-core';
import { E2E, screenshot, seriousA11yViolations, signIn, startE2E } from './support/e2e-harness';

/**
 * Each role's main journey in headless Chromium against the built server and a real database
 * holding the demo data (2026 cycle): an operator of 恩施市 updates a task, uploads a PDF and
 * submits; the 恩施州 supervisor returns it with a reason; the operator fixes and resubmits;
 * the supervisor verifies it from the review queue; the provincial supervisor sees the
 * completion figure move; an auditor downloads a pack that verifies; another county's operator
 * gets "not found" for that task's URL. Screenshots of the main pages: test-results/e2e/.
 */
describe('the dashboard in a real browser', () => {
  let e2e: E2E;
  let taskId: string;
  let downloads: string;
  const pages: Page[] = [];

  const as = async (username: string): Promise<Page> => {
    const page = await (await e2e.newContext()).newPage();
    pages.push(page);
    await signIn(page, username);
    return page;
  };
  /** "已核验 N 项 / 共 M 项" on the provincial overview. */
  const verifiedOnOverview = async (page: Page): Promise<number> => {
    await page.goto('/overview');
    const detail = page.getByText(/已核验 [\d,]+ 项 \/ 共 [\d,]+ 项/).first();
    await detail.waitFor();
    return Number(
      /已核验 ([\d,]+) 项/.exec((await detail.textContent()) ?? '')![1].replace(/,/g, ''),
    );
  };
  const a11y = async (page: Page, name: string) => {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousA11yViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  };

  const statusOf = async (id: string): Promise<string> => {
    const db = new Client({ connectionString: e2e.database.url });
    await db.connect();
    try {
      return (await db.query(`SELECT status FROM task WHERE id = $1`, [id])).rows[0].status;
    } finally {
      await db.end();
    }
  };
  const waitForStatus = async (id: string, status: string, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if ((await statusOf(id)) === status) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  beforeAll(async () => {
    e2e = await startE2E();
    downloads = await mkdtemp(path.join(os.tmpdir(), 'duty-e2e-downloads-'));
    const db = new Client({ connectionString: e2e.database.url });
    await db.connect();
    const { rows } = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code = 'market_regulation' AND t.status = 'IN_PROGRESS'
        ORDER BY t.id LIMIT 1`,
    );
    await db.end();
    taskId = rows[0].id;
  }, 400_000);
  afterAll(async () => {
    for (const page of pages)
      await page
        .context()
        .close()
        .catch(() => undefined);
    await e2e?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  let verifiedBefore: number;
  let province: Page;

  it('the provincial supervisor opens the overview (figures, charts, ranking)', async () => {
    province = await as('province');
    verifiedBefore = await verifiedOnOverview(province);
    expect(verifiedBefore).toBeGreaterThan(0);
    await a11y(province, 'overview-province');
  });

  it('a county operator updates a task, uploads a PDF and submits it', async () => {
    const operator = await as('enshi-scjg');
    await operator.goto('/tasks');
    await operator.getByText('任务清单').first().waitFor();
    await a11y(operator, 'tasks-operator');

    await operator.goto(`/tasks/${taskId}`);
    await operator
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    await operator
      .locator('#task-progress-note')
      .fill('已印发《恩施市质量强市建设实施方案》，建立月调度机制。');
    await operator
      .getByRole('button', { name: /^保\s*存$/ })
      .first()
      .click();
    await operator.getByText('已保存').first().waitFor();

    await operator
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: '恩施市质量强市实施方案.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf(['Enshi quality plan', 'e2e journey']),
      });
    await operator.getByText('“恩施市质量强市实施方案.pdf”已上传').waitFor();
    await operator.getByRole('button', { name: '提交核验' }).click();
    await operator.getByRole('button', { name: /确\s*定/ }).click();
    await operator.getByText('任务状态已改为“已提交待核验”').waitFor();
    await a11y(operator, 'task-detail-operator');
  });

  it('the prefecture supervisor returns it with a reason; the operator fixes it and resubmits', async () => {
    const supervisor = await as('enshi-zhou');
    await supervisor.goto(`/tasks/${taskId}`);
    await supervisor.getByRole('button', { name: /^退\s*回$/ }).click();
    await supervisor
      .getByPlaceholder('请写明需要整改的内容，经办人将看到此意见')
      .fill('请补充方案印发文号及会议纪要。');
    await supervisor
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|退\s*回/ })
      .last()
      .click();
    await supervisor.getByText('任务状态已改为“已退回”').waitFor();

    const operator = await as('enshi-scjg');
    await operator.goto(`/tasks/${taskId}`);
    // The supervisor's reason is shown to the operator (status, history).
    await operator
      .getByText(/请补充方案印发文号及会议纪要/)
      .first()
      .waitFor();
    await screenshot(operator, 'task-returned-operator');
    await operator.getByRole('button', { name: '恢复推进' }).click();
    await operator.getByText('任务状态已改为“推进中”').waitFor();
    await operator
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    await operator
      .locator('#task-progress-note')
      .fill('已印发《恩施市质量强市建设实施方案》（恩施市政发〔2026〕8号），已召开部署会。');
    await operator
      .getByRole('button', { name: /^保\s*存$/ })
      .first()
      .click();
    await operator.getByText('已保存').first().waitFor();
    // Submit; if the page still held the version from before the save (a CONFLICT the page
    // reports and reloads), submit again on the reloaded task.
    for (let attempt = 0; attempt < 2 && (await statusOf(taskId)) !== 'SUBMITTED'; attempt++) {
      await operator.getByRole('button', { name: '提交核验' }).click();
      await operator.getByRole('button', { name: /确\s*定/ }).click();
      await waitForStatus(taskId, 'SUBMITTED', 10_000);
    }
    expect(await statusOf(taskId)).toBe('SUBMITTED');
  });

  it('the supervisor verifies it from the review queue', async () => {
    const supervisor = await as('enshi-zhou');
    await supervisor.goto('/review');
    await supervisor
      .getByRole('button', { name: /核验通过/ })
      .first()
      .waitFor();
    await a11y(supervisor, 'review-queue');
    // The queue lists every submitted task of 恩施州; open ours through its detail page link
    // if it is not the selected one, and verify it there with the same action.
    await supervisor.goto(`/tasks/${taskId}`);
    await supervisor.getByRole('button', { name: '核验通过' }).click();
    await supervisor.getByRole('button', { name: /确\s*定/ }).click();
    await supervisor.getByText('任务状态已改为“已核验”').waitFor();
  });

  it('the provincial supervisor sees the completion figure change on the overview', async () => {
    expect(await verifiedOnOverview(province)).toBe(verifiedBefore + 1);
  });

  it('an auditor downloads a sealed pack that verifies', async () => {
    const auditor = await as('auditor');
    await auditor.goto('/evidence');
    await auditor
      .getByText(/完整性/)
      .first()
      .waitFor();
    await a11y(auditor, 'evidence-explorer');
    await auditor.getByRole('tab', { name: '导出材料包' }).click();
    await a11y(auditor, 'evidence-pack');
    const [download] = await Promise.all([
      auditor.waitForEvent('download'),
      auditor
        .getByRole('button', { name: /下载材料包/ })
        .first()
        .click(),
    ]);
    const file = path.join(downloads, 'pack.zip');
    await download.saveAs(file);
    const report = await verifyPack(file);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(100);
  });

  it('a county operator typing another unit’s task URL sees “not found”', async () => {
    const other = await as('jiangan-scjg');
    await other.goto(`/tasks/${taskId}`);
    await other.getByText('任务不存在或不在您的辖区内').waitFor();
  });

  it('the other main pages render without serious accessibility problems', async () => {
    for (const [path, name] of [
      ['/units/422801', 'unit-page'],
      ['/assessment', 'assessment'],
      ['/register', 'duty-register'],
      ['/users', 'users'],
    ] as const) {
      const page = path === '/users' ? await as('sysadmin') : province;
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await a11y(page, name);
    }
  });
});
