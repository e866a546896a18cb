import { useQuery } from '@apollo/client/react';
import { App, Button, Checkbox, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { formatDateTime } from '../../lib/dates';
import { appendPage, consolePath } from './notification-links';
import { NOTIFICATIONS_PAGE } from './operations';
import { useMarkRead, useOpenNotification } from './useNotificationActions';
import './notifications.css';
import { ProblemAlert } from '../../components/ProblemAlert';

const PAGE_SIZE = 20;

/**
 * The signed-in user's notifications, newest first, every role alike: each opens its matter
 * through its title (which marks it read), or is marked read where it stands; "unread only"
 * is kept in the address (`?unread=true`).
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  // The box answers the click at once; the address follows in a navigation, which the router
  // may defer (a transition), and the list follows the box.
  const [unreadOnly, setUnreadOnly] = useState(() => params.get('unread') === 'true');
  const { data, loading, error, refetch, fetchMore } = useQuery(NOTIFICATIONS_PAGE, {
    variables: { unreadOnly, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const markRead = useMarkRead();
  const openNotification = useOpenNotification();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const list = data?.notifications;
  const items = (list?.edges ?? []).map((e) => e.node);
  const sayError = (err: unknown) => {
    const e = explain(err);
    setProblem(e.message ?? t(`errors.${e.code}`));
  };

  const loadMore = async () => {
    const after = list?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => ({
          notifications: appendPage(prev.notifications, fetchMoreResult.notifications),
        }),
      });
    } catch (err) {
      sayError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const mark = async (ids?: string[]) => {
    setProblem(null);
    setBusy(ids ? ids[0] : 'all');
    try {
      const marked = await markRead(ids);
      if (!ids)
        void message.success(
          marked ? t('notifications.markedAll', { count: marked }) : t('notifications.markedNone'),
        );
    } catch (err) {
      sayError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="ntf-page">
      <h1>{t('notifications.title')}</h1>
      <p className="ntf-intro">{t('notifications.intro')}</p>
      <div className="ntf-toolbar">
        <Checkbox
          id="unreadOnly"
          name="unreadOnly"
          checked={unreadOnly}
          onChange={(e) => {
            const checked = e.target.checked;
            setUnreadOnly(checked);
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                if (checked) next.set('unread', 'true');
                else next.delete('unread');
                return next;
              },
              { replace: true },
            );
          }}
        >
          {t('notifications.unreadOnly')}
        </Checkbox>
        <Button
          onClick={() => void mark()}
          loading={busy === 'all'}
          disabled={!list || list.unreadCount === 0}
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      ) : list ? (
        <>
          <p
            className="ntf-counts"
            role="status"
            data-metric="unreadCount"
            data-value={list.unreadCount}
          >
            {t('notifications.counts', { unread: list.unreadCount })}
          </p>
          {items.length === 0 ? (
            <p className="ntf-empty">
              {t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}
            </p>
          ) : (
            <ul className="ntf-list" aria-label={t('notifications.listLabel')}>
              {items.map((n) => {
                const path = consolePath(n.link);
                return (
                  <li
                    key={n.id}
                    className={n.readAt ? 'ntf-item' : 'ntf-item ntf-item-unread'}
                    data-notification-id={n.id}
                    data-kind={n.kind}
                    data-read={String(!!n.readAt)}
                  >
                    <div className="ntf-item-head">
                      <span
                        className={n.readAt ? 'ntf-tag ntf-tag-read' : 'ntf-tag ntf-tag-unread'}
                      >
                        {t(n.readAt ? 'notifications.read' : 'notifications.unread')}
                      </span>
                      <span className="ntf-tag ntf-tag-kind">
                        {t(`notifications.kinds.${n.kind}`)}
                      </span>
                      <time className="ntf-time" dateTime={n.createdAt}>
                        {formatDateTime(n.createdAt)}
                      </time>
                    </div>
                    <p className="ntf-title">
                      {path ? (
                        <Link to={path} onClick={(e) => openNotification(n, e)}>
                          {n.title}
                        </Link>
                      ) : (
                        n.title
                      )}
                    </p>
                    <p className="ntf-body">{n.body}</p>
                    {!n.readAt && (
                      <Button
                        size="small"
                        onClick={() => void mark([n.id])}
                        loading={busy === n.id}
                        aria-label={t('notifications.markReadLabel', { title: n.title })}
                      >
                        {t('notifications.markRead')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="ntf-more">
            {items.length > 0 && (
              <span>
                {t('notifications.shown', { shown: items.length, total: list.totalCount })}
              </span>
            )}
            {list.pageInfo.hasNextPage && (
              <Button onClick={() => void loadMore()} loading={loadingMore}>
                {t('notifications.loadMore')}
              </Button>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}
