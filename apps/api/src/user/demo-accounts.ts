import { Role } from '../auth/role';

/**
 * The documented demo password (README) of every demo account. Demo only: with
 * NODE_ENV=production the demo seed refuses to run and the server refuses to start while any
 * demo account still has it; nobody can choose it as a new password.
 */
export const DEMO_PASSWORD = 'Hubei@Demo2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitCode?: string;
  /** Department kind of the operator's department in that unit. */
  departmentKind?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'sysadmin', displayName: '系统管理员（演示）', role: Role.SYSTEM_ADMIN },
  { username: 'secadmin', displayName: '安全管理员（演示）', role: Role.SECURITY_ADMIN },
  { username: 'auditadmin', displayName: '审计管理员（演示）', role: Role.AUDIT_ADMIN },
  {
    username: 'province',
    displayName: '省市场监管局督导（演示）',
    role: Role.PROVINCIAL_SUPERVISOR,
  },
  {
    username: 'enshi-zhou',
    displayName: '恩施州督导（演示）',
    role: Role.PREFECTURE_SUPERVISOR,
    unitCode: '422800',
  },
  {
    username: 'jiangan-scjg',
    displayName: '江岸区市场监督管理局经办人（演示）',
    role: Role.COUNTY_OPERATOR,
    unitCode: '420102',
    departmentKind: 'market_regulation',
  },
  {
    username: 'enshi-scjg',
    displayName: '恩施市市场监督管理局经办人（演示）',
    role: Role.COUNTY_OPERATOR,
    unitCode: '422801',
    departmentKind: 'market_regulation',
  },
  { username: 'auditor', displayName: '省级审计评估人员（演示）', role: Role.AUDITOR },
];
