import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { loadConfig } from '../../config/config';
import { createServer, RunningServer } from '../../server/create-server';
import { EMBEDDED_APP_ROLE } from '../app-role';

/**
 * The start without DATABASE_URL (npm start): the embedded server's superuser migrates and owns
 * the schema; the API connects as EMBEDDED_APP_ROLE, with no right to rewrite history.
 */
describe('embedded database: two roles', () => {
  let dir: string;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-embedded-roles-'));
    await chmod(dir, 0o755); // reachable by the `postgres` user when tests run as root
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      WEB_DIST_DIR: '/nonexistent-web-build',
      SEED_DEMO_DATA: 'false',
      EVIDENCE_FSCK_INTERVAL_HOURS: '0',
      AUDIT_VERIFY_INTERVAL_HOURS: '0',
    });
    server = await createServer(config, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves as the application role, which owns nothing and may not rewrite history', async () => {
    const superuser = new Client({ connectionString: server!.embedded!.urlFor('duty') });
    await superuser.connect();
    try {
      expect((await fetch(`${server!.url}/ready`)).status).toBe(200);
      const { rows: sessions } = await superuser.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'duty' AND application_name = 'duty-tracker'`,
      );
      expect(sessions.map((s) => s.usename)).toEqual([EMBEDDED_APP_ROLE]);
      const { rows } = await superuser.query(
        `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_tables WHERE tableowner = r.rolname) AS owns,
                has_table_privilege(r.rolname, 'task_event', 'INSERT') AS append,
                has_table_privilege(r.rolname, 'task_event', 'UPDATE') AS rewrite,
                has_table_privilege(r.rolname, 'security_audit_log', 'DELETE') AS erase
           FROM pg_roles r WHERE r.rolname = $1`,
        [EMBEDDED_APP_ROLE],
      );
      expect(rows).toEqual([
        {
          rolsuper: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolbypassrls: false,
          owns: 0,
          append: true,
          rewrite: false,
          erase: false,
        },
      ]);
    } finally {
      await superuser.end();
    }
  });
});
