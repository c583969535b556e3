import {
  AssessmentPlan,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SCORING_RULES,
  equalChapterWeights,
  Indicator,
  indicatorPlanMarks,
  MeasureSpec,
  rankUnits,
  validatePlan,
} from '@duty/assessment/scoring';
import { DataSource } from 'typeorm';
import { print, withScratchDatabase } from '../cli/cli-support';
import { generateTasks } from '../cycle/task-generation';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import {
  computeScores,
  freezeResults,
  loadScoringInputs,
  scoreLoaded,
} from '../assessment/assessment-scores';
import { BenchServer, startBenchServer } from './bench-server';
import { elapsedMs, summarize, TimingSummary } from './bench-stats';

/** Target of issue 18: a province-scale cycle with all stages scored in under 2 s. */
export const ASSESSMENT_TARGET_MS = 2_000;

export interface AssessmentBenchOptions {
  serverUrl?: string;
  /** Timed runs per measurement, after warm-up runs (default 10). */
  runs?: number;
  /** Indicators in the plan (default 60): up to 40 work items, the rest measurements. */
  indicators?: number;
  out?: (line?: string) => void;
}

export interface AssessmentBenchResult {
  units: number;
  workIndicators: number;
  measuredIndicators: number;
  stageEntries: number;
  computeScores: TimingSummary;
  freezeResults: TimingSummary;
  load: TimingSummary;
  pureScoring: TimingSummary;
}

/** A small deterministic PRNG (mulberry32): the same data set on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MEASURE_KINDS: Array<(i: number) => MeasureSpec> = [
  () => ({
    unitOfMeasure: '%',
    direction: 'higher',
    scoring: 'linear',
    levels: {
      province: { target: 97, floor: 90 },
      prefecture: { target: 96, floor: 88 },
      county: { target: 95, floor: 85 },
    },
    overrides: [{ unitCode: '422801', target: 94, floor: 84 }],
  }),
  () => ({
    unitOfMeasure: '项',
    direction: 'higher',
    scoring: 'threshold',
    levels: { province: { target: 10 }, prefecture: { target: 4 }, county: { target: 2 } },
  }),
  () => ({
    unitOfMeasure: '天',
    direction: 'lower',
    scoring: 'banded',
    levels: { province: { target: 5 }, prefecture: { target: 5 }, county: { target: 5 } },
    bands: [
      { min: null, max: 5, points: 1 },
      { min: 5, max: 10, points: 0.6 },
      { min: 10, max: 15, points: 0.3 },
      { min: 15, max: null, points: 0 },
    ],
  }),
];

/** A value around a measurement's target, by kind (linear %, threshold count, banded days). */
const measureValue = (kind: number, r: () => number) =>
  kind === 0
    ? Math.round((80 + r() * 20) * 100) / 100
    : kind === 1
      ? Math.floor(r() * 6)
      : Math.round(r() * 2000) / 100;

/**
 * Builds the data set of a province-scale cycle on the bench database: every Hubei unit with
 * its generated tasks (a mix of statuses, extensions and returns), a plan of `indicators`
 * indicators (one per tracked duty up to 40 work items, the rest measurements of the three
 * scoring kinds), a reported value for every unit × measurement (a fifth adjusted), a self,
 * prefecture and (for a third) provincial score on every applicable indicator of every unit,
 * self-assessments mostly submitted (a tenth returned, a tenth draft), and a bonus and a
 * deduction per unit.
 */
async function buildDataSet(db: DataSource, indicatorCount: number) {
  const r = prng(18);
  const [version] = await db.query(
    `SELECT v.id FROM regulation_version v JOIN regulation r ON r.id = v.regulation_id
      WHERE r.code = 'hubei-quality-promotion' ORDER BY v.version_number DESC LIMIT 1`,
  );
  if (!version) throw new Error('The demo regulation was not seeded.');
  const [cycle] = await db.query(
    `INSERT INTO assessment_cycle (year, regulation_version_id, title, start_date, due_date, state, created_by, created_at, province_code)
     VALUES (2026, $1, '2026 年度（性能测试）', '2026-01-01', '2026-12-31', 'open', 'bench', now(), '420000')
     RETURNING id, regulation_version_id AS "regulationVersionId", due_date::text AS "dueDate",
               province_code AS "provinceCode"`,
    [version.id],
  );
  await db.transaction((m) => generateTasks(m, cycle, 'bench'));
  // Task outcomes: 40 % verified, 25 % submitted, 15 % returned, 10 % in progress, 10 % not
  // started — hashed from the unit, article, duty sequence and lead department (not from ids,
  // which are random), so every run scores the same data.
  await db.query(
    `UPDATE task SET
       status = CASE WHEN x < 0.40 THEN 'VERIFIED' WHEN x < 0.65 THEN 'SUBMITTED'
                     WHEN x < 0.80 THEN 'RETURNED' WHEN x < 0.90 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END,
       extension_count = CASE WHEN x > 0.95 THEN 2 ELSE 0 END,
       return_count = CASE WHEN x >= 0.65 AND x < 0.80 THEN 1 ELSE 0 END
       FROM (SELECT t.id AS tid,
                    ('x' || substr(md5(concat_ws('/', t.unit_code, a.number, d.sequence, dep.kind_code)), 1, 8))::bit(32)::bigint
                      / 4294967296.0 AS x
               FROM task t JOIN duty d ON d.id = t.duty_id
               JOIN regulation_article a ON a.id = d.article_id
               LEFT JOIN department dep ON dep.id = t.lead_department_id
              WHERE t.cycle_id = $1) h
      WHERE task.id = h.tid`,
    [cycle.id],
  );

  const duties: Array<{ lineage: string; chapter: number; article: number }> = await db.query(
    `SELECT d.lineage_id AS lineage, c.number AS chapter, a.number AS article
       FROM duty d JOIN regulation_article a ON a.id = d.article_id
       JOIN regulation_chapter c ON c.id = a.chapter_id
      WHERE d.version_id = $1 AND d.tracked AND d.government_duty
        AND EXISTS (SELECT 1 FROM task t WHERE t.cycle_id = $2 AND t.duty_lineage_id = d.lineage_id)
      ORDER BY a.number, d.sequence`,
    [version.id, cycle.id],
  );
  const work: Indicator[] = duties.slice(0, Math.min(40, indicatorCount)).map((d, i) => ({
    id: `W${i + 1}`,
    name: `第${d.article}条 职责指标 ${i + 1}`,
    chapter: d.chapter,
    weight: 1 + (i % 3),
    dutyIds: [d.lineage],
  }));
  const chapters = [...new Set(work.map((w) => w.chapter))].sort((a, b) => a - b);
  const measured: Indicator[] = Array.from({ length: indicatorCount - work.length }, (_, i) => ({
    id: `M${i + 1}`,
    name: `定量指标 ${i + 1}`,
    chapter: chapters[i % chapters.length],
    weight: 1,
    dutyIds: [],
    kind: 'measure',
    measure: MEASURE_KINDS[i % MEASURE_KINDS.length](i),
  }));
  const plan: AssessmentPlan = {
    chapterWeights: equalChapterWeights(chapters),
    indicators: [...work, ...measured],
    rules: DEFAULT_SCORING_RULES,
    deductions: { perExtensionBeyondFirst: 0.5, perReturn: 0.5 },
    bonusCap: 5,
    bands: [...DEFAULT_GRADE_BANDS],
  };
  const problems = validatePlan(plan);
  if (problems.length) throw new Error(`bench plan invalid: ${JSON.stringify(problems)}`);
  await db.query(
    `INSERT INTO assessment_plan_version (cycle_id, version, plan, note, created_by)
     VALUES ($1, 1, $2::jsonb, '性能测试方案', 'bench')`,
    [cycle.id, JSON.stringify(plan)],
  );

  const units: Array<{ code: string }> = await db.query(
    `SELECT DISTINCT unit_code AS code FROM task WHERE cycle_id = $1 ORDER BY unit_code`,
    [cycle.id],
  );
  const unitDuties: Array<{ unit: string; lineage: string }> = await db.query(
    `SELECT DISTINCT unit_code AS unit, duty_lineage_id AS lineage FROM task WHERE cycle_id = $1`,
    [cycle.id],
  );
  const dutiesOf = new Map<string, Set<string>>();
  for (const d of unitDuties) {
    dutiesOf.set(d.unit, (dutiesOf.get(d.unit) ?? new Set()).add(d.lineage));
  }
  const marks = indicatorPlanMarks(plan);
  const upTo = (m: number) => Math.floor(r() * m * 100) / 100;

  const e = {
    unit: [] as string[],
    ind: [] as string[],
    self: [] as number[],
    pref: [] as Array<number | null>,
    prov: [] as Array<number | null>,
  };
  const mv = {
    unit: [] as string[],
    ind: [] as string[],
    reported: [] as number[],
    adjusted: [] as Array<number | null>,
  };
  const states = { unit: [] as string[], status: [] as string[] };
  units.forEach(({ code }, u) => {
    const own = dutiesOf.get(code) ?? new Set<string>();
    for (const ind of plan.indicators) {
      if (ind.kind !== 'measure' && !ind.dutyIds.some((d) => own.has(d))) continue;
      const m = marks.get(ind.id)!;
      e.unit.push(code);
      e.ind.push(ind.id);
      e.self.push(upTo(m));
      e.pref.push(r() < 0.67 ? upTo(m) : null);
      e.prov.push(r() < 0.33 ? upTo(m) : null);
    }
    measured.forEach((ind, i) => {
      const kind = i % MEASURE_KINDS.length;
      mv.unit.push(code);
      mv.ind.push(ind.id);
      mv.reported.push(measureValue(kind, r));
      mv.adjusted.push(r() < 0.2 ? measureValue(kind, r) : null);
    });
    states.unit.push(code);
    states.status.push(u % 10 === 3 ? 'returned' : u % 10 === 7 ? 'draft' : 'submitted');
  });
  await db.query(
    `INSERT INTO assessment_stage_entry
       (cycle_id, unit_code, indicator_id, self_score, self_by, self_at,
        prefecture_score, prefecture_by, prefecture_at, provincial_score, provincial_by, provincial_at)
     SELECT $1, x.unit, x.ind, x.self, 'bench', now(),
            x.pref, CASE WHEN x.pref IS NULL THEN NULL ELSE 'bench' END,
            CASE WHEN x.pref IS NULL THEN NULL ELSE now() END,
            x.prov, CASE WHEN x.prov IS NULL THEN NULL ELSE 'bench' END,
            CASE WHEN x.prov IS NULL THEN NULL ELSE now() END
       FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])
            AS x(unit, ind, self, pref, prov)`,
    [cycle.id, e.unit, e.ind, e.self, e.pref, e.prov],
  );
  await db.query(
    `INSERT INTO assessment_stage_unit
       (cycle_id, unit_code, status, submitted_at, submitted_by, submit_count,
        returned_at, returned_by, return_reason, return_count)
     SELECT $1, x.unit, x.status,
            CASE WHEN x.status = 'draft' THEN NULL ELSE now() END,
            CASE WHEN x.status = 'draft' THEN NULL ELSE 'bench' END,
            CASE WHEN x.status = 'draft' THEN 0 ELSE 1 END,
            CASE WHEN x.status = 'returned' THEN now() END,
            CASE WHEN x.status = 'returned' THEN 'bench' END,
            CASE WHEN x.status = 'returned' THEN '性能测试退回' END,
            CASE WHEN x.status = 'returned' THEN 1 ELSE 0 END
       FROM unnest($2::text[], $3::text[]) AS x(unit, status)`,
    [cycle.id, states.unit, states.status],
  );
  await db.query(
    `INSERT INTO assessment_measure_value
       (cycle_id, unit_code, indicator_id, reported_value, source_ref, reported_by, reported_at,
        adjusted_value, adjust_reason, adjusted_by, adjusted_at)
     SELECT $1, x.unit, x.ind, x.reported, '统计公报', 'bench', now(),
            x.adjusted, CASE WHEN x.adjusted IS NULL THEN NULL ELSE '核定' END,
            CASE WHEN x.adjusted IS NULL THEN NULL ELSE 'bench' END,
            CASE WHEN x.adjusted IS NULL THEN NULL ELSE now() END
       FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[])
            AS x(unit, ind, reported, adjusted)`,
    [cycle.id, mv.unit, mv.ind, mv.reported, mv.adjusted],
  );
  // A bonus and a deduction (e.g. on-site) per unit, and an upheld objection's bonus on every
  // fifth unit: adjustments, as the on-site and objection stages record them.
  await db.query(
    `INSERT INTO assessment_adjustment (cycle_id, unit_code, kind, points, reason, created_by)
     SELECT $1, x.unit, k.kind, k.points, k.reason, 'bench'
       FROM unnest($2::text[]) WITH ORDINALITY AS x(unit, n)
       CROSS JOIN LATERAL (VALUES ('bonus', 1.5, '经验推广'), ('deduction', 2.5, '实地核查发现不符'),
                                  ('bonus', CASE WHEN x.n % 5 = 0 THEN 2 ELSE 0 END, '异议成立')) AS k(kind, points, reason)
      WHERE k.points > 0`,
    [cycle.id, states.unit],
  );
  return {
    cycleId: cycle.id as string,
    units: units.length,
    work: work.length,
    measured: measured.length,
    entries: e.unit.length,
  };
}

async function time(runs: number, warmup: number, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(elapsedMs(start));
  }
  return summarize(samples);
}

/**
 * npm run bench:assessment — scores a province-scale cycle (every Hubei unit, 60 indicators,
 * every stage) on a throw-away database: `computeScores` end to end (database read + scoring +
 * ranking), `freezeResults` (the same plus writing a result set; rolled back after each run),
 * the database read alone and the pure scoring alone.
 */
export async function runAssessmentBench(
  options: AssessmentBenchOptions,
): Promise<AssessmentBenchResult> {
  const out = options.out ?? print;
  const runs = options.runs ?? 10;
  return withScratchDatabase(options.serverUrl, async (url) => {
    let bench: BenchServer | undefined;
    try {
      out('Starting the API with the demo data …');
      bench = await startBenchServer(
        {
          SEED_DEMO_DATA: 'true',
          SEED_DEMO_CYCLE: 'false',
          AUDIT_VERIFY_INTERVAL_HOURS: '0',
          PASSWORD_HASH_COST_LOG2: '12',
          JOBS_ENABLED: 'false',
        },
        { databaseUrl: url },
      );
      const db = bench.server.app.get(DataSource);
      out('Building the cycle: tasks, plan, measured values, stage scores, adjustments …');
      const set = await buildDataSet(db, options.indicators ?? 60);
      const asOf = '2026-12-31';
      const cycle = await db.manager.findOneByOrFail(AssessmentCycle, { id: set.cycleId });

      const scored = await computeScores(db.manager, set.cycleId, asOf);
      const bySource = new Map<string, number>();
      for (const s of scored.scores) {
        for (const b of s.breakdown) bySource.set(b.stage, (bySource.get(b.stage) ?? 0) + 1);
      }

      const e2e = await time(runs, 2, () => computeScores(db.manager, set.cycleId, asOf));
      const freeze = await time(Math.max(3, Math.ceil(runs / 2)), 1, async () => {
        const runner = db.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          await freezeResults(runner.manager, cycle, 'bench', new Date(), asOf);
        } finally {
          await runner.rollbackTransaction();
          await runner.release();
        }
      });
      const load = await time(runs, 2, () => loadScoringInputs(db.manager, set.cycleId, asOf));
      const loaded = await loadScoringInputs(db.manager, set.cycleId, asOf);
      const plan = scored.plan.plan;
      const pure = await time(runs * 5, 3, () => {
        const s = scoreLoaded(plan, loaded);
        rankUnits(
          s.map(({ unit, score }) => ({ code: unit.code, level: unit.level, score: score.score })),
        );
      });

      const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
      const row = (label: string, t: TimingSummary) =>
        `${label.padEnd(52)} ${String(t.runs).padStart(4)} ${fmt(t.p50).padStart(11)} ${fmt(t.p95).padStart(11)} ${(
          (t.p95 / ASSESSMENT_TARGET_MS) *
          100
        )
          .toFixed(1)
          .padStart(8)} %  ${t.p95 < ASSESSMENT_TARGET_MS ? 'PASS' : 'FAIL'}`;
      out();
      out(
        `Scoring a cycle of ${set.units} units × ${set.work + set.measured} indicators (${set.work} work, ${set.measured} measured) with all stages`,
      );
      out(
        `  ${set.entries} stage entries (self / prefecture / provincial), ${scored.scores.length} units scored; counting sources: ${[
          ...bySource,
        ]
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
      out(`  target: under ${ASSESSMENT_TARGET_MS / 1000} s (ratio = p95 / target)`);
      out();
      out(`${'measurement'.padEnd(52)} runs ${'p50'.padStart(11)} ${'p95'.padStart(11)}    ratio`);
      out(row('computeScores (DB read + scoring + ranks)', e2e));
      out(row('freezeResults (computeScores + write; rolled back)', freeze));
      out(row('DB read alone (loadScoringInputs)', load));
      out(row('pure scoring alone (scoreUnit × units + ranks)', pure));
      return {
        units: set.units,
        workIndicators: set.work,
        measuredIndicators: set.measured,
        stageEntries: set.entries,
        computeScores: e2e,
        freezeResults: freeze,
        load,
        pureScoring: pure,
      };
    } finally {
      await bench?.close();
    }
  });
}
