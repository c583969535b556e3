import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ROOT_LOGGER } from '../logging/logging.constants';

type Handler = () => Promise<unknown>;

/** Cron expressions are read in the province's time zone. */
export const JOB_TIME_ZONE = 'Asia/Shanghai';

/** The schema the CreateJobQueue migration installs pg-boss in. */
export const JOB_SCHEMA = 'pgboss';

interface Registration {
  name: string;
  handler: Handler;
  cron?: string;
}

/**
 * Scheduled and queued jobs on pg-boss 10 (PostgreSQL only, no extra service), over the
 * application's own connection pool, so it runs with the application's (least) privileges: the
 * schema was created by a migration as the owner and pg-boss only checks its version
 * (`migrate: false`). A cron schedule fires once across all server instances (pg-boss's
 * timekeeper sends one job per minute slot; one worker takes it).
 *
 * With JOBS_ENABLED=false (the default in tests) nothing is started: handlers are only
 * recorded, and `runNow` (or the owning service's method) runs them on demand.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | undefined;
  private started = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs `handler` on `cron` (Asia/Shanghai), once across server instances. */
  async schedule(name: string, cron: string, handler: Handler): Promise<void> {
    const registration = { name, cron, handler };
    this.registrations.set(name, registration);
    if (this.started) await this.apply(registration);
  }

  /** Registers the worker of queue `name` (jobs sent with `send`). */
  async work(name: string, handler: Handler): Promise<void> {
    const registration = { name, handler };
    this.registrations.set(name, registration);
    if (this.started) await this.apply(registration);
  }

  /** Queues one run of `name` (for its worker on any instance); runs it here when jobs are off. */
  async send(name: string): Promise<void> {
    if (this.boss && this.started) {
      await this.boss.send(name, {});
      return;
    }
    await this.runNow(name);
  }

  /** Runs a registered handler now, in this process (tests, manual runs). */
  async runNow(name: string): Promise<unknown> {
    const registration = this.registrations.get(name);
    if (!registration) throw new Error(`No job named ${name}`);
    return registration.handler();
  }

  /** The names of the registered jobs and their schedules. */
  jobs(): Array<{ name: string; cron: string | null }> {
    return [...this.registrations.values()].map((r) => ({ name: r.name, cron: r.cron ?? null }));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.notifications.jobsEnabled) return;
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: JOB_SCHEMA,
      migrate: false,
      supervise: true,
      schedule: true,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'Job runner error'));
    await this.boss.start();
    this.started = true;
    for (const registration of this.registrations.values()) await this.apply(registration);
    this.logger.info({ jobs: this.jobs() }, 'Job runner started');
  }

  /** Before the connection pool closes (TypeORM closes it at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    if (!this.boss) return;
    this.started = false;
    const boss = this.boss;
    this.boss = undefined;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }

  private async apply({ name, cron, handler }: Registration): Promise<void> {
    const boss = this.boss!;
    await boss.createQueue(name, { name, policy: 'standard', retryLimit: 1 });
    await boss.work(name, async () => {
      const started = Date.now();
      try {
        const result = await handler();
        this.logger.info({ job: name, ms: Date.now() - started, result }, 'Job finished');
      } catch (error) {
        this.logger.error({ err: error, job: name }, 'Job failed');
        throw error;
      }
    });
    if (cron) await boss.schedule(name, cron, {}, { tz: JOB_TIME_ZONE });
  }
}
