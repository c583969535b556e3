import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import {
  buildSchema,
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { loadConfig } from '../../config/config';
import { graphqlOptions } from '../graphql-options';
import { queryCost } from '../query-cost';

const root = path.resolve(__dirname, '../../../../..');

// The largest pages the web app asks for: `$first` up to 500 (the plan's duties; the server
// clamps task, event and evidence lists to 100) and table pages of at most 100 rows. Other
// page sizes it leaves to the argument defaults.
const LARGEST_PAGES = { first: 500, page: { first: 100, offset: 0 } };

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : graphqlFiles(full);
    return entry.name.endsWith('.graphql') ? [full] : [];
  });
}

/**
 * Every operation the web app sends must pass the server's query limits (depth, cost, aliases,
 * directives, tokens) with the default configuration: a page whose query is refused shows
 * nothing useful (a returned-tasks panel once did exactly that: its cost was 23,722 > 5,000).
 * The cost is taken at the largest pages the web app asks for.
 */
describe('the web app’s operations against the server’s query limits', () => {
  const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.graphql'), 'utf8'));
  const config = loadConfig({}, root);
  const options = graphqlOptions(config, pino({ level: 'silent' }));
  const rules = options.validationRules as NonNullable<Parameters<typeof validate>[2]>;
  const files = graphqlFiles(path.join(root, 'apps/web/src'));
  const definitions = files.flatMap(
    (file) => parse(readFileSync(file, 'utf8')).definitions as DocumentNode['definitions'],
  );
  const fragments = definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const operations = definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

  it('finds the web app’s operations', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((operation) => [operation.name?.value ?? '(anonymous)', operation]))(
    '%s passes',
    (_name, operation) => {
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation as OperationDefinitionNode, ...fragments],
      };
      expect(validate(schema, document, rules).map((error) => error.message)).toEqual([]);
      expect(queryCost(schema, document, undefined, LARGEST_PAGES)).toBeLessThanOrEqual(
        config.graphql.maxCost,
      );
    },
  );
});
