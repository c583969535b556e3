import {
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { MetricsService } from '../metrics/metrics.service';
import { ReadRouting, ReadTarget, RouteReason } from './read-routing';
import { WritePositionInterceptor } from './write-position.interceptor';

/** A standby that does not accept a connection in this time counts as unreachable. */
const REPLICA_CONNECT_TIMEOUT_MS = 3000;

function readRoutingFactory(
  primary: DataSource,
  config: AppConfig,
  logger: Logger,
  metrics?: MetricsService,
): ReadRouting {
  const { readReplica } = config;
  const url = readReplica.url;
  const reads =
    metrics && url
      ? new Counter<'target' | 'reason'>({
          name: 'duty_db_routed_reads_total',
          help: 'Analytics and task list reads by the connection they ran on (primary or replica) and why (replica, own_write, replica_unhealthy, replica_failed)',
          labelNames: ['target', 'reason'],
          registers: [metrics.registry],
        })
      : undefined;
  const routing = new ReadRouting({
    primary,
    replica: url
      ? () => {
          const options = dataSourceOptions({
            url,
            poolMax: config.database.poolMax,
            ssl: config.database.kind === 'external' && config.database.ssl,
            jit: config.database.jit,
            logger: logger.child({ database: 'replica' }),
            applicationName: 'duty-tracker-replica',
          }) as PostgresDataSourceOptions;
          return new DataSource({
            ...options,
            extra: { ...options.extra, connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS },
          });
        }
      : null,
    maxLagSeconds: readReplica.maxLagSeconds,
    maxLagBytes: readReplica.maxLagBytes,
    readYourWritesMs: readReplica.readYourWritesMs,
    probeIntervalMs: readReplica.probeIntervalMs,
    logger: logger.child({ component: 'read-replica' }),
    onRoute: reads
      ? (target: ReadTarget, reason: RouteReason) => reads.inc({ target, reason })
      : undefined,
  });
  if (metrics && url) {
    const registers = [metrics.registry];
    const gauge = (name: string, help: string, value: () => number | null) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.reset();
          const v = value();
          if (v !== null) this.set(v);
        },
      });
    gauge(
      'duty_db_replica_usable',
      '1 when reads may use the read replica (reachable standby within the lag bounds at the last check), 0 when they go to the primary',
      () => (routing.state().status === 'ok' ? 1 : 0),
    );
    gauge(
      'duty_db_replica_lag_bytes',
      'WAL bytes the read replica had still to replay at the last check (absent while unreachable)',
      () => (routing.state().reachable ? routing.state().lagBytes : null),
    );
    gauge(
      'duty_db_replica_lag_seconds',
      'At least how long ago the primary wrote the oldest WAL the read replica had not replayed at the last check (absent while unreachable)',
      () => (routing.state().reachable ? routing.state().lagSeconds : null),
    );
  }
  return routing;
}

/**
 * Read routing (README "Read replica"): the ReadRouting that analytics and task list reads run
 * through, its periodic standby check, and the interceptor recording writers' WAL positions.
 */
@Global()
@Module({
  providers: [
    {
      provide: ReadRouting,
      useFactory: readRoutingFactory,
      inject: [DataSource, APP_CONFIG, ROOT_LOGGER, { token: MetricsService, optional: true }],
    },
    { provide: APP_INTERCEPTOR, useClass: WritePositionInterceptor },
  ],
  exports: [ReadRouting],
})
export class ReadReplicaModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly routing: ReadRouting,
    @Optional() @Inject(ROOT_LOGGER) private readonly logger?: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.routing.configured) {
      this.logger?.info('Read replica configured: analytics and task list reads may use it');
    }
    this.routing.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.routing.stop();
  }
}
