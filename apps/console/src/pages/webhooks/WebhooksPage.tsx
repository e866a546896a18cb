import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Spin, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { WebhookEndpointFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import '../admin/admin.css';
import { CreateEndpointModal, type CreatedEndpoint } from './CreateEndpointModal';
import { DeliveriesSection } from './DeliveriesSection';
import { SET_WEBHOOK_ENDPOINT_ACTIVE, WEBHOOK_ENDPOINTS } from './operations';
import { SecretModal } from './SecretModal';
import {
  eventTypeKey,
  isDeliveryStatus,
  localizeWebhookProblem,
  type DeliveryStatus,
} from './webhook-rules';
import './webhooks.css';
import { ProblemAlert } from '../../components/ProblemAlert';

type Endpoint = WebhookEndpointFieldsFragment;

/**
 * ADMIN: the endpoints of other systems that receive the park's events, and every delivery to
 * them. The deliveries' filters live in the address (`?endpointId=…&status=FAILED`).
 */
export default function WebhooksPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(WEBHOOK_ENDPOINTS);
  const [setActive] = useMutation(SET_WEBHOOK_ENDPOINT_ACTIVE);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const deliveriesHeading = useRef<HTMLHeadingElement>(null);

  const endpoints = data?.webhookEndpoints ?? [];
  const endpointId = params.get('endpointId') || null;
  const rawStatus = params.get('status');
  const status: DeliveryStatus | null = isDeliveryStatus(rawStatus) ? rawStatus : null;

  const filterDeliveries = (next: { endpointId: string | null; status: DeliveryStatus | null }) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        if (next.endpointId) out.set('endpointId', next.endpointId);
        else out.delete('endpointId');
        if (next.status) out.set('status', next.status);
        else out.delete('status');
        return out;
      },
      { replace: true },
    );

  const toggle = async (ep: Endpoint, active: boolean) => {
    setProblem(null);
    setSwitching(ep.id);
    try {
      await setActive({ variables: { id: ep.id, active } });
      void message.success(
        t(active ? 'webhooks.activated' : 'webhooks.deactivated', { url: ep.url }),
      );
    } catch (err) {
      const e = explain(err);
      setProblem(
        e.message ? localizeWebhookProblem(e.message, i18n.language) : tc(`errors.${e.code}`),
      );
    } finally {
      setSwitching(null);
    }
  };

  const columns: ColumnsType<Endpoint> = [
    {
      title: t('webhooks.columns.url'),
      key: 'url',
      render: (_, ep) => <code className="adm-code wh-url">{ep.url}</code>,
    },
    {
      title: t('webhooks.columns.events'),
      key: 'events',
      render: (_, ep) =>
        ep.events.length === 0 ? (
          <span className="adm-tag adm-tag-blue">{t('webhooks.allEvents')}</span>
        ) : (
          <ul className="wh-events" data-value={ep.events.join(',')}>
            {ep.events.map((e) => {
              const key = eventTypeKey(e);
              return (
                <li key={e} title={e}>
                  {key ? t(key) : e}
                </li>
              );
            })}
          </ul>
        ),
    },
    {
      title: t('webhooks.columns.active'),
      key: 'active',
      render: (_, ep) => (
        <>
          <Switch
            checked={ep.active}
            loading={switching === ep.id}
            onChange={(on) => void toggle(ep, on)}
            aria-label={t('webhooks.activeLabel', { url: ep.url })}
            data-active={String(ep.active)}
          />
          {!ep.active && ep.deactivatedReason ? (
            <div className="wh-last-error" data-field="deactivatedReason">
              {ep.deactivatedReason}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('webhooks.columns.consecutiveFailures'),
      key: 'consecutiveFailures',
      align: 'right',
      render: (_, ep) => (
        <span
          className={ep.consecutiveFailures > 0 ? 'adm-figure wh-failing' : 'adm-figure'}
          data-value={ep.consecutiveFailures}
        >
          {ep.consecutiveFailures}
        </span>
      ),
    },
    {
      title: t('webhooks.columns.createdAt'),
      key: 'createdAt',
      render: (_, ep) => (
        <time className="adm-figure" dateTime={ep.createdAt}>
          {formatDateTime(ep.createdAt)}
        </time>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, ep) => (
        <Button
          size="small"
          aria-label={t('webhooks.showDeliveriesLabel', { url: ep.url })}
          onClick={() => {
            filterDeliveries({ endpointId: ep.id, status });
            deliveriesHeading.current?.focus();
          }}
        >
          {t('webhooks.showDeliveries')}
        </Button>
      ),
    },
  ];

  return (
    <div className="adm-page wh-page">
      <h1>{t('webhooks.title')}</h1>
      <p className="adm-intro">{t('webhooks.intro')}</p>
      <section className="wh-section" aria-labelledby="wh-endpoints-title">
        <div className="adm-toolbar">
          <h2 id="wh-endpoints-title">{t('webhooks.endpoints.title')}</h2>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('webhooks.create')}
          </Button>
        </div>
        <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
        {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data ? (
          <div className="page-loading" role="status">
            <Spin />
          </div>
        ) : (
          <Table<Endpoint>
            rowKey="id"
            columns={columns}
            dataSource={[...endpoints]}
            pagination={false}
            size="middle"
            scroll={{ x: 960 }}
            aria-label={t('webhooks.endpoints.tableCaption')}
            locale={{
              emptyText: <span className="adm-muted">{t('webhooks.endpoints.empty')}</span>,
            }}
            onRow={(ep) =>
              ({
                'data-endpoint-id': ep.id,
                'data-url': ep.url,
                'data-active': String(ep.active),
              }) as HTMLAttributes<HTMLTableRowElement>
            }
          />
        )}
      </section>
      <DeliveriesSection
        endpoints={endpoints}
        endpointId={endpointId}
        status={status}
        onFilter={filterDeliveries}
        headingRef={deliveriesHeading}
      />
      <CreateEndpointModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          void message.success(t('webhooks.created', { url: c.endpoint.url }));
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
