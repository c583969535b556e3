import { EvidenceStore } from '@duty/api/evidence-store';
import { DataSource } from 'typeorm';
import { generateTasks } from '../cycle/task-generation';
import { seedDemoEvidence } from './demo-evidence.seed';

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

/**
 * The 2026 demo cycle (考核年度) over the shipped regulation, with a realistic spread of
 * statuses, notes, returns and extensions, every step recorded in the task history (dated
 * through the year) so that figures derived from the history are true; every task that was
 * submitted has its evidence. Deterministic (by task
 * id) and skipped when any cycle exists.
 */
export async function seedDemoCycle(dataSource: DataSource, store: EvidenceStore): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [existing] = await manager.query(`SELECT 1 FROM assessment_cycle LIMIT 1`);
    if (existing) return 0;
    const [version] = await manager.query(
      `SELECT v.id, v.title FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
        WHERE r.code = 'hubei-quality-promotion' ORDER BY v.version_number DESC LIMIT 1`,
    );
    if (!version) return 0;
    const [cycle] = await manager.query(
      `INSERT INTO assessment_cycle (year, regulation_version_id, title, start_date, due_date, state, created_by)
       VALUES (2026, $1, '2026年度湖北省质量促进条例实施考核（演示）', '2026-01-01', '2026-12-31', 'open', 'demo-seed')
       RETURNING id, regulation_version_id AS "regulationVersionId", due_date::text AS "dueDate"`,
      [version.id],
    );
    const generated = await generateTasks(manager, cycle, 'demo-seed');
    await manager.query(`SELECT set_config('duty.demo_cycle', $1, true)`, [cycle.id]);
    // A stable bucket 0–99 per task decides its story.
    const bucket = `(abs(hashtext(t.id::text)) % 100)`;
    const pick = (list: string[]) =>
      `(ARRAY[${list.map((s) => `'${s}'`).join(', ')}])[1 + abs(hashtext(t.id::text || 'n')) % ${list.length}]`;
    // A day (1st–20th) of a month given as an SQL expression (1 = January), so the steps of
    // different tasks spread over the year like real work and the trend climbs gradually.
    const inMonth = (month: string) =>
      `(timestamptz '2026-01-01 09:00+08' + ((${month}) - 1) * interval '1 month' + (abs(hashtext(t.id::text)) % 20) * interval '1 day')`;
    const at = (month: number) => inMonth(String(month));
    // Submitted between March and August; returned a month later; verified one or two months
    // after submission (April to October).
    const submittedMonth = `(3 + ${bucket} % 6)`;
    const verifiedMonth = `(${submittedMonth} + 1 + abs(hashtext(t.id::text || 'v')) % 2)`;
    const event = (kind: string, from: string, to: string, when: string, extra = `NULL`) =>
      `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after, reason)
       SELECT t.id, t.unit_code, t.cycle_id, ${when}, 'demo-seed', '${kind}', jsonb_build_object('status', '${from}'),
              jsonb_build_object('status', '${to}'), ${extra}
         FROM task t WHERE t.cycle_id = $1 AND`;
    const steps: Array<[string, string]> = [
      // 签收: all but a few tasks (bucket < 8: still 待签收) acknowledged in the first weeks of January.
      [
        `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after)
        SELECT t.id, t.unit_code, t.cycle_id, ${at(1)} + interval '3 days', 'demo-seed', 'acknowledged',
               jsonb_build_object('acknowledgedAt', NULL),
               jsonb_build_object('acknowledgedAt', ${at(1)} + interval '3 days', 'leadDepartmentId', t.lead_department_id)
          FROM task t WHERE t.cycle_id = $1 AND ${bucket} >= 8`,
        '',
      ],
      [
        `UPDATE task t SET acknowledged_at = ${at(1)} + interval '3 days', acknowledged_by = 'demo-seed', row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} >= 8`,
        '',
      ],
      // Everything beyond bucket 30 has started (February), with a note and measures.
      [event('status', 'NOT_STARTED', 'IN_PROGRESS', at(2)) + ` ${bucket} >= 30`, ''],
      [
        `UPDATE task t SET status = 'IN_PROGRESS', progress_note = ${pick(NOTES)}, measures = ${pick(MEASURES)}, row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} >= 30`,
        '',
      ],
      // 55–94 submitted (March to August).
      [
        event('status', 'IN_PROGRESS', 'SUBMITTED', inMonth(submittedMonth)) +
          ` ${bucket} BETWEEN 55 AND 94`,
        '',
      ],
      [
        `UPDATE task t SET status = 'SUBMITTED', row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} BETWEEN 55 AND 94`,
        '',
      ],
      // 88–94 returned a month after submission, with a reason.
      [
        event(
          'status',
          'SUBMITTED',
          'RETURNED',
          inMonth(`${submittedMonth} + 1`),
          `'佐证材料不完整，请补充后重新提交。'`,
        ) + ` ${bucket} BETWEEN 88 AND 94`,
        '',
      ],
      [
        `UPDATE task t SET status = 'RETURNED', return_count = return_count + 1, row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} BETWEEN 88 AND 94`,
        '',
      ],
      // 70–87 verified (April to October).
      [
        event('status', 'SUBMITTED', 'VERIFIED', inMonth(verifiedMonth)) +
          ` ${bucket} BETWEEN 70 AND 87`,
        '',
      ],
      [
        `UPDATE task t SET status = 'VERIFIED', completed_at = ${inMonth(verifiedMonth)}, row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} BETWEEN 70 AND 87`,
        '',
      ],
      // 95–99 in progress with an approved extension (October).
      [
        `INSERT INTO task_extension_request (task_id, requested_due_date, reason, state, requested_by, requested_at, decided_by, decided_at, decision_note)
        SELECT t.id, '2027-03-31', '项目建设周期较长，申请延期至次年一季度。', 'approved', 'demo-seed', ${at(10)}, 'demo-seed', ${at(10)} + interval '2 days', '同意延期。'
          FROM task t WHERE t.cycle_id = $1 AND ${bucket} >= 95`,
        '',
      ],
      [
        `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after, reason)
        SELECT t.id, t.unit_code, t.cycle_id, ${at(10)} + interval '2 days', 'demo-seed', 'extension_decided',
               jsonb_build_object('dueDate', t.due_date::text, 'extensionCount', 0),
               jsonb_build_object('decision', 'approved', 'dueDate', '2027-03-31', 'extensionCount', 1), '同意延期。'
          FROM task t WHERE t.cycle_id = $1 AND ${bucket} >= 95`,
        '',
      ],
      [
        `UPDATE task t SET due_date = '2027-03-31', extension_count = 1, row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} >= 95`,
        '',
      ],
      // 54 in progress with an extension request still waiting for the supervisor (November):
      // the supervisors' workbench lists them.
      [
        `INSERT INTO task_extension_request (task_id, requested_due_date, reason, state, requested_by, requested_at)
        SELECT t.id, '2027-02-28', '配套资金尚未到位，申请延期至明年二月底', 'pending', 'demo-seed', ${at(11)}
          FROM task t WHERE t.cycle_id = $1 AND ${bucket} = 54`,
        '',
      ],
      [
        `INSERT INTO task_event (task_id, unit_code, cycle_id, occurred_at, actor_username, kind, before, after, reason)
        SELECT t.id, t.unit_code, t.cycle_id, ${at(11)}, 'demo-seed', 'extension_requested',
               jsonb_build_object('dueDate', t.due_date::text),
               jsonb_build_object('requestedDueDate', '2027-02-28', 'requestId', x.id), x.reason
          FROM task t JOIN task_extension_request x ON x.task_id = t.id AND x.state = 'pending'
         WHERE t.cycle_id = $1 AND ${bucket} = 54`,
        '',
      ],
      // Some untouched tasks had an earlier deadline (September): they are overdue now.
      [
        `UPDATE task t SET due_date = '2026-09-30', row_version = row_version + 1 WHERE t.cycle_id = $1 AND ${bucket} < 30 AND ${bucket} % 3 = 0`,
        '',
      ],
    ];
    for (const [sql] of steps) await manager.query(sql, [cycle.id]);
    await seedDemoEvidence(manager, cycle.id, store);
    return generated.total;
  });
}
