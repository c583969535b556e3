import 'reflect-metadata';
import { grantAppPrivileges } from '../database/app-role';
import { migrationStatus, revertMigrations, runMigrations } from '../database/migrate';
import { print, runCli, withConfiguredDatabase } from './cli-support';

const USAGE = `Usage: npm run migrate [-- --status | --revert <count>]
  (no option)       apply pending migrations
  --status          list applied and pending migrations
  --revert <count>  revert the most recent <count> migrations`;

runCli(async (config, logger) => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const revertAt = args.indexOf('--revert');
  const revert = revertAt >= 0 ? Number(args[revertAt + 1]) : 0;
  if (revertAt >= 0 && !(Number.isInteger(revert) && revert > 0)) {
    throw new Error(`--revert needs a positive whole number of migrations.\n${USAGE}`);
  }
  return withConfiguredDatabase(
    config,
    logger,
    async (dataSource, urls) => {
      if (args.includes('--status')) {
        const status = await migrationStatus(dataSource);
        for (const name of status.applied) print(`  [x] ${name}`);
        for (const name of status.pending) print(`  [ ] ${name}`);
        print(`${status.applied.length} applied, ${status.pending.length} pending`);
        return 0;
      }
      if (revert > 0) {
        await revertMigrations(dataSource, revert);
        print(`Reverted ${revert} migration(s).`);
        return 0;
      }
      const applied = await runMigrations(dataSource);
      for (const m of applied) print(`  applied ${m.name}`);
      print(applied.length ? `Applied ${applied.length} migration(s).` : 'Database is up to date.');
      if (urls.ownerUrl && urls.ownerUrl !== urls.url) {
        const outcome = await grantAppPrivileges(urls.ownerUrl, urls.url);
        print(
          outcome.granted
            ? 'Application role granted its rights.'
            : `Application role not granted: ${outcome.reason}.`,
        );
      }
      return 0;
    },
    { as: 'owner' },
  );
});
