import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, item 2: the task list's search over duty text, unit and lead department, Chinese
 * included, and the task log in time order.
 *
 * pg_trgm does not serve: under the embedded database's C locale it treats every Chinese
 * character as a separator (no trigrams at all), and a trigram index cannot answer a
 * two-character term such as 检查. Instead `search_grams` gives the distinct lower-cased
 * characters and character pairs of a text (pairs with whitespace left out); GIN expression
 * indexes over it on the searched tables let `search_grams(text) @> search_query_grams(term)`
 * find the candidate rows, and ILIKE then confirms the substring. Both functions are pure
 * (IMMUTABLE), as an index expression must be. search_grams is declared costly (it is: a few
 * milliseconds on a long duty text), so that the planner reads the index instead of computing
 * it row by row in a sequential scan even on the small tables of the demo (0.2 ms against 62 ms
 * for the duties, EXPLAIN ANALYZE).
 */
export class AddTaskSearchIndexes1796720000000 implements MigrationInterface {
  name = 'AddTaskSearchIndexes1796720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION search_grams(input text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}'::text[])
        FROM (
          SELECT substr(lower(input), i, 1) AS g FROM generate_series(1, length(input)) AS i
          UNION ALL
          SELECT substr(lower(input), i, 2) FROM generate_series(1, length(input) - 1) AS i
        ) AS grams
        WHERE g !~ '[[:space:]]'
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_query_grams(term text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE
          WHEN length(term) < 2 THEN ARRAY[lower(term)]
          ELSE (SELECT array_agg(DISTINCT substr(lower(term), i, 2)) FROM generate_series(1, length(term) - 1) AS i)
        END
      $$`);
    await queryRunner.query(
      `CREATE INDEX "IDX_duty_search_grams" ON "duty" USING gin (search_grams("text" || ' ' || "subject"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_admin_unit_search_grams" ON "admin_unit" USING gin (search_grams("name"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_department_search_grams" ON "department" USING gin (search_grams("name" || ' ' || "kind_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_task_duty" ON "task" ("duty_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_task_event_time" ON "task_event" ("occurred_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_task_event_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_task_duty"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_department_search_grams"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_admin_unit_search_grams"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_duty_search_grams"`);
    await queryRunner.query(`DROP FUNCTION search_query_grams(text)`);
    await queryRunner.query(`DROP FUNCTION search_grams(text)`);
  }
}
