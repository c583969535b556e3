import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DutyExportService } from '../duty/duty-export.service';
import { ExportFormat } from '../duty/duty-export';
import { print, runCli, withConfiguredDatabase } from './cli-support';

const USAGE = `Usage: npm run duties:export -- [--code <code>] --format csv|xlsx|json [--out <file>]
  --code     regulation code (needed when several regulations exist)
  --format   csv (UTF-8 with BOM), xlsx or json
  --out      output file (default: <title>-第<version>版-职责清单.<format> in the current directory; - for stdout)`;

runCli(async (config, logger) => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [key, value] = [args[i], args[i + 1]];
    if (
      !key.startsWith('--') ||
      !['--code', '--format', '--out'].includes(key) ||
      value === undefined
    ) {
      throw new Error(`Unexpected argument ${key}.\n${USAGE}`);
    }
    options[key.slice(2)] = value;
  }
  const format = options.format as ExportFormat;
  if (!['csv', 'xlsx', 'json'].includes(format))
    throw new Error(`--format must be csv, xlsx or json.\n${USAGE}`);

  return withConfiguredDatabase(config, logger, async (dataSource) => {
    const result = await new DutyExportService(dataSource).export(format, options.code);
    if (options.out === '-') {
      process.stdout.write(result.body);
      return 0;
    }
    // npm runs scripts from the package root; paths are relative to where the user typed the command.
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.out ?? result.filename);
    await writeFile(out, result.body);
    print(`已导出 ${result.rows} 项职责到 ${out}`);
    return 0;
  });
});
