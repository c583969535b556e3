import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@duty/shared/errors';
import { AppConfig } from '../config/config';
import { DatabaseAvailability, RETRY_AFTER_SECONDS } from '../database/database-availability';
import { currentRequestId } from '../logging/logger';
import { createFormatError } from './format-error';
import { HeavyQueryBudget } from './heavy-query-budget';
import { queryCostPlugin } from './query-cost';
import { textInputPlugin } from './text-input';
import { countingErrorCodes, graphqlOperationPlugin } from '../metrics/graphql-operation';
import { answeredAsClientErrors } from './armor-client-errors';

/**
 * Apollo Server settings, hardened from the start: query depth, cost, alias, directive and
 * token limits; no batched requests; CSRF prevention; and in production no introspection,
 * no "did you mean" field suggestions and no stack traces.
 */
export function graphqlOptions(
  config: AppConfig,
  logger: Logger,
  availability?: DatabaseAvailability,
): ApolloDriverConfig {
  const production = config.isProduction;
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: true },
    // Replaced by queryCostPlugin, which also counts page sizes given as variables or defaults.
    costLimit: { enabled: false },
    maxAliases: { n: config.graphql.maxAliases },
    maxDirectives: { n: config.graphql.maxDirectives },
    maxTokens: { n: config.graphql.maxTokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();

  return {
    path: '/graphql',
    // Committed schema file: the front end's generated types and reviewers read it.
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // An error may set its HTTP status and headers (`extensions.http`): a throttled sign-in is
    // 429 with Retry-After. Nest would reset every execution error to 200; no other error of
    // this API sets `extensions.http`, so nothing else changes.
    preserveHttpStatusForExecutionErrors: false,
    includeStacktraceInErrorResponses: !production,
    plugins: [
      // Errors thrown by armor's hooks are the client's (HTTP 400), not the server's (500).
      ...(armor.plugins ?? []).map(answeredAsClientErrors),
      queryCostPlugin(config.graphql.maxCost, new HeavyQueryBudget(config.graphql.heavy)),
      textInputPlugin(),
      serviceUnavailablePlugin(),
      // Records the operation and error codes for /metrics and the request log line.
      graphqlOperationPlugin(),
    ],
    validationRules: armor.validationRules,
    // The codes sent are counted for /metrics and the request log line: every error passes
    // here, also those answered without the plugins' hooks (graphql-armor's parse-time limits).
    formatError: countingErrorCodes(
      createFormatError({
        exposeInternals: !production,
        onInternalError: (error) =>
          logger.error({ err: error, requestId: currentRequestId() }, 'Unhandled GraphQL error'),
        // One log line per outage (the probe's), not one per failed request.
        onDatabaseUnavailable: (error) =>
          availability?.markUnavailable((error as Error).message ?? 'connection lost'),
      }),
    ),
  };
}

/**
 * A response with a SERVICE_UNAVAILABLE error (the database is down or restarting) is HTTP 503
 * with Retry-After, so that clients and proxies retry instead of treating it as a failure of
 * the request; the JSON body keeps the code.
 */
function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
