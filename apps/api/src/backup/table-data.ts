import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';

/**
 * Table data in a form that any PostgreSQL server (15, 16, …) reads back exactly: each row as
 * its composite text (the row type's own output function, `t::text`), one JSON string per line,
 * rows ordered by that text in byte order. Reading it back casts the text to the table's row
 * type (`$1::table`), so every type round-trips through its own input function, and the same
 * migrations give the same row type. The SHA-256 of the lines is the table's content checksum:
 * equal checksums mean equal rows.
 */

export interface TableInfo {
  name: string;
  /** Columns a restore inserts (generated columns are computed again). */
  insertColumns: string[];
  /** The table has an identity column GENERATED ALWAYS (needs OVERRIDING SYSTEM VALUE). */
  identityAlways: boolean;
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

const FETCH_ROWS = 2000;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The ordinary tables of the `public` schema, except `exclude`, in an order where every table
 * comes after the tables its foreign keys point to (self references aside).
 */
export async function listTables(client: ClientBase, exclude: string[]): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const names = tables.rows.map((r) => r.name).filter((name) => !exclude.includes(name));
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of edges.rows) {
    if (child !== parent && parents.has(child) && parents.has(parent)) {
      parents.get(child)!.add(parent);
    }
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p)),
    );
    if (!ready.length) {
      const left = names.filter((name) => !done.has(name));
      throw new Error(`Foreign keys form a cycle between tables: ${left.join(', ')}`);
    }
    for (const name of ready) {
      ordered.push(name);
      done.add(name);
    }
  }
  const columns = await client.query<{
    table: string;
    column: string;
    generated: string;
    identity: string;
  }>(
    `SELECT c.relname AS "table", a.attname AS "column", a.attgenerated AS generated,
            a.attidentity AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  return ordered.map((name) => {
    const own = columns.rows.filter((c) => c.table === name);
    return {
      name,
      insertColumns: own.filter((c) => c.generated === '').map((c) => c.column),
      identityAlways: own.some((c) => c.identity === 'a'),
    };
  });
}

/**
 * Streams a table's rows as lines (see above) to `onLines`, in the caller's transaction (the
 * backup's snapshot). Returns the row count and the content checksum.
 */
export async function readTable(
  client: ClientBase,
  table: string,
  onLines?: (chunk: string) => Promise<void> | void,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  const cursor = 'backup_rows';
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT t::text AS r FROM public.${quoteIdent(table)} t ORDER BY t::text COLLATE "C"`,
  );
  try {
    for (;;) {
      const batch = await client.query<{ r: string }>(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
      if (!batch.rows.length) break;
      let chunk = '';
      for (const { r } of batch.rows) chunk += `${JSON.stringify(r)}\n`;
      hash.update(chunk);
      rows += batch.rows.length;
      await onLines?.(chunk);
    }
  } finally {
    await client.query(`CLOSE ${cursor}`);
  }
  return { rows, sha256: hash.digest('hex') };
}

/** Inserts rows (their composite texts) into `table`, keeping every column's value. */
export async function insertRows(
  client: ClientBase,
  table: TableInfo,
  rowTexts: string[],
): Promise<void> {
  if (!rowTexts.length) return;
  const columns = table.insertColumns.map(quoteIdent);
  await client.query(
    `INSERT INTO public.${quoteIdent(table.name)} (${columns.join(', ')})
     ${table.identityAlways ? 'OVERRIDING SYSTEM VALUE' : ''}
     SELECT ${columns.map((c) => `(x).${c}`).join(', ')}
       FROM (SELECT r::public.${quoteIdent(table.name)} AS x FROM unnest($1::text[]) AS r) AS s`,
    [rowTexts],
  );
}

/** Every sequence of the `public` schema with its current state (in the caller's snapshot). */
export async function readSequences(client: ClientBase): Promise<SequenceValue[]> {
  const names = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names.rows) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`,
    );
    values.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  return values;
}

export async function writeSequences(client: ClientBase, values: SequenceValue[]): Promise<void> {
  for (const { name, lastValue, isCalled } of values) {
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
      `public.${quoteIdent(name)}`,
      lastValue,
      isCalled,
    ]);
  }
}
