import pino from 'pino';
import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { AppConfig, loadConfig } from '../config/config';
import { createServer, RunningServer } from '../server/create-server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestApi {
  server: RunningServer;
  database: TestDatabase;
  config: AppConfig;
  url: string;
  /** POSTs a GraphQL operation as the web app does and returns the parsed response. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real API (Nest, GraphQL, TypeORM) on a free port against a fresh migrated database
 * of its own. `env` overrides configuration variables, e.g. NODE_ENV=production.
 */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'true',
    WEB_DIST_DIR: '/nonexistent-web-build',
    ...env,
  });
  const logger = pino({ level: config.logLevel });
  let server: RunningServer;
  try {
    server = await createServer(config, logger, { databaseUrl: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const url = server.url;
  return {
    server,
    database,
    config,
    url,
    graphql: async (query, variables, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
