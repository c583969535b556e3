import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { canonicalStringify } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { useEffect, useState } from 'react';
import { getOperationName } from '@apollo/client/utilities/internal';

/**
 * Early data for a page opened from its address (bookmark, reload): its first query is sent
 * while the app starts and the session is checked, instead of after the page has rendered, and
 * the page then reads the answer from the cache. A page that asks the same (query, variables)
 * within {@link FRESH_MS} takes the prefetched answer (or joins the request still in flight —
 * Apollo deduplicates identical requests) instead of asking again.
 *
 * Without a session the prefetch fails UNAUTHENTICATED before any user is cached, which the
 * session link ignores; the sign-in page is shown as before.
 */
const FRESH_MS = 15_000;

const prefetched = new Map<string, number>();

function keyOf(query: DocumentNode, variables: object): string {
  return `${getOperationName(query) ?? ''}|${canonicalStringify(variables)}`;
}

export function prefetchQuery<TData, TVariables extends OperationVariables>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): void {
  const key = keyOf(query, variables);
  prefetched.set(key, Date.now());
  client
    .query({ query, variables, fetchPolicy: 'network-only' } as ApolloClient.QueryOptions<
      TData,
      TVariables
    >)
    .catch(() => prefetched.delete(key));
}

/** Whether this request was prefetched moments ago (its answer is in the cache or in flight). */
function isPrefetched(key: string): boolean {
  const at = prefetched.get(key);
  return at !== undefined && Date.now() - at < FRESH_MS;
}

/**
 * A page's fetch policy: `cache-first` for its first request when that request was prefetched
 * (the answer is in the cache, or in flight), `fallback` for everything after — once the
 * variables have moved on, returning to them asks the server again. The prefetch is used up
 * when the page commits, not when it first renders: a render that suspends (a lazy child,
 * translations still loading) is thrown away and rendered again, and must find it still there.
 */
export function usePrefetchedPolicy<TPolicy extends string>(
  query: DocumentNode,
  variables: object,
  fallback: TPolicy,
): TPolicy | 'cache-first' {
  const key = keyOf(query, variables);
  const [taken, setTaken] = useState(() => (isPrefetched(key) ? key : undefined));
  useEffect(() => {
    if (taken !== undefined) prefetched.delete(taken);
  }, [taken]);
  // Moved on to other variables: from now on, the fallback (state derived while rendering).
  if (taken !== undefined && taken !== key) setTaken(undefined);
  return taken === key ? 'cache-first' : fallback;
}
