import 'reflect-metadata';
import { type FileHandle, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { Role } from '../auth/role';
import {
  type CreatedAdministrator,
  createFirstAdministrators,
  DEFAULT_FIRST_ADMINISTRATORS,
  existingAdministrators,
  FirstAdministratorsError,
  type FirstAdministratorsRefusal,
} from '../user/first-administrators';
import { print, runCli, withConfiguredDatabase } from './cli-support';

const USAGE = `Usage: duty create-admin [--system-admin <username>] [--security-admin <username>] [--audit-admin <username>] [--json] [--password-file <file>] [--if-absent]
       (npm run create-admin -- …)
  Creates the three separated administrator accounts (三权分立: system, security, audit
  administrator) on a database that has none, each with a one-time password shown once: it
  must be changed at the first sign-in, where the second factor (TOTP) is enrolled too.
  Migrates the database first when it is new. Refuses, changing nothing, when any
  administrator account exists (exit 3, ADMIN_ACCOUNTS_EXIST).
  --system-admin    username of the system administrator (default sysadmin)
  --security-admin  username of the security administrator (default secadmin)
  --audit-admin     username of the audit administrator (default auditadmin)
  --json            print the accounts and passwords as JSON
  --password-file   write the passwords to this new file (mode 0600) instead of printing them
  --if-absent       exit 0 without change when administrators exist (container one-shot)
Exit codes: 0 created (or present with --if-absent), 2 usage, 3 ADMIN_ACCOUNTS_EXIST,
  4 USERNAME_TAKEN / USERNAME_INVALID / USERNAME_DUPLICATE, 5 PASSWORD_FILE_EXISTS, 1 other errors.`;

const VALUE_OPTIONS = ['system-admin', 'security-admin', 'audit-admin', 'password-file'];
const FLAGS = ['json', 'if-absent'];

const CREATE_ADMIN_EXIT: Record<FirstAdministratorsRefusal | 'PASSWORD_FILE_EXISTS', number> = {
  ADMIN_ACCOUNTS_EXIST: 3,
  USERNAME_TAKEN: 4,
  USERNAME_INVALID: 4,
  USERNAME_DUPLICATE: 4,
  PASSWORD_FILE_EXISTS: 5,
};

const ROLE_ZH: Partial<Record<Role, string>> = {
  [Role.SYSTEM_ADMIN]: '系统管理员',
  [Role.SECURITY_ADMIN]: '安全管理员',
  [Role.AUDIT_ADMIN]: '审计管理员',
};

function parseArgs(argv: string[]): Record<string, string> | null {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: 'true' };
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (FLAGS.includes(name)) options[name] = 'true';
    else if (VALUE_OPTIONS.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return null;
      options[name] = value;
      i++;
    } else return null;
  }
  return options;
}

function passwordText(accounts: CreatedAdministrator[]): string {
  const lines = [
    '# 首批管理员账户的一次性密码（duty create-admin）。首次登录须修改密码并绑定第二因素（TOTP）。',
    '# One-time passwords of the first administrators: changed at the first sign-in. Delete this file after reading it.',
    ...accounts.map((a) => `${a.role}\t${a.username}\t${a.oneTimePassword}`),
  ];
  return `${lines.join('\n')}\n`;
}

runCli(async (config, logger) => {
  const options = parseArgs(process.argv.slice(2));
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    print(USAGE);
    return 0;
  }
  const [system, security, audit] = DEFAULT_FIRST_ADMINISTRATORS;
  const accounts = [
    { ...system, username: options['system-admin'] ?? system.username },
    { ...security, username: options['security-admin'] ?? security.username },
    { ...audit, username: options['audit-admin'] ?? audit.username },
  ];
  const oneShot = options['if-absent'] === 'true';
  const via = oneShot ? 'create-admin --if-absent' : 'create-admin';

  const filePath = options['password-file']
    ? path.resolve(process.cwd(), options['password-file'])
    : undefined;
  let file = undefined as FileHandle | undefined;
  let written = false as boolean;
  try {
    return await withConfiguredDatabase(
      config,
      logger,
      async (dataSource) => {
        if (oneShot) {
          const present = await existingAdministrators(dataSource);
          if (present.length) {
            print(
              `管理员账户已存在（${present.map((a) => a.username).join(', ')}），create-admin 未做任何修改。`,
            );
            return 0;
          }
        }
        // The file is created before the accounts (never overwriting one), so that passwords
        // are never generated with nowhere to put them.
        if (filePath) {
          try {
            file = await open(filePath, 'wx', 0o600);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            process.stderr.write(
              `PASSWORD_FILE_EXISTS: ${filePath} 已存在，未做任何修改。请先读取并删除该文件（其中可能有上次生成的一次性密码）。\n`,
            );
            return CREATE_ADMIN_EXIT.PASSWORD_FILE_EXISTS;
          }
        }
        let created: CreatedAdministrator[];
        try {
          created = await createFirstAdministrators(dataSource, {
            passwordCostLog2: config.auth.passwordCostLog2,
            accounts,
            via,
          });
        } catch (error) {
          if (!(error instanceof FirstAdministratorsError)) throw error;
          await new SecurityAuditService(dataSource, logger).record({
            action: AuditAction.UserCreated,
            result: 'denied',
            target: `user:${accounts.map((a) => a.username).join(',')}`.slice(0, 200),
            detail: {
              via,
              reason: error.code,
              usernames: error.usernames,
              osUser: os.userInfo().username,
            },
          });
          process.stderr.write(`${error.message}\n`);
          return CREATE_ADMIN_EXIT[error.code];
        }
        if (file && filePath) {
          await file.writeFile(passwordText(created), 'utf8');
          await file.close();
          written = true;
          print(
            `已创建 ${created.length} 个管理员账户（${created.map((a) => a.username).join(', ')}），一次性密码已写入 ${filePath}（仅属主可读）。读取后请删除该文件。`,
          );
        } else if (options.json) {
          print(
            JSON.stringify({
              accounts: created.map((a) => ({
                role: a.role,
                username: a.username,
                oneTimePassword: a.oneTimePassword,
                mustChangePassword: true,
              })),
            }),
          );
        } else {
          print(
            '已创建三个管理员账户（三权分立）。一次性密码只显示这一次，不会再次显示，也不写入日志：',
          );
          print(
            'Created the three administrator accounts. The one-time passwords are shown only now:',
          );
          print();
          for (const a of created) {
            print(`  ${ROLE_ZH[a.role]} (${a.role})\t${a.username}\t${a.oneTimePassword}`);
          }
          print();
          print('首次登录时须修改密码，并绑定第二因素（身份验证器应用 TOTP）。');
          print(
            'At the first sign-in each must change the password and enrol a second factor (TOTP).',
          );
        }
        return 0;
      },
      { migrate: true },
    );
  } finally {
    if (file && !written) {
      await file.close().catch(() => undefined);
      if (filePath) await rm(filePath, { force: true });
    }
  }
});
