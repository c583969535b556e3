import type { ApolloServerPlugin } from '@apollo/server';
import { isErrorCode } from '@duty/shared/errors';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

/** What a GraphQL request was, for its metrics and its log line. */
export interface GraphQLOperationInfo {
  /** query, mutation, subscription; `other` when no operation was resolved (parse/validation errors). */
  type: string;
  /**
   * The operation's first root field, a field of the served schema (`tasks`, `signIn`…), or
   * `other`. The client's operation name is not used as a label: any client could invent
   * endless names, and a time series per name would exhaust the monitoring system.
   */
  operation: string;
  /** The client's operation name, for the log only (bounded length). */
  operationName: string | null;
  /** `extensions.code` of each error sent, from the shared list (else OTHER). */
  errorCodes: string[];
}

const INFO = Symbol('graphqlOperation');

type WithInfo = IncomingMessage & { [INFO]?: GraphQLOperationInfo };

/** The GraphQL operation the request carried, once Apollo has answered it. */
export function graphqlOperationOf(req: IncomingMessage): GraphQLOperationInfo | undefined {
  return (req as WithInfo)[INFO];
}

function infoOf(req: WithInfo): GraphQLOperationInfo {
  req[INFO] ??= { type: OTHER, operation: OTHER, operationName: null, errorCodes: [] };
  return req[INFO];
}

export const OTHER = 'other';

/** The label of an operation: its first root field (from the schema after validation). */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  const first = operation?.selectionSet.selections[0];
  if (!first || first.kind !== Kind.FIELD) return OTHER;
  // __schema, __type, __typename: meta fields, one label for them all.
  return first.name.value.startsWith('__') ? '__introspection' : first.name.value;
}

// The HTTP request being handled, for the error formatter (which is not given it).
const currentRequest = new AsyncLocalStorage<IncomingMessage>();

/** Runs `next` (the rest of the request's handling) with the request reachable by formatError. */
export function runWithinRequest(req: IncomingMessage, next: () => void): void {
  currentRequest.run(req, next);
}

/**
 * Wraps Apollo's formatError to record the code of each error sent. Every error of every
 * response passes through formatError, also those Apollo answers without calling the plugins'
 * later hooks (graphql-armor's token limit throws while parsing starts).
 */
export function countingErrorCodes(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const req = currentRequest.getStore();
    if (req) {
      const code = result.extensions?.code;
      infoOf(req).errorCodes.push(isErrorCode(code) ? code : 'OTHER');
    }
    return result;
  };
}

/**
 * Records each GraphQL request's operation on the HTTP request, where the metrics middleware
 * and the request log read it (with the error codes) when the response has been sent.
 * Stateless: each server instance (tests run several in one process) reads its own requests.
 */
export function graphqlOperationPlugin(): ApolloServerPlugin<{ req?: IncomingMessage }> {
  return {
    async requestDidStart({ contextValue }) {
      const req = contextValue.req as WithInfo | undefined;
      if (!req) return;
      const info = infoOf(req);
      return {
        async didResolveOperation({ operation, operationName }) {
          info.type = operation?.operation ?? OTHER;
          info.operation = operationLabel(operation);
          info.operationName = operationName ? operationName.slice(0, 100) : null;
        },
      };
    },
  };
}
