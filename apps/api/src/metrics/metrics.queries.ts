import { DataSource } from 'typeorm';
import { latestIntegrityRun } from '../evidence/evidence-integrity';
import { latestChainRun } from '../integrity';
import { JOB_SCHEMA } from '../jobs/job-runner.service';

export interface QueueDepth {
  queue: string;
  queued: number;
  active: number;
  failed: number;
}

export interface StoreFigures {
  /** Distinct stored files (the store is content-addressed) and their bytes. */
  objects: number;
  bytes: number;
  /** Evidence rows (every version), and those marked corrupt by an integrity check. */
  evidenceRecords: number;
  corruptRecords: number;
}

export interface CheckFigures {
  status: 'ok' | 'problems' | 'not_run';
  finishedAt: Date | null;
  problems: { missing: number; corrupt: number; unreferenced: number } | null;
}

export interface ChainFigures {
  status: 'ok' | 'broken' | 'not_run';
  finishedAt: Date | null;
}

/**
 * The database figures of a scrape: a few aggregate queries, no file system walk (the store's
 * size comes from the rows that reference it; the integrity check itself re-reads the files on
 * its own schedule and records the result this reads).
 */
export class MetricsQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * pg-boss queues (waiting = created or retry) and the notification outbox per channel
   * (PENDING, SENDING, FAILED). pg-boss keeps failed jobs until it archives them (12 hours).
   */
  async queues(): Promise<QueueDepth[]> {
    const jobs: QueueDepth[] = await this.dataSource.query(
      `SELECT q.name AS queue,
              count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS queued,
              count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
              count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed
         FROM ${JOB_SCHEMA}.queue q
         LEFT JOIN ${JOB_SCHEMA}.job j
           ON j.name = q.name AND j.state IN ('created', 'retry', 'active', 'failed')
        GROUP BY q.name ORDER BY q.name`,
    );
    const outbox: QueueDepth[] = await this.dataSource.query(
      `SELECT 'notification-' || lower(c.channel) AS queue,
              count(d.id) FILTER (WHERE d.status = 'PENDING')::int AS queued,
              count(d.id) FILTER (WHERE d.status = 'SENDING')::int AS active,
              count(d.id) FILTER (WHERE d.status = 'FAILED')::int AS failed
         FROM (VALUES ('EMAIL'), ('WEBHOOK')) c(channel)
         LEFT JOIN notification_delivery d
           ON d.channel = c.channel AND d.status IN ('PENDING', 'SENDING', 'FAILED')
        GROUP BY c.channel ORDER BY c.channel`,
    );
    return [...jobs, ...outbox];
  }

  async store(): Promise<StoreFigures> {
    const [files] = await this.dataSource.query(
      // Comment attachments share the content-addressed store with evidence.
      `SELECT count(*)::int AS objects, coalesce(sum(size), 0)::text AS bytes
         FROM (SELECT sha256, min(size) AS size
                 FROM (SELECT sha256, size FROM evidence
                       UNION ALL
                       SELECT sha256, size FROM task_comment_attachment) x
                GROUP BY sha256) y`,
    );
    const [rows] = await this.dataSource.query(
      `SELECT count(*)::int AS records,
              count(*) FILTER (WHERE integrity_status = 'corrupt')::int AS corrupt
         FROM evidence`,
    );
    return {
      objects: files.objects,
      bytes: Number(files.bytes),
      evidenceRecords: rows.records,
      corruptRecords: rows.corrupt,
    };
  }

  /** The last evidence integrity check (完整性检查), as `/ready` shows it. */
  async integrity(): Promise<CheckFigures> {
    const run = await latestIntegrityRun(this.dataSource);
    if (!run) return { status: 'not_run', finishedAt: null, problems: null };
    return {
      status: run.ok ? 'ok' : 'problems',
      finishedAt: run.finishedAt,
      problems: { missing: run.missing, corrupt: run.corrupt, unreferenced: run.unreferenced },
    };
  }

  /** The last audit hash-chain check. */
  async chains(): Promise<ChainFigures> {
    const run = await latestChainRun(this.dataSource);
    if (!run) return { status: 'not_run', finishedAt: null };
    return { status: run.ok ? 'ok' : 'broken', finishedAt: run.finishedAt };
  }
}
