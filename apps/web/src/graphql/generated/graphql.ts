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

export type AcknowledgeTasksInput = {
  /** 1 to 500 task ids. */
  taskIds: Array<Scalars['ID']['input']>;
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
  /** 人民法院、人民检察院、监察机关 */
  | 'JUDICIAL'
  /** 新闻媒体 */
  | 'MEDIA'
  /** 无履职主体的条文（定义、立法目的、适用范围、施行日期、法律责任） */
  | 'NONE'
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

export type AddTaskCommentInput = {
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  body: Scalars['String']['input'];
  kind?: TaskCommentKind;
  mentions?: InputMaybe<Array<CommentMentionInput>>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  taskId: Scalars['ID']['input'];
};

export type AdjustMeasureInput = {
  cycleId: Scalars['ID']['input'];
  indicatorId: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  unitCode: Scalars['String']['input'];
  /** The reviewed value (scored instead of the reported one); null withdraws it. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** Administrative level (行政层级). NATIONAL marks duties of national bodies (国务院及其部门): never tasks of local units. */
export type AdminLevel =
  /** 县（市、区）、林区 */
  | 'COUNTY'
  /** 国家（国务院及其部门等中央国家机关） */
  | 'NATIONAL'
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

export type AnswerUrgingNoticeInput = {
  /** 反馈内容 (≤ 5000 characters). */
  answer: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

/** What a machine API token may read (read-only, always within its bound unit). */
export type ApiTokenScope =
  /** 读取统计分析：GET /api/v1/analytics/summary、/api/v1/analytics/units */
  | 'ANALYTICS_READ'
  /** 读取佐证材料元数据（不含文件内容）：GET /api/v1/evidence */
  | 'EVIDENCE_METADATA_READ';

export type ApiTokenStatus =
  /** 有效 */
  | 'ACTIVE'
  /** 已过期 */
  | 'EXPIRED'
  /** 已吊销 */
  | 'REVOKED';

export type ArticleChangeKind =
  /** 新增 */
  | 'ADDED'
  /** 条文修改 */
  | 'CHANGED'
  /** 合并：新条文吸收了两条或多条旧条文（见 sources） */
  | 'MERGED'
  /** 删除 */
  | 'REMOVED'
  /** 条文未变，条号变化 */
  | 'RENUMBERED'
  /** 拆分：新条文是由同一条旧条文拆出的几条之一 */
  | 'SPLIT'
  /** 未变 */
  | 'UNCHANGED';

export type AssessmentIndicatorInput = {
  /** Whole articles (every tracked duty in them). */
  articles?: InputMaybe<Array<Scalars['Int']['input']>>;
  chapter: Scalars['Int']['input'];
  dutyIds?: InputMaybe<Array<Scalars['String']['input']>>;
  id: Scalars['String']['input'];
  /** work (default) or measure. */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** Required for a measurement. */
  measure?: InputMaybe<MeasureSpecInput>;
  name: Scalars['String']['input'];
  weight: Scalars['Float']['input'];
};

/** A stage of the Article 40 assessment, in order. */
export type AssessmentStage =
  /** 终审 */
  | 'FINAL'
  /** 异议 */
  | 'OBJECTION'
  /** 实地核查 */
  | 'ONSITE_VERIFICATION'
  /** 市州初审 */
  | 'PREFECTURE_REVIEW'
  /** 省级复核 */
  | 'PROVINCIAL_REVIEW'
  /** 公示 */
  | 'PUBLICATION'
  /** 自评 */
  | 'SELF_ASSESSMENT';

export type AssessmentStageWindowInput = {
  closesAt: Scalars['DateTime']['input'];
  opensAt: Scalars['DateTime']['input'];
  stage: AssessmentStage;
};

export type AuditTargetKind =
  'BULLETIN' | 'CYCLE' | 'EVIDENCE' | 'OTHER' | 'SESSION' | 'TASK' | 'UNIT' | 'USER';

/** Role and jurisdiction (one user, one role). */
export type BindRoleInput = {
  /** Department of that unit, COUNTY_OPERATOR only. */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  role: Role;
  /** Province codes (XX0000) a NATIONAL_SUPERVISOR or an AUDITOR without a unit is limited to; empty or absent: the whole country. Other roles: must be empty. */
  scopeProvinceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Province for PROVINCIAL_SUPERVISOR (may be omitted when the deployment holds one province); prefecture for PREFECTURE_SUPERVISOR; province, prefecture or none for AUDITOR; county-level unit for COUNTY_OPERATOR; none for NATIONAL_SUPERVISOR and administrators. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

export type BulkTaskChangeInput = {
  changes: Array<TaskChangeInput>;
};

export type BulletinBlockKind = 'HEADING' | 'NOTE' | 'PARAGRAPH' | 'TABLE';

export type BulletinFilterInput = {
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  periodKind?: InputMaybe<BulletinPeriodKind>;
  scopeUnitCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<BulletinStatus>;
};

export type BulletinGoodPracticeInput = {
  /** 督导的简短点评（必填，至多 300 字） */
  comment: Scalars['String']['input'];
  /** A verified task of the scope and cycle. */
  taskId: Scalars['ID']['input'];
};

export type BulletinPeriodKind =
  /** 月度通报：period 写作 2026-11 */
  | 'MONTH'
  /** 季度通报：period 写作 2026-Q4 */
  | 'QUARTER';

export type BulletinStatus =
  /** 草稿：可重新生成、修改、删除 */
  | 'DRAFT'
  /** 已发布：DOCX 与哈希固化，不可更改 */
  | 'PUBLISHED';

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChapterWeightInput = {
  chapter: Scalars['Int']['input'];
  /** Points of the chapter (all chapters sum to 100). */
  weight: Scalars['Float']['input'];
};

export type CommentMentionInput = {
  role?: InputMaybe<Role>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

export type CreateCycleInput = {
  dueDate: Scalars['String']['input'];
  /** The province (XX0000) the cycle is for: default a provincial supervisor's own; a system administrator names it when the deployment holds several provinces. */
  provinceCode?: InputMaybe<Scalars['String']['input']>;
  regulationVersionId: Scalars['ID']['input'];
  startDate: Scalars['String']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type CreateUserInput = {
  displayName: Scalars['String']['input'];
  /** 单位/科室 shown next to the name (≤ 100 characters). */
  office?: InputMaybe<Scalars['String']['input']>;
  /** Office phone: digits with optional +, spaces, hyphens and 转 extension. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** 3–64 lower-case letters, digits, . _ - */
  username: Scalars['String']['input'];
};

export type CueField =
  'ACTOR' | 'ACTOR_TYPE' | 'DEPARTMENTS' | 'KIND' | 'LEVELS' | 'MODALITY' | 'SUBJECT' | 'TRACKED';

/** A due date for one duty's tasks, overriding the cycle's default. */
export type CycleDutyDueDateInput = {
  dueDate: Scalars['String']['input'];
  dutyLineageId: Scalars['ID']['input'];
};

/** Where the database runs: the embedded server started by the API, or an external one (DATABASE_URL). */
export type DatabaseMode = 'EMBEDDED' | 'EXTERNAL';

export type DecideAssessmentObjectionInput = {
  /** UPHELD (成立) or REJECTED (不成立). */
  decision: Scalars['String']['input'];
  objectionId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  /** Upheld only: points to add (+) or deduct (−), applied as an adjustment. */
  scoreChange?: InputMaybe<Scalars['Float']['input']>;
};

/** Confirms or rejects one or several suggestions, all or nothing (a rejection needs a reason). */
export type DecideDutyMappingInput = {
  decision: DutyMappingDecision;
  /** Required to reject. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** 1–500 suggestions. */
  suggestions: Array<DutyMappingDecisionItemInput>;
};

export type DecideExtensionInput = {
  approve: Scalars['Boolean']['input'];
  /** Row version of the task. */
  expectedRowVersion: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  requestId: Scalars['ID']['input'];
};

export type DecideNotApplicableInput = {
  approve: Scalars['Boolean']['input'];
  reason: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
};

export type DecideReassignmentInput = {
  approve: Scalars['Boolean']['input'];
  /** Required when refusing. */
  reason?: InputMaybe<Scalars['String']['input']>;
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

export type DrawOnsiteSampleInput = {
  cycleId: Scalars['ID']['input'];
  /** Points deducted per confirmed discrepancy. */
  deductionPoints: Scalars['Float']['input'];
  /** Why the sample is redrawn (required for a redraw). */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** OVERALL (one draw over all units) or PER_PREFECTURE (each prefecture). */
  scope: Scalars['String']['input'];
  /** The seed; generated and recorded when absent. */
  seed?: InputMaybe<Scalars['String']['input']>;
  /** Eligible task statuses: VERIFIED and/or SUBMITTED (default both). */
  taskStatuses?: InputMaybe<Array<Scalars['String']['input']>>;
  tasksPerUnit: Scalars['Int']['input'];
  /** Units per group (or unitShare). */
  unitCount?: InputMaybe<Scalars['Int']['input']>;
  /** Unit levels to draw from (default every level). */
  unitLevels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Share of each group’s units, 0 < s ≤ 1, rounded up. */
  unitShare?: InputMaybe<Scalars['Float']['input']>;
};

export type DutyEventKind =
  | 'CARRIED_OVER'
  | 'EXTRACTED'
  /** A supervisor confirmed that the duty continues one of the previous version. */
  | 'MAPPING_CONFIRMED'
  /** A supervisor rejected a suggested continuation: the duty is a new lineage. */
  | 'MAPPING_REJECTED'
  | 'REVIEWED';

/** Filters for the duty register; all given filters must hold. */
export type DutyFilterInput = {
  actorTypes?: InputMaybe<Array<ActorType>>;
  articleNumbers?: InputMaybe<Array<Scalars['Int']['input']>>;
  chapterNumbers?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Lead or assisting department kind codes. */
  departmentCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only government and department duties. */
  governmentOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any of these kinds. */
  kinds?: InputMaybe<Array<DutyKind>>;
  /** Applies at any of these levels. */
  levels?: InputMaybe<Array<AdminLevel>>;
  modalities?: InputMaybe<Array<Modality>>;
  /** true: only duties whose inferred actor awaits confirmation; false: the others. */
  needsReview?: InputMaybe<Scalars['Boolean']['input']>;
  /** Latest version of this regulation. */
  regulationCode?: InputMaybe<Scalars['String']['input']>;
  reviewStates?: InputMaybe<Array<ReviewState>>;
  /** Substring of the duty text, subject or actor. */
  search?: InputMaybe<Scalars['String']['input']>;
  tracked?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default: the latest version of each regulation. */
  versionId?: InputMaybe<Scalars['ID']['input']>;
};

/** What a statement does (条文性质). Only IMPLEMENTATION duties of local governments and departments are tracked by default. */
export type DutyKind =
  /** 用语定义（本法所称……是指） */
  | 'DEFINITION'
  /** 施行日期 */
  | 'EFFECTIVE_DATE'
  /** 执法处罚：责令改正、罚款等行政处罚和强制措施 */
  | 'ENFORCEMENT'
  /** 履职事项：政府及部门应当落实的工作 */
  | 'IMPLEMENTATION'
  /** 法律责任（依法追究责任等） */
  | 'LIABILITY'
  /** 其他 */
  | 'OTHER'
  /** 禁止性规定 */
  | 'PROHIBITION'
  /** 立法目的 */
  | 'PURPOSE'
  /** 适用范围 */
  | 'SCOPE';

export type DutyMappingDecision = 'CONFIRM' | 'REJECT';

export type DutyMappingDecisionItemInput = {
  /** The rowVersion you read. */
  expectedRowVersion: Scalars['Int']['input'];
  suggestionId: Scalars['ID']['input'];
};

export type DutyMappingStatus =
  /** 已确认：新职责延续旧职责（沿革、跟踪、审核结果和部门） */
  | 'CONFIRMED'
  /** 待审核 */
  | 'PENDING'
  /** 已驳回：新职责作为新的职责沿革 */
  | 'REJECTED';

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

/** What the last read of the stored content found. */
export type EvidenceIntegrityStatus =
  /** 已损坏: the stored content did not match its SHA-256 or size; downloads are refused */
  | 'CORRUPT'
  /** 完好（或尚未发现问题） */
  | 'OK';

export type FileAssessmentObjectionInput = {
  cycleId: Scalars['ID']['input'];
  evidenceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  indicatorId: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  unitCode: Scalars['String']['input'];
};

export type GenerateBulletinInput = {
  cycleId: Scalars['ID']['input'];
  goodPractices?: InputMaybe<Array<BulletinGoodPracticeInput>>;
  /** 2026-11 (MONTH) or 2026-Q4 (QUARTER). */
  period: Scalars['String']['input'];
  periodKind: BulletinPeriodKind;
  /** The province (default for a provincial supervisor) or a prefecture (default and only choice for a prefecture supervisor). */
  scopeUnitCode?: InputMaybe<Scalars['String']['input']>;
};

export type GradeBandInput = {
  grade: Scalars['String']['input'];
  min: Scalars['Float']['input'];
};

export type ImportRegulationInput = {
  /** Stable regulation code, e.g. hubei-quality-promotion. */
  code: Scalars['String']['input'];
  /** Confirms importing a text whose title differs from the stored title of this regulation code (e.g. renamed on amendment). Without it such an import fails with VALIDATION_FAILED on field "title". */
  confirmTitleChange?: InputMaybe<Scalars['Boolean']['input']>;
  /** 牵头协调部门: the department kind code (see departmentKinds) suggested as lead where the text names no department and has no competent-department clause; kept for later versions. Omit to keep the stored one. */
  coordinatingDepartment?: InputMaybe<Scalars['String']['input']>;
  /** 施行日期 YYYY-MM-DD. */
  effectiveDate?: InputMaybe<Scalars['String']['input']>;
  /** The province (XX0000) owning a new regulation (a provincial regulation); omit for a national one (全国通用). A provincial supervisor's imports are always their province's (another is FORBIDDEN); an existing regulation keeps its owner (another is VALIDATION_FAILED). */
  ownerProvinceCode?: InputMaybe<Scalars['String']['input']>;
  status?: RegulationVersionStatus;
  /** The full regulation text. */
  text: Scalars['String']['input'];
};

export type IssueApiTokenInput = {
  /** Required; in the future and at most 366 days away. */
  expiresAt: Scalars['DateTime']['input'];
  /** A name unique among active tokens, e.g. the system that will use it. */
  name: Scalars['String']['input'];
  /** Requests per minute (a token bucket of that size refilled over a minute); default 60, 1–600. */
  rateLimitPerMinute?: InputMaybe<Scalars['Int']['input']>;
  scopes: Array<ApiTokenScope>;
  /** The code of the unit the token is bound to: it reads that unit and the units under it only. */
  unitId: Scalars['ID']['input'];
};

export type IssueUrgingNoticeInput = {
  /** 反馈期限 YYYY-MM-DD (today or later). */
  answerDue: Scalars['String']['input'];
  colour: UrgingColour;
  taskId: Scalars['ID']['input'];
  /** 督办内容 (≤ 2000 characters). */
  text: Scalars['String']['input'];
};

/** Whose governments a text addresses; decides how its level words (市, 区, 县) read. */
export type JurisdictionTier =
  /** 设区的市：市为市级，县（市、区）为县级 */
  | 'CITY'
  /** 直辖市：市为省级，区、县为县级 */
  | 'MUNICIPALITY'
  /** 全国：国务院、国家为国家级 */
  | 'NATIONAL'
  /** 省级：省为省级，设区的市、自治州为市级，县（市、区）为县级 */
  | 'PROVINCE';

export type MeasureBandInput = {
  max?: InputMaybe<Scalars['Float']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
  points: Scalars['Float']['input'];
};

export type MeasureLevelTargetsInput = {
  county?: InputMaybe<MeasureTargetInput>;
  prefecture?: InputMaybe<MeasureTargetInput>;
  province?: InputMaybe<MeasureTargetInput>;
};

export type MeasureOverrideInput = {
  /** At or worse than this: nothing (linear scoring only; required there). */
  floor?: InputMaybe<Scalars['Float']['input']>;
  /** At or better than this: full points. */
  target: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
};

export type MeasureSpecInput = {
  /** Banded scoring only. */
  bands?: InputMaybe<Array<MeasureBandInput>>;
  /** higher or lower (is better). */
  direction: Scalars['String']['input'];
  levels: MeasureLevelTargetsInput;
  overrides?: InputMaybe<Array<MeasureOverrideInput>>;
  /** threshold, linear or banded. */
  scoring: Scalars['String']['input'];
  /** Unit of measure as shown, e.g. %, 项, 件. */
  unitOfMeasure: Scalars['String']['input'];
};

export type MeasureTargetInput = {
  /** At or worse than this: nothing (linear scoring only; required there). */
  floor?: InputMaybe<Scalars['Float']['input']>;
  /** At or better than this: full points. */
  target: Scalars['Float']['input'];
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

export type NotApplicableRequestStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'REVOKED';

export type NotApplicableStatus =
  /** 已认定不适用：不计入完成率与考核 */
  | 'APPROVED'
  /** 不适用申请被驳回 */
  | 'REJECTED'
  /** 不适用申请待审批 */
  | 'REQUESTED';

/** External channels; in-app notifications are always on. */
export type NotificationChannel =
  /** 电子邮件（SMTP） */
  | 'EMAIL'
  /** 消息网关（政务微信/钉钉/短信，签名 Webhook） */
  | 'WEBHOOK';

export type NotificationChannelSettingInput = {
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['input'];
  kind: NotificationKind;
};

/** Filters of the delivery log. */
export type NotificationDeliveryFilterInput = {
  channel?: InputMaybe<NotificationChannel>;
  notificationId?: InputMaybe<Scalars['String']['input']>;
  /** Recipient username (exact). */
  recipient?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<NotificationDeliveryStatus>;
};

export type NotificationDeliveryStatus =
  /** 已送达 */
  | 'DELIVERED'
  /** 失败：重试次数已用尽 */
  | 'FAILED'
  /** 待发送（含等待重试、免打扰时段） */
  | 'PENDING'
  /** 发送中 */
  | 'SENDING'
  /** 未发送：渠道未配置 */
  | 'SKIPPED';

/** Filters of the notification centre. */
export type NotificationFilterInput = {
  /** Any of these kinds. */
  kinds?: InputMaybe<Array<NotificationKind>>;
  /** Only unread ones. */
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type NotificationKind =
  /** 我的申请已审批 */
  | 'APPROVAL_DECIDED'
  /** 待我审批（转办、不适用等） */
  | 'APPROVAL_REQUESTED'
  /** 考核结果公示（异议期开始） */
  | 'ASSESSMENT_PUBLISHED'
  /** 情况通报发布 */
  | 'BULLETIN_PUBLISHED'
  /** 评论（提及我或我的任务） */
  | 'COMMENT'
  /** 考核周期关闭 */
  | 'CYCLE_CLOSED'
  /** 考核周期开启 */
  | 'CYCLE_OPENED'
  /** 临近到期（14/3/1 天） */
  | 'DUE_SOON'
  /** 延期申请已处理 */
  | 'EXTENSION_DECIDED'
  /** 领导批示 */
  | 'INSTRUCTION'
  /** 考核异议已处理 */
  | 'OBJECTION_DECIDED'
  /** 单位对考核结果提出异议 */
  | 'OBJECTION_FILED'
  /** 已逾期 */
  | 'OVERDUE'
  /** 任务交办（新周期生成任务） */
  | 'TASK_ASSIGNED'
  /** 任务转办 */
  | 'TASK_REASSIGNED'
  /** 任务被退回 */
  | 'TASK_RETURNED'
  /** 任务审核通过 */
  | 'TASK_VERIFIED'
  /** 督办单升级 */
  | 'URGING_ESCALATED'
  /** 督办单下发 */
  | 'URGING_ISSUED';

export type PageInput = {
  /** 1–500. */
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};

export type PasswordResetRequestFilterInput = {
  /** Only requests in this state; all states when omitted. */
  status?: InputMaybe<PasswordResetRequestStatus>;
};

export type PasswordResetRequestStatus =
  /** 已批准：密码已重置 */
  | 'APPROVED'
  /** 已过期：未在时限内审批 */
  | 'EXPIRED'
  /** 待审批 */
  | 'PENDING'
  /** 已驳回 */
  | 'REJECTED';

export type PasswordSignInMode =
  /** 所有账户均可使用本地密码登录 */
  | 'ALL'
  /** 仅标记为应急（break-glass）的管理员账户可使用本地密码登录 */
  | 'BREAK_GLASS';

export type ReassignTaskInput = {
  /** The row version read; a stale one is a CONFLICT. */
  expectedRowVersion: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
  /** A department of the same unit. */
  toDepartmentId: Scalars['ID']['input'];
};

export type ReassignmentKind =
  /** 督导直接转办 */
  | 'DIRECT'
  /** 经办部门申请，督导审批 */
  | 'REQUEST';

export type ReassignmentStatus =
  /** 督导直接转办 */
  | 'APPLIED'
  /** 已同意（已转办） */
  | 'APPROVED'
  /** 待审批 */
  | 'PENDING'
  /** 未同意 */
  | 'REJECTED';

export type RecordOnsiteFindingInput = {
  /** Evidence files (photos…) of the sampled unit in this cycle. */
  evidenceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  itemId: Scalars['ID']['input'];
  /** Required for a discrepancy. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** CONFIRMED (the work is as reported) or DISCREPANCY (it is not). */
  outcome: Scalars['String']['input'];
};

export type RedlineOp =
  /** 删除的文字 */
  | 'DELETE'
  /** 未变 */
  | 'EQUAL'
  /** 新增的文字 */
  | 'INSERT';

export type RegulationVersionStatus =
  /** 草案 */
  | 'DRAFT'
  /** 已通过/施行 */
  | 'ENACTED';

/** A rejection of a pending password reset request. */
export type RejectPasswordResetInput = {
  /** Why it is rejected (shown to the requester and audited). */
  reason: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
};

export type ReportMeasureInput = {
  cycleId: Scalars['ID']['input'];
  /** An evidence file of this unit and cycle that the value comes from. */
  evidenceId?: InputMaybe<Scalars['ID']['input']>;
  indicatorId: Scalars['String']['input'];
  /** The source document otherwise (文号, bulletin, statistics table). */
  sourceRef?: InputMaybe<Scalars['String']['input']>;
  unitCode: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type RequestExtensionInput = {
  expectedRowVersion: Scalars['Int']['input'];
  newDueDate: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

export type RequestNotApplicableInput = {
  /** 文件依据 (e.g. 文号), up to 200 characters. */
  documentReference?: InputMaybe<Scalars['String']['input']>;
  /** Current evidence files of the task. */
  evidenceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  reason: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};

/** A request to reset a privileged account’s password. */
export type RequestPasswordResetInput = {
  /** Why the reset is needed (shown to the approver and audited). */
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type RequestReassignmentInput = {
  reason: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
  /** A department of the same unit. */
  toDepartmentId: Scalars['ID']['input'];
};

/** The security administrator’s reset of another account’s second factor. */
export type ResetSecondFactorInput = {
  /** Why (audited). */
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type ReturnSelfAssessmentInput = {
  /** When the correction is due (default: the preliminary review’s close). */
  correctionDueAt?: InputMaybe<Scalars['DateTime']['input']>;
  cycleId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  unitCode: Scalars['String']['input'];
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

export type RevokeNotApplicableInput = {
  reason: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
};

export type Role =
  /** 审计评估人员：辖区内只读 */
  | 'AUDITOR'
  /** 审计管理员：只查看安全审计日志 */
  | 'AUDIT_ADMIN'
  /** 县级部门经办人：一个单位的一个部门 */
  | 'COUNTY_OPERATOR'
  /** 国家级督导：全国或指定的若干省份，只读 */
  | 'NATIONAL_SUPERVISOR'
  /** 市州督导：一个市州及其县（市、区） */
  | 'PREFECTURE_SUPERVISOR'
  /** 省级督导：本省 */
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

export type SaveSelfAssessmentInput = {
  cycleId: Scalars['ID']['input'];
  /** Evidence of the unit and cycle. */
  evidenceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  indicatorId: Scalars['String']['input'];
  narrative?: InputMaybe<Scalars['String']['input']>;
  /** On the indicator’s plan-marks scale. */
  selfScore: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
};

export type ScoringRulesInput = {
  notStarted: Scalars['Float']['input'];
  /** Overdue at cycle end, whatever the status. */
  overdueAtCycleEnd: Scalars['Float']['input'];
  returnedOrInProgress: Scalars['Float']['input'];
  submitted: Scalars['Float']['input'];
  verified: Scalars['Float']['input'];
};

/** A 6-digit code from the authenticator app, or a recovery code. */
export type SecondFactorCodeInput = {
  code: Scalars['String']['input'];
};

export type SecondFactorStep =
  /** 本角色必须使用双因素认证：先绑定身份验证器 */
  | 'ENROL'
  /** 输入身份验证器的动态验证码或一个恢复码 */
  | 'VERIFY';

export type SecurityAuditFilterInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  /** Part of the actor’s display name or username (e.g. 张明辉, 张 or enshi): what a person types. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Exactly this username (case-insensitive). */
  actorUsername?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  result?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type SetAssessmentStageScheduleInput = {
  cycleId: Scalars['ID']['input'];
  /** Windows of the stages to set; stages not listed keep theirs. */
  windows: Array<AssessmentStageWindowInput>;
};

/** An account’s single sign-on identity and break-glass flag. */
export type SetExternalIdentityInput = {
  /** Break-glass password sign-in (administrators only). */
  breakGlass?: InputMaybe<Scalars['Boolean']['input']>;
  /** The identity provider’s matching claim value for this person; empty or null removes it; absent leaves it. */
  externalSubject?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

export type SignInInput = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type SortDirection = 'ASC' | 'DESC';

export type StageReviewScoreInput = {
  comment: Scalars['String']['input'];
  cycleId: Scalars['ID']['input'];
  indicatorId: Scalars['String']['input'];
  score: Scalars['Float']['input'];
  unitCode: Scalars['String']['input'];
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

export type TaskCommentKind =
  /** 评论：能看到任务的督导和经办人均可发表 */
  | 'COMMENT'
  /** 批示：单位上级督导（省级、所属市州）发表，置顶显示 */
  | 'INSTRUCTION';

export type TaskEventFilterInput = {
  actorUsername?: InputMaybe<Scalars['String']['input']>;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
  taskId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** A unit: its own tasks and, for a prefecture, those of its counties. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

export type TaskFilterInput = {
  /** true: acknowledged (已签收); false: 待签收. */
  acknowledged?: InputMaybe<Scalars['Boolean']['input']>;
  articleNumber?: InputMaybe<Scalars['Int']['input']>;
  chapterNumber?: InputMaybe<Scalars['Int']['input']>;
  /** Without cycleId: only the current cycle (the newest open one, else the newest), as the pages choose it; the answer’s cycleId names it. Lets a page ask for its rows without first fetching the cycles. */
  currentCycle?: InputMaybe<Scalars['Boolean']['input']>;
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
  /** true: only the tasks you may verify or return (the review queue): a prefecture supervisor gets the units under the prefecture, not its own unit (the province reviews those); a provincial supervisor every unit; other roles none. */
  reviewable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whitespace-separated terms (≤ 100 characters in all); every term must occur in the duty text, the article label (第十二条, 第12条, 12), the unit name or the lead department (name or code). Substring semantics, also for Chinese. */
  search?: InputMaybe<Scalars['String']['input']>;
  statuses?: InputMaybe<Array<TaskStatus>>;
  unitCode?: InputMaybe<Scalars['String']['input']>;
};

/** Every sort ends with the task id, so that pages never overlap. */
export type TaskSort = 'ARTICLE' | 'DUE_DATE' | 'STATUS' | 'SUBMITTED_AT' | 'UNIT' | 'UPDATED_AT';

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

/** The kind of legislative text (立法法 hierarchy), from its title and front matter. */
export type TextKind =
  /** 行政法规 */
  | 'ADMINISTRATIVE_REGULATION'
  /** 设区的市地方性法规 */
  | 'CITY_REGULATION'
  /** 部门规章 */
  | 'DEPARTMENTAL_RULES'
  /** 法律 */
  | 'LAW'
  /** 地方政府规章 */
  | 'LOCAL_GOVERNMENT_RULES'
  /** 直辖市地方性法规 */
  | 'MUNICIPAL_REGULATION'
  /** 省级地方性法规 */
  | 'PROVINCIAL_REGULATION'
  /** 未识别（按省级地方性法规理解层级） */
  | 'UNKNOWN';

export type UnitStageInput = {
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
};

export type UpdateBulletinDraftInput = {
  /** 主送 */
  addressee?: InputMaybe<Scalars['String']['input']>;
  expectedRowVersion: Scalars['Int']['input'];
  goodPractices?: InputMaybe<Array<BulletinGoodPracticeInput>>;
  id: Scalars['ID']['input'];
  /** 导语 */
  intro?: InputMaybe<Scalars['String']['input']>;
  issuingBody?: InputMaybe<Scalars['String']['input']>;
  /** 下一步工作要求，每行一条 */
  requirements?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The current user’s notification settings. Omitted fields keep their value; an empty string clears the email address or the quiet hours. */
export type UpdateNotificationSettingsInput = {
  channels?: InputMaybe<Array<NotificationChannelSettingInput>>;
  /** Email address; empty string to remove. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** HH:MM, with quietHoursStart; empty: none. */
  quietHoursEnd?: InputMaybe<Scalars['String']['input']>;
  /** HH:MM, with quietHoursEnd; empty: none. */
  quietHoursStart?: InputMaybe<Scalars['String']['input']>;
};

/** Name, office and phone of an account (system administrator). */
export type UpdateUserProfileInput = {
  displayName: Scalars['String']['input'];
  /** Empty or absent clears it. */
  office?: InputMaybe<Scalars['String']['input']>;
  /** Empty or absent clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  userId: Scalars['ID']['input'];
};

/** 督办单颜色 */
export type UrgingColour =
  /** 蓝色：临近到期且进度滞后，或督导指令 */
  | 'BLUE'
  /** 橙色：已逾期，或蓝色督办单逾期未反馈 */
  | 'ORANGE'
  /** 红色：橙色督办单逾期未反馈，或督导指令 */
  | 'RED';

export type UrgingNoticeFilter = {
  colour?: InputMaybe<UrgingColour>;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  state?: InputMaybe<UrgingNoticeState>;
  taskId?: InputMaybe<Scalars['ID']['input']>;
  /** Notices of this unit only. */
  unitCode?: InputMaybe<Scalars['String']['input']>;
  /** This unit and the units under it (a prefecture). */
  withinUnitCode?: InputMaybe<Scalars['String']['input']>;
};

export type UrgingNoticeState =
  /** 全部 */
  | 'ALL'
  /** 已办结（任务已提交/核验，或已升级） */
  | 'CLOSED'
  /** 未办结 */
  | 'OPEN'
  /** 未办结且未签收 */
  | 'UNACKNOWLEDGED'
  /** 未办结且未反馈 */
  | 'UNANSWERED';

export type UrgingPage = {
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};

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

/** What a workbench item stands for. */
export type WorkbenchItemKind =
  | 'CHAIN_BREAK'
  | 'COMMENT'
  | 'CORRUPT_EVIDENCE'
  | 'EVIDENCE_PACK'
  | 'EXTENSION_REQUEST'
  | 'INSTRUCTION'
  | 'NOT_APPLICABLE_REQUEST'
  | 'REASSIGNMENT_REQUEST'
  | 'STORAGE_CHECK'
  | 'TASK'
  | 'UNIT'
  | 'URGING_NOTICE';

/** A section of the workbench (工作台). */
export type WorkbenchSectionKey =
  | 'AWAITING_ACKNOWLEDGEMENT'
  | 'BEHIND_SCHEDULE'
  | 'DUE_SOON_TASKS'
  | 'EXTENSION_REQUESTS'
  | 'INTEGRITY_PROBLEMS'
  | 'NOT_APPLICABLE_REQUESTS'
  | 'OVERDUE_TASKS'
  | 'REASSIGNMENT_REQUESTS'
  | 'RECENT_PACKS'
  | 'RETURNED_TASKS'
  | 'REVIEW_QUEUE'
  | 'UNANSWERED_COMMENTS'
  | 'URGING_TO_ANSWER'
  | 'URGING_UNANSWERED';

export type CyclesQueryVariables = Exact<{ [key: string]: never }>;

export type CyclesQuery = {
  cycles: Array<{
    __typename: 'AssessmentCycle';
    id: string;
    title: string;
    year: number;
    state: string;
    startDate: string;
    dueDate: string;
    closedAt: string | null;
    regulationVersionId: string;
    regulationTitle: string;
    regulationCode: string;
    provinceCode: string;
    province: { __typename: 'AdminUnit'; code: string; name: string };
  }>;
};

export type SignedInProbeQueryVariables = Exact<{ [key: string]: never }>;

export type SignedInProbeQuery = { me: { __typename: 'CurrentUser'; id: string } | null };

export type ApiTokenFieldsFragment = {
  __typename: 'ApiToken';
  id: string;
  name: string;
  tokenPrefix: string;
  scopes: Array<ApiTokenScope>;
  rateLimitPerMinute: number;
  status: ApiTokenStatus;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  useCount: number;
  unit: { __typename: 'AdminUnit'; code: string; name: string; level: AdminLevel };
};

export type ApiTokensQueryVariables = Exact<{ [key: string]: never }>;

export type ApiTokensQuery = {
  apiTokens: Array<{
    __typename: 'ApiToken';
    id: string;
    name: string;
    tokenPrefix: string;
    scopes: Array<ApiTokenScope>;
    rateLimitPerMinute: number;
    status: ApiTokenStatus;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
    revokedBy: string | null;
    revokedAt: string | null;
    lastUsedAt: string | null;
    useCount: number;
    unit: { __typename: 'AdminUnit'; code: string; name: string; level: AdminLevel };
  }>;
};

export type ApiTokenUnitsQueryVariables = Exact<{ [key: string]: never }>;

export type ApiTokenUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
  }>;
};

export type IssueApiTokenMutationVariables = Exact<{
  input: IssueApiTokenInput;
}>;

export type IssueApiTokenMutation = {
  issueApiToken: {
    __typename: 'IssuedApiToken';
    token: string;
    apiToken: {
      __typename: 'ApiToken';
      id: string;
      name: string;
      tokenPrefix: string;
      scopes: Array<ApiTokenScope>;
      rateLimitPerMinute: number;
      status: ApiTokenStatus;
      createdBy: string;
      createdAt: string;
      expiresAt: string;
      revokedBy: string | null;
      revokedAt: string | null;
      lastUsedAt: string | null;
      useCount: number;
      unit: { __typename: 'AdminUnit'; code: string; name: string; level: AdminLevel };
    };
  };
};

export type RevokeApiTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RevokeApiTokenMutation = {
  revokeApiToken: {
    __typename: 'ApiToken';
    id: string;
    name: string;
    tokenPrefix: string;
    scopes: Array<ApiTokenScope>;
    rateLimitPerMinute: number;
    status: ApiTokenStatus;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
    revokedBy: string | null;
    revokedAt: string | null;
    lastUsedAt: string | null;
    useCount: number;
    unit: { __typename: 'AdminUnit'; code: string; name: string; level: AdminLevel };
  };
};

export type AssessmentScoresQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  level?: InputMaybe<Scalars['String']['input']>;
}>;

export type AssessmentScoresQuery = {
  assessmentScores: Array<{
    __typename: 'UnitScore';
    unitCode: string;
    unitName: string;
    level: string;
    parentCode: string | null;
    rank: number;
    score: number;
    grade: string;
    bonusApplied: number;
    bonusRequested: number;
    frozen: boolean;
    resultSetVersion: number | null;
    deductions: Array<{
      __typename: 'ScoreDeduction';
      points: number;
      reason: string;
      taskId: string | null;
    }>;
  }>;
};

export type AssessmentPlanFieldsFragment = {
  __typename: 'AssessmentPlan';
  cycleId: string;
  version: number;
  isDefault: boolean;
  note: string;
  createdAt: string | null;
  createdBy: string | null;
  bonusCap: number;
  creator: { __typename: 'Person'; username: string; label: string } | null;
  chapterWeights: Array<{ __typename: 'ChapterWeight'; chapter: number; weight: number }>;
  rules: {
    __typename: 'ScoringRules';
    verified: number;
    submitted: number;
    returnedOrInProgress: number;
    notStarted: number;
    overdueAtCycleEnd: number;
  };
  deductions: { __typename: 'DeductionRules'; perReturn: number; perExtensionBeyondFirst: number };
  bands: Array<{ __typename: 'GradeBand'; grade: string; min: number }>;
  indicators: Array<{
    __typename: 'AssessmentIndicator';
    id: string;
    name: string;
    chapter: number;
    weight: number;
    dutyIds: Array<string>;
    kind: string;
    measure: {
      __typename: 'MeasureSpec';
      unitOfMeasure: string;
      direction: string;
      scoring: string;
      levels: {
        __typename: 'MeasureLevelTargets';
        province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      };
      overrides: Array<{
        __typename: 'MeasureOverride';
        unitCode: string;
        target: number;
        floor: number | null;
      }> | null;
      bands: Array<{
        __typename: 'MeasureBand';
        min: number | null;
        max: number | null;
        points: number;
      }> | null;
    } | null;
  }>;
};

export type AssessmentPlanQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AssessmentPlanQuery = {
  assessmentPlan: {
    __typename: 'AssessmentPlan';
    cycleId: string;
    version: number;
    isDefault: boolean;
    note: string;
    createdAt: string | null;
    createdBy: string | null;
    bonusCap: number;
    creator: { __typename: 'Person'; username: string; label: string } | null;
    chapterWeights: Array<{ __typename: 'ChapterWeight'; chapter: number; weight: number }>;
    rules: {
      __typename: 'ScoringRules';
      verified: number;
      submitted: number;
      returnedOrInProgress: number;
      notStarted: number;
      overdueAtCycleEnd: number;
    };
    deductions: {
      __typename: 'DeductionRules';
      perReturn: number;
      perExtensionBeyondFirst: number;
    };
    bands: Array<{ __typename: 'GradeBand'; grade: string; min: number }>;
    indicators: Array<{
      __typename: 'AssessmentIndicator';
      id: string;
      name: string;
      chapter: number;
      weight: number;
      dutyIds: Array<string>;
      kind: string;
      measure: {
        __typename: 'MeasureSpec';
        unitOfMeasure: string;
        direction: string;
        scoring: string;
        levels: {
          __typename: 'MeasureLevelTargets';
          province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
          prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
          county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        };
        overrides: Array<{
          __typename: 'MeasureOverride';
          unitCode: string;
          target: number;
          floor: number | null;
        }> | null;
        bands: Array<{
          __typename: 'MeasureBand';
          min: number | null;
          max: number | null;
          points: number;
        }> | null;
      } | null;
    }>;
  };
};

export type AssessmentSavePlanMutationVariables = Exact<{
  input: SaveAssessmentPlanInput;
}>;

export type AssessmentSavePlanMutation = {
  saveAssessmentPlan: {
    __typename: 'AssessmentPlan';
    cycleId: string;
    version: number;
    isDefault: boolean;
    note: string;
    createdAt: string | null;
    createdBy: string | null;
    bonusCap: number;
    creator: { __typename: 'Person'; username: string; label: string } | null;
    chapterWeights: Array<{ __typename: 'ChapterWeight'; chapter: number; weight: number }>;
    rules: {
      __typename: 'ScoringRules';
      verified: number;
      submitted: number;
      returnedOrInProgress: number;
      notStarted: number;
      overdueAtCycleEnd: number;
    };
    deductions: {
      __typename: 'DeductionRules';
      perReturn: number;
      perExtensionBeyondFirst: number;
    };
    bands: Array<{ __typename: 'GradeBand'; grade: string; min: number }>;
    indicators: Array<{
      __typename: 'AssessmentIndicator';
      id: string;
      name: string;
      chapter: number;
      weight: number;
      dutyIds: Array<string>;
      kind: string;
      measure: {
        __typename: 'MeasureSpec';
        unitOfMeasure: string;
        direction: string;
        scoring: string;
        levels: {
          __typename: 'MeasureLevelTargets';
          province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
          prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
          county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        };
        overrides: Array<{
          __typename: 'MeasureOverride';
          unitCode: string;
          target: number;
          floor: number | null;
        }> | null;
        bands: Array<{
          __typename: 'MeasureBand';
          min: number | null;
          max: number | null;
          points: number;
        }> | null;
      } | null;
    }>;
  };
};

export type AssessmentPlanDutiesQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;

export type AssessmentPlanDutiesQuery = {
  duties: {
    __typename: 'DutyPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'Duty';
      id: string;
      lineageId: string;
      subject: string;
      article: {
        __typename: 'Article';
        id: string;
        number: number;
        title: string | null;
        chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
      };
    }>;
  };
};

export type AssessmentResultSetsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AssessmentResultSetsQuery = {
  assessmentResultSets: Array<{
    __typename: 'AssessmentResultSet';
    id: string;
    version: number;
    planVersion: number;
    asOf: string;
    closedAt: string;
    closedBy: string;
    units: number;
    rowsSha256: string;
    integrityOk: boolean;
    reopenedAt: string | null;
    reopenedBy: string | null;
    reopenReason: string | null;
    closer: { __typename: 'Person'; username: string; label: string };
    reopener: { __typename: 'Person'; username: string; label: string } | null;
  }>;
};

export type AssessmentCloseCycleMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AssessmentCloseCycleMutation = {
  closeCycle: { __typename: 'AssessmentCycle'; id: string; state: string; closedAt: string | null };
};

export type AssessmentReopenCycleMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type AssessmentReopenCycleMutation = {
  reopenCycle: {
    __typename: 'AssessmentCycle';
    id: string;
    state: string;
    closedAt: string | null;
  };
};

export type AssessmentUnitsQueryVariables = Exact<{ [key: string]: never }>;

export type AssessmentUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
    kind: string;
  }>;
};

export type AssessmentAdjustmentFieldsFragment = {
  __typename: 'AssessmentAdjustment';
  id: string;
  cycleId: string;
  unitCode: string;
  kind: string;
  points: number;
  reason: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  creator: { __typename: 'Person'; username: string; label: string };
  revoker: { __typename: 'Person'; username: string; label: string } | null;
};

export type AssessmentUnitAdjustmentsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
}>;

export type AssessmentUnitAdjustmentsQuery = {
  unitAssessment: {
    __typename: 'UnitAssessment';
    unitCode: string;
    unitName: string;
    score: number;
    grade: string;
    rank: number;
    bonusApplied: number;
    bonusRequested: number;
    frozen: boolean;
    adjustments: Array<{
      __typename: 'AssessmentAdjustment';
      id: string;
      cycleId: string;
      unitCode: string;
      kind: string;
      points: number;
      reason: string;
      createdAt: string;
      createdBy: string;
      revokedAt: string | null;
      revokedBy: string | null;
      revokeReason: string | null;
      creator: { __typename: 'Person'; username: string; label: string };
      revoker: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export type AssessmentAddAdjustmentMutationVariables = Exact<{
  input: AddAdjustmentInput;
}>;

export type AssessmentAddAdjustmentMutation = {
  addAssessmentAdjustment: {
    __typename: 'AssessmentAdjustment';
    id: string;
    cycleId: string;
    unitCode: string;
    kind: string;
    points: number;
    reason: string;
    createdAt: string;
    createdBy: string;
    revokedAt: string | null;
    revokedBy: string | null;
    revokeReason: string | null;
    creator: { __typename: 'Person'; username: string; label: string };
    revoker: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type AssessmentRevokeAdjustmentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type AssessmentRevokeAdjustmentMutation = {
  revokeAssessmentAdjustment: {
    __typename: 'AssessmentAdjustment';
    id: string;
    cycleId: string;
    unitCode: string;
    kind: string;
    points: number;
    reason: string;
    createdAt: string;
    createdBy: string;
    revokedAt: string | null;
    revokedBy: string | null;
    revokeReason: string | null;
    creator: { __typename: 'Person'; username: string; label: string };
    revoker: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type AssessmentMeasureSpecFieldsFragment = {
  __typename: 'MeasureSpec';
  unitOfMeasure: string;
  direction: string;
  scoring: string;
  levels: {
    __typename: 'MeasureLevelTargets';
    province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
    prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
    county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
  };
  overrides: Array<{
    __typename: 'MeasureOverride';
    unitCode: string;
    target: number;
    floor: number | null;
  }> | null;
  bands: Array<{
    __typename: 'MeasureBand';
    min: number | null;
    max: number | null;
    points: number;
  }> | null;
};

export type AssessmentUnitMeasureFieldsFragment = {
  __typename: 'UnitMeasureValue';
  indicatorId: string;
  name: string;
  chapter: number;
  weight: number;
  target: number;
  floor: number | null;
  targetFrom: string;
  reportedValue: number | null;
  evidenceId: string | null;
  evidenceName: string | null;
  sourceRef: string | null;
  reportedBy: string | null;
  reportedAt: string | null;
  adjustedValue: number | null;
  adjustReason: string | null;
  adjustedBy: string | null;
  adjustedAt: string | null;
  canReport: boolean;
  canAdjust: boolean;
  measure: {
    __typename: 'MeasureSpec';
    unitOfMeasure: string;
    direction: string;
    scoring: string;
    levels: {
      __typename: 'MeasureLevelTargets';
      province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
    };
    overrides: Array<{
      __typename: 'MeasureOverride';
      unitCode: string;
      target: number;
      floor: number | null;
    }> | null;
    bands: Array<{
      __typename: 'MeasureBand';
      min: number | null;
      max: number | null;
      points: number;
    }> | null;
  };
  events: Array<{
    __typename: 'MeasureEvent';
    id: string;
    action: string;
    beforeValue: number | null;
    afterValue: number | null;
    evidenceId: string | null;
    sourceRef: string | null;
    reason: string | null;
    actor: string;
    actorRole: string;
    createdAt: string;
  }>;
};

export type AssessmentUnitMeasuresQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
}>;

export type AssessmentUnitMeasuresQuery = {
  unitMeasureValues: Array<{
    __typename: 'UnitMeasureValue';
    indicatorId: string;
    name: string;
    chapter: number;
    weight: number;
    target: number;
    floor: number | null;
    targetFrom: string;
    reportedValue: number | null;
    evidenceId: string | null;
    evidenceName: string | null;
    sourceRef: string | null;
    reportedBy: string | null;
    reportedAt: string | null;
    adjustedValue: number | null;
    adjustReason: string | null;
    adjustedBy: string | null;
    adjustedAt: string | null;
    canReport: boolean;
    canAdjust: boolean;
    measure: {
      __typename: 'MeasureSpec';
      unitOfMeasure: string;
      direction: string;
      scoring: string;
      levels: {
        __typename: 'MeasureLevelTargets';
        province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      };
      overrides: Array<{
        __typename: 'MeasureOverride';
        unitCode: string;
        target: number;
        floor: number | null;
      }> | null;
      bands: Array<{
        __typename: 'MeasureBand';
        min: number | null;
        max: number | null;
        points: number;
      }> | null;
    };
    events: Array<{
      __typename: 'MeasureEvent';
      id: string;
      action: string;
      beforeValue: number | null;
      afterValue: number | null;
      evidenceId: string | null;
      sourceRef: string | null;
      reason: string | null;
      actor: string;
      actorRole: string;
      createdAt: string;
    }>;
  }>;
};

export type UnitEvidenceChoicesQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
}>;

export type UnitEvidenceChoicesQuery = {
  unitEvidenceChoices: Array<{
    __typename: 'AssessmentStageEvidence';
    id: string;
    fileName: string;
    documentNumber: string | null;
    withdrawn: boolean;
  }>;
};

export type AssessmentReportMeasureMutationVariables = Exact<{
  input: ReportMeasureInput;
}>;

export type AssessmentReportMeasureMutation = {
  reportAssessmentMeasure: {
    __typename: 'UnitMeasureValue';
    indicatorId: string;
    name: string;
    chapter: number;
    weight: number;
    target: number;
    floor: number | null;
    targetFrom: string;
    reportedValue: number | null;
    evidenceId: string | null;
    evidenceName: string | null;
    sourceRef: string | null;
    reportedBy: string | null;
    reportedAt: string | null;
    adjustedValue: number | null;
    adjustReason: string | null;
    adjustedBy: string | null;
    adjustedAt: string | null;
    canReport: boolean;
    canAdjust: boolean;
    measure: {
      __typename: 'MeasureSpec';
      unitOfMeasure: string;
      direction: string;
      scoring: string;
      levels: {
        __typename: 'MeasureLevelTargets';
        province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      };
      overrides: Array<{
        __typename: 'MeasureOverride';
        unitCode: string;
        target: number;
        floor: number | null;
      }> | null;
      bands: Array<{
        __typename: 'MeasureBand';
        min: number | null;
        max: number | null;
        points: number;
      }> | null;
    };
    events: Array<{
      __typename: 'MeasureEvent';
      id: string;
      action: string;
      beforeValue: number | null;
      afterValue: number | null;
      evidenceId: string | null;
      sourceRef: string | null;
      reason: string | null;
      actor: string;
      actorRole: string;
      createdAt: string;
    }>;
  };
};

export type AssessmentAdjustMeasureMutationVariables = Exact<{
  input: AdjustMeasureInput;
}>;

export type AssessmentAdjustMeasureMutation = {
  adjustAssessmentMeasure: {
    __typename: 'UnitMeasureValue';
    indicatorId: string;
    name: string;
    chapter: number;
    weight: number;
    target: number;
    floor: number | null;
    targetFrom: string;
    reportedValue: number | null;
    evidenceId: string | null;
    evidenceName: string | null;
    sourceRef: string | null;
    reportedBy: string | null;
    reportedAt: string | null;
    adjustedValue: number | null;
    adjustReason: string | null;
    adjustedBy: string | null;
    adjustedAt: string | null;
    canReport: boolean;
    canAdjust: boolean;
    measure: {
      __typename: 'MeasureSpec';
      unitOfMeasure: string;
      direction: string;
      scoring: string;
      levels: {
        __typename: 'MeasureLevelTargets';
        province: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        prefecture: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
        county: { __typename: 'MeasureTarget'; target: number; floor: number | null } | null;
      };
      overrides: Array<{
        __typename: 'MeasureOverride';
        unitCode: string;
        target: number;
        floor: number | null;
      }> | null;
      bands: Array<{
        __typename: 'MeasureBand';
        min: number | null;
        max: number | null;
        points: number;
      }> | null;
    };
    events: Array<{
      __typename: 'MeasureEvent';
      id: string;
      action: string;
      beforeValue: number | null;
      afterValue: number | null;
      evidenceId: string | null;
      sourceRef: string | null;
      reason: string | null;
      actor: string;
      actorRole: string;
      createdAt: string;
    }>;
  };
};

export type PublishedUnitResultFieldsFragment = {
  __typename: 'PublishedUnitResult';
  unitCode: string;
  unitName: string;
  level: string;
  score: number;
  grade: string;
  rank: number;
  indicators: Array<{
    __typename: 'PublishedIndicator';
    indicatorId: string;
    name: string;
    kind: string;
    marks: number;
    earned: number;
  }>;
};

export type AssessmentPublicationFieldsFragment = {
  __typename: 'AssessmentPublication';
  id: string;
  cycleId: string;
  version: number;
  objectionClosesAt: string;
  windowOpen: boolean;
  units: number;
  publishedBy: string;
  publishedAt: string;
};

export type AssessmentObjectionFieldsFragment = {
  __typename: 'AssessmentObjection';
  id: string;
  cycleId: string;
  publicationVersion: number;
  unitCode: string;
  unitName: string;
  indicatorId: string;
  indicatorName: string;
  reason: string;
  evidenceIds: Array<string>;
  filedBy: string;
  filedAt: string;
  decision: string | null;
  decisionReason: string | null;
  scoreChange: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
};

export type AssessmentPublicationQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AssessmentPublicationQuery = {
  assessmentPublication: {
    __typename: 'AssessmentPublication';
    id: string;
    cycleId: string;
    version: number;
    objectionClosesAt: string;
    windowOpen: boolean;
    units: number;
    publishedBy: string;
    publishedAt: string;
    results: Array<{
      __typename: 'PublishedUnitResult';
      unitCode: string;
      unitName: string;
      level: string;
      score: number;
      grade: string;
      rank: number;
      indicators: Array<{
        __typename: 'PublishedIndicator';
        indicatorId: string;
        name: string;
        kind: string;
        marks: number;
        earned: number;
      }>;
    }>;
  } | null;
};

export type AssessmentObjectionsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode?: InputMaybe<Scalars['String']['input']>;
  pendingOnly?: InputMaybe<Scalars['Boolean']['input']>;
}>;

export type AssessmentObjectionsQuery = {
  assessmentObjections: Array<{
    __typename: 'AssessmentObjection';
    id: string;
    cycleId: string;
    publicationVersion: number;
    unitCode: string;
    unitName: string;
    indicatorId: string;
    indicatorName: string;
    reason: string;
    evidenceIds: Array<string>;
    filedBy: string;
    filedAt: string;
    decision: string | null;
    decisionReason: string | null;
    scoreChange: number | null;
    decidedBy: string | null;
    decidedAt: string | null;
  }>;
};

export type PublishAssessmentResultsMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  objectionClosesAt: Scalars['DateTime']['input'];
}>;

export type PublishAssessmentResultsMutation = {
  publishAssessmentResults: {
    __typename: 'AssessmentPublication';
    id: string;
    cycleId: string;
    version: number;
    objectionClosesAt: string;
    windowOpen: boolean;
    units: number;
    publishedBy: string;
    publishedAt: string;
  };
};

export type FileAssessmentObjectionMutationVariables = Exact<{
  input: FileAssessmentObjectionInput;
}>;

export type FileAssessmentObjectionMutation = {
  fileAssessmentObjection: {
    __typename: 'AssessmentObjection';
    id: string;
    cycleId: string;
    publicationVersion: number;
    unitCode: string;
    unitName: string;
    indicatorId: string;
    indicatorName: string;
    reason: string;
    evidenceIds: Array<string>;
    filedBy: string;
    filedAt: string;
    decision: string | null;
    decisionReason: string | null;
    scoreChange: number | null;
    decidedBy: string | null;
    decidedAt: string | null;
  };
};

export type DecideAssessmentObjectionMutationVariables = Exact<{
  input: DecideAssessmentObjectionInput;
}>;

export type DecideAssessmentObjectionMutation = {
  decideAssessmentObjection: {
    __typename: 'AssessmentObjection';
    id: string;
    cycleId: string;
    publicationVersion: number;
    unitCode: string;
    unitName: string;
    indicatorId: string;
    indicatorName: string;
    reason: string;
    evidenceIds: Array<string>;
    filedBy: string;
    filedAt: string;
    decision: string | null;
    decisionReason: string | null;
    scoreChange: number | null;
    decidedBy: string | null;
    decidedAt: string | null;
  };
};

export type OnsiteItemFieldsFragment = {
  __typename: 'OnsiteSampleItem';
  id: string;
  unitCode: string;
  unitName: string;
  groupCode: string;
  unitRank: number;
  taskRank: number;
  taskId: string;
  taskStatus: string;
  article: number;
  dutySubject: string;
  outcome: string | null;
  note: string | null;
  evidenceIds: Array<string>;
  recordedBy: string | null;
  recordedAt: string | null;
  adjustmentId: string | null;
  deductedPoints: number | null;
};

export type OnsiteSampleFieldsFragment = {
  __typename: 'OnsiteSample';
  id: string;
  cycleId: string;
  version: number;
  status: string;
  scope: string;
  unitCount: number | null;
  unitShare: number | null;
  tasksPerUnit: number;
  taskStatuses: Array<string>;
  unitLevels: Array<string>;
  deductionPoints: number;
  seed: string;
  seedGenerated: boolean;
  populationUnits: number;
  populationTasks: number;
  reason: string | null;
  drawnBy: string;
  drawnAt: string;
  supersededBy: string | null;
  supersededAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
};

export type OnsiteSamplesQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type OnsiteSamplesQuery = {
  onsiteSamples: Array<{
    __typename: 'OnsiteSample';
    id: string;
    cycleId: string;
    version: number;
    status: string;
    scope: string;
    unitCount: number | null;
    unitShare: number | null;
    tasksPerUnit: number;
    taskStatuses: Array<string>;
    unitLevels: Array<string>;
    deductionPoints: number;
    seed: string;
    seedGenerated: boolean;
    populationUnits: number;
    populationTasks: number;
    reason: string | null;
    drawnBy: string;
    drawnAt: string;
    supersededBy: string | null;
    supersededAt: string | null;
    closedBy: string | null;
    closedAt: string | null;
  }>;
};

export type OnsiteSampleQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type OnsiteSampleQuery = {
  onsiteSample: {
    __typename: 'OnsiteSample';
    id: string;
    cycleId: string;
    version: number;
    status: string;
    scope: string;
    unitCount: number | null;
    unitShare: number | null;
    tasksPerUnit: number;
    taskStatuses: Array<string>;
    unitLevels: Array<string>;
    deductionPoints: number;
    seed: string;
    seedGenerated: boolean;
    populationUnits: number;
    populationTasks: number;
    reason: string | null;
    drawnBy: string;
    drawnAt: string;
    supersededBy: string | null;
    supersededAt: string | null;
    closedBy: string | null;
    closedAt: string | null;
    items: Array<{
      __typename: 'OnsiteSampleItem';
      id: string;
      unitCode: string;
      unitName: string;
      groupCode: string;
      unitRank: number;
      taskRank: number;
      taskId: string;
      taskStatus: string;
      article: number;
      dutySubject: string;
      outcome: string | null;
      note: string | null;
      evidenceIds: Array<string>;
      recordedBy: string | null;
      recordedAt: string | null;
      adjustmentId: string | null;
      deductedPoints: number | null;
    }>;
  };
};

export type DrawOnsiteSampleMutationVariables = Exact<{
  input: DrawOnsiteSampleInput;
}>;

export type DrawOnsiteSampleMutation = {
  drawOnsiteSample: {
    __typename: 'OnsiteSample';
    id: string;
    cycleId: string;
    version: number;
    status: string;
    scope: string;
    unitCount: number | null;
    unitShare: number | null;
    tasksPerUnit: number;
    taskStatuses: Array<string>;
    unitLevels: Array<string>;
    deductionPoints: number;
    seed: string;
    seedGenerated: boolean;
    populationUnits: number;
    populationTasks: number;
    reason: string | null;
    drawnBy: string;
    drawnAt: string;
    supersededBy: string | null;
    supersededAt: string | null;
    closedBy: string | null;
    closedAt: string | null;
  };
};

export type RecordOnsiteFindingMutationVariables = Exact<{
  input: RecordOnsiteFindingInput;
}>;

export type RecordOnsiteFindingMutation = {
  recordOnsiteFinding: {
    __typename: 'OnsiteSampleItem';
    id: string;
    unitCode: string;
    unitName: string;
    groupCode: string;
    unitRank: number;
    taskRank: number;
    taskId: string;
    taskStatus: string;
    article: number;
    dutySubject: string;
    outcome: string | null;
    note: string | null;
    evidenceIds: Array<string>;
    recordedBy: string | null;
    recordedAt: string | null;
    adjustmentId: string | null;
    deductedPoints: number | null;
  };
};

export type CloseOnsiteVerificationMutationVariables = Exact<{
  sampleId: Scalars['ID']['input'];
}>;

export type CloseOnsiteVerificationMutation = {
  closeOnsiteVerification: {
    __typename: 'OnsiteSample';
    id: string;
    cycleId: string;
    version: number;
    status: string;
    scope: string;
    unitCount: number | null;
    unitShare: number | null;
    tasksPerUnit: number;
    taskStatuses: Array<string>;
    unitLevels: Array<string>;
    deductionPoints: number;
    seed: string;
    seedGenerated: boolean;
    populationUnits: number;
    populationTasks: number;
    reason: string | null;
    drawnBy: string;
    drawnAt: string;
    supersededBy: string | null;
    supersededAt: string | null;
    closedBy: string | null;
    closedAt: string | null;
  };
};

export type StageIndicatorFieldsFragment = {
  __typename: 'AssessmentStageIndicator';
  indicatorId: string;
  name: string;
  chapter: number;
  kind: string;
  planMarks: number;
  selfScore: number | null;
  narrative: string | null;
  evidenceIds: Array<string>;
  late: boolean;
  prefectureScore: number | null;
  prefectureComment: string | null;
  provincialScore: number | null;
  provincialComment: string | null;
  finalStage: string | null;
  earned: number;
};

export type UnitStageAssessmentFieldsFragment = {
  __typename: 'UnitStageAssessment';
  unitCode: string;
  unitName: string;
  status: string;
  submittedAt: string | null;
  submittedBy: string | null;
  late: boolean;
  submitCount: number;
  dueAt: string | null;
  returnReason: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
  returnCount: number;
  finalScore: number;
  canEditSelf: boolean;
  canPreliminaryReview: boolean;
  canProvincialReview: boolean;
  indicators: Array<{
    __typename: 'AssessmentStageIndicator';
    indicatorId: string;
    name: string;
    chapter: number;
    kind: string;
    planMarks: number;
    selfScore: number | null;
    narrative: string | null;
    evidenceIds: Array<string>;
    late: boolean;
    prefectureScore: number | null;
    prefectureComment: string | null;
    provincialScore: number | null;
    provincialComment: string | null;
    finalStage: string | null;
    earned: number;
  }>;
  changes: Array<{
    __typename: 'AssessmentScoreChange';
    id: string;
    indicatorId: string | null;
    stage: AssessmentStage;
    action: string;
    beforeScore: number | null;
    afterScore: number | null;
    reason: string | null;
    late: boolean | null;
    actor: string;
    occurredAt: string;
  }>;
  evidenceFiles: Array<{
    __typename: 'AssessmentStageEvidence';
    id: string;
    fileName: string;
    documentNumber: string | null;
    withdrawn: boolean;
    contentUrl: string;
  }>;
};

export type AssessmentStageScheduleQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AssessmentStageScheduleQuery = {
  assessmentStageSchedule: Array<{
    __typename: 'AssessmentStageWindow';
    stage: AssessmentStage;
    opensAt: string;
    closesAt: string;
  }>;
};

export type SetAssessmentStageScheduleMutationVariables = Exact<{
  input: SetAssessmentStageScheduleInput;
}>;

export type SetAssessmentStageScheduleMutation = {
  setAssessmentStageSchedule: Array<{
    __typename: 'AssessmentStageWindow';
    stage: AssessmentStage;
    opensAt: string;
    closesAt: string;
  }>;
};

export type UnitStageAssessmentQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
}>;

export type UnitStageAssessmentQuery = {
  unitStageAssessment: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type StageAssessmentUnitsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type StageAssessmentUnitsQuery = {
  stageAssessmentUnits: Array<{
    __typename: 'StageUnitSummary';
    unitCode: string;
    unitName: string;
    level: string;
    parentCode: string | null;
    status: string;
    submittedAt: string | null;
    late: boolean;
    returnCount: number;
    finalScore: number;
  }>;
};

export type SaveSelfAssessmentMutationVariables = Exact<{
  input: SaveSelfAssessmentInput;
}>;

export type SaveSelfAssessmentMutation = {
  saveSelfAssessment: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type SubmitSelfAssessmentMutationVariables = Exact<{
  input: UnitStageInput;
}>;

export type SubmitSelfAssessmentMutation = {
  submitSelfAssessment: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type PreliminaryReviewScoreMutationVariables = Exact<{
  input: StageReviewScoreInput;
}>;

export type PreliminaryReviewScoreMutation = {
  preliminaryReviewScore: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type ReturnSelfAssessmentMutationVariables = Exact<{
  input: ReturnSelfAssessmentInput;
}>;

export type ReturnSelfAssessmentMutation = {
  returnSelfAssessment: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type ProvincialReviewScoreMutationVariables = Exact<{
  input: StageReviewScoreInput;
}>;

export type ProvincialReviewScoreMutation = {
  provincialReviewScore: {
    __typename: 'UnitStageAssessment';
    unitCode: string;
    unitName: string;
    status: string;
    submittedAt: string | null;
    submittedBy: string | null;
    late: boolean;
    submitCount: number;
    dueAt: string | null;
    returnReason: string | null;
    returnedBy: string | null;
    returnedAt: string | null;
    returnCount: number;
    finalScore: number;
    canEditSelf: boolean;
    canPreliminaryReview: boolean;
    canProvincialReview: boolean;
    indicators: Array<{
      __typename: 'AssessmentStageIndicator';
      indicatorId: string;
      name: string;
      chapter: number;
      kind: string;
      planMarks: number;
      selfScore: number | null;
      narrative: string | null;
      evidenceIds: Array<string>;
      late: boolean;
      prefectureScore: number | null;
      prefectureComment: string | null;
      provincialScore: number | null;
      provincialComment: string | null;
      finalStage: string | null;
      earned: number;
    }>;
    changes: Array<{
      __typename: 'AssessmentScoreChange';
      id: string;
      indicatorId: string | null;
      stage: AssessmentStage;
      action: string;
      beforeScore: number | null;
      afterScore: number | null;
      reason: string | null;
      late: boolean | null;
      actor: string;
      occurredAt: string;
    }>;
    evidenceFiles: Array<{
      __typename: 'AssessmentStageEvidence';
      id: string;
      fileName: string;
      documentNumber: string | null;
      withdrawn: boolean;
      contentUrl: string;
    }>;
  };
};

export type AssessmentPeriodFieldsFragment = {
  __typename: 'AssessmentPeriod';
  year: number;
  source: string;
  cycleId: string | null;
  resultSetVersion: number | null;
  importId: string | null;
  sourceFileName: string | null;
  importedBy: string | null;
  importedAt: string | null;
};

export type AssessmentUnitYearOverYearQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
  years?: InputMaybe<Scalars['Int']['input']>;
}>;

export type AssessmentUnitYearOverYearQuery = {
  unitYearOverYear: {
    __typename: 'UnitYearOverYear';
    unitCode: string;
    unitName: string;
    level: string;
    scoreChange: number | null;
    rankChange: number | null;
    completionChange: number | null;
    previousGrade: string | null;
    periods: Array<{
      __typename: 'AssessmentPeriod';
      year: number;
      source: string;
      cycleId: string | null;
      resultSetVersion: number | null;
      importId: string | null;
      sourceFileName: string | null;
      importedBy: string | null;
      importedAt: string | null;
    }>;
    points: Array<{
      __typename: 'UnitYearPoint';
      year: number;
      source: string;
      score: number;
      rank: number;
      level: string;
      grade: string | null;
      completion: number | null;
    }>;
    indicators: Array<{
      __typename: 'IndicatorYearOverYear';
      indicatorId: string;
      name: string;
      scoreChange: number | null;
      completionChange: number | null;
      points: Array<{
        __typename: 'IndicatorYearPoint';
        year: number;
        score: number;
        marks: number | null;
        completion: number | null;
      }>;
    }>;
  };
};

export type AssessmentYearOverYearQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  level?: InputMaybe<Scalars['String']['input']>;
}>;

export type AssessmentYearOverYearQuery = {
  assessmentYearOverYear: {
    __typename: 'AssessmentYearOverYear';
    year: number;
    current: {
      __typename: 'AssessmentPeriod';
      year: number;
      source: string;
      cycleId: string | null;
      resultSetVersion: number | null;
      importId: string | null;
      sourceFileName: string | null;
      importedBy: string | null;
      importedAt: string | null;
    };
    previous: {
      __typename: 'AssessmentPeriod';
      year: number;
      source: string;
      cycleId: string | null;
      resultSetVersion: number | null;
      importId: string | null;
      sourceFileName: string | null;
      importedBy: string | null;
      importedAt: string | null;
    } | null;
    rows: Array<{
      __typename: 'UnitYearChange';
      unitCode: string;
      unitName: string;
      level: string;
      parentCode: string | null;
      score: number;
      rank: number;
      grade: string;
      completion: number | null;
      previousScore: number | null;
      previousRank: number | null;
      previousGrade: string | null;
      previousCompletion: number | null;
      scoreChange: number | null;
      rankChange: number | null;
      completionChange: number | null;
    }>;
  };
};

export type AssessmentHistoryImportsQueryVariables = Exact<{ [key: string]: never }>;

export type AssessmentHistoryImportsQuery = {
  assessmentHistoryImports: Array<{
    __typename: 'AssessmentHistoryImport';
    id: string;
    year: number;
    sourceFileName: string;
    sourceSha256: string;
    rowCount: number;
    unitCount: number;
    importedBy: string;
    importedAt: string;
  }>;
};

export type CurrentUserFieldsFragment = {
  __typename: 'CurrentUser';
  id: string;
  username: string;
  displayName: string;
  role: Role | null;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  secondFactorStep: SecondFactorStep | null;
  sessionExpiresAt: string;
  singleSignOn: boolean;
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
    passwordExpired: boolean;
    secondFactorStep: SecondFactorStep | null;
    sessionExpiresAt: string;
    singleSignOn: boolean;
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

export type MySecondFactorQueryVariables = Exact<{ [key: string]: never }>;

export type MySecondFactorQuery = {
  mySecondFactor: {
    __typename: 'SecondFactorStatus';
    enabled: boolean;
    required: boolean;
    enabledAt: string | null;
    recoveryCodesRemaining: number;
  };
};

export type VerifySecondFactorMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;

export type VerifySecondFactorMutation = {
  verifySecondFactor: {
    __typename: 'CurrentUser';
    id: string;
    username: string;
    displayName: string;
    role: Role | null;
    mustChangePassword: boolean;
    passwordExpired: boolean;
    secondFactorStep: SecondFactorStep | null;
    sessionExpiresAt: string;
    singleSignOn: boolean;
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

export type BeginTotpEnrolmentMutationVariables = Exact<{ [key: string]: never }>;

export type BeginTotpEnrolmentMutation = {
  beginTotpEnrolment: {
    __typename: 'TotpEnrolment';
    secret: string;
    otpauthUri: string;
    issuer: string;
    account: string;
  };
};

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;

export type ConfirmTotpEnrolmentMutation = {
  confirmTotpEnrolment: { __typename: 'RecoveryCodes'; codes: Array<string> };
};

export type DisableTotpMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;

export type DisableTotpMutation = {
  disableTotp: {
    __typename: 'SecondFactorStatus';
    enabled: boolean;
    required: boolean;
    enabledAt: string | null;
    recoveryCodesRemaining: number;
  };
};

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  input: SecondFactorCodeInput;
}>;

export type RegenerateRecoveryCodesMutation = {
  regenerateRecoveryCodes: { __typename: 'RecoveryCodes'; codes: Array<string> };
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
      passwordExpired: boolean;
      secondFactorStep: SecondFactorStep | null;
      sessionExpiresAt: string;
      singleSignOn: boolean;
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
    passwordExpired: boolean;
    secondFactorStep: SecondFactorStep | null;
    sessionExpiresAt: string;
    singleSignOn: boolean;
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

export type SignInOptionsQueryVariables = Exact<{ [key: string]: never }>;

export type SignInOptionsQuery = {
  signInOptions: {
    __typename: 'SignInOptions';
    oidcEnabled: boolean;
    oidcLoginPath: string | null;
    oidcButtonLabel: string | null;
    passwordSignIn: PasswordSignInMode;
  };
};

export type BulletinListFieldsFragment = {
  __typename: 'Bulletin';
  id: string;
  scopeUnitCode: string;
  scopeUnitName: string;
  cycleId: string;
  periodKind: BulletinPeriodKind;
  period: string;
  periodLabel: string;
  asOf: string;
  title: string;
  status: BulletinStatus;
  number: string | null;
  sha256: string | null;
  size: number | null;
  generatedBy: string;
  generatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  rowVersion: number;
  downloadPath: string;
  generator: { __typename: 'Person'; username: string; label: string };
  publisher: { __typename: 'Person'; username: string; label: string } | null;
};

export type BulletinFieldsFragment = {
  __typename: 'Bulletin';
  issuingBody: string;
  addressee: string;
  intro: string;
  requirements: string;
  id: string;
  scopeUnitCode: string;
  scopeUnitName: string;
  cycleId: string;
  periodKind: BulletinPeriodKind;
  period: string;
  periodLabel: string;
  asOf: string;
  title: string;
  status: BulletinStatus;
  number: string | null;
  sha256: string | null;
  size: number | null;
  generatedBy: string;
  generatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  rowVersion: number;
  downloadPath: string;
  summary: {
    __typename: 'BulletinFigures';
    tasks: number;
    verified: number;
    submitted: number;
    overdue: number;
    completionRate: number;
    elapsedFraction: number;
    unitsBehind: number;
  };
  goodPractices: Array<{
    __typename: 'BulletinGoodPractice';
    taskId: string;
    unitName: string;
    article: number;
    subject: string;
    department: string;
    verifiedOn: string | null;
    comment: string;
  }>;
  document: {
    __typename: 'BulletinDocument';
    title: string;
    number: string;
    issuingBody: string;
    issueDate: string;
    issueDateText: string;
    addressee: string;
    blocks: Array<{
      __typename: 'BulletinBlock';
      kind: BulletinBlockKind;
      text: string | null;
      columns: Array<string> | null;
      rows: Array<Array<string>> | null;
      numeric: Array<boolean> | null;
    }>;
  };
  generator: { __typename: 'Person'; username: string; label: string };
  publisher: { __typename: 'Person'; username: string; label: string } | null;
};

export type BulletinsQueryVariables = Exact<{
  filter?: InputMaybe<BulletinFilterInput>;
}>;

export type BulletinsQuery = {
  bulletins: Array<{
    __typename: 'Bulletin';
    id: string;
    scopeUnitCode: string;
    scopeUnitName: string;
    cycleId: string;
    periodKind: BulletinPeriodKind;
    period: string;
    periodLabel: string;
    asOf: string;
    title: string;
    status: BulletinStatus;
    number: string | null;
    sha256: string | null;
    size: number | null;
    generatedBy: string;
    generatedAt: string;
    publishedBy: string | null;
    publishedAt: string | null;
    rowVersion: number;
    downloadPath: string;
    generator: { __typename: 'Person'; username: string; label: string };
    publisher: { __typename: 'Person'; username: string; label: string } | null;
  }>;
};

export type BulletinQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type BulletinQuery = {
  bulletin: {
    __typename: 'Bulletin';
    issuingBody: string;
    addressee: string;
    intro: string;
    requirements: string;
    id: string;
    scopeUnitCode: string;
    scopeUnitName: string;
    cycleId: string;
    periodKind: BulletinPeriodKind;
    period: string;
    periodLabel: string;
    asOf: string;
    title: string;
    status: BulletinStatus;
    number: string | null;
    sha256: string | null;
    size: number | null;
    generatedBy: string;
    generatedAt: string;
    publishedBy: string | null;
    publishedAt: string | null;
    rowVersion: number;
    downloadPath: string;
    summary: {
      __typename: 'BulletinFigures';
      tasks: number;
      verified: number;
      submitted: number;
      overdue: number;
      completionRate: number;
      elapsedFraction: number;
      unitsBehind: number;
    };
    goodPractices: Array<{
      __typename: 'BulletinGoodPractice';
      taskId: string;
      unitName: string;
      article: number;
      subject: string;
      department: string;
      verifiedOn: string | null;
      comment: string;
    }>;
    document: {
      __typename: 'BulletinDocument';
      title: string;
      number: string;
      issuingBody: string;
      issueDate: string;
      issueDateText: string;
      addressee: string;
      blocks: Array<{
        __typename: 'BulletinBlock';
        kind: BulletinBlockKind;
        text: string | null;
        columns: Array<string> | null;
        rows: Array<Array<string>> | null;
        numeric: Array<boolean> | null;
      }>;
    };
    generator: { __typename: 'Person'; username: string; label: string };
    publisher: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type BulletinGoodPracticeCandidatesQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  scopeUnitCode?: InputMaybe<Scalars['String']['input']>;
}>;

export type BulletinGoodPracticeCandidatesQuery = {
  bulletinGoodPracticeCandidates: Array<{
    __typename: 'BulletinGoodPracticeCandidate';
    taskId: string;
    unitName: string;
    article: number;
    subject: string;
    department: string;
    verifiedOn: string | null;
    progressNote: string;
    evidenceCount: number;
  }>;
};

export type BulletinPrefecturesQueryVariables = Exact<{ [key: string]: never }>;

export type BulletinPrefecturesQuery = {
  adminUnits: Array<{ __typename: 'AdminUnit'; code: string; name: string; level: AdminLevel }>;
};

export type GenerateBulletinMutationVariables = Exact<{
  input: GenerateBulletinInput;
}>;

export type GenerateBulletinMutation = {
  generateBulletin: {
    __typename: 'Bulletin';
    issuingBody: string;
    addressee: string;
    intro: string;
    requirements: string;
    id: string;
    scopeUnitCode: string;
    scopeUnitName: string;
    cycleId: string;
    periodKind: BulletinPeriodKind;
    period: string;
    periodLabel: string;
    asOf: string;
    title: string;
    status: BulletinStatus;
    number: string | null;
    sha256: string | null;
    size: number | null;
    generatedBy: string;
    generatedAt: string;
    publishedBy: string | null;
    publishedAt: string | null;
    rowVersion: number;
    downloadPath: string;
    summary: {
      __typename: 'BulletinFigures';
      tasks: number;
      verified: number;
      submitted: number;
      overdue: number;
      completionRate: number;
      elapsedFraction: number;
      unitsBehind: number;
    };
    goodPractices: Array<{
      __typename: 'BulletinGoodPractice';
      taskId: string;
      unitName: string;
      article: number;
      subject: string;
      department: string;
      verifiedOn: string | null;
      comment: string;
    }>;
    document: {
      __typename: 'BulletinDocument';
      title: string;
      number: string;
      issuingBody: string;
      issueDate: string;
      issueDateText: string;
      addressee: string;
      blocks: Array<{
        __typename: 'BulletinBlock';
        kind: BulletinBlockKind;
        text: string | null;
        columns: Array<string> | null;
        rows: Array<Array<string>> | null;
        numeric: Array<boolean> | null;
      }>;
    };
    generator: { __typename: 'Person'; username: string; label: string };
    publisher: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type UpdateBulletinDraftMutationVariables = Exact<{
  input: UpdateBulletinDraftInput;
}>;

export type UpdateBulletinDraftMutation = {
  updateBulletinDraft: {
    __typename: 'Bulletin';
    issuingBody: string;
    addressee: string;
    intro: string;
    requirements: string;
    id: string;
    scopeUnitCode: string;
    scopeUnitName: string;
    cycleId: string;
    periodKind: BulletinPeriodKind;
    period: string;
    periodLabel: string;
    asOf: string;
    title: string;
    status: BulletinStatus;
    number: string | null;
    sha256: string | null;
    size: number | null;
    generatedBy: string;
    generatedAt: string;
    publishedBy: string | null;
    publishedAt: string | null;
    rowVersion: number;
    downloadPath: string;
    summary: {
      __typename: 'BulletinFigures';
      tasks: number;
      verified: number;
      submitted: number;
      overdue: number;
      completionRate: number;
      elapsedFraction: number;
      unitsBehind: number;
    };
    goodPractices: Array<{
      __typename: 'BulletinGoodPractice';
      taskId: string;
      unitName: string;
      article: number;
      subject: string;
      department: string;
      verifiedOn: string | null;
      comment: string;
    }>;
    document: {
      __typename: 'BulletinDocument';
      title: string;
      number: string;
      issuingBody: string;
      issueDate: string;
      issueDateText: string;
      addressee: string;
      blocks: Array<{
        __typename: 'BulletinBlock';
        kind: BulletinBlockKind;
        text: string | null;
        columns: Array<string> | null;
        rows: Array<Array<string>> | null;
        numeric: Array<boolean> | null;
      }>;
    };
    generator: { __typename: 'Person'; username: string; label: string };
    publisher: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type PublishBulletinMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedRowVersion: Scalars['Int']['input'];
}>;

export type PublishBulletinMutation = {
  publishBulletin: {
    __typename: 'Bulletin';
    issuingBody: string;
    addressee: string;
    intro: string;
    requirements: string;
    id: string;
    scopeUnitCode: string;
    scopeUnitName: string;
    cycleId: string;
    periodKind: BulletinPeriodKind;
    period: string;
    periodLabel: string;
    asOf: string;
    title: string;
    status: BulletinStatus;
    number: string | null;
    sha256: string | null;
    size: number | null;
    generatedBy: string;
    generatedAt: string;
    publishedBy: string | null;
    publishedAt: string | null;
    rowVersion: number;
    downloadPath: string;
    summary: {
      __typename: 'BulletinFigures';
      tasks: number;
      verified: number;
      submitted: number;
      overdue: number;
      completionRate: number;
      elapsedFraction: number;
      unitsBehind: number;
    };
    goodPractices: Array<{
      __typename: 'BulletinGoodPractice';
      taskId: string;
      unitName: string;
      article: number;
      subject: string;
      department: string;
      verifiedOn: string | null;
      comment: string;
    }>;
    document: {
      __typename: 'BulletinDocument';
      title: string;
      number: string;
      issuingBody: string;
      issueDate: string;
      issueDateText: string;
      addressee: string;
      blocks: Array<{
        __typename: 'BulletinBlock';
        kind: BulletinBlockKind;
        text: string | null;
        columns: Array<string> | null;
        rows: Array<Array<string>> | null;
        numeric: Array<boolean> | null;
      }>;
    };
    generator: { __typename: 'Person'; username: string; label: string };
    publisher: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type DeleteBulletinDraftMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedRowVersion: Scalars['Int']['input'];
}>;

export type DeleteBulletinDraftMutation = { deleteBulletinDraft: boolean };

export type CycleAdminRegulationsQueryVariables = Exact<{ [key: string]: never }>;

export type CycleAdminRegulationsQuery = {
  regulations: Array<{
    __typename: 'Regulation';
    id: string;
    code: string;
    title: string;
    latestVersion: { __typename: 'RegulationVersion'; id: string } | null;
    versions: Array<{
      __typename: 'RegulationVersion';
      id: string;
      versionNumber: number;
      status: RegulationVersionStatus;
    }>;
  }>;
};

export type CycleVersionDutiesQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;

export type CycleVersionDutiesQuery = {
  duties: {
    __typename: 'DutyPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'Duty';
      id: string;
      lineageId: string;
      text: string;
      article: { __typename: 'Article'; id: string; number: number };
    }>;
  };
};

export type CycleDutyChangeFieldsFragment = {
  __typename: 'RegenerationDutyChange';
  dutyId: string;
  lineageId: string;
  articleNumber: number;
  text: string;
  tasks: number;
  reason: string | null;
};

export type CycleRegenerationPreviewQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type CycleRegenerationPreviewQuery = {
  cycleRegenerationPreview: {
    __typename: 'CycleRegenerationPreview';
    cycleId: string;
    followed: number;
    leadsFollowed: number;
    created: number;
    retired: number;
    restored: number;
    total: number;
    added: Array<{
      __typename: 'RegenerationDutyChange';
      dutyId: string;
      lineageId: string;
      articleNumber: number;
      text: string;
      tasks: number;
      reason: string | null;
    }>;
    retiring: Array<{
      __typename: 'RegenerationDutyChange';
      dutyId: string;
      lineageId: string;
      articleNumber: number;
      text: string;
      tasks: number;
      reason: string | null;
    }>;
    restoring: Array<{
      __typename: 'RegenerationDutyChange';
      dutyId: string;
      lineageId: string;
      articleNumber: number;
      text: string;
      tasks: number;
      reason: string | null;
    }>;
    leadChanges: Array<{
      __typename: 'RegenerationLeadChange';
      dutyId: string;
      lineageId: string;
      articleNumber: number;
      text: string;
      fromDepartment: string;
      toDepartment: string;
      tasks: number;
    }>;
  };
};

export type CycleDutyDueDatesQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type CycleDutyDueDatesQuery = {
  cycleDutyDueDates: Array<{
    __typename: 'CycleDutyDueDate';
    dutyLineageId: string;
    dueDate: string;
    dutyId: string | null;
    articleNumber: number | null;
    text: string | null;
    tasks: number;
    extended: number;
  }>;
};

export type SetCycleDutyDueDateMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  dutyLineageId: Scalars['ID']['input'];
  dueDate: Scalars['String']['input'];
}>;

export type SetCycleDutyDueDateMutation = { setCycleDutyDueDate: number };

export type RemoveCycleDutyDueDateMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  dutyLineageId: Scalars['ID']['input'];
}>;

export type RemoveCycleDutyDueDateMutation = { removeCycleDutyDueDate: number };

export type EvidenceFileFieldsFragment = {
  __typename: 'Evidence';
  id: string;
  taskId: string;
  fileName: string;
  fileType: string;
  mimeType: string;
  size: number;
  sha256: string;
  description: string;
  documentNumber: string | null;
  issuingAuthority: string | null;
  documentDate: string | null;
  uploadedBy: string;
  uploadedAt: string;
  version: number;
  current: boolean;
  supersededById: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  integrityStatus: EvidenceIntegrityStatus;
  corruptAt: string | null;
  previewable: boolean;
  contentUrl: string;
};

export type EvidenceUnitsQueryVariables = Exact<{ [key: string]: never }>;

export type EvidenceUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
  }>;
};

export type EvidenceFilesQueryVariables = Exact<{
  filter?: InputMaybe<EvidenceFilterInput>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;

export type EvidenceFilesQuery = {
  evidenceFiles: {
    __typename: 'EvidenceConnection';
    totalCount: number;
    nodes: Array<{
      __typename: 'Evidence';
      id: string;
      taskId: string;
      fileName: string;
      fileType: string;
      mimeType: string;
      size: number;
      sha256: string;
      description: string;
      documentNumber: string | null;
      issuingAuthority: string | null;
      documentDate: string | null;
      uploadedBy: string;
      uploadedAt: string;
      version: number;
      current: boolean;
      supersededById: string | null;
      withdrawnAt: string | null;
      withdrawnBy: string | null;
      withdrawReason: string | null;
      integrityStatus: EvidenceIntegrityStatus;
      corruptAt: string | null;
      previewable: boolean;
      contentUrl: string;
      uploader: { __typename: 'Person'; username: string; label: string };
      withdrawer: { __typename: 'Person'; username: string; label: string } | null;
    }>;
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

export type MapUnitAnalyticsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type MapUnitAnalyticsQuery = {
  unitAnalytics: Array<{
    __typename: 'UnitAnalytics';
    tasks: number;
    verified: number;
    overdue: number;
    completionRate: number;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    };
    withChildren: {
      __typename: 'AnalyticsFigures';
      tasks: number;
      verified: number;
      overdue: number;
      completionRate: number;
    } | null;
  }>;
};

export type MapScoresQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type MapScoresQuery = {
  assessmentScores: Array<{
    __typename: 'UnitScore';
    unitCode: string;
    score: number;
    grade: string;
    rank: number;
  }>;
  assessmentPlan: {
    __typename: 'AssessmentPlan';
    bands: Array<{ __typename: 'GradeBand'; grade: string; min: number }>;
  };
};

export type MapUrgingCountsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type MapUrgingCountsQuery = {
  urgingCountsByUnit: Array<{
    __typename: 'UrgingUnitCounts';
    unitCode: string;
    blue: number;
    orange: number;
    red: number;
  }>;
};

export type NotificationFieldsFragment = {
  __typename: 'Notification';
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  taskId: string | null;
  unitCode: string | null;
  createdAt: string;
  readAt: string | null;
};

export type NotificationUnreadCountQueryVariables = Exact<{ [key: string]: never }>;

export type NotificationUnreadCountQuery = { unreadNotificationCount: number };

export type NotificationListQueryVariables = Exact<{
  filter?: InputMaybe<NotificationFilterInput>;
  page?: InputMaybe<PageInput>;
}>;

export type NotificationListQuery = {
  myNotifications: {
    __typename: 'NotificationPage';
    total: number;
    unread: number;
    items: Array<{
      __typename: 'Notification';
      id: string;
      kind: NotificationKind;
      title: string;
      body: string;
      link: string;
      taskId: string | null;
      unitCode: string | null;
      createdAt: string;
      readAt: string | null;
    }>;
  };
};

export type NotificationMarkReadMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;

export type NotificationMarkReadMutation = { markNotificationsRead: number };

export type NotificationMarkAllReadMutationVariables = Exact<{ [key: string]: never }>;

export type NotificationMarkAllReadMutation = { markAllNotificationsRead: number };

export type NotificationSettingsFieldsFragment = {
  __typename: 'NotificationSettings';
  email: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  emailAvailable: boolean;
  webhookAvailable: boolean;
  kinds: Array<{
    __typename: 'NotificationKindSetting';
    kind: NotificationKind;
    email: boolean;
    webhook: boolean;
  }>;
};

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never }>;

export type NotificationSettingsQuery = {
  myNotificationSettings: {
    __typename: 'NotificationSettings';
    email: string | null;
    quietHoursStart: string | null;
    quietHoursEnd: string | null;
    emailAvailable: boolean;
    webhookAvailable: boolean;
    kinds: Array<{
      __typename: 'NotificationKindSetting';
      kind: NotificationKind;
      email: boolean;
      webhook: boolean;
    }>;
  };
};

export type NotificationUpdateSettingsMutationVariables = Exact<{
  input: UpdateNotificationSettingsInput;
}>;

export type NotificationUpdateSettingsMutation = {
  updateMyNotificationSettings: {
    __typename: 'NotificationSettings';
    email: string | null;
    quietHoursStart: string | null;
    quietHoursEnd: string | null;
    emailAvailable: boolean;
    webhookAvailable: boolean;
    kinds: Array<{
      __typename: 'NotificationKindSetting';
      kind: NotificationKind;
      email: boolean;
      webhook: boolean;
    }>;
  };
};

export type NotificationDeliveryLogQueryVariables = Exact<{
  filter?: InputMaybe<NotificationDeliveryFilterInput>;
  page?: InputMaybe<PageInput>;
}>;

export type NotificationDeliveryLogQuery = {
  notificationDeliveries: {
    __typename: 'NotificationDeliveryPage';
    total: number;
    counts: Array<{
      __typename: 'NotificationDeliveryCount';
      status: NotificationDeliveryStatus;
      count: number;
    }>;
    items: Array<{
      __typename: 'NotificationDelivery';
      id: string;
      notificationId: string;
      recipientUsername: string;
      kind: NotificationKind;
      channel: NotificationChannel;
      target: string;
      status: NotificationDeliveryStatus;
      attempts: number;
      nextAttemptAt: string;
      lastError: string | null;
      deliveredAt: string | null;
      createdAt: string;
      recipient: { __typename: 'Person'; username: string; label: string; human: boolean };
    }>;
  };
};

export type NotificationRetryDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type NotificationRetryDeliveryMutation = {
  retryNotificationDelivery: {
    __typename: 'NotificationDelivery';
    id: string;
    status: NotificationDeliveryStatus;
    attempts: number;
  };
};

export type OverviewSummaryQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode?: InputMaybe<Scalars['String']['input']>;
}>;

export type OverviewSummaryQuery = {
  analyticsSummary: {
    __typename: 'AnalyticsSummary';
    tasks: number;
    verified: number;
    submitted: number;
    inProgress: number;
    notStarted: number;
    returned: number;
    overdue: number;
    completionRate: number;
    submissionRate: number;
    evidenceCount: number;
    unitsBehindSchedule: number;
    daysLeft: number;
    elapsedFraction: number;
  };
};

export type OverviewUnitAnalyticsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  level?: InputMaybe<Scalars['String']['input']>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
}>;

export type OverviewUnitAnalyticsQuery = {
  unitAnalytics: Array<{
    __typename: 'UnitAnalytics';
    tasks: number;
    verified: number;
    overdue: number;
    evidenceCount: number;
    completionRate: number;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    };
    withChildren: {
      __typename: 'AnalyticsFigures';
      tasks: number;
      verified: number;
      overdue: number;
      evidenceCount: number;
      completionRate: number;
    } | null;
  }>;
};

export type OverviewMatrixQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  parentCode?: InputMaybe<Scalars['String']['input']>;
}>;

export type OverviewMatrixQuery = {
  chapterUnitMatrix: Array<{
    __typename: 'MatrixCell';
    chapter: number;
    chapterTitle: string;
    unitCode: string;
    unitName: string;
    tasks: number;
    verified: number;
    completionRate: number;
  }>;
};

export type OverviewTrendQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode?: InputMaybe<Scalars['String']['input']>;
}>;

export type OverviewTrendQuery = {
  completionTrend: Array<{
    __typename: 'TrendPoint';
    date: string;
    tasks: number;
    verified: number;
    completionRate: number;
  }>;
};

export type OverviewScoresQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  level?: InputMaybe<Scalars['String']['input']>;
}>;

export type OverviewScoresQuery = {
  assessmentScores: Array<{
    __typename: 'UnitScore';
    unitCode: string;
    unitName: string;
    level: string;
    parentCode: string | null;
    score: number;
    grade: string;
    rank: number;
    frozen: boolean;
  }>;
};

export type OverviewBehindScheduleQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type OverviewBehindScheduleQuery = {
  behindSchedule: Array<{
    __typename: 'BehindScheduleRow';
    tasks: number;
    verified: number;
    completionRate: number;
    expected: number;
    gap: number;
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
      directlyAdministered: boolean;
    };
  }>;
};

export type OverviewOverdueTasksQueryVariables = Exact<{
  filter: TaskFilterInput;
  first: Scalars['Int']['input'];
}>;

export type OverviewOverdueTasksQuery = {
  tasks: {
    __typename: 'TaskConnection';
    totalCount: number;
    nodes: Array<{
      __typename: 'Task';
      id: string;
      status: TaskStatus;
      dueDate: string;
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      article: { __typename: 'Article'; id: string; number: number; title: string | null };
      duty: { __typename: 'Duty'; id: string; subject: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type OverviewPrefecturesQueryVariables = Exact<{ [key: string]: never }>;

export type OverviewPrefecturesQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
    directlyAdministered: boolean;
  }>;
};

export type RegisterCyclesQueryVariables = Exact<{ [key: string]: never }>;

export type RegisterCyclesQuery = {
  cycles: Array<{
    __typename: 'AssessmentCycle';
    id: string;
    title: string;
    year: number;
    state: string;
    startDate: string;
    dueDate: string;
    closedAt: string | null;
    regulationVersionId: string;
    regulationTitle: string;
    regulationCode: string;
    taskCount: number;
    provinceCode: string;
    province: { __typename: 'AdminUnit'; code: string; name: string };
  }>;
};

export type OpenCycleProvincesQueryVariables = Exact<{ [key: string]: never }>;

export type OpenCycleProvincesQuery = {
  adminUnits: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
};

export type RegisterCreateCycleMutationVariables = Exact<{
  input: CreateCycleInput;
  dutyDueDates?: InputMaybe<Array<CycleDutyDueDateInput> | CycleDutyDueDateInput>;
}>;

export type RegisterCreateCycleMutation = {
  createCycle: {
    __typename: 'CreatedCycle';
    cycle: {
      __typename: 'AssessmentCycle';
      id: string;
      title: string;
      year: number;
      state: string;
      startDate: string;
      dueDate: string;
      closedAt: string | null;
      regulationVersionId: string;
      regulationTitle: string;
      regulationCode: string;
      taskCount: number;
      provinceCode: string;
      province: { __typename: 'AdminUnit'; code: string; name: string };
      tasksByLevel: Array<{ __typename: 'LevelTaskCount'; level: AdminLevel; count: number }>;
    };
    generation: { __typename: 'TaskGeneration'; created: number; total: number };
  };
};

export type RegisterRegenerateCycleTasksMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type RegisterRegenerateCycleTasksMutation = {
  regenerateCycleTasks: {
    __typename: 'TaskGeneration';
    leadsFollowed: number | null;
    created: number;
    retired: number;
    restored: number;
    total: number;
  };
};

export type RegisterMoveCycleToVersionMutationVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  versionId: Scalars['ID']['input'];
}>;

export type RegisterMoveCycleToVersionMutation = {
  moveCycleToVersion: {
    __typename: 'CycleVersionMove';
    followed: number;
    cycle: {
      __typename: 'AssessmentCycle';
      id: string;
      regulationVersionId: string;
      taskCount: number;
    };
    generation: {
      __typename: 'TaskGeneration';
      created: number;
      retired: number;
      restored: number;
      total: number;
    };
  };
};

export type RegisterMappingDutyFragment = {
  __typename: 'Duty';
  id: string;
  text: string;
  tracked: boolean;
  paragraphNumber: number;
  itemNumber: number;
  article: { __typename: 'Article'; id: string; number: number };
};

export type RegisterMappingFieldsFragment = {
  __typename: 'DutyMappingSuggestion';
  id: string;
  status: DutyMappingStatus;
  similarity: number;
  primary: boolean;
  articleChange: ArticleChangeKind;
  rowVersion: number;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  decider: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
  duty: {
    __typename: 'Duty';
    id: string;
    text: string;
    tracked: boolean;
    paragraphNumber: number;
    itemNumber: number;
    article: { __typename: 'Article'; id: string; number: number };
  };
  previousDuty: {
    __typename: 'Duty';
    id: string;
    text: string;
    tracked: boolean;
    paragraphNumber: number;
    itemNumber: number;
    article: { __typename: 'Article'; id: string; number: number };
  };
};

export type RegisterDutyMappingsQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;

export type RegisterDutyMappingsQuery = {
  dutyMappingSuggestions: Array<{
    __typename: 'DutyMappingSuggestion';
    id: string;
    status: DutyMappingStatus;
    similarity: number;
    primary: boolean;
    articleChange: ArticleChangeKind;
    rowVersion: number;
    decidedBy: string | null;
    decidedAt: string | null;
    reason: string | null;
    decider: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
    duty: {
      __typename: 'Duty';
      id: string;
      text: string;
      tracked: boolean;
      paragraphNumber: number;
      itemNumber: number;
      article: { __typename: 'Article'; id: string; number: number };
    };
    previousDuty: {
      __typename: 'Duty';
      id: string;
      text: string;
      tracked: boolean;
      paragraphNumber: number;
      itemNumber: number;
      article: { __typename: 'Article'; id: string; number: number };
    };
  }>;
};

export type RegisterDecideDutyMappingMutationVariables = Exact<{
  input: DecideDutyMappingInput;
}>;

export type RegisterDecideDutyMappingMutation = {
  decideDutyMapping: Array<{
    __typename: 'DutyMappingSuggestion';
    id: string;
    status: DutyMappingStatus;
    similarity: number;
    primary: boolean;
    articleChange: ArticleChangeKind;
    rowVersion: number;
    decidedBy: string | null;
    decidedAt: string | null;
    reason: string | null;
    decider: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
    duty: {
      __typename: 'Duty';
      id: string;
      text: string;
      tracked: boolean;
      paragraphNumber: number;
      itemNumber: number;
      article: { __typename: 'Article'; id: string; number: number };
    };
    previousDuty: {
      __typename: 'Duty';
      id: string;
      text: string;
      tracked: boolean;
      paragraphNumber: number;
      itemNumber: number;
      article: { __typename: 'Article'; id: string; number: number };
    };
  }>;
};

export type RegulationLibraryQueryVariables = Exact<{ [key: string]: never }>;

export type RegulationLibraryQuery = {
  regulations: Array<{
    __typename: 'Regulation';
    id: string;
    code: string;
    title: string;
    ownerProvinceCode: string | null;
    textKind: TextKind | null;
    latestStatus: RegulationVersionStatus | null;
    versionCount: number;
    dutyCount: number;
    trackedDutyCount: number;
    needsReviewCount: number;
    openCycleCount: number;
    pendingMappings: number;
    ownerProvince: { __typename: 'AdminUnit'; code: string; name: string } | null;
  }>;
};

export type RegisterRegulationQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type RegisterRegulationQuery = {
  regulation: {
    __typename: 'Regulation';
    id: string;
    code: string;
    title: string;
    latestVersion: {
      __typename: 'RegulationVersion';
      id: string;
      textKind: TextKind;
      textContextExplanation: string;
    } | null;
    versions: Array<{
      __typename: 'RegulationVersion';
      id: string;
      versionNumber: number;
      title: string;
      status: RegulationVersionStatus;
      effectiveDate: string | null;
      importedAt: string;
      importedBy: string;
      importer: { __typename: 'Person'; username: string; label: string; human: boolean };
    }>;
  } | null;
};

export type RegisterDutyFieldsFragment = {
  __typename: 'Duty';
  id: string;
  lineageId: string;
  text: string;
  subject: string;
  actorText: string;
  actorType: ActorType;
  levels: Array<AdminLevel>;
  modality: Modality;
  kind: DutyKind;
  needsReview: boolean;
  governmentDuty: boolean;
  tracked: boolean;
  reviewState: ReviewState;
  reviewedAt: string | null;
  reviewedBy: string | null;
  rowVersion: number;
  itemNumber: number;
  sequence: number;
  reviewer: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
  departments: Array<{
    __typename: 'DutyDepartment';
    role: DepartmentRole;
    fromText: boolean;
    department: { __typename: 'DepartmentKind'; code: string; name: string };
  }>;
  cues: Array<{
    __typename: 'ExtractionCue';
    field: CueField;
    rule: string;
    text: string;
    explanation: string;
  }>;
  extracted: { __typename: 'ExtractedDutyFields'; actorSource: string };
};

export type RegisterVersionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RegisterVersionQuery = {
  regulationVersion: {
    __typename: 'RegulationVersion';
    id: string;
    title: string;
    versionNumber: number;
    status: RegulationVersionStatus;
    chapters: Array<{
      __typename: 'Chapter';
      id: string;
      number: number;
      title: string;
      articles: Array<{
        __typename: 'Article';
        id: string;
        number: number;
        title: string | null;
        paragraphs: Array<{
          __typename: 'Paragraph';
          id: string;
          number: number;
          text: string;
          items: Array<{
            __typename: 'Item';
            id: string;
            number: number;
            marker: string;
            text: string;
          }>;
          duties: Array<{
            __typename: 'Duty';
            id: string;
            lineageId: string;
            text: string;
            subject: string;
            actorText: string;
            actorType: ActorType;
            levels: Array<AdminLevel>;
            modality: Modality;
            kind: DutyKind;
            needsReview: boolean;
            governmentDuty: boolean;
            tracked: boolean;
            reviewState: ReviewState;
            reviewedAt: string | null;
            reviewedBy: string | null;
            rowVersion: number;
            itemNumber: number;
            sequence: number;
            reviewer: {
              __typename: 'Person';
              username: string;
              label: string;
              human: boolean;
            } | null;
            departments: Array<{
              __typename: 'DutyDepartment';
              role: DepartmentRole;
              fromText: boolean;
              department: { __typename: 'DepartmentKind'; code: string; name: string };
            }>;
            cues: Array<{
              __typename: 'ExtractionCue';
              field: CueField;
              rule: string;
              text: string;
              explanation: string;
            }>;
            extracted: { __typename: 'ExtractedDutyFields'; actorSource: string };
          }>;
        }>;
      }>;
    }>;
  } | null;
};

export type RegisterDepartmentKindsQueryVariables = Exact<{ [key: string]: never }>;

export type RegisterDepartmentKindsQuery = {
  departmentKinds: Array<{ __typename: 'DepartmentKind'; code: string; name: string }>;
};

export type RegisterVersionDiffQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
}>;

export type RegisterVersionDiffQuery = {
  regulationVersionDiff: {
    __typename: 'VersionDiff';
    from: { __typename: 'RegulationVersion'; id: string; versionNumber: number; title: string };
    to: { __typename: 'RegulationVersion'; id: string; versionNumber: number; title: string };
    changes: Array<{
      __typename: 'ArticleChange';
      kind: ArticleChangeKind;
      from: number | null;
      to: number | null;
      title: string | null;
      sources: Array<number> | null;
      similarity: number | null;
    }>;
  };
};

export type RegisterArticleRedlineQueryVariables = Exact<{
  versionId: Scalars['ID']['input'];
  from: Array<Scalars['Int']['input']> | Scalars['Int']['input'];
  to: Scalars['Int']['input'];
}>;

export type RegisterArticleRedlineQuery = {
  articleRedline: {
    __typename: 'ArticleRedline';
    from: Array<number>;
    to: number;
    segments: Array<{ __typename: 'RedlineSegment'; op: RedlineOp; text: string }>;
  };
};

export type RegisterReviewDutyMutationVariables = Exact<{
  input: ReviewDutyInput;
}>;

export type RegisterReviewDutyMutation = {
  reviewDuty: {
    __typename: 'Duty';
    tasksFollowedLead: number | null;
    id: string;
    lineageId: string;
    text: string;
    subject: string;
    actorText: string;
    actorType: ActorType;
    levels: Array<AdminLevel>;
    modality: Modality;
    kind: DutyKind;
    needsReview: boolean;
    governmentDuty: boolean;
    tracked: boolean;
    reviewState: ReviewState;
    reviewedAt: string | null;
    reviewedBy: string | null;
    rowVersion: number;
    itemNumber: number;
    sequence: number;
    reviewer: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
    departments: Array<{
      __typename: 'DutyDepartment';
      role: DepartmentRole;
      fromText: boolean;
      department: { __typename: 'DepartmentKind'; code: string; name: string };
    }>;
    cues: Array<{
      __typename: 'ExtractionCue';
      field: CueField;
      rule: string;
      text: string;
      explanation: string;
    }>;
    extracted: { __typename: 'ExtractedDutyFields'; actorSource: string };
  };
};

export type ReviewQueueQueryVariables = Exact<{
  filter: TaskFilterInput;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
  direction: SortDirection;
}>;

export type ReviewQueueQuery = {
  tasks: {
    __typename: 'TaskConnection';
    cycleId: string | null;
    totalCount: number;
    nodes: Array<{
      __typename: 'Task';
      id: string;
      rowVersion: number;
      status: TaskStatus;
      submittedAt: string | null;
      returnCount: number;
      submitter: { __typename: 'Person'; username: string; label: string } | null;
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      article: { __typename: 'Article'; id: string; number: number };
      duty: { __typename: 'Duty'; id: string; subject: string; text: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type ReviewTaskQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type ReviewTaskQuery = {
  task: {
    __typename: 'Task';
    id: string;
    rowVersion: number;
    status: TaskStatus;
    updatedAt: string;
    updatedBy: string;
    submittedAt: string | null;
    dueDate: string;
    overdue: boolean;
    returnCount: number;
    progressNote: string;
    measures: string;
    submitter: { __typename: 'Person'; username: string; label: string } | null;
    unit: { __typename: 'AdminUnit'; code: string; name: string };
    article: { __typename: 'Article'; id: string; number: number; title: string | null };
    duty: {
      __typename: 'Duty';
      id: string;
      subject: string;
      text: string;
      actorText: string;
      paragraphNumber: number;
      itemNumber: number;
    };
    leadDepartment: { __typename: 'Department'; id: string; name: string };
    assists: Array<{
      __typename: 'TaskAssist';
      departmentId: string;
      contributionNote: string;
      department: { __typename: 'Department'; id: string; name: string };
    }>;
    evidence: Array<{
      __typename: 'Evidence';
      id: string;
      taskId: string;
      fileName: string;
      fileType: string;
      mimeType: string;
      size: number;
      sha256: string;
      description: string;
      documentNumber: string | null;
      issuingAuthority: string | null;
      documentDate: string | null;
      uploadedBy: string;
      uploadedAt: string;
      version: number;
      current: boolean;
      supersededById: string | null;
      withdrawnAt: string | null;
      withdrawnBy: string | null;
      withdrawReason: string | null;
      integrityStatus: EvidenceIntegrityStatus;
      corruptAt: string | null;
      previewable: boolean;
      contentUrl: string;
    }>;
  };
};

export type ReviewDecideMutationVariables = Exact<{
  input: TaskChangeInput;
}>;

export type ReviewDecideMutation = {
  updateTask: {
    __typename: 'Task';
    id: string;
    status: TaskStatus;
    rowVersion: number;
    updatedAt: string;
    updatedBy: string;
  };
};

export type ReviewBulkDecideMutationVariables = Exact<{
  input: BulkTaskChangeInput;
}>;

export type ReviewBulkDecideMutation = {
  bulkUpdateTasks: Array<{
    __typename: 'Task';
    id: string;
    status: TaskStatus;
    rowVersion: number;
    updatedAt: string;
    updatedBy: string;
  }>;
};

export type SystemSearchTasksQueryVariables = Exact<{
  filter: TaskFilterInput;
  first: Scalars['Int']['input'];
}>;

export type SystemSearchTasksQuery = {
  tasks: {
    __typename: 'TaskConnection';
    totalCount: number;
    nodes: Array<{
      __typename: 'Task';
      id: string;
      status: TaskStatus;
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      article: { __typename: 'Article'; id: string; number: number };
      duty: { __typename: 'Duty'; id: string; subject: string; text: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type SystemSearchDutiesQueryVariables = Exact<{
  filter: DutyFilterInput;
  page: PageInput;
}>;

export type SystemSearchDutiesQuery = {
  duties: {
    __typename: 'DutyPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'Duty';
      id: string;
      subject: string;
      text: string;
      tracked: boolean;
      article: {
        __typename: 'Article';
        id: string;
        number: number;
        chapter: { __typename: 'Chapter'; id: string; number: number };
      };
      version: { __typename: 'RegulationVersion'; id: string; regulationId: string; title: string };
    }>;
  };
  regulations: Array<{ __typename: 'Regulation'; id: string; code: string }>;
};

export type SystemSearchUnitsQueryVariables = Exact<{ [key: string]: never }>;

export type SystemSearchUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
  }>;
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
      actor: { __typename: 'Person'; username: string; label: string; human: boolean } | null;
      targets: Array<{
        __typename: 'AuditTarget';
        kind: AuditTargetKind;
        id: string;
        name: string | null;
      }>;
    }>;
  };
};

export type TaskLogEventFragment = {
  __typename: 'TaskEvent';
  id: string;
  occurredAt: string;
  actorUsername: string;
  kind: string;
  reason: string | null;
  before: unknown | null;
  after: unknown | null;
  ip: string | null;
  taskId: string;
  actor: { __typename: 'Person'; username: string; label: string; human: boolean };
  task: {
    __typename: 'Task';
    id: string;
    status: TaskStatus;
    unit: { __typename: 'AdminUnit'; code: string; name: string };
    article: { __typename: 'Article'; id: string; number: number };
    duty: { __typename: 'Duty'; id: string; subject: string };
  };
};

export type TaskLogEventsQueryVariables = Exact<{
  filter?: InputMaybe<TaskEventFilterInput>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type TaskLogEventsQuery = {
  taskEvents: {
    __typename: 'TaskEventConnection';
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename: 'TaskEvent';
      id: string;
      occurredAt: string;
      actorUsername: string;
      kind: string;
      reason: string | null;
      before: unknown | null;
      after: unknown | null;
      ip: string | null;
      taskId: string;
      actor: { __typename: 'Person'; username: string; label: string; human: boolean };
      task: {
        __typename: 'Task';
        id: string;
        status: TaskStatus;
        unit: { __typename: 'AdminUnit'; code: string; name: string };
        article: { __typename: 'Article'; id: string; number: number };
        duty: { __typename: 'Duty'; id: string; subject: string };
      };
    }>;
  };
};

export type TaskLogUnitsQueryVariables = Exact<{ [key: string]: never }>;

export type TaskLogUnitsQuery = {
  adminUnits: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
  }>;
};

export type TaskCommentFieldsFragment = {
  __typename: 'TaskComment';
  id: string;
  taskId: string;
  parentId: string | null;
  kind: TaskCommentKind;
  pinned: boolean;
  body: string;
  authorUsername: string;
  authorDisplayName: string;
  authorRole: Role;
  authorUnitCode: string | null;
  createdAt: string;
  author: { __typename: 'Person'; username: string; label: string };
  mentions: Array<{
    __typename: 'CommentMention';
    type: string;
    unitCode: string | null;
    role: Role | null;
    label: string;
  }>;
  attachments: Array<{
    __typename: 'CommentAttachment';
    id: string;
    fileName: string;
    fileType: string;
    size: number;
    sha256: string;
    evidenceId: string | null;
    downloadUrl: string;
  }>;
};

export type TaskCommentsDiscussionQueryVariables = Exact<{
  taskId: Scalars['ID']['input'];
}>;

export type TaskCommentsDiscussionQuery = {
  taskDiscussion: {
    __typename: 'TaskDiscussion';
    taskId: string;
    canComment: boolean;
    canInstruct: boolean;
    canAttachEvidence: boolean;
    mentionableUnits: Array<{
      __typename: 'MentionableUnit';
      code: string;
      name: string;
      level: string;
    }>;
    comments: Array<{
      __typename: 'TaskComment';
      id: string;
      taskId: string;
      parentId: string | null;
      kind: TaskCommentKind;
      pinned: boolean;
      body: string;
      authorUsername: string;
      authorDisplayName: string;
      authorRole: Role;
      authorUnitCode: string | null;
      createdAt: string;
      author: { __typename: 'Person'; username: string; label: string };
      mentions: Array<{
        __typename: 'CommentMention';
        type: string;
        unitCode: string | null;
        role: Role | null;
        label: string;
      }>;
      attachments: Array<{
        __typename: 'CommentAttachment';
        id: string;
        fileName: string;
        fileType: string;
        size: number;
        sha256: string;
        evidenceId: string | null;
        downloadUrl: string;
      }>;
    }>;
  };
};

export type TaskCommentsAddMutationVariables = Exact<{
  input: AddTaskCommentInput;
}>;

export type TaskCommentsAddMutation = {
  addTaskComment: {
    __typename: 'TaskComment';
    id: string;
    taskId: string;
    parentId: string | null;
    kind: TaskCommentKind;
    pinned: boolean;
    body: string;
    authorUsername: string;
    authorDisplayName: string;
    authorRole: Role;
    authorUnitCode: string | null;
    createdAt: string;
    author: { __typename: 'Person'; username: string; label: string };
    mentions: Array<{
      __typename: 'CommentMention';
      type: string;
      unitCode: string | null;
      role: Role | null;
      label: string;
    }>;
    attachments: Array<{
      __typename: 'CommentAttachment';
      id: string;
      fileName: string;
      fileType: string;
      size: number;
      sha256: string;
      evidenceId: string | null;
      downloadUrl: string;
    }>;
  };
};

export type NotApplicableRequestFieldsFragment = {
  __typename: 'NotApplicableRequest';
  id: string;
  taskId: string;
  status: NotApplicableRequestStatus;
  reason: string;
  documentReference: string | null;
  evidenceIds: Array<string>;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  requester: { __typename: 'Person'; username: string; label: string };
  decider: { __typename: 'Person'; username: string; label: string } | null;
  revoker: { __typename: 'Person'; username: string; label: string } | null;
};

export type NotApplicableStateQueryVariables = Exact<{
  taskId: Scalars['ID']['input'];
}>;

export type NotApplicableStateQuery = {
  taskApplicability: {
    __typename: 'TaskApplicability';
    taskId: string;
    status: NotApplicableStatus | null;
    canRequest: boolean;
    canDecide: boolean;
    canRevoke: boolean;
    requests: Array<{
      __typename: 'NotApplicableRequest';
      id: string;
      taskId: string;
      status: NotApplicableRequestStatus;
      reason: string;
      documentReference: string | null;
      evidenceIds: Array<string>;
      requestedBy: string;
      requestedAt: string;
      decidedBy: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      revokedBy: string | null;
      revokedAt: string | null;
      revokeReason: string | null;
      requester: { __typename: 'Person'; username: string; label: string };
      decider: { __typename: 'Person'; username: string; label: string } | null;
      revoker: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export type NotApplicableRequestMutationVariables = Exact<{
  input: RequestNotApplicableInput;
}>;

export type NotApplicableRequestMutation = {
  requestNotApplicable: {
    __typename: 'NotApplicableRequest';
    id: string;
    taskId: string;
    status: NotApplicableRequestStatus;
    reason: string;
    documentReference: string | null;
    evidenceIds: Array<string>;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    revokedBy: string | null;
    revokedAt: string | null;
    revokeReason: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    revoker: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type NotApplicableDecideMutationVariables = Exact<{
  input: DecideNotApplicableInput;
}>;

export type NotApplicableDecideMutation = {
  decideNotApplicable: {
    __typename: 'NotApplicableRequest';
    id: string;
    taskId: string;
    status: NotApplicableRequestStatus;
    reason: string;
    documentReference: string | null;
    evidenceIds: Array<string>;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    revokedBy: string | null;
    revokedAt: string | null;
    revokeReason: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    revoker: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type NotApplicableRevokeMutationVariables = Exact<{
  input: RevokeNotApplicableInput;
}>;

export type NotApplicableRevokeMutation = {
  revokeNotApplicable: {
    __typename: 'NotApplicableRequest';
    id: string;
    taskId: string;
    status: NotApplicableRequestStatus;
    reason: string;
    documentReference: string | null;
    evidenceIds: Array<string>;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    revokedBy: string | null;
    revokedAt: string | null;
    revokeReason: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    revoker: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type AcknowledgeTasksMutationVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;

export type AcknowledgeTasksMutation = {
  acknowledgeTasks: Array<{
    __typename: 'Task';
    id: string;
    rowVersion: number;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    acknowledger: { __typename: 'Person'; username: string; label: string } | null;
  }>;
};

export type AcknowledgeCountsQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type AcknowledgeCountsQuery = {
  unacknowledgedTaskCounts: Array<{
    __typename: 'UnacknowledgedTaskCount';
    unitCode: string;
    unitName: string;
    parentCode: string | null;
    count: number;
    oldestCreatedAt: string;
  }>;
};

export type ReassignRecordFieldsFragment = {
  __typename: 'TaskReassignment';
  id: string;
  kind: ReassignmentKind;
  status: ReassignmentStatus;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  appliedAt: string | null;
  requester: { __typename: 'Person'; username: string; label: string };
  decider: { __typename: 'Person'; username: string; label: string } | null;
  fromDepartment: { __typename: 'Department'; id: string; name: string };
  toDepartment: { __typename: 'Department'; id: string; name: string };
};

export type ReassignTaskFieldsFragment = {
  __typename: 'Task';
  id: string;
  rowVersion: number;
  status: TaskStatus;
  retiredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledger: { __typename: 'Person'; username: string; label: string } | null;
  leadDepartment: { __typename: 'Department'; id: string; name: string };
  assignmentCapabilities: {
    __typename: 'TaskAssignmentCapabilities';
    acknowledge: boolean;
    requestReassignment: boolean;
    decideReassignment: boolean;
    reassign: boolean;
  };
  reassignments: Array<{
    __typename: 'TaskReassignment';
    id: string;
    kind: ReassignmentKind;
    status: ReassignmentStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    appliedAt: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    fromDepartment: { __typename: 'Department'; id: string; name: string };
    toDepartment: { __typename: 'Department'; id: string; name: string };
  }>;
};

export type ReassignTaskStateQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type ReassignTaskStateQuery = {
  task: {
    __typename: 'Task';
    id: string;
    rowVersion: number;
    status: TaskStatus;
    retiredAt: string | null;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    acknowledger: { __typename: 'Person'; username: string; label: string } | null;
    leadDepartment: { __typename: 'Department'; id: string; name: string };
    assignmentCapabilities: {
      __typename: 'TaskAssignmentCapabilities';
      acknowledge: boolean;
      requestReassignment: boolean;
      decideReassignment: boolean;
      reassign: boolean;
    };
    reassignments: Array<{
      __typename: 'TaskReassignment';
      id: string;
      kind: ReassignmentKind;
      status: ReassignmentStatus;
      reason: string;
      requestedBy: string;
      requestedAt: string;
      decidedBy: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      appliedAt: string | null;
      requester: { __typename: 'Person'; username: string; label: string };
      decider: { __typename: 'Person'; username: string; label: string } | null;
      fromDepartment: { __typename: 'Department'; id: string; name: string };
      toDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type ReassignTargetsQueryVariables = Exact<{
  taskId: Scalars['ID']['input'];
}>;

export type ReassignTargetsQuery = {
  reassignmentTargets: Array<{
    __typename: 'ReassignmentTarget';
    id: string;
    name: string;
    kindCode: string;
    assisting: boolean;
  }>;
};

export type ReassignRequestMutationVariables = Exact<{
  input: RequestReassignmentInput;
}>;

export type ReassignRequestMutation = {
  requestTaskReassignment: {
    __typename: 'TaskReassignment';
    id: string;
    kind: ReassignmentKind;
    status: ReassignmentStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    appliedAt: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    fromDepartment: { __typename: 'Department'; id: string; name: string };
    toDepartment: { __typename: 'Department'; id: string; name: string };
  };
};

export type ReassignDecideMutationVariables = Exact<{
  input: DecideReassignmentInput;
}>;

export type ReassignDecideMutation = {
  decideTaskReassignment: {
    __typename: 'TaskReassignment';
    id: string;
    kind: ReassignmentKind;
    status: ReassignmentStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    appliedAt: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    fromDepartment: { __typename: 'Department'; id: string; name: string };
    toDepartment: { __typename: 'Department'; id: string; name: string };
  };
};

export type ReassignDirectMutationVariables = Exact<{
  input: ReassignTaskInput;
}>;

export type ReassignDirectMutation = {
  reassignTask: {
    __typename: 'TaskReassignment';
    id: string;
    kind: ReassignmentKind;
    status: ReassignmentStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    appliedAt: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    fromDepartment: { __typename: 'Department'; id: string; name: string };
    toDepartment: { __typename: 'Department'; id: string; name: string };
  };
};

export type ReassignPendingQueryVariables = Exact<{
  cycleId?: InputMaybe<Scalars['ID']['input']>;
}>;

export type ReassignPendingQuery = {
  pendingTaskReassignments: Array<{
    __typename: 'TaskReassignment';
    id: string;
    kind: ReassignmentKind;
    status: ReassignmentStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    appliedAt: string | null;
    task: {
      __typename: 'Task';
      id: string;
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      duty: { __typename: 'Duty'; id: string; subject: string };
    };
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
    fromDepartment: { __typename: 'Department'; id: string; name: string };
    toDepartment: { __typename: 'Department'; id: string; name: string };
  }>;
};

export type TasksEvidenceFieldsFragment = {
  __typename: 'Evidence';
  id: string;
  lineageId: string;
  version: number;
  fileName: string;
  fileType: string;
  mimeType: string;
  size: number;
  description: string;
  documentNumber: string | null;
  issuingAuthority: string | null;
  documentDate: string | null;
  uploadedBy: string;
  uploadedAt: string;
  previewable: boolean;
  contentUrl: string;
  current: boolean;
  sha256: string;
  uploader: { __typename: 'Person'; username: string; label: string };
};

export type TasksDetailFieldsFragment = {
  __typename: 'Task';
  id: string;
  cycleId: string;
  status: TaskStatus;
  overdue: boolean;
  dueDate: string;
  rowVersion: number;
  progressNote: string;
  measures: string;
  evidenceCount: number;
  extensionCount: number;
  returnCount: number;
  retiredAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  updater: { __typename: 'Person'; username: string; label: string };
  unit: {
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
  };
  leadDepartment: { __typename: 'Department'; id: string; name: string };
  assists: Array<{
    __typename: 'TaskAssist';
    departmentId: string;
    contributionNote: string;
    updatedAt: string | null;
    updatedBy: string | null;
    updater: { __typename: 'Person'; username: string; label: string } | null;
    department: { __typename: 'Department'; id: string; name: string };
  }>;
  article: {
    __typename: 'Article';
    id: string;
    number: number;
    title: string | null;
    chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
    paragraphs: Array<{
      __typename: 'Paragraph';
      id: string;
      number: number;
      text: string;
      items: Array<{
        __typename: 'Item';
        id: string;
        number: number;
        marker: string;
        text: string;
      }>;
    }>;
  };
  duty: {
    __typename: 'Duty';
    id: string;
    subject: string;
    text: string;
    actorText: string;
    modality: Modality;
    paragraphNumber: number;
    itemNumber: number;
  };
  capabilities: {
    __typename: 'TaskCapabilities';
    edit: boolean;
    transitions: Array<TaskStatus>;
    requestExtension: boolean;
    decideExtension: boolean;
    contribute: boolean;
  };
  evidence: Array<{
    __typename: 'Evidence';
    id: string;
    lineageId: string;
    version: number;
    fileName: string;
    fileType: string;
    mimeType: string;
    size: number;
    description: string;
    documentNumber: string | null;
    issuingAuthority: string | null;
    documentDate: string | null;
    uploadedBy: string;
    uploadedAt: string;
    previewable: boolean;
    contentUrl: string;
    current: boolean;
    sha256: string;
    uploader: { __typename: 'Person'; username: string; label: string };
  }>;
  extensionRequests: Array<{
    __typename: 'TaskExtensionRequest';
    id: string;
    state: string;
    reason: string;
    requestedDueDate: string;
    requestedAt: string;
    requestedBy: string;
    decidedAt: string | null;
    decidedBy: string | null;
    decisionNote: string | null;
    requester: { __typename: 'Person'; username: string; label: string };
    decider: { __typename: 'Person'; username: string; label: string } | null;
  }>;
  history: Array<{
    __typename: 'TaskEvent';
    id: string;
    kind: string;
    occurredAt: string;
    actorUsername: string;
    reason: string | null;
    before: unknown | null;
    after: unknown | null;
    actor: { __typename: 'Person'; username: string; label: string };
  }>;
};

export type TasksDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type TasksDetailQuery = {
  task: {
    __typename: 'Task';
    id: string;
    cycleId: string;
    status: TaskStatus;
    overdue: boolean;
    dueDate: string;
    rowVersion: number;
    progressNote: string;
    measures: string;
    evidenceCount: number;
    extensionCount: number;
    returnCount: number;
    retiredAt: string | null;
    completedAt: string | null;
    createdAt: string;
    updatedAt: string;
    updatedBy: string;
    updater: { __typename: 'Person'; username: string; label: string };
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
    };
    leadDepartment: { __typename: 'Department'; id: string; name: string };
    assists: Array<{
      __typename: 'TaskAssist';
      departmentId: string;
      contributionNote: string;
      updatedAt: string | null;
      updatedBy: string | null;
      updater: { __typename: 'Person'; username: string; label: string } | null;
      department: { __typename: 'Department'; id: string; name: string };
    }>;
    article: {
      __typename: 'Article';
      id: string;
      number: number;
      title: string | null;
      chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
      paragraphs: Array<{
        __typename: 'Paragraph';
        id: string;
        number: number;
        text: string;
        items: Array<{
          __typename: 'Item';
          id: string;
          number: number;
          marker: string;
          text: string;
        }>;
      }>;
    };
    duty: {
      __typename: 'Duty';
      id: string;
      subject: string;
      text: string;
      actorText: string;
      modality: Modality;
      paragraphNumber: number;
      itemNumber: number;
    };
    capabilities: {
      __typename: 'TaskCapabilities';
      edit: boolean;
      transitions: Array<TaskStatus>;
      requestExtension: boolean;
      decideExtension: boolean;
      contribute: boolean;
    };
    evidence: Array<{
      __typename: 'Evidence';
      id: string;
      lineageId: string;
      version: number;
      fileName: string;
      fileType: string;
      mimeType: string;
      size: number;
      description: string;
      documentNumber: string | null;
      issuingAuthority: string | null;
      documentDate: string | null;
      uploadedBy: string;
      uploadedAt: string;
      previewable: boolean;
      contentUrl: string;
      current: boolean;
      sha256: string;
      uploader: { __typename: 'Person'; username: string; label: string };
    }>;
    extensionRequests: Array<{
      __typename: 'TaskExtensionRequest';
      id: string;
      state: string;
      reason: string;
      requestedDueDate: string;
      requestedAt: string;
      requestedBy: string;
      decidedAt: string | null;
      decidedBy: string | null;
      decisionNote: string | null;
      requester: { __typename: 'Person'; username: string; label: string };
      decider: { __typename: 'Person'; username: string; label: string } | null;
    }>;
    history: Array<{
      __typename: 'TaskEvent';
      id: string;
      kind: string;
      occurredAt: string;
      actorUsername: string;
      reason: string | null;
      before: unknown | null;
      after: unknown | null;
      actor: { __typename: 'Person'; username: string; label: string };
    }>;
  };
};

export type TasksUpdateTaskMutationVariables = Exact<{
  input: TaskChangeInput;
}>;

export type TasksUpdateTaskMutation = {
  updateTask: {
    __typename: 'Task';
    id: string;
    cycleId: string;
    status: TaskStatus;
    overdue: boolean;
    dueDate: string;
    rowVersion: number;
    progressNote: string;
    measures: string;
    evidenceCount: number;
    extensionCount: number;
    returnCount: number;
    retiredAt: string | null;
    completedAt: string | null;
    createdAt: string;
    updatedAt: string;
    updatedBy: string;
    updater: { __typename: 'Person'; username: string; label: string };
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
    };
    leadDepartment: { __typename: 'Department'; id: string; name: string };
    assists: Array<{
      __typename: 'TaskAssist';
      departmentId: string;
      contributionNote: string;
      updatedAt: string | null;
      updatedBy: string | null;
      updater: { __typename: 'Person'; username: string; label: string } | null;
      department: { __typename: 'Department'; id: string; name: string };
    }>;
    article: {
      __typename: 'Article';
      id: string;
      number: number;
      title: string | null;
      chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
      paragraphs: Array<{
        __typename: 'Paragraph';
        id: string;
        number: number;
        text: string;
        items: Array<{
          __typename: 'Item';
          id: string;
          number: number;
          marker: string;
          text: string;
        }>;
      }>;
    };
    duty: {
      __typename: 'Duty';
      id: string;
      subject: string;
      text: string;
      actorText: string;
      modality: Modality;
      paragraphNumber: number;
      itemNumber: number;
    };
    capabilities: {
      __typename: 'TaskCapabilities';
      edit: boolean;
      transitions: Array<TaskStatus>;
      requestExtension: boolean;
      decideExtension: boolean;
      contribute: boolean;
    };
    evidence: Array<{
      __typename: 'Evidence';
      id: string;
      lineageId: string;
      version: number;
      fileName: string;
      fileType: string;
      mimeType: string;
      size: number;
      description: string;
      documentNumber: string | null;
      issuingAuthority: string | null;
      documentDate: string | null;
      uploadedBy: string;
      uploadedAt: string;
      previewable: boolean;
      contentUrl: string;
      current: boolean;
      sha256: string;
      uploader: { __typename: 'Person'; username: string; label: string };
    }>;
    extensionRequests: Array<{
      __typename: 'TaskExtensionRequest';
      id: string;
      state: string;
      reason: string;
      requestedDueDate: string;
      requestedAt: string;
      requestedBy: string;
      decidedAt: string | null;
      decidedBy: string | null;
      decisionNote: string | null;
      requester: { __typename: 'Person'; username: string; label: string };
      decider: { __typename: 'Person'; username: string; label: string } | null;
    }>;
    history: Array<{
      __typename: 'TaskEvent';
      id: string;
      kind: string;
      occurredAt: string;
      actorUsername: string;
      reason: string | null;
      before: unknown | null;
      after: unknown | null;
      actor: { __typename: 'Person'; username: string; label: string };
    }>;
  };
};

export type TasksRequestExtensionMutationVariables = Exact<{
  input: RequestExtensionInput;
}>;

export type TasksRequestExtensionMutation = {
  requestTaskExtension: {
    __typename: 'ExtensionResult';
    task: {
      __typename: 'Task';
      id: string;
      cycleId: string;
      status: TaskStatus;
      overdue: boolean;
      dueDate: string;
      rowVersion: number;
      progressNote: string;
      measures: string;
      evidenceCount: number;
      extensionCount: number;
      returnCount: number;
      retiredAt: string | null;
      completedAt: string | null;
      createdAt: string;
      updatedAt: string;
      updatedBy: string;
      updater: { __typename: 'Person'; username: string; label: string };
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
      };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
      assists: Array<{
        __typename: 'TaskAssist';
        departmentId: string;
        contributionNote: string;
        updatedAt: string | null;
        updatedBy: string | null;
        updater: { __typename: 'Person'; username: string; label: string } | null;
        department: { __typename: 'Department'; id: string; name: string };
      }>;
      article: {
        __typename: 'Article';
        id: string;
        number: number;
        title: string | null;
        chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
        paragraphs: Array<{
          __typename: 'Paragraph';
          id: string;
          number: number;
          text: string;
          items: Array<{
            __typename: 'Item';
            id: string;
            number: number;
            marker: string;
            text: string;
          }>;
        }>;
      };
      duty: {
        __typename: 'Duty';
        id: string;
        subject: string;
        text: string;
        actorText: string;
        modality: Modality;
        paragraphNumber: number;
        itemNumber: number;
      };
      capabilities: {
        __typename: 'TaskCapabilities';
        edit: boolean;
        transitions: Array<TaskStatus>;
        requestExtension: boolean;
        decideExtension: boolean;
        contribute: boolean;
      };
      evidence: Array<{
        __typename: 'Evidence';
        id: string;
        lineageId: string;
        version: number;
        fileName: string;
        fileType: string;
        mimeType: string;
        size: number;
        description: string;
        documentNumber: string | null;
        issuingAuthority: string | null;
        documentDate: string | null;
        uploadedBy: string;
        uploadedAt: string;
        previewable: boolean;
        contentUrl: string;
        current: boolean;
        sha256: string;
        uploader: { __typename: 'Person'; username: string; label: string };
      }>;
      extensionRequests: Array<{
        __typename: 'TaskExtensionRequest';
        id: string;
        state: string;
        reason: string;
        requestedDueDate: string;
        requestedAt: string;
        requestedBy: string;
        decidedAt: string | null;
        decidedBy: string | null;
        decisionNote: string | null;
        requester: { __typename: 'Person'; username: string; label: string };
        decider: { __typename: 'Person'; username: string; label: string } | null;
      }>;
      history: Array<{
        __typename: 'TaskEvent';
        id: string;
        kind: string;
        occurredAt: string;
        actorUsername: string;
        reason: string | null;
        before: unknown | null;
        after: unknown | null;
        actor: { __typename: 'Person'; username: string; label: string };
      }>;
    };
  };
};

export type TasksDecideExtensionMutationVariables = Exact<{
  input: DecideExtensionInput;
}>;

export type TasksDecideExtensionMutation = {
  decideTaskExtension: {
    __typename: 'ExtensionResult';
    task: {
      __typename: 'Task';
      id: string;
      cycleId: string;
      status: TaskStatus;
      overdue: boolean;
      dueDate: string;
      rowVersion: number;
      progressNote: string;
      measures: string;
      evidenceCount: number;
      extensionCount: number;
      returnCount: number;
      retiredAt: string | null;
      completedAt: string | null;
      createdAt: string;
      updatedAt: string;
      updatedBy: string;
      updater: { __typename: 'Person'; username: string; label: string };
      unit: {
        __typename: 'AdminUnit';
        code: string;
        name: string;
        level: AdminLevel;
        parentCode: string | null;
      };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
      assists: Array<{
        __typename: 'TaskAssist';
        departmentId: string;
        contributionNote: string;
        updatedAt: string | null;
        updatedBy: string | null;
        updater: { __typename: 'Person'; username: string; label: string } | null;
        department: { __typename: 'Department'; id: string; name: string };
      }>;
      article: {
        __typename: 'Article';
        id: string;
        number: number;
        title: string | null;
        chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
        paragraphs: Array<{
          __typename: 'Paragraph';
          id: string;
          number: number;
          text: string;
          items: Array<{
            __typename: 'Item';
            id: string;
            number: number;
            marker: string;
            text: string;
          }>;
        }>;
      };
      duty: {
        __typename: 'Duty';
        id: string;
        subject: string;
        text: string;
        actorText: string;
        modality: Modality;
        paragraphNumber: number;
        itemNumber: number;
      };
      capabilities: {
        __typename: 'TaskCapabilities';
        edit: boolean;
        transitions: Array<TaskStatus>;
        requestExtension: boolean;
        decideExtension: boolean;
        contribute: boolean;
      };
      evidence: Array<{
        __typename: 'Evidence';
        id: string;
        lineageId: string;
        version: number;
        fileName: string;
        fileType: string;
        mimeType: string;
        size: number;
        description: string;
        documentNumber: string | null;
        issuingAuthority: string | null;
        documentDate: string | null;
        uploadedBy: string;
        uploadedAt: string;
        previewable: boolean;
        contentUrl: string;
        current: boolean;
        sha256: string;
        uploader: { __typename: 'Person'; username: string; label: string };
      }>;
      extensionRequests: Array<{
        __typename: 'TaskExtensionRequest';
        id: string;
        state: string;
        reason: string;
        requestedDueDate: string;
        requestedAt: string;
        requestedBy: string;
        decidedAt: string | null;
        decidedBy: string | null;
        decisionNote: string | null;
        requester: { __typename: 'Person'; username: string; label: string };
        decider: { __typename: 'Person'; username: string; label: string } | null;
      }>;
      history: Array<{
        __typename: 'TaskEvent';
        id: string;
        kind: string;
        occurredAt: string;
        actorUsername: string;
        reason: string | null;
        before: unknown | null;
        after: unknown | null;
        actor: { __typename: 'Person'; username: string; label: string };
      }>;
    };
  };
};

export type TasksWithdrawEvidenceMutationVariables = Exact<{
  input: WithdrawEvidenceInput;
}>;

export type TasksWithdrawEvidenceMutation = {
  withdrawEvidence: {
    __typename: 'Evidence';
    id: string;
    current: boolean;
    withdrawnAt: string | null;
  };
};

export type TasksSetContributionMutationVariables = Exact<{
  taskId: Scalars['ID']['input'];
  note: Scalars['String']['input'];
}>;

export type TasksSetContributionMutation = {
  setTaskContribution: {
    __typename: 'Task';
    id: string;
    cycleId: string;
    status: TaskStatus;
    overdue: boolean;
    dueDate: string;
    rowVersion: number;
    progressNote: string;
    measures: string;
    evidenceCount: number;
    extensionCount: number;
    returnCount: number;
    retiredAt: string | null;
    completedAt: string | null;
    createdAt: string;
    updatedAt: string;
    updatedBy: string;
    updater: { __typename: 'Person'; username: string; label: string };
    unit: {
      __typename: 'AdminUnit';
      code: string;
      name: string;
      level: AdminLevel;
      parentCode: string | null;
    };
    leadDepartment: { __typename: 'Department'; id: string; name: string };
    assists: Array<{
      __typename: 'TaskAssist';
      departmentId: string;
      contributionNote: string;
      updatedAt: string | null;
      updatedBy: string | null;
      updater: { __typename: 'Person'; username: string; label: string } | null;
      department: { __typename: 'Department'; id: string; name: string };
    }>;
    article: {
      __typename: 'Article';
      id: string;
      number: number;
      title: string | null;
      chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
      paragraphs: Array<{
        __typename: 'Paragraph';
        id: string;
        number: number;
        text: string;
        items: Array<{
          __typename: 'Item';
          id: string;
          number: number;
          marker: string;
          text: string;
        }>;
      }>;
    };
    duty: {
      __typename: 'Duty';
      id: string;
      subject: string;
      text: string;
      actorText: string;
      modality: Modality;
      paragraphNumber: number;
      itemNumber: number;
    };
    capabilities: {
      __typename: 'TaskCapabilities';
      edit: boolean;
      transitions: Array<TaskStatus>;
      requestExtension: boolean;
      decideExtension: boolean;
      contribute: boolean;
    };
    evidence: Array<{
      __typename: 'Evidence';
      id: string;
      lineageId: string;
      version: number;
      fileName: string;
      fileType: string;
      mimeType: string;
      size: number;
      description: string;
      documentNumber: string | null;
      issuingAuthority: string | null;
      documentDate: string | null;
      uploadedBy: string;
      uploadedAt: string;
      previewable: boolean;
      contentUrl: string;
      current: boolean;
      sha256: string;
      uploader: { __typename: 'Person'; username: string; label: string };
    }>;
    extensionRequests: Array<{
      __typename: 'TaskExtensionRequest';
      id: string;
      state: string;
      reason: string;
      requestedDueDate: string;
      requestedAt: string;
      requestedBy: string;
      decidedAt: string | null;
      decidedBy: string | null;
      decisionNote: string | null;
      requester: { __typename: 'Person'; username: string; label: string };
      decider: { __typename: 'Person'; username: string; label: string } | null;
    }>;
    history: Array<{
      __typename: 'TaskEvent';
      id: string;
      kind: string;
      occurredAt: string;
      actorUsername: string;
      reason: string | null;
      before: unknown | null;
      after: unknown | null;
      actor: { __typename: 'Person'; username: string; label: string };
    }>;
  };
};

export type TasksFilterOptionsQueryVariables = Exact<{
  withUnits: Scalars['Boolean']['input'];
}>;

export type TasksFilterOptionsQuery = {
  departmentKinds: Array<{ __typename: 'DepartmentKind'; code: string; name: string }>;
  adminUnits?: Array<{
    __typename: 'AdminUnit';
    code: string;
    name: string;
    level: AdminLevel;
    parentCode: string | null;
  }>;
};

export type TasksListRowFragment = {
  __typename: 'Task';
  id: string;
  status: TaskStatus;
  overdue: boolean;
  dueDate: string;
  evidenceCount: number;
  updatedAt: string;
  updatedBy: string;
  returnCount: number;
  retiredAt: string | null;
  acknowledgedAt: string | null;
  notApplicableStatus: NotApplicableStatus | null;
  article: { __typename: 'Article'; id: string; number: number; title: string | null };
  duty: { __typename: 'Duty'; id: string; subject: string; text: string };
  unit: { __typename: 'AdminUnit'; code: string; name: string };
  leadDepartment: { __typename: 'Department'; id: string; name: string };
};

export type TasksListQueryVariables = Exact<{
  filter?: InputMaybe<TaskFilterInput>;
  first: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
  sort: TaskSort;
  direction: SortDirection;
}>;

export type TasksListQuery = {
  tasks: {
    __typename: 'TaskConnection';
    cycleId: string | null;
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename: 'Task';
      id: string;
      status: TaskStatus;
      overdue: boolean;
      dueDate: string;
      evidenceCount: number;
      updatedAt: string;
      updatedBy: string;
      returnCount: number;
      retiredAt: string | null;
      acknowledgedAt: string | null;
      notApplicableStatus: NotApplicableStatus | null;
      article: { __typename: 'Article'; id: string; number: number; title: string | null };
      duty: { __typename: 'Duty'; id: string; subject: string; text: string };
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type TasksReturnedQueryVariables = Exact<{
  filter?: InputMaybe<TaskFilterInput>;
}>;

export type TasksReturnedQuery = {
  tasks: {
    __typename: 'TaskConnection';
    totalCount: number;
    nodes: Array<{
      __typename: 'Task';
      id: string;
      status: TaskStatus;
      overdue: boolean;
      dueDate: string;
      evidenceCount: number;
      updatedAt: string;
      updatedBy: string;
      returnCount: number;
      retiredAt: string | null;
      acknowledgedAt: string | null;
      notApplicableStatus: NotApplicableStatus | null;
      latestReturn: {
        __typename: 'TaskEvent';
        id: string;
        occurredAt: string;
        actorUsername: string;
        reason: string | null;
        actor: { __typename: 'Person'; username: string; label: string };
      } | null;
      article: { __typename: 'Article'; id: string; number: number; title: string | null };
      duty: { __typename: 'Duty'; id: string; subject: string; text: string };
      unit: { __typename: 'AdminUnit'; code: string; name: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type UnitsAssessmentQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
  unitCode: Scalars['String']['input'];
}>;

export type UnitsAssessmentQuery = {
  unitAssessment: {
    __typename: 'UnitAssessment';
    unitCode: string;
    unitName: string;
    level: string;
    parentCode: string | null;
    score: number;
    grade: string;
    rank: number;
    frozen: boolean;
    resultSetVersion: number | null;
    bonusApplied: number;
    bonusRequested: number;
    notApplicableTasks: number;
    deductions: Array<{
      __typename: 'ScoreDeduction';
      points: number;
      reason: string;
      taskId: string | null;
    }>;
    breakdown: Array<{
      __typename: 'IndicatorScore';
      indicatorId: string;
      name: string;
      chapter: number;
      marks: number;
      earned: number;
      stage: string;
      computedEarned: number;
    }>;
    adjustments: Array<{
      __typename: 'AssessmentAdjustment';
      id: string;
      kind: string;
      points: number;
      reason: string;
      createdAt: string;
      createdBy: string;
      revokedAt: string | null;
      revokedBy: string | null;
      revokeReason: string | null;
      creator: { __typename: 'Person'; username: string; label: string };
      revoker: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export type UnitsTasksQueryVariables = Exact<{
  filter: TaskFilterInput;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type UnitsTasksQuery = {
  tasks: {
    __typename: 'TaskConnection';
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename: 'Task';
      id: string;
      status: TaskStatus;
      overdue: boolean;
      dueDate: string;
      evidenceCount: number;
      notApplicableStatus: NotApplicableStatus | null;
      article: {
        __typename: 'Article';
        id: string;
        number: number;
        title: string | null;
        chapter: { __typename: 'Chapter'; id: string; number: number; title: string };
      };
      duty: { __typename: 'Duty'; id: string; subject: string };
      leadDepartment: { __typename: 'Department'; id: string; name: string };
    }>;
  };
};

export type UrgingNoticeFieldsFragment = {
  __typename: 'UrgingNotice';
  id: string;
  number: string;
  colour: UrgingColour;
  origin: string;
  reasonCode: string;
  text: string;
  issuedOn: string;
  answerDue: string;
  issuedBy: string;
  issuedAt: string;
  supersedesId: string | null;
  escalatedTo: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answer: string | null;
  closedAt: string | null;
  closeReason: string | null;
  deduction: number;
  canAcknowledge: boolean;
  canAnswer: boolean;
  answerOverdue: boolean;
  taskId: string;
  dutySubject: string;
  taskDueDate: string;
  taskStatus: string;
  unitCode: string;
  unitName: string;
  issuer: { __typename: 'Person'; username: string; label: string };
  acknowledger: { __typename: 'Person'; username: string; label: string } | null;
  answerer: { __typename: 'Person'; username: string; label: string } | null;
};

export type UrgingTaskQueryVariables = Exact<{
  taskId: Scalars['ID']['input'];
}>;

export type UrgingTaskQuery = {
  taskUrging: {
    __typename: 'TaskUrging';
    taskId: string;
    canIssue: boolean;
    openColour: UrgingColour | null;
    notices: Array<{
      __typename: 'UrgingNotice';
      id: string;
      number: string;
      colour: UrgingColour;
      origin: string;
      reasonCode: string;
      text: string;
      issuedOn: string;
      answerDue: string;
      issuedBy: string;
      issuedAt: string;
      supersedesId: string | null;
      escalatedTo: string | null;
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      answeredAt: string | null;
      answeredBy: string | null;
      answer: string | null;
      closedAt: string | null;
      closeReason: string | null;
      deduction: number;
      canAcknowledge: boolean;
      canAnswer: boolean;
      answerOverdue: boolean;
      taskId: string;
      dutySubject: string;
      taskDueDate: string;
      taskStatus: string;
      unitCode: string;
      unitName: string;
      issuer: { __typename: 'Person'; username: string; label: string };
      acknowledger: { __typename: 'Person'; username: string; label: string } | null;
      answerer: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export type UrgingNoticesQueryVariables = Exact<{
  filter?: InputMaybe<UrgingNoticeFilter>;
  page?: InputMaybe<UrgingPage>;
}>;

export type UrgingNoticesQuery = {
  urgingNotices: {
    __typename: 'UrgingNoticePage';
    total: number;
    items: Array<{
      __typename: 'UrgingNotice';
      id: string;
      number: string;
      colour: UrgingColour;
      origin: string;
      reasonCode: string;
      text: string;
      issuedOn: string;
      answerDue: string;
      issuedBy: string;
      issuedAt: string;
      supersedesId: string | null;
      escalatedTo: string | null;
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      answeredAt: string | null;
      answeredBy: string | null;
      answer: string | null;
      closedAt: string | null;
      closeReason: string | null;
      deduction: number;
      canAcknowledge: boolean;
      canAnswer: boolean;
      answerOverdue: boolean;
      taskId: string;
      dutySubject: string;
      taskDueDate: string;
      taskStatus: string;
      unitCode: string;
      unitName: string;
      issuer: { __typename: 'Person'; username: string; label: string };
      acknowledger: { __typename: 'Person'; username: string; label: string } | null;
      answerer: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export type UrgingCountsByUnitQueryVariables = Exact<{
  cycleId: Scalars['ID']['input'];
}>;

export type UrgingCountsByUnitQuery = {
  urgingCountsByUnit: Array<{
    __typename: 'UrgingUnitCounts';
    unitCode: string;
    unitName: string;
    level: string;
    parentCode: string | null;
    blue: number;
    orange: number;
    red: number;
    unacknowledged: number;
    unanswered: number;
    issued: number;
  }>;
};

export type UrgingIssueMutationVariables = Exact<{
  input: IssueUrgingNoticeInput;
}>;

export type UrgingIssueMutation = {
  issueUrgingNotice: {
    __typename: 'UrgingNotice';
    id: string;
    number: string;
    colour: UrgingColour;
    origin: string;
    reasonCode: string;
    text: string;
    issuedOn: string;
    answerDue: string;
    issuedBy: string;
    issuedAt: string;
    supersedesId: string | null;
    escalatedTo: string | null;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    answeredAt: string | null;
    answeredBy: string | null;
    answer: string | null;
    closedAt: string | null;
    closeReason: string | null;
    deduction: number;
    canAcknowledge: boolean;
    canAnswer: boolean;
    answerOverdue: boolean;
    taskId: string;
    dutySubject: string;
    taskDueDate: string;
    taskStatus: string;
    unitCode: string;
    unitName: string;
    issuer: { __typename: 'Person'; username: string; label: string };
    acknowledger: { __typename: 'Person'; username: string; label: string } | null;
    answerer: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type UrgingAcknowledgeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type UrgingAcknowledgeMutation = {
  acknowledgeUrgingNotice: {
    __typename: 'UrgingNotice';
    id: string;
    number: string;
    colour: UrgingColour;
    origin: string;
    reasonCode: string;
    text: string;
    issuedOn: string;
    answerDue: string;
    issuedBy: string;
    issuedAt: string;
    supersedesId: string | null;
    escalatedTo: string | null;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    answeredAt: string | null;
    answeredBy: string | null;
    answer: string | null;
    closedAt: string | null;
    closeReason: string | null;
    deduction: number;
    canAcknowledge: boolean;
    canAnswer: boolean;
    answerOverdue: boolean;
    taskId: string;
    dutySubject: string;
    taskDueDate: string;
    taskStatus: string;
    unitCode: string;
    unitName: string;
    issuer: { __typename: 'Person'; username: string; label: string };
    acknowledger: { __typename: 'Person'; username: string; label: string } | null;
    answerer: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type UrgingAnswerMutationVariables = Exact<{
  input: AnswerUrgingNoticeInput;
}>;

export type UrgingAnswerMutation = {
  answerUrgingNotice: {
    __typename: 'UrgingNotice';
    id: string;
    number: string;
    colour: UrgingColour;
    origin: string;
    reasonCode: string;
    text: string;
    issuedOn: string;
    answerDue: string;
    issuedBy: string;
    issuedAt: string;
    supersedesId: string | null;
    escalatedTo: string | null;
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    answeredAt: string | null;
    answeredBy: string | null;
    answer: string | null;
    closedAt: string | null;
    closeReason: string | null;
    deduction: number;
    canAcknowledge: boolean;
    canAnswer: boolean;
    answerOverdue: boolean;
    taskId: string;
    dutySubject: string;
    taskDueDate: string;
    taskStatus: string;
    unitCode: string;
    unitName: string;
    issuer: { __typename: 'Person'; username: string; label: string };
    acknowledger: { __typename: 'Person'; username: string; label: string } | null;
    answerer: { __typename: 'Person'; username: string; label: string } | null;
  };
};

export type UrgingRunNowMutationVariables = Exact<{ [key: string]: never }>;

export type UrgingRunNowMutation = {
  runUrgingNow: {
    __typename: 'UrgingRunResult';
    today: string;
    issued: number;
    escalated: number;
    closed: number;
    blue: number;
    orange: number;
    red: number;
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

export type PasswordResetRequestFieldsFragment = {
  __typename: 'PasswordResetRequest';
  id: string;
  status: PasswordResetRequestStatus;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  canDecide: boolean;
  targetRole: Role | null;
  requester: { __typename: 'Person'; username: string; label: string };
  target: { __typename: 'UserAccount'; id: string; username: string; displayName: string };
};

export type PasswordResetRequestsQueryVariables = Exact<{
  filter?: InputMaybe<PasswordResetRequestFilterInput>;
  page?: InputMaybe<PageInput>;
}>;

export type PasswordResetRequestsQuery = {
  passwordResetRequests: {
    __typename: 'PasswordResetRequestPage';
    totalCount: number;
    nodes: Array<{
      __typename: 'PasswordResetRequest';
      id: string;
      status: PasswordResetRequestStatus;
      reason: string;
      requestedBy: string;
      requestedAt: string;
      expiresAt: string;
      decidedBy: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      canDecide: boolean;
      targetRole: Role | null;
      requester: { __typename: 'Person'; username: string; label: string };
      target: { __typename: 'UserAccount'; id: string; username: string; displayName: string };
    }>;
  };
};

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;

export type RequestPasswordResetMutation = {
  requestPasswordReset: {
    __typename: 'PasswordResetRequest';
    id: string;
    status: PasswordResetRequestStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    expiresAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    canDecide: boolean;
    targetRole: Role | null;
    requester: { __typename: 'Person'; username: string; label: string };
    target: { __typename: 'UserAccount'; id: string; username: string; displayName: string };
  };
};

export type ApprovePasswordResetMutationVariables = Exact<{
  requestId: Scalars['ID']['input'];
}>;

export type ApprovePasswordResetMutation = {
  approvePasswordReset: {
    __typename: 'ApprovedPasswordReset';
    temporaryPassword: string;
    request: {
      __typename: 'PasswordResetRequest';
      id: string;
      status: PasswordResetRequestStatus;
      reason: string;
      requestedBy: string;
      requestedAt: string;
      expiresAt: string;
      decidedBy: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      canDecide: boolean;
      targetRole: Role | null;
      requester: { __typename: 'Person'; username: string; label: string };
      target: { __typename: 'UserAccount'; id: string; username: string; displayName: string };
    };
    user: {
      __typename: 'UserAccount';
      id: string;
      username: string;
      displayName: string;
      office: string | null;
      phone: string | null;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      totpEnabled: boolean;
      externalSubject: string | null;
      breakGlass: boolean;
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
      scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    };
  };
};

export type RejectPasswordResetMutationVariables = Exact<{
  input: RejectPasswordResetInput;
}>;

export type RejectPasswordResetMutation = {
  rejectPasswordReset: {
    __typename: 'PasswordResetRequest';
    id: string;
    status: PasswordResetRequestStatus;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    expiresAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
    canDecide: boolean;
    targetRole: Role | null;
    requester: { __typename: 'Person'; username: string; label: string };
    target: { __typename: 'UserAccount'; id: string; username: string; displayName: string };
  };
};

export type UserAccountFieldsFragment = {
  __typename: 'UserAccount';
  id: string;
  username: string;
  displayName: string;
  office: string | null;
  phone: string | null;
  role: Role | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  externalSubject: string | null;
  breakGlass: boolean;
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
  scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
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
      office: string | null;
      phone: string | null;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      totpEnabled: boolean;
      externalSubject: string | null;
      breakGlass: boolean;
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
      scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
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
      office: string | null;
      phone: string | null;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      totpEnabled: boolean;
      externalSubject: string | null;
      breakGlass: boolean;
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
      scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
      department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
    };
  };
};

export type UpdateUserProfileMutationVariables = Exact<{
  input: UpdateUserProfileInput;
}>;

export type UpdateUserProfileMutation = {
  updateUserProfile: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
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
      office: string | null;
      phone: string | null;
      role: Role | null;
      disabled: boolean;
      lockedUntil: string | null;
      mustChangePassword: boolean;
      totpEnabled: boolean;
      externalSubject: string | null;
      breakGlass: boolean;
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
      scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
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
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
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
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
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
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type ResetUserSecondFactorMutationVariables = Exact<{
  input: ResetSecondFactorInput;
}>;

export type ResetUserSecondFactorMutation = {
  resetUserSecondFactor: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type SetExternalIdentityMutationVariables = Exact<{
  input: SetExternalIdentityInput;
}>;

export type SetExternalIdentityMutation = {
  setExternalIdentity: {
    __typename: 'UserAccount';
    id: string;
    username: string;
    displayName: string;
    office: string | null;
    phone: string | null;
    role: Role | null;
    disabled: boolean;
    lockedUntil: string | null;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    externalSubject: string | null;
    breakGlass: boolean;
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
    scopeProvinces: Array<{ __typename: 'AdminUnit'; code: string; name: string }>;
    department: { __typename: 'Department'; id: string; name: string; unitCode: string } | null;
  };
};

export type WorkbenchItemFieldsFragment = {
  __typename: 'WorkbenchItem';
  id: string;
  kind: WorkbenchItemKind;
  link: string;
  taskId: string | null;
  unitCode: string | null;
  unitName: string | null;
  articleNumber: number | null;
  articleTitle: string | null;
  dutySubject: string | null;
  departmentName: string | null;
  toDepartmentName: string | null;
  reference: string | null;
  colour: string | null;
  acknowledged: boolean | null;
  status: string | null;
  dueDate: string | null;
  targetDate: string | null;
  at: string | null;
  actor: string | null;
  note: string | null;
  total: number | null;
  verified: number | null;
  completionRate: number | null;
  expected: number | null;
  actorPerson: { __typename: 'Person'; username: string; label: string } | null;
};

export type WorkbenchQueryVariables = Exact<{
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;

export type WorkbenchQuery = {
  workbench: {
    __typename: 'Workbench';
    cycleId: string | null;
    cycleTitle: string | null;
    today: string;
    sections: Array<{
      __typename: 'WorkbenchSection';
      key: WorkbenchSectionKey;
      count: number;
      link: string;
      items: Array<{
        __typename: 'WorkbenchItem';
        id: string;
        kind: WorkbenchItemKind;
        link: string;
        taskId: string | null;
        unitCode: string | null;
        unitName: string | null;
        articleNumber: number | null;
        articleTitle: string | null;
        dutySubject: string | null;
        departmentName: string | null;
        toDepartmentName: string | null;
        reference: string | null;
        colour: string | null;
        acknowledged: boolean | null;
        status: string | null;
        dueDate: string | null;
        targetDate: string | null;
        at: string | null;
        actor: string | null;
        note: string | null;
        total: number | null;
        verified: number | null;
        completionRate: number | null;
        expected: number | null;
        actorPerson: { __typename: 'Person'; username: string; label: string } | null;
      }>;
    }>;
  };
};

export type WorkbenchSectionQueryVariables = Exact<{
  key: WorkbenchSectionKey;
  cycleId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
}>;

export type WorkbenchSectionQuery = {
  workbenchSection: {
    __typename: 'WorkbenchSection';
    key: WorkbenchSectionKey;
    count: number;
    today: string;
    link: string;
    items: Array<{
      __typename: 'WorkbenchItem';
      id: string;
      kind: WorkbenchItemKind;
      link: string;
      taskId: string | null;
      unitCode: string | null;
      unitName: string | null;
      articleNumber: number | null;
      articleTitle: string | null;
      dutySubject: string | null;
      departmentName: string | null;
      toDepartmentName: string | null;
      reference: string | null;
      colour: string | null;
      acknowledged: boolean | null;
      status: string | null;
      dueDate: string | null;
      targetDate: string | null;
      at: string | null;
      actor: string | null;
      note: string | null;
      total: number | null;
      verified: number | null;
      completionRate: number | null;
      expected: number | null;
      actorPerson: { __typename: 'Person'; username: string; label: string } | null;
    }>;
  };
};

export const ApiTokenFieldsFragmentDoc = gql`
  fragment ApiTokenFields on ApiToken {
    id
    name
    tokenPrefix
    scopes
    unit {
      code
      name
      level
    }
    rateLimitPerMinute
    status
    createdBy
    createdAt
    expiresAt
    revokedBy
    revokedAt
    lastUsedAt
    useCount
  }
` as unknown as DocumentNode<ApiTokenFieldsFragment, unknown>;
export const AssessmentMeasureSpecFieldsFragmentDoc = gql`
  fragment AssessmentMeasureSpecFields on MeasureSpec {
    unitOfMeasure
    direction
    scoring
    levels {
      province {
        target
        floor
      }
      prefecture {
        target
        floor
      }
      county {
        target
        floor
      }
    }
    overrides {
      unitCode
      target
      floor
    }
    bands {
      min
      max
      points
    }
  }
` as unknown as DocumentNode<AssessmentMeasureSpecFieldsFragment, unknown>;
export const AssessmentPlanFieldsFragmentDoc = gql`
  fragment AssessmentPlanFields on AssessmentPlan {
    cycleId
    version
    isDefault
    note
    createdAt
    createdBy
    creator {
      username
      label
    }
    bonusCap
    chapterWeights {
      chapter
      weight
    }
    rules {
      verified
      submitted
      returnedOrInProgress
      notStarted
      overdueAtCycleEnd
    }
    deductions {
      perReturn
      perExtensionBeyondFirst
    }
    bands {
      grade
      min
    }
    indicators {
      id
      name
      chapter
      weight
      dutyIds
      kind
      measure {
        ...AssessmentMeasureSpecFields
      }
    }
  }
  ${AssessmentMeasureSpecFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentPlanFieldsFragment, unknown>;
export const AssessmentAdjustmentFieldsFragmentDoc = gql`
  fragment AssessmentAdjustmentFields on AssessmentAdjustment {
    id
    cycleId
    unitCode
    kind
    points
    reason
    createdAt
    createdBy
    creator {
      username
      label
    }
    revokedAt
    revokedBy
    revoker {
      username
      label
    }
    revokeReason
  }
` as unknown as DocumentNode<AssessmentAdjustmentFieldsFragment, unknown>;
export const AssessmentUnitMeasureFieldsFragmentDoc = gql`
  fragment AssessmentUnitMeasureFields on UnitMeasureValue {
    indicatorId
    name
    chapter
    weight
    measure {
      ...AssessmentMeasureSpecFields
    }
    target
    floor
    targetFrom
    reportedValue
    evidenceId
    evidenceName
    sourceRef
    reportedBy
    reportedAt
    adjustedValue
    adjustReason
    adjustedBy
    adjustedAt
    canReport
    canAdjust
    events {
      id
      action
      beforeValue
      afterValue
      evidenceId
      sourceRef
      reason
      actor
      actorRole
      createdAt
    }
  }
  ${AssessmentMeasureSpecFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentUnitMeasureFieldsFragment, unknown>;
export const PublishedUnitResultFieldsFragmentDoc = gql`
  fragment PublishedUnitResultFields on PublishedUnitResult {
    unitCode
    unitName
    level
    score
    grade
    rank
    indicators {
      indicatorId
      name
      kind
      marks
      earned
    }
  }
` as unknown as DocumentNode<PublishedUnitResultFieldsFragment, unknown>;
export const AssessmentPublicationFieldsFragmentDoc = gql`
  fragment AssessmentPublicationFields on AssessmentPublication {
    id
    cycleId
    version
    objectionClosesAt
    windowOpen
    units
    publishedBy
    publishedAt
  }
` as unknown as DocumentNode<AssessmentPublicationFieldsFragment, unknown>;
export const AssessmentObjectionFieldsFragmentDoc = gql`
  fragment AssessmentObjectionFields on AssessmentObjection {
    id
    cycleId
    publicationVersion
    unitCode
    unitName
    indicatorId
    indicatorName
    reason
    evidenceIds
    filedBy
    filedAt
    decision
    decisionReason
    scoreChange
    decidedBy
    decidedAt
  }
` as unknown as DocumentNode<AssessmentObjectionFieldsFragment, unknown>;
export const OnsiteItemFieldsFragmentDoc = gql`
  fragment OnsiteItemFields on OnsiteSampleItem {
    id
    unitCode
    unitName
    groupCode
    unitRank
    taskRank
    taskId
    taskStatus
    article
    dutySubject
    outcome
    note
    evidenceIds
    recordedBy
    recordedAt
    adjustmentId
    deductedPoints
  }
` as unknown as DocumentNode<OnsiteItemFieldsFragment, unknown>;
export const OnsiteSampleFieldsFragmentDoc = gql`
  fragment OnsiteSampleFields on OnsiteSample {
    id
    cycleId
    version
    status
    scope
    unitCount
    unitShare
    tasksPerUnit
    taskStatuses
    unitLevels
    deductionPoints
    seed
    seedGenerated
    populationUnits
    populationTasks
    reason
    drawnBy
    drawnAt
    supersededBy
    supersededAt
    closedBy
    closedAt
  }
` as unknown as DocumentNode<OnsiteSampleFieldsFragment, unknown>;
export const StageIndicatorFieldsFragmentDoc = gql`
  fragment StageIndicatorFields on AssessmentStageIndicator {
    indicatorId
    name
    chapter
    kind
    planMarks
    selfScore
    narrative
    evidenceIds
    late
    prefectureScore
    prefectureComment
    provincialScore
    provincialComment
    finalStage
    earned
  }
` as unknown as DocumentNode<StageIndicatorFieldsFragment, unknown>;
export const UnitStageAssessmentFieldsFragmentDoc = gql`
  fragment UnitStageAssessmentFields on UnitStageAssessment {
    unitCode
    unitName
    status
    submittedAt
    submittedBy
    late
    submitCount
    dueAt
    returnReason
    returnedBy
    returnedAt
    returnCount
    finalScore
    canEditSelf
    canPreliminaryReview
    canProvincialReview
    indicators {
      ...StageIndicatorFields
    }
    changes {
      id
      indicatorId
      stage
      action
      beforeScore
      afterScore
      reason
      late
      actor
      occurredAt
    }
    evidenceFiles {
      id
      fileName
      documentNumber
      withdrawn
      contentUrl
    }
  }
  ${StageIndicatorFieldsFragmentDoc}
` as unknown as DocumentNode<UnitStageAssessmentFieldsFragment, unknown>;
export const AssessmentPeriodFieldsFragmentDoc = gql`
  fragment AssessmentPeriodFields on AssessmentPeriod {
    year
    source
    cycleId
    resultSetVersion
    importId
    sourceFileName
    importedBy
    importedAt
  }
` as unknown as DocumentNode<AssessmentPeriodFieldsFragment, unknown>;
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
    passwordExpired
    secondFactorStep
    sessionExpiresAt
    singleSignOn
  }
  ${AdminUnitFieldsFragmentDoc}
  ${DepartmentFieldsFragmentDoc}
` as unknown as DocumentNode<CurrentUserFieldsFragment, unknown>;
export const BulletinListFieldsFragmentDoc = gql`
  fragment BulletinListFields on Bulletin {
    id
    scopeUnitCode
    scopeUnitName
    cycleId
    periodKind
    period
    periodLabel
    asOf
    title
    status
    number
    sha256
    size
    generatedBy
    generator {
      username
      label
    }
    generatedAt
    publishedBy
    publisher {
      username
      label
    }
    publishedAt
    rowVersion
    downloadPath
  }
` as unknown as DocumentNode<BulletinListFieldsFragment, unknown>;
export const BulletinFieldsFragmentDoc = gql`
  fragment BulletinFields on Bulletin {
    ...BulletinListFields
    issuingBody
    addressee
    intro
    requirements
    summary {
      tasks
      verified
      submitted
      overdue
      completionRate
      elapsedFraction
      unitsBehind
    }
    goodPractices {
      taskId
      unitName
      article
      subject
      department
      verifiedOn
      comment
    }
    document {
      title
      number
      issuingBody
      issueDate
      issueDateText
      addressee
      blocks {
        kind
        text
        columns
        rows
        numeric
      }
    }
  }
  ${BulletinListFieldsFragmentDoc}
` as unknown as DocumentNode<BulletinFieldsFragment, unknown>;
export const CycleDutyChangeFieldsFragmentDoc = gql`
  fragment CycleDutyChangeFields on RegenerationDutyChange {
    dutyId
    lineageId
    articleNumber
    text
    tasks
    reason
  }
` as unknown as DocumentNode<CycleDutyChangeFieldsFragment, unknown>;
export const EvidenceFileFieldsFragmentDoc = gql`
  fragment EvidenceFileFields on Evidence {
    id
    taskId
    fileName
    fileType
    mimeType
    size
    sha256
    description
    documentNumber
    issuingAuthority
    documentDate
    uploadedBy
    uploadedAt
    version
    current
    supersededById
    withdrawnAt
    withdrawnBy
    withdrawReason
    integrityStatus
    corruptAt
    previewable
    contentUrl
  }
` as unknown as DocumentNode<EvidenceFileFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = gql`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    link
    taskId
    unitCode
    createdAt
    readAt
  }
` as unknown as DocumentNode<NotificationFieldsFragment, unknown>;
export const NotificationSettingsFieldsFragmentDoc = gql`
  fragment NotificationSettingsFields on NotificationSettings {
    email
    quietHoursStart
    quietHoursEnd
    emailAvailable
    webhookAvailable
    kinds {
      kind
      email
      webhook
    }
  }
` as unknown as DocumentNode<NotificationSettingsFieldsFragment, unknown>;
export const RegisterMappingDutyFragmentDoc = gql`
  fragment RegisterMappingDuty on Duty {
    id
    text
    tracked
    paragraphNumber
    itemNumber
    article {
      id
      number
    }
  }
` as unknown as DocumentNode<RegisterMappingDutyFragment, unknown>;
export const RegisterMappingFieldsFragmentDoc = gql`
  fragment RegisterMappingFields on DutyMappingSuggestion {
    id
    status
    similarity
    primary
    articleChange
    rowVersion
    decidedBy
    decider {
      username
      label
      human
    }
    decidedAt
    reason
    duty {
      ...RegisterMappingDuty
    }
    previousDuty {
      ...RegisterMappingDuty
    }
  }
  ${RegisterMappingDutyFragmentDoc}
` as unknown as DocumentNode<RegisterMappingFieldsFragment, unknown>;
export const RegisterDutyFieldsFragmentDoc = gql`
  fragment RegisterDutyFields on Duty {
    id
    lineageId
    text
    subject
    actorText
    actorType
    levels
    modality
    kind
    needsReview
    governmentDuty
    tracked
    reviewState
    reviewedAt
    reviewedBy
    reviewer {
      username
      label
      human
    }
    rowVersion
    itemNumber
    sequence
    departments {
      role
      fromText
      department {
        code
        name
      }
    }
    cues {
      field
      rule
      text
      explanation
    }
    extracted {
      actorSource
    }
  }
` as unknown as DocumentNode<RegisterDutyFieldsFragment, unknown>;
export const TaskLogEventFragmentDoc = gql`
  fragment TaskLogEvent on TaskEvent {
    id
    occurredAt
    actorUsername
    actor {
      username
      label
      human
    }
    kind
    reason
    before
    after
    ip
    taskId
    task {
      id
      status
      unit {
        code
        name
      }
      article {
        id
        number
      }
      duty {
        id
        subject
      }
    }
  }
` as unknown as DocumentNode<TaskLogEventFragment, unknown>;
export const TaskCommentFieldsFragmentDoc = gql`
  fragment TaskCommentFields on TaskComment {
    id
    taskId
    parentId
    kind
    pinned
    body
    authorUsername
    author {
      username
      label
    }
    authorDisplayName
    authorRole
    authorUnitCode
    createdAt
    mentions {
      type
      unitCode
      role
      label
    }
    attachments {
      id
      fileName
      fileType
      size
      sha256
      evidenceId
      downloadUrl
    }
  }
` as unknown as DocumentNode<TaskCommentFieldsFragment, unknown>;
export const NotApplicableRequestFieldsFragmentDoc = gql`
  fragment NotApplicableRequestFields on NotApplicableRequest {
    id
    taskId
    status
    reason
    documentReference
    evidenceIds
    requestedBy
    requester {
      username
      label
    }
    requestedAt
    decidedBy
    decider {
      username
      label
    }
    decidedAt
    decisionReason
    revokedBy
    revoker {
      username
      label
    }
    revokedAt
    revokeReason
  }
` as unknown as DocumentNode<NotApplicableRequestFieldsFragment, unknown>;
export const ReassignRecordFieldsFragmentDoc = gql`
  fragment ReassignRecordFields on TaskReassignment {
    id
    kind
    status
    reason
    requestedBy
    requester {
      username
      label
    }
    requestedAt
    decidedBy
    decider {
      username
      label
    }
    decidedAt
    decisionReason
    appliedAt
    fromDepartment {
      id
      name
    }
    toDepartment {
      id
      name
    }
  }
` as unknown as DocumentNode<ReassignRecordFieldsFragment, unknown>;
export const ReassignTaskFieldsFragmentDoc = gql`
  fragment ReassignTaskFields on Task {
    id
    rowVersion
    status
    retiredAt
    acknowledgedAt
    acknowledgedBy
    acknowledger {
      username
      label
    }
    leadDepartment {
      id
      name
    }
    assignmentCapabilities {
      acknowledge
      requestReassignment
      decideReassignment
      reassign
    }
    reassignments {
      ...ReassignRecordFields
    }
  }
  ${ReassignRecordFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignTaskFieldsFragment, unknown>;
export const TasksEvidenceFieldsFragmentDoc = gql`
  fragment TasksEvidenceFields on Evidence {
    id
    lineageId
    version
    fileName
    fileType
    mimeType
    size
    description
    documentNumber
    issuingAuthority
    documentDate
    uploadedBy
    uploader {
      username
      label
    }
    uploadedAt
    previewable
    contentUrl
    current
    sha256
  }
` as unknown as DocumentNode<TasksEvidenceFieldsFragment, unknown>;
export const TasksDetailFieldsFragmentDoc = gql`
  fragment TasksDetailFields on Task {
    id
    cycleId
    status
    overdue
    dueDate
    rowVersion
    progressNote
    measures
    evidenceCount
    extensionCount
    returnCount
    retiredAt
    completedAt
    createdAt
    updatedAt
    updatedBy
    updater {
      username
      label
    }
    unit {
      code
      name
      level
      parentCode
    }
    leadDepartment {
      id
      name
    }
    assists {
      departmentId
      contributionNote
      updatedAt
      updatedBy
      updater {
        username
        label
      }
      department {
        id
        name
      }
    }
    article {
      id
      number
      title
      chapter {
        id
        number
        title
      }
      paragraphs {
        id
        number
        text
        items {
          id
          number
          marker
          text
        }
      }
    }
    duty {
      id
      subject
      text
      actorText
      modality
      paragraphNumber
      itemNumber
    }
    capabilities {
      edit
      transitions
      requestExtension
      decideExtension
      contribute
    }
    evidence {
      ...TasksEvidenceFields
    }
    extensionRequests {
      id
      state
      reason
      requestedDueDate
      requestedAt
      requestedBy
      requester {
        username
        label
      }
      decidedAt
      decidedBy
      decider {
        username
        label
      }
      decisionNote
    }
    history {
      id
      kind
      occurredAt
      actorUsername
      actor {
        username
        label
      }
      reason
      before
      after
    }
  }
  ${TasksEvidenceFieldsFragmentDoc}
` as unknown as DocumentNode<TasksDetailFieldsFragment, unknown>;
export const TasksListRowFragmentDoc = gql`
  fragment TasksListRow on Task {
    id
    status
    overdue
    dueDate
    evidenceCount
    updatedAt
    updatedBy
    returnCount
    retiredAt
    acknowledgedAt
    notApplicableStatus
    article {
      id
      number
      title
    }
    duty {
      id
      subject
      text
    }
    unit {
      code
      name
    }
    leadDepartment {
      id
      name
    }
  }
` as unknown as DocumentNode<TasksListRowFragment, unknown>;
export const UrgingNoticeFieldsFragmentDoc = gql`
  fragment UrgingNoticeFields on UrgingNotice {
    id
    number
    colour
    origin
    reasonCode
    text
    issuedOn
    answerDue
    issuedBy
    issuer {
      username
      label
    }
    issuedAt
    supersedesId
    escalatedTo
    acknowledgedAt
    acknowledgedBy
    acknowledger {
      username
      label
    }
    answeredAt
    answeredBy
    answerer {
      username
      label
    }
    answer
    closedAt
    closeReason
    deduction
    canAcknowledge
    canAnswer
    answerOverdue
    taskId
    dutySubject
    taskDueDate
    taskStatus
    unitCode
    unitName
  }
` as unknown as DocumentNode<UrgingNoticeFieldsFragment, unknown>;
export const PasswordResetRequestFieldsFragmentDoc = gql`
  fragment PasswordResetRequestFields on PasswordResetRequest {
    id
    status
    reason
    requestedBy
    requester {
      username
      label
    }
    requestedAt
    expiresAt
    decidedBy
    decidedAt
    decisionReason
    canDecide
    targetRole
    target {
      id
      username
      displayName
    }
  }
` as unknown as DocumentNode<PasswordResetRequestFieldsFragment, unknown>;
export const UserAccountFieldsFragmentDoc = gql`
  fragment UserAccountFields on UserAccount {
    id
    username
    displayName
    office
    phone
    role
    unit {
      ...AdminUnitFields
    }
    scopeProvinces {
      code
      name
    }
    department {
      ...DepartmentFields
    }
    disabled
    lockedUntil
    mustChangePassword
    totpEnabled
    externalSubject
    breakGlass
    lastSignInAt
    createdAt
  }
  ${AdminUnitFieldsFragmentDoc}
  ${DepartmentFieldsFragmentDoc}
` as unknown as DocumentNode<UserAccountFieldsFragment, unknown>;
export const WorkbenchItemFieldsFragmentDoc = gql`
  fragment WorkbenchItemFields on WorkbenchItem {
    id
    kind
    link
    taskId
    unitCode
    unitName
    articleNumber
    articleTitle
    dutySubject
    departmentName
    toDepartmentName
    reference
    colour
    acknowledged
    status
    dueDate
    targetDate
    at
    actor
    actorPerson {
      username
      label
    }
    note
    total
    verified
    completionRate
    expected
  }
` as unknown as DocumentNode<WorkbenchItemFieldsFragment, unknown>;
export const CyclesDocument = gql`
  query Cycles {
    cycles {
      id
      title
      year
      state
      startDate
      dueDate
      closedAt
      regulationVersionId
      regulationTitle
      regulationCode
      provinceCode
      province {
        code
        name
      }
    }
  }
` as unknown as DocumentNode<CyclesQuery, CyclesQueryVariables>;
export const SignedInProbeDocument = gql`
  query SignedInProbe {
    me {
      id
    }
  }
` as unknown as DocumentNode<SignedInProbeQuery, SignedInProbeQueryVariables>;
export const ApiTokensDocument = gql`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
  ${ApiTokenFieldsFragmentDoc}
` as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const ApiTokenUnitsDocument = gql`
  query ApiTokenUnits {
    adminUnits {
      code
      name
      level
      parentCode
    }
  }
` as unknown as DocumentNode<ApiTokenUnitsQuery, ApiTokenUnitsQueryVariables>;
export const IssueApiTokenDocument = gql`
  mutation IssueApiToken($input: IssueApiTokenInput!) {
    issueApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
  ${ApiTokenFieldsFragmentDoc}
` as unknown as DocumentNode<IssueApiTokenMutation, IssueApiTokenMutationVariables>;
export const RevokeApiTokenDocument = gql`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenFields
    }
  }
  ${ApiTokenFieldsFragmentDoc}
` as unknown as DocumentNode<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const AssessmentScoresDocument = gql`
  query AssessmentScores($cycleId: ID!, $level: String) {
    assessmentScores(cycleId: $cycleId, level: $level) {
      unitCode
      unitName
      level
      parentCode
      rank
      score
      grade
      bonusApplied
      bonusRequested
      frozen
      resultSetVersion
      deductions {
        points
        reason
        taskId
      }
    }
  }
` as unknown as DocumentNode<AssessmentScoresQuery, AssessmentScoresQueryVariables>;
export const AssessmentPlanDocument = gql`
  query AssessmentPlan($cycleId: ID!) {
    assessmentPlan(cycleId: $cycleId) {
      ...AssessmentPlanFields
    }
  }
  ${AssessmentPlanFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentPlanQuery, AssessmentPlanQueryVariables>;
export const AssessmentSavePlanDocument = gql`
  mutation AssessmentSavePlan($input: SaveAssessmentPlanInput!) {
    saveAssessmentPlan(input: $input) {
      ...AssessmentPlanFields
    }
  }
  ${AssessmentPlanFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentSavePlanMutation, AssessmentSavePlanMutationVariables>;
export const AssessmentPlanDutiesDocument = gql`
  query AssessmentPlanDuties($versionId: ID!, $first: Int!, $offset: Int!) {
    duties(
      filter: { versionId: $versionId, tracked: true, governmentOnly: true }
      page: { first: $first, offset: $offset }
    ) {
      totalCount
      nodes {
        id
        lineageId
        subject
        article {
          id
          number
          title
          chapter {
            id
            number
            title
          }
        }
      }
    }
  }
` as unknown as DocumentNode<AssessmentPlanDutiesQuery, AssessmentPlanDutiesQueryVariables>;
export const AssessmentResultSetsDocument = gql`
  query AssessmentResultSets($cycleId: ID!) {
    assessmentResultSets(cycleId: $cycleId) {
      id
      version
      planVersion
      asOf
      closedAt
      closedBy
      closer {
        username
        label
      }
      units
      rowsSha256
      integrityOk
      reopenedAt
      reopenedBy
      reopener {
        username
        label
      }
      reopenReason
    }
  }
` as unknown as DocumentNode<AssessmentResultSetsQuery, AssessmentResultSetsQueryVariables>;
export const AssessmentCloseCycleDocument = gql`
  mutation AssessmentCloseCycle($cycleId: ID!) {
    closeCycle(cycleId: $cycleId) {
      id
      state
      closedAt
    }
  }
` as unknown as DocumentNode<AssessmentCloseCycleMutation, AssessmentCloseCycleMutationVariables>;
export const AssessmentReopenCycleDocument = gql`
  mutation AssessmentReopenCycle($cycleId: ID!, $reason: String!) {
    reopenCycle(cycleId: $cycleId, reason: $reason) {
      id
      state
      closedAt
    }
  }
` as unknown as DocumentNode<AssessmentReopenCycleMutation, AssessmentReopenCycleMutationVariables>;
export const AssessmentUnitsDocument = gql`
  query AssessmentUnits {
    adminUnits {
      code
      name
      level
      parentCode
      directlyAdministered
      kind
    }
  }
` as unknown as DocumentNode<AssessmentUnitsQuery, AssessmentUnitsQueryVariables>;
export const AssessmentUnitAdjustmentsDocument = gql`
  query AssessmentUnitAdjustments($cycleId: ID!, $unitCode: String!) {
    unitAssessment(cycleId: $cycleId, unitCode: $unitCode) {
      unitCode
      unitName
      score
      grade
      rank
      bonusApplied
      bonusRequested
      frozen
      adjustments {
        ...AssessmentAdjustmentFields
      }
    }
  }
  ${AssessmentAdjustmentFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentUnitAdjustmentsQuery,
  AssessmentUnitAdjustmentsQueryVariables
>;
export const AssessmentAddAdjustmentDocument = gql`
  mutation AssessmentAddAdjustment($input: AddAdjustmentInput!) {
    addAssessmentAdjustment(input: $input) {
      ...AssessmentAdjustmentFields
    }
  }
  ${AssessmentAdjustmentFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentAddAdjustmentMutation,
  AssessmentAddAdjustmentMutationVariables
>;
export const AssessmentRevokeAdjustmentDocument = gql`
  mutation AssessmentRevokeAdjustment($id: ID!, $reason: String!) {
    revokeAssessmentAdjustment(id: $id, reason: $reason) {
      ...AssessmentAdjustmentFields
    }
  }
  ${AssessmentAdjustmentFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentRevokeAdjustmentMutation,
  AssessmentRevokeAdjustmentMutationVariables
>;
export const AssessmentUnitMeasuresDocument = gql`
  query AssessmentUnitMeasures($cycleId: ID!, $unitCode: String!) {
    unitMeasureValues(cycleId: $cycleId, unitCode: $unitCode) {
      ...AssessmentUnitMeasureFields
    }
  }
  ${AssessmentUnitMeasureFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentUnitMeasuresQuery, AssessmentUnitMeasuresQueryVariables>;
export const UnitEvidenceChoicesDocument = gql`
  query UnitEvidenceChoices($cycleId: ID!, $unitCode: String!) {
    unitEvidenceChoices(cycleId: $cycleId, unitCode: $unitCode) {
      id
      fileName
      documentNumber
      withdrawn
    }
  }
` as unknown as DocumentNode<UnitEvidenceChoicesQuery, UnitEvidenceChoicesQueryVariables>;
export const AssessmentReportMeasureDocument = gql`
  mutation AssessmentReportMeasure($input: ReportMeasureInput!) {
    reportAssessmentMeasure(input: $input) {
      ...AssessmentUnitMeasureFields
    }
  }
  ${AssessmentUnitMeasureFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentReportMeasureMutation,
  AssessmentReportMeasureMutationVariables
>;
export const AssessmentAdjustMeasureDocument = gql`
  mutation AssessmentAdjustMeasure($input: AdjustMeasureInput!) {
    adjustAssessmentMeasure(input: $input) {
      ...AssessmentUnitMeasureFields
    }
  }
  ${AssessmentUnitMeasureFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentAdjustMeasureMutation,
  AssessmentAdjustMeasureMutationVariables
>;
export const AssessmentPublicationDocument = gql`
  query AssessmentPublication($cycleId: ID!) {
    assessmentPublication(cycleId: $cycleId) {
      ...AssessmentPublicationFields
      results {
        ...PublishedUnitResultFields
      }
    }
  }
  ${AssessmentPublicationFieldsFragmentDoc}
  ${PublishedUnitResultFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentPublicationQuery, AssessmentPublicationQueryVariables>;
export const AssessmentObjectionsDocument = gql`
  query AssessmentObjections($cycleId: ID!, $unitCode: String, $pendingOnly: Boolean) {
    assessmentObjections(cycleId: $cycleId, unitCode: $unitCode, pendingOnly: $pendingOnly) {
      ...AssessmentObjectionFields
    }
  }
  ${AssessmentObjectionFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentObjectionsQuery, AssessmentObjectionsQueryVariables>;
export const PublishAssessmentResultsDocument = gql`
  mutation PublishAssessmentResults($cycleId: ID!, $objectionClosesAt: DateTime!) {
    publishAssessmentResults(cycleId: $cycleId, objectionClosesAt: $objectionClosesAt) {
      ...AssessmentPublicationFields
    }
  }
  ${AssessmentPublicationFieldsFragmentDoc}
` as unknown as DocumentNode<
  PublishAssessmentResultsMutation,
  PublishAssessmentResultsMutationVariables
>;
export const FileAssessmentObjectionDocument = gql`
  mutation FileAssessmentObjection($input: FileAssessmentObjectionInput!) {
    fileAssessmentObjection(input: $input) {
      ...AssessmentObjectionFields
    }
  }
  ${AssessmentObjectionFieldsFragmentDoc}
` as unknown as DocumentNode<
  FileAssessmentObjectionMutation,
  FileAssessmentObjectionMutationVariables
>;
export const DecideAssessmentObjectionDocument = gql`
  mutation DecideAssessmentObjection($input: DecideAssessmentObjectionInput!) {
    decideAssessmentObjection(input: $input) {
      ...AssessmentObjectionFields
    }
  }
  ${AssessmentObjectionFieldsFragmentDoc}
` as unknown as DocumentNode<
  DecideAssessmentObjectionMutation,
  DecideAssessmentObjectionMutationVariables
>;
export const OnsiteSamplesDocument = gql`
  query OnsiteSamples($cycleId: ID!) {
    onsiteSamples(cycleId: $cycleId) {
      ...OnsiteSampleFields
    }
  }
  ${OnsiteSampleFieldsFragmentDoc}
` as unknown as DocumentNode<OnsiteSamplesQuery, OnsiteSamplesQueryVariables>;
export const OnsiteSampleDocument = gql`
  query OnsiteSample($id: ID!) {
    onsiteSample(id: $id) {
      ...OnsiteSampleFields
      items {
        ...OnsiteItemFields
      }
    }
  }
  ${OnsiteSampleFieldsFragmentDoc}
  ${OnsiteItemFieldsFragmentDoc}
` as unknown as DocumentNode<OnsiteSampleQuery, OnsiteSampleQueryVariables>;
export const DrawOnsiteSampleDocument = gql`
  mutation DrawOnsiteSample($input: DrawOnsiteSampleInput!) {
    drawOnsiteSample(input: $input) {
      ...OnsiteSampleFields
    }
  }
  ${OnsiteSampleFieldsFragmentDoc}
` as unknown as DocumentNode<DrawOnsiteSampleMutation, DrawOnsiteSampleMutationVariables>;
export const RecordOnsiteFindingDocument = gql`
  mutation RecordOnsiteFinding($input: RecordOnsiteFindingInput!) {
    recordOnsiteFinding(input: $input) {
      ...OnsiteItemFields
    }
  }
  ${OnsiteItemFieldsFragmentDoc}
` as unknown as DocumentNode<RecordOnsiteFindingMutation, RecordOnsiteFindingMutationVariables>;
export const CloseOnsiteVerificationDocument = gql`
  mutation CloseOnsiteVerification($sampleId: ID!) {
    closeOnsiteVerification(sampleId: $sampleId) {
      ...OnsiteSampleFields
    }
  }
  ${OnsiteSampleFieldsFragmentDoc}
` as unknown as DocumentNode<
  CloseOnsiteVerificationMutation,
  CloseOnsiteVerificationMutationVariables
>;
export const AssessmentStageScheduleDocument = gql`
  query AssessmentStageSchedule($cycleId: ID!) {
    assessmentStageSchedule(cycleId: $cycleId) {
      stage
      opensAt
      closesAt
    }
  }
` as unknown as DocumentNode<AssessmentStageScheduleQuery, AssessmentStageScheduleQueryVariables>;
export const SetAssessmentStageScheduleDocument = gql`
  mutation SetAssessmentStageSchedule($input: SetAssessmentStageScheduleInput!) {
    setAssessmentStageSchedule(input: $input) {
      stage
      opensAt
      closesAt
    }
  }
` as unknown as DocumentNode<
  SetAssessmentStageScheduleMutation,
  SetAssessmentStageScheduleMutationVariables
>;
export const UnitStageAssessmentDocument = gql`
  query UnitStageAssessment($cycleId: ID!, $unitCode: String!) {
    unitStageAssessment(cycleId: $cycleId, unitCode: $unitCode) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<UnitStageAssessmentQuery, UnitStageAssessmentQueryVariables>;
export const StageAssessmentUnitsDocument = gql`
  query StageAssessmentUnits($cycleId: ID!) {
    stageAssessmentUnits(cycleId: $cycleId) {
      unitCode
      unitName
      level
      parentCode
      status
      submittedAt
      late
      returnCount
      finalScore
    }
  }
` as unknown as DocumentNode<StageAssessmentUnitsQuery, StageAssessmentUnitsQueryVariables>;
export const SaveSelfAssessmentDocument = gql`
  mutation SaveSelfAssessment($input: SaveSelfAssessmentInput!) {
    saveSelfAssessment(input: $input) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<SaveSelfAssessmentMutation, SaveSelfAssessmentMutationVariables>;
export const SubmitSelfAssessmentDocument = gql`
  mutation SubmitSelfAssessment($input: UnitStageInput!) {
    submitSelfAssessment(input: $input) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<SubmitSelfAssessmentMutation, SubmitSelfAssessmentMutationVariables>;
export const PreliminaryReviewScoreDocument = gql`
  mutation PreliminaryReviewScore($input: StageReviewScoreInput!) {
    preliminaryReviewScore(input: $input) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<
  PreliminaryReviewScoreMutation,
  PreliminaryReviewScoreMutationVariables
>;
export const ReturnSelfAssessmentDocument = gql`
  mutation ReturnSelfAssessment($input: ReturnSelfAssessmentInput!) {
    returnSelfAssessment(input: $input) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<ReturnSelfAssessmentMutation, ReturnSelfAssessmentMutationVariables>;
export const ProvincialReviewScoreDocument = gql`
  mutation ProvincialReviewScore($input: StageReviewScoreInput!) {
    provincialReviewScore(input: $input) {
      ...UnitStageAssessmentFields
    }
  }
  ${UnitStageAssessmentFieldsFragmentDoc}
` as unknown as DocumentNode<ProvincialReviewScoreMutation, ProvincialReviewScoreMutationVariables>;
export const AssessmentUnitYearOverYearDocument = gql`
  query AssessmentUnitYearOverYear($cycleId: ID!, $unitCode: String!, $years: Int) {
    unitYearOverYear(cycleId: $cycleId, unitCode: $unitCode, years: $years) {
      unitCode
      unitName
      level
      periods {
        ...AssessmentPeriodFields
      }
      points {
        year
        source
        score
        rank
        level
        grade
        completion
      }
      scoreChange
      rankChange
      completionChange
      previousGrade
      indicators {
        indicatorId
        name
        scoreChange
        completionChange
        points {
          year
          score
          marks
          completion
        }
      }
    }
  }
  ${AssessmentPeriodFieldsFragmentDoc}
` as unknown as DocumentNode<
  AssessmentUnitYearOverYearQuery,
  AssessmentUnitYearOverYearQueryVariables
>;
export const AssessmentYearOverYearDocument = gql`
  query AssessmentYearOverYear($cycleId: ID!, $level: String) {
    assessmentYearOverYear(cycleId: $cycleId, level: $level) {
      year
      current {
        ...AssessmentPeriodFields
      }
      previous {
        ...AssessmentPeriodFields
      }
      rows {
        unitCode
        unitName
        level
        parentCode
        score
        rank
        grade
        completion
        previousScore
        previousRank
        previousGrade
        previousCompletion
        scoreChange
        rankChange
        completionChange
      }
    }
  }
  ${AssessmentPeriodFieldsFragmentDoc}
` as unknown as DocumentNode<AssessmentYearOverYearQuery, AssessmentYearOverYearQueryVariables>;
export const AssessmentHistoryImportsDocument = gql`
  query AssessmentHistoryImports {
    assessmentHistoryImports {
      id
      year
      sourceFileName
      sourceSha256
      rowCount
      unitCount
      importedBy
      importedAt
    }
  }
` as unknown as DocumentNode<AssessmentHistoryImportsQuery, AssessmentHistoryImportsQueryVariables>;
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
export const MySecondFactorDocument = gql`
  query MySecondFactor {
    mySecondFactor {
      enabled
      required
      enabledAt
      recoveryCodesRemaining
    }
  }
` as unknown as DocumentNode<MySecondFactorQuery, MySecondFactorQueryVariables>;
export const VerifySecondFactorDocument = gql`
  mutation VerifySecondFactor($input: SecondFactorCodeInput!) {
    verifySecondFactor(input: $input) {
      ...CurrentUserFields
    }
  }
  ${CurrentUserFieldsFragmentDoc}
` as unknown as DocumentNode<VerifySecondFactorMutation, VerifySecondFactorMutationVariables>;
export const BeginTotpEnrolmentDocument = gql`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment {
      secret
      otpauthUri
      issuer
      account
    }
  }
` as unknown as DocumentNode<BeginTotpEnrolmentMutation, BeginTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentDocument = gql`
  mutation ConfirmTotpEnrolment($input: SecondFactorCodeInput!) {
    confirmTotpEnrolment(input: $input) {
      codes
    }
  }
` as unknown as DocumentNode<ConfirmTotpEnrolmentMutation, ConfirmTotpEnrolmentMutationVariables>;
export const DisableTotpDocument = gql`
  mutation DisableTotp($input: SecondFactorCodeInput!) {
    disableTotp(input: $input) {
      enabled
      required
      enabledAt
      recoveryCodesRemaining
    }
  }
` as unknown as DocumentNode<DisableTotpMutation, DisableTotpMutationVariables>;
export const RegenerateRecoveryCodesDocument = gql`
  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {
    regenerateRecoveryCodes(input: $input) {
      codes
    }
  }
` as unknown as DocumentNode<
  RegenerateRecoveryCodesMutation,
  RegenerateRecoveryCodesMutationVariables
>;
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
export const SignInOptionsDocument = gql`
  query SignInOptions {
    signInOptions {
      oidcEnabled
      oidcLoginPath
      oidcButtonLabel
      passwordSignIn
    }
  }
` as unknown as DocumentNode<SignInOptionsQuery, SignInOptionsQueryVariables>;
export const BulletinsDocument = gql`
  query Bulletins($filter: BulletinFilterInput) {
    bulletins(filter: $filter) {
      ...BulletinListFields
    }
  }
  ${BulletinListFieldsFragmentDoc}
` as unknown as DocumentNode<BulletinsQuery, BulletinsQueryVariables>;
export const BulletinDocument = gql`
  query Bulletin($id: ID!) {
    bulletin(id: $id) {
      ...BulletinFields
    }
  }
  ${BulletinFieldsFragmentDoc}
` as unknown as DocumentNode<BulletinQuery, BulletinQueryVariables>;
export const BulletinGoodPracticeCandidatesDocument = gql`
  query BulletinGoodPracticeCandidates($cycleId: ID!, $scopeUnitCode: String) {
    bulletinGoodPracticeCandidates(cycleId: $cycleId, scopeUnitCode: $scopeUnitCode) {
      taskId
      unitName
      article
      subject
      department
      verifiedOn
      progressNote
      evidenceCount
    }
  }
` as unknown as DocumentNode<
  BulletinGoodPracticeCandidatesQuery,
  BulletinGoodPracticeCandidatesQueryVariables
>;
export const BulletinPrefecturesDocument = gql`
  query BulletinPrefectures {
    adminUnits(level: PREFECTURE) {
      code
      name
      level
    }
  }
` as unknown as DocumentNode<BulletinPrefecturesQuery, BulletinPrefecturesQueryVariables>;
export const GenerateBulletinDocument = gql`
  mutation GenerateBulletin($input: GenerateBulletinInput!) {
    generateBulletin(input: $input) {
      ...BulletinFields
    }
  }
  ${BulletinFieldsFragmentDoc}
` as unknown as DocumentNode<GenerateBulletinMutation, GenerateBulletinMutationVariables>;
export const UpdateBulletinDraftDocument = gql`
  mutation UpdateBulletinDraft($input: UpdateBulletinDraftInput!) {
    updateBulletinDraft(input: $input) {
      ...BulletinFields
    }
  }
  ${BulletinFieldsFragmentDoc}
` as unknown as DocumentNode<UpdateBulletinDraftMutation, UpdateBulletinDraftMutationVariables>;
export const PublishBulletinDocument = gql`
  mutation PublishBulletin($id: ID!, $expectedRowVersion: Int!) {
    publishBulletin(id: $id, expectedRowVersion: $expectedRowVersion) {
      ...BulletinFields
    }
  }
  ${BulletinFieldsFragmentDoc}
` as unknown as DocumentNode<PublishBulletinMutation, PublishBulletinMutationVariables>;
export const DeleteBulletinDraftDocument = gql`
  mutation DeleteBulletinDraft($id: ID!, $expectedRowVersion: Int!) {
    deleteBulletinDraft(id: $id, expectedRowVersion: $expectedRowVersion)
  }
` as unknown as DocumentNode<DeleteBulletinDraftMutation, DeleteBulletinDraftMutationVariables>;
export const CycleAdminRegulationsDocument = gql`
  query CycleAdminRegulations {
    regulations {
      id
      code
      title
      latestVersion {
        id
      }
      versions {
        id
        versionNumber
        status
      }
    }
  }
` as unknown as DocumentNode<CycleAdminRegulationsQuery, CycleAdminRegulationsQueryVariables>;
export const CycleVersionDutiesDocument = gql`
  query CycleVersionDuties($versionId: ID!) {
    duties(
      filter: { versionId: $versionId, tracked: true, governmentOnly: true }
      page: { first: 500 }
    ) {
      totalCount
      nodes {
        id
        lineageId
        text
        article {
          id
          number
        }
      }
    }
  }
` as unknown as DocumentNode<CycleVersionDutiesQuery, CycleVersionDutiesQueryVariables>;
export const CycleRegenerationPreviewDocument = gql`
  query CycleRegenerationPreview($cycleId: ID!) {
    cycleRegenerationPreview(cycleId: $cycleId) {
      cycleId
      followed
      leadsFollowed
      created
      retired
      restored
      total
      added {
        ...CycleDutyChangeFields
      }
      retiring {
        ...CycleDutyChangeFields
      }
      restoring {
        ...CycleDutyChangeFields
      }
      leadChanges {
        dutyId
        lineageId
        articleNumber
        text
        fromDepartment
        toDepartment
        tasks
      }
    }
  }
  ${CycleDutyChangeFieldsFragmentDoc}
` as unknown as DocumentNode<CycleRegenerationPreviewQuery, CycleRegenerationPreviewQueryVariables>;
export const CycleDutyDueDatesDocument = gql`
  query CycleDutyDueDates($cycleId: ID!) {
    cycleDutyDueDates(cycleId: $cycleId) {
      dutyLineageId
      dueDate
      dutyId
      articleNumber
      text
      tasks
      extended
    }
  }
` as unknown as DocumentNode<CycleDutyDueDatesQuery, CycleDutyDueDatesQueryVariables>;
export const SetCycleDutyDueDateDocument = gql`
  mutation SetCycleDutyDueDate($cycleId: ID!, $dutyLineageId: ID!, $dueDate: String!) {
    setCycleDutyDueDate(cycleId: $cycleId, dutyLineageId: $dutyLineageId, dueDate: $dueDate)
  }
` as unknown as DocumentNode<SetCycleDutyDueDateMutation, SetCycleDutyDueDateMutationVariables>;
export const RemoveCycleDutyDueDateDocument = gql`
  mutation RemoveCycleDutyDueDate($cycleId: ID!, $dutyLineageId: ID!) {
    removeCycleDutyDueDate(cycleId: $cycleId, dutyLineageId: $dutyLineageId)
  }
` as unknown as DocumentNode<
  RemoveCycleDutyDueDateMutation,
  RemoveCycleDutyDueDateMutationVariables
>;
export const EvidenceUnitsDocument = gql`
  query EvidenceUnits {
    adminUnits {
      code
      name
      level
      parentCode
      directlyAdministered
    }
  }
` as unknown as DocumentNode<EvidenceUnitsQuery, EvidenceUnitsQueryVariables>;
export const EvidenceFilesDocument = gql`
  query EvidenceFiles($filter: EvidenceFilterInput, $first: Int!, $offset: Int!) {
    evidenceFiles(filter: $filter, first: $first, offset: $offset) {
      totalCount
      nodes {
        ...EvidenceFileFields
        uploader {
          username
          label
        }
        withdrawer {
          username
          label
        }
      }
    }
  }
  ${EvidenceFileFieldsFragmentDoc}
` as unknown as DocumentNode<EvidenceFilesQuery, EvidenceFilesQueryVariables>;
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
export const MapUnitAnalyticsDocument = gql`
  query MapUnitAnalytics($cycleId: ID!) {
    unitAnalytics(cycleId: $cycleId) {
      unit {
        code
        name
        level
        parentCode
        directlyAdministered
      }
      tasks
      verified
      overdue
      completionRate
      withChildren {
        tasks
        verified
        overdue
        completionRate
      }
    }
  }
` as unknown as DocumentNode<MapUnitAnalyticsQuery, MapUnitAnalyticsQueryVariables>;
export const MapScoresDocument = gql`
  query MapScores($cycleId: ID!) {
    assessmentScores(cycleId: $cycleId) {
      unitCode
      score
      grade
      rank
    }
    assessmentPlan(cycleId: $cycleId) {
      bands {
        grade
        min
      }
    }
  }
` as unknown as DocumentNode<MapScoresQuery, MapScoresQueryVariables>;
export const MapUrgingCountsDocument = gql`
  query MapUrgingCounts($cycleId: ID!) {
    urgingCountsByUnit(cycleId: $cycleId) {
      unitCode
      blue
      orange
      red
    }
  }
` as unknown as DocumentNode<MapUrgingCountsQuery, MapUrgingCountsQueryVariables>;
export const NotificationUnreadCountDocument = gql`
  query NotificationUnreadCount {
    unreadNotificationCount
  }
` as unknown as DocumentNode<NotificationUnreadCountQuery, NotificationUnreadCountQueryVariables>;
export const NotificationListDocument = gql`
  query NotificationList($filter: NotificationFilterInput, $page: PageInput) {
    myNotifications(filter: $filter, page: $page) {
      total
      unread
      items {
        ...NotificationFields
      }
    }
  }
  ${NotificationFieldsFragmentDoc}
` as unknown as DocumentNode<NotificationListQuery, NotificationListQueryVariables>;
export const NotificationMarkReadDocument = gql`
  mutation NotificationMarkRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
` as unknown as DocumentNode<NotificationMarkReadMutation, NotificationMarkReadMutationVariables>;
export const NotificationMarkAllReadDocument = gql`
  mutation NotificationMarkAllRead {
    markAllNotificationsRead
  }
` as unknown as DocumentNode<
  NotificationMarkAllReadMutation,
  NotificationMarkAllReadMutationVariables
>;
export const NotificationSettingsDocument = gql`
  query NotificationSettings {
    myNotificationSettings {
      ...NotificationSettingsFields
    }
  }
  ${NotificationSettingsFieldsFragmentDoc}
` as unknown as DocumentNode<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const NotificationUpdateSettingsDocument = gql`
  mutation NotificationUpdateSettings($input: UpdateNotificationSettingsInput!) {
    updateMyNotificationSettings(input: $input) {
      ...NotificationSettingsFields
    }
  }
  ${NotificationSettingsFieldsFragmentDoc}
` as unknown as DocumentNode<
  NotificationUpdateSettingsMutation,
  NotificationUpdateSettingsMutationVariables
>;
export const NotificationDeliveryLogDocument = gql`
  query NotificationDeliveryLog($filter: NotificationDeliveryFilterInput, $page: PageInput) {
    notificationDeliveries(filter: $filter, page: $page) {
      total
      counts {
        status
        count
      }
      items {
        id
        notificationId
        recipientUsername
        recipient {
          username
          label
          human
        }
        kind
        channel
        target
        status
        attempts
        nextAttemptAt
        lastError
        deliveredAt
        createdAt
      }
    }
  }
` as unknown as DocumentNode<NotificationDeliveryLogQuery, NotificationDeliveryLogQueryVariables>;
export const NotificationRetryDeliveryDocument = gql`
  mutation NotificationRetryDelivery($id: ID!) {
    retryNotificationDelivery(id: $id) {
      id
      status
      attempts
    }
  }
` as unknown as DocumentNode<
  NotificationRetryDeliveryMutation,
  NotificationRetryDeliveryMutationVariables
>;
export const OverviewSummaryDocument = gql`
  query OverviewSummary($cycleId: ID!, $unitCode: String) {
    analyticsSummary(cycleId: $cycleId, unitCode: $unitCode) {
      tasks
      verified
      submitted
      inProgress
      notStarted
      returned
      overdue
      completionRate
      submissionRate
      evidenceCount
      unitsBehindSchedule
      daysLeft
      elapsedFraction
    }
  }
` as unknown as DocumentNode<OverviewSummaryQuery, OverviewSummaryQueryVariables>;
export const OverviewUnitAnalyticsDocument = gql`
  query OverviewUnitAnalytics($cycleId: ID!, $level: String, $parentCode: String) {
    unitAnalytics(cycleId: $cycleId, level: $level, parentCode: $parentCode) {
      unit {
        code
        name
        level
        parentCode
        directlyAdministered
      }
      tasks
      verified
      overdue
      evidenceCount
      completionRate
      withChildren {
        tasks
        verified
        overdue
        evidenceCount
        completionRate
      }
    }
  }
` as unknown as DocumentNode<OverviewUnitAnalyticsQuery, OverviewUnitAnalyticsQueryVariables>;
export const OverviewMatrixDocument = gql`
  query OverviewMatrix($cycleId: ID!, $parentCode: String) {
    chapterUnitMatrix(cycleId: $cycleId, parentCode: $parentCode) {
      chapter
      chapterTitle
      unitCode
      unitName
      tasks
      verified
      completionRate
    }
  }
` as unknown as DocumentNode<OverviewMatrixQuery, OverviewMatrixQueryVariables>;
export const OverviewTrendDocument = gql`
  query OverviewTrend($cycleId: ID!, $unitCode: String) {
    completionTrend(cycleId: $cycleId, unitCode: $unitCode) {
      date
      tasks
      verified
      completionRate
    }
  }
` as unknown as DocumentNode<OverviewTrendQuery, OverviewTrendQueryVariables>;
export const OverviewScoresDocument = gql`
  query OverviewScores($cycleId: ID!, $level: String) {
    assessmentScores(cycleId: $cycleId, level: $level) {
      unitCode
      unitName
      level
      parentCode
      score
      grade
      rank
      frozen
    }
  }
` as unknown as DocumentNode<OverviewScoresQuery, OverviewScoresQueryVariables>;
export const OverviewBehindScheduleDocument = gql`
  query OverviewBehindSchedule($cycleId: ID!) {
    behindSchedule(cycleId: $cycleId) {
      unit {
        code
        name
        level
        parentCode
        directlyAdministered
      }
      tasks
      verified
      completionRate
      expected
      gap
    }
  }
` as unknown as DocumentNode<OverviewBehindScheduleQuery, OverviewBehindScheduleQueryVariables>;
export const OverviewOverdueTasksDocument = gql`
  query OverviewOverdueTasks($filter: TaskFilterInput!, $first: Int!) {
    tasks(filter: $filter, first: $first, sort: DUE_DATE) {
      totalCount
      nodes {
        id
        status
        dueDate
        unit {
          code
          name
        }
        article {
          id
          number
          title
        }
        duty {
          id
          subject
        }
        leadDepartment {
          id
          name
        }
      }
    }
  }
` as unknown as DocumentNode<OverviewOverdueTasksQuery, OverviewOverdueTasksQueryVariables>;
export const OverviewPrefecturesDocument = gql`
  query OverviewPrefectures {
    adminUnits(level: PREFECTURE) {
      code
      name
      level
      parentCode
      directlyAdministered
    }
  }
` as unknown as DocumentNode<OverviewPrefecturesQuery, OverviewPrefecturesQueryVariables>;
export const RegisterCyclesDocument = gql`
  query RegisterCycles {
    cycles {
      id
      title
      year
      state
      startDate
      dueDate
      closedAt
      regulationVersionId
      regulationTitle
      regulationCode
      taskCount
      provinceCode
      province {
        code
        name
      }
    }
  }
` as unknown as DocumentNode<RegisterCyclesQuery, RegisterCyclesQueryVariables>;
export const OpenCycleProvincesDocument = gql`
  query OpenCycleProvinces {
    adminUnits(level: PROVINCE) {
      code
      name
    }
  }
` as unknown as DocumentNode<OpenCycleProvincesQuery, OpenCycleProvincesQueryVariables>;
export const RegisterCreateCycleDocument = gql`
  mutation RegisterCreateCycle($input: CreateCycleInput!, $dutyDueDates: [CycleDutyDueDateInput!]) {
    createCycle(input: $input, dutyDueDates: $dutyDueDates) {
      cycle {
        id
        title
        year
        state
        startDate
        dueDate
        closedAt
        regulationVersionId
        regulationTitle
        regulationCode
        taskCount
        provinceCode
        province {
          code
          name
        }
        tasksByLevel {
          level
          count
        }
      }
      generation {
        created
        total
      }
    }
  }
` as unknown as DocumentNode<RegisterCreateCycleMutation, RegisterCreateCycleMutationVariables>;
export const RegisterRegenerateCycleTasksDocument = gql`
  mutation RegisterRegenerateCycleTasks($cycleId: ID!) {
    regenerateCycleTasks(cycleId: $cycleId) {
      leadsFollowed
      created
      retired
      restored
      total
    }
  }
` as unknown as DocumentNode<
  RegisterRegenerateCycleTasksMutation,
  RegisterRegenerateCycleTasksMutationVariables
>;
export const RegisterMoveCycleToVersionDocument = gql`
  mutation RegisterMoveCycleToVersion($cycleId: ID!, $versionId: ID!) {
    moveCycleToVersion(cycleId: $cycleId, versionId: $versionId) {
      cycle {
        id
        regulationVersionId
        taskCount
      }
      followed
      generation {
        created
        retired
        restored
        total
      }
    }
  }
` as unknown as DocumentNode<
  RegisterMoveCycleToVersionMutation,
  RegisterMoveCycleToVersionMutationVariables
>;
export const RegisterDutyMappingsDocument = gql`
  query RegisterDutyMappings($versionId: ID!) {
    dutyMappingSuggestions(versionId: $versionId) {
      ...RegisterMappingFields
    }
  }
  ${RegisterMappingFieldsFragmentDoc}
` as unknown as DocumentNode<RegisterDutyMappingsQuery, RegisterDutyMappingsQueryVariables>;
export const RegisterDecideDutyMappingDocument = gql`
  mutation RegisterDecideDutyMapping($input: DecideDutyMappingInput!) {
    decideDutyMapping(input: $input) {
      ...RegisterMappingFields
    }
  }
  ${RegisterMappingFieldsFragmentDoc}
` as unknown as DocumentNode<
  RegisterDecideDutyMappingMutation,
  RegisterDecideDutyMappingMutationVariables
>;
export const RegulationLibraryDocument = gql`
  query RegulationLibrary {
    regulations {
      id
      code
      title
      ownerProvinceCode
      ownerProvince {
        code
        name
      }
      textKind
      latestStatus
      versionCount
      dutyCount
      trackedDutyCount
      needsReviewCount
      openCycleCount
      pendingMappings
    }
  }
` as unknown as DocumentNode<RegulationLibraryQuery, RegulationLibraryQueryVariables>;
export const RegisterRegulationDocument = gql`
  query RegisterRegulation($code: String!) {
    regulation(code: $code) {
      id
      code
      title
      latestVersion {
        id
        textKind
        textContextExplanation
      }
      versions {
        id
        versionNumber
        title
        status
        effectiveDate
        importedAt
        importedBy
        importer {
          username
          label
          human
        }
      }
    }
  }
` as unknown as DocumentNode<RegisterRegulationQuery, RegisterRegulationQueryVariables>;
export const RegisterVersionDocument = gql`
  query RegisterVersion($id: ID!) {
    regulationVersion(id: $id) {
      id
      title
      versionNumber
      status
      chapters {
        id
        number
        title
        articles {
          id
          number
          title
          paragraphs {
            id
            number
            text
            items {
              id
              number
              marker
              text
            }
            duties {
              ...RegisterDutyFields
            }
          }
        }
      }
    }
  }
  ${RegisterDutyFieldsFragmentDoc}
` as unknown as DocumentNode<RegisterVersionQuery, RegisterVersionQueryVariables>;
export const RegisterDepartmentKindsDocument = gql`
  query RegisterDepartmentKinds {
    departmentKinds {
      code
      name
    }
  }
` as unknown as DocumentNode<RegisterDepartmentKindsQuery, RegisterDepartmentKindsQueryVariables>;
export const RegisterVersionDiffDocument = gql`
  query RegisterVersionDiff($versionId: ID!) {
    regulationVersionDiff(versionId: $versionId) {
      from {
        id
        versionNumber
        title
      }
      to {
        id
        versionNumber
        title
      }
      changes {
        kind
        from
        to
        title
        sources
        similarity
      }
    }
  }
` as unknown as DocumentNode<RegisterVersionDiffQuery, RegisterVersionDiffQueryVariables>;
export const RegisterArticleRedlineDocument = gql`
  query RegisterArticleRedline($versionId: ID!, $from: [Int!]!, $to: Int!) {
    articleRedline(versionId: $versionId, from: $from, to: $to) {
      from
      to
      segments {
        op
        text
      }
    }
  }
` as unknown as DocumentNode<RegisterArticleRedlineQuery, RegisterArticleRedlineQueryVariables>;
export const RegisterReviewDutyDocument = gql`
  mutation RegisterReviewDuty($input: ReviewDutyInput!) {
    reviewDuty(input: $input) {
      ...RegisterDutyFields
      tasksFollowedLead
    }
  }
  ${RegisterDutyFieldsFragmentDoc}
` as unknown as DocumentNode<RegisterReviewDutyMutation, RegisterReviewDutyMutationVariables>;
export const ReviewQueueDocument = gql`
  query ReviewQueue(
    $filter: TaskFilterInput!
    $first: Int!
    $offset: Int!
    $direction: SortDirection!
  ) {
    tasks(
      filter: $filter
      first: $first
      offset: $offset
      sort: SUBMITTED_AT
      direction: $direction
    ) {
      cycleId
      totalCount
      nodes {
        id
        rowVersion
        status
        submittedAt
        submitter {
          username
          label
        }
        returnCount
        unit {
          code
          name
        }
        article {
          id
          number
        }
        duty {
          id
          subject
          text
        }
        leadDepartment {
          id
          name
        }
      }
    }
  }
` as unknown as DocumentNode<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewTaskDocument = gql`
  query ReviewTask($id: ID!) {
    task(id: $id) {
      id
      rowVersion
      status
      updatedAt
      updatedBy
      submittedAt
      submitter {
        username
        label
      }
      dueDate
      overdue
      returnCount
      progressNote
      measures
      unit {
        code
        name
      }
      article {
        id
        number
        title
      }
      duty {
        id
        subject
        text
        actorText
        paragraphNumber
        itemNumber
      }
      leadDepartment {
        id
        name
      }
      assists {
        departmentId
        contributionNote
        department {
          id
          name
        }
      }
      evidence {
        ...EvidenceFileFields
      }
    }
  }
  ${EvidenceFileFieldsFragmentDoc}
` as unknown as DocumentNode<ReviewTaskQuery, ReviewTaskQueryVariables>;
export const ReviewDecideDocument = gql`
  mutation ReviewDecide($input: TaskChangeInput!) {
    updateTask(input: $input) {
      id
      status
      rowVersion
      updatedAt
      updatedBy
    }
  }
` as unknown as DocumentNode<ReviewDecideMutation, ReviewDecideMutationVariables>;
export const ReviewBulkDecideDocument = gql`
  mutation ReviewBulkDecide($input: BulkTaskChangeInput!) {
    bulkUpdateTasks(input: $input) {
      id
      status
      rowVersion
      updatedAt
      updatedBy
    }
  }
` as unknown as DocumentNode<ReviewBulkDecideMutation, ReviewBulkDecideMutationVariables>;
export const SystemSearchTasksDocument = gql`
  query SystemSearchTasks($filter: TaskFilterInput!, $first: Int!) {
    tasks(filter: $filter, first: $first, sort: UPDATED_AT, direction: DESC) {
      totalCount
      nodes {
        id
        status
        unit {
          code
          name
        }
        article {
          id
          number
        }
        duty {
          id
          subject
          text
        }
        leadDepartment {
          id
          name
        }
      }
    }
  }
` as unknown as DocumentNode<SystemSearchTasksQuery, SystemSearchTasksQueryVariables>;
export const SystemSearchDutiesDocument = gql`
  query SystemSearchDuties($filter: DutyFilterInput!, $page: PageInput!) {
    duties(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        subject
        text
        tracked
        article {
          id
          number
          chapter {
            id
            number
          }
        }
        version {
          id
          regulationId
          title
        }
      }
    }
    regulations {
      id
      code
    }
  }
` as unknown as DocumentNode<SystemSearchDutiesQuery, SystemSearchDutiesQueryVariables>;
export const SystemSearchUnitsDocument = gql`
  query SystemSearchUnits {
    adminUnits {
      code
      name
      level
      parentCode
    }
  }
` as unknown as DocumentNode<SystemSearchUnitsQuery, SystemSearchUnitsQueryVariables>;
export const SecurityAuditLogDocument = gql`
  query SecurityAuditLog($filter: SecurityAuditFilterInput, $page: PageInput) {
    securityAuditLog(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        occurredAt
        actorUsername
        actor {
          username
          label
          human
        }
        action
        target
        targets {
          kind
          id
          name
        }
        result
        ip
        detail
      }
    }
  }
` as unknown as DocumentNode<SecurityAuditLogQuery, SecurityAuditLogQueryVariables>;
export const TaskLogEventsDocument = gql`
  query TaskLogEvents($filter: TaskEventFilterInput, $first: Int!, $after: String) {
    taskEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...TaskLogEvent
      }
    }
  }
  ${TaskLogEventFragmentDoc}
` as unknown as DocumentNode<TaskLogEventsQuery, TaskLogEventsQueryVariables>;
export const TaskLogUnitsDocument = gql`
  query TaskLogUnits {
    adminUnits {
      code
      name
      level
      parentCode
    }
  }
` as unknown as DocumentNode<TaskLogUnitsQuery, TaskLogUnitsQueryVariables>;
export const TaskCommentsDiscussionDocument = gql`
  query TaskCommentsDiscussion($taskId: ID!) {
    taskDiscussion(taskId: $taskId) {
      taskId
      canComment
      canInstruct
      canAttachEvidence
      mentionableUnits {
        code
        name
        level
      }
      comments {
        ...TaskCommentFields
      }
    }
  }
  ${TaskCommentFieldsFragmentDoc}
` as unknown as DocumentNode<TaskCommentsDiscussionQuery, TaskCommentsDiscussionQueryVariables>;
export const TaskCommentsAddDocument = gql`
  mutation TaskCommentsAdd($input: AddTaskCommentInput!) {
    addTaskComment(input: $input) {
      ...TaskCommentFields
    }
  }
  ${TaskCommentFieldsFragmentDoc}
` as unknown as DocumentNode<TaskCommentsAddMutation, TaskCommentsAddMutationVariables>;
export const NotApplicableStateDocument = gql`
  query NotApplicableState($taskId: ID!) {
    taskApplicability(taskId: $taskId) {
      taskId
      status
      canRequest
      canDecide
      canRevoke
      requests {
        ...NotApplicableRequestFields
      }
    }
  }
  ${NotApplicableRequestFieldsFragmentDoc}
` as unknown as DocumentNode<NotApplicableStateQuery, NotApplicableStateQueryVariables>;
export const NotApplicableRequestDocument = gql`
  mutation NotApplicableRequest($input: RequestNotApplicableInput!) {
    requestNotApplicable(input: $input) {
      ...NotApplicableRequestFields
    }
  }
  ${NotApplicableRequestFieldsFragmentDoc}
` as unknown as DocumentNode<NotApplicableRequestMutation, NotApplicableRequestMutationVariables>;
export const NotApplicableDecideDocument = gql`
  mutation NotApplicableDecide($input: DecideNotApplicableInput!) {
    decideNotApplicable(input: $input) {
      ...NotApplicableRequestFields
    }
  }
  ${NotApplicableRequestFieldsFragmentDoc}
` as unknown as DocumentNode<NotApplicableDecideMutation, NotApplicableDecideMutationVariables>;
export const NotApplicableRevokeDocument = gql`
  mutation NotApplicableRevoke($input: RevokeNotApplicableInput!) {
    revokeNotApplicable(input: $input) {
      ...NotApplicableRequestFields
    }
  }
  ${NotApplicableRequestFieldsFragmentDoc}
` as unknown as DocumentNode<NotApplicableRevokeMutation, NotApplicableRevokeMutationVariables>;
export const AcknowledgeTasksDocument = gql`
  mutation AcknowledgeTasks($ids: [ID!]!) {
    acknowledgeTasks(input: { taskIds: $ids }) {
      id
      rowVersion
      acknowledgedAt
      acknowledgedBy
      acknowledger {
        username
        label
      }
    }
  }
` as unknown as DocumentNode<AcknowledgeTasksMutation, AcknowledgeTasksMutationVariables>;
export const AcknowledgeCountsDocument = gql`
  query AcknowledgeCounts($cycleId: ID!) {
    unacknowledgedTaskCounts(cycleId: $cycleId) {
      unitCode
      unitName
      parentCode
      count
      oldestCreatedAt
    }
  }
` as unknown as DocumentNode<AcknowledgeCountsQuery, AcknowledgeCountsQueryVariables>;
export const ReassignTaskStateDocument = gql`
  query ReassignTaskState($id: ID!) {
    task(id: $id) {
      ...ReassignTaskFields
    }
  }
  ${ReassignTaskFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignTaskStateQuery, ReassignTaskStateQueryVariables>;
export const ReassignTargetsDocument = gql`
  query ReassignTargets($taskId: ID!) {
    reassignmentTargets(taskId: $taskId) {
      id
      name
      kindCode
      assisting
    }
  }
` as unknown as DocumentNode<ReassignTargetsQuery, ReassignTargetsQueryVariables>;
export const ReassignRequestDocument = gql`
  mutation ReassignRequest($input: RequestReassignmentInput!) {
    requestTaskReassignment(input: $input) {
      ...ReassignRecordFields
    }
  }
  ${ReassignRecordFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignRequestMutation, ReassignRequestMutationVariables>;
export const ReassignDecideDocument = gql`
  mutation ReassignDecide($input: DecideReassignmentInput!) {
    decideTaskReassignment(input: $input) {
      ...ReassignRecordFields
    }
  }
  ${ReassignRecordFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignDecideMutation, ReassignDecideMutationVariables>;
export const ReassignDirectDocument = gql`
  mutation ReassignDirect($input: ReassignTaskInput!) {
    reassignTask(input: $input) {
      ...ReassignRecordFields
    }
  }
  ${ReassignRecordFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignDirectMutation, ReassignDirectMutationVariables>;
export const ReassignPendingDocument = gql`
  query ReassignPending($cycleId: ID) {
    pendingTaskReassignments(cycleId: $cycleId) {
      ...ReassignRecordFields
      task {
        id
        unit {
          code
          name
        }
        duty {
          id
          subject
        }
      }
    }
  }
  ${ReassignRecordFieldsFragmentDoc}
` as unknown as DocumentNode<ReassignPendingQuery, ReassignPendingQueryVariables>;
export const TasksDetailDocument = gql`
  query TasksDetail($id: ID!) {
    task(id: $id) {
      ...TasksDetailFields
    }
  }
  ${TasksDetailFieldsFragmentDoc}
` as unknown as DocumentNode<TasksDetailQuery, TasksDetailQueryVariables>;
export const TasksUpdateTaskDocument = gql`
  mutation TasksUpdateTask($input: TaskChangeInput!) {
    updateTask(input: $input) {
      ...TasksDetailFields
    }
  }
  ${TasksDetailFieldsFragmentDoc}
` as unknown as DocumentNode<TasksUpdateTaskMutation, TasksUpdateTaskMutationVariables>;
export const TasksRequestExtensionDocument = gql`
  mutation TasksRequestExtension($input: RequestExtensionInput!) {
    requestTaskExtension(input: $input) {
      task {
        ...TasksDetailFields
      }
    }
  }
  ${TasksDetailFieldsFragmentDoc}
` as unknown as DocumentNode<TasksRequestExtensionMutation, TasksRequestExtensionMutationVariables>;
export const TasksDecideExtensionDocument = gql`
  mutation TasksDecideExtension($input: DecideExtensionInput!) {
    decideTaskExtension(input: $input) {
      task {
        ...TasksDetailFields
      }
    }
  }
  ${TasksDetailFieldsFragmentDoc}
` as unknown as DocumentNode<TasksDecideExtensionMutation, TasksDecideExtensionMutationVariables>;
export const TasksWithdrawEvidenceDocument = gql`
  mutation TasksWithdrawEvidence($input: WithdrawEvidenceInput!) {
    withdrawEvidence(input: $input) {
      id
      current
      withdrawnAt
    }
  }
` as unknown as DocumentNode<TasksWithdrawEvidenceMutation, TasksWithdrawEvidenceMutationVariables>;
export const TasksSetContributionDocument = gql`
  mutation TasksSetContribution($taskId: ID!, $note: String!) {
    setTaskContribution(taskId: $taskId, note: $note) {
      ...TasksDetailFields
    }
  }
  ${TasksDetailFieldsFragmentDoc}
` as unknown as DocumentNode<TasksSetContributionMutation, TasksSetContributionMutationVariables>;
export const TasksFilterOptionsDocument = gql`
  query TasksFilterOptions($withUnits: Boolean!) {
    departmentKinds {
      code
      name
    }
    adminUnits @include(if: $withUnits) {
      code
      name
      level
      parentCode
    }
  }
` as unknown as DocumentNode<TasksFilterOptionsQuery, TasksFilterOptionsQueryVariables>;
export const TasksListDocument = gql`
  query TasksList(
    $filter: TaskFilterInput
    $first: Int!
    $offset: Int!
    $sort: TaskSort!
    $direction: SortDirection!
  ) {
    tasks(filter: $filter, first: $first, offset: $offset, sort: $sort, direction: $direction) {
      cycleId
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...TasksListRow
      }
    }
  }
  ${TasksListRowFragmentDoc}
` as unknown as DocumentNode<TasksListQuery, TasksListQueryVariables>;
export const TasksReturnedDocument = gql`
  query TasksReturned($filter: TaskFilterInput) {
    tasks(filter: $filter, first: 20, sort: UPDATED_AT, direction: DESC) {
      totalCount
      nodes {
        ...TasksListRow
        latestReturn {
          id
          occurredAt
          actorUsername
          actor {
            username
            label
          }
          reason
        }
      }
    }
  }
  ${TasksListRowFragmentDoc}
` as unknown as DocumentNode<TasksReturnedQuery, TasksReturnedQueryVariables>;
export const UnitsAssessmentDocument = gql`
  query UnitsAssessment($cycleId: ID!, $unitCode: String!) {
    unitAssessment(cycleId: $cycleId, unitCode: $unitCode) {
      unitCode
      unitName
      level
      parentCode
      score
      grade
      rank
      frozen
      resultSetVersion
      bonusApplied
      bonusRequested
      notApplicableTasks
      deductions {
        points
        reason
        taskId
      }
      breakdown {
        indicatorId
        name
        chapter
        marks
        earned
        stage
        computedEarned
      }
      adjustments {
        id
        kind
        points
        reason
        createdAt
        createdBy
        creator {
          username
          label
        }
        revokedAt
        revokedBy
        revoker {
          username
          label
        }
        revokeReason
      }
    }
  }
` as unknown as DocumentNode<UnitsAssessmentQuery, UnitsAssessmentQueryVariables>;
export const UnitsTasksDocument = gql`
  query UnitsTasks($filter: TaskFilterInput!, $first: Int!, $after: String) {
    tasks(filter: $filter, first: $first, after: $after, sort: DUE_DATE) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        overdue
        dueDate
        evidenceCount
        notApplicableStatus
        article {
          id
          number
          title
          chapter {
            id
            number
            title
          }
        }
        duty {
          id
          subject
        }
        leadDepartment {
          id
          name
        }
      }
    }
  }
` as unknown as DocumentNode<UnitsTasksQuery, UnitsTasksQueryVariables>;
export const UrgingTaskDocument = gql`
  query UrgingTask($taskId: ID!) {
    taskUrging(taskId: $taskId) {
      taskId
      canIssue
      openColour
      notices {
        ...UrgingNoticeFields
      }
    }
  }
  ${UrgingNoticeFieldsFragmentDoc}
` as unknown as DocumentNode<UrgingTaskQuery, UrgingTaskQueryVariables>;
export const UrgingNoticesDocument = gql`
  query UrgingNotices($filter: UrgingNoticeFilter, $page: UrgingPage) {
    urgingNotices(filter: $filter, page: $page) {
      total
      items {
        ...UrgingNoticeFields
      }
    }
  }
  ${UrgingNoticeFieldsFragmentDoc}
` as unknown as DocumentNode<UrgingNoticesQuery, UrgingNoticesQueryVariables>;
export const UrgingCountsByUnitDocument = gql`
  query UrgingCountsByUnit($cycleId: ID!) {
    urgingCountsByUnit(cycleId: $cycleId) {
      unitCode
      unitName
      level
      parentCode
      blue
      orange
      red
      unacknowledged
      unanswered
      issued
    }
  }
` as unknown as DocumentNode<UrgingCountsByUnitQuery, UrgingCountsByUnitQueryVariables>;
export const UrgingIssueDocument = gql`
  mutation UrgingIssue($input: IssueUrgingNoticeInput!) {
    issueUrgingNotice(input: $input) {
      ...UrgingNoticeFields
    }
  }
  ${UrgingNoticeFieldsFragmentDoc}
` as unknown as DocumentNode<UrgingIssueMutation, UrgingIssueMutationVariables>;
export const UrgingAcknowledgeDocument = gql`
  mutation UrgingAcknowledge($id: ID!) {
    acknowledgeUrgingNotice(id: $id) {
      ...UrgingNoticeFields
    }
  }
  ${UrgingNoticeFieldsFragmentDoc}
` as unknown as DocumentNode<UrgingAcknowledgeMutation, UrgingAcknowledgeMutationVariables>;
export const UrgingAnswerDocument = gql`
  mutation UrgingAnswer($input: AnswerUrgingNoticeInput!) {
    answerUrgingNotice(input: $input) {
      ...UrgingNoticeFields
    }
  }
  ${UrgingNoticeFieldsFragmentDoc}
` as unknown as DocumentNode<UrgingAnswerMutation, UrgingAnswerMutationVariables>;
export const UrgingRunNowDocument = gql`
  mutation UrgingRunNow {
    runUrgingNow {
      today
      issued
      escalated
      closed
      blue
      orange
      red
    }
  }
` as unknown as DocumentNode<UrgingRunNowMutation, UrgingRunNowMutationVariables>;
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
export const PasswordResetRequestsDocument = gql`
  query PasswordResetRequests($filter: PasswordResetRequestFilterInput, $page: PageInput) {
    passwordResetRequests(filter: $filter, page: $page) {
      totalCount
      nodes {
        ...PasswordResetRequestFields
      }
    }
  }
  ${PasswordResetRequestFieldsFragmentDoc}
` as unknown as DocumentNode<PasswordResetRequestsQuery, PasswordResetRequestsQueryVariables>;
export const RequestPasswordResetDocument = gql`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ...PasswordResetRequestFields
    }
  }
  ${PasswordResetRequestFieldsFragmentDoc}
` as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ApprovePasswordResetDocument = gql`
  mutation ApprovePasswordReset($requestId: ID!) {
    approvePasswordReset(requestId: $requestId) {
      request {
        ...PasswordResetRequestFields
      }
      user {
        ...UserAccountFields
      }
      temporaryPassword
    }
  }
  ${PasswordResetRequestFieldsFragmentDoc}
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<ApprovePasswordResetMutation, ApprovePasswordResetMutationVariables>;
export const RejectPasswordResetDocument = gql`
  mutation RejectPasswordReset($input: RejectPasswordResetInput!) {
    rejectPasswordReset(input: $input) {
      ...PasswordResetRequestFields
    }
  }
  ${PasswordResetRequestFieldsFragmentDoc}
` as unknown as DocumentNode<RejectPasswordResetMutation, RejectPasswordResetMutationVariables>;
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
export const UpdateUserProfileDocument = gql`
  mutation UpdateUserProfile($input: UpdateUserProfileInput!) {
    updateUserProfile(input: $input) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<UpdateUserProfileMutation, UpdateUserProfileMutationVariables>;
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
export const ResetUserSecondFactorDocument = gql`
  mutation ResetUserSecondFactor($input: ResetSecondFactorInput!) {
    resetUserSecondFactor(input: $input) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<ResetUserSecondFactorMutation, ResetUserSecondFactorMutationVariables>;
export const SetExternalIdentityDocument = gql`
  mutation SetExternalIdentity($input: SetExternalIdentityInput!) {
    setExternalIdentity(input: $input) {
      ...UserAccountFields
    }
  }
  ${UserAccountFieldsFragmentDoc}
` as unknown as DocumentNode<SetExternalIdentityMutation, SetExternalIdentityMutationVariables>;
export const WorkbenchDocument = gql`
  query Workbench($cycleId: ID, $first: Int) {
    workbench(cycleId: $cycleId, first: $first) {
      cycleId
      cycleTitle
      today
      sections {
        key
        count
        link
        items {
          ...WorkbenchItemFields
        }
      }
    }
  }
  ${WorkbenchItemFieldsFragmentDoc}
` as unknown as DocumentNode<WorkbenchQuery, WorkbenchQueryVariables>;
export const WorkbenchSectionDocument = gql`
  query WorkbenchSection($key: WorkbenchSectionKey!, $cycleId: ID, $first: Int, $offset: Int) {
    workbenchSection(key: $key, cycleId: $cycleId, first: $first, offset: $offset) {
      key
      count
      today
      link
      items {
        ...WorkbenchItemFields
      }
    }
  }
  ${WorkbenchItemFieldsFragmentDoc}
` as unknown as DocumentNode<WorkbenchSectionQuery, WorkbenchSectionQueryVariables>;
