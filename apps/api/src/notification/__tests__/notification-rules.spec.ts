import { loadConfig } from '../../config/config';
import {
  deliveryMessageId,
  retryDelayMs,
  verifyWebhookSignature,
  webhookSignature,
} from '../delivery-signature';
import { smtpOptions } from '../notification-config';
import { formatMinutes, parseClock, validEmail } from '../notification-settings-rules';

describe('webhook signature (the contract a gateway implements)', () => {
  const secret = 'gateway-shared-secret-123';
  const body = JSON.stringify({ deliveryId: 'd1', title: '督办单' });

  it('is hex HMAC-SHA256 over "<timestamp>.<raw body>"', () => {
    // Computed independently: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac k
    expect(webhookSignature('k', 1700000000, '{"a":1}')).toBe(
      'sha256=1b6ad1bc9bf48c52ce01939866d5877c6cc4e87ddad27e16673cb8c4964394a3',
    );
    expect(webhookSignature(secret, 1700000000, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('verifies, and refuses a changed body, another secret or an old timestamp', () => {
    const ts = 1_800_000_000;
    const signature = webhookSignature(secret, ts, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret,
        timestamp: String(ts),
        signature,
        rawBody: body,
        nowSeconds: ts + 10,
        ...over,
      });
    expect(check({})).toBe(true);
    expect(check({ rawBody: body.replace('督办单', '通知') })).toBe(false);
    expect(check({ secret: 'another-secret-00000' })).toBe(false);
    expect(check({ nowSeconds: ts + 3600 })).toBe(false);
    expect(check({ signature: undefined })).toBe(false);
    expect(check({ timestamp: 'yesterday' })).toBe(false);
  });

  it('derives the email Message-ID from the delivery id', () => {
    expect(deliveryMessageId('0b6f…')).toBe('<0b6f…@duty-tracker.notification>');
  });
});

describe('retry backoff', () => {
  it('doubles from the base and stops at six hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(retryDelayMs(20, 30_000)).toBe(6 * 3_600_000);
  });
});

describe('settings rules', () => {
  it.each([
    ['zhangsan@example.gov.cn', true],
    ['zhangsan@example', false],
    ['zhang san@example.gov.cn', false],
    ['a@b@c.cn', false],
  ])('email %s → %s', (email, ok) => expect(validEmail(email)).toBe(ok));

  it('reads and writes HH:MM', () => {
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock('24:00')).toBeNull();
    expect(formatMinutes(450)).toBe('07:30');
    expect(formatMinutes(null)).toBeNull();
  });
});

describe('notification configuration', () => {
  const base = { NODE_ENV: 'test' } as NodeJS.ProcessEnv;

  it('keeps jobs off in tests and on elsewhere unless told', () => {
    expect(loadConfig(base).notifications.jobsEnabled).toBe(false);
    expect(loadConfig({ ...base, JOBS_ENABLED: 'true' }).notifications.jobsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).notifications.jobsEnabled).toBe(true);
  });

  it('has no channel until configured', () => {
    const { notifications } = loadConfig(base);
    expect(notifications.smtp).toBeNull();
    expect(notifications.webhook).toBeNull();
  });

  it.each([
    [
      { WEBHOOK_URL: 'https://gw.example.gov.cn/duty' },
      'WEBHOOK_SECRET: required with WEBHOOK_URL',
    ],
    [{ WEBHOOK_URL: 'ftp://gw' }, 'WEBHOOK_URL: must be a http:// or https:// URL'],
    [{ SMTP_URL: 'mail.example.gov.cn' }, 'SMTP_URL: must be a smtp:// or smtps:// URL'],
    [{ WEBHOOK_SECRET: 'short' }, 'WEBHOOK_SECRET: must be at least 16 characters'],
    [
      { NOTIFICATION_LEASE_SECONDS: '10', NOTIFICATION_SEND_TIMEOUT_SECONDS: '10' },
      'NOTIFICATION_LEASE_SECONDS (10) must be longer than NOTIFICATION_SEND_TIMEOUT_SECONDS (10)',
    ],
  ])('refuses %j', (env, problem) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(problem);
  });

  it('reads SMTP_URL into nodemailer options', () => {
    expect(smtpOptions('smtps://u%40x:p%2Fw@mail.example.gov.cn', 5000)).toMatchObject({
      host: 'mail.example.gov.cn',
      port: 465,
      secure: true,
      auth: { user: 'u@x', pass: 'p/w' },
      connectionTimeout: 5000,
    });
    expect(smtpOptions('smtp://127.0.0.1:2525', 5000)).toMatchObject({
      port: 2525,
      secure: false,
      auth: undefined,
    });
  });
});
