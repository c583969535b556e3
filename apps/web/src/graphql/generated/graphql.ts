import type { TypedDocumentNode as DocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = {
  [_ in K]?: never;
};
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string };
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown };
};

/** Who must act (履职主体类型). Only GOVERNMENT and DEPARTMENT duties can become tasks. */
export type ActorType =
  /** 行业协会、社会团体 */
  | 'ASSOCIATION'
  /** 人大及其常委会（监督，不是执行主体） */
  | 'CONGRESS'
  /** 政府部门 */
  | 'DEPARTMENT'
  /** 企业 */
  | 'ENTERPRISE'
  /** 人民政府 */
  | 'GOVERNMENT'
  /** 新闻媒体 */
  | 'MEDIA'
  /** 公民、法人和其他组织 */
  | 'PUBLIC'
  /** 第三方机构（计量、标准、认证、检验检测等） */
  | 'THIRD_PARTY';

export type AddAdjustmentInput = {
  cycleId: Scalars['ID']['input'];
  /** bonus, deduction or remark */
  kind: Scalars['String']['input'];
  /** Points (> 0; 0 for a remark). */
  points: Scalars['Float']['input'];
  reason: Scalars['String']['input'];
  unitCode: Scalars['String']['input'];
};

/** Administrative level (行政层级). */
export type AdminLevel =
  /** 县（市、区）、林区 */
  | 'COUNTY'
  /** 设区的市、自治州 */
  | 'PREFECTURE'
  /** 省级 */
  | 'PROVINCE';

/** How analyticsBreakdown groups the tasks. */
export type AnalyticsDimension =
  /** 按条：key 为条序号，label 为“第N条” */
  | 'ARTICLE'
  /** 按章：key 为章序号，label 为章标题 */
  | 'CHAPTER'
  /** 按牵头部门类别：key 为部门类别代码，label 为类别名称（只按牵头部门计，各行之和等于总数） */
  | 'DEPARTMENT_KIND';

export type ArticleChangeKind =
  /** 新增 */
  | 'ADDED'
  /** 条文修改 */
  | 'CHANGED'
  /** 删除 */
  | 'REMOVED'
  /** 条文未变，条号变化 */
  | 'RENUMBERED'
  /** 未变 */
  | 'UNCHANGED';

export type AssessmentIndicatorInput = {
  /** Whole articles (every tracked duty in them). */
  articles?: InputMaybe<Array<Scalars['Int']['input']>>;
  chapter: Scalars['Int']['input'];
  dutyIds?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['String']['input'];
  name: Scalars['String']['input'];
  weight: Scalars['Float']['input'];
};

/** Role and jurisdiction (one user, one role). */
export type BindRoleInput = {
  /** Department of that unit, COUNTY_OPERATOR only. */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  role: Role;
  /** Prefecture for PREFECTURE_SUPERVISOR/AUDITOR; county-level unit for COUNTY_OPERATOR. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

export type BulkTaskChangeInput = {
  changes: Array<TaskChangeInput>;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChapterWeightInput = {
  chapter: Scalars['Int']['input'];
  /** Points of the chapter (all chapters sum to 100). */
  weight: Scalars['Float']['input'];
};

export type CreateCycleInput = {
  dueDate: Scalars['String']['input'];
  regulationVersionId: Scalars['ID']['input'];
  startDate: Scalars['String']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type CreateUserInput = {
  displayName: Scalars['String']['input'];
  /** 3–64 lower-case letters, digits, . _ - */
  username: Scalars['String']['input'];
};

export type CueField = 'ACTOR' | 'ACTOR_TYPE' | 'DEPARTMENTS' | 'LEVELS' | 'MODALITY' | 'SUBJECT';

/** Where the database runs: the embedded server started by the API, or an external one (DATABASE_URL). */
export type DatabaseMode = 'EMBEDDED' | 'EXTERNAL';

export type DecideExtensionInput = {
  approve: Scalars['Boolean']['input'];
  /** Row version of the task. */
  expectedRowVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  requestId: Scalars['ID']['input'];
};

export type DeductionRulesInput = {
  perExtensionBeyondFirst: Scalars['Float']['input'];
  perReturn: Scalars['Float']['input'];
};

export type DepartmentRole =
  /** 配合 */
  | 'ASSIST'
  /** 牵头 */
  | 'LEAD';

export type DutyEventKind = 'CARRIED_OVER' | 'EXTRACTED' | 'REVIEWED';

/** Filters for the duty register; all given filters must hold. */
export type DutyFilterInput = {
  actorTypes?: InputMaybe<Array<ActorType>>;
  articleNumbers?: InputMaybe<Array<Scalars['Int']['input']>>;
  chapterNumbers?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Lead or assisting department kind codes. */
  departmentCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only government and department duties. */
  governmentOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Applies at any of these levels. */
  levels?: InputMaybe<Array<AdminLevel>>;
  modalities?: InputMaybe<Array<Modality>>;
  /** Latest version of this regulation. */
  regulationCode?: InputMaybe<Scalars['String']['input']>;
  reviewStates?: InputMaybe<Array<ReviewState>>;
  /** Substring of the duty text, subject or actor. */
  search?: InputMaybe<Scalars['String']['input']>;
  tracked?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: the latest version of each regulation. */
  versionId?: InputMaybe<Scalars['ID']['input']>;
};

/** Evidence explorer filters (auditors and supervisors). */
export type EvidenceFilterInput = {
  articleNumber?: InputMaybe<Scalars['Int']['input']>;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  /** 文号 contains */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** Include superseded and withdrawn versions. */
  includeHistory?: InputMaybe<Scalars['Boolean']['input']>;
  taskStatus?: InputMaybe<Scalars['String']['input']>;
  /** A unit; a prefecture includes its counties. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
  /** Uploaded on or after (YYYY-MM-DD). */
  uploadedFrom?: InputMaybe<Scalars['String']['input']>;
  /** Uploaded on or before (YYYY-MM-DD). */
  uploadedTo?: InputMaybe<Scalars['String']['input']>;
};

export type GradeBandInput = {
  grade: Scalars['String']['input'];
  min: Scalars['Float']['input'];
};

export type ImportRegulationInput = {
  /** Stable regulation code, e.g. hubei-quality-promotion. */
  code: Scalars['String']['input'];
  /** 施行日期 YYYY-MM-DD. */
  effectiveDate?: InputMaybe<Scalars['String']['input']>;
  status?: RegulationVersionStatus;
  /** The full regulation text. */
  text: Scalars['String']['input'];
};

/** How binding the duty is (规范性质). */
export type Modality =
  /** 无情态动词的政府承诺：宣示性 */
  | 'DECLARATIVE'
  /** 可以：授权性 */
  | 'DISCRETIONARY'
  /** 鼓励、支持、引导：倡导性 */
  | 'ENCOURAGED'
  /** 应当、必须：义务性 */
  | 'MANDATORY';

export type PageInput = {
  /** 1–500. */
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};

export type RegulationVersionStatus =
  /** 草案 */
  | 'DRAFT'
  /** 已通过/施行 */
  | 'ENACTED';

export type RequestExtensionInput = {
  expectedRowVersion: Scalars['Int']['input'];
  newDueDate: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

/** A review of one duty. Omitted fields keep their value. */
export type ReviewDutyInput = {
  actorType?: InputMaybe<ActorType>;
  /** 配合部门 (department kind codes). */
  assistingDepartmentCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  dutyId: Scalars['ID']['input'];
  /** The rowVersion you read; a stale one fails with CONFLICT. */
  expectedRowVersion: Scalars['Int']['input'];
  /** 牵头部门 (department kind code). */
  leadDepartmentCode?: InputMaybe<Scalars['String']['input']>;
  levels?: InputMaybe<Array<AdminLevel>>;
  modality?: InputMaybe<Modality>;
  /** Why (kept in the history). */
  note?: InputMaybe<Scalars['String']['input']>;
  tracked?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ReviewState =
  /** 自动提取，待审核 */
  | 'EXTRACTED'
  /** 已审核 */
  | 'REVIEWED';

export type Role =
  /** 审计评估人员：辖区内只读 */
  | 'AUDITOR'
  /** 审计管理员：只查看安全审计日志 */
  | 'AUDIT_ADMIN'
  /** 县级部门经办人：一个单位的一个部门 */
  | 'COUNTY_OPERATOR'
  /** 市州督导：一个市州及其县（市、区） */
  | 'PREFECTURE_SUPERVISOR'
  /** 省级督导：全省 */
  | 'PROVINCIAL_SUPERVISOR'
  /** 安全管理员：角色分配、账户锁定、安全设置 */
  | 'SECURITY_ADMIN'
  /** 系统管理员：用户与配置，不做业务审批 */
  | 'SYSTEM_ADMIN';

export type SaveAssessmentPlanInput = {
  bands: Array<GradeBandInput>;
  bonusCap: Scalars['Float']['input'];
  chapterWeights: Array<ChapterWeightInput>;
  cycleId: Scalars['ID']['input'];
  deductions: DeductionRulesInput;
  /** The version you edited (0 for the default): a stale one is a CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  /** Omitted: keep the current indicators. */
  indicators?: InputMaybe<Array<AssessmentIndicatorInput>>;
  note?: InputMaybe<Scalars['String']['input']>;
  rules: ScoringRulesInput;
};

export type ScoringRulesInput = {
  notStarted: Scalars['Float']['input'];
  /** Overdue at cycle end, whatever the status. */
  overdueAtCycleEnd: Scalars['Float']['input'];
  returnedOrInProgress: Scalars['Float']['input'];
  submitted: Scalars['Float']['input'];
  verified: Scalars['Float']['input'];
};

export type SecurityAuditFilterInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorUsername?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  result?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type SignInInput = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

/** One change to one task; omitted fields keep their value. */
export type TaskChangeInput = {
  expectedRowVersion: Scalars['Int']['input'];
  measures?: InputMaybe<Scalars['String']['input']>;
  progressNote?: InputMaybe<Scalars['String']['input']>;
  /** Required to return or reopen. */
  reason?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<TaskStatus>;
  taskId: Scalars['ID']['input'];
};

export type TaskEventFilterInput = {
  actorUsername?: InputMaybe<Scalars['String']['input']>;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
  taskId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type TaskFilterInput = {
  articleNumber?: InputMaybe<Scalars['Int']['input']>;
  chapterNumber?: InputMaybe<Scalars['Int']['input']>;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  /** Lead or assisting department kind. */
  departmentKindCode?: InputMaybe<Scalars['String']['input']>;
  dueAfter?: InputMaybe<Scalars['String']['input']>;
  dueBefore?: InputMaybe<Scalars['String']['input']>;
  dutyId?: InputMaybe<Scalars['ID']['input']>;
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** A prefecture and its units. */
  prefectureCode?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<TaskStatus>>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

export type TaskSort = 'DUE_DATE' | 'UNIT' | 'UPDATED_AT';

/** OVERDUE is not a status: see Task.overdue. */
export type TaskStatus =
  /** 推进中 */
  | 'IN_PROGRESS'
  /** 未开始 */
  | 'NOT_STARTED'
  /** 已退回 */
  | 'RETURNED'
  /** 已提交，待核验 */
  | 'SUBMITTED'
  /** 已核验 */
  | 'VERIFIED';

export type UserFilterInput = {
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type WithdrawEvidenceInput = {
  evidenceId: Scalars['ID']['input'];
  /** 撤回原因 */
  reason: Scalars['String']['input'];
};

export type SignedInProbeQueryVariables = Exact<{ [key: string]: never }>;

export type SignedInProbeQuery = { me: { __typename: 'CurrentUser'; id: string } | null };

export type CurrentUserFieldsFragment = {
  __typename: 'CurrentUser';
  id: string;
  username: string;
  displayName: string;
  role: Role | null;
  mustChangePassword: boolean;
  sessionExpiresAt: string;
  unit: {
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
  } | null;
  department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    __typename: 'CurrentUser';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    mustChangePassword: boolean;
    sessionExpiresAt: string;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    } | null;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  } | null;
};

export type PasswordPolicyQueryVariables = Exact<{ [key: string]: never }>;

export type PasswordPolicyQuery = { passwordPolicy: string };

export type AdminUnitFieldsFragment = {
  __typename: 'AdminUnit';
  code: string;
  name: string;
  level: AdminLevel;
  parentCode: string | null;
  directlyAdministered: boolean;
};

export type DepartmentFieldsFragment = {
  __typename: 'Department';
  id: string;
  name: string;
  unitCode: string;
};

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;

export type SignInMutation = {
  signIn: {
    __typename: 'SignInResult';
    user: {
      __typename: 'CurrentUser';
      id: string;
      username: string;
      displayName: string;
      role: Role | null;
      mustChangePassword: boolean;
      sessionExpiresAt: string;
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
        directlyAdministered: boolean;
      } | null;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    };
  };
};

export type SignOutMutationVariables = Exact<{ [key: string]: never }>;

export type SignOutMutation = { signOut: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;

export type ChangePasswordMutation = {
  changePassword: {
    __typename: 'CurrentUser';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    mustChangePassword: boolean;
    sessionExpiresAt: string;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    } | null;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type SystemInfoQueryVariables = Exact<{ [key: string]: never }>;

export type SystemInfoQuery = {
  systemInfo: {
    __typename: 'SystemInfo';
    productName: string;
    version: string;
    databaseServerVersion: string;
    databaseMode: DatabaseMode;
    appliedMigrations: number;
    demoDataLoadedAt: string | null;
  };
};

export type SecurityAuditLogQueryVariables = Exact<{
  filter?: InputMaybe<SecurityAuditFilterInput>;
  page?: InputMaybe<PageInput>;
}>;

export type SecurityAuditLogQuery = {
  securityAuditLog: {
    __typename: 'SecurityAuditPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'SecurityAuditEntry';
      id: string;
      occurredAt: string;
      actorUsername: string | null;
      action: string;
      target: string | null;
      result: string;
      ip: string | null;
      detail: unknown | null;
    }>;
  };
};

export type AdminUnitsQueryVariables = Exact<{
  parentCode?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<AdminLevel>;
}>;

export type AdminUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
  }>;
};

export type DepartmentsQueryVariables = Exact<{
  unitCode: Scalars['String']['input'];
}>;

export type DepartmentsQuery = {
  departments: Array<{ __typename: 'Department'; id: string; name: string; unitCode: string }>;
};

export type UserAccountFieldsFragment = {
  __typename: 'UserAccount';
  id: string;
  username: string;
  displayName: string;
  role: Role | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  unit: {
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
  } | null;
  department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
};

export type UsersQueryVariables = Exact<{
  filter?: InputMaybe<UserFilterInput>;
  page?: InputMaybe<PageInput>;
}>;

export type UsersQuery = {
  users: {
    __typename: 'UserPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'UserAccount';
      id: string;
      username: string;
      displayName: string;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      lastSignInAt: string | null;
      createdAt: string;
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
        directlyAdministered: boolean;
      } | null;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    }>;
  };
};

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;

export type CreateUserMutation = {
  createUser: {
    __typename: 'CreatedUser';
    temporaryPassword: string;
    user: {
      __typename: 'UserAccount';
      id: string;
      username: string;
      displayName: string;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      lastSignInAt: string | null;
      createdAt: string;
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
        directlyAdministered: boolean;
      } | null;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    };
  };
};

export type ResetUserPasswordMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;

export type ResetUserPasswordMutation = {
  resetUserPassword: {
    __typename: 'PasswordReset';
    temporaryPassword: string;
    user: {
      __typename: 'UserAccount';
      id: string;
      username: string;
      displayName: string;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      lastSignInAt: string | null;
      createdAt: string;
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
        directlyAdministered: boolean;
      } | null;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    };
  };
};

export type SetUserDisabledMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
  disabled: Scalars['Boolean']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;

export type SetUserDisabledMutation = {
  setUserDisabled: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    lastSignInAt: string | null;
    createdAt: string;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    } | null;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type BindUserRoleMutationVariables = Exact<{
  input: BindRoleInput;
}>;

export type BindUserRoleMutation = {
  bindUserRole: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    lastSignInAt: string | null;
    createdAt: string;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    } | null;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type UnlockUserMutationVariables = Exact<{
  userId: Scalars['ID']['input'];
}>;

export type UnlockUserMutation = {
  unlockUser: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    lastSignInAt: string | null;
    createdAt: string;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    } | null;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export const AdminUnitFieldsFragmentDoc = gql`
  fragment AdminUnitFields on AdminUnit {
    code
    name
    level
    parentCode
    directlyAdministered
  }
` as unknown as DocumentNode<AdminUnitFieldsFragment, unknown>;
export const DepartmentFieldsFragmentDoc = gql`
  fragment DepartmentFields on Department {
    id
    name
    unitCode
  }
` as unknown as DocumentNode<DepartmentFieldsFragment, unknown>;
export const CurrentUserFieldsFragmentDoc = gql`
  fragment CurrentUserFields on CurrentUser {
    id
    username
    displayName
    role
    unit {
      ...AdminUnitFields
    }
    department {
      ...DepartmentFields
    }
    mustChangePassword
    sessionExpiresAt
  }
  ${AdminUnitFieldsFragmentDoc}
  ${DepartmentFieldsFragmentDoc}
` as unknown as DocumentNode<CurrentUserFieldsFragment, unknown>;
export const UserAccountFieldsFragmentDoc = gql`
  fragment UserAccountFields on UserAccount {
    id
    username
    displayName
    role
    unit {
      ...AdminUnitFields
    }
    department {
      ...DepartmentFields
    }
    disabled
    lockedUntil
    mustChangePassword
    lastSignInAt
    createdAt
  }
  ${AdminUnitFieldsFragmentDoc}
  ${DepartmentFieldsFragmentDoc}
` as unknown as DocumentNode<UserAccountFieldsFragment, unknown>;
export const SignedInProbeDocument = gql`
  query SignedInProbe {
    me {
      id
    }
  }
` as unknown as DocumentNode<SignedInProbeQuery, SignedInProbeQueryVariables>;
export const MeDocument = gql`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
  ${CurrentUserFieldsFragmentDoc}
` as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const PasswordPolicyDocument = gql`
  query PasswordPolicy {
    passwordPolicy
  }
` as unknown as DocumentNode<PasswordPolicyQuery, PasswordPolicyQueryVariables>;
export const SignInDocument = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...CurrentUserFields
      }
    }
  }
  ${CurrentUserFieldsFragmentDoc}
` as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = gql`
  mutation SignOut {
    signOut
  }
` as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ChangePasswordDocument = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...CurrentUserFields
    }
  }
  ${CurrentUserFieldsFragmentDoc}
` as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SystemInfoDocument = gql`
  query SystemInfo {
    systemInfo {
      productName
      version
      databaseServerVersion
      databaseMode
      appliedMigrations
      demoDataLoadedAt
    }
  }
` as unknown as DocumentNode<SystemInfoQuery, SystemInfoQueryVariables>;
export const SecurityAuditLogDocument = gql`
  query SecurityAuditLog($filter: SecurityAuditFilterInput, $page: PageInput) {
    securityAuditLog(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        occurredAt
        actorUsername
        action
        target
        result
        ip
        detail
      }
    }
  }
` as unknown as DocumentNode<SecurityAuditLogQuery, SecurityAuditLogQueryVariables>;
export const AdminUnitsDocument = gql`
  query AdminUnits($parentCode: String, $level: AdminLevel) {
    adminUnits(parentCode: $parentCode, level: $level) {
      ...AdminUnitFields
    }
  }
  ${AdminUnitFieldsFragmentDoc}
` as unknown as DocumentNode<AdminUnitsQuery, AdminUnitsQueryVariables>;
export const DepartmentsDocument = gql`
  query Departments($unitCode: String!) {
    departments(unitCode: $unitCode) {
      ...DepartmentFields
    }
  }
  ${DepartmentFieldsFragmentDoc}
` as unknown as DocumentNode<DepartmentsQuery, DepartmentsQueryVariables>;
export const UsersDocument = gql`
  query Users($filter: UserFilterInput, $page: PageInput) {
    users(filter: $filter, page: $page) {
      totalCount
      nodes {
        ...UserAccountFields
      }
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserAccountFields
      }
      temporaryPassword
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const ResetUserPasswordDocument = gql`
  mutation ResetUserPassword($userId: ID!) {
    resetUserPassword(userId: $userId) {
      user {
        ...UserAccountFields
      }
      temporaryPassword
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const SetUserDisabledDocument = gql`
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!, $reason: String) {
    setUserDisabled(userId: $userId, disabled: $disabled, reason: $reason) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<SetUserDisabledMutation, SetUserDisabledMutationVariables>;
export const BindUserRoleDocument = gql`
  mutation BindUserRole($input: BindRoleInput!) {
    bindUserRole(input: $input) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<BindUserRoleMutation, BindUserRoleMutationVariables>;
export const UnlockUserDocument = gql`
  mutation UnlockUser($userId: ID!) {
    unlockUser(userId: $userId) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<UnlockUserMutation, UnlockUserMutationVariables>;
