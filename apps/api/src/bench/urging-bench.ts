import { print, withScratchDatabase } from '../cli/cli-support';
import { DataSource } from 'typeorm';
import { UrgingRunResult, UrgingService } from '../urging/urging.service';
import { BenchServer, startBenchServer } from './bench-server';
import { elapsedMs } from './bench-stats';

export interface UrgingBenchOptions {
  serverUrl?: string;
  out?: (line?: string) => void;
}

export interface UrgingBenchResult {
  tasks: number;
  baselineMs: number;
  firstMs: number;
  secondMs: number;
  escalationMs: number;
  first: UrgingRunResult;
  second: UrgingRunResult;
  escalation: UrgingRunResult;
}

/** Target of issue 16: the daily job over a province-scale cycle within 5 s. */
export const URGING_TARGET_MS = 5_000;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * npm run bench:urging — the daily 三色督办 job over the demo cycle (every Hubei unit × every
 * tracked duty, seeded with its year of history) on a throw-away database: a first run a week
 * before the cycle's due date (issues blue and orange notices), the same day again (idempotent:
 * nothing new), and ten days later (escalations); against a plain COUNT over the same tasks.
 */
export async function runUrgingBench(options: UrgingBenchOptions): Promise<UrgingBenchResult> {
  const out = options.out ?? print;
  return withScratchDatabase(options.serverUrl, async (url) => {
    let bench: BenchServer | undefined;
    try {
      out('Starting the API with the demo data and the demo cycle …');
      bench = await startBenchServer(
        {
          SEED_DEMO_DATA: 'true',
          SEED_DEMO_CYCLE: 'true',
          AUDIT_VERIFY_INTERVAL_HOURS: '0',
          PASSWORD_HASH_COST_LOG2: '12',
          JOBS_ENABLED: 'false',
        },
        { databaseUrl: url },
      );
      const app = bench.server.app;
      const db = app.get(DataSource);
      const urging = app.get(UrgingService);
      const [cycle] = await db.query(
        `SELECT id, due_date::text AS due FROM assessment_cycle WHERE state = 'open' ORDER BY year DESC LIMIT 1`,
      );
      if (!cycle) throw new Error('The demo cycle was not seeded.');
      const day = addDays(cycle.due, -7);

      let start = process.hrtime.bigint();
      const [{ n: tasks }] = await db.query(
        `SELECT count(*)::int AS n FROM task t JOIN assessment_cycle c ON c.id = t.cycle_id
          WHERE c.state = 'open' AND t.retired_at IS NULL`,
      );
      const baselineMs = elapsedMs(start);

      start = process.hrtime.bigint();
      const first = await urging.runDaily(day);
      const firstMs = elapsedMs(start);
      start = process.hrtime.bigint();
      const second = await urging.runDaily(day);
      const secondMs = elapsedMs(start);
      start = process.hrtime.bigint();
      const escalation = await urging.runDaily(addDays(day, 10));
      const escalationMs = elapsedMs(start);

      const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
      const verdict = (ms: number) => (ms < URGING_TARGET_MS ? 'PASS' : 'FAIL');
      const line = (label: string, ms: number, r: UrgingRunResult) =>
        `${label.padEnd(34)} ${fmt(ms).padStart(9)}  ${verdict(ms)}  issued ${r.issued} (blue ${r.blue}, orange ${r.orange}, red ${r.red}; escalated ${r.escalated}), closed ${r.closed}, notifications ${r.notified}; ×${(ms / Math.max(baselineMs, 0.001)).toFixed(0)} the COUNT`;
      out();
      out(
        `Daily urging job over ${tasks} tasks of the open cycle (target < ${fmt(URGING_TARGET_MS)})`,
      );
      out(`${'Baseline: plain COUNT of the tasks'.padEnd(34)} ${fmt(baselineMs).padStart(9)}`);
      out(line(`First run (${day})`, firstMs, first));
      out(line(`Same day again (idempotent)`, secondMs, second));
      out(line(`Ten days later (${addDays(day, 10)})`, escalationMs, escalation));
      if (second.issued !== 0) out('NOT IDEMPOTENT: the second run issued notices.');
      return { tasks, baselineMs, firstMs, secondMs, escalationMs, first, second, escalation };
    } finally {
      await bench?.close();
    }
  });
}
