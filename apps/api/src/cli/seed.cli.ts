import 'reflect-metadata';
import { createEvidenceStore } from '../evidence/evidence-store.factory';
import { seedDemoData } from '../seed/demo-seed';
import { print, runCli, withConfiguredDatabase } from './cli-support';

runCli((config, logger) =>
  withConfiguredDatabase(
    config,
    logger,
    async (dataSource) => {
      const evidenceStore = await createEvidenceStore(config);
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
    },
    { migrate: true }, // and reference data synced, as the schema owner first
  ),
);
