import { Flex } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { SignedInUserContext } from '../hooks/signedInUser';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { SecondFactorPage } from '../pages/SecondFactorPage';
import { SignInPage } from '../pages/SignInPage';
import { FullPageLoading } from './FullPageLoading';

// Few accounts ever see it, and it brings the QR code: not part of what the sign-in page loads.
const TotpEnrolmentPage = lazy(() =>
  import('../pages/TotpEnrolmentPage').then((m) => ({ default: m.TotpEnrolmentPage })),
);

/**
 * Shows `children` (the app shell) only to a signed-in user with a full session who need not
 * change the password first; otherwise the sign-in page, the second factor step (a code, or
 * the enrolment the role requires), or the change-password page, in that order. Follows `me` in the Apollo cache,
 * so signing in or out, a password change and an expired session (graphql/client.ts) switch
 * pages by themselves.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { user, loading, error, retry } = useCurrentUser();

  if (user === undefined) {
    if (!error || loading) return <FullPageLoading />;
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
        <div style={{ maxWidth: 520, width: '100%' }}>
          <QueryErrorAlert error={error} onRetry={retry} />
        </div>
      </Flex>
    );
  }
  if (user === null) return <SignInPage />;
  if (user.secondFactorStep === 'VERIFY') return <SecondFactorPage />;
  if (user.secondFactorStep === 'ENROL') {
    return (
      <Suspense fallback={<FullPageLoading />}>
        <TotpEnrolmentPage />
      </Suspense>
    );
  }
  if (user.mustChangePassword) return <ChangePasswordPage />;
  return <SignedInUserContext.Provider value={user}>{children}</SignedInUserContext.Provider>;
}
