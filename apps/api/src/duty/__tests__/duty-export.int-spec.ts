import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/test-api';
import { DutyExportService } from '../duty-export.service';
import { EXPORT_COLUMNS } from '../duty-export';

const LEADING =
  'article,paragraph,item,chapter,actor_type,levels,modality,departments,subject,text';

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
    expect(out.filename).toBe('hubei-quality-promotion-v1-duties.csv');
    expect(out.contentType).toBe('text/csv; charset=utf-8');
    expect([...out.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = out.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith(`${LEADING},`)).toBe(true);
    expect(lines).toHaveLength(dutyCount + 1);
    expect(out.rows).toBe(dutyCount);

    // 第四条第三款: sixteen named departments, all levels, integers for positions.
    const row = lines.find((l) => l.startsWith('4,3,,1,department,'))!;
    expect(row).toContain(',province;prefecture;county,declarative,');
    expect(row).toMatch(/市场监督管理;发展改革;经济和信息化;科学技术;/);
    // 第五条 items: the item column holds the 项 number.
    expect(lines.filter((l) => /^5,1,[1-5],1,enterprise,/.test(l))).toHaveLength(5);
    const articles = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(articles).toEqual([...articles].sort((a, b) => a - b));
  });

  it('quotes fields per RFC 4180 when the text holds commas or quotes', async () => {
    const dataSource = api.server.app.get(DataSource);
    const [{ id }] = await dataSource.query(`SELECT id FROM duty ORDER BY created_at LIMIT 1`);
    await dataSource.query(`UPDATE duty SET subject = $1 WHERE id = $2`, ['含"引号",与逗号', id]);
    const csv = (await exporter.export('csv')).body.toString('utf8');
    expect(csv).toContain('"含""引号"",与逗号"');
  });

  it('writes JSON with the same fields per duty', async () => {
    const out = await exporter.export('json');
    const rows = JSON.parse(out.body.toString('utf8')) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(dutyCount);
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({ article: 4, paragraph: 1, item: null, chapter: 1 });
    expect(Array.isArray(rows[0].levels)).toBe(true);
  });

  it('writes an XLSX for people: Chinese header, machine header, frozen, filterable', async () => {
    const out = await exporter.export('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('职责清单')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('条');
    expect(sheet.getRow(2).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(dutyCount + 2);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
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
      "filename*=UTF-8''hubei-quality-promotion-v1-duties.csv",
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
