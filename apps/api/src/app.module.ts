import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
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
import { EvidenceModule } from './evidence/evidence.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { runMigrations } from './database/migrate';
import { graphqlOptions } from './graphql/graphql-options';
import { validationPipe } from './graphql/validation';
import { HealthModule } from './health/health.module';
import { SystemModule } from './system/system.module';
import { ROOT_LOGGER } from './logging/logging.constants';
import { DATABASE_MODE } from './app.module.constants';

export interface AppModuleOptions {
  config: AppConfig;
  /** Connection URL of the database to use (external, or the embedded server's). */
  databaseUrl: string;
  /** Whether the database is the embedded server started by this process. */
  embeddedDatabase: boolean;
  logger: Logger;
  /** Time source (tests pass a controllable clock). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config, logger } = options;
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: async () => {
            const dataSource = createDataSource({
              url: options.databaseUrl,
              poolMax: config.database.poolMax,
              ssl: config.database.kind === 'external' && config.database.ssl,
              logger,
            });
            await dataSource.initialize();
            if (config.runMigrations) {
              const applied = await runMigrations(dataSource);
              logger.info(
                { migrations: applied.map((m) => m.name) },
                `Applied ${applied.length} migration(s)`,
              );
              await syncReferenceData(dataSource);
            }
            return dataSource;
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccessModule],
          inject: [DataSource, SessionService],
          useFactory: (dataSource: DataSource, sessions: SessionService) => ({
            ...graphqlOptions(config, logger),
            // Per request: the principal from the session, and DataLoaders (batching within
            // the request, no cache shared across users).
            context: async ({
              req,
              res,
            }: {
              req: Request;
              res: unknown;
            }): Promise<GraphQLContext> => ({
              req,
              res,
              loaders: createLoaders(dataSource),
              principal: await sessions.authenticate(req),
              meta: requestMeta(req),
            }),
          }),
        }),
        AccessModule,
        HealthModule,
        SystemModule,
        RegulationModule,
        DutyModule,
        TaskModule,
        EvidenceModule,
        AssessmentModule,
        AnalyticsModule,
      ],
      providers: [
        { provide: APP_PIPE, useValue: validationPipe() },
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: DATABASE_MODE, useValue: options.embeddedDatabase ? 'EMBEDDED' : 'EXTERNAL' },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER, DATABASE_MODE, CLOCK],
    };
  }
}
