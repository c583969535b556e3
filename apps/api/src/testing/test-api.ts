import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { DEMO_PASSWORD } from '../user/demo-accounts';
export { samplePdf } from '@duty/api/file-types';
import { Clock } from '../auth/clock';
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
  /** Signs in and returns a client that sends that session's token. */
  signIn(username: string, password?: string): Promise<SignedInClient>;
  close(): Promise<void>;
}

/**
 * Boots the real API (Nest, GraphQL, TypeORM) on a free port against a fresh migrated database
 * of its own. `env` overrides configuration variables, e.g. NODE_ENV=production.
 */
export interface TestApiOptions {
  clock?: Clock;
  /**
   * Run the app as the least-privilege role TEST_APP_ROLE (the global setup creates it), the
   * database's owner migrating and granting, as in production; default: as the owner.
   */
  leastPrivilege?: boolean;
}

/** The test run's application role (cluster-wide; created by the global setup). */
export const TEST_APP_ROLE = { user: 'duty_test_app', password: 'duty_test_app' };

function asTestAppRole(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE.user;
  u.password = TEST_APP_ROLE.password;
  return u.toString();
}

export async function startTestApi(
  env: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const evidenceDir = await mkdtemp(path.join(os.tmpdir(), 'duty-evidence-'));
  // The signing key of this server alone (never the developer's .data/keys).
  const keysDir = await mkdtemp(path.join(os.tmpdir(), 'duty-keys-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'true',
    WEB_DIST_DIR: '/nonexistent-web-build',
    // Cheaper password hashing keeps sign-in-heavy tests fast; production uses 2^15.
    PASSWORD_HASH_COST_LOG2: '12',
    // Task tests create their own cycles; the demo cycle is tested on its own.
    SEED_DEMO_CYCLE: 'false',
    EVIDENCE_DIR: evidenceDir,
    // The scheduled integrity check stays off; tests run it explicitly.
    EVIDENCE_FSCK_INTERVAL_HOURS: '0',
    SIGNING_KEY_FILE: path.join(keysDir, 'signing-key.pem'),
    SIGNING_PUBLIC_KEYS_DIR: path.join(keysDir, 'public'),
    MFA_KEY_FILE: path.join(keysDir, 'mfa.key'),
    ...env,
  });
  const logger = pino({ level: config.logLevel });
  let server: RunningServer;
  try {
    server = await createServer(config, logger, {
      ...(options.leastPrivilege
        ? { databaseUrl: asTestAppRole(database.url), databaseOwnerUrl: database.url }
        : { databaseUrl: database.url }),
      clock: options.clock,
    });
  } catch (error) {
    await database.drop();
    await rm(evidenceDir, { recursive: true, force: true });
    await rm(keysDir, { recursive: true, force: true });
    throw error;
  }
  const url = server.url;
  const graphql: TestApi['graphql'] = async (query, variables, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body } as never;
  };
  return {
    server,
    database,
    config,
    url,
    graphql,
    signIn: async (username, password = DEMO_PASSWORD) => {
      const res = await graphql<{ signIn: { token: string } }>(SIGN_IN, {
        input: { username, password },
      });
      if (!res.data)
        throw new Error(`sign-in as ${username} failed: ${JSON.stringify(res.errors)}`);
      const token = res.data.signIn.token;
      return {
        token,
        cookie: res.headers.get('set-cookie'),
        graphql: (query, variables, headers = {}) =>
          graphql(query, variables, { authorization: `Bearer ${token}`, ...headers }),
      };
    },
    close: async () => {
      // No request is in flight when a test file ends: idle connections need not run out.
      await server.close({ cutIdleConnections: true });
      await database.drop();
      await rm(config.evidence.dir, { recursive: true, force: true });
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

export interface UploadFile {
  name: string;
  content: Buffer | Uint8Array;
  /** The client's Content-Type: ignored by the server (type is decided by content). */
  type?: string;
}

export interface UploadResponse {
  status: number;
  body: {
    code?: string;
    message?: string;
    files?: Array<{ name: string; code: string; reason: string }>;
    evidence?: Array<Record<string, unknown> & { id: string; sha256: string; fileName: string }>;
  };
}

/** Uploads evidence files to a task through the multipart endpoint, as the dashboard does. */
export async function uploadEvidence(
  api: Pick<TestApi, 'url'>,
  client: Pick<SignedInClient, 'token'>,
  taskId: string,
  files: UploadFile[],
  fields: Record<string, string> = {},
): Promise<UploadResponse> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) {
    form.append(
      'files',
      new Blob([file.content as Uint8Array], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  const res = await fetch(`${api.url}/api/tasks/${taskId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'x-requested-with': 'test' },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as UploadResponse['body'] };
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }`;

export interface SignedInClient {
  token: string;
  cookie: string | null;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

/** Every root operation of the served schema, as `Query.name` / `Mutation.name`, sorted. */
export async function rootOperations(api: TestApi): Promise<string[]> {
  const res = await api.graphql<{
    __schema: {
      queryType: { fields: Array<{ name: string }> };
      mutationType: { fields: Array<{ name: string }> };
    };
  }>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
  return [
    ...res.data!.__schema.queryType.fields.map((f) => `Query.${f.name}`),
    ...res.data!.__schema.mutationType.fields.map((f) => `Mutation.${f.name}`),
  ].sort();
}

/**
 * The newest security audit row of `action` once there are more than `before` of them: a
 * download is audited after its body has been sent (with the bytes and hash it wrote), so the
 * client can finish reading first. Waits up to `timeoutMs`, then fails naming the action.
 */
export async function auditAfter(
  db: { query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> },
  action: string,
  before: number,
  timeoutMs = 5000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.query(
      `SELECT result, detail, (SELECT count(*)::int FROM security_audit_log WHERE action = $1) AS n
         FROM security_audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1`,
      [action],
    );
    if (rows.length && Number(rows[0].n) > before) return rows[0];
    if (Date.now() > deadline) throw new Error(`No new ${action} audit row within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many security audit rows of `action` there are (for `auditAfter`). */
export async function auditCount(
  db: { query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> },
  action: string,
): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM security_audit_log WHERE action = $1`,
    [action],
  );
  return Number(row.n);
}
