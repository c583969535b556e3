import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@duty/shared/errors';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { rateLimitedError } from './app-error';
import { clampFirst, MAX_FIRST, MAX_PAGE_INPUT_FIRST } from '../common/page-size';
import type { HeavyQueryBudget } from './heavy-query-budget';
import type { GraphQLContext } from './loaders';

// The weights of graphql-armor's cost limit, which this replaces: the configured maximum keeps
// its meaning, and a query written with literals costs what it cost before.
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_COST_FACTOR = 1.5;

/**
 * The cost of the operation that will run: each field with a selection costs 2 plus 1.5 times
 * its children, multiplied by the rows a page of it returns; a scalar costs 1.
 *
 * The page size is the one the resolver will use: from a literal, a variable or the argument's
 * default, clamped as the server clamps it (`first`/`last` ≤ MAX_FIRST; a `page` input's `first`,
 * by default its declared default, ≤ MAX_PAGE_INPUT_FIRST). graphql-armor read literals only, so
 * `tasks(first: $n)` counted as one row.
 *
 * `variables` are the request's raw values. A page whose size cannot be read from them (a
 * missing variable, one that does not coerce, which execution will refuse anyway) counts at its
 * maximum.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  // Apollo keeps one parsed document per query text: the cost of an operation without a page
  // field does not depend on its variables, and is counted once per document and operation.
  const known = fixedCosts.get(document)?.get(operationName ?? null);
  if (known?.schema === schema) return known.cost;
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const coerced: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    Object.assign(coerced, getVariableValues(schema, [definition], variables).coerced);
  }
  const counter = new CostCounter(schema, document, coerced);
  const cost = counter.operation(operation);
  if (!counter.readPageSize) {
    let byOperation = fixedCosts.get(document);
    if (!byOperation) fixedCosts.set(document, (byOperation = new Map()));
    byOperation.set(operationName ?? null, { schema, cost });
  }
  return cost;
}

const fixedCosts = new WeakMap<
  DocumentNode,
  Map<string | null, { schema: GraphQLSchema; cost: number }>
>();

class CostCounter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentCosts = new Map<string, number>();
  /** Whether a page size was read (from arguments, hence possibly from the variables). */
  readPageSize = false;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        this.fragments.set(definition.name.value, definition);
      }
    }
  }

  operation(operation: OperationDefinitionNode): number {
    const root = this.schema.getRootType(operation.operation) ?? undefined;
    return operation.selectionSet.selections.reduce(
      (sum, selection) => sum + this.selection(selection, root),
      0,
    );
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined): number {
    return set.selections.reduce(
      (sum, selection) => sum + DEPTH_COST_FACTOR * this.selection(selection, parent),
      OBJECT_COST,
    );
  }

  private selection(node: SelectionNode, parent: GraphQLNamedType | undefined): number {
    switch (node.kind) {
      case Kind.FIELD:
        return this.field(node, parent);
      case Kind.INLINE_FRAGMENT:
        return this.selectionSet(node.selectionSet, this.typeOf(node.typeCondition) ?? parent);
      case Kind.FRAGMENT_SPREAD:
        return SCALAR_COST + DEPTH_COST_FACTOR * this.fragment(node.name.value);
    }
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    // Validation has refused unknown and cyclic fragments before this runs.
    this.fragmentCosts.set(name, 0);
    const cost = fragment
      ? this.selectionSet(fragment.selectionSet, this.typeOf(fragment.typeCondition))
      : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): number {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    const field =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!field) return this.selectionSet(node.selectionSet, undefined);
    return (
      this.selectionSet(node.selectionSet, getNamedType(field.type)) * this.pageSize(field, node)
    );
  }

  /** The rows one page of this field returns; 1 for a field without page arguments. */
  private pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const pageArg = field.args.find((arg) => ['first', 'last', 'page'].includes(arg.name));
    if (!pageArg) return 1;
    this.readPageSize = true;
    const args = this.argumentValues(field, node);
    if (pageArg.name !== 'page') {
      const first = args?.[pageArg.name];
      return typeof first === 'number' ? clampFirst(first) : MAX_FIRST;
    }
    // An omitted page gets the input's defaults in the resolvers.
    const pageType = getNamedType(pageArg.type);
    const declared = isInputObjectType(pageType)
      ? pageType.getFields()['first']?.defaultValue
      : undefined;
    const page = args?.['page'] as { first?: unknown } | null | undefined;
    const first = args ? (page?.first ?? declared) : undefined;
    return typeof first === 'number'
      ? Math.max(1, Math.min(MAX_PAGE_INPUT_FIRST, Math.trunc(first)))
      : MAX_PAGE_INPUT_FIRST;
  }

  private argumentValues(
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): Record<string, unknown> | undefined {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      return undefined;
    }
  }

  private typeOf(condition: { name: { value: string } } | undefined) {
    return condition ? this.schema.getType(condition.name.value) : undefined;
  }
}

/**
 * Refuses an operation whose cost exceeds `maxCost` with QUERY_TOO_COMPLEX (HTTP 400), once
 * its variables are known: after validation (cached per document, so it cannot see them) and
 * before execution. A heavy operation (see HeavyQueryBudget) runs within its user's budget, or
 * is refused with RATE_LIMITED (HTTP 429, Retry-After).
 */
export function queryCostPlugin(
  maxCost: number,
  budget?: HeavyQueryBudget,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let ticket: { release: () => void } | undefined;
      return {
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          const cost = Math.round(
            queryCost(schema, document, operationName, request.variables ?? {}),
          );
          if (cost <= maxCost) {
            if (!budget?.isHeavy(cost)) return;
            const who = contextValue.principal
              ? `user:${contextValue.principal.userId}`
              : `address:${contextValue.meta?.ip ?? 'unknown'}`;
            const got = await budget.acquire(who);
            if ('release' in got) {
              ticket = got;
              return;
            }
            throw rateLimitedError(
              got.retryAfterSeconds,
              `查询量较大（成本 ${cost}），您同时进行或近一分钟内进行的大查询已达上限，请 ${got.retryAfterSeconds} 秒后再试。`,
              { cost, heavyCost: budget.limits.threshold },
            );
          }
          throw new GraphQLError(
            `查询过于复杂（成本 ${cost}，上限 ${maxCost}），请减少字段、别名或每页条数。`,
            {
              extensions: {
                code: ErrorCode.QUERY_TOO_COMPLEX,
                details: { cost, maxCost },
                http: { status: 400 },
              },
            },
          );
        },
        async willSendResponse() {
          ticket?.release();
        },
      };
    },
  };
}
