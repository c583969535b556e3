import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { syncReferenceData } from './admin-unit/reference-data.sync';
import { Clock, CLOCK, systemClock } from './auth/clock';
import { SessionService } from './auth/session.service';
import { requestMeta } from './auth/session-token';
import { AccessModule } from './access/access.module';
import { DutyModule } from './duty/duty.module';
import { createLoaders, GraphQLContext } from './graphql/loaders';
import { RegulationModule } from './regulation/regulation.module';
import { TaskModule } from './task/task.module';
import { TaskAssignmentModule } from './task-assignment/task-assignment.module';
import { EvidenceModule } from './evidence/evidence.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { BulletinModule } from './bulletin/bulletin.module';
import { NotificationModule } from './notification/notification.module';
import { JobsModule } from './jobs/jobs.module';
import { TaskCommentModule } from './task-comment/task-comment.module';
import { TaskApplicabilityModule } from './task-applicability/task-applicability.module';
import { UrgingModule } from './urging/urging.module';
import { WorkbenchModule } from './workbench/workbench.module';
import { MapModule } from './map/map.module';
import { OidcModule } from './auth/oidc/oidc.module';
import { MetricsModule } from './metrics/metrics.module';
import { ApiTokenModule } from './api-token/api-token.module';
import { ReadReplicaModule } from './read-replica/read-replica.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { runMigrations } from './database/migrate';
import { reportRoles } from './database/app-role';
import { migrateAsOwner } from './database/owner-setup';
import { graphqlOptions } from './graphql/graphql-options';
import { validationPipe } from './graphql/validation';
import { HealthModule } from './health/health.module';
import { SigningModule } from './signing/signing.module';
import { SystemModule } from './system/system.module';
import { ROOT_LOGGER } from './logging/logging.constants';
import { DATABASE_MODE } from './app.module.constants';
import {
  DATABASE_AVAILABILITY,
  DatabaseAvailability,
  databaseUnavailableError,
  isDatabaseUnavailableError,
} from './database/database-availability';
import { DatabaseUnavailableFilter } from './health/database-unavailable.filter';

export interface AppModuleOptions {
  config: AppConfig;
  /** Connection URL of the database to use (external, or the embedded server's). */
  databaseUrl: string;
  /**
   * Connection URL of the schema owner, when the application runs as a separate least-privilege
   * role: migrations and grants run as the owner, everything else as `databaseUrl`.
   */
  databaseOwnerUrl?: string;
  /** Whether the database is the embedded server started by this process. */
  embeddedDatabase: boolean;
  logger: Logger;
  /** Time source (tests pass a controllable clock). */
  clock?: Clock;
  /** The process's view of its database (created here when not given). */
  databaseAvailability?: DatabaseAvailability;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config, logger } = options;
    const availability =
      options.databaseAvailability ??
      new DatabaseAvailability({ outageLimitMs: config.databaseOutageLimitMs });
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: async () => {
            const ssl = config.database.kind === 'external' && config.database.ssl;
            const ownerUrl = options.databaseOwnerUrl;
            const separateOwner = Boolean(ownerUrl) && ownerUrl !== options.databaseUrl;
            if (separateOwner) {
              const outcome = await migrateAsOwner({
                ownerUrl: ownerUrl!,
                appUrl: options.databaseUrl,
                ssl,
                runMigrations: config.runMigrations,
                provinces: config.provinces,
                logger,
              });
              reportRoles(outcome, config.isProduction, logger);
            } else {
              reportRoles({ granted: false, reason: 'one URL' }, config.isProduction, logger);
            }
            const dataSource = createDataSource({
              url: options.databaseUrl,
              poolMax: config.database.poolMax,
              ssl: config.database.kind === 'external' && config.database.ssl,
              jit: config.database.jit,
              logger,
            });
            await dataSource.initialize();
            if (config.runMigrations && !separateOwner) {
              const applied = await runMigrations(dataSource);
              logger.info(
                { migrations: applied.map((m) => m.name) },
                `Applied ${applied.length} migration(s)`,
              );
              await syncReferenceData(dataSource, config.provinces);
            }
            return dataSource;
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccessModule],
          inject: [DataSource, SessionService],
          useFactory: (dataSource: DataSource, sessions: SessionService) => ({
            ...graphqlOptions(config, logger, availability),
            // Per request: the principal from the session, and DataLoaders (batching within
            // the request, no cache shared across users).
            context: async ({
              req,
              res,
            }: {
              req: Request;
              res: unknown;
            }): Promise<GraphQLContext> => {
              const principal = await sessions.authenticate(req).catch((error: unknown) => {
                if (!isDatabaseUnavailableError(error)) throw error;
                availability.markUnavailable((error as Error).message ?? 'connection lost');
                throw databaseUnavailableError();
              });
              return {
                req,
                res,
                // Some loaders count within the principal's jurisdiction.
                loaders: createLoaders(dataSource, principal),
                principal,
                meta: requestMeta(req),
              };
            },
          }),
        }),
        AccessModule,
        HealthModule,
        SigningModule,
        SystemModule,
        RegulationModule,
        DutyModule,
        TaskModule,
        TaskAssignmentModule,
        EvidenceModule,
        AssessmentModule,
        AnalyticsModule,
        BulletinModule,
        JobsModule,
        NotificationModule,
        TaskCommentModule,
        TaskApplicabilityModule,
        UrgingModule,
        WorkbenchModule,
        MapModule,
        OidcModule,
        MetricsModule,
        ApiTokenModule,
        ReadReplicaModule,
      ],
      providers: [
        { provide: APP_PIPE, useValue: validationPipe() },
        { provide: APP_FILTER, useClass: DatabaseUnavailableFilter },
        { provide: DATABASE_AVAILABILITY, useValue: availability },
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: DATABASE_MODE, useValue: options.embeddedDatabase ? 'EMBEDDED' : 'EXTERNAL' },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER, DATABASE_MODE, CLOCK, DATABASE_AVAILABILITY],
    };
  }
}
