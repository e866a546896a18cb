import { useMutation } from '@apollo/client/react';
import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { consolePath, isPlainClick } from './notification-links';
import { MARK_NOTIFICATIONS_READ, NOTIFICATION_BELL, NOTIFICATIONS_PAGE } from './operations';

/**
 * Marks notifications read. The ones marked show as read at once, everywhere they are shown,
 * and every list's unread count falls by as many as the API marked now; the bell then asks
 * the API again. Marking all reloads the page's list too (under "unread only" it empties).
 */
export function useMarkRead() {
  const [mark] = useMutation(MARK_NOTIFICATIONS_READ);
  return useCallback(
    async (ids?: readonly string[]) => {
      const { data } = await mark({
        variables: { ids: ids ? [...ids] : null },
        update(cache, { data: answer }) {
          const marked = answer?.markNotificationsRead ?? 0;
          const now = new Date().toISOString();
          for (const id of ids ?? []) {
            cache.modify({
              id: cache.identify({ __typename: 'Notification', id }),
              fields: { readAt: (readAt: string | null) => readAt ?? now },
            });
          }
          cache.modify({
            fields: {
              // The connection has no id of its own: each list is kept whole under its arguments.
              notifications: (list) => {
                const unread = (list as { unreadCount?: unknown }).unreadCount;
                return typeof unread === 'number'
                  ? { ...list, unreadCount: ids ? Math.max(0, unread - marked) : 0 }
                  : list;
              },
            },
          });
        },
        refetchQueries: ids ? [NOTIFICATION_BELL] : [NOTIFICATION_BELL, NOTIFICATIONS_PAGE],
        awaitRefetchQueries: true,
      });
      return data?.markNotificationsRead ?? 0;
    },
    [mark],
  );
}

interface Openable {
  id: string;
  link?: string | null;
  readAt?: string | null;
}

/**
 * The click on a notification's link: an unread one is marked read first, then its matter
 * opens (so the bell on the next page already counts it read). A click that opens another tab
 * marks it read and leaves the browser to open the link.
 */
export function useOpenNotification(afterOpen?: () => void) {
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return useCallback(
    (n: Openable, e: MouseEvent<HTMLAnchorElement>) => {
      const path = consolePath(n.link);
      if (!path) return;
      if (!isPlainClick(e)) {
        if (!n.readAt) markRead([n.id]).catch(() => undefined);
        return;
      }
      e.preventDefault();
      const go = () => {
        afterOpen?.();
        void navigate(path);
      };
      if (n.readAt) go();
      // The matter opens even when the mark could not be sent: the item stays unread.
      else markRead([n.id]).then(go, go);
    },
    [markRead, navigate, afterOpen],
  );
}
