import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppModule } from '../app.module';
import { print, runCli } from './cli-support';
import { schemaSdlOf } from './schema-sdl';

const DEFAULT_OUTPUT = 'apps/api/schema.graphql';

const SCHEMA_FILE_HEADER = [
  '# The GraphQL schema of the API, generated from its resolvers by `npm run schema:print`.',
  '# Do not edit: the web app generates its operation types from this file (`npm run codegen`).',
  '',
  '',
].join('\n');

/**
 * Writes the API's GraphQL schema (SDL, sorted) to `apps/api/schema.graphql`, or to the path
 * given as the first argument. Built from the real module tree, as the server builds it, but
 * with no database and no server: nothing in the tree is instantiated.
 */
runCli(async (config, logger) => {
  const output = path.resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  // Only the module tree is read; the database settings are never used.
  const appModule = AppModule.forRoot({ config, logger, databaseUrl: '', embeddedDatabase: false });
  await writeFile(output, `${SCHEMA_FILE_HEADER}${await schemaSdlOf(appModule)}\n`);
  print(`GraphQL schema written to ${path.relative(process.cwd(), output)}.`);
});
