import 'reflect-metadata';
import { migrations, MIGRATIONS_TABLE } from '@duty/migrations';
import { withEmptyTargetDatabase } from '../backup/backup-target';
import { restoreBackup } from '../backup/restore';
import { createDataSource } from '../database/data-source';
import { checkEvidenceIntegrity } from '../evidence/evidence-integrity';
import { createEvidenceStore, describeEvidenceStore } from '../evidence/evidence-store.factory';
import { SecurityAuditService } from '../security-audit/security-audit.service';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run restore -- <backup directory>
  Restores a backup (npm run backup) into an empty database: DATABASE_URL's database, or a new
  embedded data directory (EMBEDDED_PG_DATA_DIR / DATA_DIR must be empty or absent), and the
  configured evidence store, which must be empty (EVIDENCE_DIR, or the S3 bucket with
  EVIDENCE_STORE=s3); then verifies row counts, content checksums and the evidence files.`;

/** npm run restore -- <dir> */
runCli(async (config, logger) => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith('--')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const store = await createEvidenceStore(config);
  try {
    return await withEmptyTargetDatabase(config, logger, async (target) => {
      print(
        `Restoring ${args[0]} into the ${target.mode} database and ${describeEvidenceStore(config)}`,
      );
      const result = await restoreBackup({
        fromDir: args[0],
        databaseUrl: target.url,
        ssl: target.ssl,
        evidence: store,
        migrations,
        migrationsTable: MIGRATIONS_TABLE,
        onProgress: (line) => print(`  ${line}`),
      });
      await target.grantApp();
      // Evidence fsck on the restored database and store.
      const dataSource = createDataSource({ url: target.url, poolMax: 2, ssl: target.ssl, logger });
      await dataSource.initialize();
      try {
        const { run, problems } = await checkEvidenceIntegrity(
          dataSource,
          store,
          'cli',
          new SecurityAuditService(dataSource, logger),
        );
        const known = new Set(result.manifest.evidence.problems.map((p) => p.sha256));
        const unexpected = problems.filter((p) => !known.has(p.sha256));
        for (const p of problems) {
          print(
            `  ${known.has(p.sha256) ? '备份时已缺失 / already missing at backup' : '问题 / problem'}: ${p.kind} ${p.sha256} ${p.detail}`,
          );
        }
        print(
          `Restored ${result.tables} tables, ${result.rows} rows (counts and checksums equal to the backup), ` +
            `hash chains intact (${result.chainRows} rows) with the backup's heads, ` +
            `${result.evidenceObjects} evidence file(s); evidence fsck: ${run.checked} checked, ${run.missing} missing, ${run.corrupt} corrupt, ${run.unreferenced} unreferenced` +
            `${result.upgradedBy.length ? `; upgraded by ${result.upgradedBy.join(', ')}` : ''}; ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        if (unexpected.length) return 1;
        return problems.length ? 2 : 0;
      } finally {
        await dataSource.destroy();
      }
    });
  } finally {
    store.close?.();
  }
});
