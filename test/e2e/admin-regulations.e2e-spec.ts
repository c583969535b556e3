import { execFileSync } from 'node:child_process';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { Locator, Page } from 'playwright-core';
import { signIn, withSignedInPage } from './support/e2e-harness';
import {
  SECOND_REGULATION_CODE as CODE,
  SECOND_REGULATION_TITLE as TITLE,
  SECOND_REGULATION_V1,
  SECOND_REGULATION_V2,
} from './support/second-regulation';

jest.setTimeout(300_000);

/** A Word document of the text, one paragraph per line, built here (no file is copied). */
async function docxOf(text: string): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The text in GB18030 (GBK), encoded by the system's iconv. */
const gb18030 = (text: string): Buffer =>
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });

/**
 * Regulation administration in the browser, as a provincial supervisor does it while the
 * server runs: a second regulation imported from a Word file through 法规库 → 导入法规; a
 * broken GBK file refused with the server's Chinese message naming the line; a new version
 * from a GB18030 text file, straight on to the diff and the duty-mapping review; a renamed
 * text confirmed after the title-change refusal. Roles that may not import see no button.
 */
describe('importing regulations and new versions through the screens', () => {
  // The supervisor's signed-in page, the server and the browser, for every test of the block.
  const session = withSignedInPage('province');
  const { a11y } = session;
  let province: Page;
  beforeAll(() => (province = session.page));

  const dialog = (title: string): Locator => province.getByRole('dialog', { name: title });
  const chooseFile = (form: Locator, name: string, buffer: Buffer, mimeType = 'text/plain') =>
    form.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
  const openVersionImport = async () => {
    await province.goto('/regulations');
    await province.getByRole('button', { name: `导入新版本 · ${TITLE}` }).click();
    const form = dialog(`导入新版本 · ${TITLE}`);
    await form.waitFor();
    return form;
  };

  it('imports a second regulation from a DOCX file through 导入法规', async () => {
    await province.goto('/regulations');
    await province.locator('tr').filter({ hasText: '湖北省质量促进条例' }).waitFor();
    await province.getByRole('button', { name: '导入法规' }).click();
    const form = dialog('导入法规');
    await form.waitFor();
    await a11y('admin-regulations-import-form');

    // Nothing chosen: the form says what is missing and sends nothing.
    await form.getByRole('button', { name: /导\s*入/ }).click();
    await form.getByText('请填写法规代码。').waitFor();
    await form.getByText('请选择要导入的法规文件。').waitFor();

    await form.getByLabel('法规代码').fill(CODE);
    await chooseFile(
      form,
      `${TITLE}.docx`,
      await docxOf(SECOND_REGULATION_V1),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    await form.locator('label').filter({ hasText: '已施行' }).click();
    await form.getByRole('button', { name: /导\s*入/ }).click();

    await form.getByText(`已导入 ${TITLE} 第 1 版`).waitFor();
    await form.getByText(`${TITLE}.docx · Word 文档（.docx）`).waitFor();
    await form.getByText('3 章，9 条', { exact: false }).waitFor();
    await a11y('admin-regulations-import-result');

    await form.getByRole('button', { name: '查看职责清单' }).click();
    await province.waitForURL(`**/regulations/${CODE}`);
    await province.getByText(`职责清单 · ${TITLE}`).waitFor();

    // The library lists it, read again after the import.
    await province.goto('/regulations');
    const row = province.locator('tr').filter({ hasText: TITLE });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('直辖市地方性法规');
    // Imported by Hubei's provincial supervisor: Hubei's.
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('湖北省');
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('已施行');
  });

  it('refuses a broken GBK file with the server’s Chinese message naming the line, storing nothing', async () => {
    const form = await openVersionImport();
    const broken = Buffer.concat([gb18030(`${SECOND_REGULATION_V2}\n`), Buffer.from([0x81, 0x0a])]);
    const brokenLine = SECOND_REGULATION_V2.split('\n').length + 1;
    await chooseFile(form, '甲乙条例修订.txt', broken);
    await form.getByRole('button', { name: /导\s*入/ }).click();
    const alert = form.getByRole('alert').filter({ hasText: '未能导入' });
    await alert.waitFor();
    await alert.getByText(`第${brokenLine}行`, { exact: false }).waitFor();
    await alert.getByText('GB18030（GBK）', { exact: false }).first().waitFor();
    await a11y('admin-regulations-import-refused');

    // A text that is no regulation at all.
    await chooseFile(form, '会议纪要.txt', Buffer.from('会议纪要\n今天讨论了甲乙设施。\n'));
    await form.getByRole('button', { name: /导\s*入/ }).click();
    await form.getByRole('alert').filter({ hasText: '未能导入' }).waitFor();
    await form
      .getByRole('button', { name: /取\s*消|关\s*闭/ })
      .last()
      .click();

    // Still one version.
    const row = province.locator('tr').filter({ hasText: TITLE });
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('1');
  });

  it('imports a new version from a GB18030 text file and leads to the diff and the mapping review', async () => {
    const form = await openVersionImport();
    await chooseFile(form, '甲乙条例修订.txt', gb18030(SECOND_REGULATION_V2));
    await form.locator('label').filter({ hasText: '已施行' }).click();
    await form.getByRole('button', { name: /导\s*入/ }).click();

    await form.getByText(`已导入 ${TITLE} 第 2 版`).waitFor();
    await form.getByText('甲乙条例修订.txt · 纯文本，编码 GB18030（GBK）').waitFor();
    await form.getByText('修改 1').waitFor();
    await form.getByText('新增 1').waitFor();
    await form.getByText('仅条号变化 4').waitFor();
    await a11y('admin-regulations-version-result');

    await form.getByRole('button', { name: '查看版本变化与映射审核' }).click();
    await province.waitForURL(`**/regulations/${CODE}?tab=diff`);
    await province
      .getByText('新增 1 条，删除 0 条，修改 1 条，合并 0 条，拆分 0 条，仅条号变化 4 条')
      .waitFor();
    const review = province.getByRole('region', { name: '映射审核' });
    await review.getByText(/^待审核 \d+ 条$/).waitFor();
    await a11y('admin-regulations-version-diff');
  });

  it('shows the title-change refusal and imports after the supervisor confirms', async () => {
    const renamed = SECOND_REGULATION_V2.replace(TITLE, '上海市甲乙设施条例').replace(
      '鼓励社会资本',
      '支持和鼓励社会资本',
    );
    const form = await openVersionImport();
    await chooseFile(form, '更名.txt', Buffer.from(renamed, 'utf8'));
    await form.getByRole('button', { name: /导\s*入/ }).click();
    const warning = form.getByRole('alert').filter({ hasText: '法规名称与已登记的不同' });
    await warning.waitFor();
    await warning.getByText('上海市甲乙设施条例', { exact: false }).waitFor();
    await warning.getByRole('button', { name: '确认更名并导入' }).click();
    await form.getByText('已导入 上海市甲乙设施条例 第 3 版').waitFor();
  });

  it('hides the import buttons from roles that may not import', async () => {
    const page = await (await session.e2e.newContext()).newPage();
    try {
      await signIn(page, 'enshi-scjg');
      await page.goto('/regulations');
      await page.locator('tr').filter({ hasText: '湖北省质量促进条例' }).waitFor();
      await expect(page.getByRole('button', { name: '导入法规' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /导入新版本/ }).count()).resolves.toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
