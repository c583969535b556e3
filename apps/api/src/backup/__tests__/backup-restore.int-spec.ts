import { createHash } from 'node:crypto';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  databaseFingerprint as fingerprint,
  DatabaseFingerprint as Fingerprint,
  evidenceFingerprint as evidenceBytes,
  TestDatabase,
} from '@duty/test-support';
import { EmbeddedPostgres } from '@duty/api/embedded-postgres';
import { LocalEvidenceStore } from '@duty/api/evidence-store';
import { migrations, MIGRATIONS_TABLE } from '@duty/migrations';
import { createDataSource } from '../../database/data-source';
import { ensureDatabase } from '../../database/database-url';
import { runMigrations } from '../../database/migrate';
import { checkEvidenceIntegrity } from '../../evidence/evidence-integrity';
import { syncReferenceData } from '../../admin-unit/reference-data.sync';
import { seedDemoData } from '../../seed/demo-seed';
import { createBackup } from '../backup';
import { BackupManifest } from '../backup-files';
import { restoreBackup } from '../restore';

/**
 * The backup → wipe → restore drill, for an external PostgreSQL (DATABASE_URL) and for the
 * embedded server: the restored database has every table with the same rows (row counts and
 * an independent content checksum per table, computed here in SQL, not by the backup code),
 * the same sequence values and migrations, and the evidence store the same bytes.
 */

async function seed(url: string, evidenceDir: string): Promise<void> {
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await syncReferenceData(dataSource);
    const store = new LocalEvidenceStore(evidenceDir);
    await store.init();
    await seedDemoData(dataSource, {
      passwordCostLog2: 10,
      production: false,
      cycle: true,
      evidenceStore: store,
    });
    // History rows (identity column GENERATED ALWAYS), NUL-free odd text, JSON: round-trips.
    await dataSource.query(
      `UPDATE task SET progress_note = $1, row_version = row_version + 1
        WHERE id = (SELECT id FROM task ORDER BY id LIMIT 1)`,
      ['引号 " 反斜杠 \\ 换行\n制表\t结束 😀'],
    );
  } finally {
    await dataSource.destroy();
  }
}

async function fsck(url: string, evidenceDir: string) {
  const dataSource = createDataSource({ url, poolMax: 2 });
  await dataSource.initialize();
  try {
    const store = new LocalEvidenceStore(evidenceDir);
    await store.init();
    return (
      await checkEvidenceIntegrity(dataSource, store, 'cli', { record: async () => undefined })
    ).run;
  } finally {
    await dataSource.destroy();
  }
}

describe('backup → wipe → restore drill', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-backup-'));
    await chmod(dir, 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('restores an external PostgreSQL database and its evidence identically, and refuses bad targets and backups', async () => {
    const evidenceDir = path.join(dir, 'ext-evidence');
    const backupDir = path.join(dir, 'ext-backup');
    let source: TestDatabase | undefined = await createTestDatabase({ empty: true });
    let target: TestDatabase | undefined;
    try {
      await seed(source.url, evidenceDir);
      const before = await fingerprint(source.url);
      const beforeEvidence = await evidenceBytes(evidenceDir);
      expect(Object.keys(beforeEvidence).length).toBeGreaterThan(0);
      expect(Number(before.tables.task.split(':')[0])).toBeGreaterThan(1000);

      const backupStarted = Date.now();
      const { manifest } = await createBackup({
        databaseUrl: source.url,
        evidence: evidenceDir,
        outDir: backupDir,
        migrationsTable: MIGRATIONS_TABLE,
      });
      const backupMs = Date.now() - backupStarted;
      expect(manifest.database.migrations).toEqual(before.migrations);
      expect(manifest.evidence.problems).toEqual([]);
      expect(manifest.auditChainHeads.length).toBeGreaterThan(0);
      expect(manifest.auditChainHeads.some((h) => Number(h.count) > 0)).toBe(true);
      expect(manifest.evidence.objects).toHaveLength(Object.keys(beforeEvidence).length);
      for (const table of manifest.tables) {
        expect(String(table.rows)).toBe(before.tables[table.name].split(':')[0]);
      }
      // A second backup into the same directory is refused.
      await expect(
        createBackup({
          databaseUrl: source.url,
          evidence: evidenceDir,
          outDir: backupDir,
          migrationsTable: MIGRATIONS_TABLE,
        }),
      ).rejects.toThrow(/BACKUP_TARGET_NOT_EMPTY/);

      // Wipe: the database and the evidence store are gone.
      await source.drop();
      source = undefined;
      await rm(evidenceDir, { recursive: true, force: true });

      target = await createTestDatabase({ empty: true });
      // A backup made by another build (migrations this one does not have) is refused.
      await expect(
        restoreBackup({
          fromDir: backupDir,
          databaseUrl: target.url,
          evidence: evidenceDir,
          migrations: migrations.slice(1),
          migrationsTable: MIGRATIONS_TABLE,
        }),
      ).rejects.toThrow(/BACKUP_MIGRATIONS_UNKNOWN/);

      const restoreStarted = Date.now();
      const result = await restoreBackup({
        fromDir: backupDir,
        databaseUrl: target.url,
        evidence: evidenceDir,
        migrations,
        migrationsTable: MIGRATIONS_TABLE,
      });
      process.stdout.write(
        `drill (external): ${result.tables} tables, ${result.rows} rows, ${result.evidenceObjects} evidence files; backup ${backupMs} ms, restore ${Date.now() - restoreStarted} ms\n`,
      );
      expect(result.upgradedBy).toEqual([]);
      expect(result.chainRows).toBeGreaterThan(0);
      expect(await fingerprint(target.url)).toEqual(before);
      expect(await evidenceBytes(evidenceDir)).toEqual(beforeEvidence);
      expect(await fsck(target.url, evidenceDir)).toMatchObject({
        ok: true,
        missing: 0,
        corrupt: 0,
        unreferenced: 0,
        checked: Object.keys(beforeEvidence).length,
      });

      // Restoring again over the restored (non-empty) database and store is refused.
      await expect(
        restoreBackup({
          fromDir: backupDir,
          databaseUrl: target.url,
          evidence: path.join(dir, 'fresh-evidence'),
          migrations,
          migrationsTable: MIGRATIONS_TABLE,
        }),
      ).rejects.toThrow(/RESTORE_TARGET_NOT_EMPTY/);
      const empty = await createTestDatabase({ empty: true });
      try {
        await expect(
          restoreBackup({
            fromDir: backupDir,
            databaseUrl: empty.url,
            evidence: evidenceDir,
            migrations,
            migrationsTable: MIGRATIONS_TABLE,
          }),
        ).rejects.toThrow(/RESTORE_TARGET_NOT_EMPTY/);
      } finally {
        await empty.drop();
      }

      // A changed byte in a table file is caught before anything is written.
      const taskFile = path.join(backupDir, 'db/task.rows');
      const original = await readFile(taskFile, 'utf8');
      await writeFile(taskFile, original.replace('引号', '改号'));
      const untouched = await createTestDatabase({ empty: true });
      try {
        await expect(
          restoreBackup({
            fromDir: backupDir,
            databaseUrl: untouched.url,
            evidence: path.join(dir, 'untouched-evidence'),
            migrations,
            migrationsTable: MIGRATIONS_TABLE,
          }),
        ).rejects.toThrow(/hash mismatch: db\/task\.rows[\s\S]*BACKUP_INVALID/);
        const client = new Client({ connectionString: untouched.url });
        await client.connect();
        const tables = await client
          .query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)
          .finally(() => client.end());
        expect(tables.rowCount).toBe(0);
      } finally {
        await untouched.drop();
      }

      // A history row changed in the backup, with the table checksum and every file hash in
      // the manifest rebuilt to match: the hash chain catches it and nothing is committed.
      await writeFile(taskFile, original);
      const forgedDir = path.join(dir, 'forged');
      await cp(backupDir, forgedDir, { recursive: true });
      const forged = JSON.parse(
        await readFile(path.join(forgedDir, 'manifest.json'), 'utf8'),
      ) as BackupManifest;
      const chainedTable = forged.auditChainHeads.find((h) => Number(h.count) > 0)!.table;
      const chained = forged.tables.find((t) => t.name === chainedTable)!;
      const file = path.join(forgedDir, chained.file);
      const lines = (await readFile(file, 'utf8')).split('\n');
      const row = JSON.parse(lines[0]) as string;
      const edited = row.replace(
        /(\d{4})-(\d{2})-(\d{2})/,
        (_m, y: string, mo: string, d: string) => `${Number(y) - 1}-${mo}-${d}`,
      );
      expect(edited).not.toBe(row);
      lines[0] = JSON.stringify(edited);
      // Rows stay in the backup's order (byte order of their text), as a careful forger keeps it.
      const rowTexts = lines.filter(Boolean).map((line) => JSON.parse(line) as string);
      rowTexts.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const content = rowTexts.map((r) => `${JSON.stringify(r)}\n`).join('');
      await writeFile(file, content);
      chained.sha256 = createHash('sha256').update(content).digest('hex');
      forged.files[chained.file] = {
        sha256: chained.sha256,
        bytes: Buffer.byteLength(content),
      };
      await writeFile(path.join(forgedDir, 'manifest.json'), JSON.stringify(forged));
      await rm(path.join(forgedDir, 'manifest.json.sha256'));
      const forgedTarget = await createTestDatabase({ empty: true });
      try {
        await expect(
          restoreBackup({
            fromDir: forgedDir,
            databaseUrl: forgedTarget.url,
            evidence: path.join(dir, 'forged-evidence'),
            migrations,
            migrationsTable: MIGRATIONS_TABLE,
          }),
        ).rejects.toThrow(/hash chains broken[\s\S]*RESTORE_VERIFY_FAILED/);
        const rows = await fingerprint(forgedTarget.url);
        expect(rows.tables[chainedTable]).toBe(`0:${createHash('md5').update('').digest('hex')}`);
      } finally {
        await forgedTarget.drop();
      }
    } finally {
      await source?.drop();
      await target?.drop();
    }
  }, 240_000);

  it('restores the embedded database into a new data directory identically', async () => {
    const dataDir = path.join(dir, 'embedded', 'postgres');
    const evidenceDir = path.join(dir, 'embedded', 'evidence');
    const backupDir = path.join(dir, 'embedded-backup');
    const first = new EmbeddedPostgres({ dataDir });
    await first.start();
    let before: Fingerprint;
    let beforeEvidence: Record<string, string>;
    try {
      await ensureDatabase(first.urlFor('postgres'), 'duty');
      await seed(first.urlFor('duty'), evidenceDir);
      before = await fingerprint(first.urlFor('duty'));
      beforeEvidence = await evidenceBytes(evidenceDir);
      // Online: the server keeps running while the backup reads it.
      await createBackup({
        databaseUrl: first.urlFor('duty'),
        evidence: evidenceDir,
        outDir: backupDir,
        migrationsTable: MIGRATIONS_TABLE,
      });
    } finally {
      await first.stop();
    }
    // Wipe: data directory, credentials and evidence.
    await rm(path.join(dir, 'embedded'), { recursive: true, force: true });
    await rm(`${dataDir}.credentials.json`, { force: true });

    const second = new EmbeddedPostgres({ dataDir });
    await second.start();
    try {
      await ensureDatabase(second.urlFor('postgres'), 'duty');
      await restoreBackup({
        fromDir: backupDir,
        databaseUrl: second.urlFor('duty'),
        evidence: evidenceDir,
        migrations,
        migrationsTable: MIGRATIONS_TABLE,
      });
      expect(await fingerprint(second.urlFor('duty'))).toEqual(before);
      expect(await evidenceBytes(evidenceDir)).toEqual(beforeEvidence);
      expect(await fsck(second.urlFor('duty'), evidenceDir)).toMatchObject({ ok: true });
    } finally {
      await second.stop();
    }
  }, 240_000);
});
