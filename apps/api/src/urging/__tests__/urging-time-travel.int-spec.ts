import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { DueReminders } from '../../notification/due-reminders';
import { NotificationDispatcher } from '../../notification/notification-dispatcher';
import {
  startTestSmtpServer,
  startTestWebhookReceiver,
  TestSmtpServer,
  TestWebhookReceiver,
} from '../../notification/testing/mail-receivers';
import {
  samplePdf,
  SignedInClient,
  startTestApi,
  TestApi,
  uploadEvidence,
} from '../../testing/test-api';
import { UrgingService } from '../urging.service';

const SECRET = 'urging-webhook-secret-0123456789';
const DAY = 86_400_000;
const EMAIL = 'enshi.scjg@example.gov.cn';

/**
 * Time travel (issue 16 acceptance): one task walks due-soon → blue → (10 days, no answer)
 * orange → (10 days) red → acknowledged and answered → submitted → verified, with the clock
 * moved by hand. At each step: the notice rows, the operator's in-app notifications, the emails
 * a real SMTP server received and the webhooks a real HTTP server received (signature checked).
 */
describe('urging: a task from due-soon to red and back to done (time travel)', () => {
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z')); // 10:00 in Shanghai
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  let api: TestApi;
  let db: DataSource;
  let urging: UrgingService;
  let dispatcher: NotificationDispatcher;
  let smtp: TestSmtpServer;
  let webhook: TestWebhookReceiver;
  let taskId: string;
  const clients: Record<string, SignedInClient> = {};
  const today = () => new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const travel = async (days: number) => {
    clock.advance(days * DAY);
    for (const name of Object.keys(clients)) clients[name] = await api.signIn(name);
  };
  const notices = () =>
    db.query(
      `SELECT id, number, colour, reason_code, closed_at, close_reason, escalated_to, supersedes_id,
              acknowledged_at, answered_at, answer
         FROM urging_notice WHERE task_id = $1 ORDER BY issued_at, seq`,
      [taskId],
    );
  const inbox = async (client: SignedInClient) =>
    (
      await client.graphql<{
        myNotifications: { items: Array<{ kind: string; title: string; link: string }> };
      }>(`query { myNotifications { items { kind title link } } }`)
    ).data!.myNotifications.items;
  /** Drains the outbox and returns the email and webhook for the notification titled `title`. */
  const delivered = async (title: string) => {
    await dispatcher.drainOnce();
    // The SMTP server parses a message after accepting it: wait for it to be there.
    const deadline = Date.now() + 15_000;
    while (!smtp.messages.some((m) => m.subject === title) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mail = smtp.messages.find((m) => m.subject === title);
    const hooks = webhook.received.filter((r) => r.body.title === title);
    return { mail, hooks };
  };
  const rowVersion = async () =>
    (await db.query(`SELECT row_version FROM task WHERE id = $1`, [taskId]))[0].row_version;
  const move = async (client: SignedInClient, status: string) => {
    const res = await client.graphql(
      `mutation($input: TaskChangeInput!) { updateTask(input: $input) { id status } }`,
      {
        input: {
          taskId,
          expectedRowVersion: await rowVersion(),
          status,
          ...(status === 'SUBMITTED' ? { progressNote: '已按督办要求完成' } : {}),
        },
      },
    );
    expect(res.errors).toBeUndefined();
  };

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
      },
      { clock },
    );
    db = api.server.app.get(DataSource);
    urging = api.server.app.get(UrgingService);
    dispatcher = api.server.app.get(NotificationDispatcher);
    for (const name of ['province', 'enshi-zhou', 'enshi-scjg']) {
      clients[name] = await api.signIn(name);
    }
    const [{ id: versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    const created = await clients.province.graphql(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: versionId },
    );
    expect(created.errors).toBeUndefined();
    [{ id: taskId }] = await db.query(
      `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
        WHERE t.unit_code = '422801' AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 1`,
    );
    // Due in 11 days, not started: due soon and behind schedule. Every other task is due at the
    // end of the year, so the whole-cycle job touches this task only.
    await db.query(`UPDATE task SET due_date = '2026-06-12' WHERE id = $1`, [taskId]);
    const settings = await clients['enshi-scjg'].graphql(
      `mutation($input: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { email } }`,
      { input: { email: EMAIL } },
    );
    expect(settings.errors).toBeUndefined();
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await webhook?.close();
  });

  it('walks the whole ladder with notices, in-app notifications, emails and signed webhooks', async () => {
    // 2026-06-01: 临近提醒 from the reminders job, then the blue notice.
    await api.server.app.get(DueReminders).run();
    expect((await inbox(clients['enshi-scjg'])).map((n) => n.kind)).toContain('DUE_SOON');
    const blueRun = await urging.runDaily(today());
    expect(blueRun).toMatchObject({ issued: 1, blue: 1 });
    const [blue] = await notices();
    expect(blue).toMatchObject({ colour: 'BLUE', reason_code: 'BEHIND_SCHEDULE', closed_at: null });
    const blueItem = (await inbox(clients['enshi-scjg'])).find((n) => n.kind === 'URGING_ISSUED');
    expect(blueItem).toMatchObject({ link: `/tasks/${taskId}` });
    expect(blueItem!.title).toContain(`蓝色督办单 ${blue.number}`);
    let sent = await delivered(blueItem!.title);
    expect(sent.mail?.text).toContain('至今尚未开展');
    expect(sent.mail?.text).toContain(`https://duty.example.gov.cn/tasks/${taskId}`);
    expect(
      (Array.isArray(sent.mail?.to) ? sent.mail?.to[0] : sent.mail?.to)?.value[0].address,
    ).toBe(EMAIL);
    expect(sent.hooks).toHaveLength(1);
    expect(sent.hooks[0]).toMatchObject({
      signatureValid: true,
      body: { kind: 'URGING_ISSUED', taskId, unitCode: '422801' },
    });
    // The same day again: nothing new anywhere.
    expect((await urging.runDaily(today())).issued).toBe(0);
    const mails = smtp.messages.length;
    await dispatcher.drainOnce();
    expect(smtp.messages.length).toBe(mails);

    // 2026-06-11: the blue notice went unanswered for 10 days → orange.
    await travel(10);
    expect(await urging.runDaily(today())).toMatchObject({ issued: 1, orange: 1, escalated: 1 });
    const [blueAfter, orange] = await notices();
    expect(blueAfter).toMatchObject({ close_reason: 'ESCALATED', escalated_to: orange.id });
    expect(orange).toMatchObject({ colour: 'ORANGE', reason_code: 'UNANSWERED_BLUE' });
    const orangeItem = (await inbox(clients['enshi-scjg'])).find(
      (n) => n.kind === 'URGING_ESCALATED' && n.title.includes(orange.number),
    );
    expect(orangeItem!.title).toContain('橙色督办单');
    sent = await delivered(orangeItem!.title);
    expect(sent.mail?.text).toContain(`蓝色督办单 ${blue.number} 逾期未反馈`);
    expect(sent.hooks.map((h) => [h.signatureValid, h.body.kind])).toEqual([
      [true, 'URGING_ESCALATED'],
    ]);

    // 2026-06-21: overdue, and the orange unanswered for 10 days → red, to the supervisors too.
    await travel(10);
    expect(await urging.runDaily(today())).toMatchObject({ issued: 1, red: 1 });
    const red = (await notices())[2];
    expect(red).toMatchObject({ colour: 'RED', reason_code: 'UNANSWERED_ORANGE', closed_at: null });
    const redItem = (await inbox(clients['enshi-scjg'])).find((n) => n.title.includes(red.number));
    expect(redItem).toMatchObject({ kind: 'URGING_ESCALATED' });
    for (const supervisor of ['enshi-zhou', 'province']) {
      expect((await inbox(clients[supervisor])).map((n) => n.title)).toContain(redItem!.title);
    }
    sent = await delivered(redItem!.title);
    expect(sent.mail).toBeDefined();
    // One webhook per recipient (operator and the two supervisors), each signed.
    expect(sent.hooks).toHaveLength(3);
    expect(sent.hooks.every((h) => h.signatureValid)).toBe(true);

    // The operator acknowledges and answers; the supervisors hear the answer.
    const ack = await clients['enshi-scjg'].graphql(
      `mutation($id: ID!) { acknowledgeUrgingNotice(id: $id) { acknowledgedAt } }`,
      { id: red.id },
    );
    expect(ack.errors).toBeUndefined();
    const answer = await clients['enshi-scjg'].graphql(
      `mutation($input: AnswerUrgingNoticeInput!) { answerUrgingNotice(input: $input) { answeredAt answer } }`,
      { input: { id: red.id, answer: '已召开专题会议部署，6 月 25 日前提交全部材料。' } },
    );
    expect(answer.errors).toBeUndefined();
    expect((await notices())[2]).toMatchObject({
      answer: '已召开专题会议部署，6 月 25 日前提交全部材料。',
    });
    expect((await inbox(clients['enshi-zhou'])).map((n) => n.title)).toContain(
      `督办单 ${red.number} 已反馈`,
    );

    // 2026-06-24: submitted with evidence → the red notice closes; then verified.
    await travel(3);
    const upload = await uploadEvidence(api, clients['enshi-scjg'], taskId, [
      { name: '整改材料.pdf', content: samplePdf('urging-time-travel') },
    ]);
    expect(upload.status).toBe(201);
    await move(clients['enshi-scjg'], 'SUBMITTED');
    expect((await notices())[2]).toMatchObject({ close_reason: 'TASK_SUBMITTED' });
    await move(clients['enshi-zhou'], 'VERIFIED');
    await travel(10);
    expect((await urging.runDaily(today())).issued).toBe(0);
    const open = await db.query(
      `SELECT count(*)::int AS n FROM urging_notice WHERE task_id = $1 AND closed_at IS NULL`,
      [taskId],
    );
    expect(open).toEqual([{ n: 0 }]);
    const history = await db.query(
      `SELECT kind FROM task_event WHERE task_id = $1 AND kind <> 'created' ORDER BY id`,
      [taskId],
    );
    expect(history.map((h: { kind: string }) => h.kind)).toEqual([
      'urging_issued',
      'urging_issued',
      'urging_issued',
      'urging_acknowledged',
      'urging_answered',
      'evidence_added',
      'status',
      'status',
    ]);
  });
});
