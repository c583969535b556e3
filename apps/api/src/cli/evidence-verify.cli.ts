import { verifyPack } from '@duty/api/evidence-pack';
import { access } from 'node:fs/promises';

const USAGE = 'Usage: npm run evidence:verify -- <pack.zip>';
const KIND_ZH = {
  missing: '缺少文件',
  mismatch: '哈希不符',
  size: '大小不符',
  extra: '清单外文件',
  manifest: '清单问题',
} as const;

/**
 * npm run evidence:verify -- pack.zip — re-hashes every file of an evidence pack against its
 * manifest.csv (and the manifest against manifest.sha256); names each mismatch or missing
 * file; exits 1 on any problem, 2 on a usage error. Needs no database or configuration.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return args.length === 1 ? 0 : 2;
  }
  await access(args[0]);
  const report = await verifyPack(args[0]);
  for (const p of report.problems) {
    process.stdout.write(`${KIND_ZH[p.kind]}\t${p.path}\t${p.detail}\n`);
  }
  process.stdout.write(
    `${args[0]}: ${report.checked} file(s) checked, ${report.problems.length} problem(s), manifest sha256 ${report.manifestSha256 ?? '-'} — ${report.ok ? 'OK' : 'FAILED'}.\n`,
  );
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`错误 / Error: ${error.message}\n`);
    process.exit(1);
  },
);
