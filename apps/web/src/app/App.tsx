import type { ApolloClient } from '@apollo/client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { AuthGate } from '../modules/auth/components/AuthGate';
import { AppProviders } from './AppProviders';
import { AppShell } from './AppShell';

export function App({ apolloClient }: { apolloClient: ApolloClient }) {
  return (
    <AppProviders client={apolloClient}>
      <ErrorBoundary>
        <AuthGate>
          <AppShell />
        </AuthGate>
      </ErrorBoundary>
    </AppProviders>
  );
}
