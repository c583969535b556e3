import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EvidenceStore } from '@duty/api/evidence-store';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { EVIDENCE_STORE } from './evidence.constants';

/**
 * Removes staging files (`tmp/*.part`) left by uploads a crash interrupted, every
 * EVIDENCE_STAGING_SWEEP_SECONDS while the server runs (the store is also swept at start), so a
 * leftover does not outlive EVIDENCE_STAGING_MAX_AGE_MINUTES by more than one interval. The
 * timer is unref'd (it never keeps the process alive) and stopped when the application closes;
 * a sweep still running then is awaited. One sweep at a time.
 */
@Injectable()
export class EvidenceStagingSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.evidence.stagingSweepIntervalMs;
    if (every === 0) return;
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep (or the one in progress); resolves with the files removed, never rejects. */
  sweep(): Promise<number> {
    this.running ??= this.store
      .sweep(this.config.evidence.stagingMaxAgeMs)
      .then(
        (swept) => {
          if (swept) this.logger.warn({ swept }, 'Evidence store: stale temporary files removed');
          return swept;
        },
        (error: unknown) => {
          this.logger.error({ err: error }, 'Evidence store: sweeping temporary files failed');
          return 0;
        },
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
