import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { deliveryMessageId } from '../delivery-signature';
import { DueReminders } from '../due-reminders';
import { NotificationDispatcher } from '../notification-dispatcher';
import { NotificationService } from '../notification.service';
import {
  startTestSmtpServer,
  startTestWebhookReceiver,
  TestSmtpServer,
  TestWebhookReceiver,
} from '../testing/mail-receivers';

const SECRET = 'test-webhook-secret-0123456789';
// 10:00 in Asia/Shanghai.
const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

const ME = `query { myNotifications { total unread items { id kind title body link taskId readAt } } }`;

describe('notifications: recipients, settings, quiet hours, outbox delivery', () => {
  let api: TestApi;
  let db: DataSource;
  let notifications: NotificationService;
  let dispatcher: NotificationDispatcher;
  let smtp: TestSmtpServer;
  let webhook: TestWebhookReceiver;
  let operator: SignedInClient;
  let otherOperator: SignedInClient;
  let sysadmin: SignedInClient;

  const notify = (...requests: Parameters<NotificationService['notify']>[1]) =>
    db.transaction((manager) => notifications.notify(manager, requests));
  const inbox = async (username: string) =>
    (await db.query(
      `SELECT id, kind, title, dedupe_key FROM notification WHERE recipient_username = $1 ORDER BY created_at, id`,
      [username],
    )) as Array<{ id: string; kind: string; title: string; dedupe_key: string | null }>;
  const recipientsOf = async (title: string) =>
    (
      (await db.query(`SELECT recipient_username FROM notification WHERE title = $1 ORDER BY 1`, [
        title,
      ])) as Array<{ recipient_username: string }>
    ).map((r) => r.recipient_username);
  const deliveriesOf = async (title: string) =>
    (await db.query(
      `SELECT d.id, d.recipient_username, d.channel, d.target, d.status, d.attempts, d.next_attempt_at, d.last_error
         FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
        WHERE n.title = $1 ORDER BY d.channel, d.recipient_username`,
      [title],
    )) as Array<{
      id: string;
      recipient_username: string;
      channel: string;
      target: string;
      status: string;
      attempts: number;
      next_attempt_at: Date;
      last_error: string | null;
    }>;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    webhook = await startTestWebhookReceiver(SECRET, nowSeconds);
    api = await startTestApi(
      {
        SMTP_URL: smtp.url,
        SMTP_FROM: '履职督办系统 <duty@example.gov.cn>',
        WEBHOOK_URL: webhook.url,
        WEBHOOK_SECRET: SECRET,
        PUBLIC_BASE_URL: 'https://duty.example.gov.cn',
        NOTIFICATION_MAX_ATTEMPTS: '3',
        NOTIFICATION_RETRY_BASE_SECONDS: '60',
        NOTIFICATION_SEND_TIMEOUT_SECONDS: '5',
      },
      { clock },
    );
    db = api.server.app.get(DataSource);
    notifications = api.server.app.get(NotificationService);
    dispatcher = api.server.app.get(NotificationDispatcher);
    operator = await api.signIn('enshi-scjg');
    otherOperator = await api.signIn('jiangan-scjg');
    sysadmin = await api.signIn('sysadmin');
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await webhook?.close();
  });
  beforeEach(() => {
    webhook.respond = () => 200;
  });

  it('resolves recipients by role and jurisdiction, never to another unit’s operator', async () => {
    await notify(
      {
        kind: 'COMMENT',
        recipients: { unitOperators: [{ unitCode: '422801' }] },
        title: '恩施市经办人',
        body: '…',
        link: '/tasks',
      },
      {
        kind: 'URGING_ISSUED',
        recipients: { supervisorsOf: ['422801'] },
        title: '恩施市的督导',
        body: '…',
        link: '/tasks',
      },
      {
        kind: 'URGING_ISSUED',
        recipients: { supervisorsOf: ['420102'] },
        title: '江岸区的督导',
        body: '…',
        link: '/tasks',
      },
      {
        kind: 'INSTRUCTION',
        recipients: { usernames: ['Auditor', 'province'], supervisorsOf: ['422801'] },
        title: '点名',
        body: '…',
        link: '/tasks',
      },
    );
    expect(await recipientsOf('恩施市经办人')).toEqual(['enshi-scjg']);
    // The prefecture supervisor of 恩施州 (422801's parent) and the provincial supervisor.
    expect(await recipientsOf('恩施市的督导')).toEqual(['enshi-zhou', 'province']);
    // 江岸区 is under 武汉市: no 恩施州 supervisor.
    expect(await recipientsOf('江岸区的督导')).toEqual(['province']);
    // Named and resolved at once: one notification per person.
    expect(await recipientsOf('点名')).toEqual(['auditor', 'enshi-zhou', 'province']);

    // A department filter narrows to that department's operators.
    const [{ id: otherDepartment }] = await db.query(
      `SELECT id FROM department WHERE unit_code = '422801' AND id <> (SELECT department_id FROM app_user WHERE username = 'enshi-scjg') LIMIT 1`,
    );
    await notify({
      kind: 'COMMENT',
      recipients: { unitOperators: [{ unitCode: '422801', departmentId: otherDepartment }] },
      title: '别的部门',
      body: '…',
      link: '/tasks',
    });
    expect(await recipientsOf('别的部门')).toEqual([]);
  });

  it('writes one notification per person and dedupe key, however often it is asked', async () => {
    const request = {
      kind: 'DUE_SOON' as const,
      recipients: { unitOperators: [{ unitCode: '422801' }] },
      title: '去重',
      body: '…',
      link: '/tasks',
      dedupeKey: 'test:dedupe:1',
    };
    expect(await notify(request, request)).toBe(1);
    expect(await notify(request)).toBe(0);
    expect(await recipientsOf('去重')).toEqual(['enshi-scjg']);
  });

  it('validates the settings with clear Chinese errors and stable codes', async () => {
    const update = `mutation($input: UpdateNotificationSettingsInput!) {
      updateMyNotificationSettings(input: $input) { email quietHoursStart quietHoursEnd emailAvailable webhookAvailable kinds { kind email webhook } } }`;
    const bad = await operator.graphql(update, { input: { email: 'zhangsan@' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors?.[0]?.message).toContain('邮箱地址格式不正确');
    const badHours = await operator.graphql(update, {
      input: { quietHoursStart: '25:00', quietHoursEnd: '07:00' },
    });
    expect(badHours.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(badHours.errors?.[0]?.extensions?.details).toMatchObject({
      fields: { quietHoursStart: expect.stringContaining('HH:MM') },
    });
    const ok = await operator.graphql<{
      updateMyNotificationSettings: {
        email: string;
        emailAvailable: boolean;
        kinds: Array<{ kind: string; email: boolean; webhook: boolean }>;
      };
    }>(update, {
      input: {
        email: ' Enshi.SCJG@example.gov.cn ',
        channels: [{ kind: 'TASK_VERIFIED', channel: 'WEBHOOK', enabled: false }],
      },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateMyNotificationSettings.email).toBe('enshi.scjg@example.gov.cn');
    expect(ok.data?.updateMyNotificationSettings.emailAvailable).toBe(true);
    expect(
      ok.data?.updateMyNotificationSettings.kinds.find((k) => k.kind === 'TASK_VERIFIED'),
    ).toEqual({ kind: 'TASK_VERIFIED', email: true, webhook: false });
  });

  it('honours the settings: a channel switched off gets no delivery; no address, no email', async () => {
    await notify({
      kind: 'TASK_VERIFIED',
      recipients: { usernames: ['enshi-scjg', 'jiangan-scjg'] },
      title: '设置生效',
      body: '…',
      link: '/tasks',
    });
    const rows = await deliveriesOf('设置生效');
    expect(rows.map((r) => [r.channel, r.recipient_username, r.target])).toEqual([
      ['EMAIL', 'enshi-scjg', 'enshi.scjg@example.gov.cn'],
      // jiangan-scjg has no email address; enshi-scjg switched the webhook off for this kind.
      ['WEBHOOK', 'jiangan-scjg', webhook.url],
    ]);
  });

  it('delivers email to a real SMTP server and webhooks with a valid signature', async () => {
    await dispatcher.drainOnce();
    const before = smtp.messages.length;
    const title = '督办单 鄂质督〔2026〕1号：请尽快办理';
    await notify({
      kind: 'URGING_ISSUED',
      recipients: { usernames: ['enshi-scjg'] },
      title,
      body: '恩施市的任务已逾期，请于 3 月 9 日前反馈。',
      link: '/tasks/abc',
      unitCode: '422801',
    });
    const [email, hook] = await deliveriesOf(title);
    const result = await dispatcher.drainOnce();
    expect(result.delivered).toBeGreaterThanOrEqual(2);
    await smtp.waitFor(before + 1);
    const mail = smtp.messages.find((m) => m.subject === title)!;
    expect(mail.messageId).toBe(deliveryMessageId(email.id));
    expect(mail.text).toContain('恩施市的任务已逾期');
    expect(mail.text).toContain('https://duty.example.gov.cn/tasks/abc');
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address).toBe(
      'enshi.scjg@example.gov.cn',
    );
    const received = webhook.received.find((r) => r.deliveryId === hook.id)!;
    expect(received.signatureValid).toBe(true);
    expect(received.body).toMatchObject({
      deliveryId: hook.id,
      kind: 'URGING_ISSUED',
      title,
      link: '/tasks/abc',
      url: 'https://duty.example.gov.cn/tasks/abc',
      unitCode: '422801',
      recipient: { username: 'enshi-scjg' },
    });
    expect((await deliveriesOf(title)).map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED']);
  });

  it('retries a failed webhook with exponential backoff, then delivers', async () => {
    const title = '重试';
    let calls = 0;
    webhook.respond = (body) => (body.title === title && ++calls === 1 ? 500 : 200);
    await notify({
      kind: 'OVERDUE',
      recipients: { usernames: ['jiangan-scjg'] },
      title,
      body: '…',
      link: '/',
    });
    await dispatcher.drainOnce();
    let [row] = await deliveriesOf(title);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'HTTP 500' });
    expect(row.next_attempt_at.getTime() - clock.now().getTime()).toBe(60_000);
    await dispatcher.drainOnce(); // not due yet
    expect(calls).toBe(1);
    clock.advance(60_000);
    await dispatcher.drainOnce();
    [row] = await deliveriesOf(title);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('gives up after NOTIFICATION_MAX_ATTEMPTS: FAILED, shown in the administrator’s delivery log', async () => {
    const title = '一直失败';
    webhook.respond = (body) => (body.title === title ? 503 : 200);
    await notify({
      kind: 'OVERDUE',
      recipients: { usernames: ['jiangan-scjg'] },
      title,
      body: '…',
      link: '/',
    });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await dispatcher.drainOnce();
      const [row] = await deliveriesOf(title);
      expect(row.attempts).toBe(attempt);
      if (attempt < 3) {
        waits.push(row.next_attempt_at.getTime() - clock.now().getTime());
        clock.advance(waits.at(-1)!);
      }
    }
    expect(waits).toEqual([60_000, 120_000]);
    const [row] = await deliveriesOf(title);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, last_error: 'HTTP 503' });

    const log = await sysadmin.graphql<{
      notificationDeliveries: {
        total: number;
        items: Array<{ id: string; status: string; kind: string; lastError: string }>;
        counts: Array<{ status: string; count: number }>;
      };
    }>(
      `query { notificationDeliveries(filter: { status: FAILED }) { total items { id status kind lastError } counts { status count } } }`,
    );
    expect(log.errors).toBeUndefined();
    expect(log.data?.notificationDeliveries.items).toContainEqual({
      id: row.id,
      status: 'FAILED',
      // The kind, not the title: the system administrator sees no business data.
      kind: 'OVERDUE',
      lastError: 'HTTP 503',
    });
    expect(log.data?.notificationDeliveries.counts).toContainEqual({ status: 'FAILED', count: 1 });
    const denied = await operator.graphql(`query { notificationDeliveries { total } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The administrator sends it again once the gateway is back.
    webhook.respond = () => 200;
    const retried = await sysadmin.graphql<{
      retryNotificationDelivery: { status: string; attempts: number };
    }>(`mutation($id: ID!) { retryNotificationDelivery(id: $id) { status attempts } }`, {
      id: row.id,
    });
    expect(retried.data?.retryNotificationDelivery).toEqual({ status: 'PENDING', attempts: 0 });
    await dispatcher.drainOnce();
    expect((await deliveriesOf(title))[0].status).toBe('DELIVERED');
  });

  it('defers email and webhook to the end of quiet hours; in-app is immediate', async () => {
    const settings = await operator.graphql(
      `mutation { updateMyNotificationSettings(input: { quietHoursStart: "22:00", quietHoursEnd: "07:30" }) { quietHoursStart quietHoursEnd } }`,
    );
    expect(settings.data).toEqual({
      updateMyNotificationSettings: { quietHoursStart: '22:00', quietHoursEnd: '07:30' },
    });
    // 23:15 in Shanghai (sessions time out meanwhile: sign in again).
    clock.set(new Date('2026-03-02T15:15:00Z'));
    operator = await api.signIn('enshi-scjg');
    const title = '夜间通知';
    await notify({
      kind: 'INSTRUCTION',
      recipients: { usernames: ['enshi-scjg'] },
      title,
      body: '…',
      link: '/',
    });
    const unread = await operator.graphql<{ unreadNotificationCount: number }>(
      `query { unreadNotificationCount }`,
    );
    expect((await inbox('enshi-scjg')).some((n) => n.title === title)).toBe(true);
    expect(unread.data?.unreadNotificationCount).toBeGreaterThan(0);
    const rows = await deliveriesOf(title);
    expect(rows.map((r) => r.channel)).toEqual(['EMAIL', 'WEBHOOK']);
    // 07:30 the next morning in Shanghai.
    for (const r of rows) expect(r.next_attempt_at.toISOString()).toBe('2026-03-02T23:30:00.000Z');
    await dispatcher.drainOnce();
    expect((await deliveriesOf(title)).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    clock.set(new Date('2026-03-02T23:30:00Z'));
    operator = await api.signIn('enshi-scjg');
    otherOperator = await api.signIn('jiangan-scjg');
    await dispatcher.drainOnce();
    expect((await deliveriesOf(title)).map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED']);
    await operator.graphql(
      `mutation { updateMyNotificationSettings(input: { quietHoursStart: "", quietHoursEnd: "" }) { quietHoursStart } }`,
    );
  });

  it('serves the notification centre: filters, unread count, marking read only one’s own', async () => {
    const page = await operator.graphql<{
      myNotifications: {
        total: number;
        unread: number;
        items: Array<{ id: string; kind: string }>;
      };
    }>(
      `query { myNotifications(filter: { kinds: [INSTRUCTION], unreadOnly: true }) { total unread items { id kind } } }`,
    );
    expect(page.errors).toBeUndefined();
    const items = page.data!.myNotifications.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === 'INSTRUCTION')).toBe(true);
    // Another operator cannot mark (or see) these.
    const foreign = await otherOperator.graphql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: items.map((i) => i.id) },
    );
    expect(foreign.data?.markNotificationsRead).toBe(0);
    const marked = await operator.graphql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids: [items[0].id] },
    );
    expect(marked.data?.markNotificationsRead).toBe(1);
    const invalid = await operator.graphql(`mutation { markNotificationsRead(ids: ["x"]) }`);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const all = await operator.graphql<{ markAllNotificationsRead: number }>(
      `mutation { markAllNotificationsRead }`,
    );
    expect(all.data?.markAllNotificationsRead).toBe(page.data!.myNotifications.unread - 1);
    const after = await operator.graphql<{ myNotifications: { unread: number } }>(ME);
    expect(after.data?.myNotifications.unread).toBe(0);
  });

  describe('events of the task workflow and the daily reminders', () => {
    let cycleId: string;
    let taskId: string;

    beforeAll(async () => {
      clock.set(new Date('2026-03-02T02:00:00Z'));
      const province = await api.signIn('province');
      const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
      const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
        `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-03-16" }) { cycle { id } } }`,
        { v: versionId },
      );
      expect(created.errors).toBeUndefined();
      cycleId = created.data!.createCycle.cycle.id;
      [{ id: taskId }] = await db.query(
        `SELECT t.id FROM task t JOIN app_user u ON u.username = 'enshi-scjg'
          WHERE t.cycle_id = $1 AND t.unit_code = u.unit_code AND t.lead_department_id = u.department_id
          ORDER BY t.id LIMIT 1`,
        [cycleId],
      );
    });

    it('tells each unit department once when a cycle opens (本周期为您生成了 N 项任务)', async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task t JOIN app_user u ON u.username = 'enshi-scjg'
          WHERE t.cycle_id = $1 AND t.unit_code = u.unit_code AND t.lead_department_id = u.department_id`,
        [cycleId],
      );
      const assigned = (await inbox('enshi-scjg')).filter((x) => x.kind === 'TASK_ASSIGNED');
      expect(assigned).toHaveLength(1);
      const [{ body }] = await db.query(`SELECT body FROM notification WHERE id = $1`, [
        assigned[0].id,
      ]);
      expect(body).toContain(`本周期为您生成了 ${n} 项任务`);
      expect((await inbox('province')).filter((x) => x.kind === 'CYCLE_OPENED')).toHaveLength(1);
      // Regenerating the cycle's tasks tells nobody twice.
      const province = await api.signIn('province');
      const regenerated = await province.graphql(
        `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { total } }`,
        { id: cycleId },
      );
      expect(regenerated.errors).toBeUndefined();
      expect((await inbox('enshi-scjg')).filter((x) => x.kind === 'TASK_ASSIGNED')).toHaveLength(1);
      expect((await inbox('province')).filter((x) => x.kind === 'CYCLE_OPENED')).toHaveLength(1);
    });

    it('sends due-soon and overdue reminders once, to the task’s operators only', async () => {
      const reminders = api.server.app.get(DueReminders);
      // Due 2026-03-16: 14 days from 2026-03-02.
      const [{ tasks }] = await db.query(
        `SELECT count(*)::int AS tasks FROM task WHERE cycle_id = $1`,
        [cycleId],
      );
      let started = Date.now();
      const first = await reminders.run();
      const firstMs = Date.now() - started;
      started = Date.now();
      const second = await reminders.run();
      const secondMs = Date.now() - started;
      process.stdout.write(
        `\nDUE REMINDERS ${JSON.stringify({ tasks, notifications: first.notifications, firstMs, secondMs })}\n`,
      );
      // Province scale (every unit × every tracked duty), set-based: well under 5 s.
      expect(firstMs).toBeLessThan(5000);
      expect(second.notifications).toBe(0);
      expect(first.today).toBe('2026-03-02');
      expect(first.dueSoon).toBeGreaterThan(1000);
      expect(first.notifications).toBeGreaterThan(0);
      const dueSoon = (await inbox('enshi-scjg')).filter(
        (x) => x.kind === 'DUE_SOON' && x.dedupe_key?.startsWith('due:'),
      );
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM task t JOIN app_user u ON u.username = 'enshi-scjg'
          WHERE t.cycle_id = $1 AND t.unit_code = u.unit_code AND t.lead_department_id = u.department_id`,
        [cycleId],
      );
      expect(dueSoon).toHaveLength(n);
      expect(dueSoon.every((x) => x.dedupe_key?.endsWith(':2026-03-16:14'))).toBe(true);
      // Three days before, then one day before, then overdue: one more each.
      for (const [date, kind, suffix] of [
        ['2026-03-13', 'DUE_SOON', ':3'],
        ['2026-03-15', 'DUE_SOON', ':1'],
        ['2026-03-17', 'OVERDUE', ':2026-03-16'],
      ] as const) {
        clock.set(new Date(`${date}T02:00:00Z`));
        await reminders.run();
        await reminders.run();
        const mine = (await inbox('enshi-scjg')).filter(
          (x) =>
            x.kind === kind && x.dedupe_key?.endsWith(suffix) && !x.dedupe_key.startsWith('test:'),
        );
        expect(mine).toHaveLength(n);
      }
      // Never to another unit's operator about these tasks.
      const [{ foreign }] = await db.query(
        `SELECT count(*)::int AS foreign FROM notification n JOIN task t ON t.id = n.task_id
          WHERE n.recipient_username = 'enshi-scjg' AND t.unit_code <> '422801'`,
      );
      expect(foreign).toBe(0);
    });

    it('tells the operators when their task is returned, in the same transaction', async () => {
      await db.query(
        `UPDATE task SET status = 'SUBMITTED', row_version = row_version + 1 WHERE id = $1`,
        [taskId],
      );
      const [{ row_version: version }] = await db.query(
        `SELECT row_version FROM task WHERE id = $1`,
        [taskId],
      );
      clock.set(new Date('2026-03-17T03:00:00Z'));
      const supervisor = await api.signIn('enshi-zhou');
      const res = await supervisor.graphql(
        `mutation($input: TaskChangeInput!) { updateTask(input: $input) { status } }`,
        {
          input: {
            taskId,
            expectedRowVersion: version,
            status: 'RETURNED',
            reason: '佐证材料缺少盖章页',
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const [returned] = (await db.query(
        `SELECT recipient_username, title, body, link FROM notification WHERE kind = 'TASK_RETURNED' AND task_id = $1`,
        [taskId],
      )) as Array<{ recipient_username: string; title: string; body: string; link: string }>;
      expect(returned).toMatchObject({
        recipient_username: 'enshi-scjg',
        link: `/tasks/${taskId}`,
      });
      expect(returned.body).toContain('佐证材料缺少盖章页');
      // The task's label (article, duty, unit), read with the task by the status change.
      const [{ article, unit }] = await db.query(
        `SELECT a.number AS article, u.name AS unit FROM task t
           JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
           JOIN admin_unit u ON u.code = t.unit_code WHERE t.id = $1`,
        [taskId],
      );
      expect(returned.title).toMatch(new RegExp(`^任务被退回：第${article}条 .*（${unit}）$`));
    });
  });
});
