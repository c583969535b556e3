import { EVIDENCE_TYPES, EvidenceFileType } from '@duty/api/file-types';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_LEAD_DEPARTMENT_CODE } from '@duty/regulation/duties';
import { generateTasks } from '../cycle/task-generation';
import { widenTrackedDuties } from './national-dataset';
import { rebuildRollups } from '../analytics/rollup-verify';
import { resumeAfterBulkLoad, suspendForBulkLoad } from './bulk-load';
import { elapsedMs } from './bench-stats';
import {
  chainedInsert,
  linkUnchained,
  resumeChainTriggers,
  suspendChainTriggers,
} from './bench-chain';

/**
 * The province-scale data set of the analytics benchmark (issue 7): assessment cycles over the
 * shipped regulation, each with all its tasks (every unit × every tracked government duty), a
 * realistic status mix and a full, dated history (≥ 5 task_event rows per task), extension
 * requests, and evidence metadata with superseded and withdrawn versions.
 *
 * Everything is set-based SQL (INSERT … SELECT over per-task hash buckets), so three cycles
 * build in seconds. Consistent by construction: each task's row (status, notes, due date,
 * counters, row_version, updated_at) is what its history says; every task that was submitted
 * has 1–3 current evidence files, recorded before the submission; ids in task_event follow
 * time. Evidence has no files: sha256 values are well formed but made up, which is enough for
 * anything that reads metadata (evidence fsck would report them missing).
 *
 * Expects a migrated database with the reference data and the shipped regulation, and no
 * cycle for the years it creates.
 */
export interface AnalyticsDatasetOptions {
  /** Number of cycles (default 3): the years up to `lastYear`, all closed but the last. */
  cycles?: number;
  /** The open cycle's year (default 2026). */
  lastYear?: number;
  /** Regulation whose latest version the cycles use (default the shipped one). */
  regulationCode?: string;
  /**
   * Tracked government duties of that version: when more than it has, its tracked duties are
   * copied up to this number first (the national data set's 200; see national-dataset.ts).
   */
  trackedDuties?: number;
  /**
   * The provinces whose cycles are built (default Hubei's, '420000'): each year, one cycle per
   * province over that province's units, as each province runs its own (the national data set
   * passes every loaded province, Hubei first). The regulation must be national for more than
   * one province (its owner is cleared here: a scratch database).
   */
  provinceCodes?: readonly string[];
  /**
   * Told where a long build stands: one line per cycle (its steps' seconds) and per final step.
   * A national build runs for many minutes; this is how its user sees it move.
   */
  progress?: (line: string) => void;
}

export interface DatasetCycle {
  id: string;
  year: number;
  state: 'open' | 'closed';
  tasks: number;
  /** The cycle's province (XX0000). */
  provinceCode: string;
}

export interface AnalyticsDataset {
  cycles: DatasetCycle[];
  /** The last (open) cycle of the first province (Hubei): the one the benchmark queries. */
  openCycle: DatasetCycle;
  tasks: number;
  taskEvents: number;
  evidence: number;
  currentEvidence: number;
  extensionRequests: number;
  buildMs: number;
}

export const BENCH_ACTOR = 'bench-seed';

/** A submission in the history (bench_event): the event task_event_submission reacts to. */
const SUBMISSION = `kind = 'status' AND after ->> 'status' = 'SUBMITTED'`;

/**
 * Per-row triggers that would only repeat, row by row, what the build does set-based or what
 * has nothing to act on here:
 * - task_event_submission (migration AddTaskSubmittedAt) updates the task row for each
 *   submission event, a second write of the task that the build's final task update makes;
 * - urging_close_on_task_done (CreateUrgingNotices) closes a task's open urging notices when it
 *   is submitted or verified, and the data set has no urging notice.
 */
const SUSPENDED_TRIGGERS = [
  ['task_event', 'task_event_submission'],
  ['task', 'urging_close_on_task_done'],
] as const;

/** The tables loaded without their secondary indexes and foreign keys (bulk-load.ts). */
const BULK_LOADED = ['task_event', 'evidence', 'task_extension_request'] as const;

/** Seconds per named step, for the progress lines. */
class StepTimes {
  private readonly steps: Array<[string, number]> = [];
  private last = process.hrtime.bigint();

  /** Ends the step running since the previous call (or construction). */
  lap(label: string): void {
    const now = process.hrtime.bigint();
    this.steps.push([label, elapsedMs(this.last, now) / 1000]);
    this.last = now;
  }

  toString(): string {
    const total = this.steps.reduce((sum, [, s]) => sum + s, 0);
    return `${total.toFixed(1)} s (${this.steps.map(([l, s]) => `${l} ${s.toFixed(1)}`).join(', ')})`;
  }
}

type Story =
  /** never started (notes drafted) */
  | 'NS'
  /** started, not submitted */
  | 'IP'
  /** started, then an approved extension in October (open cycle) */
  | 'IP_EXT'
  /** submitted, not decided yet */
  | 'SU'
  /** submitted and returned, not resubmitted */
  | 'RE'
  /** submitted and verified */
  | 'VE'
  /** submitted, returned, resubmitted, verified */
  | 'VE_RET';

/** Inclusive bucket ranges (0–99) → story; together they cover 0–99. */
type Profile = Array<[from: number, to: number, story: Story]>;

/** Closed years: mostly verified, some returned or left overdue. */
const CLOSED_PROFILES: Record<'older' | 'recent', Profile> = {
  older: [
    [0, 2, 'NS'],
    [3, 8, 'IP'],
    [9, 12, 'RE'],
    [13, 14, 'SU'],
    [15, 27, 'VE_RET'],
    [28, 99, 'VE'],
  ],
  recent: [
    [0, 1, 'NS'],
    [2, 5, 'IP'],
    [6, 9, 'RE'],
    [10, 11, 'SU'],
    [12, 21, 'VE_RET'],
    [22, 99, 'VE'],
  ],
};
/** The open year, spread like the demo cycle. */
const OPEN_PROFILE: Profile = [
  [0, 29, 'NS'],
  [30, 54, 'IP'],
  [55, 69, 'SU'],
  [70, 74, 'VE_RET'],
  [75, 87, 'VE'],
  [88, 94, 'RE'],
  [95, 99, 'IP_EXT'],
];

const NOTES = [
  '已制定本地区实施方案，明确责任分工和时间节点。',
  '已召开专题会议部署，形成工作台账并按月调度。',
  '已印发配套文件，正在组织各乡镇（街道）落实。',
  '已完成首批项目建设，正在总结经验并推广。',
  '已开展专项检查，发现问题已督促整改到位。',
  '已将相关工作纳入年度重点工作清单，定期通报进展。',
];
const DRAFT_NOTES = ['正在研究制定工作方案。', '已明确牵头科室，正在梳理工作任务。'];
const MEASURES = [
  '成立工作专班；建立月调度、季通报机制。',
  '统筹安排专项经费；纳入年度绩效考核。',
  '开展政策宣讲和业务培训；建立部门会商机制。',
];
const RETURN_REASONS = [
  '佐证材料不完整，请补充后重新提交。',
  '进展情况表述笼统，请补充具体措施和成效。',
  '佐证材料与本项职责不对应，请核实后重新提交。',
];
const EVIDENCE_KINDS = ['实施方案', '工作总结', '会议纪要', '检查通报', '统计台账'];
/** Share (out of 100) of each file type among the evidence. */
const FILE_TYPE_MIX: Array<[EvidenceFileType, number]> = [
  ['pdf', 60],
  ['ofd', 10],
  ['docx', 14],
  ['xlsx', 4],
  ['jpeg', 8],
  ['png', 4],
];

/** Builds the data set; returns its sizes and how long it took. */
export async function buildAnalyticsDataset(
  dataSource: DataSource,
  options: AnalyticsDatasetOptions = {},
): Promise<AnalyticsDataset> {
  const count = options.cycles ?? 3;
  const lastYear = options.lastYear ?? 2026;
  if (!Number.isInteger(count) || count < 1 || count > 20) {
    throw new Error(`cycles must be an integer from 1 to 20, got ${count}`);
  }
  const started = process.hrtime.bigint();
  const progress = options.progress ?? (() => undefined);
  const cycles = await dataSource.transaction(async (manager) => {
    // JIT compilation of the wide INSERT … SELECT expressions costs more than running them.
    await manager.query(`SET LOCAL jit = off`);
    // The history's window and sorts run over whole cycles: in memory rather than on disk.
    await manager.query(`SET LOCAL work_mem = '256MB'`);
    // History and evidence are hash-chained: linked set-based below instead of row by row at
    // commit (bench-chain.ts).
    await suspendChainTriggers(manager);
    // The rollups' statement triggers re-read each task's history for every batch: off during
    // the load, the rollups rebuilt from the base tables afterwards (the result the triggers
    // would give; `bench:analytics --verify` checks it).
    const rollupTriggers = await setRollupTriggers(manager, 'DISABLE');
    // The history, evidence and extension requests are loaded without their secondary indexes
    // and foreign keys, which are re-created after the load (bulk-load.ts).
    const suspended = await suspendForBulkLoad(manager, BULK_LOADED);
    for (const [table, trigger] of SUSPENDED_TRIGGERS) {
      await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    }
    const [version] = await manager.query(
      `SELECT v.id FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
        WHERE r.code = $1 ORDER BY v.version_number DESC LIMIT 1`,
      [options.regulationCode ?? 'hubei-quality-promotion'],
    );
    if (!version) throw new Error('The regulation is not imported: run seedRegulations first.');
    if (options.trackedDuties) await widenTrackedDuties(manager, version.id, options.trackedDuties);
    const provinces = options.provinceCodes ?? ['420000'];
    if (provinces.length === 0) throw new Error('provinceCodes must name at least one province');
    if (provinces.length > 1) {
      // Every province runs cycles on it: a national regulation (全国通用).
      await manager.query(
        `UPDATE regulation SET owner_province_code = NULL
          WHERE id = (SELECT regulation_id FROM regulation_version WHERE id = $1)`,
        [version.id],
      );
    }
    const built: DatasetCycle[] = [];
    for (let year = lastYear - count + 1; year <= lastYear; year++) {
      const open = year === lastYear;
      const profile = open
        ? OPEN_PROFILE
        : year === lastYear - 1
          ? CLOSED_PROFILES.recent
          : CLOSED_PROFILES.older;
      for (const province of provinces) {
        const times = new StepTimes();
        const cycle = await buildCycle(manager, version.id, year, open, profile, province, times);
        built.push(cycle);
        progress(
          `cycle ${built.length}/${count * provinces.length} (${year}, ${province}): ` +
            `${cycle.tasks} tasks in ${times}`,
        );
      }
    }
    const finish = new StepTimes();
    // The 'created' events of task generation (inserted by the application's code).
    await linkUnchained(manager, 'task_event');
    await linkUnchained(manager, 'evidence');
    await resumeChainTriggers(manager);
    finish.lap('chain links');
    await resumeAfterBulkLoad(manager, suspended);
    for (const [table, trigger] of SUSPENDED_TRIGGERS) {
      await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }
    finish.lap('indexes and foreign keys');
    if (rollupTriggers) {
      // Statistics of the loaded rows first (ANALYZE sees this transaction's rows): the
      // recomputation's plans would otherwise assume empty tables.
      await manager.query(`ANALYZE task, task_event, evidence`);
      finish.lap('analyze');
      for (const cycle of built) await rebuildRollups(manager, cycle.id);
      await setRollupTriggers(manager, 'ENABLE');
      finish.lap('rollups');
    }
    progress(`links and rollups: ${finish}`);
    return built;
  });
  const commitDone = process.hrtime.bigint();
  const openCycle = cycles.find(
    (c) => c.year === lastYear && c.provinceCode === (options.provinceCodes ?? ['420000'])[0],
  )!;
  // Fresh statistics, as a long-running database would have: the benchmark measures plans
  // over known row counts, not over an unanalysed bulk load.
  // VACUUM too (as autovacuum would have): visibility map set, so that index-only scans are
  // planned as they are on a database in use.
  await dataSource.query(
    `VACUUM (ANALYZE) admin_unit, assessment_cycle, task, task_assist, task_event, task_extension_request, evidence,
       analytics_rollup, analytics_unit_rollup, analytics_area_rollup, analytics_trend_day`,
  );
  progress(`vacuum and statistics: ${(elapsedMs(commitDone) / 1000).toFixed(1)} s`);
  return {
    ...(await describeDataset(dataSource, cycles, openCycle)),
    buildMs: Number(process.hrtime.bigint() - started) / 1e6,
  };
}

/** The data set of `cycles` as it is in the database: row counts (`buildMs` is left out). */
export async function describeDataset(
  dataSource: DataSource,
  cycles: DatasetCycle[],
  openCycle: DatasetCycle,
): Promise<Omit<AnalyticsDataset, 'buildMs'>> {
  const [sizes] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM task WHERE cycle_id = ANY ($1)) AS tasks,
            (SELECT count(*)::int FROM task_event WHERE cycle_id = ANY ($1)) AS events,
            (SELECT count(*)::int FROM evidence WHERE cycle_id = ANY ($1)) AS evidence,
            (SELECT count(*)::int FROM evidence WHERE cycle_id = ANY ($1)
                AND withdrawn_at IS NULL AND superseded_by_id IS NULL) AS current,
            (SELECT count(*)::int FROM task_extension_request r JOIN task t ON t.id = r.task_id
              WHERE t.cycle_id = ANY ($1)) AS extensions`,
    [cycles.map((c) => c.id)],
  );
  return {
    cycles,
    openCycle,
    tasks: sizes.tasks,
    taskEvents: sizes.events,
    evidence: sizes.evidence,
    currentEvidence: sizes.current,
    extensionRequests: sizes.extensions,
  };
}

async function buildCycle(
  manager: EntityManager,
  versionId: string,
  year: number,
  open: boolean,
  profile: Profile,
  provinceCode: string,
  times: StepTimes,
): Promise<DatasetCycle> {
  const [existing] = await manager.query(
    `SELECT 1 FROM assessment_cycle WHERE year = $1 AND regulation_version_id = $2 AND province_code = $3`,
    [year, versionId, provinceCode],
  );
  if (existing) throw new Error(`The database already has a ${year} cycle.`);
  const [cycle] = await manager.query(
    `INSERT INTO assessment_cycle (year, regulation_version_id, title, start_date, due_date, state, created_by, created_at, province_code)
     VALUES ($1, $2, $3, make_date($1, 1, 1), make_date($1, 12, 31), 'open', 'province', $4, $5)
     RETURNING id, regulation_version_id AS "regulationVersionId", due_date::text AS "dueDate",
               province_code AS "provinceCode"`,
    [
      year,
      versionId,
      `${year}年度质量促进条例实施考核（基准数据，${provinceCode}）`,
      at(year, 1, 2),
      provinceCode,
    ],
  );
  // Generated on 2 January, like the cycle: its 'created' events carry that date.
  const total = await generateTasksSetBased(manager, cycle, at(year, 1, 2), times);

  // 1. One story per task, with the dates of each step (NULL: the step did not happen).
  await manager.query(`DROP TABLE IF EXISTS bench_story, bench_evidence, bench_event`);
  await manager.query(
    `CREATE TEMP TABLE bench_story ON COMMIT DROP AS
     WITH h AS (
       SELECT t.id, t.unit_code, t.cycle_id, t.due_date, u.name AS unit_name, u.parent_code,
              a.number AS article,
              (hashtext(t.id::text) & 2147483647) % 100 AS b,
              (hashtext(t.id::text || 'j') & 2147483647) % 20 AS j,
              (hashtext(t.id::text || 'x') & 2147483647) % 100 AS x,
              (hashtext(t.id::text || 'n') & 2147483647) AS n
         FROM task t JOIN admin_unit u ON u.code = t.unit_code
         JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
        WHERE t.cycle_id = $1
     ), s AS (
       SELECT h.*, ${storyCase(profile)} AS story,
              make_date($2, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours' AS y0
         FROM h
     )
     SELECT s.id AS task_id, s.unit_code, s.cycle_id, s.unit_name, s.parent_code, s.article,
            s.b, s.j, s.x, s.n, s.story, s.due_date AS original_due,
            ${pick(DRAFT_NOTES, 's.n')} AS draft_note,
            ${pick(NOTES, 's.n / 7')} AS note,
            ${pick(MEASURES, 's.n / 11')} AS measures,
            ${pick(RETURN_REASONS, 's.n / 13')} AS return_reason,
            'op-' || s.unit_code AS operator,
            CASE WHEN s.parent_code IS NULL OR s.parent_code = '420000' THEN 'province'
                 ELSE 'sup-' || s.parent_code END AS verifier,
            s.y0 + interval '1 month' + s.j * interval '1 day' AS drafted_at,
            CASE WHEN s.story <> 'NS' THEN s.y0 + interval '2 months' + s.j * interval '1 day' + interval '1 hour' END AS started_at,
            s.y0 + interval '3 months' + s.j * interval '1 day' + interval '2 hours' AS measures_at,
            s.y0 + interval '4 months' + s.j * interval '1 day' + interval '3 hours' AS noted_at,
            CASE WHEN s.story = 'NS' THEN s.y0 + interval '6 months' + s.j * interval '1 day' END AS redrafted_at,
            CASE WHEN s.story IN ('SU', 'RE', 'VE', 'VE_RET') THEN
              CASE WHEN s.story = 'SU' AND NOT $3
                   THEN s.y0 + interval '11 months' + s.j * interval '1 day' + interval '5 hours'
                   ELSE s.y0 + interval '5 months' + s.j * interval '1 day' + interval '5 hours' END
            END AS submitted_at,
            CASE WHEN s.story IN ('RE', 'VE_RET') THEN s.y0 + interval '6 months' + s.j * interval '1 day' + interval '6 hours' END AS returned_at,
            CASE WHEN s.story = 'VE_RET' THEN s.y0 + interval '6 months 10 days' + s.j * interval '1 day' END AS reopened_at,
            CASE WHEN s.story = 'VE_RET' THEN s.y0 + interval '7 months' + s.j * interval '1 day' + interval '5 hours' END AS resubmitted_at,
            CASE WHEN s.story = 'VE' THEN s.y0 + (6 + s.x % 4) * interval '1 month' + s.j * interval '1 day' + interval '7 hours'
                 WHEN s.story = 'VE_RET' THEN s.y0 + (8 + s.x % 2) * interval '1 month' + s.j * interval '1 day' + interval '7 hours' END AS verified_at,
            -- Extensions: the October one of the open cycle's IP_EXT tasks; otherwise a few
            -- started tasks asked in May (most approved, some refused).
            CASE WHEN s.story = 'IP_EXT' THEN s.y0 + interval '9 months' + s.j * interval '1 day'
                 WHEN s.story NOT IN ('NS', 'IP_EXT') AND s.x < 6 THEN s.y0 + interval '4 months 10 days' + s.j * interval '1 day' END AS ext_requested_at,
            CASE WHEN s.story = 'IP_EXT' OR s.x < 4 THEN 'approved' ELSE 'refused' END AS ext_decision,
            -- The open cycle moved some duties' deadline to September (those tasks are overdue).
            CASE WHEN $3 AND s.story = 'NS' AND s.b % 3 = 0 THEN s.y0 + interval '7 months 14 days' END AS due_moved_at,
            -- Evidence: 1–3 files per submitted task; half of the started tasks have one already.
            CASE WHEN s.story IN ('SU', 'RE', 'VE', 'VE_RET') THEN 1 + s.n % 3
                 WHEN s.story IN ('IP', 'IP_EXT') AND s.x % 2 = 0 THEN 1 ELSE 0 END AS files,
            s.story IN ('SU', 'RE', 'VE', 'VE_RET') AND s.x % 10 = 9 AS withdrew
       FROM s`,
    [cycle.id, year, open],
  );
  times.lap('stories');
  await manager.query(
    `ALTER TABLE bench_story ADD COLUMN ext_decided_at timestamptz, ADD COLUMN final_due date, ADD COLUMN final_status text`,
  );
  await manager.query(
    `UPDATE bench_story SET
       ext_decided_at = ext_requested_at + interval '2 days',
       final_due = CASE WHEN ext_requested_at IS NOT NULL AND ext_decision = 'approved'
                          THEN make_date(extract(year FROM original_due)::int + 1, 3, 31)
                        WHEN due_moved_at IS NOT NULL THEN make_date(extract(year FROM original_due)::int, 9, 30)
                        ELSE original_due END,
       final_status = CASE story WHEN 'NS' THEN 'NOT_STARTED' WHEN 'IP' THEN 'IN_PROGRESS'
                        WHEN 'IP_EXT' THEN 'IN_PROGRESS' WHEN 'SU' THEN 'SUBMITTED'
                        WHEN 'RE' THEN 'RETURNED' ELSE 'VERIFIED' END`,
  );

  // 2. Evidence: version 1 of each file, a version 2 where it was replaced after a return,
  //    and a withdrawn file (slot 0) for some tasks.
  await manager.query(
    `CREATE TEMP TABLE bench_evidence ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS v2_id, f.*,
            encode(sha256(convert_to(f.task_id::text || ':' || f.slot || ':1', 'UTF8')), 'hex') AS sha1,
            encode(sha256(convert_to(f.task_id::text || ':' || f.slot || ':2', 'UTF8')), 'hex') AS sha2,
            f.unit_name || f.kind || '（第' || f.article || '条）' || f.ext AS name,
            20000 + (f.h % 4980000) AS size1,
            20000 + ((f.h / 3) % 4980000) AS size2,
            CASE WHEN f.slot = 1 AND f.n % 3 = 0
                 THEN f.unit_code || '发〔' || $1::text || '〕' || (f.n % 90 + 1) || '号' END AS doc_number
       FROM (
         SELECT s.task_id, s.unit_code, s.cycle_id, s.unit_name, s.article, s.n, s.operator, k AS slot,
                (hashtext(s.task_id::text || ':' || k) & 2147483647) AS h,
                ${pick(EVIDENCE_KINDS, `(hashtext(s.task_id::text || ':' || k) & 2147483647)`)} AS kind,
                ${fileTypeCase(`(hashtext(s.task_id::text || 'f' || k) & 2147483647) % 100`, 'type')} AS file_type,
                ${fileTypeCase(`(hashtext(s.task_id::text || 'f' || k) & 2147483647) % 100`, 'mime')} AS mime,
                ${fileTypeCase(`(hashtext(s.task_id::text || 'f' || k) & 2147483647) % 100`, 'extension')} AS ext,
                CASE WHEN k = 0 THEN coalesce(s.submitted_at, s.started_at) - interval '5 days'
                     WHEN s.submitted_at IS NOT NULL THEN s.submitted_at - interval '1 day' + k * interval '10 minutes'
                     ELSE s.noted_at + interval '20 days' + k * interval '10 minutes' END AS uploaded_at,
                CASE WHEN k = 0 THEN coalesce(s.submitted_at, s.started_at) - interval '3 days' END AS withdrawn_at,
                CASE WHEN k = 1 AND s.story = 'VE_RET' THEN s.reopened_at + interval '3 days'
                     WHEN k = 1 AND s.story = 'RE' AND s.x % 2 = 0 THEN s.returned_at + interval '5 days' END AS replaced_at
           FROM bench_story s
           CROSS JOIN LATERAL generate_series(CASE WHEN s.withdrew THEN 0 ELSE 1 END, s.files) k
       ) f`,
    [year],
  );
  await manager.query(
    chainedInsert(
      'evidence',
      [...EVIDENCE_COLUMNS, 'superseded_by_id', 'withdrawn_at', 'withdrawn_by', 'withdraw_reason'],
      `SELECT id, task_id, unit_code, cycle_id, id AS lineage_id, 1 AS version, NULL::uuid AS supersedes_id,
              CASE WHEN replaced_at IS NOT NULL THEN v2_id END AS superseded_by_id, sha1 AS sha256, size1 AS size,
              file_type, mime AS mime_type, name AS original_name, kind || '（基准数据）' AS description,
              doc_number AS document_number, CASE WHEN doc_number IS NOT NULL THEN unit_name END AS issuing_authority,
              CASE WHEN doc_number IS NOT NULL THEN (uploaded_at AT TIME ZONE 'Asia/Shanghai')::date END AS document_date,
              operator AS uploaded_by, uploaded_at, withdrawn_at,
              CASE WHEN withdrawn_at IS NOT NULL THEN operator END AS withdrawn_by,
              CASE WHEN withdrawn_at IS NOT NULL THEN '上传文件有误，已撤回。' END AS withdraw_reason
         FROM bench_evidence`,
    ),
  );
  await manager.query(
    chainedInsert(
      'evidence',
      EVIDENCE_COLUMNS,
      `SELECT v2_id AS id, task_id, unit_code, cycle_id, id AS lineage_id, 2 AS version, id AS supersedes_id,
              sha2 AS sha256, size2 AS size, file_type, mime AS mime_type, name AS original_name,
              kind || '（补充完善，基准数据）' AS description, doc_number AS document_number,
              CASE WHEN doc_number IS NOT NULL THEN unit_name END AS issuing_authority,
              CASE WHEN doc_number IS NOT NULL THEN (replaced_at AT TIME ZONE 'Asia/Shanghai')::date END AS document_date,
              operator AS uploaded_by, replaced_at AS uploaded_at
         FROM bench_evidence WHERE replaced_at IS NOT NULL`,
    ),
  );

  times.lap('evidence');
  // 3. Extension requests.
  await manager.query(
    `INSERT INTO task_extension_request (task_id, requested_due_date, reason, state, requested_by, requested_at, decided_by, decided_at, decision_note)
     SELECT task_id, make_date(extract(year FROM original_due)::int + 1, 3, 31),
            '项目建设周期较长，申请延期至次年一季度。', ext_decision, operator, ext_requested_at, verifier, ext_decided_at,
            CASE ext_decision WHEN 'approved' THEN '同意延期。' ELSE '不符合延期条件，请按期完成。' END
       FROM bench_story WHERE ext_requested_at IS NOT NULL`,
  );

  // 4. The history, collected then appended in time order (ids follow time, as in real use).
  const status = (from: string, to: string, when: string, actor: string, reason = 'NULL') =>
    `SELECT task_id, unit_code, cycle_id, ${when}, ${actor}, 'status', jsonb_build_object('status', '${from}'),
            jsonb_build_object('status', '${to}'), ${reason} FROM bench_story WHERE ${when} IS NOT NULL`;
  const summary = (v: 1 | 2) =>
    `jsonb_build_object('evidenceId', ${v === 1 ? 'id' : 'v2_id'}, 'fileName', name, 'sha256', sha${v},
       'size', size${v}, 'fileType', file_type, 'version', ${v}, 'documentNumber', doc_number)`;
  await manager.query(
    `CREATE TEMP TABLE bench_event ON COMMIT DROP AS
     SELECT task_id, unit_code, cycle_id, drafted_at AS occurred_at, operator AS actor, 'updated' AS kind,
            jsonb_build_object('progressNote', '') AS before, jsonb_build_object('progressNote', draft_note) AS after,
            NULL::text AS reason
       FROM bench_story
     UNION ALL ${status('NOT_STARTED', 'IN_PROGRESS', 'started_at', 'operator')}
     UNION ALL
     SELECT task_id, unit_code, cycle_id, measures_at, operator, 'updated', jsonb_build_object('measures', ''),
            jsonb_build_object('measures', measures), NULL FROM bench_story
     UNION ALL
     SELECT task_id, unit_code, cycle_id, noted_at, operator, 'updated', jsonb_build_object('progressNote', draft_note),
            jsonb_build_object('progressNote', note), NULL FROM bench_story
     UNION ALL
     SELECT task_id, unit_code, cycle_id, redrafted_at, operator, 'updated', jsonb_build_object('progressNote', note),
            jsonb_build_object('progressNote', note || '下一步将加快推进。'), NULL FROM bench_story WHERE redrafted_at IS NOT NULL
     UNION ALL
     SELECT task_id, unit_code, cycle_id, due_moved_at, 'province', 'due_date', jsonb_build_object('dueDate', original_due::text),
            jsonb_build_object('dueDate', final_due::text), '考核年度调整该职责的截止日期' FROM bench_story WHERE due_moved_at IS NOT NULL
     UNION ALL
     SELECT s.task_id, s.unit_code, s.cycle_id, s.ext_requested_at, s.operator, 'extension_requested',
            jsonb_build_object('dueDate', s.original_due::text),
            jsonb_build_object('requestedDueDate', r.requested_due_date::text, 'requestId', r.id), r.reason
       FROM bench_story s JOIN task_extension_request r ON r.task_id = s.task_id
     UNION ALL
     SELECT s.task_id, s.unit_code, s.cycle_id, s.ext_decided_at, s.verifier, 'extension_decided',
            jsonb_build_object('dueDate', s.original_due::text, 'extensionCount', 0),
            jsonb_build_object('decision', r.state, 'dueDate', s.final_due::text,
                               'extensionCount', CASE r.state WHEN 'approved' THEN 1 ELSE 0 END), r.decision_note
       FROM bench_story s JOIN task_extension_request r ON r.task_id = s.task_id
     UNION ALL
     SELECT task_id, unit_code, cycle_id, uploaded_at, operator, 'evidence_added', NULL, ${summary(1)}, NULL FROM bench_evidence
     UNION ALL
     SELECT task_id, unit_code, cycle_id, withdrawn_at, operator, 'evidence_withdrawn', ${summary(1)}, NULL,
            '上传文件有误，已撤回。' FROM bench_evidence WHERE withdrawn_at IS NOT NULL
     UNION ALL
     SELECT task_id, unit_code, cycle_id, replaced_at, operator, 'evidence_replaced', ${summary(1)}, ${summary(2)}, NULL
       FROM bench_evidence WHERE replaced_at IS NOT NULL
     UNION ALL ${status('IN_PROGRESS', 'SUBMITTED', 'submitted_at', 'operator')}
     UNION ALL ${status('SUBMITTED', 'RETURNED', 'returned_at', 'verifier', 'return_reason')}
     UNION ALL ${status('RETURNED', 'IN_PROGRESS', 'reopened_at', 'operator')}
     UNION ALL ${status('IN_PROGRESS', 'SUBMITTED', 'resubmitted_at', 'operator')}
     UNION ALL ${status('SUBMITTED', 'VERIFIED', 'verified_at', 'verifier')}`,
  );
  times.lap('collect history');
  // Ids from the table's sequence in time order, then linked in id order as the triggers would.
  await manager.query(
    chainedInsert(
      'task_event',
      [
        'id',
        'task_id',
        'unit_code',
        'cycle_id',
        'occurred_at',
        'actor_username',
        'kind',
        'before',
        'after',
        'reason',
      ],
      `SELECT ${await nextEventId(manager)} AS id, task_id, unit_code, cycle_id, occurred_at,
              actor AS actor_username, kind, before, after, reason, NULL::text AS ip
         FROM (SELECT * FROM bench_event ORDER BY occurred_at, task_id) e`,
    ),
  );

  times.lap('history');
  // 5. Each task row as its history left it.
  await manager.query(
    `UPDATE task t SET status = s.final_status, progress_note = CASE WHEN s.redrafted_at IS NOT NULL
                           THEN s.note || '下一步将加快推进。' ELSE s.note END,
            measures = s.measures, due_date = s.final_due, completed_at = s.verified_at,
            return_count = (s.returned_at IS NOT NULL)::int,
            extension_count = (s.ext_requested_at IS NOT NULL AND s.ext_decision = 'approved')::int,
            row_version = 1 + e.changes, created_at = $1, updated_at = e.last_at, updated_by = e.last_actor,
            submitted_at = e.submitted_at, submitted_by = e.submitted_by
       FROM bench_story s
       JOIN (SELECT task_id, count(*)::int AS changes, max(occurred_at) AS last_at,
                    (array_agg(actor ORDER BY occurred_at DESC))[1] AS last_actor,
                    -- The latest submission: what task_event_submission sets (suspended here).
                    max(occurred_at) FILTER (WHERE ${SUBMISSION}) AS submitted_at,
                    (array_agg(actor ORDER BY occurred_at DESC) FILTER (WHERE ${SUBMISSION}))[1] AS submitted_by
               FROM bench_event WHERE kind IN ('updated', 'status', 'due_date', 'extension_requested', 'extension_decided')
              GROUP BY task_id) e ON e.task_id = s.task_id
      WHERE t.id = s.task_id`,
    [at(year, 1, 2)],
  );
  if (!open) {
    await manager.query(
      `UPDATE assessment_cycle SET state = 'closed', closed_by = 'province', closed_at = $2 WHERE id = $1`,
      [cycle.id, at(year + 1, 1, 15)],
    );
  }
  await manager.query(`DROP TABLE bench_story, bench_evidence, bench_event`);
  times.lap('task rows');
  return {
    id: cycle.id,
    year,
    state: open ? 'open' : 'closed',
    tasks: total,
    provinceCode: cycle.provinceCode,
  };
}

/** The evidence columns both versions set (the canonical form's fields among them). */
const EVIDENCE_COLUMNS = [
  'id',
  'task_id',
  'unit_code',
  'cycle_id',
  'lineage_id',
  'version',
  'supersedes_id',
  'sha256',
  'size',
  'file_type',
  'mime_type',
  'original_name',
  'description',
  'document_number',
  'issuing_authority',
  'document_date',
  'uploaded_by',
  'uploaded_at',
];

/**
 * The cycle's tasks, assisting departments and 'created' events in three set-based statements:
 * the rows `generateTasks` (cycle/task-generation.ts) creates — every tracked government duty of
 * the version × every unit at one of its levels, led by the duty's lead department kind (else
 * the default) of that unit, due on the cycle's due date — without its per-batch event inserts
 * and per-row chain links, which take most of an hour at national scale. `generateTasks` then
 * runs as the application would and must find nothing left to create: the check that both
 * agree.
 */
async function generateTasksSetBased(
  manager: EntityManager,
  cycle: { id: string; regulationVersionId: string; dueDate: string; provinceCode: string },
  createdAt: Date,
  times: StepTimes,
): Promise<number> {
  await manager.query(
    `INSERT INTO task (id, cycle_id, duty_lineage_id, duty_id, unit_code, lead_department_id, status, due_date,
                       created_by, updated_by, created_at, updated_at)
     SELECT gen_random_uuid(), $1, d.lineage_id, d.id, u.code, dep.id, 'NOT_STARTED', coalesce(o.due_date, $3::date),
            'province', 'province', $5, $5
       FROM duty d
       JOIN admin_unit u ON u.level = ANY (d.levels)
       LEFT JOIN duty_department lead ON lead.duty_id = d.id AND lead.role = 'lead'
       JOIN department dep ON dep.unit_code = u.code AND dep.kind_code = coalesce(lead.department_code, $4)
       LEFT JOIN cycle_duty_due_date o ON o.cycle_id = $1 AND o.duty_lineage_id = d.lineage_id
      WHERE d.version_id = $2 AND d.tracked AND d.government_duty
        AND left(u.code, 2) = left($6::text, 2)
      ORDER BY u.code, d.id`,
    [
      cycle.id,
      cycle.regulationVersionId,
      cycle.dueDate,
      DEFAULT_LEAD_DEPARTMENT_CODE,
      createdAt,
      cycle.provinceCode,
    ],
  );
  // The statements below join the new tasks: plans over their real number, not an empty table.
  await manager.query(`ANALYZE task`);
  times.lap('tasks');
  await manager.query(
    `INSERT INTO task_assist (task_id, department_id)
     SELECT t.id, dep.id
       FROM task t
       JOIN duty_department a ON a.duty_id = t.duty_id AND a.role = 'assist'
       JOIN department dep ON dep.unit_code = t.unit_code AND dep.kind_code = a.department_code
      WHERE t.cycle_id = $1
     ON CONFLICT DO NOTHING`,
    [cycle.id],
  );
  await manager.query(
    chainedInsert(
      'task_event',
      ['id', 'task_id', 'unit_code', 'cycle_id', 'occurred_at', 'actor_username', 'kind', 'after'],
      `SELECT ${await nextEventId(manager)} AS id, t.id AS task_id, t.unit_code, t.cycle_id,
              $2::timestamptz AS occurred_at, 'province' AS actor_username, 'created' AS kind,
              NULL::jsonb AS before, NULL::text AS reason, NULL::text AS ip,
              jsonb_build_object('status', 'NOT_STARTED', 'dueDate', t.due_date::text, 'dutyId', t.duty_id) AS after
         FROM (SELECT * FROM task WHERE cycle_id = $1 ORDER BY unit_code, duty_id) t`,
    ),
    [cycle.id, createdAt],
  );
  times.lap('assists and created events');
  const check = await generateTasks(manager, cycle, 'province', createdAt);
  times.lap('generation check');
  if (check.created || check.retired || check.restored || check.followed || check.leadsFollowed) {
    throw new Error(
      `The benchmark's task generation differs from generateTasks: ${JSON.stringify(check)}`,
    );
  }
  return check.total;
}

/**
 * Disables or enables the rollup triggers (analytics_*) of task, task_event and evidence;
 * returns how many there are.
 */
async function setRollupTriggers(
  manager: EntityManager,
  action: 'DISABLE' | 'ENABLE',
): Promise<number> {
  const triggers: Array<{ tbl: string; name: string }> = await manager.query(
    `SELECT c.relname AS tbl, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgname LIKE 'analytics\\_%' AND c.relname IN ('task', 'task_event', 'evidence')`,
  );
  for (const t of triggers) {
    await manager.query(`ALTER TABLE ${t.tbl} ${action} TRIGGER ${t.name}`);
  }
  return triggers.length;
}

/**
 * The next task_event id, as SQL: `nextval` of the table's sequence, named once here. Spelt
 * `nextval(pg_get_serial_sequence(…))` it looks the sequence up in the catalogue on every row,
 * some 7 µs each: three minutes of a national build's 26 million history rows.
 */
async function nextEventId(manager: EntityManager): Promise<string> {
  const [{ seq }] = await manager.query(
    `SELECT pg_get_serial_sequence('task_event', 'id')::regclass::oid AS seq`,
  );
  return `nextval(${Number(seq)}::oid::regclass)`;
}

/** 09:00 Beijing time on that day. */
function at(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 1));
}

function storyCase(profile: Profile): string {
  return `CASE ${profile.map(([from, to, story]) => `WHEN h.b BETWEEN ${from} AND ${to} THEN '${story}'`).join(' ')} END`;
}

/** One of `list`, chosen by a non-negative integer SQL expression. */
function pick(list: readonly string[], index: string): string {
  return `(ARRAY[${list.map(literal).join(', ')}])[1 + (${index}) % ${list.length}]`;
}

/** The file type's `field`, chosen by a 0–99 SQL expression along FILE_TYPE_MIX. */
function fileTypeCase(percent: string, field: 'type' | 'mime' | 'extension'): string {
  let upTo = 0;
  const arms = FILE_TYPE_MIX.map(([type, share]) => {
    upTo += share;
    return `WHEN ${percent} < ${upTo} THEN ${literal(EVIDENCE_TYPES[type][field])}`;
  });
  return `CASE ${arms.join(' ')} END`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
