import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { Client } from 'pg';

/**
 * Least privilege (issue 15, finding 5): the schema belongs to the owner, who runs migrations;
 * the application connects as a separate role that owns nothing, so it cannot ALTER a table,
 * disable a trigger or set session_replication_role (superuser only), and that on append-only
 * tables is not even granted UPDATE, DELETE or TRUNCATE. Grants are re-applied after every
 * migration run (tables added later are covered; default privileges cover tables a migration
 * run by hand creates before the next start).
 */

/** The application role the embedded database creates. */
export const EMBEDDED_APP_ROLE = 'duty_app';

/** Privileges the application role does not get, per table, on top of owning nothing. */
export const WITHHELD_PRIVILEGES: Readonly<Record<string, readonly string[]>> = {
  // Append-only history and records.
  task_event: ['UPDATE', 'DELETE', 'TRUNCATE'],
  security_audit_log: ['UPDATE', 'DELETE', 'TRUNCATE'], // purge: security_audit_log_purge()
  duty_review_event: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_plan_version: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_result: ['UPDATE', 'DELETE', 'TRUNCATE'],
  evidence_integrity_run: ['UPDATE', 'DELETE', 'TRUNCATE'],
  integrity_chain_run: ['UPDATE', 'DELETE', 'TRUNCATE'],
  task_comment: ['UPDATE', 'DELETE', 'TRUNCATE'],
  task_comment_attachment: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_score_change: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_onsite_finding_event: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_publication: ['UPDATE', 'DELETE', 'TRUNCATE'],
  assessment_publication_result: ['UPDATE', 'DELETE', 'TRUNCATE'],
  // Rows that change only in the ways their triggers allow, and are never deleted.
  evidence: ['DELETE', 'TRUNCATE'],
  assessment_result_set: ['DELETE', 'TRUNCATE'],
  assessment_onsite_item: ['DELETE', 'TRUNCATE'],
  assessment_objection: ['DELETE', 'TRUNCATE'],
  // Written only by the owner (migrations, chain triggers running as the owner).
  integrity_chain_head: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  // Dashboard rollups, maintained only by the owner's triggers (migration AddAnalyticsRollups).
  analytics_rollup: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  analytics_trend_day: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  analytics_unit_rollup: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'], // AddAnalyticsUnitRollup
  analytics_area_rollup: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'], // AddAnalyticsAreaRollup
  typeorm_migration: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
};

/** Functions the application role may call (SECURITY DEFINER, owned by the owner). */
const APP_FUNCTIONS = ['security_audit_log_purge(integer)'];

/** The embedded database's application password, derived from the owner's (nothing to store). */
export function derivedAppPassword(ownerPassword: string): string {
  return createHmac('sha256', ownerPassword).update('duty-tracker application role').digest('hex');
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Refreshes the planner's statistics after a bulk load (the demo seed). Until autovacuum's next
 * analyze (up to a minute later) the planner guesses from empty tables, and the dashboard's
 * statements took 6–8 s instead of 40 ms on the freshly seeded demo. Only an owner may ANALYZE a
 * table, hence the owner's connection when the application runs as a least-privilege role.
 */
export async function analyzeAfterBulkLoad(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, (client) => client.query('ANALYZE'));
}

/**
 * Creates (or resets the password of) a login role with no special attribute. The owner needs
 * CREATEROLE. Concurrent creation by another process is fine.
 */
export async function ensureAppRole(
  ownerUrl: string,
  role: string,
  password: string,
): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${name} ${attributes}`);
        return;
      } catch (error) {
        // 42710 duplicate_object, 23505 unique_violation: created meanwhile by another process.
        const code = (error as { code?: string }).code;
        if (code !== '42710' && code !== '23505') throw error;
      }
    }
    await client.query(`ALTER ROLE ${name} ${attributes}`);
  });
}

export interface GrantOutcome {
  granted: boolean;
  /** Why nothing was granted (same role, or the application role is a superuser). */
  reason?: string;
}

/**
 * Grants the application role (the user of `appUrl`) what it needs in the owner's database and
 * nothing more; run as the owner after migrations. Does nothing when both URLs name the same
 * role (single-URL mode, as before) or when the application role is a superuser.
 */
export async function grantAppPrivileges(ownerUrl: string, appUrl: string): Promise<GrantOutcome> {
  const appRole = decodeURIComponent(new URL(appUrl).username);
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owner: string; app_super: boolean | null }>(
      'SELECT current_user AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS app_super',
      [appRole],
    );
    const { owner, app_super: appSuper } = rows[0];
    if (!appRole || appRole === owner) return { granted: false, reason: 'same role as the owner' };
    if (appSuper === null) throw new Error(`The application role ${appRole} does not exist`);
    if (appSuper) return { granted: false, reason: `${appRole} is a superuser` };
    const app = client.escapeIdentifier(appRole);
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    await client.query('BEGIN');
    try {
      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(db)} TO ${app}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${app}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      await client.query(
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
      );
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      // The job queue (pg-boss, schema created by a migration): rows only; queues are created
      // through the owner's SECURITY DEFINER create_queue (a queue is a partition of pgboss.job).
      const jobSchema = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`);
      if (jobSchema.rowCount) {
        await client.query(`GRANT USAGE ON SCHEMA pgboss TO ${app}`);
        await client.query(
          `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${app}`,
        );
        await client.query(`GRANT EXECUTE ON FUNCTION pgboss.create_queue(text, json) TO ${app}`);
      }
      const present = new Set(
        (
          await client.query<{ name: string }>(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
          )
        ).rows.map((r) => r.name),
      );
      for (const [table, privileges] of Object.entries(WITHHELD_PRIVILEGES)) {
        if (!present.has(table)) continue;
        await client.query(
          `REVOKE ${privileges.join(', ')} ON ${client.escapeIdentifier(table)} FROM ${app}`,
        );
      }
      // Partitions (task_event's, one per cycle) grant nothing: their rows are reached through
      // the partitioned table, whose privileges apply, and a direct write would bypass its
      // statement triggers. The grant on all tables above reached them.
      const partitions = await client.query<{ name: string }>(
        `SELECT c.oid::regclass::text AS name FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relispartition AND c.relkind IN ('r', 'p')`,
      );
      for (const { name } of partitions.rows) {
        await client.query(`REVOKE ALL ON ${name} FROM ${app}`);
      }
      for (const fn of APP_FUNCTIONS) {
        const exists = await client.query('SELECT to_regprocedure($1) IS NOT NULL AS ok', [fn]);
        if (exists.rows[0].ok) await client.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${app}`);
      }
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
      );
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return { granted: true };
  });
}

/** Logs what the role set-up means; single-URL mode in production is a warning. */
export function reportRoles(outcome: GrantOutcome, production: boolean, logger: Logger): void {
  if (outcome.granted) {
    logger.info('Database: the application runs as a least-privilege role');
  } else if (production) {
    logger.warn(
      { reason: outcome.reason },
      'Database: the application connects as the schema owner, which can alter tables and disable the append-only triggers; set DATABASE_OWNER_URL and a least-privilege DATABASE_URL (MLPS level 3)',
    );
  }
}
