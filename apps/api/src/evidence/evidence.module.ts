import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { TaskModule } from '../task/task.module';
import { EVIDENCE_STORE } from './evidence.constants';
import { EvidenceController } from './evidence.controller';
import { EvidenceResolver, TaskEvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { EvidencePackService } from './evidence-pack.service';
import { EvidenceCorruptionService } from './evidence-corruption';
import { EvidenceStagingSweeper } from './evidence-staging-sweeper';
import { createEvidenceStore, describeEvidenceStore } from './evidence-store.factory';

@Module({
  imports: [TaskModule],
  controllers: [EvidenceController],
  providers: [
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: async (config: AppConfig, logger: Logger) => {
        // EVIDENCE_STORE: the local directory or an S3-compatible bucket (checked here).
        const store = await createEvidenceStore(config);
        if (config.evidence.store.kind === 's3') {
          logger.info(
            { evidenceStore: describeEvidenceStore(config) },
            'Evidence store: S3 bucket',
          );
        }
        // Leftovers of uploads a crash interrupted; EvidenceStagingSweeper repeats this while
        // the server runs.
        const swept = await store.sweep(config.evidence.stagingMaxAgeMs);
        if (swept) logger.warn({ swept }, 'Evidence store: stale temporary files removed');
        return store;
      },
    },
    EvidenceService,
    EvidencePackService,
    EvidenceCorruptionService,
    EvidenceStagingSweeper,
    EvidenceResolver,
    TaskEvidenceResolver,
  ],
  exports: [EVIDENCE_STORE, EvidenceService],
})
export class EvidenceModule {}
