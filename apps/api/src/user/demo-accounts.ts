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
  /** 单位/科室 shown next to the name. */
  office: string;
  phone?: string;
  role: Role;
  unitCode?: string;
  /** Department kind of the operator's department in that unit. */
  departmentKind?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'sysadmin',
    displayName: '周建国',
    office: '湖北省市场监督管理局信息中心（系统管理员）',
    phone: '027-87654301',
    role: Role.SYSTEM_ADMIN,
  },
  {
    username: 'secadmin',
    displayName: '孙丽萍',
    office: '湖北省市场监督管理局信息中心（安全管理员）',
    phone: '027-87654302',
    role: Role.SECURITY_ADMIN,
  },
  {
    username: 'auditadmin',
    displayName: '何志强',
    office: '湖北省市场监督管理局机关纪委（审计管理员）',
    phone: '027-87654303',
    role: Role.AUDIT_ADMIN,
  },
  {
    username: 'national',
    displayName: '赵国栋',
    office: '国家市场监督管理总局质量发展局',
    phone: '010-82261234',
    role: Role.NATIONAL_SUPERVISOR,
  },
  {
    username: 'province',
    displayName: '李文华',
    office: '湖北省市场监督管理局质量发展局',
    phone: '027-87654310',
    role: Role.PROVINCIAL_SUPERVISOR,
    unitCode: '420000',
  },
  {
    username: 'enshi-zhou',
    displayName: '张明辉',
    office: '恩施州市场监督管理局质量发展科',
    phone: '0718-8221234',
    role: Role.PREFECTURE_SUPERVISOR,
    unitCode: '422800',
  },
  {
    username: 'jiangan-scjg',
    displayName: '王晓燕',
    office: '江岸区市场监督管理局质量股',
    phone: '027-82801234',
    role: Role.COUNTY_OPERATOR,
    unitCode: '420102',
    departmentKind: 'market_regulation',
  },
  {
    username: 'enshi-scjg',
    displayName: '向春梅',
    office: '恩施市市场监督管理局质量股',
    phone: '0718-8256789',
    role: Role.COUNTY_OPERATOR,
    unitCode: '422801',
    departmentKind: 'market_regulation',
  },
  {
    username: 'auditor',
    displayName: '陈思远',
    office: '湖北省市场监督管理局考核评估组',
    phone: '027-87654320',
    role: Role.AUDITOR,
  },
];
