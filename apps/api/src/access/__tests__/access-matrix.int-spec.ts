import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Role } from '../../auth/role';
import { BULLETIN_ACCESS_OPERATIONS } from '../../bulletin/__tests__/bulletin-access-operations';
import {
  insertOnsiteFixture,
  OnsiteFixture,
  onsiteAccessOperations,
} from '../../assessment/onsite/__tests__/onsite-access-operations';
import { objectionAccessOperations } from '../../assessment/objections/__tests__/objection-access-operations';
import { shippedRegulationPath } from '../../regulation/seed-regulations';
import { SignedInClient, rootOperations, startTestApi, TestApi } from '../../testing/test-api';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../user/demo-accounts';

/**
 * Every role × every operation that exists × own and foreign unit, against the real API.
 * `allowed`: the operation ran (its own business answer, e.g. CONFLICT for a stale version,
 * counts as allowed); `forbidden`: refused for the role (UNAUTHENTICATED/FORBIDDEN);
 * `hidden`: outside the jurisdiction, answered as if it did not exist (NOT_FOUND or nothing).
 * Grows with every issue that adds operations.
 */
type Outcome = 'allowed' | 'forbidden' | 'hidden';
type Who = Role | 'ANONYMOUS';

interface Fixture {
  cycleId: string;
  /** A task inside (own) and outside (foreign) each caller's jurisdiction. */
  tasks: Record<string, { own: string; foreign: string }>;
  versionId: string;
  dutyId: string;
  targetUserId: string;
  seedText: string;
  /** One evidence row on each fixture task, by task id. */
  evidenceOn: Record<string, string>;
  /** One unread notification addressed to each demo account (by username), and one to another user. */
  notificationOf: Record<string, string>;
  foreignNotification: string;
  /** A 督办单 issued by the province on the county operator's own and foreign task, by task id. */
  urgingOn: Record<string, string>;
  /** Pending requests of the 420102 operator on a second 420102 task: 转办 and 不适用. */
  requests: { reassignment: string; notApplicable: string };
  /** Bulletin drafts of the province and of the Enshi prefecture (422800). */
  bulletinDrafts: { province: string; prefecture: string };
  /** An open 实地核查 sample with an item on 422801 and on 420102 (inserted directly). */
  onsite: OnsiteFixture;
}

interface Operation {
  name: string;
  query: string;
  variables?: (f: Fixture, who: Who) => Record<string, unknown>;
  /** Expected outcome per caller; callers not listed are `forbidden`. */
  expect: Partial<Record<Who, Outcome>>;
  /** Treat an empty list in this field as `hidden`. */
  emptyIsHidden?: (data: Record<string, unknown>) => boolean;
}

const ALL_ROLES = Object.values(Role);
const everyone = (outcome: Outcome = 'allowed'): Partial<Record<Who, Outcome>> =>
  Object.fromEntries([...ALL_ROLES, 'ANONYMOUS'].map((w) => [w, outcome]));
const roles = (list: readonly Role[], outcome: Outcome = 'allowed') =>
  Object.fromEntries(list.map((r) => [r, outcome])) as Partial<Record<Who, Outcome>>;

const READERS = [
  Role.SYSTEM_ADMIN,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
];
const UNIT_READERS = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, ...READERS.slice(1)];

/** The demo account of each role, and a unit inside (own) and outside (foreign) its jurisdiction. */
const ACCOUNT: Record<Role, { username: string; own: string; foreign: string | null }> = {
  SYSTEM_ADMIN: { username: 'sysadmin', own: '420102', foreign: null },
  SECURITY_ADMIN: { username: 'secadmin', own: '420102', foreign: null },
  AUDIT_ADMIN: { username: 'auditadmin', own: '420102', foreign: null },
  PROVINCIAL_SUPERVISOR: { username: 'province', own: '420102', foreign: null },
  PREFECTURE_SUPERVISOR: { username: 'enshi-zhou', own: '422801', foreign: '420102' },
  COUNTY_OPERATOR: { username: 'jiangan-scjg', own: '420102', foreign: '422801' },
  AUDITOR: { username: 'auditor', own: '420102', foreign: null },
  NATIONAL_SUPERVISOR: { username: 'national', own: '420102', foreign: null },
};

const unitOf = (who: Who, which: 'own' | 'foreign') =>
  who === 'ANONYMOUS' ? '420102' : (ACCOUNT[who][which] ?? ACCOUNT[who].own);

const TASK_READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
];
/** Analytics: the task readers (each within their jurisdiction). */
const ANALYTICS_READERS = TASK_READERS;
const TASK_WRITERS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR, Role.COUNTY_OPERATOR];
const NIL = '00000000-0000-4000-8000-000000000000';
const ownTask = (f: Fixture, who: Who) => f.tasks[String(who)]?.own ?? NIL;
const foreignTask = (f: Fixture, who: Who) => f.tasks[String(who)]?.foreign ?? NIL;
const ownEvidence = (f: Fixture, who: Who) => f.evidenceOn[ownTask(f, who)] ?? NIL;
const foreignEvidence = (f: Fixture, who: Who) => f.evidenceOn[foreignTask(f, who)] ?? NIL;
const ownUrging = (f: Fixture, who: Who) => f.urgingOn[ownTask(f, who)] ?? NIL;
const foreignUrging = (f: Fixture, who: Who) => f.urgingOn[foreignTask(f, who)] ?? NIL;
const ownNotification = (f: Fixture, who: Who) =>
  who === 'ANONYMOUS' ? NIL : f.notificationOf[ACCOUNT[who].username];
const WITHDRAW = `mutation($id: ID!) { withdrawEvidence(input: { evidenceId: $id, reason: "矩阵" }) { id } }`;
const UPDATE_TASK = `mutation($id: ID!) { updateTask(input: { taskId: $id, expectedRowVersion: 0, progressNote: "矩阵" }) { id } }`;

const OPERATIONS: Operation[] = [
  { name: 'Query.systemInfo', query: `{ systemInfo { version } }`, expect: everyone() },
  { name: 'Query.me', query: `{ me { username } }`, expect: everyone() },
  { name: 'Query.passwordPolicy', query: `{ passwordPolicy }`, expect: everyone() },
  {
    name: 'Mutation.signIn',
    query: `mutation($p: String!) { signIn(input: { username: "matrix.user", password: $p }) { user { username } } }`,
    variables: () => ({ p: 'Matrix#Check2026' }),
    expect: everyone(),
  },
  { name: 'Query.regulations', query: `{ regulations { code } }`, expect: roles(READERS) },
  {
    name: 'Query.regulation',
    query: `{ regulation(code: "hubei-quality-promotion") { title } }`,
    expect: roles(READERS),
  },
  {
    name: 'Query.regulationVersion',
    query: `query($id: ID!) { regulationVersion(id: $id) { versionNumber } }`,
    variables: (f) => ({ id: f.versionId }),
    expect: roles(READERS),
  },
  {
    name: 'Query.regulationVersionDiff',
    query: `query($id: ID!) { regulationVersionDiff(versionId: $id) { changes { kind } } }`,
    variables: (f) => ({ id: f.versionId }),
    expect: roles(READERS), // NOT_FOUND (a first version has no previous one) is the business answer
  },
  {
    name: 'Query.articleRedline',
    query: `query($id: ID!) { articleRedline(versionId: $id, from: [4], to: 4) { segments { op } } }`,
    variables: (f) => ({ id: f.versionId }),
    expect: roles(READERS), // NOT_FOUND (a first version has no previous one) is the business answer
  },
  {
    name: 'Query.duties',
    query: `{ duties(page: { first: 5 }) { totalCount } }`,
    expect: roles(READERS),
  },
  {
    name: 'Query.duty',
    query: `query($id: ID!) { duty(id: $id) { id history { kind } } }`,
    variables: (f) => ({ id: f.dutyId }),
    expect: roles(READERS),
  },
  { name: 'Query.departmentKinds', query: `{ departmentKinds { code } }`, expect: roles(READERS) },
  {
    name: 'Mutation.importRegulationVersion',
    query: `mutation($t: String!) { importRegulationVersion(input: { code: "hubei-quality-promotion", text: $t }) { alreadyImported } }`,
    variables: (f) => ({ t: f.seedText }),
    expect: roles([Role.SYSTEM_ADMIN, Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Mutation.reviewDuty',
    query: `mutation($id: ID!) { reviewDuty(input: { dutyId: $id, expectedRowVersion: 0, tracked: true }) { id } }`,
    variables: (f) => ({ id: f.dutyId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // CONFLICT on the stale version: nothing changes
  },
  {
    name: 'Query.dutyMappingSuggestions',
    query: `query($id: ID!) { dutyMappingSuggestions(versionId: $id) { id } }`,
    variables: (f) => ({ id: f.versionId }),
    expect: roles(READERS),
  },
  {
    name: 'Mutation.decideDutyMapping',
    query: `mutation { decideDutyMapping(input: { decision: CONFIRM, suggestions: [{ suggestionId: "${NIL}", expectedRowVersion: 1 }] }) { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND for the unknown suggestion
  },
  {
    name: 'Query.users',
    query: `{ users { totalCount } }`,
    expect: roles([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.createUser',
    query: `mutation($u: String!) { createUser(input: { username: $u, displayName: "矩阵测试" }) { user { id } } }`,
    variables: (_f, who) => ({ u: `matrix-${String(who).toLowerCase().replace(/_/g, '-')}` }),
    expect: roles([Role.SYSTEM_ADMIN]),
  },
  {
    name: 'Mutation.resetUserPassword',
    query: `mutation($id: ID!) { resetUserPassword(userId: $id) { user { id } } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SYSTEM_ADMIN]),
  },
  {
    name: 'Mutation.updateUserProfile',
    query: `mutation($id: ID!) { updateUserProfile(input: { userId: $id, displayName: "矩阵测试" }) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SYSTEM_ADMIN]),
  },
  {
    name: 'Query.passwordResetRequests',
    query: `{ passwordResetRequests { totalCount } }`,
    expect: roles([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.requestPasswordReset',
    query: `mutation($id: ID!) { requestPasswordReset(input: { userId: $id, reason: "矩阵" }) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    // VALIDATION_FAILED (an ordinary account needs no approval) or a request, by the target's role
    expect: roles([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.approvePasswordReset',
    query: `mutation { approvePasswordReset(requestId: "${NIL}") { temporaryPassword } }`,
    expect: roles([Role.SECURITY_ADMIN]), // NOT_FOUND (no such request) is the business answer
  },
  {
    name: 'Mutation.rejectPasswordReset',
    query: `mutation { rejectPasswordReset(input: { requestId: "${NIL}", reason: "矩阵" }) { id } }`,
    expect: roles([Role.SECURITY_ADMIN]), // NOT_FOUND (no such request) is the business answer
  },
  {
    name: 'Mutation.setUserDisabled',
    query: `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SYSTEM_ADMIN]),
  },
  {
    name: 'Mutation.bindUserRole',
    query: `mutation($id: ID!) { bindUserRole(input: { userId: $id, role: AUDITOR }) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.unlockUser',
    query: `mutation($id: ID!) { unlockUser(userId: $id) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SECURITY_ADMIN]),
  },
  {
    name: 'Query.securityAuditLog',
    query: `{ securityAuditLog(page: { first: 5 }) { totalCount } }`,
    expect: roles([Role.AUDIT_ADMIN]),
  },
  {
    name: 'Query.signInOptions',
    query: `{ signInOptions { oidcEnabled passwordSignIn } }`,
    expect: everyone(),
  },
  {
    name: 'Mutation.setExternalIdentity',
    query: `mutation($input: SetExternalIdentityInput!) { setExternalIdentity(input: $input) { id externalSubject } }`,
    variables: (f) => ({
      input: { userId: f.targetUserId, externalSubject: 'matrix-sso-subject' },
    }),
    expect: roles([Role.SECURITY_ADMIN]),
  },
  {
    name: 'Query.apiTokens',
    query: `{ apiTokens { id name status } }`,
    expect: roles([Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.issueApiToken',
    query: `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { apiToken { id } } }`,
    variables: () => ({
      input: {
        name: '矩阵测试令牌',
        scopes: ['ANALYTICS_READ'],
        unitId: '420000',
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    }),
    expect: roles([Role.SECURITY_ADMIN]),
  },
  {
    name: 'Mutation.revokeApiToken',
    query: `mutation { revokeApiToken(id: "${NIL}") { id } }`,
    expect: roles([Role.SECURITY_ADMIN]), // NOT_FOUND (no such token) is the business answer
  },
  {
    name: 'Query.adminUnits (own prefecture)',
    query: `query($p: String!) { adminUnits(parentCode: $p) { code } }`,
    variables: (_f, who) => ({ p: `${unitOf(who, 'own').slice(0, 4)}00` }),
    expect: roles(UNIT_READERS),
    emptyIsHidden: (d) => (d.adminUnits as unknown[]).length === 0,
  },
  {
    name: 'Query.adminUnits (foreign prefecture)',
    query: `query($p: String!) { adminUnits(parentCode: $p) { code } }`,
    variables: (_f, who) => ({ p: `${unitOf(who, 'foreign').slice(0, 4)}00` }),
    expect: { ...roles(UNIT_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
    emptyIsHidden: (d) => (d.adminUnits as unknown[]).length === 0,
  },
  {
    name: 'Query.departments (own unit)',
    query: `query($u: String!) { departments(unitCode: $u) { id kind { code } } }`,
    variables: (_f, who) => ({ u: unitOf(who, 'own') }),
    expect: roles(UNIT_READERS),
  },
  {
    name: 'Query.departments (foreign unit)',
    query: `query($u: String!) { departments(unitCode: $u) { id } }`,
    variables: (_f, who) => ({ u: unitOf(who, 'foreign') }),
    expect: { ...roles(UNIT_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  { name: 'Query.cycles', query: `{ cycles { id } }`, expect: roles(TASK_READERS) },
  {
    name: 'Query.cycle',
    query: `query($id: ID!) { cycle(id: $id) { id } }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Mutation.createCycle',
    query: `mutation { createCycle(input: { year: 2099, regulationVersionId: "${NIL}", startDate: "2099-01-01", dueDate: "2099-12-31" }) { cycle { id } } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND (no such version) is the business answer
  },
  {
    name: 'Mutation.regenerateCycleTasks',
    query: `mutation($id: ID!) { regenerateCycleTasks(cycleId: $id) { created } }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Query.cycleRegenerationPreview',
    query: `query($id: ID!) { cycleRegenerationPreview(cycleId: $id) { created retired } }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Mutation.setCycleDutyDueDate',
    query: `mutation($id: ID!) { setCycleDutyDueDate(cycleId: $id, dutyLineageId: "${NIL}", dueDate: "2026-12-31") }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Query.cycleDutyDueDates',
    query: `query($id: ID!) { cycleDutyDueDates(cycleId: $id) { dutyLineageId dueDate } }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Mutation.removeCycleDutyDueDate',
    query: `mutation($id: ID!) { removeCycleDutyDueDate(cycleId: $id, dutyLineageId: "${NIL}") }`,
    variables: (f) => ({ id: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  {
    name: 'Mutation.moveCycleToVersion',
    query: `mutation($c: ID!, $v: ID!) { moveCycleToVersion(cycleId: $c, versionId: $v) { followed } }`,
    variables: (f) => ({ c: f.cycleId, v: f.versionId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // VALIDATION_FAILED: the cycle is on that version
  },
  {
    name: 'Mutation.closeCycle',
    query: `mutation { closeCycle(cycleId: "${NIL}") { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND: the real cycle stays open for the other rows
  },
  {
    name: 'Mutation.reopenCycle',
    query: `mutation { reopenCycle(cycleId: "${NIL}", reason: "矩阵") { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND: no such cycle
  },
  {
    name: 'Query.assessmentPlan',
    query: `query($c: ID!) { assessmentPlan(cycleId: $c) { version } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Mutation.saveAssessmentPlan',
    query: `mutation($c: ID!) { saveAssessmentPlan(input: { cycleId: $c, expectedVersion: 99, chapterWeights: [{ chapter: 1, weight: 100 }],
      rules: { verified: 1, submitted: 0.5, returnedOrInProgress: 0.25, notStarted: 0, overdueAtCycleEnd: 0 },
      deductions: { perExtensionBeyondFirst: 0.5, perReturn: 0.5 }, bonusCap: 5, bands: [{ grade: "合格", min: 0 }] }) { version } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // CONFLICT (stale version) is the business answer
  },
  {
    name: 'Mutation.addAssessmentAdjustment (own)',
    query: `mutation($c: ID!, $u: String!) { addAssessmentAdjustment(input: { cycleId: $c, unitCode: $u, kind: "remark", points: 0, reason: "矩阵" }) { id } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.addAssessmentAdjustment (foreign)',
    query: `mutation($c: ID!, $u: String!) { addAssessmentAdjustment(input: { cycleId: $c, unitCode: $u, kind: "remark", points: 0, reason: "矩阵" }) { id } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Mutation.revokeAssessmentAdjustment',
    query: `mutation { revokeAssessmentAdjustment(id: "${NIL}", reason: "矩阵") { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]), // NOT_FOUND: no such entry
  },
  {
    name: 'Query.assessmentScores',
    query: `query($c: ID!) { assessmentScores(cycleId: $c, level: "county") { unitCode score } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitAssessment (own)',
    query: `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { score } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitAssessment (foreign)',
    query: `query($c: ID!, $u: String!) { unitAssessment(cycleId: $c, unitCode: $u) { score } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.unitMeasureValues (own)',
    query: `query($c: ID!, $u: String!) { unitMeasureValues(cycleId: $c, unitCode: $u) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitMeasureValues (foreign)',
    query: `query($c: ID!, $u: String!) { unitMeasureValues(cycleId: $c, unitCode: $u) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    // VALIDATION_FAILED (the fixture's plan has no measured indicator) is the business answer.
    name: 'Mutation.reportAssessmentMeasure (own)',
    query: `mutation($c: ID!, $u: String!) { reportAssessmentMeasure(input: { cycleId: $c, unitCode: $u, indicatorId: "M-matrix", value: 1, sourceRef: "矩阵" }) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles([Role.COUNTY_OPERATOR, Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.reportAssessmentMeasure (foreign)',
    query: `mutation($c: ID!, $u: String!) { reportAssessmentMeasure(input: { cycleId: $c, unitCode: $u, indicatorId: "M-matrix", value: 1, sourceRef: "矩阵" }) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Mutation.adjustAssessmentMeasure (own)',
    query: `mutation($c: ID!, $u: String!) { adjustAssessmentMeasure(input: { cycleId: $c, unitCode: $u, indicatorId: "M-matrix", value: 1, reason: "矩阵" }) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.adjustAssessmentMeasure (foreign)',
    query: `mutation($c: ID!, $u: String!) { adjustAssessmentMeasure(input: { cycleId: $c, unitCode: $u, indicatorId: "M-matrix", value: 1, reason: "矩阵" }) { indicatorId } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  // Staged assessment (issue 18): the fixture's cycle has no stage schedule, so writes inside
  // the caller's scope answer VALIDATION_FAILED (STAGE_NOT_SCHEDULED), the business answer.
  {
    name: 'Query.assessmentStageSchedule',
    query: `query($c: ID!) { assessmentStageSchedule(cycleId: $c) { stage } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Mutation.setAssessmentStageSchedule',
    query: `mutation($c: ID!) { setAssessmentStageSchedule(input: { cycleId: $c, windows: [] }) { stage } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed' },
  },
  {
    name: 'Query.stageAssessmentUnits',
    query: `query($c: ID!) { stageAssessmentUnits(cycleId: $c) { unitCode } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitStageAssessment (own)',
    query: `query($c: ID!, $u: String!) { unitStageAssessment(cycleId: $c, unitCode: $u) { status } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitStageAssessment (foreign)',
    query: `query($c: ID!, $u: String!) { unitStageAssessment(cycleId: $c, unitCode: $u) { status } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.unitEvidenceChoices (own)',
    query: `query($c: ID!, $u: String!) { unitEvidenceChoices(cycleId: $c, unitCode: $u) { id } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitEvidenceChoices (foreign)',
    query: `query($c: ID!, $u: String!) { unitEvidenceChoices(cycleId: $c, unitCode: $u) { id } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  ...(['own', 'foreign'] as const).flatMap((which): Operation[] => [
    {
      name: `Mutation.saveSelfAssessment (${which})`,
      query: `mutation($c: ID!, $u: String!) { saveSelfAssessment(input: { cycleId: $c, unitCode: $u, indicatorId: "W-matrix", selfScore: 1 }) { status } }`,
      variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, which) }),
      expect: { COUNTY_OPERATOR: which === 'own' ? 'allowed' : 'hidden' },
    },
    {
      name: `Mutation.submitSelfAssessment (${which})`,
      query: `mutation($c: ID!, $u: String!) { submitSelfAssessment(input: { cycleId: $c, unitCode: $u }) { status } }`,
      variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, which) }),
      expect: { COUNTY_OPERATOR: which === 'own' ? 'allowed' : 'hidden' },
    },
    // Preliminary review: a prefecture supervisor's own units are the counties under it; the
    // provincial supervisor's are the units directly under the province (here 422800).
    ...(
      [
        ['preliminaryReviewScore', 'indicatorId: "W-matrix", score: 1, comment: "矩阵"'],
        ['returnSelfAssessment', 'reason: "矩阵"'],
      ] as const
    ).map(([mutation, args]): Operation => ({
      name: `Mutation.${mutation} (${which})`,
      query: `mutation($c: ID!, $u: String!) { ${mutation}(input: { cycleId: $c, unitCode: $u, ${args} }) { status } }`,
      variables: (f, who) => ({
        c: f.cycleId,
        u: who === Role.PROVINCIAL_SUPERVISOR && which === 'own' ? '422800' : unitOf(who, which),
      }),
      expect:
        which === 'own'
          ? roles([Role.PREFECTURE_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR])
          : roles([Role.PREFECTURE_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR], 'hidden'),
    })),
    {
      name: `Mutation.provincialReviewScore (${which})`,
      query: `mutation($c: ID!, $u: String!) { provincialReviewScore(input: { cycleId: $c, unitCode: $u, indicatorId: "W-matrix", score: 1, comment: "矩阵" }) { status } }`,
      variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, which) }),
      expect: { PROVINCIAL_SUPERVISOR: 'allowed' },
    },
  ]),
  {
    name: 'Query.assessmentResultSets',
    query: `query($c: ID!) { assessmentResultSets(cycleId: $c) { version } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitYearOverYear (own)',
    query: `query($c: ID!, $u: String!) { unitYearOverYear(cycleId: $c, unitCode: $u) { unitCode } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.unitYearOverYear (foreign)',
    query: `query($c: ID!, $u: String!) { unitYearOverYear(cycleId: $c, unitCode: $u) { unitCode } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.assessmentYearOverYear',
    query: `query($c: ID!) { assessmentYearOverYear(cycleId: $c) { year rows { unitCode } } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.assessmentHistoryImports',
    query: `query { assessmentHistoryImports { year } }`,
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.analyticsSummary (own)',
    query: `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { tasks completionRate } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'own') }),
    expect: roles(ANALYTICS_READERS),
  },
  {
    name: 'Query.analyticsSummary (foreign)',
    query: `query($c: ID!, $u: String) { analyticsSummary(cycleId: $c, unitCode: $u) { tasks completionRate } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: {
      ...roles(ANALYTICS_READERS),
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Query.unitAnalytics',
    query: `query($c: ID!) { unitAnalytics(cycleId: $c) { unit { code } tasks } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(ANALYTICS_READERS),
  },
  {
    name: 'Query.analyticsBreakdown (foreign)',
    query: `query($c: ID!, $u: String) { analyticsBreakdown(cycleId: $c, by: CHAPTER, unitCode: $u) { key tasks } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: {
      ...roles(ANALYTICS_READERS),
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Query.chapterUnitMatrix',
    query: `query($c: ID!) { chapterUnitMatrix(cycleId: $c) { chapter unitCode tasks } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(ANALYTICS_READERS),
  },
  {
    name: 'Query.completionTrend (foreign)',
    query: `query($c: ID!, $u: String) { completionTrend(cycleId: $c, unitCode: $u) { date verified } }`,
    variables: (f, who) => ({ c: f.cycleId, u: unitOf(who, 'foreign') }),
    expect: {
      ...roles(ANALYTICS_READERS),
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Query.behindSchedule',
    query: `query($c: ID!) { behindSchedule(cycleId: $c) { unit { code } gap } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(ANALYTICS_READERS),
  },
  {
    name: 'Query.analyticsRanking',
    query: `query($c: ID!) { analyticsRanking(cycleId: $c, level: "county") { top { unit { code } } } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(ANALYTICS_READERS),
  },
  { name: 'Query.tasks', query: `{ tasks(first: 5) { totalCount } }`, expect: roles(TASK_READERS) },
  {
    name: 'Query.task (own)',
    query: `query($id: ID!) { task(id: $id) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.task (foreign)',
    query: `query($id: ID!) { task(id: $id) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.taskEvents',
    query: `{ taskEvents(first: 5) { totalCount } }`,
    expect: roles(TASK_READERS),
  },
  {
    name: 'Mutation.updateTask (own)',
    query: UPDATE_TASK,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' }, // CONFLICT (stale version); supervisors do not edit notes
  },
  {
    name: 'Mutation.updateTask (foreign)',
    query: UPDATE_TASK,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.bulkUpdateTasks (own)',
    query: `mutation($id: ID!) { bulkUpdateTasks(input: { changes: [{ taskId: $id, expectedRowVersion: 0, progressNote: "矩阵" }] }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.bulkUpdateTasks (foreign)',
    query: `mutation($id: ID!) { bulkUpdateTasks(input: { changes: [{ taskId: $id, expectedRowVersion: 0, progressNote: "矩阵" }] }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.requestTaskExtension (own)',
    query: `mutation($id: ID!) { requestTaskExtension(input: { taskId: $id, expectedRowVersion: 0, newDueDate: "2027-06-30", reason: "矩阵" }) { request { id } } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.decideTaskExtension',
    query: `mutation { decideTaskExtension(input: { requestId: "${NIL}", expectedRowVersion: 0, approve: true }) { request { id } } }`,
    expect: roles(TASK_WRITERS), // NOT_FOUND (no such request) is the business answer
  },
  {
    name: 'Mutation.setTaskContribution (own, led task)',
    query: `mutation($id: ID!) { setTaskContribution(taskId: $id, note: "矩阵") { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: {}, // contributions are for assisting departments only
  },
  // Issue 16: comments and instructions (task-comment/), not applicable (task-applicability/).
  {
    name: 'Query.taskDiscussion (own)',
    query: `query($id: ID!) { taskDiscussion(taskId: $id) { canComment } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.taskDiscussion (foreign)',
    query: `query($id: ID!) { taskDiscussion(taskId: $id) { canComment } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.addTaskComment (own)',
    query: `mutation($id: ID!) { addTaskComment(input: { taskId: $id, body: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_WRITERS), // the auditor reads only
  },
  {
    name: 'Mutation.addTaskComment (foreign)',
    query: `mutation($id: ID!) { addTaskComment(input: { taskId: $id, body: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Mutation.addTaskComment (own, instruction)',
    query: `mutation($id: ID!) { addTaskComment(input: { taskId: $id, kind: INSTRUCTION, body: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    // 批示 are the supervisors' over the unit: the unit's own operator is refused.
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Query.unansweredComments',
    query: `{ unansweredComments(first: 5) { totalCount } }`,
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Query.taskApplicability (own)',
    query: `query($id: ID!) { taskApplicability(taskId: $id) { status } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.taskApplicability (foreign)',
    query: `query($id: ID!) { taskApplicability(taskId: $id) { status } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.requestNotApplicable (own)',
    // No proof: VALIDATION_FAILED is the business answer (nothing is requested).
    query: `mutation($id: ID!) { requestNotApplicable(input: { taskId: $id, reason: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.decideNotApplicable',
    query: `mutation { decideNotApplicable(input: { requestId: "${NIL}", approve: true, reason: "矩阵" }) { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]), // NOT_FOUND
  },
  {
    name: 'Mutation.revokeNotApplicable',
    query: `mutation { revokeNotApplicable(input: { requestId: "${NIL}", reason: "矩阵" }) { id } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]), // NOT_FOUND
  },
  {
    name: 'Mutation.decideNotApplicable (foreign, a 420102 request)',
    query: `mutation($id: ID!) { decideNotApplicable(input: { requestId: $id, approve: false, reason: "矩阵" }) { id } }`,
    variables: (f) => ({ id: f.requests.notApplicable }),
    // The province rejects it (the task stays applicable); the operator never decides its own
    // request; the prefecture supervisor does not see another prefecture's.
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Mutation.revokeNotApplicable (foreign, a 420102 request)',
    query: `mutation($id: ID!) { revokeNotApplicable(input: { requestId: $id, reason: "矩阵" }) { id } }`,
    variables: (f) => ({ id: f.requests.notApplicable }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed' }, // CONFLICT: nothing approved to revoke
  },
  {
    name: 'Query.evidence (own)',
    query: `query($id: ID!) { evidence(id: $id) { id sha256 } }`,
    variables: (f, who) => ({ id: ownEvidence(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.evidence (foreign)',
    query: `query($id: ID!) { evidence(id: $id) { id sha256 } }`,
    variables: (f, who) => ({ id: foreignEvidence(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.evidenceFiles',
    query: `{ evidenceFiles(first: 5) { totalCount } }`,
    expect: roles([Role.AUDITOR, Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.withdrawEvidence (foreign)',
    query: WITHDRAW,
    variables: (f, who) => ({ id: foreignEvidence(f, who) }),
    expect: { COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.withdrawEvidence (own)',
    query: WITHDRAW,
    variables: (f, who) => ({ id: ownEvidence(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' }, // the uploader, while the task is editable
  },
  // Second factor: every signed-in user manages their own; the business answers here are
  // CONFLICT (no code pending, TOTP not on) and VALIDATION_FAILED (a wrong code).
  {
    name: 'Query.mySecondFactor',
    query: `{ mySecondFactor { enabled } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.verifySecondFactor',
    query: `mutation { verifySecondFactor(input: { code: "000000" }) { id } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.beginTotpEnrolment',
    query: `mutation { beginTotpEnrolment { account } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.confirmTotpEnrolment',
    query: `mutation { confirmTotpEnrolment(input: { code: "not-a-code" }) { codes } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.disableTotp',
    query: `mutation { disableTotp(input: { code: "000000" }) { enabled } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.regenerateRecoveryCodes',
    query: `mutation { regenerateRecoveryCodes(input: { code: "000000" }) { codes } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.resetUserSecondFactor',
    query: `mutation($id: ID!) { resetUserSecondFactor(input: { userId: $id, reason: "矩阵" }) { id } }`,
    variables: (f) => ({ id: f.targetUserId }),
    expect: roles([Role.SECURITY_ADMIN]), // CONFLICT (no second factor to reset) is the business answer
  },
  {
    name: 'Mutation.changePassword',
    query: `mutation { changePassword(input: { currentPassword: "not-the-password", newPassword: "Another#Pass2026" }) { id } }`,
    expect: roles(ALL_ROLES), // VALIDATION_FAILED (wrong current password) is the business answer
  },
  // 三色督办单 (issue 16).
  {
    name: 'Query.urgingNotices',
    query: `{ urgingNotices { total } }`,
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.urgingNotices (own unit)',
    query: `query($u: String!) { urgingNotices(filter: { unitCode: $u }) { total } }`,
    variables: (_f, who) => ({ u: unitOf(who, 'own') }),
    // Every reader's own unit has a notice from the fixture (422801 for the prefecture).
    expect: roles(TASK_READERS),
    emptyIsHidden: (d) => (d.urgingNotices as { total: number }).total === 0,
  },
  {
    name: 'Query.urgingNotices (foreign unit)',
    query: `query($u: String!) { urgingNotices(filter: { unitCode: $u }) { total } }`,
    variables: (_f, who) => ({ u: unitOf(who, 'foreign') }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
    emptyIsHidden: (d) => (d.urgingNotices as { total: number }).total === 0,
  },
  {
    name: 'Query.urgingNotice (foreign, unknown id)',
    query: `query($id: ID!) { urgingNotice(id: $id) { id } }`,
    variables: () => ({ id: NIL }),
    expect: roles(TASK_READERS, 'hidden'), // no such notice: NOT_FOUND for everyone who may ask
  },
  {
    name: 'Query.urgingNotice (own)',
    query: `query($id: ID!) { urgingNotice(id: $id) { id } }`,
    variables: (f, who) => ({ id: ownUrging(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.urgingNotice (foreign)',
    query: `query($id: ID!) { urgingNotice(id: $id) { id } }`,
    variables: (f, who) => ({ id: foreignUrging(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.taskUrging (own)',
    query: `query($id: ID!) { taskUrging(taskId: $id) { canIssue } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.taskUrging (foreign)',
    query: `query($id: ID!) { taskUrging(taskId: $id) { canIssue } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Query.urgingCountsByUnit',
    query: `query($c: ID!) { urgingCountsByUnit(cycleId: $c) { unitCode } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Mutation.issueUrgingNotice (own)',
    query: `mutation($id: ID!) { issueUrgingNotice(input: { taskId: $id, colour: BLUE, text: "矩阵", answerDue: "2020-01-01" }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    // VALIDATION_FAILED (a past answer deadline) is the business answer.
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.issueUrgingNotice (foreign)',
    query: `mutation($id: ID!) { issueUrgingNotice(input: { taskId: $id, colour: RED, text: "矩阵", answerDue: "2099-12-31" }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Mutation.acknowledgeUrgingNotice (foreign)',
    query: `mutation($id: ID!) { acknowledgeUrgingNotice(id: $id) { id } }`,
    variables: (f, who) => ({ id: foreignUrging(f, who) }),
    expect: { COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.acknowledgeUrgingNotice (own)',
    query: `mutation($id: ID!) { acknowledgeUrgingNotice(id: $id) { id } }`,
    variables: (f, who) => ({ id: ownUrging(f, who) }),
    // The task's operator signs; CONFLICT once superseded by the province's red notice above.
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.answerUrgingNotice (foreign)',
    query: `mutation($id: ID!) { answerUrgingNotice(input: { id: $id, answer: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: foreignUrging(f, who) }),
    expect: { COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.answerUrgingNotice (own)',
    query: `mutation($id: ID!) { answerUrgingNotice(input: { id: $id, answer: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: ownUrging(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.runUrgingNow',
    query: `mutation { runUrgingNow { issued } }`,
    expect: roles([Role.PROVINCIAL_SUPERVISOR]),
  },
  // 签收 and 转办 (issue 16): the lead department's operator acknowledges and asks; the
  // supervisor over the unit decides and reassigns.
  {
    name: 'Mutation.acknowledgeTasks (own)',
    query: `mutation($id: ID!) { acknowledgeTasks(input: { taskIds: [$id] }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.acknowledgeTasks (foreign)',
    query: `mutation($id: ID!) { acknowledgeTasks(input: { taskIds: [$id] }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.requestTaskReassignment (own)',
    query: `mutation($id: ID!) { requestTaskReassignment(input: { taskId: $id, toDepartmentId: "${NIL}", reason: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    // VALIDATION_FAILED (no such department in the unit) is the business answer.
    expect: { COUNTY_OPERATOR: 'allowed' },
  },
  {
    name: 'Mutation.requestTaskReassignment (foreign)',
    query: `mutation($id: ID!) { requestTaskReassignment(input: { taskId: $id, toDepartmentId: "${NIL}", reason: "矩阵" }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: { PREFECTURE_SUPERVISOR: 'hidden', COUNTY_OPERATOR: 'hidden' },
  },
  {
    name: 'Mutation.decideTaskReassignment',
    query: `mutation { decideTaskReassignment(input: { requestId: "${NIL}", approve: true }) { id } }`,
    expect: roles(TASK_WRITERS), // NOT_FOUND (no such request) is the business answer
  },
  {
    name: 'Mutation.decideTaskReassignment (foreign, a 420102 request)',
    // Refusing without a reason: VALIDATION_FAILED once the caller may decide; nothing changes.
    query: `mutation($id: ID!) { decideTaskReassignment(input: { requestId: $id, approve: false }) { id } }`,
    variables: (f) => ({ id: f.requests.reassignment }),
    // The operator who asked never decides; another prefecture's supervisor does not see it.
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Mutation.reassignTask (own)',
    query: `mutation($id: ID!) { reassignTask(input: { taskId: $id, toDepartmentId: "${NIL}", reason: "矩阵", expectedRowVersion: 0 }) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    // CONFLICT (stale row version) is the business answer.
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Mutation.reassignTask (foreign)',
    query: `mutation($id: ID!) { reassignTask(input: { taskId: $id, toDepartmentId: "${NIL}", reason: "矩阵", expectedRowVersion: 0 }) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Query.reassignmentTargets (own)',
    query: `query($id: ID!) { reassignmentTargets(taskId: $id) { id } }`,
    variables: (f, who) => ({ id: ownTask(f, who) }),
    expect: roles(TASK_WRITERS),
  },
  {
    name: 'Query.reassignmentTargets (foreign)',
    query: `query($id: ID!) { reassignmentTargets(taskId: $id) { id } }`,
    variables: (f, who) => ({ id: foreignTask(f, who) }),
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
    },
  },
  {
    name: 'Query.unacknowledgedTaskCounts',
    query: `query($c: ID!) { unacknowledgedTaskCounts(cycleId: $c) { unitCode count } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.pendingTaskReassignments (foreign to the prefecture)',
    query: `{ pendingTaskReassignments { id } }`,
    // The one pending request is 420102's: the Enshi supervisor's list is empty.
    expect: { ...roles(TASK_READERS), PREFECTURE_SUPERVISOR: 'hidden' },
    emptyIsHidden: (d) => (d.pendingTaskReassignments as unknown[]).length === 0,
  },
  // Notifications (issue 16): every signed-in user has their own centre and settings and reaches
  // only their own notifications; the delivery log (outbox) is the system administrator's.
  {
    name: 'Query.myNotifications',
    query: `{ myNotifications(page: { first: 5 }) { total unread items { id } } }`,
    expect: roles(ALL_ROLES),
    // Each account got one notification in the fixture: an empty centre would be a wrong filter.
    emptyIsHidden: (d) => (d.myNotifications as { total: number }).total === 0,
  },
  {
    name: 'Query.unreadNotificationCount',
    query: `{ unreadNotificationCount }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.markNotificationsRead (foreign)',
    query: `mutation($id: ID!) { markNotificationsRead(ids: [$id]) }`,
    variables: (f) => ({ id: f.foreignNotification }),
    expect: roles(ALL_ROLES, 'hidden'), // someone else's id is ignored: 0 marked
    emptyIsHidden: (d) => d.markNotificationsRead === 0,
  },
  {
    name: 'Mutation.markNotificationsRead (own)',
    query: `mutation($id: ID!) { markNotificationsRead(ids: [$id]) }`,
    variables: (f, who) => ({ id: ownNotification(f, who) }),
    expect: roles(ALL_ROLES),
    emptyIsHidden: (d) => d.markNotificationsRead === 0, // the own one must be marked
  },
  {
    name: 'Mutation.markAllNotificationsRead',
    query: `mutation { markAllNotificationsRead }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Query.myNotificationSettings',
    query: `{ myNotificationSettings { email kinds { kind email webhook } } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Mutation.updateMyNotificationSettings',
    query: `mutation { updateMyNotificationSettings(input: { quietHoursStart: "", quietHoursEnd: "" }) { quietHoursStart } }`,
    expect: roles(ALL_ROLES),
  },
  {
    name: 'Query.notificationDeliveries',
    query: `{ notificationDeliveries(page: { first: 5 }) { total counts { status count } } }`,
    expect: roles([Role.SYSTEM_ADMIN]),
  },
  {
    name: 'Mutation.retryNotificationDelivery',
    query: `mutation { retryNotificationDelivery(id: "${NIL}") { id } }`,
    expect: roles([Role.SYSTEM_ADMIN]), // NOT_FOUND (no such delivery) is the business answer
  },
  // Workbench (issue 16): the business roles' home page; each role has its own sections.
  {
    name: 'Query.workbench',
    query: `query($c: ID) { workbench(cycleId: $c) { sections { key count } } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles(TASK_READERS),
  },
  {
    name: 'Query.workbenchSection (operator section)',
    query: `query($c: ID) { workbenchSection(key: RETURNED_TASKS, cycleId: $c) { count } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles([Role.COUNTY_OPERATOR]),
  },
  {
    name: 'Query.workbenchSection (supervisor section)',
    query: `query($c: ID) { workbenchSection(key: REVIEW_QUEUE, cycleId: $c) { count } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR]),
  },
  {
    name: 'Query.workbenchSection (auditor section)',
    query: `query($c: ID) { workbenchSection(key: INTEGRITY_PROBLEMS, cycleId: $c) { count } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: roles([Role.AUDITOR]),
  },
  // 情况通报 (issue 16): the bulletin part's rows (unknown ids), then drafts of real scopes.
  ...BULLETIN_ACCESS_OPERATIONS,
  // 实地核查 (issue 18): draws, findings, closing.
  ...onsiteAccessOperations(unitOf),
  // 公示与异议 (issue 18): publication, objections, decisions.
  ...objectionAccessOperations(unitOf),
  {
    name: 'Query.bulletin (foreign: the province’s draft)',
    query: `query($id: ID!) { bulletin(id: $id) { id } }`,
    variables: (f) => ({ id: f.bulletinDrafts.province }),
    // Drafts are the compiling supervisors' only; operators and auditors read published ones.
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'hidden',
      COUNTY_OPERATOR: 'hidden',
      AUDITOR: 'hidden',
    },
  },
  {
    name: 'Query.bulletin (foreign: the Enshi prefecture’s draft)',
    query: `query($id: ID!) { bulletin(id: $id) { id } }`,
    variables: (f) => ({ id: f.bulletinDrafts.prefecture }),
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'allowed', // its own scope
      COUNTY_OPERATOR: 'hidden',
      AUDITOR: 'hidden',
    },
  },
  {
    name: 'Query.bulletins (foreign drafts)',
    query: `{ bulletins(filter: { status: DRAFT }) { id } }`,
    // Drafts exist (the fixture's); operators and auditors see none of them.
    expect: {
      PROVINCIAL_SUPERVISOR: 'allowed',
      PREFECTURE_SUPERVISOR: 'allowed',
      COUNTY_OPERATOR: 'hidden',
      AUDITOR: 'hidden',
    },
    emptyIsHidden: (d) => (d.bulletins as unknown[]).length === 0,
  },
  {
    name: 'Mutation.generateBulletin (foreign scope)',
    query: `mutation($c: ID!) { generateBulletin(input: { cycleId: $c, periodKind: QUARTER, period: "2026-Q1", scopeUnitCode: "420100" }) { id } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Query.bulletinGoodPracticeCandidates (foreign scope)',
    query: `query($c: ID!) { bulletinGoodPracticeCandidates(cycleId: $c, scopeUnitCode: "420100") { taskId } }`,
    variables: (f) => ({ c: f.cycleId }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' },
  },
  {
    name: 'Mutation.updateBulletinDraft (foreign)',
    query: `mutation($id: ID!) { updateBulletinDraft(input: { id: $id, expectedRowVersion: 99, intro: "矩阵" }) { id } }`,
    variables: (f) => ({ id: f.bulletinDrafts.province }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' }, // CONFLICT: stale
  },
  {
    name: 'Mutation.publishBulletin (foreign)',
    query: `mutation($id: ID!) { publishBulletin(id: $id, expectedRowVersion: 99) { id } }`,
    variables: (f) => ({ id: f.bulletinDrafts.province }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' }, // CONFLICT: stale
  },
  {
    name: 'Mutation.deleteBulletinDraft (foreign)',
    query: `mutation($id: ID!) { deleteBulletinDraft(id: $id, expectedRowVersion: 99) }`,
    variables: (f) => ({ id: f.bulletinDrafts.province }),
    expect: { PROVINCIAL_SUPERVISOR: 'allowed', PREFECTURE_SUPERVISOR: 'hidden' }, // CONFLICT: stale
  },
  // Last: it ends the session the other rows use.
  { name: 'Mutation.signOut', query: `mutation { signOut }`, expect: roles(ALL_ROLES) },
];

function outcomeOf(
  op: Operation,
  res: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ extensions?: Record<string, unknown> }>;
  },
): Outcome {
  const code = res.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return 'forbidden';
  if (code === 'NOT_FOUND' && op.name.includes('foreign')) return 'hidden';
  if (code === 'NOT_FOUND' && op.name.includes('(own')) return 'forbidden'; // own data must be reachable
  if (res.data && op.emptyIsHidden?.(res.data)) return 'hidden';
  return 'allowed';
}

describe('access matrix: role × operation × own/foreign unit', () => {
  let api: TestApi;
  const fixture = {} as Fixture;
  const clients = new Map<Who, SignedInClient | null>();

  beforeAll(async () => {
    api = await startTestApi(); // demo seed: one account per role, the shipped regulation
    const db = api.server.app.get(DataSource);
    fixture.seedText = readFileSync(
      shippedRegulationPath('hubei-quality-promotion-draft.txt'),
      'utf8',
    );
    [{ id: fixture.versionId }] = await db.query(`SELECT id FROM regulation_version LIMIT 1`);
    [{ id: fixture.dutyId }] = await db.query(`SELECT id FROM duty WHERE tracked LIMIT 1`);
    // A target account for the user-administration rows, and one that signs in.
    const sys = await api.signIn('sysadmin');
    for (const [username, field] of [
      ['matrix.target', 'targetUserId'],
      ['matrix.user', null],
    ] as const) {
      const created = await sys.graphql<{
        createUser: { user: { id: string }; temporaryPassword: string };
      }>(
        `mutation($u: String!) { createUser(input: { username: $u, displayName: "矩阵" }) { user { id } temporaryPassword } }`,
        { u: username },
      );
      const { user, temporaryPassword } = created.data!.createUser;
      if (field) fixture[field] = user.id;
      else {
        const first = await api.signIn(username, temporaryPassword);
        await first.graphql(
          `mutation($c: String!) { changePassword(input: { currentPassword: $c, newPassword: "Matrix#Check2026" }) { id } }`,
          { c: temporaryPassword },
        );
      }
    }
    const province = await api.signIn('province');
    const created = await province.graphql<{ createCycle: { cycle: { id: string } } }>(
      `mutation($v: ID!) { createCycle(input: { year: 2026, regulationVersionId: $v, startDate: "2026-01-01", dueDate: "2026-12-31" }) { cycle { id } } }`,
      { v: fixture.versionId },
    );
    fixture.cycleId = created.data!.createCycle.cycle.id;
    const taskIn = async (unit: string, nth = 0) =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.unit_code = $1 AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 1 OFFSET $2`,
          [unit, nth],
        )
      )[0].id as string;
    fixture.tasks = {};
    for (const role of ALL_ROLES) {
      fixture.tasks[role] = {
        own: await taskIn(unitOf(role, 'own')),
        foreign: await taskIn(unitOf(role, 'foreign')),
      };
    }
    fixture.tasks.ANONYMOUS = { own: await taskIn('420102'), foreign: await taskIn('420102') };
    // Evidence on every fixture task (inserted directly: uploads are tested on their own),
    // uploaded by the 420102 operator so that their withdrawal is a real business answer.
    fixture.evidenceOn = {};
    const taskIds = [...new Set(Object.values(fixture.tasks).flatMap((t) => [t.own, t.foreign]))];
    for (const taskId of taskIds) {
      const [{ id }] = await db.query(
        `INSERT INTO evidence (task_id, unit_code, cycle_id, lineage_id, version, sha256, size, file_type, mime_type, original_name, uploaded_by)
         SELECT t.id, t.unit_code, t.cycle_id, gen_random_uuid(), 1, repeat('ab', 32), 10, 'pdf', 'application/pdf', '矩阵.pdf', 'jiangan-scjg'
           FROM task t WHERE t.id = $1 RETURNING id`,
        [taskId],
      );
      fixture.evidenceOn[taskId] = id;
    }
    fixture.onsite = await insertOnsiteFixture(db, fixture.cycleId, [
      fixture.tasks.PREFECTURE_SUPERVISOR.own,
      fixture.tasks.PREFECTURE_SUPERVISOR.foreign,
    ]);
    // One unread notification per demo account and one to another user (inserted directly:
    // who gets notified of what is tested with the notifications).
    const notifyDirectly = async (username: string) =>
      (
        await db.query(
          `INSERT INTO notification (recipient_username, kind, title, body, link, created_at)
           VALUES ($1, 'CYCLE_OPENED', '矩阵', '矩阵', '/workbench', now()) RETURNING id`,
          [username],
        )
      )[0].id as string;
    fixture.notificationOf = {};
    for (const { username } of DEMO_ACCOUNTS)
      fixture.notificationOf[username] = await notifyDirectly(username);
    fixture.foreignNotification = await notifyDirectly('matrix.target');
    // A blue 督办单 (issued by the province) on the county operator's own and foreign task.
    fixture.urgingOn = {};
    for (const taskId of [
      fixture.tasks.COUNTY_OPERATOR.own,
      fixture.tasks.COUNTY_OPERATOR.foreign,
    ]) {
      const issued = await province.graphql<{ issueUrgingNotice: { id: string } }>(
        `mutation($id: ID!) { issueUrgingNotice(input: { taskId: $id, colour: BLUE, text: "矩阵", answerDue: "2099-12-31" }) { id } }`,
        { id: taskId },
      );
      expect(issued.errors).toBeUndefined();
      fixture.urgingOn[taskId] = issued.data!.issueUrgingNotice.id;
    }
    // The 420102 operator's pending 转办 and 不适用 requests on a second task of the unit.
    const operator = await api.signIn('jiangan-scjg');
    const secondTask = await taskIn('420102', 1);
    const [{ id: otherDepartment }] = await db.query(
      `SELECT d.id FROM department d JOIN task t ON t.unit_code = d.unit_code
        WHERE t.id = $1 AND d.id <> t.lead_department_id ORDER BY d.id LIMIT 1`,
      [secondTask],
    );
    const asked = await operator.graphql<{ requestTaskReassignment: { id: string } }>(
      `mutation($t: ID!, $d: ID!) { requestTaskReassignment(input: { taskId: $t, toDepartmentId: $d, reason: "矩阵" }) { id } }`,
      { t: secondTask, d: otherDepartment },
    );
    const notApplicable = await operator.graphql<{ requestNotApplicable: { id: string } }>(
      `mutation($t: ID!) { requestNotApplicable(input: { taskId: $t, reason: "矩阵", documentReference: "鄂矩阵〔2026〕1号" }) { id } }`,
      { t: secondTask },
    );
    expect([asked.errors, notApplicable.errors]).toEqual([undefined, undefined]);
    fixture.requests = {
      reassignment: asked.data!.requestTaskReassignment.id,
      notApplicable: notApplicable.data!.requestNotApplicable.id,
    };
    // Bulletin drafts: the province's, and the Enshi prefecture supervisor's for 422800.
    const draft = async (client: SignedInClient, period: string) => {
      const generated = await client.graphql<{ generateBulletin: { id: string } }>(
        `mutation($c: ID!, $p: String!) { generateBulletin(input: { cycleId: $c, periodKind: MONTH, period: $p }) { id } }`,
        { c: fixture.cycleId, p: period },
      );
      expect(generated.errors).toBeUndefined();
      return generated.data!.generateBulletin.id;
    };
    fixture.bulletinDrafts = {
      province: await draft(province, '2026-03'),
      prefecture: await draft(await api.signIn('enshi-zhou'), '2026-02'),
    };
    clients.set('ANONYMOUS', null);
    for (const role of ALL_ROLES)
      clients.set(role, await api.signIn(ACCOUNT[role].username, DEMO_PASSWORD));
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ALL_ROLES));
  });
  afterAll(async () => {
    try {
      const db = api.server.app.get(DataSource);
      // Refusals are audited: a foreign unit's departments were asked for by the county
      // operator; the operator tried to decide its own 转办 request.
      const denied = await db.query(
        `SELECT actor_username, target, detail FROM security_audit_log WHERE action = 'PERMISSION_DENIED'`,
      );
      expect(denied).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor_username: 'jiangan-scjg', target: 'unit:422801' }),
          expect.objectContaining({ actor_username: 'auditadmin', target: 'Query.duties' }),
          expect.objectContaining({
            actor_username: 'jiangan-scjg',
            detail: expect.objectContaining({ operation: 'reassignment:decide' }),
          }),
        ]),
      );
      // Nobody marked another user's notification read; the 转办 request is still pending.
      const [foreign] = await db.query(`SELECT read_at FROM notification WHERE id = $1`, [
        fixture.foreignNotification,
      ]);
      expect(foreign).toEqual({ read_at: null });
      const [request] = await db.query(`SELECT status FROM task_reassignment WHERE id = $1`, [
        fixture.requests.reassignment,
      ]);
      expect(request).toEqual({ status: 'PENDING' });
    } finally {
      await api?.close(); // also when an expectation above fails (or jest would hang)
    }
  });

  it('covers every Query and Mutation of the schema (a new operation must join the matrix)', async () => {
    const operations = await rootOperations(api);
    const covered = [...new Set(OPERATIONS.map((op) => op.name.split(' ')[0]))].sort();
    expect(covered).toEqual(operations);
  });

  const callers: Who[] = ['ANONYMOUS', ...ALL_ROLES];
  describe.each(callers)('%s', (who) => {
    it.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
      const client = clients.get(who);
      const variables = op.variables?.(fixture, who);
      const res = client
        ? await client.graphql(op.query, variables)
        : await api.graphql(op.query, variables);
      // A national supervisor reads what an auditor reads and changes nothing: unless an
      // operation says otherwise, the auditor's outcome.
      const expected =
        op.expect[who] ??
        (who === Role.NATIONAL_SUPERVISOR ? op.expect[Role.AUDITOR] : undefined) ??
        'forbidden';
      expect({ operation: op.name, who, outcome: outcomeOf(op, res) }).toEqual({
        operation: op.name,
        who,
        outcome: expected,
      });
    });
  });
});
