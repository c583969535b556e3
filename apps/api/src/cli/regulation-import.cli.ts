import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProvinceCode } from '../access/jurisdiction';
import { AppError } from '../graphql/app-error';
import { type ArticleChangeKind, sourceEncodingName } from '@duty/regulation/parser';
import { RegulationImportService } from '../regulation/regulation-import.service';
import { readRegulationSource } from '../regulation/source-file';
import { print, runCli, withConfiguredDatabase } from './cli-support';

const USAGE = `Usage: npm run regulation:import -- <file> --code <code> [--status draft|enacted] [--effective YYYY-MM-DD] [--coordinating-department <kind>] [--province XX0000] [--confirm-title-change]
  <file>          the regulation: .docx, or plain text in UTF-8, UTF-16 or GB18030/GBK
  --code          stable regulation code, e.g. hubei-quality-promotion
  --status        draft (default) or enacted
  --effective     effective date (施行日期), when known
  --coordinating-department
                  牵头协调部门 (a department kind code, e.g. market_regulation): suggested as lead
                  where the text names no department; kept for later versions
  --province      the province owning a new regulation (地方性法规), e.g. 420000; without it a
                  new regulation is national (全国通用) and an existing one keeps its owner
  --confirm-title-change
                  accept a title that differs from the one stored for this code`;

/** Options that take no value. */
const FLAGS = new Set(['confirm-title-change']);

const MODALITY_ZH = {
  mandatory: '义务性',
  encouraged: '倡导性',
  discretionary: '授权性',
  declarative: '宣示性',
};
const CHANGE_ZH: Record<ArticleChangeKind, string> = {
  unchanged: '未变',
  renumbered: '仅条号变化',
  changed: '修改',
  merged: '合并',
  split: '拆分',
  added: '新增',
  removed: '删除',
};

function parseArgs(argv: string[]) {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = 'true';
    else if (arg.startsWith('--') && FLAGS.has(arg.slice(2))) options[arg.slice(2)] = 'true';
    else if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new Error(`${arg} needs a value.\n${USAGE}`);
      options[arg.slice(2)] = value;
      i++;
    } else positional.push(arg);
  }
  return { options, positional };
}

runCli(async (config, logger) => {
  const { options, positional } = parseArgs(process.argv.slice(2));
  if (options.help) {
    print(USAGE);
    return 0;
  }
  const unknown = Object.keys(options).filter(
    (k) =>
      !['code', 'status', 'effective', 'coordinating-department', 'province', ...FLAGS].includes(k),
  );
  if (positional.length !== 1 || !options.code || unknown.length) {
    throw new Error(`${unknown.length ? `Unknown option --${unknown[0]}. ` : ''}${USAGE}`);
  }
  const status = options.status ?? 'draft';
  if (status !== 'draft' && status !== 'enacted')
    throw new Error(`--status must be draft or enacted.\n${USAGE}`);
  if (options.province !== undefined && !isProvinceCode(options.province))
    throw new Error(`--province must be a province code such as 420000.\n${USAGE}`);
  // npm runs scripts from the package root; paths are relative to where the user typed the command.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positional[0]);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `无法读取文件 ${file}：${error.code === 'ENOENT' ? '文件不存在' : error.message}`,
    );
  });
  const source = await readRegulationSource(bytes, path.basename(file));
  const { text } = source;
  print(
    source.format === 'docx'
      ? '源文件：Word 文档（.docx）'
      : `源文件：纯文本，编码 ${sourceEncodingName(source.encoding)}${source.bom ? '（带 BOM）' : ''}`,
  );

  return withConfiguredDatabase(
    config,
    logger,
    async (dataSource) => {
      if (options.province) {
        const [unit] = await dataSource.query(
          `SELECT 1 FROM admin_unit WHERE code = $1 AND level = 'province'`,
          [options.province],
        );
        if (!unit)
          throw new Error(`省份 ${options.province} 不在本系统的省份之列（见 PROVINCES）。`);
      }
      const result = await new RegulationImportService(dataSource)
        .import({
          code: options.code,
          text,
          status,
          effectiveDate: options.effective ?? null,
          importedBy: `cli:${os.userInfo().username}`,
          confirmTitleChange: options['confirm-title-change'] === 'true',
          coordinatingDepartment: options['coordinating-department'],
          ownerProvinceCode: options.province,
        })
        .catch((error: unknown) => {
          const details = error instanceof AppError ? error.extensions.details : undefined;
          if ((details as { field?: string } | undefined)?.field === 'title') {
            throw new Error(`${(error as Error).message}（确认请加 --confirm-title-change）`);
          }
          throw error;
        });
      if (result.alreadyImported) {
        print(`${result.title}：与第 ${result.versionNumber} 版文本完全相同，未导入新版本。`);
        return 0;
      }
      print(`已导入 ${result.title}（${options.code}）第 ${result.versionNumber} 版`);
      print(
        `  章 ${result.chapters}，节 ${result.sections}，条 ${result.articles}，款 ${result.paragraphs}，项 ${result.items}`,
      );
      print(
        `  职责 ${result.duties}（政府职责 ${result.governmentDuties}，纳入跟踪 ${result.trackedDuties}）`,
      );
      print(
        `  按规范性质：${Object.entries(result.dutiesByModality)
          .map(([m, n]) => `${MODALITY_ZH[m as keyof typeof MODALITY_ZH]} ${n}`)
          .join('，')}`,
      );
      if (result.versionNumber > 1) {
        const counts = new Map<string, number>();
        for (const change of result.changes)
          counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
        print(
          `  与上一版相比：${[...counts].map(([k, n]) => `${CHANGE_ZH[k as keyof typeof CHANGE_ZH]} ${n}`).join('，')}`,
        );
        print(`  沿用审核结果的职责：${result.carriedOver}`);
        print(
          `  待审核的职责映射建议：${result.mappingSuggestions}（在职责清单“版本变化”页确认或驳回）`,
        );
      }
      for (const warning of result.warnings) print(`  提示：${warning.message}`);
      return 0;
    },
    { migrate: true }, // as the schema owner first: a fresh data directory works
  );
});
