import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@duty/shared/errors';
import { toAppError } from './errors';
import { SignedInProbeDocument } from './generated/graphql';
import { sessionOf } from './session';

/** Same origin in production (the API serves the app); proxied by Vite in development. */
export const GRAPHQL_PATH = '/graphql';

/** Name of the query for the signed-in user (modules/auth/graphql/currentUser.graphql). */
const CURRENT_USER_OPERATION = 'Me';

/** Reads (never fetches) whether the cache holds a signed-in user. */
function cacheHasSignedInUser(client: ApolloClient): boolean {
  return !!client.cache.readQuery({ query: SignedInProbeDocument })?.me;
}

/**
 * Operations whose UNAUTHENTICATED answer is not an expired session: a failed sign-in, and
 * signing out of a session that has already ended.
 */
const SESSION_FREE_OPERATIONS: ReadonlySet<string> = new Set(['SignIn', 'SignOut']);

/** Runs after the current response has been delivered, so the store is not reset under it. */
const later = (task: () => Promise<unknown>) =>
  setTimeout(() => void task().catch(() => undefined), 0);

/**
 * The one place that reacts to the session answers of any operation:
 * - UNAUTHENTICATED while a user is signed in (the session expired or was revoked): remember
 *   it for the sign-in page's notice and reset the store, which drops the user's data and
 *   re-asks `me` (now null, so the auth gate shows the sign-in page). Once the store is reset
 *   no user is cached, so the queries it refetches, or those refetched after signing out,
 *   do not count as another expiry;
 * - PASSWORD_CHANGE_REQUIRED, SECOND_FACTOR_REQUIRED: re-ask `me`, whose `mustChangePassword`
 *   or `secondFactorStep` sends the auth gate to the change-password or second factor page.
 */
function sessionErrorLink(getClient: () => ApolloClient | undefined): ApolloLink {
  return new ErrorLink(({ error, operation }) => {
    const client = getClient();
    if (!client) return;
    const { code } = toAppError(error);
    if (code === ErrorCode.UNAUTHENTICATED) {
      if (SESSION_FREE_OPERATIONS.has(operation.operationName ?? '')) return;
      if (!cacheHasSignedInUser(client)) return;
      // Only the first failure resets; other requests of the same moment fail the same way.
      if (sessionOf(client).markExpired()) later(() => client.resetStore());
    } else if (
      code === ErrorCode.PASSWORD_CHANGE_REQUIRED ||
      code === ErrorCode.SECOND_FACTOR_REQUIRED
    ) {
      if (operation.operationName === CURRENT_USER_OPERATION) return;
      later(() => client.refetchQueries({ include: [CURRENT_USER_OPERATION] }));
    }
  });
}

/**
 * One client per app (tests make their own). Requests are JSON POSTs, which satisfies the
 * API's CSRF prevention (`Content-Type: application/json`). The session is the API's HttpOnly
 * cookie, sent by the browser with every same-origin request.
 */
export function createApolloClient(): ApolloClient {
  // The error link needs the client it belongs to, which is created after the link.
  const created: { client?: ApolloClient } = {};
  const httpLink = new HttpLink({
    uri: GRAPHQL_PATH,
    credentials: 'same-origin',
    // Look `fetch` up per request instead of once at start-up, so polyfills and test
    // stubs installed later are used.
    fetch: (input, init) => globalThis.fetch(input, init),
  });
  const client = new ApolloClient({
    link: ApolloLink.from([sessionErrorLink(() => created.client), httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        // Administrative units and department kinds are identified by their codes.
        AdminUnit: { keyFields: ['code'] },
        DepartmentKind: { keyFields: ['code'] },
        // Pages of results have no id of their own: a newer page replaces the older one.
        UserPage: { merge: true },
        SecurityAuditPage: { merge: true },
      },
    }),
  });
  created.client = client;
  return client;
}
