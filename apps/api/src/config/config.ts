import { parseProvinceList } from '@duty/shared/admin-units';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { algorithmUnavailable, type SignatureAlgorithm } from '@duty/api/evidence-pack';
import { EVIDENCE_FILE_TYPES, EvidenceFileType } from '@duty/api/file-types';
import { z } from 'zod';
import { postgresUrl } from './env-schemas';
import { DatabaseJit, parseDatabaseJit } from '../database/database-jit';
import { Role } from '../auth/role';
import { URGING_ENV, UrgingConfig, urgingConfigFrom } from '../urging/urging-config';
import {
  OIDC_ENV,
  SignOnConfig,
  signOnConfigFrom,
  signOnConfigProblems,
} from '../auth/oidc/oidc-config';
import {
  NOTIFICATION_ENV,
  NotificationConfig,
  notificationConfigFrom,
  notificationConfigProblems,
} from '../notification/notification-config';
import { METRICS_ENV, MetricsConfig, metricsConfigFrom } from '../metrics/metrics-config';
import {
  EVIDENCE_STORE_ENV,
  EvidenceStoreConfig,
  evidenceStoreConfigFrom,
  evidenceStoreConfigProblems,
} from '../evidence/evidence-store-config';
import {
  READ_REPLICA_ENV,
  ReadReplicaConfig,
  readReplicaConfigFrom,
  readReplicaConfigProblems,
} from '../read-replica/read-replica-config';

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

const databaseUrl = postgresUrl('');

/** Keywords Express's `trust proxy` understands besides addresses and subnets. */
const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_KEYWORDS.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Every environment variable the API reads. Keep README.md's configuration table in step.
 * Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: databaseUrl.optional(),
  // The owner of the schema, for migrations and for granting the application role (DATABASE_URL)
  // its rights; without it the application migrates with DATABASE_URL itself.
  DATABASE_OWNER_URL: databaseUrl.optional(),
  DATABASE_POOL_MAX: positiveInt(10, 200),
  DATABASE_SSL: booleanFlag.default(false),
  // JIT compilation for the application's sessions: off (default), on (the server's setting)
  // or a plan cost above which it is used (jit_above_cost). See DatabaseJit.
  DATABASE_JIT: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const jit = parseDatabaseJit(v);
      if (jit === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be off, on or a plan cost (an integer ≥ 1)',
        });
        return z.NEVER;
      }
      return jit;
    })
    .default('off'),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  EMBEDDED_PG_DATA_DIR: z.string().trim().min(1).optional(),
  EMBEDDED_PG_PORT: port(0),
  MIGRATIONS_RUN: booleanFlag.default(true),
  SEED_DEMO_DATA: booleanFlag.optional(),
  SEED_DEMO_CYCLE: booleanFlag.default(true),
  /**
   * The provinces this deployment holds (their units are loaded from the division package at
   * each start): `all`, or codes such as `42` or `42,43`. The demo is Hubei's.
   */
  PROVINCES: z
    .string()
    .trim()
    .default('42')
    .transform((value, ctx) => {
      try {
        return parseProvinceList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  WEB_DIST_DIR: z.string().trim().min(1).default('dist/web'),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000, 600_000),
  // Requests get 503 while the database is gone; past this the process exits non-zero (and
  // /health fails) so that an orchestrator or systemd restarts it.
  DATABASE_OUTAGE_LIMIT_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(5, 'must be between 5 and 86400')
    .max(86_400, 'must be between 5 and 86400')
    .default(120),
  GRAPHQL_MAX_DEPTH: positiveInt(12, 100),
  // Page sizes count in the cost (a page of 100 tasks with the task list's fields is ~18,000;
  // 500 duties with their cues and history ~69,000); fifteen pages of 100 tasks with history
  // and evidence (~186,000) are refused.
  GRAPHQL_MAX_COST: positiveInt(75_000, 1_000_000),
  // Heavy operations (cost ≥ GRAPHQL_HEAVY_COST) run within a per-user budget: so many at once
  // (one more waits up to GRAPHQL_HEAVY_WAIT_MS), so many seconds of them per minute.
  GRAPHQL_HEAVY_COST: positiveInt(20_000, 1_000_000),
  GRAPHQL_HEAVY_CONCURRENCY_PER_USER: positiveInt(2, 100),
  GRAPHQL_HEAVY_SECONDS_PER_MINUTE: positiveInt(30, 3_600),
  GRAPHQL_HEAVY_WAIT_MS: positiveInt(5_000, 60_000),
  GRAPHQL_MAX_ALIASES: positiveInt(15, 1_000),
  GRAPHQL_MAX_DIRECTIVES: positiveInt(20, 1_000),
  GRAPHQL_MAX_TOKENS: positiveInt(5_000, 1_000_000),
  SESSION_IDLE_MINUTES: positiveInt(30, 24 * 60),
  SESSION_ABSOLUTE_HOURS: positiveInt(8, 24 * 7),
  SESSION_COOKIE_SECURE: booleanFlag.optional(),
  // Failures from all addresses together that lock an account; more than one address may make
  // for one username (SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT), so one address cannot lock it.
  LOCKOUT_THRESHOLD: positiveInt(20, 1_000),
  LOCKOUT_MINUTES: positiveInt(15, 24 * 60),
  SIGN_IN_WINDOW_MINUTES: positiveInt(15, 24 * 60),
  SIGN_IN_MAX_FAILURES_PER_IP: positiveInt(20, 100_000),
  SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT: positiveInt(5, 1_000),
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 64')
    .max(64, 'must be between 1 and 64')
    .optional(),
  PASSWORD_HASH_MAX_QUEUED: positiveInt(1_000, 100_000),
  PASSWORD_HISTORY: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 (off) and 24')
    .max(24, 'must be between 0 (off) and 24')
    .default(5),
  // Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses, CIDR subnets or
  // loopback, linklocal, uniquelocal. None by default: the client is the socket's address.
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every(isProxyEntry),
      `must be a comma-separated list of IP addresses, CIDR subnets (10.0.0.0/8) or ${PROXY_KEYWORDS.join(', ')}`,
    )
    .optional(),
  HSTS: z.enum(['auto', 'on', 'off']).default('auto'),
  // Second factor (TOTP): required for MFA_REQUIRED_ROLES when on; on by default in production.
  MFA_REQUIRED: booleanFlag.optional(),
  MFA_REQUIRED_ROLES: z
    .string()
    .trim()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim().toUpperCase())
        .filter(Boolean),
    )
    .refine(
      (roles) => roles.every((r) => (Object.values(Role) as string[]).includes(r)),
      `must be a comma-separated list of: ${Object.values(Role).join(', ')}`,
    )
    .optional(),
  // The AES-256 key that seals TOTP secrets in the database; kept outside it, created if missing.
  MFA_KEY_FILE: z.string().trim().min(1).optional(),
  MFA_ISSUER: z.string().trim().min(1).max(60).default('履职督办系统'),
  // Days after which a password must be changed at the next sign-in; unset: no maximum age.
  PASSWORD_MAX_AGE_DAYS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 3650 (leave unset for no maximum)')
    .max(3650, 'must be between 1 and 3650 (leave unset for no maximum)')
    .optional(),
  // The private key that signs sealed evidence packs and result sets: outside the database,
  // created (0600, in a 0700 directory) at the first start when missing; never logged.
  SIGNING_KEY_FILE: z.string().trim().min(1).optional(),
  // Public keys of the current and every earlier signing key (kept across rotations), served at
  // /.well-known/duty-signing-keys.json.
  SIGNING_PUBLIC_KEYS_DIR: z.string().trim().min(1).optional(),
  // The algorithm of a key generated at start: ed25519, or sm2 where OpenSSL offers it.
  SIGNING_ALGORITHM: z.enum(['ed25519', 'sm2']).default('ed25519'),
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
  AUDIT_VERIFY_INTERVAL_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 (off) and 8760')
    .max(8760, 'must be between 0 (off) and 8760')
    .default(24),
  EVIDENCE_STAGING_SWEEP_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be between 0 (off) and 86400')
    .max(86_400, 'must be between 0 (off) and 86400')
    .default(900),
  // An upload writes its staging file continuously (its mtime stays fresh), and a finished one
  // is committed within seconds; an hour without a write is a leftover.
  EVIDENCE_STAGING_MAX_AGE_MINUTES: positiveInt(60, 7 * 24 * 60),
  // 三色督办单 rules (urging/urging-config.ts).
  ...URGING_ENV,
  // Notifications, the delivery outbox and the job runner (notification/notification-config.ts).
  ...NOTIFICATION_ENV,
  // /metrics: bearer token and/or management listener (metrics/metrics-config.ts).
  ...METRICS_ENV,
  // A hot standby for analytics and task list reads (read-replica/read-replica-config.ts).
  ...READ_REPLICA_ENV,
  // Evidence in a local directory or an S3-compatible bucket (evidence/evidence-store-config.ts).
  ...EVIDENCE_STORE_ENV,
  // Single sign-on (OIDC) and password sign-in (auth/oidc/oidc-config.ts).
  ...OIDC_ENV,
});

export type DatabaseConfig =
  | {
      kind: 'external';
      url: string;
      /** Migrations and grants run as this role when set (least privilege for `url`). */
      ownerUrl?: string;
      poolMax: number;
      ssl: boolean;
      /** JIT for the application's sessions (DATABASE_JIT). */
      jit: DatabaseJit;
    }
  | { kind: 'embedded'; dataDir: string; port: number; poolMax: number; jit: DatabaseJit };

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
  /** With the demo data: the demo cycle (placed around the day of seeding) and its tasks. */
  seedDemoCycle: boolean;
  /** The provinces (XX0000) whose units this deployment loads (PROVINCES). */
  provinces: readonly string[];
  webDistDir: string;
  shutdownTimeoutMs: number;
  /** Hours between scheduled audit hash-chain checks; 0 turns the schedule off. */
  auditVerifyIntervalHours: number;
  /** A database outage longer than this makes /health fail and the server exit non-zero. */
  databaseOutageLimitMs: number;
  http: {
    /** Express `trust proxy` entries; empty: X-Forwarded-* is ignored. */
    trustedProxies: readonly string[];
    /** auto: Strict-Transport-Security on requests that came over TLS; on: always; off: never. */
    hsts: 'auto' | 'on' | 'off';
  };
  /** Signing of sealed evidence packs and frozen result sets. */
  signing: {
    /** The private key (PKCS#8 PEM). */
    keyFile: string;
    /** Public keys (`<kid>.pem`) of this and earlier keys. */
    publicKeysDir: string;
    /** The algorithm of a key generated when keyFile is missing. */
    algorithm: SignatureAlgorithm;
  };
  auth: {
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    cookieSecure: boolean;
    /** Consecutive failures from all addresses that lock an account. */
    lockoutThreshold: number;
    lockoutMs: number;
    signInThrottle: {
      windowMs: number;
      maxFailuresPerIp: number;
      maxFailuresPerIpAccount: number;
    };
    passwordCostLog2: number;
    passwordHashConcurrency: number;
    passwordHashMaxQueued: number;
    /** A new password may not be one of this many earlier ones (nor the current one). */
    passwordHistory: number;
    /** A password older than this must be changed at the next sign-in; null: no maximum age. */
    passwordMaxAgeMs: number | null;
    mfa: {
      /** Whether the roles below must use a second factor (others may). */
      required: boolean;
      requiredRoles: readonly Role[];
      /** File holding the 32-byte key that seals TOTP secrets (outside the database). */
      keyFile: string;
      /** Shown by authenticator apps next to the account name. */
      issuer: string;
    };
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
    /** Milliseconds between sweeps of stale staging files (`.part`); 0: at start only. */
    stagingSweepIntervalMs: number;
    /** A staging file untouched for this long is a leftover of an interrupted upload. */
    stagingMaxAgeMs: number;
    /** The local directory (`dir`) or an S3-compatible bucket. */
    store: EvidenceStoreConfig;
  };
  /** 三色督办单 rules, number pattern and assessment deductions. */
  urging: UrgingConfig;
  /** Notification channels, the outbox dispatcher and the job runner. */
  notifications: NotificationConfig;
  /** Prometheus `/metrics`: where it is served and the token it requires. */
  metrics: MetricsConfig;
  /** The streaming replica that analytics and task list reads may use. */
  readReplica: ReadReplicaConfig;
  /** Single sign-on through OpenID Connect, and who may still use a password. */
  signOn: SignOnConfig;
  graphql: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    heavy: {
      threshold: number;
      concurrentPerUser: number;
      secondsPerMinute: number;
      waitMs: number;
    };
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
  if (e.SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT >= e.LOCKOUT_THRESHOLD) {
    throw new ConfigError([
      `SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT (${e.SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT}) must be below LOCKOUT_THRESHOLD (${e.LOCKOUT_THRESHOLD}), or one address could lock any account out`,
    ]);
  }
  const signingAlgorithm: SignatureAlgorithm = e.SIGNING_ALGORITHM === 'sm2' ? 'SM2' : 'Ed25519';
  const signingUnavailable = algorithmUnavailable(signingAlgorithm);
  if (signingUnavailable !== null) {
    throw new ConfigError([
      `SIGNING_ALGORITHM: ${e.SIGNING_ALGORITHM} cannot be used: ${signingUnavailable}; use ed25519`,
    ]);
  }
  const notificationProblems = notificationConfigProblems(e);
  if (notificationProblems.length > 0) throw new ConfigError(notificationProblems);
  const signOnProblems = signOnConfigProblems(e, e.NODE_ENV === 'production');
  if (signOnProblems.length > 0) throw new ConfigError(signOnProblems);
  const evidenceStoreProblems = evidenceStoreConfigProblems(e);
  if (evidenceStoreProblems.length > 0) throw new ConfigError(evidenceStoreProblems);
  const replicaProblems = readReplicaConfigProblems(e);
  if (replicaProblems.length > 0) throw new ConfigError(replicaProblems);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new ConfigError([
      'DATABASE_OWNER_URL: needs DATABASE_URL (the application role) as well; the embedded database creates both roles itself',
    ]);
  }
  const database: DatabaseConfig = e.DATABASE_URL
    ? {
        kind: 'external',
        url: e.DATABASE_URL,
        ...(e.DATABASE_OWNER_URL ? { ownerUrl: e.DATABASE_OWNER_URL } : {}),
        poolMax: e.DATABASE_POOL_MAX,
        ssl: e.DATABASE_SSL,
        jit: e.DATABASE_JIT,
      }
    : {
        kind: 'embedded',
        dataDir: path.resolve(cwd, e.EMBEDDED_PG_DATA_DIR ?? path.join(e.DATA_DIR, 'postgres')),
        port: e.EMBEDDED_PG_PORT,
        poolMax: e.DATABASE_POOL_MAX,
        jit: e.DATABASE_JIT,
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
    provinces: e.PROVINCES,
    webDistDir: path.resolve(cwd, e.WEB_DIST_DIR),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    auditVerifyIntervalHours: e.AUDIT_VERIFY_INTERVAL_HOURS,
    databaseOutageLimitMs: e.DATABASE_OUTAGE_LIMIT_SECONDS * 1000,
    http: { trustedProxies: e.TRUSTED_PROXIES ?? [], hsts: e.HSTS },
    signing: {
      keyFile: path.resolve(
        cwd,
        e.SIGNING_KEY_FILE ?? path.join(e.DATA_DIR, 'keys', 'signing-key.pem'),
      ),
      publicKeysDir: path.resolve(
        cwd,
        e.SIGNING_PUBLIC_KEYS_DIR ?? path.join(e.DATA_DIR, 'keys', 'signing-public-keys'),
      ),
      algorithm: signingAlgorithm,
    },
    auth: {
      sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.SESSION_COOKIE_SECURE ?? e.NODE_ENV === 'production',
      lockoutThreshold: e.LOCKOUT_THRESHOLD,
      lockoutMs: e.LOCKOUT_MINUTES * 60_000,
      signInThrottle: {
        windowMs: e.SIGN_IN_WINDOW_MINUTES * 60_000,
        maxFailuresPerIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
        maxFailuresPerIpAccount: e.SIGN_IN_MAX_FAILURES_PER_IP_ACCOUNT,
      },
      passwordCostLog2: e.PASSWORD_HASH_COST_LOG2,
      passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY ?? defaultHashConcurrency(),
      passwordHashMaxQueued: e.PASSWORD_HASH_MAX_QUEUED,
      passwordHistory: e.PASSWORD_HISTORY,
      passwordMaxAgeMs: e.PASSWORD_MAX_AGE_DAYS ? e.PASSWORD_MAX_AGE_DAYS * 86_400_000 : null,
      mfa: {
        required: e.MFA_REQUIRED ?? e.NODE_ENV === 'production',
        requiredRoles: (e.MFA_REQUIRED_ROLES as Role[] | undefined) ?? MFA_DEFAULT_ROLES,
        keyFile: path.resolve(cwd, e.MFA_KEY_FILE ?? path.join(e.DATA_DIR, 'keys', 'mfa.key')),
        issuer: e.MFA_ISSUER,
      },
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
      stagingSweepIntervalMs: e.EVIDENCE_STAGING_SWEEP_SECONDS * 1000,
      stagingMaxAgeMs: e.EVIDENCE_STAGING_MAX_AGE_MINUTES * 60_000,
      store: evidenceStoreConfigFrom(e),
    },
    urging: urgingConfigFrom(e),
    notifications: notificationConfigFrom(e),
    metrics: metricsConfigFrom(e),
    readReplica: readReplicaConfigFrom(e),
    signOn: signOnConfigFrom(e, e.NODE_ENV === 'production'),
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      heavy: {
        threshold: e.GRAPHQL_HEAVY_COST,
        concurrentPerUser: e.GRAPHQL_HEAVY_CONCURRENCY_PER_USER,
        secondsPerMinute: e.GRAPHQL_HEAVY_SECONDS_PER_MINUTE,
        waitMs: e.GRAPHQL_HEAVY_WAIT_MS,
      },
    },
  };
}

/**
 * The accounts that can see or change much: the three administrators, the supervisors, and the
 * auditors (who read every unit in scope and pull evidence packs). The privileged roles of
 * role-separation.ts, the ones whose password resets need a second person.
 */
export const MFA_DEFAULT_ROLES: readonly Role[] = [
  Role.SYSTEM_ADMIN,
  Role.SECURITY_ADMIN,
  Role.AUDIT_ADMIN,
  Role.NATIONAL_SUPERVISOR,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
];

/**
 * scrypt keeps a core busy per hash: leave one core to the event loop (on two cores, with two
 * hashes at once, a sign-in under a flood of wrong passwords took four times as long as alone;
 * with one, 1.3 times), and use at most 3 so that one of libuv's 4 pool threads stays free for
 * file I/O.
 */
export function defaultHashConcurrency(cores: number = availableParallelism()): number {
  return Math.min(3, Math.max(1, cores - 1));
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
