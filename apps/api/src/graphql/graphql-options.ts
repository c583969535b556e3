import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger } from 'pino';
import { AppConfig } from '../config/config';
import { currentRequestId } from '../logging/logger';
import { createFormatError } from './format-error';

/**
 * Apollo Server settings, hardened from the start: query depth, cost, alias, directive and
 * token limits; no batched requests; CSRF prevention; and in production no introspection,
 * no "did you mean" field suggestions and no stack traces.
 */
export function graphqlOptions(config: AppConfig, logger: Logger): ApolloDriverConfig {
  const production = config.isProduction;
  const armor = new ApolloArmor({
    maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: config.graphql.maxCost, ignoreIntrospection: true },
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
    includeStacktraceInErrorResponses: !production,
    plugins: armor.plugins,
    validationRules: armor.validationRules,
    formatError: createFormatError({
      exposeInternals: !production,
      onInternalError: (error) =>
        logger.error({ err: error, requestId: currentRequestId() }, 'Unhandled GraphQL error'),
    }),
  };
}
