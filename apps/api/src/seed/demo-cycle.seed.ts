import { EvidenceStore } from '@duty/api/evidence-store';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { shanghaiDate } from '../common/iso-date';
import { updateReturning } from '../common/query-helpers';
import { generateTasks } from '../cycle/task-generation';
import { NewTaskEvent } from '../task/task-events';
import { DemoActorAccount, DemoActors, demoActors } from './demo-actors';
import { seedDemoEvidence } from './demo-evidence.seed';
import {
  dayAt,
  DemoCycleDates,
  demoCycleDates,
  DemoTaskStory,
  planStories,
  unitHash,
  unitProfiles,
} from './demo-story';

const NOTES = [
  '已制定本地区实施方案，明确责任分工和时间节点。',
  '已召开专题会议部署，形成工作台账并按月调度。',
  '已印发配套文件，正在组织各乡镇（街道）落实。',
  '已完成首批项目建设，正在总结经验并推广。',
  '已开展专项检查，发现问题已督促整改到位。',
];
const MEASURES = [
  '成立工作专班；建立月调度、季通报机制。',
  '统筹安排专项经费；纳入年度绩效考核。',
  '开展政策宣讲和业务培训；建立部门会商机制。',
];
/** The seed's own name (系统（演示数据）): for the steps no demo account would have done. */
const ACTOR = 'demo-seed';
const DUE_CHANGE_REASON = '考核年度调整该职责的截止日期';
const DUE_CHANGE_DAY = 14;

/**
 * The demo cycle (考核年度) over the shipped regulation, anchored to the day it is seeded
 * (`today`, default now): it started eight months ago and runs for a year, so today sits two
 * thirds through it (see demo-story.ts for the story). Every step of every task is in its
 * history, in order and dated before today: generation at the cycle start, the mid-cycle due
 * dates of some duties set two weeks later (logged per task as the cycle screen logs them),
 * acknowledgements, starts, submissions, returns, verifications, extension requests and
 * decisions; every task that was submitted has its evidence. Each step is attributed to the
 * demo account that would have taken it (see demo-actors.ts): the operator of the unit's lead
 * department, the supervisor over the unit, the provincial supervisor for the cycle's own steps;
 * the seed's name only where the unit has no such account. Deterministic by task id and unit
 * code; skipped when any cycle exists.
 */
export async function seedDemoCycle(
  dataSource: DataSource,
  store: EvidenceStore,
  today: Date = new Date(),
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [existing] = await manager.query(`SELECT 1 FROM assessment_cycle LIMIT 1`);
    if (existing) return 0;
    const [version] = await manager.query(
      `SELECT v.id, v.title FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
        WHERE r.code = 'hubei-quality-promotion' ORDER BY v.version_number DESC LIMIT 1`,
    );
    if (!version) return 0;
    const dates = demoCycleDates(shanghaiDate(today));
    const actors = demoActors(await demoAccounts(manager), ACTOR);
    const [cycle] = await manager.query(
      `INSERT INTO assessment_cycle (year, regulation_version_id, title, start_date, due_date, state, created_by, created_at, province_code)
       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, '420000')
       RETURNING id, regulation_version_id AS "regulationVersionId", due_date::text AS "dueDate",
                 province_code AS "provinceCode"`,
      [dates.year, version.id, dates.title, dates.start, dates.due, actors.cycle, dayAt(dates, 0)],
    );
    const generated = await generateTasks(manager, cycle, actors.cycle, dayAt(dates, 0));
    await manager.query(`UPDATE task SET created_at = $2 WHERE cycle_id = $1`, [
      cycle.id,
      dayAt(dates, 0),
    ]);
    await manager.query(`SELECT set_config('duty.demo_cycle', $1, true)`, [cycle.id]);
    const { early, events } = await setMidCycleDueDates(manager, cycle.id, dates, actors.cycle);
    const tasks: Array<{
      id: string;
      unitCode: string;
      level: string;
      chapter: number;
      lineage: string;
    }> = await manager.query(
      `SELECT t.id, t.unit_code AS "unitCode", u.level, c.number AS chapter, t.duty_lineage_id AS lineage
           FROM task t JOIN admin_unit u ON u.code = t.unit_code JOIN duty d ON d.id = t.duty_id
           JOIN regulation_article a ON a.id = d.article_id JOIN regulation_chapter c ON c.id = a.chapter_id
          WHERE t.cycle_id = $1 AND t.retired_at IS NULL ORDER BY t.id`,
      [cycle.id],
    );
    const units = [...new Map(tasks.map((t) => [t.unitCode, t.level])).entries()].map(
      ([code, level]) => ({ code, level }),
    );
    const stories = planStories(
      dates,
      tasks.map((t) => ({ ...t, early: early.has(t.lineage) })),
      unitProfiles(units),
    );
    const uploaders = await applyStories(manager, cycle.id, dates, stories, events, actors);
    const submittedAt = new Map(
      events
        .filter(
          (e) => e.kind === 'status' && (e.after as { status: string }).status === 'SUBMITTED',
        )
        .map((e) => [e.taskId, e.occurredAt!]),
    );
    events.push(...(await seedDemoEvidence(manager, cycle.id, store, submittedAt, uploaders)));
    // In time order, as the workflow would have appended them.
    events.sort((a, b) => a.occurredAt!.getTime() - b.occurredAt!.getTime());
    await appendEvents(manager, events);
    await setLastChangedBy(manager, events, actors.cycle);
    return generated.total;
  });
}

/**
 * Some duties are due at mid-cycle (about one in eight, by lineage): set on the cycle two weeks
 * after it opened; returns each task's change as a `due_date` event (as the cycle screen logs
 * it), recorded with the other events in time order.
 */
async function setMidCycleDueDates(
  manager: EntityManager,
  cycleId: string,
  dates: DemoCycleDates,
  actor: string,
): Promise<{ early: Set<string>; events: NewTaskEvent[] }> {
  const lineages: Array<{ lineage: string }> = await manager.query(
    `SELECT DISTINCT duty_lineage_id AS lineage FROM task WHERE cycle_id = $1 ORDER BY 1`,
    [cycleId],
  );
  const ranked = lineages
    .map((l) => l.lineage)
    .sort((a, b) => unitHash(`${a}:due`) - unitHash(`${b}:due`));
  const early = ranked.slice(0, Math.max(1, Math.round(ranked.length / 8)));
  await manager.query(
    `INSERT INTO cycle_duty_due_date (cycle_id, duty_lineage_id, due_date)
     SELECT $1, l, $3::date FROM unnest($2::uuid[]) l`,
    [cycleId, early, dates.midDue],
  );
  const moved = await updateReturning<{ id: string; unit_code: string; before: string }>(
    manager,
    `UPDATE task t SET due_date = $3, row_version = t.row_version + 1
       FROM task old
      WHERE old.id = t.id AND t.cycle_id = $1 AND t.duty_lineage_id = ANY ($2::uuid[])
     RETURNING t.id, t.unit_code, old.due_date::text AS before`,
    [cycleId, early, dates.midDue],
  );
  const events = moved.map((t): NewTaskEvent => ({
    taskId: t.id,
    unitCode: t.unit_code,
    cycleId,
    actorUsername: actor,
    kind: 'due_date',
    before: { dueDate: t.before },
    after: { dueDate: dates.midDue },
    reason: DUE_CHANGE_REASON,
    occurredAt: dayAt(dates, DUE_CHANGE_DAY, 0.1),
  }));
  return { early: new Set(early), events };
}

/**
 * Writes the stories: the tasks' state and their extension requests; appends every history
 * event to `events` (recorded by the caller). Returns each task's operator (who uploads its
 * evidence).
 */
async function applyStories(
  manager: EntityManager,
  cycleId: string,
  dates: DemoCycleDates,
  stories: DemoTaskStory[],
  events: NewTaskEvent[],
  actors: DemoActors,
): Promise<Map<string, string>> {
  const current: Array<{
    id: string;
    unit_code: string;
    parent_code: string | null;
    due_date: string;
    lead_department_id: string;
  }> = await manager.query(
    `SELECT t.id, t.unit_code, u.parent_code, t.due_date::text, t.lead_department_id
       FROM task t JOIN admin_unit u ON u.code = t.unit_code WHERE t.cycle_id = $1`,
    [cycleId],
  );
  const operators = new Map<string, string>();
  const byId = new Map(current.map((t) => [t.id, t]));
  const at = (day: number, fraction: number) => dayAt(dates, day, fraction);
  const requests: Array<Record<string, unknown>> = [];
  const rows: Array<Record<string, unknown>> = [];
  for (const s of stories) {
    const task = byId.get(s.id)!;
    const [h1, h2, h3] = s.h;
    const eventsBefore = events.length;
    const operator = actors.operator(task.unit_code, task.lead_department_id);
    const verifier = actors.verifier({ code: task.unit_code, parentCode: task.parent_code });
    operators.set(s.id, operator);
    const base = { taskId: s.id, unitCode: task.unit_code, cycleId, actorUsername: operator };
    const byVerifier = { ...base, actorUsername: verifier };
    const status = (day: number, fraction: number, from: string, to: string, reason?: string) =>
      events.push({
        ...(to === 'RETURNED' || to === 'VERIFIED' ? byVerifier : base),
        kind: 'status',
        before: { status: from },
        after: { status: to },
        reason: reason ?? null,
        occurredAt: at(day, fraction),
      });
    let acknowledgedAt: Date | null = null;
    if (s.acknowledgedDay !== null) {
      acknowledgedAt = at(s.acknowledgedDay, h2);
      events.push({
        ...base,
        kind: 'acknowledged',
        before: { acknowledgedAt: null },
        after: {
          acknowledgedAt: acknowledgedAt.toISOString(),
          leadDepartmentId: task.lead_department_id,
        },
        occurredAt: acknowledgedAt,
      });
    }
    if (s.startedDay !== null) status(s.startedDay, h3, 'NOT_STARTED', 'IN_PROGRESS');
    let dueDate = task.due_date;
    let extensionCount = 0;
    if (s.extension) {
      const id = randomUUID();
      const reason = s.extension.decidedDay
        ? '项目建设周期较长，申请延期。'
        : '配套资金尚未到位，申请延期。';
      events.push({
        ...base,
        kind: 'extension_requested',
        before: { dueDate },
        after: { requestedDueDate: s.extension.newDue, requestId: id },
        reason,
        occurredAt: at(s.extension.requestedDay, h1),
      });
      requests.push({
        id,
        task_id: s.id,
        requested_by: operator,
        decided_by: s.extension.decidedDay === null ? null : verifier,
        requested_due_date: s.extension.newDue,
        reason,
        state: s.extension.decidedDay === null ? 'pending' : 'approved',
        requested_at: at(s.extension.requestedDay, h1).toISOString(),
        decided_at:
          s.extension.decidedDay === null ? null : at(s.extension.decidedDay, h2).toISOString(),
      });
      if (s.extension.decidedDay !== null) {
        events.push({
          ...byVerifier,
          kind: 'extension_decided',
          before: { dueDate, extensionCount: 0 },
          after: { decision: 'approved', dueDate: s.extension.newDue, extensionCount: 1 },
          reason: '同意延期。',
          occurredAt: at(s.extension.decidedDay, h2),
        });
        dueDate = s.extension.newDue;
        extensionCount = 1;
      }
    }
    if (s.submittedDay !== null) status(s.submittedDay, h1, 'IN_PROGRESS', 'SUBMITTED');
    if (s.returnedDay !== null) {
      status(s.returnedDay, h2, 'SUBMITTED', 'RETURNED', '佐证材料不完整，请补充后重新提交。');
    }
    let completedAt: Date | null = null;
    if (s.verifiedDay !== null) {
      completedAt = at(s.verifiedDay, h2);
      status(s.verifiedDay, h2, 'SUBMITTED', 'VERIFIED');
    }
    const worked = s.status !== 'NOT_STARTED';
    rows.push({
      id: s.id,
      status: s.status,
      acknowledged_at: acknowledgedAt?.toISOString() ?? null,
      acknowledged_by: acknowledgedAt ? operator : null,
      progress_note: worked ? NOTES[Math.floor(h3 * NOTES.length)] : null,
      measures: worked ? MEASURES[Math.floor(h1 * MEASURES.length)] : null,
      due_date: dueDate,
      extension_count: extensionCount,
      return_count: s.returnedDay !== null ? 1 : 0,
      completed_at: completedAt?.toISOString() ?? null,
      changes: events.length - eventsBefore,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await manager.query(
      `UPDATE task t SET status = x.status, acknowledged_at = x.acknowledged_at,
              acknowledged_by = x.acknowledged_by,
              progress_note = coalesce(x.progress_note, t.progress_note),
              measures = coalesce(x.measures, t.measures), due_date = x.due_date,
              extension_count = x.extension_count, return_count = x.return_count,
              completed_at = x.completed_at, row_version = t.row_version + x.changes
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, acknowledged_at timestamptz,
              acknowledged_by text, progress_note text, measures text, due_date date, extension_count int,
              return_count int, completed_at timestamptz, changes int)
        WHERE t.id = x.id`,
      [JSON.stringify(rows.slice(i, i + 1000))],
    );
  }
  if (requests.length) {
    await manager.query(
      `INSERT INTO task_extension_request (id, task_id, requested_due_date, reason, state, requested_by, requested_at,
              decided_by, decided_at, decision_note)
       SELECT x.id, x.task_id, x.requested_due_date, x.reason, x.state, x.requested_by, x.requested_at,
              x.decided_by, x.decided_at,
              CASE WHEN x.decided_at IS NULL THEN NULL ELSE '同意延期。' END
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, task_id uuid, requested_due_date date,
              reason text, state text, requested_by text, requested_at timestamptz,
              decided_by text, decided_at timestamptz)`,
      [JSON.stringify(requests)],
    );
  }
  return operators;
}

/** The demo accounts that can carry the story (see demo-actors.ts), enabled ones only. */
function demoAccounts(manager: EntityManager): Promise<DemoActorAccount[]> {
  return manager.query(
    `SELECT username, role, unit_code AS "unitCode", department_id AS "departmentId"
       FROM app_user WHERE demo_account AND NOT disabled AND role IS NOT NULL ORDER BY username`,
  );
}

/**
 * 最后修改人: each task's updated_by is whoever took its last step in the history (`events` in time
 * order); tasks with no step beyond their generation keep the generation's actor.
 */
async function setLastChangedBy(
  manager: EntityManager,
  events: NewTaskEvent[],
  generatedBy: string,
): Promise<void> {
  const last = new Map<string, string>();
  for (const e of events) last.set(e.taskId, e.actorUsername);
  const rows = [...last]
    .filter(([, actor]) => actor !== generatedBy)
    .map(([id, actor]) => ({ id, actor }));
  for (let i = 0; i < rows.length; i += 4000) {
    await manager.query(
      `UPDATE task t SET updated_by = x.actor
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, actor text) WHERE t.id = x.id`,
      [JSON.stringify(rows.slice(i, i + 4000))],
    );
  }
}

/**
 * Appends the events in the given order, a few thousand rows per statement (the same rows
 * `recordTaskEvents` writes, without building an entity per row: the demo has ~20,000).
 */
async function appendEvents(manager: EntityManager, events: NewTaskEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 4000) {
    const rows = events.slice(i, i + 4000).map((e) => ({
      task_id: e.taskId,
      unit_code: e.unitCode,
      cycle_id: e.cycleId,
      occurred_at: e.occurredAt!.toISOString(),
      actor_username: e.actorUsername,
      kind: e.kind,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    }));
    await manager.query(
      `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after, reason)
       SELECT x.task_id, x.unit_code, x.cycle_id, x.occurred_at, x.actor_username, x.kind, x.before, x.after, x.reason
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(value, n),
              jsonb_to_record(r.value) AS x(task_id uuid, unit_code text, cycle_id uuid, occurred_at timestamptz,
                actor_username text, kind text, before jsonb, after jsonb, reason text)
        ORDER BY r.n`,
      [JSON.stringify(rows)],
    );
  }
}
