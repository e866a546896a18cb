import { Drawer, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, ServiceRequestEventKind, ServiceRequestStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import { RATINGS, REQUEST_TONES, type Tone } from '../../lib/service-requests';
import './services.css';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';

/**
 * Pieces the benefits and service desk pages share: status tags in words and colour, money with
 * its exact value beside it, the star rating, a request's history.
 */

export function StatusTag({
  tone,
  value,
  children,
}: {
  tone: Tone;
  value: string;
  children: ReactNode;
}) {
  return (
    <span className={`svc-tag svc-tag-${tone}`} data-status={value}>
      {children}
    </span>
  );
}

export function RequestStatusTag({ status }: { status: ServiceRequestStatus }) {
  const { t } = useTranslation('services');
  return (
    <StatusTag tone={REQUEST_TONES[status]} value={status}>
      {t(`status.${status}`)}
    </StatusTag>
  );
}

/** An amount in 元 (the unit is in the column's title), the exact Decimal string in data-value. */
export function Yuan({ value, field }: { value: string | null | undefined; field: string }) {
  const { t } = useTranslation('services');
  if (value === null || value === undefined) return <span className="svc-muted">{t('none')}</span>;
  return (
    <span className="svc-money" data-field={field} data-value={value}>
      {formatYuan(value)}
    </span>
  );
}

/** A date-time of the API as YYYY-MM-DD HH:mm in Asia/Shanghai, or a dash. */
export function When({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation('services');
  if (!at) return <span className="svc-muted">{t('none')}</span>;
  return (
    <time className="svc-nowrap" dateTime={at}>
      {formatDateTime(at)}
    </time>
  );
}

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return <BaseSelect className={className ? `svc-select ${className}` : 'svc-select'} {...props} />;
}

/**
 * Stars 1 to 5 as radio buttons named `rating`: Tab reaches the group, the arrow keys choose, a
 * click on a star chooses it. `labelId` is the id of the visible label.
 */
export function StarRating({
  id,
  labelId,
  value,
  onChange,
  invalid,
}: {
  id: string;
  labelId: string;
  value?: number | null;
  onChange?: (value: number) => void;
  invalid?: boolean;
}) {
  const { t } = useTranslation('services');
  return (
    <div
      className="svc-stars"
      role="radiogroup"
      id={id}
      aria-labelledby={labelId}
      aria-invalid={invalid || undefined}
    >
      {RATINGS.map((n) => (
        <label key={n} className={`svc-star${value && n <= value ? ' svc-star-on' : ''}`}>
          <input
            type="radio"
            name="rating"
            value={n}
            checked={value === n}
            onChange={() => onChange?.(n)}
            aria-label={t('requests.rateForm.star', { count: n })}
          />
          <span aria-hidden="true">★</span>
        </label>
      ))}
    </div>
  );
}

export interface HistoryEvent {
  at: string;
  kind: ServiceRequestEventKind;
  status: ServiceRequestStatus;
  note?: string | null;
  rating?: number | null;
  actorRole?: Role | null;
  assignee?: { name: string } | null;
}

/** A request's changes, oldest first, each with its time, status and note. */
export function HistoryList({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation('services');
  if (!events.length) return <Empty description={t('event.empty')} />;
  return (
    <ol className="svc-history" aria-label={t('requests.history')}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} data-kind={e.kind} data-status={e.status}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <span className="svc-history-what">{t(`event.${e.kind}`)}</span>
          <RequestStatusTag status={e.status} />
          {e.actorRole && (
            <div className="svc-muted">
              {t('event.by', { role: t(`roles.${e.actorRole}`, { ns: 'common' }) })}
            </div>
          )}
          {e.assignee && <div>{t('event.assignee', { name: e.assignee.name })}</div>}
          {e.rating != null && <div>{t('event.rating', { rating: e.rating })}</div>}
          {e.note && <p className="svc-history-note">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}

export function HistoryDrawer({
  request,
  onClose,
}: {
  request: { title: string; history: readonly HistoryEvent[] } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('services');
  return (
    <Drawer
      open={!!request}
      onClose={onClose}
      title={request ? t('requests.historyOf', { title: request.title }) : ''}
      size={480}
      destroyOnHidden
      rootClassName="svc-modal"
    >
      {request && <HistoryList events={request.history} />}
    </Drawer>
  );
}
