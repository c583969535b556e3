import type { HelpContent } from './types';

/** Help: glossary and role guides (English). */
export const helpContentEn: HelpContent = {
  glossary: [
    {
      term: 'Statutory duty',
      aka: '法定职责',
      definition:
        'Something a regulation says a government or department must (应当) or may do. Duties are extracted from each paragraph and item and tracked only after people confirm them.',
    },
    {
      term: 'Duty holder',
      aka: '履职主体',
      definition:
        'Who the text makes responsible, e.g. “people’s governments at county level and above” or “market regulation departments”; it decides the levels (province, prefecture, county) and the department.',
    },
    {
      term: 'Lead department',
      aka: '牵头',
      definition:
        'The department answerable for a duty. When the text names only “the government” or “relevant departments”, a reviewer chooses it; the default is the quality-promotion coordinator (usually market regulation).',
    },
    {
      term: 'Assisting department',
      aka: '配合',
      definition:
        'A department that helps the lead department; it can see the task and supply material, the lead submits.',
    },
    {
      term: 'Duty register',
      aka: '职责清单',
      definition:
        'All duties of a regulation with holder, levels and lead department: the basis of the tasks.',
    },
    {
      term: 'Regulation library',
      aka: '法规库',
      definition:
        'The laws, regulations and rules the system tracks, with their versions and registers.',
    },
    {
      term: 'Article, paragraph, item',
      aka: '条、款、项',
      definition:
        'The levels of a legal text. Duties are extracted per paragraph or item; tasks show their article.',
    },
    {
      term: 'Assessment year',
      aka: '考核年度',
      definition:
        'The period and deadlines of one annual assessment. Tasks belong to a year; once it is closed, scores are frozen.',
    },
    {
      term: 'Task',
      aka: '任务',
      definition:
        'One duty in one unit for one assessment year: the lead department’s operator records progress, uploads evidence and submits it for verification.',
    },
    {
      term: 'Unit',
      aka: '单位',
      definition:
        'An administrative unit with tasks: the province, 13 prefectures, the province-administered 仙桃, 潜江, 天门 and 神农架, and the counties and districts.',
    },
    {
      term: 'Evidence',
      aka: '佐证材料',
      definition:
        'Documents and pictures proving a task was done (PDF, OFD, Word, Excel, images). Stored with a content hash, never changed, exportable as a verifiable pack.',
    },
    {
      term: 'Submit for verification',
      aka: '提交核验',
      definition:
        'The operator hands a finished task with its evidence to the supervisor; it enters the review queue.',
    },
    {
      term: 'Verified',
      aka: '核验通过',
      definition:
        'A supervisor confirmed the task is done. Only verified tasks count towards completion.',
    },
    {
      term: 'Returned',
      aka: '退回',
      definition:
        'A supervisor sends a task back with a reason; the operator sees it first in the task list, fixes it and submits again.',
    },
    {
      term: 'Completion rate',
      aka: '完成率',
      definition: 'Verified tasks divided by all tasks, shown with one decimal.',
    },
    {
      term: 'Behind schedule',
      aka: '进度滞后',
      definition:
        'A unit whose completion rate lags the share of the year that has passed by more than the threshold.',
    },
    {
      term: 'Overdue',
      aka: '逾期',
      definition: 'A task past its due date and not yet verified.',
    },
    {
      term: 'Extension request',
      aka: '延期申请',
      definition:
        'An operator asks with a reason for a later due date; a supervisor approves or rejects it.',
    },
    {
      term: 'Urging notice',
      aka: '督办单',
      definition:
        'A notice on a task that is behind or overdue, in three colours: blue (reminder), orange (blue unanswered or overdue), red (orange unanswered or urgent). It must be acknowledged and answered.',
    },
    {
      term: 'Acknowledge',
      aka: '签收',
      definition:
        'The unit confirms it received an urging notice; it still answers with what it did.',
    },
    {
      term: 'Bulletin',
      aka: '情况通报',
      definition:
        'A periodic report by a supervisor: completion, ranking and problems, exportable as Word.',
    },
    {
      term: 'Assessment plan',
      aka: '考核方案',
      definition:
        'A year’s scoring rules: indicators and weights, points per task outcome, adjustments and grade bands (优秀, 良好, 合格, 不合格).',
    },
    {
      term: 'Score and grade',
      aka: '考核得分与等次',
      definition:
        'The score out of 100 computed by the plan, its grade band, and the rank among units of the same level.',
    },
    {
      term: 'Adjustment',
      aka: '加减分',
      definition:
        'A bonus or deduction a supervisor records with a reason; it can be revoked and is always logged.',
    },
    {
      term: 'Task log',
      aka: '任务日志',
      definition:
        'Every change of every task (who, when, what), in time order, with filters and export.',
    },
    {
      term: 'Evidence pack',
      aka: '审计材料包',
      definition:
        'An auditor’s export of evidence with a signed manifest of hashes, verifiable offline.',
    },
    {
      term: 'Jurisdiction',
      aka: '辖区',
      definition:
        'What an account can see: the province, one prefecture with its counties, or (operators) their own unit and department.',
    },
    {
      term: 'Separation of administration',
      aka: '三权分立',
      definition:
        'System, security and audit administrators each manage one part (accounts, permissions, audit log) and see no business data.',
    },
  ],
  guides: [
    {
      role: 'PROVINCIAL_SUPERVISOR',
      summary: 'Follow the whole province, verify submitted tasks, run the annual assessment.',
      firstSteps: [
        'Open Overview: the map and completion first; click a prefecture for its counties, a county for its unit page.',
        'Verify or return submitted tasks in the Review queue (a return needs a reason).',
        'Send urging notices to units behind schedule; publish Bulletins.',
      ],
      where: [
        'Plan, adjustments, scores, closing the year: Assessment.',
        'Regulations, registers and lead departments: Regulations.',
        'Task details and filters: Tasks; every change: Task log.',
      ],
    },
    {
      role: 'PREFECTURE_SUPERVISOR',
      summary: 'Follow your prefecture and its counties; review the counties’ submissions.',
      firstSteps: [
        'Open Overview: the map shows your prefecture and its counties by completion, score or urging notices.',
        'Verify or return the counties’ submissions in the Review queue.',
        'Send urging notices to counties behind schedule; record adjustments when needed.',
      ],
      where: [
        'Scores and ranking: Assessment, or the ranking on the overview.',
        'One county in detail: click it on the map or in the ranking.',
      ],
    },
    {
      role: 'COUNTY_OPERATOR',
      summary: 'Update your department’s tasks, upload evidence and submit for verification.',
      firstSteps: [
        'Open Workbench: returned tasks (with the reason) and tasks due soon come first.',
        'On a task: record progress, upload evidence, then Submit for verification.',
        'Acknowledge an urging notice first, then answer it.',
      ],
      where: [
        'All tasks, filters, Excel round trip: Tasks.',
        'Your unit’s score, grade and rank: My unit’s assessment in the menu.',
        'Bulletins from your supervisors: Bulletins.',
      ],
    },
    {
      role: 'AUDITOR',
      summary: 'Read everything in scope, export and verify evidence; change nothing.',
      firstSteps: [
        'Filter evidence by unit and article in Evidence and check its integrity status.',
        'Export an evidence pack and check each file against the manifest.',
        'Trace any task’s changes in the Task log.',
      ],
      where: ['Progress: Overview.', 'Results and frozen result sets: Assessment.'],
    },
    {
      role: 'SYSTEM_ADMIN',
      summary: 'Accounts and regulation imports; no business approvals.',
      firstSteps: [
        'In User management, create, disable and reset county operators’ accounts (one-time password).',
        'Password resets of administrators, supervisors and auditors are requests the security administrator approves.',
      ],
      where: [
        'Regulation imports and new versions: Regulations.',
        'Notification delivery: Delivery log.',
      ],
    },
    {
      role: 'SECURITY_ADMIN',
      summary:
        'Bind roles and jurisdictions, lift lockouts, approve other administrators’ reset requests.',
      firstSteps: [
        'Bind a new account’s role and unit in User management.',
        'Handle pending password reset requests: the temporary password is shown once, to you.',
      ],
      where: [
        'Reset a lost second factor: “Reset second factor” in User management (with a reason).',
      ],
    },
    {
      role: 'AUDIT_ADMIN',
      summary: 'Read the security audit log: sign-ins, denials and account changes.',
      firstSteps: ['Open the Security audit log and filter by time, account and action.'],
      where: ['The audit administrator sees no business data.'],
    },
  ],
};
