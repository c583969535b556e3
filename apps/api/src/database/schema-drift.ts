import { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would generate to make the database match the entities (what
 * `migration:generate` would write). Empty on a database migrated to the latest version
 * exactly when the migrations and the entities agree.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
