import { generateTemporaryPassword, hashPassword } from '@duty/api/passwords';
import { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import { SecurityAuditEntry } from '../security-audit/security-audit-entry.entity';
import { AuditAction } from '../security-audit/security-audit.service';
import { ADMIN_ROLES } from './role-separation';
import { AppUser } from './user.entity';

/**
 * The first administrators of a production database (create-admin): one account for each of
 * the three separated administrator roles (三权分立), so that no single person holds the powers
 * of two. Each gets a one-time password (the same generator and policy as an administrator's
 * reset) that must be changed at the first sign-in; the second factor is enrolled then too,
 * as MFA_REQUIRED_ROLES demands of every administrator.
 */
export interface FirstAdministrator {
  role: Role;
  username: string;
  displayName: string;
}

export const DEFAULT_FIRST_ADMINISTRATORS: readonly FirstAdministrator[] = [
  { role: Role.SYSTEM_ADMIN, username: 'sysadmin', displayName: '系统管理员' },
  { role: Role.SECURITY_ADMIN, username: 'secadmin', displayName: '安全管理员' },
  { role: Role.AUDIT_ADMIN, username: 'auditadmin', displayName: '审计管理员' },
];

/** Same rule as the user administration's (lower case, 3–64 characters). */
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Stable codes of a refusal: printed, and mapped to exit codes by the command. */
export type FirstAdministratorsRefusal =
  'ADMIN_ACCOUNTS_EXIST' | 'USERNAME_TAKEN' | 'USERNAME_INVALID' | 'USERNAME_DUPLICATE';

export class FirstAdministratorsError extends Error {
  constructor(
    readonly code: FirstAdministratorsRefusal,
    message: string,
    readonly usernames: string[] = [],
  ) {
    super(`${code}: ${message}`);
    this.name = 'FirstAdministratorsError';
  }
}

export interface CreatedAdministrator extends FirstAdministrator {
  id: string;
  /** Shown once; only its hash is stored. */
  oneTimePassword: string;
}

/** Administrator accounts of any state (disabled ones too: they can be enabled again). */
export async function existingAdministrators(
  dataSource: DataSource,
): Promise<Array<{ username: string; role: Role }>> {
  return dataSource.query(
    `SELECT username, role FROM app_user WHERE role = ANY($1::varchar[]) ORDER BY username`,
    [ADMIN_ROLES],
  );
}

export function normalizedAdministrators(
  accounts: readonly FirstAdministrator[],
): FirstAdministrator[] {
  const normalized = accounts.map((a) => ({
    ...a,
    username: a.username.normalize('NFKC').trim().toLowerCase(),
  }));
  const invalid = normalized.filter((a) => !USERNAME_PATTERN.test(a.username));
  if (invalid.length) {
    throw new FirstAdministratorsError(
      'USERNAME_INVALID',
      `用户名须为 3–64 位小写字母、数字、点、下划线或连字符，并以字母或数字开头：${invalid.map((a) => a.username).join(', ')}`,
      invalid.map((a) => a.username),
    );
  }
  if (new Set(normalized.map((a) => a.username)).size !== normalized.length) {
    throw new FirstAdministratorsError(
      'USERNAME_DUPLICATE',
      '三个管理员账户须使用三个不同的用户名（三权分立）。',
      normalized.map((a) => a.username),
    );
  }
  return normalized;
}

/**
 * Creates the three administrator accounts in one transaction, with their security audit
 * entries in the same transaction (no account without its record, nor the reverse), or
 * refuses without changing anything when any administrator account exists. An advisory lock
 * serialises two runs started at once (two containers with the one-shot).
 */
export async function createFirstAdministrators(
  dataSource: DataSource,
  options: {
    passwordCostLog2: number;
    accounts?: readonly FirstAdministrator[];
    /** Recorded in the audit entries: how the command was run (cli, env one-shot). */
    via: string;
    now?: Date;
  },
): Promise<CreatedAdministrator[]> {
  const accounts = normalizedAdministrators(options.accounts ?? DEFAULT_FIRST_ADMINISTRATORS);
  const prepared = await Promise.all(
    accounts.map(async (account) => {
      const oneTimePassword = generateTemporaryPassword({
        username: account.username,
        displayName: account.displayName,
      });
      const passwordHash = await hashPassword(oneTimePassword, {
        costLog2: options.passwordCostLog2,
      });
      return { account, oneTimePassword, passwordHash };
    }),
  );
  const now = options.now ?? new Date();
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('duty:create-admin'))`);
    const existing: Array<{ username: string }> = await manager.query(
      `SELECT username FROM app_user WHERE role = ANY($1::varchar[]) ORDER BY username`,
      [ADMIN_ROLES],
    );
    if (existing.length) {
      throw new FirstAdministratorsError(
        'ADMIN_ACCOUNTS_EXIST',
        `已存在管理员账户（${existing.map((r) => r.username).join(', ')}），未做任何修改。` +
          '管理员密码遗失时，请按双人审批重置密码（README：用户与权限）。',
        existing.map((r) => r.username),
      );
    }
    const taken: Array<{ username: string }> = await manager.query(
      `SELECT username FROM app_user WHERE username = ANY($1::varchar[]) ORDER BY username`,
      [accounts.map((a) => a.username)],
    );
    if (taken.length) {
      throw new FirstAdministratorsError(
        'USERNAME_TAKEN',
        `用户名已被其他账户使用：${taken.map((r) => r.username).join(', ')}。请用 --system-admin / --security-admin / --audit-admin 指定其他用户名。`,
        taken.map((r) => r.username),
      );
    }
    const created: CreatedAdministrator[] = [];
    for (const { account, oneTimePassword, passwordHash } of prepared) {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AppUser)
        .values({
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          passwordChangedAt: now,
          mustChangePassword: true,
          role: account.role,
          unitCode: null,
          departmentId: null,
          demoAccount: false,
          // The first administrators keep password sign-in when single sign-on is made the
          // only way in (LOCAL_PASSWORD_SIGN_IN=break-glass): otherwise nobody could bind roles.
          breakGlass: true,
        })
        .returning(['id'])
        .execute();
      const id = inserted.raw[0].id as string;
      created.push({ ...account, id, oneTimePassword });
    }
    for (const account of created) {
      await manager.getRepository(SecurityAuditEntry).insert({
        actorUserId: null,
        actorUsername: null,
        action: AuditAction.UserCreated,
        result: 'success',
        target: `user:${account.username}`,
        ip: null,
        detail: {
          via: options.via,
          reason: 'first_administrators',
          role: account.role,
          mustChangePassword: true,
        },
      });
    }
    return created;
  });
}
