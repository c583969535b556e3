import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { DataSource, QueryFailedError } from 'typeorm';
import { createDataSource } from '../data-source';
import { preparedName, queryPrepared } from '../prepared-query';

/**
 * queryPrepared (real PostgreSQL, one pooled connection so that every call meets the same
 * session): a named prepared statement, planned as PostgreSQL's `auto` decides or, with
 * `genericPlan`, with one generic plan from the first execution — and the session's
 * plan_cache_mode back to its default afterwards, also when the statement fails.
 */
describe('queryPrepared', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    db = createDataSource({ url: database.url, poolMax: 1 });
    await db.initialize();
    await db.query(`CREATE TABLE probe AS SELECT g AS n FROM generate_series(1, 1000) g`);
    await db.query(`CREATE INDEX probe_n ON probe (n)`);
    await db.query(`ANALYZE probe`);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const plans = async (sql: string) => {
    const [row] = await db.query(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom
         FROM pg_prepared_statements WHERE name = $1`,
      [preparedName(sql)],
    );
    return row as { generic: number; custom: number };
  };
  const mode = async () =>
    ((await db.query('SHOW plan_cache_mode')) as Array<{ plan_cache_mode: string }>)[0]
      .plan_cache_mode;

  it('plans a custom plan for each of the first executions under auto', async () => {
    const sql = `SELECT count(*)::int AS c FROM probe WHERE n <= $1`;
    for (const limit of [10, 20, 30]) {
      expect(await queryPrepared(db, sql, [limit])).toEqual([{ c: limit }]);
    }
    expect(await plans(sql)).toEqual({ generic: 0, custom: 3 });
  });

  it('with genericPlan, plans once and reuses the generic plan, then resets the session', async () => {
    const sql = `SELECT count(*)::int AS c FROM probe WHERE n <= $1 AND n > 0`;
    for (const limit of [10, 20, 30]) {
      expect(await queryPrepared(db, sql, [limit], { genericPlan: true })).toEqual([{ c: limit }]);
    }
    expect(await plans(sql)).toEqual({ generic: 3, custom: 0 });
    expect(await mode()).toBe('auto');
  });

  it('resets the session when the statement fails, and throws as TypeORM does', async () => {
    const sql = `SELECT 1 / $1::int AS q FROM probe WHERE n = 1`;
    await expect(queryPrepared(db, sql, [0], { genericPlan: true })).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    expect(await mode()).toBe('auto');
    expect(await queryPrepared(db, sql, [1], { genericPlan: true })).toEqual([{ q: 1 }]);
  });
});
