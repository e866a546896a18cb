import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Badge } from 'antd';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDateTime } from '../lib/dates';
import { consolePath } from '../pages/notifications/notification-links';
import { NOTIFICATION_BELL } from '../pages/notifications/operations';
import { useOpenNotification } from '../pages/notifications/useNotificationActions';
import './NotificationBell.css';

/** How often the bell asks for new notifications while the page is shown. */
const POLL_MS = 10_000;

/**
 * The bell of the top bar: the signed-in user's unread count (`data-value`, exact), asked for
 * every 10 s while the tab is shown and at every navigation, and a panel with the latest few
 * and the way to all of them. The panel follows its button in the page, so the keyboard reaches
 * it with Tab; Escape or a click elsewhere closes it.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const location = useLocation();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { data, error, refetch } = useQuery(NOTIFICATION_BELL, {
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.visibilityState === 'hidden',
    fetchPolicy: 'cache-and-network',
  });

  // The panel is open at the address where it was opened: any navigation closes it.
  const place = `${location.pathname}${location.search}`;
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === place;
  const setOpen = useCallback((on: boolean) => setOpenAt(on ? place : null), [place]);

  // Every navigation asks again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    refetch().catch(() => undefined);
  }, [place, refetch]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, setOpen]);

  const close = useCallback(() => setOpen(false), [setOpen]);
  const openNotification = useOpenNotification(close);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  const list = data?.notifications;
  const count = list?.unreadCount;
  const items = (list?.edges ?? []).map((e) => e.node);
  const label = count === undefined ? t('bell.name') : t('bell.label', { count });

  return (
    <div className="bell" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-value={count ?? ''}
        onClick={() => {
          setOpen(!open);
          if (!open) refetch().catch(() => undefined);
        }}
      >
        <Badge count={count ?? 0} size="small" overflowCount={99} color="#b91c1c">
          <BellOutlined className="bell-icon" aria-hidden />
        </Badge>
      </button>
      <div id={panelId} className="bell-panel" hidden={!open}>
        <div className="bell-title">{t('bell.title')}</div>
        {error && !data ? (
          <p className="bell-note" role="status">
            {t('bell.failed')}
          </p>
        ) : items.length === 0 ? (
          <p className="bell-note">{t('bell.empty')}</p>
        ) : (
          <ul className="bell-list">
            {items.map((n) => {
              const path = consolePath(n.link);
              return (
                <li
                  key={n.id}
                  className={n.readAt ? 'bell-item' : 'bell-item bell-item-unread'}
                  data-notification-id={n.id}
                  data-read={String(!!n.readAt)}
                >
                  <div className="bell-item-head">
                    {path ? (
                      <Link to={path} onClick={(e) => openNotification(n, e)}>
                        {n.title}
                      </Link>
                    ) : (
                      <span className="bell-item-title">{n.title}</span>
                    )}
                    {!n.readAt && <span className="bell-unread">{t('bell.unread')}</span>}
                  </div>
                  <time className="bell-time" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>
                </li>
              );
            })}
          </ul>
        )}
        <Link to="/notifications" className="bell-all" onClick={close}>
          {t('bell.all')}
        </Link>
      </div>
    </div>
  );
}
