import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import type { EvidenceStore } from '@duty/api/evidence-store';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { compareChainHeads, describeBreak, verifyChainsIn } from '../integrity';
import {
  BACKUP_FORMAT,
  BackupError,
  BackupManifest,
  listFiles,
  MANIFEST_FILE,
  objectPath,
  sha256OfFile,
} from './backup-files';
import { evidenceStoreOf } from './backup';
import { insertRows, listTables, readTable, writeSequences } from './table-data';

const INSERT_BATCH = 500;

export interface RestoreOptions {
  /** The backup directory (written by createBackup). */
  fromDir: string;
  /** An empty database (no table in `public`). */
  databaseUrl: string;
  ssl?: boolean;
  /**
   * An empty evidence store to fill (the configured one: EVIDENCE_DIR or an S3 bucket); or, for
   * a local store, its root directory.
   */
  evidence: EvidenceStore | string;
  /** The migrations of this build, in order (a restore refuses a backup made with others). */
  migrations: ReadonlyArray<new () => MigrationInterface>;
  migrationsTable: string;
  onProgress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  evidenceObjects: number;
  /** Migrations of this build newer than the backup, applied after loading its data. */
  upgradedBy: string[];
  /** Rows walked in the hash chains (all links intact, heads equal to the backup's). */
  chainRows: number;
}

/** Reads manifest.json and checks every file the backup holds against it. */
export async function verifyBackup(fromDir: string): Promise<BackupManifest> {
  const dir = path.resolve(fromDir);
  const text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8').catch(() => {
    throw new BackupError(
      'BACKUP_INVALID',
      `${dir} 中没有 ${MANIFEST_FILE}（不是完整的备份） / no ${MANIFEST_FILE} in ${dir}: not a complete backup`,
    );
  });
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError('BACKUP_INVALID', `${MANIFEST_FILE} 不是有效的 JSON / is not valid JSON`);
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(
      'BACKUP_INVALID',
      `备份格式 ${JSON.stringify(manifest.format)} 不受支持（需要 ${BACKUP_FORMAT}） / unsupported backup format`,
    );
  }
  const recorded = await readFile(path.join(dir, `${MANIFEST_FILE}.sha256`), 'utf8').catch(
    () => undefined,
  );
  if (recorded) {
    const { sha256 } = await sha256OfFile(path.join(dir, MANIFEST_FILE));
    if (recorded.split(/\s+/)[0] !== sha256) {
      throw new BackupError(
        'BACKUP_INVALID',
        `${MANIFEST_FILE} 与其哈希不符 / does not match its hash`,
      );
    }
  }
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(manifest.files)) {
    const actual = await sha256OfFile(path.join(dir, file)).catch(() => undefined);
    if (!actual) problems.push(`缺少文件 / missing: ${file}`);
    else if (actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes) {
      problems.push(`哈希不符 / hash mismatch: ${file}`);
    }
  }
  const listed = new Set([
    ...Object.keys(manifest.files),
    MANIFEST_FILE,
    `${MANIFEST_FILE}.sha256`,
  ]);
  for (const file of await listFiles(dir)) {
    if (!listed.has(file)) problems.push(`清单外文件 / not in the manifest: ${file}`);
  }
  if (problems.length) {
    throw new BackupError(
      'BACKUP_INVALID',
      `备份文件校验失败 / the backup's files do not match its manifest:\n  ${problems.join('\n  ')}`,
    );
  }
  return manifest;
}

/**
 * Restores a backup into an empty database and an empty evidence store, then verifies it:
 * 1. every file of the backup against the manifest (nothing is written before this passes);
 * 2. the backup's migrations must be this build's first migrations, in order: exactly those
 *    are applied to the empty database, giving the schema the data was read from;
 * 3. all rows are loaded in one transaction, with triggers and foreign-key checks off
 *    (session_replication_role = replica: rows come back as they were, append-only and chain
 *    triggers do not rewrite them); sequences are set; row counts and content checksums are
 *    compared with the manifest, every hash chain is walked and its head compared with the
 *    backup's, all before COMMIT (any difference rolls everything back);
 * 4. this build's newer migrations, if any, are applied (an upgrade, as at a server start);
 * 5. the evidence objects are copied and hash-checked into the store.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const progress = options.onProgress ?? (() => undefined);
  const fromDir = path.resolve(options.fromDir);
  const manifest = await verifyBackup(fromDir);
  progress(`backup verified: ${Object.keys(manifest.files).length} file(s)`);

  const known = options.migrations.map((m) => m.name);
  const prefixMatches =
    manifest.database.migrations.length <= known.length &&
    manifest.database.migrations.every((name, i) => known[i] === name);
  if (!prefixMatches) {
    throw new BackupError(
      'BACKUP_MIGRATIONS_UNKNOWN',
      `备份的迁移记录与本版本不一致（备份来自其他版本或分支） / the backup's migrations are not this build's first ${manifest.database.migrations.length}: ` +
        `backup ${manifest.database.migrations.join(', ')}; this build ${known.join(', ')}`,
    );
  }
  const store = evidenceStoreOf(options.evidence);
  const where = typeof options.evidence === 'string' ? `目录 ${options.evidence} ` : '存储';
  if (!(await store.list()[Symbol.asyncIterator]().next()).done) {
    throw new BackupError(
      'RESTORE_TARGET_NOT_EMPTY',
      `佐证材料${where}不是空的 / the evidence store is not empty`,
    );
  }
  const ssl = options.ssl ? { rejectUnauthorized: true } : false;
  const client = new Client({ connectionString: options.databaseUrl, ssl });
  await client.connect();
  let rows = 0;
  let chainRows = 0;
  try {
    const existing = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') LIMIT 5`,
    );
    if (existing.rows.length) {
      throw new BackupError(
        'RESTORE_TARGET_NOT_EMPTY',
        `目标数据库不是空的（已有 ${existing.rows.map((r) => r.name).join(', ')} 等） / the target database is not empty`,
      );
    }
    // Refuse before any schema is created when rows cannot be loaded exactly.
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`).catch((error: Error) => {
      throw new BackupError(
        'RESTORE_NOT_PERMITTED',
        `恢复需要能设置 session_replication_role 的账号（数据库所有者为超级用户，或被授予该参数的 SET 权限） / restoring needs a role that may set session_replication_role: ${error.message}`,
      );
    });
    await client.query('ROLLBACK');

    await migrate(options, options.migrations.slice(0, manifest.database.migrations.length), ssl);
    progress(`schema: ${manifest.database.migrations.length} migration(s) applied`);

    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      const tables = await listTables(client, [options.migrationsTable]);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const expected = new Set(manifest.tables.map((t) => t.name));
      const missing = tables.filter((t) => !expected.has(t.name)).map((t) => t.name);
      const unknown = manifest.tables.filter((t) => !byName.has(t.name)).map((t) => t.name);
      if (missing.length || unknown.length) {
        throw new BackupError(
          'RESTORE_VERIFY_FAILED',
          `表结构与备份不一致 / tables differ from the backup: not in the backup ${missing.join(', ') || '-'}; not in the schema ${unknown.join(', ') || '-'}`,
        );
      }
      for (const entry of manifest.tables) {
        const table = byName.get(entry.name)!;
        // A migration may have inserted rows of its own: the backup's rows replace them.
        await client.query(`DELETE FROM public."${table.name.replace(/"/g, '""')}"`);
        let batch: string[] = [];
        const lines = createInterface({
          input: createReadStream(path.join(fromDir, entry.file), 'utf8'),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          if (!line) continue;
          batch.push(JSON.parse(line) as string);
          if (batch.length >= INSERT_BATCH) {
            await insertRows(client, table, batch);
            batch = [];
          }
        }
        await insertRows(client, table, batch);
      }
      await writeSequences(client, manifest.sequences);
      const differences: string[] = [];
      for (const entry of manifest.tables) {
        const actual = await readTable(client, entry.name);
        rows += actual.rows;
        if (actual.rows !== entry.rows || actual.sha256 !== entry.sha256) {
          differences.push(
            `${entry.name}: ${actual.rows} row(s), checksum ${actual.sha256.slice(0, 12)}; backup ${entry.rows}, ${entry.sha256.slice(0, 12)}`,
          );
        }
      }
      if (differences.length) {
        throw new BackupError(
          'RESTORE_VERIFY_FAILED',
          `恢复后的数据与备份不一致，已回滚 / restored rows differ from the backup, rolled back:\n  ${differences.join('\n  ')}`,
        );
      }
      const chains = await verifyChainsIn(client);
      chainRows = chains.rowsChecked;
      const broken = [
        ...chains.chains.flatMap((c) => (c.firstBreak ? [describeBreak(c.firstBreak)] : [])),
        ...(await compareChainHeads(client, manifest.auditChainHeads ?? [])),
      ];
      if (broken.length) {
        throw new BackupError(
          'RESTORE_VERIFY_FAILED',
          `哈希链校验失败，已回滚 / hash chains broken or different from the backup's heads, rolled back:\n  ${broken.join('\n  ')}`,
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    progress(`data: ${manifest.tables.length} table(s), ${rows} row(s), checksums equal`);
  } finally {
    await client.end();
  }

  const newer = options.migrations.slice(manifest.database.migrations.length);
  if (newer.length) {
    await migrate(options, options.migrations, ssl);
    progress(`upgraded by ${newer.length} newer migration(s)`);
  }

  for (const object of manifest.evidence.objects) {
    // Staged (hashed on the way) and committed only when the hash is the manifest's: the
    // store's own all-or-nothing upload, locally or into a bucket.
    const file = objectPath(path.join(fromDir, 'evidence'), object.sha256);
    const staged = await store.stage(createReadStream(file), object.bytes);
    if (staged.sha256 !== object.sha256) {
      await store.discard(staged);
      throw new BackupError(
        'RESTORE_VERIFY_FAILED',
        `佐证材料 ${object.sha256} 复制后哈希不符 / evidence object changed while copying`,
      );
    }
    await store.commit(staged);
  }
  progress(`evidence: ${manifest.evidence.objects.length} object(s) copied and checked`);
  return {
    manifest,
    tables: manifest.tables.length,
    rows,
    evidenceObjects: manifest.evidence.objects.length,
    upgradedBy: newer.map((m) => m.name),
    chainRows,
  };
}

async function migrate(
  options: RestoreOptions,
  migrations: ReadonlyArray<new () => MigrationInterface>,
  ssl: false | { rejectUnauthorized: boolean },
): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions({ url: options.databaseUrl, poolMax: 2, ssl: Boolean(ssl) }),
    migrations: [...migrations],
  } as DataSourceOptions);
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
