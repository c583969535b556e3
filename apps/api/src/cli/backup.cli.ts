import 'reflect-metadata';
import { MIGRATIONS_TABLE } from '@duty/migrations';
import { createBackup } from '../backup/backup';
import { withSourceDatabase } from '../backup/backup-target';
import { createEvidenceStore, describeEvidenceStore } from '../evidence/evidence-store.factory';
import { print, runCli } from './cli-support';

const USAGE = `Usage: npm run backup -- --out <directory>
  Consistent online backup of the database (one snapshot) and of the evidence files it
  references (from the configured store: EVIDENCE_DIR, or the S3 bucket with EVIDENCE_STORE=s3), with manifest.json (SHA-256 of every file, row counts, migrations). The
  directory must be new or empty. Works while the server runs (embedded or DATABASE_URL).`;

/** npm run backup -- --out <dir> */
runCli(async (config, logger) => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const outDir = at >= 0 ? args[at + 1] : undefined;
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  if (!outDir || outDir.startsWith('--')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const store = await createEvidenceStore(config);
  try {
    return await withSourceDatabase(config, logger, async (source) => {
      print(
        `Backing up the ${source.mode} database and ${describeEvidenceStore(config)} to ${outDir}`,
      );
      const { manifest, manifestSha256 } = await createBackup({
        databaseUrl: source.url,
        ssl: source.ssl,
        evidence: store,
        outDir,
        migrationsTable: MIGRATIONS_TABLE,
        onProgress: (line) => print(`  ${line}`),
      });
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      for (const p of manifest.evidence.problems) {
        print(`  佐证材料问题 / evidence problem: ${p.problem} ${p.sha256} ${p.detail}`);
      }
      print(
        `Backup of ${manifest.database.snapshotAt}: ${manifest.tables.length} tables, ${rows} rows, ` +
          `${manifest.evidence.objects.length} evidence file(s), ${manifest.database.migrations.length} migrations, ` +
          `${manifest.auditChainHeads.length} hash chain heads; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      print(`manifest.json SHA-256: ${manifestSha256} (keep it apart from the backup)`);
      // Evidence the database references but the store lacks or holds corrupt: the backup is
      // complete for everything else, and says so.
      return manifest.evidence.problems.length ? 2 : 0;
    });
  } finally {
    store.close?.();
  }
});
