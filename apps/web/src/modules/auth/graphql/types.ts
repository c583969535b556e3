// Hand-written until GraphQL code generation is set up; mirrors the API's account types.

export type Role =
  | 'SYSTEM_ADMIN'
  | 'SECURITY_ADMIN'
  | 'AUDIT_ADMIN'
  | 'PROVINCIAL_SUPERVISOR'
  | 'PREFECTURE_SUPERVISOR'
  | 'COUNTY_OPERATOR'
  | 'AUDITOR';

export type AdminLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY';

export interface AdminUnit {
  __typename?: 'AdminUnit';
  code: string;
  name: string;
  level: AdminLevel;
  parentCode: string | null;
  /** A county-level unit administered directly by the province (省直管), not by a prefecture. */
  directlyAdministered: boolean;
}

export interface Department {
  __typename?: 'Department';
  id: string;
  name: string;
  unitCode: string;
}

/** The signed-in user (`me`). */
export interface CurrentUser {
  __typename?: 'CurrentUser';
  id: string;
  username: string;
  displayName: string;
  /** Null until a security administrator assigns one. */
  role: Role | null;
  unit: AdminUnit | null;
  department: Department | null;
  mustChangePassword: boolean;
  /** ISO 8601 date-time. */
  sessionExpiresAt: string;
}
