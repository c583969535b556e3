import { ConfigError, loadConfig } from './config';

describe('database roles and audit chain settings', () => {
  it('reads the owner URL next to the application URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://duty_app:a@db:5432/duty',
      DATABASE_OWNER_URL: 'postgres://duty:o@db:5432/duty',
    });
    expect(config.database).toMatchObject({
      kind: 'external',
      url: 'postgres://duty_app:a@db:5432/duty',
      ownerUrl: 'postgres://duty:o@db:5432/duty',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).database).not.toHaveProperty('ownerUrl');
  });

  it('refuses an owner URL without the application URL, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://duty:o@db:5432/duty' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://duty:o@db:5432/duty' })).toThrow(
      /DATABASE_OWNER_URL: needs DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://h/db', DATABASE_OWNER_URL: 'mysql://h/db' }),
    ).toThrow(/DATABASE_OWNER_URL/);
  });

  it('checks the hash chains daily by default; 0 turns the schedule off', () => {
    expect(loadConfig({}).auditVerifyIntervalHours).toBe(24);
    expect(loadConfig({ AUDIT_VERIFY_INTERVAL_HOURS: '0' }).auditVerifyIntervalHours).toBe(0);
    expect(() => loadConfig({ AUDIT_VERIFY_INTERVAL_HOURS: '-1' })).toThrow(
      /AUDIT_VERIFY_INTERVAL_HOURS/,
    );
  });
});
