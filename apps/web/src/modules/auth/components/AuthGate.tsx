import { Flex } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useLocationPath } from '../../../app/navigation';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { helpPath } from '../../help/utils/help';
import { SignedInUserContext } from '../hooks/signedInUser';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { NoRolePage } from '../pages/NoRolePage';
import { SecondFactorPage } from '../pages/SecondFactorPage';
import { SignInPage } from '../pages/SignInPage';
import { FullPageLoading } from './FullPageLoading';

// Few accounts ever see it, and it brings the QR code: not part of what the sign-in page loads.
const TotpEnrolmentPage = lazy(() =>
  import('../pages/TotpEnrolmentPage').then((m) => ({ default: m.TotpEnrolmentPage })),
);
// The help page is public (the sign-in page links to it); its texts load only when opened.
const SignedOutHelpPage = lazy(() =>
  import('../pages/SignedOutHelpPage').then((m) => ({ default: m.SignedOutHelpPage })),
);

/**
 * Shows `children` (the app shell) only to a signed-in user with a full session who need not
 * change the password first; otherwise the sign-in page (or, at /help, the help page, which
 * needs no account), the second factor step (a code, or
 * the enrolment the role requires), the change-password page, or the page of an account with
 * no role yet, in that order. Follows `me` in the Apollo cache, so signing in or out, a
 * password change and an expired session (graphql/client.ts) switch pages by themselves.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { user, loading, error, retry } = useCurrentUser();
  const path = useLocationPath();

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
  if (user === null) {
    if (path !== helpPath(null)) return <SignInPage />;
    return (
      <Suspense fallback={<FullPageLoading />}>
        <SignedOutHelpPage />
      </Suspense>
    );
  }
  if (user.secondFactorStep === 'VERIFY') return <SecondFactorPage />;
  if (user.secondFactorStep === 'ENROL') {
    return (
      <Suspense fallback={<FullPageLoading />}>
        <TotpEnrolmentPage />
      </Suspense>
    );
  }
  if (user.mustChangePassword) return <ChangePasswordPage />;
  // No role yet (e.g. provisioned by single sign-on): nothing to show until one is bound.
  if (!user.role) return <NoRolePage user={user} />;
  return <SignedInUserContext.Provider value={user}>{children}</SignedInUserContext.Provider>;
}
