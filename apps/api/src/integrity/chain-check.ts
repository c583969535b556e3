import { DataSource } from 'typeorm';
import { ChainBreak, verifyChains, VerificationReport } from './chain-verify';

export type ChainCheckSource = 'schedule' | 'cli';

export interface ChainRun {
  finishedAt: Date;
  source: string;
  ok: boolean;
  rowsChecked: number;
  breaks: ChainBreak[];
}

/** Verifies every chain and records the result (what `/ready` shows). */
export async function checkChains(
  dataSource: DataSource,
  source: ChainCheckSource,
): Promise<VerificationReport> {
  const report = await verifyChains(dataSource);
  const breaks = report.chains.flatMap((c) => (c.firstBreak ? [c.firstBreak] : []));
  await dataSource.query(
    `INSERT INTO integrity_chain_run (started_at, finished_at, source, ok, rows_checked, breaks)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      report.startedAt,
      report.finishedAt,
      source,
      report.ok,
      report.rowsChecked,
      JSON.stringify(breaks),
    ],
  );
  return report;
}

export async function latestChainRun(dataSource: DataSource): Promise<ChainRun | null> {
  const [row] = await dataSource.query<
    Array<{
      finished_at: Date;
      source: string;
      ok: boolean;
      rows_checked: string;
      breaks: ChainBreak[];
    }>
  >(
    'SELECT finished_at, source, ok, rows_checked::text AS rows_checked, breaks FROM integrity_chain_run ORDER BY id DESC LIMIT 1',
  );
  return row
    ? {
        finishedAt: row.finished_at,
        source: row.source,
        ok: row.ok,
        rowsChecked: Number(row.rows_checked),
        breaks: row.breaks,
      }
    : null;
}
