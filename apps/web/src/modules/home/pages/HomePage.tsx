import { useEffect } from 'react';
import { PageLoading } from '../../../components/PageLoading';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { landingPath } from '../utils/landing';

/**
 * `/`: every role starts on its own main page — the business roles on the workbench, the
 * administrators and a user without a role on the about page. The address is replaced, so Back does not bounce through `/`.
 */
export function HomePage() {
  const { role } = useSignedInUser();
  useEffect(() => {
    window.history.replaceState(null, '', landingPath(role));
    // The app's navigation listens to popstate (see app/navigation.ts).
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, [role]);
  return <PageLoading rows={4} />;
}
