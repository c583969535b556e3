import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Role } from '../../auth/role';
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
    name: 'Mutation.setCycleDutyDueDate',
    query: `mutation($id: ID!) { setCycleDutyDueDate(cycleId: $id, dutyLineageId: "${NIL}", dueDate: "2026-12-31") }`,
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
    name: 'Query.assessmentResultSets',
    query: `query($c: ID!) { assessmentResultSets(cycleId: $c) { version } }`,
    variables: (f) => ({ c: f.cycleId }),
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
    name: 'Query.urgingNotice (foreign)',
    query: `query($id: ID!) { urgingNotice(id: $id) { id } }`,
    variables: () => ({ id: NIL }),
    expect: roles(TASK_READERS, 'hidden'), // no such notice: NOT_FOUND for everyone who may ask
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
    name: 'Mutation.acknowledgeUrgingNotice',
    query: `mutation { acknowledgeUrgingNotice(id: "${NIL}") { id } }`,
    expect: { COUNTY_OPERATOR: 'allowed' }, // NOT_FOUND (no such notice) is the business answer
  },
  {
    name: 'Mutation.answerUrgingNotice',
    query: `mutation { answerUrgingNotice(input: { id: "${NIL}", answer: "矩阵" }) { id } }`,
    expect: { COUNTY_OPERATOR: 'allowed' }, // NOT_FOUND (no such notice) is the business answer
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
    name: 'Query.pendingTaskReassignments',
    query: `{ pendingTaskReassignments { id } }`,
    expect: roles(TASK_READERS),
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
    const taskIn = async (unit: string) =>
      (
        await db.query(
          `SELECT t.id FROM task t JOIN department d ON d.id = t.lead_department_id
            WHERE t.unit_code = $1 AND d.kind_code = 'market_regulation' ORDER BY t.id LIMIT 1`,
          [unit],
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
    clients.set('ANONYMOUS', null);
    for (const role of ALL_ROLES)
      clients.set(role, await api.signIn(ACCOUNT[role].username, DEMO_PASSWORD));
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(ALL_ROLES));
  });
  afterAll(async () => {
    // Refusals are audited: a foreign unit's departments were asked for by the county operator.
    const denied = await api.server.app
      .get(DataSource)
      .query(
        `SELECT actor_username, target, detail FROM security_audit_log WHERE action = 'PERMISSION_DENIED'`,
      );
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor_username: 'jiangan-scjg', target: 'unit:422801' }),
        expect.objectContaining({ actor_username: 'auditadmin', target: 'Query.duties' }),
      ]),
    );
    await api?.close();
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
      const expected = op.expect[who] ?? 'forbidden';
      expect({ operation: op.name, who, outcome: outcomeOf(op, res) }).toEqual({
        operation: op.name,
        who,
        outcome: expected,
      });
    });
  });
});
