import { verifyPassword } from '@duty/api/passwords';
import { createTestDatabase, TestDatabase } from '@duty/test-support';
import { DataSource } from 'typeorm';
import { Role } from '../../auth/role';
import { createDataSource } from '../../database/data-source';
import {
  createFirstAdministrators,
  existingAdministrators,
  FirstAdministratorsError,
} from '../first-administrators';

/** create-admin's core on a real, migrated database (the command itself: test/cross-app). */
describe('the first administrators (create-admin)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const cost = { passwordCostLog2: 10, via: 'test' };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  afterEach(async () => {
    // The audit log is append-only; each test reads only its own rows (by target).
    await dataSource.query(`DELETE FROM mfa_recovery_code`);
    await dataSource.query(`DELETE FROM app_user`);
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: FirstAdministratorsError) => ({ code: error.code, usernames: error.usernames }),
    );

  it('creates one account per separated role, bound, with a one-time password to change', async () => {
    const created = await createFirstAdministrators(dataSource, cost);
    expect(created.map((a) => [a.username, a.role])).toEqual([
      ['sysadmin', Role.SYSTEM_ADMIN],
      ['secadmin', Role.SECURITY_ADMIN],
      ['auditadmin', Role.AUDIT_ADMIN],
    ]);
    const rows: Array<{
      username: string;
      password_hash: string;
      must_change_password: boolean;
      totp_enabled: boolean;
      demo_account: boolean;
      unit_code: string | null;
      break_glass: boolean;
    }> = await dataSource.query(
      `SELECT username, password_hash, must_change_password, totp_enabled, demo_account, unit_code,
              break_glass
       FROM app_user ORDER BY created_at, username`,
    );
    expect(rows).toHaveLength(3);
    for (const account of created) {
      const row = rows.find((r) => r.username === account.username)!;
      expect(row).toMatchObject({
        must_change_password: true,
        totp_enabled: false,
        demo_account: false,
        unit_code: null,
        break_glass: true,
      });
      expect(row.password_hash).not.toContain(account.oneTimePassword);
      expect(await verifyPassword(account.oneTimePassword, row.password_hash)).toBe(true);
    }
    expect(await existingAdministrators(dataSource)).toHaveLength(3);
    const audit: Array<{ target: string; detail: { role: string; via: string } }> =
      await dataSource.query(
        `SELECT target, detail FROM security_audit_log
         WHERE action = 'USER_CREATED' AND detail->>'via' = 'test' ORDER BY id`,
      );
    expect(audit.map((r) => [r.target, r.detail.role])).toEqual([
      ['user:sysadmin', 'SYSTEM_ADMIN'],
      ['user:secadmin', 'SECURITY_ADMIN'],
      ['user:auditadmin', 'AUDIT_ADMIN'],
    ]);
  });

  it('refuses, changing nothing, while any administrator exists, even a disabled one', async () => {
    await createFirstAdministrators(dataSource, cost);
    await dataSource.query(
      `UPDATE app_user SET disabled = true WHERE role <> 'SECURITY_ADMIN'; DELETE FROM app_user WHERE role = 'SECURITY_ADMIN'`,
    );
    const before = await dataSource.query(`SELECT id, password_hash FROM app_user ORDER BY id`);
    expect(
      await refusal(
        createFirstAdministrators(dataSource, {
          ...cost,
          accounts: [
            { role: Role.SYSTEM_ADMIN, username: 'sys2', displayName: '系统管理员' },
            { role: Role.SECURITY_ADMIN, username: 'sec2', displayName: '安全管理员' },
            { role: Role.AUDIT_ADMIN, username: 'audit2', displayName: '审计管理员' },
          ],
        }),
      ),
    ).toEqual({ code: 'ADMIN_ACCOUNTS_EXIST', usernames: ['auditadmin', 'sysadmin'] });
    expect(await dataSource.query(`SELECT id, password_hash FROM app_user ORDER BY id`)).toEqual(
      before,
    );
  });

  it('refuses a username held by a business account, and invalid or repeated names', async () => {
    await dataSource.query(
      `INSERT INTO app_user (username, display_name, password_hash, password_changed_at, role)
       VALUES ('secadmin', '李文华', 'x', now(), 'PROVINCIAL_SUPERVISOR')`,
    );
    expect(await refusal(createFirstAdministrators(dataSource, cost))).toEqual({
      code: 'USERNAME_TAKEN',
      usernames: ['secadmin'],
    });
    expect(await existingAdministrators(dataSource)).toEqual([]);
    const accounts = (names: string[]) =>
      [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN].map((role, i) => ({
        role,
        username: names[i],
        displayName: '管理员',
      }));
    expect(
      (
        await refusal(
          createFirstAdministrators(dataSource, {
            ...cost,
            accounts: accounts(['a', 'bb2', 'cc3']),
          }),
        )
      ).code,
    ).toBe('USERNAME_INVALID');
    expect(
      (
        await refusal(
          createFirstAdministrators(dataSource, {
            ...cost,
            accounts: accounts(['Root1', 'root1', 'ops3']),
          }),
        )
      ).code,
    ).toBe('USERNAME_DUPLICATE');
  });

  it('two runs at once create the three accounts once', async () => {
    const outcomes = await Promise.allSettled([
      createFirstAdministrators(dataSource, cost),
      createFirstAdministrators(dataSource, cost),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as FirstAdministratorsError).code).toBe('ADMIN_ACCOUNTS_EXIST');
    expect(await existingAdministrators(dataSource)).toHaveLength(3);
  });
});
