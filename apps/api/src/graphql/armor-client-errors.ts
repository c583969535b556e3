import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

type Plugin = ApolloServerPlugin<Record<string, unknown>>;

/**
 * graphql-armor's token limit parses the query in `parsingDidStart` and throws from that hook,
 * its syntax errors included; Apollo treats an error thrown by a hook as unexpected, armor's
 * `unexpectedErrorProcessingRequest` turns it into a GraphQLError, and Apollo answers that with
 * HTTP 500. A client's malformed or oversized query then counted as a server failure (5xx
 * alerts, /metrics). Those errors are answered with HTTP 400, the status Apollo gives its own
 * parse errors; the body (BAD_REQUEST, QUERY_TOO_COMPLEX) is unchanged. Any other unexpected
 * error stays a 500.
 */
export function answeredAsClientErrors(plugin: Plugin): Plugin {
  const unexpected = plugin.unexpectedErrorProcessingRequest?.bind(plugin);
  if (!unexpected) return plugin;
  return {
    ...plugin,
    async unexpectedErrorProcessingRequest(args) {
      try {
        await unexpected(args);
      } catch (error) {
        const parseTime =
          args.error instanceof GraphQLError && args.error.message.startsWith('Syntax Error');
        if (!parseTime || !(error instanceof GraphQLError) || error.extensions.http) throw error;
        throw new GraphQLError(error.message, {
          originalError: error.originalError ?? undefined,
          extensions: { ...error.extensions, http: { status: 400 } },
        });
      }
    },
  };
}
