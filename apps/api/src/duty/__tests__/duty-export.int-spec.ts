import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';
import { DutyExportService } from '../duty-export.service';
import { EXPORT_COLUMNS, HEADERS_ZH, VALUE_LABELS_ZH } from '../duty-export';

// Chinese column names in the CSV (issue 17); JSON keeps the machine names.
const LEADING = '条,款,项,章,主体类型,适用层级,规范性质,责任部门,职责事项,条文原文';

describe('duty register exports (real database, seeded regulation)', () => {
  let api: TestApi;
  let exporter: DutyExportService;
  let dutyCount: number;

  beforeAll(async () => {
    api = await startTestApi(); // the demo seed imports the shipped regulation
    const dataSource = api.server.app.get(DataSource);
    exporter = new DutyExportService(dataSource);
    [{ n: dutyCount }] = await dataSource.query(`SELECT count(*)::int AS n FROM duty`);
  });
  afterAll(() => api?.close());

  it('writes CSV: UTF-8 with BOM, the contract columns first, one row per duty, in regulation order', async () => {
    const out = await exporter.export('csv', 'hubei-quality-promotion');
    expect(out.filename).toBe('湖北省质量促进条例（草案）-第1版-职责清单.csv');
    expect(out.contentType).toBe('text/csv; charset=utf-8');
    expect([...out.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = out.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith(`${LEADING},`)).toBe(true);
    expect(lines).toHaveLength(dutyCount + 1);
    expect(out.rows).toBe(dutyCount);

    // 第四条第三款: sixteen named departments, all levels, integers for positions.
    const row = lines.find((l) => l.startsWith('4,3,,1,政府部门,'))!;
    expect(row).toContain(',省级;市州;县级,宣示性,');
    const departments = row.split(',')[7].split(';');
    expect(departments).toHaveLength(16);
    expect(departments).toEqual(expect.arrayContaining(['市场监督管理', '发展改革', '财政']));
    // 第五条 items: the item column holds the 项 number.
    expect(lines.filter((l) => /^5,1,[1-5],1,企业,/.test(l))).toHaveLength(5);
    const articles = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(articles).toEqual([...articles].sort((a, b) => a - b));
  });

  it('writes every coded value in Chinese for people, while JSON keeps the codes', async () => {
    const json = JSON.parse(
      (await exporter.export('json', 'hubei-quality-promotion')).body.toString('utf8'),
    ) as Array<Record<string, unknown>>;
    const workbook = new ExcelJS.Workbook();
    const xlsx = await exporter.export('xlsx', 'hubei-quality-promotion');
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('职责清单')!;
    const labels = VALUE_LABELS_ZH as Record<string, Record<string, string>>;
    const inWords = (column: string, value: unknown): string =>
      typeof value === 'boolean'
        ? value
          ? '是'
          : '否'
        : Array.isArray(value)
          ? value.map((v: string) => labels[column][v]).join(';')
          : labels[column][value as string];
    const columns = [...Object.keys(VALUE_LABELS_ZH), 'tracked', 'needs_review'] as Array<
      (typeof EXPORT_COLUMNS)[number]
    >;
    const cells = new Map<string, Set<unknown>>(columns.map((c) => [c, new Set()]));
    json.forEach((duty, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(EXPORT_COLUMNS.indexOf('duty_id') + 1).value).toBe(duty.duty_id);
      for (const column of columns) {
        const value = row.getCell(EXPORT_COLUMNS.indexOf(column) + 1).value;
        cells.get(column)!.add(value);
        expect({ column, value }).toEqual({ column, value: inWords(column, duty[column]) });
      }
    });
    // Several values per column, none of them a code.
    expect([...cells.get('kind')!].length).toBeGreaterThan(3);
    expect(
      [...cells.values()].flatMap((v) => [...v]).filter((v) => /[a-z]/.test(String(v))),
    ).toEqual([]);
    expect(json[0].actor_type).toMatch(/^[a-z_]+$/);
    // The CSV has the same values (one rule for both files).
    const csv = (await exporter.export('csv', 'hubei-quality-promotion')).body.toString('utf8');
    expect(csv).not.toMatch(
      /,(government|department|enterprise|mandatory|extracted|reviewed|implementation|true|false),/,
    );
  });

  it('quotes fields per RFC 4180 when the text holds commas or quotes', async () => {
    const dataSource = api.server.app.get(DataSource);
    const [{ id }] = await dataSource.query(`SELECT id FROM duty ORDER BY created_at LIMIT 1`);
    await dataSource.query(`UPDATE duty SET subject = $1 WHERE id = $2`, ['含"引号",与逗号', id]);
    const csv = (await exporter.export('csv')).body.toString('utf8');
    expect(csv).toContain('"含""引号"",与逗号"');
  });

  it('neutralises spreadsheet formulas in every text cell, and only there', async () => {
    const dataSource = api.server.app.get(DataSource);
    const [{ id, article }] = await dataSource.query(
      `SELECT d.id, a.number AS article FROM duty d JOIN regulation_article a ON a.id = d.article_id
        ORDER BY a.number DESC, d.sequence DESC LIMIT 1`,
    );
    await dataSource.query(
      `UPDATE duty SET subject = $1, actor_text = $2, text = $3 WHERE id = $4`,
      ['=HYPERLINK("http://x","点击")', '@SUM(A1)', '\t+1-2', id],
    );
    await dataSource.query(
      `UPDATE regulation_article SET title = $1 WHERE number = $2 AND version_id = (SELECT version_id FROM duty WHERE id = $3)`,
      ["'-已加撇号", article, id],
    );
    const csv = (await exporter.export('csv', 'hubei-quality-promotion')).body.toString('utf8');
    const row = csv.split('\r\n').find((l) => l.includes(id))!;
    expect(row).toContain(`,"'=HYPERLINK(""http://x"",""点击"")",`);
    expect(row).toContain(`,'@SUM(A1),`);
    expect(row).toContain(`,'\t+1-2,`);
    // Already an apostrophe before a formula character: one more, so the rule can be undone.
    expect(row).toContain(`,''-已加撇号,`);
    // Numbers are not text: the leading columns stay plain integers; yes/no read 是/否.
    expect(row.startsWith(`${article},`)).toBe(true);
    expect(row).toMatch(/,(是|否),/);
  });

  it('neutralises the same formulas in the XLSX text cells, leaving numbers numeric', async () => {
    const dataSource = api.server.app.get(DataSource);
    const [{ id }] = await dataSource.query(
      `SELECT d.id FROM duty d JOIN regulation_version v ON v.id = d.version_id
        JOIN regulation r ON r.id = v.regulation_id
        WHERE r.code = 'hubei-quality-promotion' ORDER BY d.created_at DESC LIMIT 1`,
    );
    await dataSource.query(`UPDATE duty SET subject = $1, actor_text = $2 WHERE id = $3`, [
      '=HYPERLINK("http://x","y")',
      '@SUM(1)',
      id,
    ]);
    const out = await exporter.export('xlsx', 'hubei-quality-promotion');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('职责清单')!;
    const idColumn = EXPORT_COLUMNS.indexOf('duty_id') + 1;
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(idColumn).value === id) found = row;
    });
    const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name) + 1;
    expect(found!.getCell(column('subject')).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(found!.getCell(column('actor_text')).value).toBe(`'@SUM(1)`);
    expect(typeof found!.getCell(column('article')).value).toBe('number');
  });

  it('writes JSON with the same fields per duty', async () => {
    const out = await exporter.export('json');
    const rows = JSON.parse(out.body.toString('utf8')) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(dutyCount);
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({ article: 1, paragraph: 1, item: null, chapter: 1 });
    // Trailing columns: the statement's kind (第一条 states the purpose) and the review flag.
    expect(rows[0]).toMatchObject({ kind: 'purpose', needs_review: false, tracked: false });
    expect(Array.isArray(rows[0].levels)).toBe(true);
  });

  it('writes an XLSX for people: Chinese header and values, frozen, filterable', async () => {
    const out = await exporter.export('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('职责清单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('条');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...EXPORT_COLUMNS.map((c) => HEADERS_ZH[c]),
    ]);
    expect(sheet.rowCount).toBe(dutyCount + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 第四条第三款 in words: 政府部门, 省级;市州;县级, 宣示性.
    const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(column('article')).value).toBe(1);
    expect(row.getCell(column('kind')).value).toBe('立法目的');
    expect(row.getCell(column('tracked')).value).toBe('否');
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(10).width).toBeGreaterThan(40);
  });

  it('serves the same files over HTTP to signed-in readers only', async () => {
    const url = `${api.url}/api/exports/duties?format=csv&code=hubei-quality-promotion`;
    expect((await fetch(url)).status).toBe(401);
    const province = await api.signIn('province');
    const res = await fetch(url, { headers: { authorization: `Bearer ${province.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('湖北省质量促进条例（草案）-第1版-职责清单.csv')}`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals((await exporter.export('csv', 'hubei-quality-promotion')).body)).toBe(true);

    const auditAdmin = await api.signIn('auditadmin');
    expect(
      (await fetch(url, { headers: { authorization: `Bearer ${auditAdmin.token}` } })).status,
    ).toBe(403);
    const bad = await fetch(`${api.url}/api/exports/duties?format=pdf`, {
      headers: { authorization: `Bearer ${province.token}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers NOT_FOUND for an unknown regulation code', async () => {
    await expect(exporter.export('csv', 'no-such-regulation')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
