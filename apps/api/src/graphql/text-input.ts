import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@duty/shared/errors';
import { DocumentNode, GraphQLError, valueFromASTUntyped, visit } from 'graphql';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPaths } from '../common/storable-text';

/**
 * Refuses, before execution, any GraphQL request with a NUL or a lone surrogate in a string:
 * in its variables or written inline in the document (arguments, directive arguments,
 * variable defaults), for every field at once, with VALIDATION_FAILED naming each path.
 * A lone surrogate cannot be written inline: the parser refuses it (BAD_REQUEST).
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const paths = [
            ...unstorableTextPaths(request.variables ?? {}, ''),
            ...inlineUnstorablePaths(document),
          ];
          if (paths.length === 0) return;
          throw new GraphQLError(`提交的文本${UNSTORABLE_TEXT_MESSAGE}`, {
            extensions: {
              code: ErrorCode.VALIDATION_FAILED,
              details: {
                fields: Object.fromEntries(paths.map((path) => [path, [UNSTORABLE_TEXT_MESSAGE]])),
              },
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}

// Per parsed document (Apollo keeps one per query text): the document's own strings are
// checked once, not on every request that sends it again.
const inlineChecked = new WeakMap<DocumentNode, string[]>();

function inlineUnstorablePaths(document: DocumentNode): string[] {
  let paths = inlineChecked.get(document);
  if (!paths) {
    paths = visitInlineStrings(document);
    inlineChecked.set(document, paths);
  }
  return paths;
}

function visitInlineStrings(document: DocumentNode): string[] {
  const paths: string[] = [];
  visit(document, {
    Argument(node) {
      paths.push(...unstorableTextPaths(valueFromASTUntyped(node.value), node.name.value));
      return false;
    },
    VariableDefinition(node) {
      if (node.defaultValue) {
        paths.push(
          ...unstorableTextPaths(valueFromASTUntyped(node.defaultValue), node.variable.name.value),
        );
      }
    },
  });
  return paths;
}
