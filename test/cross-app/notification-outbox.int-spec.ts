import { ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo, Server as NetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Client } from 'pg';
import { buildApps, createTestDatabase, root, serverReady, TestDatabase } from '@duty/test-support';

/**
 * The outbox survives a crash (issue 16 acceptance): 1,000 undelivered notifications (500 email,
 * 500 webhook) wait in the outbox; the built server starts delivering them to a real SMTP server
 * and a webhook receiver, is killed with SIGKILL in the middle, and started again. Afterwards every
 * one of the 1,000 has been received, and the only duplicates (recognised by the delivery id:
 * Message-ID, X-Duty-Delivery) are messages that were in flight at the kill.
 */
const main = path.join(root, 'dist/api/apps/api/src/main.js');
const SECRET = 'crash-test-webhook-secret-0123';
const TOTAL = 1000;
// Each receiver answers after this long: the kill lands while messages are in flight.
const RECEIVER_DELAY_MS = 15;

const requireFromHere = createRequire(__filename);
interface SmtpServerLike {
  server: NetServer;
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
const { SMTPServer } = requireFromHere('smtp-server') as {
  SMTPServer: new (options: {
    authOptional: boolean;
    disabledCommands: string[];
    logger: boolean;
    onData(stream: Readable, session: unknown, callback: (error?: Error | null) => void): void;
  }) => SmtpServerLike;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delivery ids in arrival order (a duplicate appears twice). */
const arrivals: Array<{ id: string; channel: 'EMAIL' | 'WEBHOOK' }> = [];
let badSignatures = 0;

function startSmtp(): Promise<SmtpServerLike> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID:\s*<([0-9a-f-]{36})@/im.exec(raw)?.[1];
        if (id) arrivals.push({ id, channel: 'EMAIL' });
        setTimeout(() => callback(), RECEIVER_DELAY_MS);
      });
    },
  });
  smtp.on('error', () => undefined);
  return new Promise((resolve) => smtp.listen(0, '127.0.0.1', () => resolve(smtp)));
}

function startWebhook(): Promise<Server> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const timestamp = String(req.headers['x-duty-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
      if (req.headers['x-duty-signature'] !== expected) badSignatures++;
      arrivals.push({ id: String(req.headers['x-duty-delivery']), channel: 'WEBHOOK' });
      setTimeout(() => res.writeHead(200).end('ok'), RECEIVER_DELAY_MS);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('notification outbox: kill -9 while delivering', () => {
  let database: TestDatabase;
  let dir: string;
  let smtp: SmtpServerLike;
  let webhook: Server;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    buildApps();
    dir = await mkdtemp(path.join(os.tmpdir(), 'duty-outbox-crash-'));
    database = await createTestDatabase();
    smtp = await startSmtp();
    webhook = await startWebhook();
  }, 400_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    webhook?.closeAllConnections();
    await new Promise<void>((resolve) => webhook?.close(() => resolve()));
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>) => {
    const proc = spawn(process.execPath, [main], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: database.url,
        DATA_DIR: dir,
        SEED_DEMO_DATA: 'true',
        SEED_DEMO_CYCLE: 'false',
        PASSWORD_HASH_COST_LOG2: '12',
        EVIDENCE_FSCK_INTERVAL_HOURS: '0',
        WEB_DIST_DIR: '/nonexistent-web-build',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    return serverReady(proc, 120_000).then(() => proc);
  };

  it('delivers every one of 1,000 notifications after a crash; duplicates only of messages in flight', async () => {
    const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/duty`;
    const delivering = {
      JOBS_ENABLED: 'true',
      NOTIFICATION_DRAIN_SECONDS: '1',
      NOTIFICATION_LEASE_SECONDS: '4',
      NOTIFICATION_SEND_TIMEOUT_SECONDS: '3',
      SMTP_URL: `smtp://127.0.0.1:${smtp.server.address() && (smtp.server.address() as AddressInfo).port}`,
      WEBHOOK_URL: webhookUrl,
      WEBHOOK_SECRET: SECRET,
    };
    // First start (jobs off): migrations and the demo accounts.
    const first = await start({ JOBS_ENABLED: 'false' });
    first.kill('SIGTERM');
    await new Promise((resolve) => first.once('exit', resolve));

    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      await db.query(
        `WITH n AS (
           INSERT INTO notification (recipient_username, kind, title, body, link, created_at)
           SELECT 'province', 'OVERDUE', '崩溃测试 ' || g, '第 ' || g || ' 条逾期提醒', '/tasks', now()
             FROM generate_series(1, $1::int) AS g
           RETURNING id, title)
         INSERT INTO notification_delivery
           (notification_id, recipient_username, channel, target, payload, status, next_attempt_at, created_at)
         SELECT n.id, 'province', ch.channel,
                CASE ch.channel WHEN 'EMAIL' THEN 'province@example.gov.cn' ELSE $2 END,
                jsonb_build_object('notificationId', n.id, 'kind', 'OVERDUE', 'title', n.title,
                                   'body', '逾期提醒', 'link', '/tasks'),
                'PENDING', now(), now()
           FROM (SELECT id, title, row_number() OVER (ORDER BY id) AS k FROM n) AS n
           CROSS JOIN LATERAL (SELECT CASE WHEN n.k % 2 = 0 THEN 'EMAIL' ELSE 'WEBHOOK' END AS channel) AS ch`,
        [TOTAL, webhookUrl],
      );
      const all = (await db.query(`SELECT id FROM notification_delivery`)).rows.map(
        (r: { id: string }) => r.id,
      );
      expect(all).toHaveLength(TOTAL);

      // Second start: delivering; killed with SIGKILL once a third has arrived.
      const second = await start(delivering);
      while (new Set(arrivals.map((a) => a.id)).size < TOTAL / 3) await sleep(5);
      second.kill('SIGKILL');
      await new Promise((resolve) => second.once('exit', resolve));
      const arrivedBeforeKill = new Set(arrivals.map((a) => a.id));
      const { rows: atKill } = await db.query<{ id: string; status: string }>(
        `SELECT id, status FROM notification_delivery WHERE status = 'SENDING'`,
      );
      const inFlight = new Set(atKill.map((r) => r.id));
      const { rows: counts } = await db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM notification_delivery GROUP BY status ORDER BY status`,
      );
      expect(arrivedBeforeKill.size).toBeLessThan(TOTAL);

      // Third start: the rest, and the rows the dead process had claimed once their lease ran out.
      const restartedAt = Date.now();
      await start(delivering);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification_delivery WHERE status = 'DELIVERED'`,
        );
        if (rows[0].n === TOTAL) break;
        if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${TOTAL} delivered`);
        await sleep(200);
      }
      const finishedMs = Date.now() - restartedAt;

      const received = new Map<string, number>();
      for (const a of arrivals) received.set(a.id, (received.get(a.id) ?? 0) + 1);
      // Every delivery arrived, nothing else did.
      expect([...received.keys()].sort()).toEqual([...all].sort());
      const duplicates = [...received.entries()].filter(([, n]) => n > 1);
      // A duplicate is only ever a message that was in flight (claimed, SENDING) at the kill.
      for (const [id, n] of duplicates) {
        expect(n).toBe(2);
        expect(inFlight.has(id)).toBe(true);
      }
      expect(badSignatures).toBe(0);
      process.stdout.write(
        `\nOUTBOX CRASH TEST ${JSON.stringify({
          total: TOTAL,
          receivedBeforeKill: arrivedBeforeKill.size,
          statusAtKill: Object.fromEntries(counts.map((c) => [c.status, c.n])),
          claimedAtKill: inFlight.size,
          duplicates: duplicates.length,
          duplicateIds: duplicates.map(([id]) => id),
          deliveredAfterRestartMs: finishedMs,
        })}\n`,
      );
    } finally {
      await db.end();
    }
  }, 400_000);
});
