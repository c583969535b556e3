import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DUE_REMINDERS_JOB } from '../../notification/due-reminders';
import { NotificationService } from '../../notification/notification.service';
import {
  startTestWebhookReceiver,
  TestWebhookReceiver,
} from '../../notification/testing/mail-receivers';
import { startTestApi, TEST_APP_ROLE, TestApi } from '../../testing/test-api';
import { JobRunner } from '../job-runner.service';

const SECRET = 'job-runner-test-secret-123';

/**
 * pg-boss and the outbox timer with JOBS_ENABLED=true, the application running as the
 * least-privilege role (the schema created by the migration as the owner).
 */
describe('job runner (pg-boss) as the least-privilege role', () => {
  let api: TestApi;
  let webhook: TestWebhookReceiver;

  beforeAll(async () => {
    webhook = await startTestWebhookReceiver(SECRET);
    api = await startTestApi(
      {
        JOBS_ENABLED: 'true',
        NOTIFICATION_DRAIN_SECONDS: '1',
        WEBHOOK_URL: webhook.url,
        WEBHOOK_SECRET: SECRET,
      },
      { leastPrivilege: true },
    );
  });
  afterAll(async () => {
    await api?.close();
    await webhook?.close();
  });

  it('connects as the application role, which owns nothing in the job schema', async () => {
    const db = api.server.app.get(DataSource);
    const [{ user }] = await db.query('SELECT current_user AS user');
    expect(user).toBe(TEST_APP_ROLE.user);
    const owner = new Client({ connectionString: api.database.url });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'pgboss' AND tableowner = $1`,
        [TEST_APP_ROLE.user],
      );
      expect(rows[0].n).toBe(0);
      // The daily reminders are scheduled in the province's time zone.
      const schedule = await owner.query(
        `SELECT name, cron, timezone FROM pgboss.schedule WHERE name = $1`,
        [DUE_REMINDERS_JOB],
      );
      expect(schedule.rows).toEqual([
        { name: DUE_REMINDERS_JOB, cron: '0 7 * * *', timezone: 'Asia/Shanghai' },
      ]);
    } finally {
      await owner.end();
    }
  });

  it('creates a queue and runs a sent job on a worker', async () => {
    const jobs = api.server.app.get(JobRunner);
    let runs = 0;
    let resolveRun: () => void = () => undefined;
    const ran = new Promise<void>((resolve) => (resolveRun = resolve));
    await jobs.work('test-ping', async () => {
      runs += 1;
      resolveRun();
    });
    await jobs.send('test-ping');
    await ran;
    expect(runs).toBe(1);
  });

  it('drains the outbox on its timer, without being asked', async () => {
    const db = api.server.app.get(DataSource);
    const notifications = api.server.app.get(NotificationService);
    await db.transaction((m) =>
      notifications.notify(m, [
        {
          kind: 'CYCLE_OPENED',
          recipients: { usernames: ['province'] },
          title: '定时发送',
          body: '…',
          link: '/',
        },
      ]),
    );
    await webhook.waitFor(1, 20_000);
    expect(webhook.received[0].body).toMatchObject({ title: '定时发送' });
    expect(webhook.received[0].signatureValid).toBe(true);
  });
});
