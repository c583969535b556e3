import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { EvidenceStore, LocalEvidenceStore } from '@duty/api/evidence-store';
import { exportChainHeads } from '../integrity';
import {
  BACKUP_FORMAT,
  BackupError,
  BackupManifest,
  copyVerified,
  isEmptyDir,
  MANIFEST_FILE,
  objectPath,
  sha256OfFile,
} from './backup-files';
import { listTables, readSequences, readTable } from './table-data';

export interface BackupOptions {
  /** The application database (DATABASE_URL, or the embedded server's). */
  databaseUrl: string;
  ssl?: boolean;
  /**
   * The evidence store to read (the configured one: EVIDENCE_DIR or an S3 bucket); or, for a
   * local store, its root directory.
   */
  evidence: EvidenceStore | string;
  /** A new or empty directory. */
  outDir: string;
  /** The table where TypeORM records applied migrations. */
  migrationsTable: string;
  onProgress?: (line: string) => void;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** SHA-256 of manifest.json: keep it apart from the backup (e.g. in the operations log). */
  manifestSha256: string;
}

/**
 * An online, consistent backup: every table of the application database read in one
 * REPEATABLE READ READ ONLY transaction (one snapshot, while the server keeps working), the
 * sequences and the applied migrations from the same snapshot, then the evidence objects the
 * snapshot references (content-addressed and never changed, so copying them after the snapshot
 * is consistent), each copied and checked against its hash. A manifest lists every file with
 * its SHA-256, the row counts and content checksums, and the hash chains' heads; it is written
 * last, so a backup without manifest.json is incomplete.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const progress = options.onProgress ?? (() => undefined);
  const outDir = path.resolve(options.outDir);
  if (!(await isEmptyDir(outDir))) {
    throw new BackupError(
      'BACKUP_TARGET_NOT_EMPTY',
      `备份目录 ${outDir} 不是空目录 / The backup directory ${outDir} is not empty`,
    );
  }
  await mkdir(path.join(outDir, 'db'), { recursive: true, mode: 0o700 });
  await chmod(outDir, 0o700);
  const files: BackupManifest['files'] = {};

  const client = new Client({
    connectionString: options.databaseUrl,
    ssl: options.ssl ? { rejectUnauthorized: true } : false,
    application_name: 'duty-tracker-backup',
  });
  await client.connect();
  let database: BackupManifest['database'];
  const tables: BackupManifest['tables'] = [];
  let sequences: BackupManifest['sequences'];
  let referenced: Array<{ sha256: string; bytes: number }>;
  let auditChainHeads: BackupManifest['auditChainHeads'];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const info = await client.query<{ version: string; now: Date }>(
      `SELECT current_setting('server_version') AS version, now() AS now`,
    );
    const migrations = await client.query<{ name: string }>(
      `SELECT name FROM public.${options.migrationsTable} ORDER BY id`,
    );
    database = {
      serverVersion: info.rows[0].version,
      snapshotAt: info.rows[0].now.toISOString(),
      migrations: migrations.rows.map((r) => r.name),
    };
    for (const table of await listTables(client, [options.migrationsTable])) {
      const file = `db/${table.name}.rows`;
      const target = path.join(outDir, file);
      const out = createWriteStream(target, { mode: 0o600 });
      const { rows, sha256 } = await readTable(client, table.name, async (chunk) => {
        if (!out.write(chunk)) await once(out, 'drain');
      });
      out.end();
      await once(out, 'finish');
      tables.push({ name: table.name, rows, sha256, file });
      files[file] = await sha256OfFile(target);
      progress(`${table.name}: ${rows}`);
    }
    sequences = await readSequences(client);
    const objects = await client.query<{ sha256: string; bytes: string }>(
      // Comment attachments live in the same content-addressed store.
      `SELECT sha256, min(size)::text AS bytes FROM (
         SELECT sha256, size FROM public.evidence
         UNION ALL SELECT sha256, size FROM public.task_comment_attachment) x
       GROUP BY sha256 ORDER BY sha256`,
    );
    referenced = objects.rows.map((r) => ({ sha256: r.sha256, bytes: Number(r.bytes) }));
    auditChainHeads = await exportChainHeads(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }

  const evidence: BackupManifest['evidence'] = { objects: [], problems: [] };
  const store = evidenceStoreOf(options.evidence);
  for (const object of referenced) {
    const file = path.relative(outDir, objectPath(path.join(outDir, 'evidence'), object.sha256));
    const copied = (await store.exists(object.sha256))
      ? await copyVerified(await store.open(object.sha256), path.join(outDir, file), object.sha256)
      : { ok: false as const, actual: '' };
    if (!copied.ok) {
      evidence.problems.push({
        sha256: object.sha256,
        problem: copied.actual ? 'corrupt' : 'missing',
        detail: copied.actual
          ? `内容哈希不符（实际 ${copied.actual}），未备份`
          : '存储中缺少该文件，未备份',
      });
      continue;
    }
    evidence.objects.push({ sha256: object.sha256, bytes: copied.bytes });
    files[file.split(path.sep).join('/')] = { sha256: object.sha256, bytes: copied.bytes };
  }
  progress(
    `evidence: ${evidence.objects.length} object(s), ${evidence.problems.length} problem(s)`,
  );

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database,
    tables,
    sequences,
    evidence,
    auditChainHeads,
    files,
  };
  const manifestPath = path.join(outDir, MANIFEST_FILE);
  await writeFile(`${manifestPath}.part`, `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
  await rename(`${manifestPath}.part`, manifestPath);
  const { sha256: manifestSha256 } = await sha256OfFile(manifestPath);
  await writeFile(
    path.join(outDir, `${MANIFEST_FILE}.sha256`),
    `${manifestSha256}  ${MANIFEST_FILE}\n`,
    {
      mode: 0o600,
    },
  );
  return { manifest, manifestSha256 };
}

/** The store itself, or the local store at a directory (read as it is: nothing is created). */
export function evidenceStoreOf(evidence: EvidenceStore | string): EvidenceStore {
  return typeof evidence === 'string' ? new LocalEvidenceStore(evidence) : evidence;
}
