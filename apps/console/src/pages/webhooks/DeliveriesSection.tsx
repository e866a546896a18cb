import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type {
  WebhookDeliveryFieldsFragment,
  WebhookEndpointFieldsFragment,
} from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { fromEvent, NativeSelect } from '../admin/parts';
import { REDELIVER_WEBHOOK, WEBHOOK_DELIVERIES } from './operations';
import {
  canRedeliver,
  DELIVERY_STATUSES,
  eventTypeKey,
  localizeWebhookProblem,
  type DeliveryStatus,
} from './webhook-rules';
import { ProblemAlert } from '../../components/ProblemAlert';

type Delivery = WebhookDeliveryFieldsFragment;
const PAGE_SIZE = 20;

/** A delivery's status in words and colour; `data-status` keeps the API's code. */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation('admin');
  return (
    <span className={`wh-status wh-status-${status}`} data-status={status}>
      {t(`webhooks.statuses.${status}`)}
    </span>
  );
}

/**
 * The deliveries of one endpoint or of all, newest first, by status, a page at a time; a
 * FAILED one may be sent again (same webhook-id, the attempts' schedule from the start).
 */
export function DeliveriesSection({
  endpoints,
  endpointId,
  status,
  onFilter,
  headingRef,
}: {
  endpoints: readonly WebhookEndpointFieldsFragment[];
  endpointId: string | null;
  status: DeliveryStatus | null;
  onFilter: (next: { endpointId: string | null; status: DeliveryStatus | null }) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, error, refetch, fetchMore } = useQuery(WEBHOOK_DELIVERIES, {
    variables: { endpointId, status, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [redeliver] = useMutation(REDELIVER_WEBHOOK);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const connection = data?.webhookDeliveries;
  const rows = (connection?.edges ?? []).map((e) => e.node);
  const sayError = (err: unknown) => {
    const e = explain(err);
    setProblem(
      e.message ? localizeWebhookProblem(e.message, i18n.language) : tc(`errors.${e.code}`),
    );
  };

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => ({
          webhookDeliveries: {
            ...fetchMoreResult.webhookDeliveries,
            edges: [...prev.webhookDeliveries.edges, ...fetchMoreResult.webhookDeliveries.edges],
          },
        }),
      });
    } catch (err) {
      sayError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const sendAgain = async (d: Delivery) => {
    setProblem(null);
    setBusy(d.id);
    try {
      await redeliver({ variables: { deliveryId: d.id } });
      void message.success(t('webhooks.redelivered', { id: d.eventId }));
    } catch (err) {
      sayError(err);
    } finally {
      setBusy(null);
    }
  };

  const none = t('webhooks.deliveries.none');
  const columns: ColumnsType<Delivery> = [
    {
      title: t('webhooks.deliveries.columns.eventType'),
      key: 'eventType',
      render: (_, d) => {
        const key = eventTypeKey(d.eventType);
        return (
          <div>
            {key && <div>{t(key)}</div>}
            <code className="adm-code">{d.eventType}</code>
          </div>
        );
      },
    },
    {
      title: t('webhooks.deliveries.columns.eventId'),
      key: 'eventId',
      render: (_, d) => <code className="adm-code">{d.eventId}</code>,
    },
    ...(endpointId
      ? []
      : [
          {
            title: t('webhooks.deliveries.columns.endpoint'),
            key: 'endpoint',
            render: (_: unknown, d: Delivery) => <code className="adm-code">{d.endpoint.url}</code>,
          },
        ]),
    {
      title: t('webhooks.deliveries.columns.status'),
      key: 'status',
      render: (_, d) => <DeliveryStatusTag status={d.status} />,
    },
    {
      title: t('webhooks.deliveries.columns.attempts'),
      key: 'attempts',
      align: 'right',
      render: (_, d) => (
        <span className="adm-figure" data-value={d.attempts}>
          {d.attempts}
        </span>
      ),
    },
    {
      title: t('webhooks.deliveries.columns.lastResponseStatus'),
      key: 'lastResponseStatus',
      render: (_, d) => (
        <>
          <span className="adm-figure" data-value={d.lastResponseStatus ?? ''}>
            {d.lastResponseStatus ?? (d.attempts > 0 ? t('webhooks.deliveries.noResponse') : none)}
          </span>
          {d.lastError && d.status !== 'SUCCEEDED' ? (
            <div className="wh-last-error" data-field="lastError">
              {d.lastError}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('webhooks.deliveries.columns.nextAttemptAt'),
      key: 'nextAttemptAt',
      render: (_, d) =>
        d.nextAttemptAt ? (
          <time className="adm-figure" dateTime={d.nextAttemptAt}>
            {formatDateTime(d.nextAttemptAt)}
          </time>
        ) : (
          none
        ),
    },
    {
      title: t('webhooks.deliveries.columns.createdAt'),
      key: 'createdAt',
      render: (_, d) => (
        <time className="adm-figure" dateTime={d.createdAt}>
          {formatDateTime(d.createdAt)}
        </time>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, d) =>
        canRedeliver(d.status) ? (
          <Button
            size="small"
            onClick={() => void sendAgain(d)}
            loading={busy === d.id}
            aria-label={t('webhooks.redeliverLabel', { id: d.eventId })}
          >
            {t('webhooks.redeliver')}
          </Button>
        ) : (
          <span className="adm-muted">{none}</span>
        ),
    },
  ];

  return (
    <section className="wh-section" aria-labelledby="wh-deliveries-title">
      <h2 id="wh-deliveries-title" ref={headingRef} tabIndex={-1}>
        {t('webhooks.deliveries.title')}
      </h2>
      <p className="adm-intro">{t('webhooks.deliveries.intro')}</p>
      <div className="adm-toolbar">
        <Form layout="vertical" className="adm-filters" component="div">
          <Form.Item label={t('webhooks.deliveries.endpoint')} htmlFor="endpointId">
            <NativeSelect
              id="endpointId"
              name="endpointId"
              value={endpointId ?? ''}
              onChange={(e) => onFilter({ endpointId: fromEvent(e) || null, status })}
              options={[
                { value: '', label: t('webhooks.deliveries.allEndpoints') },
                ...endpoints.map((ep) => ({ value: ep.id, label: ep.url })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('webhooks.deliveries.status')} htmlFor="status">
            <NativeSelect
              id="status"
              name="status"
              value={status ?? ''}
              onChange={(e) =>
                onFilter({ endpointId, status: (fromEvent(e) || null) as DeliveryStatus | null })
              }
              options={[
                { value: '', label: t('webhooks.deliveries.allStatuses') },
                ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.statuses.${s}`) })),
              ]}
            />
          </Form.Item>
        </Form>
        <Button onClick={() => void refetch().catch(sayError)} loading={loading && !!data}>
          {t('webhooks.deliveries.refresh')}
        </Button>
      </div>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      ) : (
        <>
          <Table<Delivery>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="middle"
            scroll={{ x: 1100 }}
            aria-label={t('webhooks.deliveries.tableCaption')}
            locale={{
              emptyText: <span className="adm-muted">{t('webhooks.deliveries.empty')}</span>,
            }}
            onRow={(d) =>
              ({
                'data-delivery-id': d.id,
                'data-event-id': d.eventId,
                'data-status': d.status,
              }) as HTMLAttributes<HTMLTableRowElement>
            }
          />
          {connection && (
            <div className="adm-more">
              <Space>
                <span>{t('shown', { shown: rows.length, total: connection.totalCount })}</span>
                {connection.pageInfo.hasNextPage && (
                  <Button onClick={() => void loadMore()} loading={loadingMore}>
                    {t('loadMore')}
                  </Button>
                )}
              </Space>
            </div>
          )}
        </>
      )}
    </section>
  );
}
