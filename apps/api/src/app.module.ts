import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { DutyModule } from './duty/duty.module';
import { createLoaders, GraphQLContext } from './graphql/loaders';
import { RegulationModule } from './regulation/regulation.module';
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
            }
            return dataSource;
          },
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
            ...graphqlOptions(config, logger),
            // DataLoaders are created per request: batching within it, no cache across users.
            context: ({ req, res }: { req: unknown; res: unknown }): GraphQLContext => ({
              req,
              res,
              loaders: createLoaders(dataSource),
            }),
          }),
        }),
        AccessModule,
        HealthModule,
        SystemModule,
        RegulationModule,
        DutyModule,
      ],
      providers: [
        { provide: APP_PIPE, useValue: validationPipe() },
        { provide: APP_CONFIG, useValue: config },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: DATABASE_MODE, useValue: options.embeddedDatabase ? 'EMBEDDED' : 'EXTERNAL' },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER, DATABASE_MODE],
    };
  }
}
