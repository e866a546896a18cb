import { Button, Checkbox } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskRequestFieldsFragment, Role, ServiceCategory } from '../../gql/graphql';
import { boardColumns, type DeskMove, deskMoves, dueState } from '../../lib/desk';
import { isLate, SERVICE_CATEGORIES } from '../../lib/service-requests';
import type { PendingMove } from './MoveModal';
import { NativeSelect, When } from './parts';

type Request = DeskRequestFieldsFragment;

/** The time the board judges response times by; it moves on every minute. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function RequestCard({
  request,
  role,
  now,
  onAssign,
  onMove,
  onHistory,
}: {
  request: Request;
  role: Role;
  now: Date;
  onAssign: (request: Request) => void;
  onMove: (move: PendingMove) => void;
  onHistory: (request: Request) => void;
}) {
  const { t } = useTranslation('desk');
  const due = dueState(request, now);
  const moves = deskMoves(role, request.status);
  const moveAction = (move: DeskMove): string => {
    if (move.kind !== 'status') return t(`move.${move.kind}`);
    // A status move leads to IN_PROGRESS, RESOLVED, CLOSED or CANCELLED (lib/desk.ts).
    return move.reopen ? t('move.reopen') : t(`move.${move.to as 'IN_PROGRESS'}`);
  };
  return (
    <li
      className="desk-card"
      data-request={request.id}
      data-status={request.status}
      data-category={request.category}
      data-due={due}
    >
      <h3>{request.title}</h3>
      <dl>
        <dt>{t('board.firm')}</dt>
        <dd>{request.tenant.name}</dd>
        <dt>{t('board.category')}</dt>
        <dd>{t(`category.${request.category}`)}</dd>
        <dt>{t('board.openedAt')}</dt>
        <dd>
          <When at={request.createdAt} />
        </dd>
        <dt>{t('board.dueAt')}</dt>
        <dd data-field="dueAt" data-value={request.dueAt}>
          <When at={request.dueAt} />
          {due === 'late' && <span className="desk-late">{t('board.late')}</span>}
          {due === 'soon' && <span className="desk-soon">{t('board.soon')}</span>}
        </dd>
        <dt>{t('board.assignee')}</dt>
        <dd data-field="assignee">
          {request.assignee?.name ?? <span className="desk-muted">{t('board.notAssigned')}</span>}
        </dd>
        {request.rating != null && (
          <>
            <dt className="desk-muted">★</dt>
            <dd>{t('board.rating', { rating: request.rating })}</dd>
          </>
        )}
      </dl>
      <div className="desk-actions">
        {moves.map((m) => {
          const action = moveAction(m);
          const label = t('move.label', { action, title: request.title });
          const key = m.kind === 'status' ? m.to : m.kind;
          if (m.kind !== 'status') {
            return (
              <Button
                key={key}
                size="small"
                type={m.kind === 'assign' ? 'primary' : 'default'}
                aria-label={label}
                onClick={() => onAssign(request)}
              >
                {action}
              </Button>
            );
          }
          const forward = !m.cancel && !m.reopen;
          return (
            <Button
              key={key}
              size="small"
              type={forward ? 'primary' : 'default'}
              danger={m.cancel}
              aria-label={label}
              data-move={m.to}
              onClick={() =>
                onMove({ request, to: m.to, reopen: m.reopen, cancel: m.cancel, action })
              }
            >
              {action}
            </Button>
          );
        })}
        <Button
          size="small"
          type="link"
          aria-label={t('move.historyLabel', { title: request.title })}
          onClick={() => onHistory(request)}
        >
          {t('move.history')}
        </Button>
      </div>
    </li>
  );
}

/**
 * The board: a column per status, each request a card with its firm, category, times and the
 * moves the desk may make from its status, as buttons (the keyboard reaches every one).
 */
export function Board({
  requests,
  role,
  onAssign,
  onMove,
  onHistory,
}: {
  requests: readonly Request[];
  role: Role;
  onAssign: (request: Request) => void;
  onMove: (move: PendingMove) => void;
  onHistory: (request: Request) => void;
}) {
  const { t } = useTranslation('desk');
  const now = useNow();
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const [lateOnly, setLateOnly] = useState(false);
  const columns = useMemo(
    () => boardColumns(requests, { category, lateOnly }, now),
    [requests, category, lateOnly, now],
  );
  const shown = columns.reduce((n, c) => n + c.requests.length, 0);
  const late = columns.reduce((n, c) => n + c.requests.filter((r) => isLate(r, now)).length, 0);

  return (
    <div>
      <div className="desk-toolbar">
        <div className="desk-filters">
          <div>
            <label className="desk-label" htmlFor="category">
              {t('board.category')}
            </label>
            <NativeSelect
              id="category"
              name="category"
              value={category}
              onChange={(e) => setCategory(e.target.value as ServiceCategory | '')}
              placeholder={t('board.allCategories')}
              placeholderSelectable
              options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            />
          </div>
          <Checkbox
            id="lateOnly"
            name="lateOnly"
            checked={lateOnly}
            onChange={(e) => setLateOnly(e.target.checked)}
          >
            {t('board.lateOnly')}
          </Checkbox>
        </div>
        <p className="desk-muted" role="status">
          {t('board.count', { count: shown, late })}
        </p>
      </div>
      <div className="desk-board">
        {columns.map((c) => (
          <section
            key={c.status}
            className="desk-column"
            data-column={c.status}
            aria-labelledby={`column-${c.status}`}
          >
            <div className="desk-column-head">
              <h2 id={`column-${c.status}`}>{t(`status.${c.status}`)}</h2>
              <span className="desk-muted" data-count={c.requests.length}>
                {t('board.columnCount', { count: c.requests.length })}
              </span>
            </div>
            {c.requests.length === 0 ? (
              <p className="desk-empty">{t('board.empty')}</p>
            ) : (
              <ol className="desk-cards">
                {c.requests.map((r) => (
                  <RequestCard
                    key={r.id}
                    request={r}
                    role={role}
                    now={now}
                    onAssign={onAssign}
                    onMove={onMove}
                    onHistory={onHistory}
                  />
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
