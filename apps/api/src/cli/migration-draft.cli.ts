import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createDataSource } from '../database/data-source';
import { runMigrations } from '../database/migrate';
import { print, runCli, withScratchDatabase } from './cli-support';

/**
 * Drafts a migration from the difference between the entities and the migrations (what
 * `typeorm migration:generate` does): `npm run migration:draft -- AddDutyTables`. Read the
 * draft, then add it to migrations/index.ts.
 */
runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z]+$/.test(name)) {
    throw new Error('Usage: npm run migration:draft -- <PascalVerbNoun>, e.g. AddDutyTables');
  }
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  return withScratchDatabase(server, async (url) => {
    const dataSource = createDataSource({ url });
    await dataSource.initialize();
    try {
      await runMigrations(dataSource);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        print('No changes: the migrations already match the entities.');
        return 0;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const line = (q: { query: string; parameters?: unknown[] }) =>
        `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
      const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...sql.downQueries].reverse().map(line).join('\n')}
  }
}
`;
      const file = path.join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
      await writeFile(file, source, { flag: 'wx' });
      print(
        `Wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements). Review it, then add it to migrations/index.ts.`,
      );
      return 0;
    } finally {
      await dataSource.destroy();
    }
  });
});
