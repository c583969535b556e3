import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PeriodicJob, schedulePeriodicJob } from '../common/periodic-job';
import { checkChains } from './chain-check';
import { describeBreak } from './chain-verify';

/**
 * The scheduled audit chain check: first a minute after start, then every `intervalHours`
 * (0: off). One run at a time; the result goes to the log (an error naming each broken link)
 * and to integrity_chain_run, which `/ready` shows.
 */
export function scheduleChainChecks(
  dataSource: DataSource,
  intervalHours: number,
  logger: Logger,
): PeriodicJob {
  return schedulePeriodicJob(
    () =>
      checkChains(dataSource, 'schedule')
        .then((report) => {
          const breaks = report.chains.flatMap((c) =>
            c.firstBreak ? [describeBreak(c.firstBreak)] : [],
          );
          if (report.ok) logger.info({ rows: report.rowsChecked }, 'Audit chain check passed');
          else
            logger.error(
              { rows: report.rowsChecked, breaks },
              'Audit chain check found broken links',
            );
        })
        .catch((error: unknown) => logger.error({ err: error }, 'Audit chain check failed')),
    { firstAfterMs: 60_000, everyMs: intervalHours * 3_600_000 },
  );
}
