import { Drawer, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeskRequestFieldsFragment } from '../../gql/graphql';
import { StatusLabel, When } from './parts';

type Request = DeskRequestFieldsFragment;

/** A request in full, and every change it went through, oldest first. */
export function HistoryDrawer({
  request,
  onClose,
}: {
  request: Request | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('desk');
  return (
    <Drawer
      open={!!request}
      onClose={onClose}
      title={request ? t('history.title', { title: request.title }) : ''}
      size={520}
      destroyOnHidden
    >
      {request && (
        <div data-history={request.id}>
          <h3>{t('history.details')}</h3>
          <dl className="desk-details">
            <dt>{t('history.firm')}</dt>
            <dd>{request.tenant.name}</dd>
            <dt>{t('history.category')}</dt>
            <dd>{t(`category.${request.category}`)}</dd>
            <dt>{t('history.status')}</dt>
            <dd>
              <StatusLabel status={request.status} />
            </dd>
            <dt>{t('history.assignee')}</dt>
            <dd>{request.assignee?.name ?? t('board.notAssigned')}</dd>
            <dt>{t('history.createdAt')}</dt>
            <dd>
              <When at={request.createdAt} />
            </dd>
            <dt>{t('history.dueAt')}</dt>
            <dd>
              <When at={request.dueAt} />
            </dd>
            {request.resolvedAt && (
              <>
                <dt>{t('history.resolvedAt')}</dt>
                <dd>
                  <When at={request.resolvedAt} />
                </dd>
              </>
            )}
            {request.rating != null && (
              <>
                <dt>{t('history.rating')}</dt>
                <dd>
                  {t('history.ratingValue', { rating: request.rating })}
                  {request.ratingComment ? `：${request.ratingComment}` : ''}
                </dd>
              </>
            )}
            <dt>{t('history.description')}</dt>
            <dd>{request.description}</dd>
          </dl>
          <h3>{t('history.events')}</h3>
          {request.history.length === 0 ? (
            <Empty description={t('history.empty')} />
          ) : (
            <ol className="desk-history">
              {request.history.map((e, i) => (
                <li key={`${e.at}-${i}`} data-kind={e.kind} data-status={e.status}>
                  <When at={e.at} />
                  <span className="desk-history-what">{t(`history.kind.${e.kind}`)}</span>
                  <StatusLabel status={e.status} />
                  {e.actorRole && (
                    <div className="desk-muted">
                      {t('history.by', { role: t(`roles.${e.actorRole}`, { ns: 'common' }) })}
                    </div>
                  )}
                  {e.assignee && <div>{t('history.assigneeName', { name: e.assignee.name })}</div>}
                  {e.rating != null && <div>{t('history.ratingGiven', { rating: e.rating })}</div>}
                  {e.note && <p className="desk-history-note">{e.note}</p>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Drawer>
  );
}
