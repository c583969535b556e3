import 'reflect-metadata';
import { runMigrations } from '../database/migrate';
import { seedDemoData } from '../seed/demo-seed';
import { print, runCli, withConfiguredDatabase } from './cli-support';

runCli((config, logger) =>
  withConfiguredDatabase(config, logger, async (dataSource) => {
    await runMigrations(dataSource);
    const result = await seedDemoData(dataSource);
    print(
      result.inserted || result.regulations
        ? `Demo data loaded (${result.inserted} setting(s), ${result.regulations} regulation(s)).`
        : 'Demo data already present; nothing changed.',
    );
  }),
);
