import { execFileSync } from 'node:child_process';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { DataSource } from 'typeorm';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { seedDemoAccounts } from '../../user/demo-accounts.seed';

const CODE = 'hubei-test-upload';
const TITLE = '湖北省丙丁设施管理条例';

/** A small regulation written for this test (no real text is copied). */
const V1 = [
  TITLE,
  '第一章　总则',
  '第一条　为了加强丙丁设施管理，保障公共安全，结合本省实际，制定本条例。',
  '第二条　县级以上人民政府应当加强对丙丁设施管理工作的领导，将所需经费列入本级预算。',
  '第三条　县级以上人民政府市场监督管理部门负责本行政区域内丙丁设施的监督管理工作。',
  '第二章　监督管理',
  '第四条　县级以上人民政府市场监督管理部门应当建立丙丁设施档案，每年至少开展一次监督检查。',
  '第五条　乡镇人民政府应当协助做好丙丁设施的日常巡查。',
  '第三章　附则',
  '第六条　本条例自2027年1月1日起施行。',
].join('\n');

/** Version 2: 第四条 reworded, a new 第五条 added (the old 第五条 and 第六条 move by one). */
const V2 = [
  TITLE,
  '第一章　总则',
  '第一条　为了加强丙丁设施管理，保障公共安全，结合本省实际，制定本条例。',
  '第二条　县级以上人民政府应当加强对丙丁设施管理工作的领导，将所需经费列入本级预算。',
  '第三条　县级以上人民政府市场监督管理部门负责本行政区域内丙丁设施的监督管理工作。',
  '第二章　监督管理',
  '第四条　县级以上人民政府市场监督管理部门应当建立丙丁设施档案和信息公开制度，每季度开展一次监督检查，并向社会公布检查结果。',
  '第五条　县级以上人民政府应当组织开展丙丁设施安全宣传教育。',
  '第六条　乡镇人民政府应当协助做好丙丁设施的日常巡查。',
  '第三章　附则',
  '第七条　本条例自2027年1月1日起施行。',
].join('\n');

/** A Word document with one paragraph per line, as Word writes it. */
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

/** The text in GB18030, encoded by the system's iconv (an encoder independent of the decoder). */
const gb18030 = (text: string): Buffer =>
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });

interface Answer {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
  versionNumber?: number;
  alreadyImported?: boolean;
  title?: string;
  articles?: number;
  chapters?: number;
  duties?: number;
  source?: { format: string; encoding: string | null; description: string; fileName: string };
  changeSummary?: Record<string, number>;
  mappingSuggestions?: number;
  warnings?: unknown[];
}

describe('POST /api/regulations/import (real HTTP, real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  let province: SignedInClient;

  const versions = async (code = CODE) =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id WHERE r.code = $1`,
        [code],
      )
    )[0].n as number;
  const regulations = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM regulation`))[0].n as number;

  const upload = async (
    file: { name: string; content: Buffer } | null,
    fields: Record<string, string>,
    options: { token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Answer }> => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append('file', new Blob([file.content as Uint8Array]), file.name);
    const token = options.token === undefined ? province.token : options.token;
    const res = await fetch(`${api.url}/api/regulations/import`, {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'x-requested-with': 'XMLHttpRequest',
        ...options.headers,
      },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO_DATA: 'false' }, { leastPrivilege: true });
    db = api.server.app.get(DataSource);
    await seedDemoAccounts(db, 12);
    province = await api.signIn('province');
  });
  afterAll(() => api?.close());

  it('imports a new regulation from a DOCX file and names the format', async () => {
    const res = await upload(
      { name: `${TITLE}.docx`, content: await docxOf(V1) },
      { code: CODE, status: 'enacted', effectiveDate: '2027-01-01' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: CODE,
      versionNumber: 1,
      alreadyImported: false,
      title: TITLE,
      chapters: 3,
      articles: 6,
      source: { format: 'docx', encoding: null, description: 'Word 文档（.docx）' },
      changeSummary: {},
    });
    expect(res.body.duties).toBeGreaterThanOrEqual(3);
    expect(await versions()).toBe(1);
    const [stored] = await db.query(
      `SELECT v.status, v.effective_date::text AS effective, v.imported_by FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id WHERE r.code = $1`,
      [CODE],
    );
    expect(stored).toEqual({ status: 'enacted', effective: '2027-01-01', imported_by: 'province' });
  });

  it('imports a new version from a GB18030 text file, with the change summary against version 1', async () => {
    const res = await upload(
      { name: '丙丁条例修订.txt', content: gb18030(V2) },
      { code: CODE, status: 'draft' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      versionNumber: 2,
      articles: 7,
      source: { format: 'text', encoding: 'gb18030', description: '纯文本，编码 GB18030（GBK）' },
    });
    expect(res.body.changeSummary).toMatchObject({ changed: 1, added: 1, renumbered: 2 });
    expect(await versions()).toBe(2);
    // The same bytes again: nothing new.
    const again = await upload(
      { name: '丙丁条例修订.txt', content: gb18030(V2) },
      { code: CODE, status: 'draft' },
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyImported: true, versionNumber: 2 });
    expect(await versions()).toBe(2);
  });

  it('refuses files that are not a readable regulation with a Chinese message, storing nothing', async () => {
    const before = { regs: await regulations(), versions: await versions() };
    // Broken GB18030: a lead byte followed by a newline on line 3.
    const broken = Buffer.concat([
      gb18030(`${TITLE}\n第一条\u3000正文。\n`),
      Buffer.from([0x81, 0x0a]),
    ]);
    const encoding = await upload({ name: '损坏.txt', content: broken }, { code: CODE });
    expect(encoding.status).toBe(400);
    expect(encoding.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'file', sourceError: 'UNSUPPORTED_ENCODING', line: 3 },
    });
    expect(encoding.body.message).toMatch(/^第3行：文件“损坏\.txt”：文件看起来是 GB18030/u);
    expect(encoding.body.message).not.toContain('[UNSUPPORTED_ENCODING]');

    const pdf = await upload(
      { name: '条例.pdf', content: Buffer.from('%PDF-1.4\n%…\n') },
      { code: 'hubei-other' },
    );
    expect(pdf.status).toBe(400);
    expect(pdf.body).toMatchObject({ details: { sourceError: 'UNSUPPORTED_FORMAT' } });
    expect(pdf.body.message).toContain('PDF 文件');

    // Readable text, but not a regulation: the parser's refusal names the line.
    const prose = await upload(
      {
        name: '会议纪要.txt',
        content: Buffer.from('会议纪要\n今天开会讨论了丙丁设施。\n', 'utf8'),
      },
      { code: 'hubei-minutes' },
    );
    expect(prose.status).toBe(400);
    expect(prose.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'text' } });
    expect(prose.body.message).toMatch(/[\u4e00-\u9fff]/u);

    const noFile = await upload(null, { code: CODE });
    expect(noFile).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(noFile.body.message).toContain('请选择要导入的法规文件');

    const badCode = await upload({ name: 'a.txt', content: Buffer.from(V1) }, { code: 'Bad Code' });
    expect(badCode).toMatchObject({ status: 400, body: { details: { field: 'code' } } });

    expect({ regs: await regulations(), versions: await versions() }).toEqual(before);
  });

  it('refuses a changed title until the uploader confirms it', async () => {
    const renamed = V2.replace(TITLE, '湖北省丙丁设施安全条例').replace('第四条　', '第四条　各级');
    const refused = await upload(
      { name: 'renamed.txt', content: Buffer.from(renamed) },
      { code: CODE },
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'title', storedTitle: TITLE, newTitle: '湖北省丙丁设施安全条例' },
    });
    expect(await versions()).toBe(2);
    const confirmed = await upload(
      { name: 'renamed.txt', content: Buffer.from(renamed) },
      { code: CODE, confirmTitleChange: 'true' },
    );
    expect(confirmed).toMatchObject({ status: 201, body: { versionNumber: 3 } });
  });

  it('refuses roles that may not import, anonymous callers and requests without the anti-CSRF header', async () => {
    const before = await versions();
    const file = { name: 'v.txt', content: Buffer.from(V1) };
    for (const username of ['enshi-scjg', 'enshi-zhou', 'auditor']) {
      const client = await api.signIn(username);
      const res = await upload(file, { code: CODE }, { token: client.token });
      expect({ username, status: res.status, code: res.body.code }).toEqual({
        username,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await upload(file, { code: CODE }, { token: null })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    const noHeader = await fetch(`${api.url}/api/regulations/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${province.token}` },
      body: (() => {
        const form = new FormData();
        form.append('code', CODE);
        form.append('file', new Blob([file.content as Uint8Array]), file.name);
        return form;
      })(),
    });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as Answer).message).toContain('X-Requested-With');
    const crossSite = await upload(
      file,
      { code: CODE },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(crossSite).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await versions()).toBe(before);
  });
});
