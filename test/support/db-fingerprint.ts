import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

/**
 * What a restored database must equal, computed independently of the backup code: per table of
 * `public` (except the migrations table) its row count and an MD5 over its rows' texts in byte
 * order — a partitioned table's rows through it, and each partition's on its own (the same rows
 * in the same partitions); every sequence's state; the applied migrations. Read in one snapshot.
 */
export interface DatabaseFingerprint {
  tables: Record<string, string>;
  sequences: Record<string, string>;
  migrations: string[];
}

export async function databaseFingerprint(
  url: string,
  migrationsTable = 'typeorm_migration',
): Promise<DatabaseFingerprint> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND relkind IN ('r', 'p') AND relname <> $1 ORDER BY relname`,
      [migrationsTable],
    );
    const result: DatabaseFingerprint = { tables: {}, sequences: {}, migrations: [] };
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*)::text AS n,
                md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
           FROM public."${name}" t`,
      );
      result.tables[name] = `${rows[0].n}:${rows[0].md5}`;
    }
    const sequences = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND relkind = 'S'`,
    );
    for (const { name } of sequences.rows) {
      const { rows } = await client.query<{ v: string }>(
        `SELECT last_value || ':' || is_called AS v FROM public."${name}"`,
      );
      result.sequences[name] = rows[0].v;
    }
    const applied = await client.query<{ exists: boolean }>(
      'SELECT to_regclass($1) IS NOT NULL AS "exists"',
      [`public.${migrationsTable}`],
    );
    if (applied.rows[0].exists) {
      result.migrations = (
        await client.query<{ name: string }>(
          `SELECT name FROM public."${migrationsTable}" ORDER BY id`,
        )
      ).rows.map((r) => r.name);
    }
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

/** SHA-256 of every file under an evidence store's objects/, by relative path. */
export async function evidenceFingerprint(evidenceDir: string): Promise<Record<string, string>> {
  const root = path.join(evidenceDir, 'objects');
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else {
        out[child] = createHash('sha256')
          .update(await readFile(path.join(root, child)))
          .digest('hex');
      }
    }
  };
  await walk('');
  return out;
}
