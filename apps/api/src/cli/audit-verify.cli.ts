import 'reflect-metadata';
import { checkChains, describeBreak, readChainHeads } from '../integrity';
import { print, runCli, withConfiguredDatabase } from './cli-support';

/**
 * npm run audit:verify — walks every hash chain (task history, security audit log, evidence,
 * frozen assessment results) in one snapshot and names the first broken link of each: table,
 * row, what was expected and what was found. Exits 1 on any break. `--heads` also prints the
 * chain heads (table, last row, hash, count) as JSON.
 */
runCli((config, logger) =>
  withConfiguredDatabase(config, logger, async (dataSource) => {
    const report = await checkChains(dataSource, 'cli');
    for (const chain of report.chains) {
      print(
        chain.firstBreak
          ? `BROKEN\t${describeBreak(chain.firstBreak)}`
          : `ok\t${chain.table}: ${chain.rows} row(s)`,
      );
    }
    if (process.argv.includes('--heads')) {
      print(JSON.stringify(await readChainHeads(dataSource), null, 2));
    }
    print(
      `Audit chains: ${report.rowsChecked} row(s) checked — ${report.ok ? 'OK' : 'BROKEN LINKS FOUND'}.`,
    );
    return report.ok ? 0 : 1;
  }),
);
