import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('task spreadsheet round trip (download, fill in offline, upload all or nothing)', () => {
  let api: TestApi;
  let db: DataSource;
  let operator: SignedInClient;
  let cycleId: string;

  const download = async (client: SignedInClient) => {
    const res = await fetch(`${api.url}/api/tasks/spreadsheet?cycleId=${cycleId}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    return workbook;
  };
  const upload = async (client: SignedInClient, workbook: ExcelJS.Workbook) => {
    const res = await fetch(`${api.url}/api/tasks/spreadsheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': XLSX },
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const notes = () =>
    db.query(
      `SELECT id, status, progress_note, row_version FROM task WHERE cycle_id = $1 AND unit_code = '420102' ORDER BY id`,
      [cycleId],
    );

  beforeAll(async () => {
    api = await startTestApi();
    db = api.server.app.get(DataSource);
    const province = await api.signIn('province');
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const res = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    cycleId = res.data!.createCycle.cycle.id;
    operator = await api.signIn('jiangan-scjg');
  });
  afterAll(() => api?.close());

  it('downloads the operator’s tasks with hidden id and version columns', async () => {
    const sheet = (await download(operator)).getWorksheet('任务清单')!;
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.cycle_id = $1 AND t.unit_code = '420102' AND d.kind_code = 'market_regulation'`,
      [cycleId],
    );
    expect(sheet.rowCount).toBe(n + 1);
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getColumn(2).hidden).toBe(true);
    expect(sheet.getRow(1).getCell(9).value).toBe('进展情况');
  });

  it('rejects the whole upload when one row is bad, naming its row, and applies nothing', async () => {
    const before = await notes();
    const workbook = await download(operator);
    const sheet = workbook.getWorksheet('任务清单')!;
    sheet.getRow(2).getCell(9).value = '已印发实施方案';
    sheet.getRow(2).getCell(8).value = '推进中';
    sheet.getRow(3).getCell(8).value = '已提交'; // no progress note: cannot be submitted
    const res = await upload(operator, workbook);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      applied: 0,
      problems: [{ row: 3, message: '提交前请填写进展情况。提交前请至少上传一份佐证材料。' }],
    });
    expect(await notes()).toEqual(before);

    sheet.getRow(4).getCell(8).value = '差不多了';
    const unknownStatus = await upload(operator, workbook);
    expect(unknownStatus.body.problems).toEqual([
      {
        row: 3,
        column: '进展情况、状态',
        message: '提交前请填写进展情况。提交前请至少上传一份佐证材料。',
      },
      { row: 4, column: '状态', message: '无法识别的状态“差不多了”，请从下拉列表中选择。' },
    ]);
    expect(await notes()).toEqual(before);
  });

  it('applies a valid upload in one go and reports what it did', async () => {
    const workbook = await download(operator);
    const sheet = workbook.getWorksheet('任务清单')!;
    sheet.getRow(2).getCell(9).value = '已印发实施方案';
    sheet.getRow(2).getCell(8).value = '推进中';
    sheet.getRow(3).getCell(9).value = '已完成建设';
    sheet.getRow(3).getCell(8).value = '已提交';
    // Submitting needs evidence, uploaded beside the spreadsheet.
    const evidence = await uploadEvidence(api, operator, String(sheet.getRow(3).getCell(1).value), [
      { name: '建设验收.pdf', content: samplePdf('spreadsheet') },
    ]);
    expect(evidence.status).toBe(201);
    const res = await upload(operator, workbook);
    expect(res).toEqual({
      status: 200,
      body: { applied: 2, unchanged: sheet.rowCount - 3, problems: [] },
    });
    const ids = [sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value];
    const rows = await db.query(
      `SELECT status, progress_note FROM task WHERE id = ANY ($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [ids],
    );
    expect(rows).toEqual([
      { status: 'IN_PROGRESS', progress_note: '已印发实施方案' },
      { status: 'SUBMITTED', progress_note: '已完成建设' },
    ]);
    // The same file again: every row now equals the database, so nothing is sent.
    const again = await upload(operator, workbook);
    expect(again).toMatchObject({ status: 200, body: { applied: 0 } });
    // A row edited offline after someone else changed that task: CONFLICT, row named, nothing applied.
    sheet.getRow(2).getCell(9).value = '离线修改';
    sheet.getRow(4).getCell(9).value = '另一项修改';
    const before = await notes();
    const stale = await upload(operator, workbook);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', applied: 0, problems: [{ row: 2 }] });
    expect(await notes()).toEqual(before);
  });

  it('neutralises formulas in the text cells and restores them exactly on upload', async () => {
    // A task of the operator's own workbook (the unit's other tasks are other departments').
    const listed = String(
      (await download(operator)).getWorksheet('任务清单')!.getRow(2).getCell(1).value,
    );
    const [{ id, duty_id: dutyId }] = await db.query(`SELECT id, duty_id FROM task WHERE id = $1`, [
      listed,
    ]);
    await db.query(`UPDATE duty SET subject = $1 WHERE id = $2`, ['@SUM(1)', dutyId]);
    await db.query(`UPDATE task SET progress_note = $1 WHERE id = $2`, [
      '=HYPERLINK("http://x","y")',
      id,
    ]);
    const workbook = await download(operator);
    const sheet = workbook.getWorksheet('任务清单')!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === id) row = r;
    });
    expect(row!.getCell(4).value).toBe(`'@SUM(1)`);
    expect(row!.getCell(9).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(typeof row!.getCell(3).value).toBe('number');
    // Uploaded unchanged: the apostrophe is undone, so the note is not rewritten.
    const res = await upload(operator, workbook);
    expect(res).toMatchObject({ status: 200, body: { applied: 0 } });
    const [{ progress_note: note }] = await db.query(
      `SELECT progress_note FROM task WHERE id = $1`,
      [id],
    );
    expect(note).toBe('=HYPERLINK("http://x","y")');
  });

  it('reports every bad row of an upload (seven of them), with column and reason, and applies nothing', async () => {
    const workbook = await download(operator);
    const sheet = workbook.getWorksheet('任务清单')!;
    expect(sheet.rowCount).toBeGreaterThanOrEqual(14);
    const [{ id: first }] = await db.query(
      `SELECT id FROM task WHERE id = $1 AND status = 'NOT_STARTED'`,
      [sheet.getRow(6).getCell(1).value],
    );
    expect(first).toBeDefined();
    sheet.getRow(6).getCell(8).value = '差不多了'; // unknown status
    sheet.getRow(7).getCell(8).value = null; // no status
    sheet.getRow(8).getCell(8).value = '已提交'; // no progress note, no evidence
    sheet.getRow(9).getCell(8).value = '已核验'; // not the operator's to verify
    sheet.getRow(10).getCell(9).value = '长'.repeat(10_001); // too long
    sheet.getRow(11).getCell(1).value = 'not-a-task-id'; // hidden id damaged
    sheet.getRow(12).getCell(2).value = 999; // edited offline from a stale version
    sheet.getRow(12).getCell(9).value = '旧版本上的修改';
    sheet.getRow(13).getCell(9).value = '这一行本身没有问题'; // fine, but not applied either
    const before = await notes();
    const res = await upload(operator, workbook);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', applied: 0 });
    expect(res.body.message).toBe('上传未生效（全部未保存）：7 处问题。');
    const problems = res.body.problems as Array<{ row: number; column?: string; message: string }>;
    expect(problems.map((p) => p.row)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(problems.map((p) => p.column)).toEqual([
      '状态',
      '状态',
      '进展情况、状态',
      '状态',
      '进展情况',
      '任务编号（隐藏列）',
      undefined,
    ]);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problems[1].message).toBe('状态不能为空，请从下拉列表中选择。');
    expect(problems[4].message).toBe('内容过长（10001 字，最多 10000 字）。');
    expect(problems[6].message).toMatch(/已被他人修改/);
    expect(await notes()).toEqual(before);

    // Only rule failures (the file itself is fine): each is still named, nothing applied.
    sheet.getRow(6).getCell(8).value = '推进中';
    sheet.getRow(7).getCell(8).value = '未开始';
    sheet.getRow(10).getCell(9).value = '';
    sheet.spliceRows(11, 1); // the damaged row goes; 12 and 13 move up
    const rules = await upload(operator, workbook);
    expect(rules.status).toBe(422);
    expect(
      (rules.body.problems as Array<{ row: number; column?: string }>).map((p) => [
        p.row,
        p.column,
      ]),
    ).toEqual([
      [8, '进展情况、状态'],
      [9, '状态'],
      [11, undefined],
    ]);
    expect(await notes()).toEqual(before);
  });

  it('refuses other roles and other content types', async () => {
    const province = await api.signIn('province');
    expect(
      (
        await fetch(`${api.url}/api/tasks/spreadsheet?cycleId=${cycleId}`, {
          headers: { authorization: `Bearer ${province.token}` },
        })
      ).status,
    ).toBe(403);
    const form = await fetch(`${api.url}/api/tasks/spreadsheet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(form.status).toBe(415);
  });
});
