import type { ApolloClient } from '@apollo/client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AppProviders } from './AppProviders';
import { AppShell } from './AppShell';

export function App({ apolloClient }: { apolloClient: ApolloClient }) {
  return (
    <AppProviders client={apolloClient}>
      <ErrorBoundary>
        <AppShell />
      </ErrorBoundary>
    </AppProviders>
  );
}
