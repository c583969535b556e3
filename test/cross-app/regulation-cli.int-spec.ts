import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { buildApps, builtCli, root } from '@duty/test-support';

const run = promisify(execFile);
const seedText = path.join(root, 'apps/api/src/regulation/data/hubei-quality-promotion-draft.txt');

/**
 * `npm run regulation:import` and `npm run duties:export` as a newcomer runs them: the built
 * commands against the embedded database (no DATABASE_URL), in a data directory of their own.
 */
describe('regulation import and duty export commands on the embedded database', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const cli = async (name: string, args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [builtCli(name), ...args], {
        cwd: root,
        env,
        timeout: 120_000,
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-cli-'));
    await chmod(dir, 0o755);
    env = { ...process.env, DATA_DIR: path.join(dir, 'data'), INIT_CWD: dir };
    delete env.DATABASE_URL;
  }, 320_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports the seed regulation and prints a summary', async () => {
    const out = await cli('regulation-import', [seedText, '--code', 'hubei-quality-promotion']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      '已导入 湖北省质量促进条例（草案）（hubei-quality-promotion）第 1 版',
    );
    expect(out.stdout).toMatch(/章 7，节 0，条 42，款 \d+，项 5/);
    expect(out.stdout).toMatch(/按规范性质：义务性 \d+，倡导性 \d+，授权性 \d+，宣示性 \d+/);
  });

  it('imports an edited text as version 2 and reports the diff', async () => {
    const original = await readFile(seedText, 'utf8');
    const text = original.replace('本条例适用于本省', '本条例适用于湖北省');
    expect(text).not.toBe(original);
    await writeFile(path.join(dir, 'v2.txt'), text);
    const out = await cli('regulation-import', [
      'v2.txt',
      '--code',
      'hubei-quality-promotion',
      '--status',
      'enacted',
      '--effective',
      '2027-01-01',
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('第 2 版');
    expect(out.stdout).toMatch(/与上一版相比：未变 41，修改 1/);
    expect(out.stdout).toMatch(/沿用审核结果的职责：\d+/);
  });

  it('exports CSV, JSON and XLSX of the latest version', async () => {
    const csv = await cli('duties-export', ['--format', 'csv', '--out', 'duties.csv']);
    expect(csv.code).toBe(0);
    const body = await readFile(path.join(dir, 'duties.csv'), 'utf8');
    expect(
      body.startsWith('\uFEFF条,款,项,章,主体类型,适用层级,规范性质,责任部门,职责事项,条文原文'),
    ).toBe(true);
    const rows = body.trimEnd().split('\r\n').length - 1;
    expect(csv.stdout).toContain(`已导出 ${rows} 项职责`);

    const json = await cli('duties-export', [
      '--code',
      'hubei-quality-promotion',
      '--format',
      'json',
      '--out',
      'duties.json',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'duties.json'), 'utf8'))).toHaveLength(rows);

    const xlsx = await cli('duties-export', ['--format', 'xlsx']);
    expect(xlsx.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    // Named by default after what it is: <regulation title>-第2版-职责清单.xlsx.
    const named = (await readdir(dir)).filter((name) => name.endsWith('-第2版-职责清单.xlsx'));
    expect(named).toHaveLength(1);
    await workbook.xlsx.readFile(path.join(dir, named[0]));
    expect(workbook.getWorksheet('职责清单')!.rowCount).toBe(rows + 1);
  });

  it('fails clearly on bad input, naming the problem, and imports nothing', async () => {
    const broken = path.join(dir, 'broken.txt');
    await writeFile(broken, '某条例\n第一章 总则\n第一条 甲。\n第三条 乙。\n');
    const bad = await cli('regulation-import', [broken, '--code', 'broken']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/第4行.*ARTICLE_OUT_OF_SEQUENCE/);

    const missing = await cli('regulation-import', ['nope.txt', '--code', 'x-y-z']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('文件不存在');

    const usage = await cli('regulation-import', [seedText]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run regulation:import');

    const format = await cli('duties-export', ['--format', 'pdf']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format must be csv, xlsx or json');

    env.NODE_ENV = 'production';
    const seed = await cli('seed', []);
    delete env.NODE_ENV;
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('The demo seed does not run with NODE_ENV=production');

    const twoRegulations = await cli('duties-export', ['--format', 'csv', '--code', 'broken']);
    expect(twoRegulations.stderr).toContain('未找到代码为“broken”的法规');
  });
});
