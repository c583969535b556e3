import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Hand-written statements on the hot paths (every task change, every signed-in request) read
 * and write entities without building a TypeORM query each time: the column list comes from
 * the entity's metadata once, and rows are converted column by column as TypeORM converts
 * what it reads itself (`prepareHydratedValue`: dates, transformers).
 */

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * `alias."column"` for every selectable column of the entity (as a query builder selects them:
 * no virtual column, none declared `select: false`), comma-separated; cached per entity and alias.
 */
export function entityColumnsSql<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  alias: string,
): string {
  const metadata = dataSource.getMetadata(target);
  let byAlias = selectLists.get(metadata);
  if (!byAlias) selectLists.set(metadata, (byAlias = new Map()));
  let sql = byAlias.get(alias);
  if (sql === undefined) {
    const escape = (name: string) => dataSource.driver.escape(name);
    sql = selectableColumns(metadata)
      .map((column) => `${escape(alias)}.${escape(column.databaseName)}`)
      .join(', ');
    byAlias.set(alias, sql);
  }
  return sql;
}

/** An entity from a row as PostgreSQL returned it (a SELECT of entityColumnsSql, RETURNING *). */
export function hydrateEntity<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of selectableColumns(metadata)) {
    if (column.databaseName in row) {
      column.setEntityValue(
        entity,
        dataSource.driver.prepareHydratedValue(row[column.databaseName], column),
      );
    }
  }
  return entity;
}

function selectableColumns(metadata: EntityMetadata) {
  return metadata.columns.filter((column) => !column.isVirtual && column.isSelect);
}

/** Positional parameters ($1, $2…) for a hand-written statement. */
export class PositionalParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
