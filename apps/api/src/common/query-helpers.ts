import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** An ILIKE pattern matching `text` anywhere, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * LIMIT/OFFSET page plus the total. The joins of these queries are to-one, so LIMIT applies
 * per row (TypeORM's skip/take would wrap the query in a DISTINCT subquery that cannot order
 * by joined columns).
 */
export async function offsetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: { first: number; offset: number },
): Promise<{ nodes: T[]; totalCount: number }> {
  const [nodes, totalCount] = await Promise.all([
    query.clone().limit(page.first).offset(page.offset).getMany(),
    query.clone().orderBy().getCount(),
  ]);
  return { nodes, totalCount };
}

/**
 * Runs an UPDATE … RETURNING and gives back the returned rows (TypeORM's PostgreSQL driver
 * answers raw updates with `[rows, affectedCount]`).
 */
export async function updateReturning<T>(
  manager: Pick<EntityManager, 'query'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = (await manager.query(sql, params)) as [T[], number];
  return rows;
}
