import type { Cycle } from '../hooks/useCycles';
import type { AdminUnit, CurrentUser, Department } from '../modules/auth/graphql/types';
import type { UserAccount } from '../modules/user-admin/graphql/types';

// GraphQL answers as the API sends them (with __typename, which the Apollo cache needs).

export const HUBEI: AdminUnit = {
  __typename: 'AdminUnit',
  code: '420000',
  name: '湖北省',
  level: 'PROVINCE',
  parentCode: null,
  directlyAdministered: false,
};

export function adminUnit(overrides: Partial<AdminUnit> & Pick<AdminUnit, 'code' | 'name'>) {
  return {
    __typename: 'AdminUnit',
    level: 'COUNTY',
    parentCode: HUBEI.code,
    directlyAdministered: false,
    ...overrides,
  } satisfies AdminUnit;
}

export function department(overrides: Partial<Department> & Pick<Department, 'id' | 'name'>) {
  return { __typename: 'Department', unitCode: '420102', ...overrides } satisfies Department;
}

/**
 * An assessment cycle as the Cycles query returns it: the year's cycle of Hubei, open, of
 * version rv-1.
 */
export function cycle(overrides: Partial<Cycle> & Pick<Cycle, 'id' | 'year'>) {
  const { year } = overrides;
  return {
    __typename: 'AssessmentCycle',
    title: `${year}年度`,
    state: 'open',
    startDate: `${year}-01-01`,
    dueDate: `${year}-12-31`,
    closedAt: null,
    regulationVersionId: 'rv-1',
    regulationTitle: '湖北省质量促进条例',
    regulationCode: 'hubei-quality-promotion',
    provinceCode: HUBEI.code,
    province: { __typename: 'AdminUnit', code: HUBEI.code, name: HUBEI.name },
    ...overrides,
  } satisfies Cycle;
}

export function currentUser(overrides: Partial<CurrentUser> = {}) {
  return {
    __typename: 'CurrentUser',
    id: 'u-admin',
    username: 'admin',
    displayName: '张管理',
    role: 'SYSTEM_ADMIN',
    unit: null,
    department: null,
    mustChangePassword: false,
    passwordExpired: false,
    secondFactorStep: null,
    sessionExpiresAt: '2030-01-01T00:00:00.000Z',
    singleSignOn: false,
    ...overrides,
  } satisfies CurrentUser;
}

export function userAccount(
  overrides: Partial<UserAccount> & Pick<UserAccount, 'id' | 'username'>,
) {
  return {
    __typename: 'UserAccount',
    displayName: `用户${overrides.username}`,
    office: null,
    phone: null,
    role: null,
    unit: null,
    scopeProvinces: [],
    department: null,
    disabled: false,
    lockedUntil: null,
    mustChangePassword: false,
    totpEnabled: false,
    externalSubject: null,
    breakGlass: false,
    lastSignInAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  } satisfies UserAccount;
}

export const systemInfo = {
  __typename: 'SystemInfo',
  productName: '湖北省质量促进条例履职督办系统',
  version: '0.1.0',
  databaseServerVersion: '16.4',
  databaseMode: 'EMBEDDED',
  appliedMigrations: 3,
  demoDataLoadedAt: null,
};
