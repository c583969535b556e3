import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect } from 'react';
import {
  NotificationMarkAllReadDocument,
  NotificationMarkReadDocument,
  NotificationUnreadCountDocument,
} from '../../../graphql/generated/graphql';
import { UNREAD_POLL_MS } from '../utils/notifications';

/**
 * The unread count for the bell: asked every minute and whenever the window gets focus again
 * (someone coming back to the tab sees new notifications at once).
 */
export function useUnreadCount() {
  const { data, refetch } = useQuery(NotificationUnreadCountDocument, {
    pollInterval: UNREAD_POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const refresh = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
  return { count: data?.unreadNotificationCount ?? 0, refresh };
}

/** Mark read (some, or all); the unread count is asked again afterwards. */
export function useMarkRead() {
  const refetchQueries = [NotificationUnreadCountDocument];
  const [markMutation, marking] = useMutation(NotificationMarkReadDocument, { refetchQueries });
  const [markAllMutation, markingAll] = useMutation(NotificationMarkAllReadDocument, {
    refetchQueries,
  });
  const markRead = useCallback(
    async (ids: string[]) =>
      ids.length === 0
        ? 0
        : ((await markMutation({ variables: { ids } })).data?.markNotificationsRead ?? 0),
    [markMutation],
  );
  const markAllRead = useCallback(
    async () => (await markAllMutation()).data?.markAllNotificationsRead ?? 0,
    [markAllMutation],
  );
  return { markRead, markAllRead, marking: marking.loading || markingAll.loading };
}
