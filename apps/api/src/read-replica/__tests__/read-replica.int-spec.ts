import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { harnessEnv } from '@duty/test-support';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/config';
import { createServer, RunningServer } from '../../server/create-server';
import { DEMO_PASSWORD } from '../../user/demo-accounts';
import { samplePdf, uploadEvidence } from '../../testing/test-api';
import { createDataSource } from '../../database/data-source';
import { ReadRouting, ReplicaState, RouteReason } from '../read-routing';
import {
  findProgram,
  startHotStandby,
  startScratchPrimary,
  TestServer,
  withClient,
} from './hot-standby';

/**
 * Read routing against a real hot standby: pg_basebackup from the test PostgreSQL server (or,
 * when that server refuses replication connections, from a primary this test starts), the
 * standby started on another port, the API reading from it through DATABASE_REPLICA_URL.
 * Replay is paused on the standby (pg_wal_replay_pause) to make "has the standby seen this
 * write?" a fact rather than a race.
 */
const basebackup = findProgram('pg_basebackup');

const COUNTY = '422801'; // 恩施市
const TASKS = `query($c: ID!, $u: String, $s: String) { tasks(filter: { cycleId: $c, unitCode: $u, search: $s }, first: 100, sort: UNIT) { totalCount nodes { id status progressNote rowVersion } } }`;
const SUMMARY = `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { tasks inProgress notStarted evidenceCount } }`;
const UPDATE = `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id status rowVersion } }`;

type TaskNode = { id: string; status: string; progressNote: string; rowVersion: number };
type Gql<T> = { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
type Ready = {
  status: string;
  checks: Record<string, { status: string }>;
  details: { replica: ReplicaState & { status: string } };
};

if (!basebackup) {
  describe('read replica (real hot standby)', () => {
    it.skip('is skipped: pg_basebackup is not installed (install postgresql-client to run it)', () =>
      undefined);
  });
} else {
  describe('read replica (real hot standby)', () => {
    let primary: TestServer | null = null; // only when the test server refused replication
    let standby: TestServer;
    let primaryAdminUrl: string;
    let server: RunningServer;
    let url: string;
    let tmp: string;
    let dbName: string;
    let cycleId: string;
    const tokens: Record<string, string> = {};
    let fallbackReason: string | null = null;

    const primaryDb = () => {
      const u = new URL(primaryAdminUrl);
      u.pathname = `/${dbName}`;
      return u.toString();
    };
    const standbyDb = () => standby.url(dbName);
    const onPrimary = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      withClient(primaryDb(), async (c) => (await c.query(sql, params)).rows as T[]);
    const onStandby = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      withClient(standby.url(), async (c) => (await c.query(sql, params)).rows as T[]);

    async function gql<T>(user: string, query: string, variables: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Gql<T>;
      if (body.errors) throw new Error(`${user}: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    }
    const tasksOf = async (user: string, search?: string) =>
      (
        await gql<{ tasks: { nodes: TaskNode[] } }>(user, TASKS, {
          c: cycleId,
          u: COUNTY,
          s: search,
        })
      ).tasks.nodes;
    const summaryOf = async (user: string) =>
      (
        await gql<{
          analyticsSummary: {
            tasks: number;
            inProgress: number;
            notStarted: number;
            evidenceCount: number;
          };
        }>(user, SUMMARY, { c: cycleId, u: COUNTY })
      ).analyticsSummary;
    const ready = async () => {
      const res = await fetch(`${url}/ready`);
      return { httpStatus: res.status, body: (await res.json()) as Ready };
    };
    const routed = async (target: 'primary' | 'replica', reason: RouteReason) => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) =>
          l.startsWith(`duty_db_routed_reads_total{target="${target}",reason="${reason}"}`),
        );
      return line ? Number(line.split(' ').pop()) : 0;
    };

    const primaryLsn = async () =>
      (await onPrimary<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn'))[0].lsn;
    /** Until the standby has replayed everything the primary had when called. */
    async function caughtUp(timeoutMs = 30_000) {
      const target = await primaryLsn();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ done }] = await onStandby<{ done: boolean }>(
          'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
          [target],
        );
        if (done) return;
        if (Date.now() > deadline) throw new Error(`standby did not replay up to ${target}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    async function pauseReplay() {
      await caughtUp();
      await onStandby('SELECT pg_wal_replay_pause()');
      for (;;) {
        const [{ state }] = await onStandby<{ state: string }>(
          'SELECT pg_get_wal_replay_pause_state() AS state',
        );
        if (state === 'paused') return;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const resumeReplay = async () => {
      await onStandby('SELECT pg_wal_replay_resume()');
      await caughtUp();
    };
    /** Until the API's own check of the standby says `status`. */
    async function replicaStatus(status: 'ok' | 'degraded', timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { body } = await ready();
        if (body.details.replica.status === status) return body.details.replica;
        if (Date.now() > deadline) {
          throw new Error(`replica not ${status}: ${JSON.stringify(body.details.replica)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    /** A change made on the primary outside the API (no user's read-your-writes involved). */
    const noteOnPrimary = (taskId: string, note: string) =>
      onPrimary('UPDATE task SET progress_note = $2 WHERE id = $1', [taskId, note]);

    beforeAll(async () => {
      primaryAdminUrl = harnessEnv().adminUrl;
      // The test server first; a primary of our own when it does not allow replication.
      try {
        standby = await startHotStandby(primaryAdminUrl);
      } catch (error) {
        const message = (error as Error).message;
        if (!/no pg_hba\.conf entry for replication connection/.test(message)) throw error;
        fallbackReason = message;
        const [{ v }] = await withClient(
          primaryAdminUrl,
          async (c) =>
            (await c.query(`SELECT current_setting('server_version_num')::int / 10000 AS v`)).rows,
        );
        primary = await startScratchPrimary(Number(v));
        primaryAdminUrl = primary.url();
        standby = await startHotStandby(primaryAdminUrl);
      }
      // The scratch database is created on the primary after the copy: it reaches the standby
      // by replication, like the migrations and demo data the API writes next.
      dbName = `duty_replica_${Date.now().toString(36)}`;
      await withClient(primaryAdminUrl, (c) =>
        c.query(`CREATE DATABASE ${dbName} ENCODING 'UTF8'`),
      );
      tmp = await mkdtemp(path.join(os.tmpdir(), 'duty-replica-app-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_URL: primaryDb(),
        DATABASE_REPLICA_URL: standbyDb(),
        DATABASE_REPLICA_PROBE_SECONDS: '1',
        // Replay stays paused for a while below: the bounds must not be what routes the reads.
        DATABASE_REPLICA_MAX_LAG_SECONDS: '600',
        DATABASE_REPLICA_MAX_LAG_BYTES: String(1024 ** 3),
        DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: '600',
        SEED_DEMO_DATA: 'true',
        SEED_DEMO_CYCLE: 'false',
        WEB_DIST_DIR: '/nonexistent-web-build',
        PASSWORD_HASH_COST_LOG2: '12',
        EVIDENCE_DIR: path.join(tmp, 'evidence'),
        EVIDENCE_FSCK_INTERVAL_HOURS: '0',
        SIGNING_KEY_FILE: path.join(tmp, 'keys', 'signing-key.pem'),
        SIGNING_PUBLIC_KEYS_DIR: path.join(tmp, 'keys', 'public'),
        MFA_KEY_FILE: path.join(tmp, 'keys', 'mfa.key'),
      });
      server = await createServer(config, pino({ level: 'silent' }), { databaseUrl: primaryDb() });
      url = server.url;
      for (const user of ['province', 'enshi-scjg', 'enshi-zhou']) {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `mutation($input: SignInInput!) { signIn(input: $input) { token } }`,
            variables: { input: { username: user, password: DEMO_PASSWORD } },
          }),
        });
        tokens[user] = (
          (await res.json()) as { data: { signIn: { token: string } } }
        ).data.signIn.token;
      }
      const [{ id: versionId }] = await onPrimary<{ id: string }>(
        'SELECT id FROM regulation_version LIMIT 1',
      );
      cycleId = (
        await gql<{ createCycle: { cycle: { id: string } } }>(
          'province',
          `mutation($input: CreateCycleInput!) { createCycle(input: $input) { cycle { id } } }`,
          {
            input: {
              year: 2026,
              regulationVersionId: versionId,
              startDate: '2026-01-01',
              dueDate: '2026-12-31',
            },
          },
        )
      ).createCycle.cycle.id;
      await caughtUp();
      await replicaStatus('ok');
    }, 300_000);

    afterAll(async () => {
      await server?.close({ cutIdleConnections: true });
      await standby?.remove();
      if (primary) await primary.remove();
      else if (dbName) {
        await withClient(primaryAdminUrl, (c) =>
          c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
        ).catch(() => undefined);
      }
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }, 60_000);

    it('uses a real standby of the primary (and says which primary)', async () => {
      if (fallbackReason) {
        // Not a skip: the standby below is real; the test server only refused to be its primary.
        process.stderr.write(
          `read-replica test: the test PostgreSQL server refused replication (${fallbackReason.split('\n')[0]}); ` +
            `pg_hba.conf needs a "host replication <user> 127.0.0.1/32 …" line to replicate from it. ` +
            `Used a primary started by the test (initdb, port ${primary!.port}) instead.\n`,
        );
      }
      const [{ recovery }] = await onStandby<{ recovery: boolean }>(
        'SELECT pg_is_in_recovery() AS recovery',
      );
      expect(recovery).toBe(true);
      const [{ streaming }] = await onStandby<{ streaming: number }>(
        `SELECT count(*)::int AS streaming FROM pg_stat_wal_receiver WHERE status = 'streaming'`,
      );
      expect(streaming).toBe(1);
      const { httpStatus, body } = await ready();
      expect(httpStatus).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.details.replica).toMatchObject({
        status: 'ok',
        reachable: true,
        inRecovery: true,
        replayPaused: false,
        problem: null,
      });
      expect(body.details.replica.lagBytes).toEqual(expect.any(Number));
      expect(body.details.replica.lagSeconds).toEqual(expect.any(Number));
    });

    it('reads task lists, search and analytics from the standby', async () => {
      const before = await tasksOf('enshi-zhou');
      expect(before.length).toBeGreaterThan(3);
      const [target] = before;
      await pauseReplay();
      try {
        await noteOnPrimary(target.id, '仅主库可见的进展');
        const replicaReads = await routed('replica', 'replica');
        // The standby has not replayed the change: a read from it cannot show it.
        const list = await tasksOf('enshi-zhou');
        expect(list.find((t) => t.id === target.id)!.progressNote).toBe(target.progressNote);
        // Task search runs on the same connection as the list.
        const found = await tasksOf('enshi-zhou', '恩施市');
        expect(found.find((t) => t.id === target.id)!.progressNote).toBe(target.progressNote);
        // The primary has it (the same query through the primary finds it).
        const [row] = await onPrimary<{ note: string }>(
          'SELECT progress_note AS note FROM task WHERE id = $1',
          [target.id],
        );
        expect(row.note).toBe('仅主库可见的进展');
        await summaryOf('enshi-zhou');
        expect(await routed('replica', 'replica')).toBeGreaterThanOrEqual(replicaReads + 3);
      } finally {
        await resumeReplay();
      }
      expect((await tasksOf('enshi-zhou')).find((t) => t.id === target.id)!.progressNote).toBe(
        '仅主库可见的进展',
      );
    });

    it('lets a user read their own write at once while others read the standby', async () => {
      const list = await tasksOf('enshi-scjg');
      const mine = list.find((t) => t.status === 'NOT_STARTED');
      expect(mine).toBeDefined();
      const operatorBefore = await summaryOf('enshi-scjg');
      const supervisorBefore = await summaryOf('enshi-zhou');
      await pauseReplay();
      try {
        const ownWrites = await routed('primary', 'own_write');
        const changed = await gql<{ updateTask: { status: string } }>('enshi-scjg', UPDATE, {
          input: {
            taskId: mine!.id,
            expectedRowVersion: mine!.rowVersion,
            status: 'IN_PROGRESS',
            progressNote: '已启动',
          },
        });
        expect(changed.updateTask.status).toBe('IN_PROGRESS');
        // The writer, at once: the standby is paused, so only the primary can show this.
        const own = (await tasksOf('enshi-scjg')).find((t) => t.id === mine!.id)!;
        expect(own).toMatchObject({ status: 'IN_PROGRESS', progressNote: '已启动' });
        expect(await summaryOf('enshi-scjg')).toEqual({
          ...operatorBefore,
          inProgress: operatorBefore.inProgress + 1,
          notStarted: operatorBefore.notStarted - 1,
        });
        expect(await routed('primary', 'own_write')).toBe(ownWrites + 2);
        // Another user of the same unit reads the standby, which has not replayed it yet.
        const other = (await tasksOf('enshi-zhou')).find((t) => t.id === mine!.id)!;
        expect(other.status).toBe('NOT_STARTED');
        expect(await summaryOf('enshi-zhou')).toEqual(supervisorBefore);
        const { body } = await ready();
        expect(body.details.replica).toMatchObject({ status: 'ok', replayPaused: true });
        expect(body.details.replica.lagBytes).toBeGreaterThan(0);
        expect(body.details.replica.pendingReaders).toBeGreaterThanOrEqual(1);
      } finally {
        await resumeReplay();
      }
      // Replayed: everyone sees the write, and the writer is back on the standby.
      expect((await tasksOf('enshi-zhou')).find((t) => t.id === mine!.id)!.status).toBe(
        'IN_PROGRESS',
      );
      await pauseReplay();
      try {
        await noteOnPrimary(mine!.id, '主库上的后续修改');
        const own = (await tasksOf('enshi-scjg')).find((t) => t.id === mine!.id)!;
        expect(own.progressNote).toBe('已启动');
      } finally {
        await resumeReplay();
      }
    });

    it('counts a REST write (evidence upload) as the uploader’s write', async () => {
      const task = (await tasksOf('enshi-scjg')).find((t) => t.status === 'NOT_STARTED')!;
      const operatorBefore = await summaryOf('enshi-scjg');
      const supervisorBefore = await summaryOf('enshi-zhou');
      await pauseReplay();
      try {
        const upload = await uploadEvidence({ url }, { token: tokens['enshi-scjg'] }, task.id, [
          { name: '部署文件.pdf', content: samplePdf(task.id) },
        ]);
        expect(upload.status).toBe(201);
        expect((await summaryOf('enshi-scjg')).evidenceCount).toBe(
          operatorBefore.evidenceCount + 1,
        );
        expect(await summaryOf('enshi-zhou')).toEqual(supervisorBefore);
      } finally {
        await resumeReplay();
      }
      expect((await summaryOf('enshi-zhou')).evidenceCount).toBe(
        supervisorBefore.evidenceCount + 1,
      );
    });

    it('stops using a standby that lags beyond the bounds', async () => {
      const logger = pino({ level: 'silent' });
      const primaryDs = server.app.get(DataSource);
      const routing = (maxLagBytes: number, maxLagSeconds: number) =>
        new ReadRouting({
          primary: primaryDs,
          replica: () => createDataSource({ url: standbyDb(), poolMax: 2 }),
          maxLagBytes,
          maxLagSeconds,
          readYourWritesMs: 60_000,
          probeIntervalMs: 1000,
          logger,
        });
      const bytesBound = routing(1, 600);
      const secondsBound = routing(1024 ** 3, 1);
      try {
        expect((await bytesBound.probe()).status).toBe('ok');
        expect((await secondsBound.probe()).status).toBe('ok');
        await pauseReplay();
        try {
          const [task] = await onPrimary<{ id: string }>('SELECT id FROM task LIMIT 1');
          await noteOnPrimary(task.id, '落后字节');
          const byBytes = await bytesBound.probe();
          expect(byBytes).toMatchObject({ status: 'degraded', reachable: true });
          expect(byBytes.lagBytes).toBeGreaterThan(1);
          expect(byBytes.problem).toMatch(/^replay lag \d+ bytes > 1$/);
          expect(await bytesBound.route(null)).toEqual(['primary', 'replica_unhealthy']);
          // The standby's lag in time: first seen behind now, still behind 2.5 s later.
          expect((await secondsBound.probe()).status).toBe('ok');
          await new Promise((r) => setTimeout(r, 2500));
          const bySeconds = await secondsBound.probe();
          expect(bySeconds.status).toBe('degraded');
          expect(bySeconds.lagSeconds).toBeGreaterThanOrEqual(2);
          expect(bySeconds.problem).toMatch(/^replay lag [\d.]+ s > 1 s$/);
          // Reads still answer, from the primary.
          const rows = await secondsBound.read(null, (db) =>
            db.query('SELECT progress_note AS note FROM task WHERE id = $1', [task.id]),
          );
          expect(rows[0].note).toBe('落后字节');
        } finally {
          await resumeReplay();
        }
        // Healthy again once replay has caught up. The standby follows the whole cluster, where
        // other test files write too: with a 1-byte bound, wait for a moment it is level.
        let status = (await bytesBound.probe()).status;
        for (let i = 0; i < 60 && status !== 'ok'; i++) {
          await new Promise((r) => setTimeout(r, 250));
          status = (await bytesBound.probe()).status;
        }
        expect(status).toBe('ok');
        expect(await bytesBound.route(null)).toEqual(['replica', 'replica']);
      } finally {
        await bytesBound.stop();
        await secondsBound.stop();
      }
    });

    it('falls back to the primary when the standby stops, and shows it in /ready', async () => {
      await caughtUp();
      const [target] = await tasksOf('enshi-zhou');
      const failed = await routed('primary', 'replica_failed');
      await standby.stop('immediate');
      // Written after the standby died: only the primary can show it.
      await noteOnPrimary(target.id, '备库停机后的修改');
      // The first read after the stop may find the dead standby's connections: it is retried
      // on the primary, never answered with an error.
      const list = await tasksOf('enshi-zhou');
      expect(list.find((t) => t.id === target.id)!.progressNote).toBe('备库停机后的修改');
      expect(await summaryOf('enshi-zhou')).toEqual(
        expect.objectContaining({ tasks: expect.any(Number) }),
      );
      const { httpStatus, body } = await ready();
      // Degraded, not unready: the primary serves everything.
      expect(httpStatus).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.checks.database.status).toBe('ok');
      expect(body.details.replica).toMatchObject({ status: 'degraded', reachable: false });
      expect(body.details.replica.problem).toMatch(/^unreachable: /);
      const reasons =
        (await routed('primary', 'replica_failed')) -
        failed +
        (await routed('primary', 'replica_unhealthy'));
      expect(reasons).toBeGreaterThan(0);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/^duty_db_replica_usable 0$/m);

      // Back: the check reconnects, the standby catches up and serves reads again.
      await standby.start();
      await caughtUp();
      const back = await replicaStatus('ok');
      expect(back).toMatchObject({ reachable: true, inRecovery: true });
      expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^duty_db_replica_usable 1$/m);
      const replicaReads = await routed('replica', 'replica');
      await tasksOf('enshi-zhou');
      expect(await routed('replica', 'replica')).toBe(replicaReads + 1);
    });
  });
}
