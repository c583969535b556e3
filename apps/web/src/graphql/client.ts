import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Same origin in production (the API serves the app); proxied by Vite in development. */
export const GRAPHQL_PATH = '/graphql';

/**
 * One client per app (tests make their own). Requests are JSON POSTs, which satisfies the
 * API's CSRF prevention (`Content-Type: application/json`).
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: GRAPHQL_PATH,
      credentials: 'same-origin',
      // Look `fetch` up per request instead of once at start-up, so polyfills and test
      // stubs installed later are used.
      fetch: (input, init) => globalThis.fetch(input, init),
    }),
    cache: new InMemoryCache(),
  });
}
