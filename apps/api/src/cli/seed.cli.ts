import 'reflect-metadata';
import { syncReferenceData } from '../admin-unit/reference-data.sync';
import { LocalEvidenceStore } from '@duty/api/evidence-store';
import { runMigrations } from '../database/migrate';
import { seedDemoData } from '../seed/demo-seed';
import { print, runCli, withConfiguredDatabase } from './cli-support';

runCli((config, logger) =>
  withConfiguredDatabase(config, logger, async (dataSource) => {
    await runMigrations(dataSource);
    await syncReferenceData(dataSource);
    const evidenceStore = new LocalEvidenceStore(config.evidence.dir);
    await evidenceStore.init();
    const result = await seedDemoData(dataSource, {
      passwordCostLog2: config.auth.passwordCostLog2,
      production: config.isProduction,
      cycle: config.seedDemoCycle,
      evidenceStore,
    });
    print(
      result.inserted || result.regulations || result.accounts || result.tasks
        ? `Demo data loaded (${result.inserted} setting(s), ${result.regulations} regulation(s), ${result.accounts} account(s), ${result.tasks} task(s)).`
        : 'Demo data already present; nothing changed.',
    );
  }),
);
