import path from 'node:path';
import { EVIDENCE_FILE_TYPES, EvidenceFileType } from '@duty/api/file-types';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(fallback);

const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      return false;
    }
  }, 'must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@host:5432/dbname');

/**
 * Every environment variable the API reads. Keep README.md's configuration table in step.
 * Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: positiveInt(10, 200),
  DATABASE_SSL: booleanFlag.default(false),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  EMBEDDED_PG_DATA_DIR: z.string().trim().min(1).optional(),
  EMBEDDED_PG_PORT: port(0),
  MIGRATIONS_RUN: booleanFlag.default(true),
  SEED_DEMO_DATA: booleanFlag.optional(),
  SEED_DEMO_CYCLE: booleanFlag.default(true),
  WEB_DIST_DIR: z.string().trim().min(1).default('dist/web'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000, 600_000),
  GRAPHQL_MAX_DEPTH: positiveInt(12, 100),
  GRAPHQL_MAX_COST: positiveInt(5_000, 1_000_000),
  GRAPHQL_MAX_ALIASES: positiveInt(15, 1_000),
  GRAPHQL_MAX_DIRECTIVES: positiveInt(20, 1_000),
  GRAPHQL_MAX_TOKENS: positiveInt(5_000, 1_000_000),
  SESSION_IDLE_MINUTES: positiveInt(30, 24 * 60),
  SESSION_ABSOLUTE_HOURS: positiveInt(8, 24 * 7),
  SESSION_COOKIE_SECURE: booleanFlag.optional(),
  LOCKOUT_THRESHOLD: positiveInt(5, 100),
  LOCKOUT_MINUTES: positiveInt(15, 24 * 60),
  PASSWORD_HASH_COST_LOG2: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(10, 'must be between 10 and 20')
    .max(20, 'must be between 10 and 20')
    .default(15),
  AUDIT_LOG_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(184, 'must be at least 184 (six months, MLPS 2.0)')
    .max(36_500, 'must be at most 36500')
    .default(184),
  EVIDENCE_DIR: z.string().trim().min(1).optional(),
  EVIDENCE_MAX_FILE_BYTES: positiveInt(50 * 1024 * 1024, 4 * 1024 ** 3),
  EVIDENCE_MAX_FILES: positiveInt(10, 100),
  EVIDENCE_ALLOWED_TYPES: z
    .string()
    .trim()
    .transform((value) =>
      value
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (types) =>
        types.length > 0 &&
        types.every((t) => (EVIDENCE_FILE_TYPES as readonly string[]).includes(t)),
      `must be a comma-separated list of: ${EVIDENCE_FILE_TYPES.join(', ')}`,
    )
    .optional(),
  EVIDENCE_FSCK_INTERVAL_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 (off) and 8760')
    .max(8760, 'must be between 0 (off) and 8760')
    .default(24),
});

export type DatabaseConfig =
  | { kind: 'external'; url: string; poolMax: number; ssl: boolean }
  | { kind: 'embedded'; dataDir: string; port: number; poolMax: number };

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dataDir: string;
  database: DatabaseConfig;
  runMigrations: boolean;
  seedDemoData: boolean;
  /** With the demo data: the 2026 demo cycle and its tasks. */
  seedDemoCycle: boolean;
  webDistDir: string;
  shutdownTimeoutMs: number;
  auth: {
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    cookieSecure: boolean;
    lockoutThreshold: number;
    lockoutMs: number;
    passwordCostLog2: number;
    auditRetentionDays: number;
  };
  evidence: {
    /** Root of the content-addressed evidence store (佐证材料). */
    dir: string;
    maxFileBytes: number;
    maxFilesPerRequest: number;
    allowedTypes: readonly EvidenceFileType[];
    /** Hours between scheduled integrity checks; 0 turns the schedule off. */
    fsckIntervalHours: number;
  };
  graphql: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment and returns the typed configuration, or throws a ConfigError naming each bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): AppConfig {
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(unknown)');
        return `${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? null)})`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'external', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, ssl: e.DATABASE_SSL }
    : {
        kind: 'embedded',
        dataDir: path.resolve(cwd, e.EMBEDDED_PG_DATA_DIR ?? path.join(e.DATA_DIR, 'postgres')),
        port: e.EMBEDDED_PG_PORT,
        poolMax: e.DATABASE_POOL_MAX,
      };
  return {
    nodeEnv: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir,
    database,
    runMigrations: e.MIGRATIONS_RUN,
    // Demo data is loaded by default only on the embedded database outside production: a
    // newcomer's `npm start` shows something, a production database never gets it unasked.
    seedDemoData: e.SEED_DEMO_DATA ?? (database.kind === 'embedded' && e.NODE_ENV !== 'production'),
    seedDemoCycle: e.SEED_DEMO_CYCLE,
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    auth: {
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.SESSION_COOKIE_SECURE ?? e.NODE_ENV === 'production',
      lockoutThreshold: e.LOCKOUT_THRESHOLD,
      lockoutMs: e.LOCKOUT_MINUTES * 60_000,
      passwordCostLog2: e.PASSWORD_HASH_COST_LOG2,
      auditRetentionDays: e.AUDIT_LOG_RETENTION_DAYS,
    },
    evidence: {
      dir: path.resolve(cwd, e.EVIDENCE_DIR ?? path.join(e.DATA_DIR, 'evidence')),
      maxFileBytes: e.EVIDENCE_MAX_FILE_BYTES,
      maxFilesPerRequest: e.EVIDENCE_MAX_FILES,
      allowedTypes: (e.EVIDENCE_ALLOWED_TYPES as EvidenceFileType[] | undefined) ?? [
        ...EVIDENCE_FILE_TYPES,
      ],
      fsckIntervalHours: e.EVIDENCE_FSCK_INTERVAL_HOURS,
    },
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
    },
  };
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
