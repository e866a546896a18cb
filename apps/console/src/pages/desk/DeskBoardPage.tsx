import { useQuery } from '@apollo/client/react';
import { Alert, Spin, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DeskRequestFieldsFragment } from '../../gql/graphql';
import { DESK_ROLES, workload } from '../../lib/desk';
import { AssignModal } from './AssignModal';
import { Board } from './Board';
import { HistoryDrawer } from './HistoryDrawer';
import { MoveModal, type PendingMove } from './MoveModal';
import { DESK_PROVIDERS, DESK_REQUESTS } from './operations';
import { ProvidersPanel } from './ProvidersPanel';
import './desk.css';

type Request = DeskRequestFieldsFragment;
type Tab = 'board' | 'providers';

/**
 * The service desk (服务台), at /service-desk for ADMIN and SERVICE_DESK: the requests as a
 * board by status, assigned and moved by buttons; and the providers. `?tab=providers` opens them.
 */
export default function DeskBoardPage() {
  const { t } = useTranslation('desk');
  const user = useUser();
  const mayWrite = DESK_ROLES.includes(user.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'providers' ? 'providers' : 'board';

  const requests = useQuery(DESK_REQUESTS);
  const providers = useQuery(DESK_PROVIDERS);
  const requestList = useMemo(() => requests.data?.serviceRequests ?? [], [requests.data]);
  const providerList = useMemo(() => providers.data?.serviceProviders ?? [], [providers.data]);
  const load = useMemo(() => workload(requestList), [requestList]);

  // Ids, so that the modals and the drawer show the request as the cache has it now.
  const [assigningId, setAssigningId] = useState<string | null>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const [move, setMove] = useState<PendingMove | null>(null);
  const byId = (id: string | null): Request | null =>
    (id && requestList.find((r) => r.id === id)) || null;

  const boardPane =
    requests.error && !requests.data ? (
      <ErrorNotice error={requests.error} onRetry={() => void requests.refetch()} />
    ) : requests.loading && !requests.data ? (
      <div className="page-loading" role="status">
        <Spin /> <span>{t('loading', { ns: 'common' })}</span>
      </div>
    ) : (
      <Board
        requests={requestList}
        role={user.role}
        onAssign={(r) => setAssigningId(r.id)}
        onMove={setMove}
        onHistory={(r) => setHistoryId(r.id)}
      />
    );

  const providersPane =
    providers.error && !providers.data ? (
      <ErrorNotice error={providers.error} onRetry={() => void providers.refetch()} />
    ) : (
      <ProvidersPanel
        providers={providerList}
        loading={providers.loading && !providers.data}
        load={load}
        mayWrite={mayWrite}
      />
    );

  return (
    <div className="desk-page">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <p className="desk-intro">{t('intro')}</p>
      {!mayWrite && (
        <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'providers') next.set('tab', 'providers');
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'board', label: t('tabs.board'), children: boardPane },
          { key: 'providers', label: t('tabs.providers'), children: providersPane },
        ]}
      />
      <AssignModal
        request={byId(assigningId)}
        providers={providerList}
        load={load}
        onClose={() => setAssigningId(null)}
      />
      <MoveModal move={move} onClose={() => setMove(null)} />
      <HistoryDrawer request={byId(historyId)} onClose={() => setHistoryId(null)} />
    </div>
  );
}
