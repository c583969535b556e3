import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `duty <command> [options]`: every operator tool of the built server under one name, with
 * the flags of its `npm run` script. It needs only dist/ and the production node_modules (no
 * Nx, no TypeScript): the image puts it on PATH (docker/duty), so an operator runs
 * `docker compose run --rm api duty <command>`. Each command is the same compiled module the
 * npm script runs; this file only picks it, so the two never drift apart.
 */
interface Command {
  /** The compiled module, relative to this directory. */
  module: string;
  summary: string;
}

const DUTY_COMMANDS: Readonly<Record<string, Command>> = {
  start: {
    module: '../main.js',
    summary:
      '启动服务（容器的默认命令）；DUTY_CREATE_ADMIN=1 时先创建首批管理员 / start the server',
  },
  'create-admin': {
    module: 'create-admin.cli.js',
    summary: '创建三个分立的管理员账户（仅当尚无管理员）/ create the first administrators',
  },
  migrate: {
    module: 'migrate.cli.js',
    summary: '数据库迁移 [--status | --revert <n>] / apply migrations',
  },
  seed: {
    module: 'seed.cli.js',
    summary: '加载演示数据（生产环境拒绝）/ load demo data (refused in production)',
  },
  'regulation:import': {
    module: 'regulation-import.cli.js',
    summary: '导入法规文本 <file> --code <code> … / import a regulation',
  },
  'duties:export': {
    module: 'duties-export.cli.js',
    summary: '导出职责清单 --format csv|xlsx|json … / export the duty list',
  },
  'evidence:fsck': {
    module: 'evidence-fsck.cli.js',
    summary: '校验佐证材料文件 / check evidence files against the database',
  },
  'evidence:verify': {
    module: 'evidence-verify.cli.js',
    summary: '校验封存的佐证材料包 <pack.zip> / verify a sealed evidence pack',
  },
  backup: { module: 'backup.cli.js', summary: '在线备份 --out <dir> / consistent online backup' },
  restore: {
    module: 'restore.cli.js',
    summary: '恢复备份到空数据库 <dir> / restore a backup into an empty database',
  },
  'audit:verify': {
    module: 'audit-verify.cli.js',
    summary: '校验哈希链 [--heads] / verify the audit hash chains',
  },
  'analytics:verify': {
    module: 'analytics-verify.cli.js',
    summary:
      '核对统计汇总与基础数据 [--cycle <id>] [--prefecture <code>] [--jobs N] / verify analytics rollups',
  },
  'schema:check': {
    module: 'schema-drift.cli.js',
    summary: '检查实体与迁移是否一致（临时数据库）/ schema drift check on a scratch database',
  },
};

/** Development tools that read or write the source tree: `npm run <name>` in a checkout. */
const SOURCE_TREE_ONLY = [
  'schema:print',
  'migration:draft',
  'eval:extraction',
  'bench:analytics',
  'bench:assessment',
  'bench:status',
  'bench:urging',
  'bench:writes',
  'bench:partitions',
];

function usage(): string {
  const width = Math.max(...Object.keys(DUTY_COMMANDS).map((n) => n.length));
  return [
    'Usage: duty <command> [options]        (duty <command> --help for its options)',
    '',
    ...Object.entries(DUTY_COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    `Development only, from a source checkout (npm run …): ${SOURCE_TREE_ONLY.join(', ')}.`,
    'Configuration comes from the environment, as for the server (README: Configuration).',
  ].join('\n');
}

/**
 * The container one-shot (README: Production): with DUTY_CREATE_ADMIN=1, `duty start` first
 * runs `create-admin --if-absent` and writes the one-time passwords to DUTY_CREATE_ADMIN_FILE
 * (0600, in a volume; default <DATA_DIR>/initial-admin-passwords.txt), never to the log. When
 * administrators exist it does nothing, so the variable may stay set across restarts; when
 * it fails the server does not start.
 */
function createAdminOneShot(): void {
  const flag = process.env.DUTY_CREATE_ADMIN?.trim().toLowerCase();
  if (!flag || ['0', 'false', 'no', 'off'].includes(flag)) return;
  const file =
    process.env.DUTY_CREATE_ADMIN_FILE?.trim() ||
    path.join(process.env.DATA_DIR?.trim() || '.data', 'initial-admin-passwords.txt');
  const result = spawnSync(
    process.execPath,
    [__filename, 'create-admin', '--if-absent', '--password-file', file],
    { stdio: 'inherit', env: process.env },
  );
  if (result.status !== 0) {
    process.stderr.write(
      `DUTY_CREATE_ADMIN: create-admin failed (exit ${result.status ?? result.signal}); the server is not started.\n`,
    );
    process.exit(result.status || 1);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    process.exit(name ? 0 : 2);
  }
  const command = Object.hasOwn(DUTY_COMMANDS, name) ? DUTY_COMMANDS[name] : undefined;
  if (!command) {
    const hint = SOURCE_TREE_ONLY.includes(name)
      ? `${name} is a development tool: run \`npm run ${name}\` in a source checkout.`
      : `Unknown command: ${name}.`;
    process.stderr.write(`${hint}\n\n${usage()}\n`);
    process.exit(2);
  }
  if (name === 'start') createAdminOneShot();
  // The command reads its own arguments from process.argv.slice(2), as under `npm run`.
  process.argv.splice(2, 1);
  await import(path.join(__dirname, command.module));
}

void main();
