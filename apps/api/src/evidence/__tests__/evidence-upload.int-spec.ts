import {
  docNodes,
  docxEntries,
  JPEG_1X1,
  ofdEntries,
  PNG_1X1,
  writeCfb,
  writeZip,
  xlsNodes,
  xlsxEntries,
} from '@duty/api/file-types/testing';
import { readZip } from '@duty/api/evidence-pack/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  UploadResponse,
  uploadEvidence,
} from '../../testing/test-api';

/** Entry names of a ZIP held in memory, in order. */
async function zipEntryNames(zip: Buffer): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pack-'));
  try {
    await writeFile(path.join(dir, 'pack.zip'), zip);
    return (await readZip(path.join(dir, 'pack.zip'))).entries.map(({ entry }) => entry.fileName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a directory, recursively (relative paths). */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(root, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

describe('evidence upload, storage, history, download (real HTTP, real PostgreSQL)', () => {
  let api: TestApi;
  let db: DataSource;
  let operator: SignedInClient;
  let otherOperator: SignedInClient;
  let cycleId: string;
  let taskId: string;
  let secondTaskId: string;
  let foreignTaskId: string;
  const MAX = 256 * 1024;

  const objects = () => filesUnder(path.join(api.config.evidence.dir, 'objects'));
  const staging = () => filesUnder(path.join(api.config.evidence.dir, 'tmp'));
  const rows = async (task = taskId) =>
    (await db.query(`SELECT count(*)::int AS n FROM evidence WHERE task_id = $1`, [task]))[0]
      .n as number;
  const task = (client: SignedInClient, id = taskId) =>
    client.graphql<{
      task: {
        status: string;
        rowVersion: number;
        evidenceCount: number;
        evidence: Array<{ id: string; fileName: string; version: number; current: boolean }>;
        history: Array<{ kind: string; after: Record<string, unknown> | null }>;
      };
    }>(
      `query($id: ID!) { task(id: $id) { status rowVersion evidenceCount
         evidence(includeHistory: true) { id fileName version current fileType sha256 size documentNumber issuingAuthority documentDate }
         history { kind after reason } } }`,
      { id },
    );
  const setStatus = (client: SignedInClient, id: string, status: string, reason?: string) =>
    task(client, id).then((t) =>
      client.graphql(
        `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
        {
          input: {
            taskId: id,
            expectedRowVersion: t.data!.task.rowVersion,
            status,
            ...(reason ? { reason } : {}),
          },
        },
      ),
    );

  /** A hand-built multipart body with one file part (the header as given). */
  const postRaw = async (dispositionName: string, content: Buffer) => {
    const boundary = 'xRawBoundary42';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; ${dispositionName}\r\nContent-Type: application/pdf\r\n\r\n`,
        'utf8',
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${api.url}/api/tasks/${secondTaskId}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operator.token}`,
        'x-requested-with': 'test',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as UploadResponse['body'] };
  };

  beforeAll(async () => {
    api = await startTestApi({ EVIDENCE_MAX_FILE_BYTES: String(MAX), EVIDENCE_MAX_FILES: '5' });
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    const mine = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
        ORDER BY t.id LIMIT 2`,
      [cycleId],
    );
    [taskId, secondTaskId] = mine.map((r: { id: string }) => r.id);
    [{ id: foreignTaskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '422801' AND d.kind_code = 'market_regulation' LIMIT 1`,
      [cycleId],
    );
    operator = await api.signIn('jiangan-scjg');
    otherOperator = await api.signIn('enshi-scjg');
  });
  afterAll(() => api?.close());

  it('accepts every allowed type, decided by content, and stores each by its SHA-256', async () => {
    const files = [
      { name: '实施方案.pdf', content: samplePdf('plan') },
      { name: '现场照片.png', content: PNG_1X1 },
      { name: '现场照片2.jpg', content: JPEG_1X1 },
      { name: '工作总结.docx', content: writeZip(docxEntries()) },
      { name: '统计表.xlsx', content: writeZip(xlsxEntries()) },
    ];
    const res = await uploadEvidence(api, operator, taskId, files, {
      documentNumber: '江岸市监发〔2026〕12号',
      issuingAuthority: '武汉市江岸区市场监督管理局',
      documentDate: '2026-03-15',
      description: '质量强区实施方案及配套材料',
    });
    expect(res.status).toBe(201);
    expect(res.body.evidence!.map((e) => [e.fileName, e.fileType, e.mimeType])).toEqual([
      ['实施方案.pdf', 'pdf', 'application/pdf'],
      ['现场照片.png', 'png', 'image/png'],
      ['现场照片2.jpg', 'jpeg', 'image/jpeg'],
      [
        '工作总结.docx',
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      ['统计表.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(res.body.evidence!.map((e) => e.sha256)).toEqual(files.map((f) => sha256(f.content)));
    expect(res.body.evidence![0]).toMatchObject({
      documentNumber: '江岸市监发〔2026〕12号',
      issuingAuthority: '武汉市江岸区市场监督管理局',
      documentDate: '2026-03-15',
      uploadedBy: 'jiangan-scjg',
      version: 1,
      current: true,
    });
    const stored = await objects();
    for (const f of files) {
      const h = sha256(f.content);
      expect(stored).toContain(path.join(h.slice(0, 2), h.slice(2, 4), h));
    }

    const more = await uploadEvidence(api, operator, taskId, [
      { name: '电子公文.ofd', content: writeZip(ofdEntries()) },
      { name: '旧版文档.doc', content: writeCfb(docNodes()).bytes },
      { name: '旧版表格.xls', content: writeCfb(xlsNodes()).bytes },
    ]);
    expect(more.status).toBe(201);
    expect(more.body.evidence!.map((e) => e.fileType)).toEqual(['ofd', 'doc', 'xls']);
    expect(await staging()).toEqual([]);

    const t = await task(operator);
    expect(t.data!.task.evidenceCount).toBe(8);
    const added = t.data!.task.history.filter((h) => h.kind === 'evidence_added');
    expect(added).toHaveLength(8);
    expect(added[0].after).toMatchObject({
      fileName: '实施方案.pdf',
      sha256: sha256(files[0].content),
    });
  });

  it('refuses an .exe renamed .pdf, naming the file and the reason, and keeps nothing', async () => {
    const before = { rows: await rows(), objects: await objects() };
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      Buffer.alloc(600),
    ]);
    const res = await uploadEvidence(api, operator, taskId, [
      { name: '正常文件.pdf', content: samplePdf('fine') },
      { name: '通知.pdf', content: exe, type: 'application/pdf' },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('EVIDENCE_REJECTED');
    expect(res.body.files).toEqual([
      expect.objectContaining({ name: '通知.pdf', reason: expect.stringContaining('通知.pdf') }),
    ]);
    expect(res.body.message).toMatch(/可执行|Windows|EXE/);
    expect(res.body.message).toContain('未保存任何文件');
    // All or nothing: the valid PDF of the same request was not kept either.
    expect({ rows: await rows(), objects: await objects() }).toEqual(before);
    expect(await staging()).toEqual([]);
  });

  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    const pad = (size: number) => {
      const pdf = samplePdf(`limit ${size}`);
      return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x20)]);
    };
    const before = await objects();
    const over = await uploadEvidence(api, operator, secondTaskId, [
      { name: '超大.pdf', content: pad(MAX + 1) },
    ]);
    expect(over.status).toBe(422);
    expect(over.body.files).toEqual([
      expect.objectContaining({ name: '超大.pdf', code: 'FILE_TOO_LARGE' }),
    ]);
    expect(over.body.message).toContain('256 KB');
    expect(await objects()).toEqual(before);
    expect(await rows(secondTaskId)).toBe(0);

    const exact = await uploadEvidence(api, operator, secondTaskId, [
      { name: '正好.pdf', content: pad(MAX) },
    ]);
    expect(exact.status).toBe(201);
    expect(exact.body.evidence![0].size).toBe(MAX);
    expect(await staging()).toEqual([]);
  });

  it('refuses a zip bomb disguised as DOCX, and too many files in one request', async () => {
    const before = await objects();
    const bomb = writeZip([
      ...docxEntries(),
      { name: 'word/media/bomb.bin', data: Buffer.alloc(2 * 1024 * 1024), method: 'deflate' },
    ]);
    const res = await uploadEvidence(api, operator, secondTaskId, [
      { name: '工作总结.docx', content: bomb },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.files![0]).toMatchObject({ name: '工作总结.docx', code: 'ZIP_RATIO' });
    expect(res.body.files![0].reason).toContain('工作总结.docx');

    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, content: PNG_1X1 }));
    const many = await uploadEvidence(api, operator, secondTaskId, six);
    expect(many.status).toBe(413);
    expect(many.body.message).toContain('一次最多上传 5 个文件');
    expect(await objects()).toEqual(before);
    expect(await staging()).toEqual([]);
  });

  it('neutralises path and control characters in names; storage paths are server-generated', async () => {
    const res = await uploadEvidence(api, operator, secondTaskId, [
      { name: '../../etc/passwd', content: samplePdf('passwd') },
      { name: `${'很长的文件名'.repeat(60)}.pdf`, content: samplePdf('long') },
    ]);
    expect(res.status).toBe(201);
    const names = res.body.evidence!.map((e) => e.fileName);
    expect(names[0]).toBe('passwd');
    expect(names[1].length).toBeLessThanOrEqual(255);
    expect(names[1].endsWith('.pdf')).toBe(true);

    // Control characters sent percent-encoded (RFC 5987 filename*): decoded, then stripped.
    const encoded = await postRaw(
      `filename*=UTF-8''${encodeURIComponent('报告\u0000\u0007\u202e名称.pdf')}`,
      samplePdf('control'),
    );
    expect(encoded.status).toBe(201);
    expect(encoded.body.evidence![0].fileName).toBe('报告名称.pdf');

    // Raw control characters in the part header are malformed multipart: refused, clearly.
    const before = { rows: await rows(secondTaskId), objects: await objects() };
    const raw = await postRaw('filename="报告\u0007名称.pdf"', samplePdf('raw control'));
    expect(raw.status).toBe(400);
    expect(raw.body).toMatchObject({ code: 'BAD_REQUEST' });
    expect(raw.body.message).toContain('控制字符');
    expect({ rows: await rows(secondTaskId), objects: await objects() }).toEqual(before);
    expect(await staging()).toEqual([]);
    // Nothing was written outside the store, and nothing under a client-chosen name.
    expect((await objects()).every((p) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p))).toBe(
      true,
    );
  });

  it('leaves no row and no file when the client aborts mid-upload', async () => {
    const before = { rows: await rows(secondTaskId), objects: await objects() };
    const boundary = 'xAbortBoundary';
    await new Promise<void>((resolve) => {
      const req = http.request(`${api.url}/api/tasks/${secondTaskId}/evidence`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${operator.token}`,
          'x-requested-with': 'test',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(MAX),
        },
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      req.write(samplePdf('partial').subarray(0, 100));
      req.write(Buffer.alloc(50_000, 0x20));
      // Give the server time to start staging, then cut the connection.
      setTimeout(() => {
        req.destroy();
        setTimeout(resolve, 300);
      }, 300);
    });
    // The staged part is removed once the server notices the abort.
    for (let i = 0; i < 50 && (await staging()).length; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await staging()).toEqual([]);
    expect({ rows: await rows(secondTaskId), objects: await objects() }).toEqual(before);
  });

  it('stores identical content once when two uploads race', async () => {
    const content = samplePdf('same content, uploaded twice at once');
    const h = sha256(content);
    const [a, b] = await Promise.all([
      uploadEvidence(api, operator, secondTaskId, [{ name: '甲.pdf', content }]),
      uploadEvidence(api, operator, secondTaskId, [{ name: '乙.pdf', content }]),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await objects()).filter((p) => p.endsWith(h))).toHaveLength(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM evidence WHERE sha256 = $1`, [
      h,
    ]);
    expect(n).toBe(2);
  });

  it('downloads with the Chinese name (RFC 5987), the stored type and nosniff; previews PDFs and images inline', async () => {
    const t = await task(operator);
    const pdf = t.data!.task.evidence.find((e) => e.fileName === '实施方案.pdf')!;
    const res = await fetch(`${api.url}/api/evidence/${pdf.id}/content`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('实施方案.pdf')}`,
    );
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(samplePdf('plan')));

    const inline = await fetch(`${api.url}/api/evidence/${pdf.id}/content?inline=1`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(inline.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    await inline.arrayBuffer();

    const docx = t.data!.task.evidence.find((e) => e.fileName === '工作总结.docx')!;
    const forced = await fetch(`${api.url}/api/evidence/${docx.id}/content?inline=1`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(forced.headers.get('content-disposition')).toMatch(/^attachment; /);
    await forced.arrayBuffer();

    // Supervisors and auditors in scope read it too; an unauthenticated caller does not.
    for (const username of ['province', 'auditor']) {
      const reader = await api.signIn(username);
      const r = await fetch(`${api.url}/api/evidence/${pdf.id}/content`, {
        headers: { authorization: `Bearer ${reader.token}` },
      });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    expect((await fetch(`${api.url}/api/evidence/${pdf.id}/content`)).status).toBe(401);
  });

  it('answers not found for another unit’s evidence, by id and by hash, and for its task', async () => {
    const t = await task(operator);
    const pdf = t.data!.task.evidence.find((e) => e.fileName === '实施方案.pdf')!;
    const h = sha256(samplePdf('plan'));
    for (const url of [
      `/api/evidence/${pdf.id}/content`,
      `/api/evidence/sha256/${h}/content`,
      `/api/evidence/00000000-0000-4000-8000-000000000000/content`,
    ]) {
      const res = await fetch(`${api.url}${url}`, {
        headers: { authorization: `Bearer ${otherOperator.token}` },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const byHash = await fetch(`${api.url}/api/evidence/sha256/${h}/content`, {
      headers: { authorization: `Bearer ${operator.token}` },
    });
    expect(byHash.status).toBe(200);
    await byHash.arrayBuffer();

    const gql = await otherOperator.graphql(`query($id: ID!) { evidence(id: $id) { id } }`, {
      id: pdf.id,
    });
    expect(gql.errors![0].extensions!.code).toBe('NOT_FOUND');

    // Uploading onto another unit's task: not found, and the body is never stored.
    const before = await objects();
    const up = await uploadEvidence(api, otherOperator, taskId, [
      { name: 'x.pdf', content: samplePdf('x') },
    ]);
    expect(up.status).toBe(404);
    expect(await objects()).toEqual(before);
    const own = await uploadEvidence(api, operator, foreignTaskId, [
      { name: 'x.pdf', content: samplePdf('x') },
    ]);
    expect(own.status).toBe(404);
  });

  it('refuses uploads without the anti-CSRF header, from another origin, or as a supervisor', async () => {
    const form = new FormData();
    form.append('files', new Blob([samplePdf('csrf')]), 'a.pdf');
    const noHeader = await fetch(`${api.url}/api/tasks/${taskId}/evidence`, {
      method: 'POST',
      headers: { cookie: `duty_session=${operator.token}` },
      body: form,
    });
    expect(noHeader.status).toBe(403);
    const crossSite = await fetch(`${api.url}/api/tasks/${taskId}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operator.token}`,
        'x-requested-with': 'XMLHttpRequest',
        origin: 'https://evil.example',
      },
      body: form,
    });
    expect(crossSite.status).toBe(403);
    const supervisor = await api.signIn('province');
    const up = await uploadEvidence(api, supervisor, taskId, [
      { name: 'a.pdf', content: samplePdf('sup') },
    ]);
    expect(up.status).toBe(403);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM security_audit_log WHERE action = 'PERMISSION_DENIED' AND target LIKE '%/evidence'`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it('replaces by a new version, withdraws with a reason, and records both in the history', async () => {
    const t = await task(operator);
    const png = t.data!.task.evidence.find((e) => e.fileName === '现场照片.png')!;
    const replaced = await uploadEvidence(
      api,
      operator,
      taskId,
      [{ name: '现场照片（更清晰）.jpg', content: JPEG_1X1 }],
      { supersedes: png.id },
    );
    expect(replaced.status).toBe(201);
    expect(replaced.body.evidence![0]).toMatchObject({
      version: 2,
      supersedesId: png.id,
      current: true,
    });
    const again = await uploadEvidence(
      api,
      operator,
      taskId,
      [{ name: 'x.png', content: PNG_1X1 }],
      {
        supersedes: png.id,
      },
    );
    expect(again.status).toBe(409);

    const withdraw = `mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id current withdrawnBy withdrawReason } }`;
    const noReason = await operator.graphql(withdraw, {
      input: { evidenceId: replaced.body.evidence![0].id, reason: ' ' },
    });
    expect(noReason.errors![0].extensions!.code).toBe('VALIDATION_FAILED');
    const done = await operator.graphql<{ withdrawEvidence: Record<string, unknown> }>(withdraw, {
      input: { evidenceId: replaced.body.evidence![0].id, reason: '上传错了照片' },
    });
    expect(done.data!.withdrawEvidence).toMatchObject({
      current: false,
      withdrawnBy: 'jiangan-scjg',
      withdrawReason: '上传错了照片',
    });
    const after = await task(operator);
    const versions = after.data!.task.evidence.filter((e) =>
      [png.id, replaced.body.evidence![0].id].includes(e.id),
    );
    expect(versions.map((e) => [e.version, e.current])).toEqual([
      [1, false],
      [2, false],
    ]);
    const kinds = after.data!.task.history.map((h) => h.kind);
    expect(kinds).toContain('evidence_replaced');
    expect(kinds).toContain('evidence_withdrawn');

    // The rows themselves are immutable, even for the database owner.
    await expect(
      db.query(`UPDATE evidence SET original_name = 'x' WHERE id = $1`, [png.id]),
    ).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM evidence WHERE id = $1`, [png.id])).rejects.toThrow(
      /immutable/,
    );
  });

  it('requires current evidence to submit, and freezes evidence once submitted or verified', async () => {
    const [{ id: bare }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'
          AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.task_id = t.id) ORDER BY t.id LIMIT 1`,
      [cycleId],
    );
    const note = await task(operator, bare);
    await operator.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
      {
        input: {
          taskId: bare,
          expectedRowVersion: note.data!.task.rowVersion,
          progressNote: '已完成',
        },
      },
    );
    const refused = await setStatus(operator, bare, 'SUBMITTED');
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { evidence: '提交前请至少上传一份佐证材料。' } },
    });

    const up = await uploadEvidence(api, operator, bare, [
      { name: '证明.pdf', content: samplePdf('proof') },
    ]);
    expect(up.status).toBe(201);
    // Withdrawn evidence does not count.
    await operator.graphql(
      `mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }`,
      { input: { evidenceId: up.body.evidence![0].id, reason: '错传' } },
    );
    expect((await setStatus(operator, bare, 'SUBMITTED')).errors![0].message).toContain('佐证材料');
    await uploadEvidence(api, operator, bare, [
      { name: '证明.pdf', content: samplePdf('proof 2') },
    ]);
    expect((await setStatus(operator, bare, 'SUBMITTED')).errors).toBeUndefined();

    const frozen = await uploadEvidence(api, operator, bare, [
      { name: '补充.pdf', content: samplePdf('late') },
    ]);
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toContain('已冻结');
    const current = (await task(operator, bare)).data!.task.evidence.find((e) => e.current)!;
    const withdraw = await operator.graphql(
      `mutation($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }`,
      { input: { evidenceId: current.id, reason: '想撤回' } },
    );
    expect(withdraw.errors![0].extensions!.code).toBe('CONFLICT');

    const province = await api.signIn('province');
    expect((await setStatus(province, bare, 'VERIFIED')).errors).toBeUndefined();
    const verified = await uploadEvidence(api, operator, bare, [
      { name: '补充.pdf', content: samplePdf('late') },
    ]);
    expect(verified.status).toBe(409);
  });

  it('lists evidence for auditors by filters within the jurisdiction', async () => {
    const auditor = await api.signIn('auditor');
    const q = `query($f: EvidenceFilterInput) { evidenceFiles(filter: $f, first: 100) { totalCount nodes { fileName documentNumber } } }`;
    const all = await auditor.graphql<{
      evidenceFiles: { totalCount: number; nodes: Array<{ documentNumber: string | null }> };
    }>(q, {
      f: { cycleId, unitCode: '420100' },
    });
    expect(all.data!.evidenceFiles.totalCount).toBeGreaterThan(5);
    const byDoc = await auditor.graphql<{ evidenceFiles: { totalCount: number } }>(q, {
      f: { cycleId, documentNumber: '〔2026〕12' },
    });
    // Five were uploaded with that number; one has since been replaced (current versions only).
    expect(byDoc.data!.evidenceFiles.totalCount).toBe(4);
    const enshi = await api.signIn('enshi-zhou');
    const none = await enshi.graphql<{ evidenceFiles: { totalCount: number } }>(q, {
      f: { cycleId },
    });
    expect(none.data!.evidenceFiles.totalCount).toBe(0);
  });

  it('builds packs only for auditors and supervisors, and only within their jurisdiction', async () => {
    const pack = (token: string, query: string) =>
      fetch(`${api.url}/api/evidence/pack?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await pack(operator.token, `cycleId=${cycleId}`)).status).toBe(403);
    const enshi = await api.signIn('enshi-zhou');
    const foreign = await pack(enshi.token, `cycleId=${cycleId}&unitCode=420100`);
    expect(foreign.status).toBe(404);
    const bad = await pack(enshi.token, `cycleId=${cycleId}&statuses=DONE`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('任务状态');
    expect((await pack(enshi.token, 'unitCode=422800')).status).toBe(400);

    // The province-wide auditor's pack of 江岸区 holds the current files of this test, and the
    // prefecture supervisor of 恩施州 gets an empty pack (manifest only) for the whole cycle.
    const auditor = await api.signIn('auditor');
    const own = await pack(
      auditor.token,
      `cycleId=${cycleId}&unitCode=420102&articles=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42`,
    );
    expect(own.status).toBe(200);
    const zip = Buffer.from(await own.arrayBuffer());
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM evidence WHERE unit_code = '420102' AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
    );
    const names = await zipEntryNames(zip);
    // The manifests and the pack's signature, then the files.
    const manifests = ['manifest.csv', 'manifest.sha256', 'manifest.json', 'manifest.sig.json'];
    expect(names.slice(0, 4)).toEqual(manifests);
    expect(names).toHaveLength(n + 4);
    expect(names.slice(4).every((name) => name.startsWith('武汉市/江岸区/第'))).toBe(true);
    const empty = await pack(enshi.token, `cycleId=${cycleId}`);
    expect(empty.status).toBe(200);
    expect(await zipEntryNames(Buffer.from(await empty.arrayBuffer()))).toEqual(manifests);
  });
});
