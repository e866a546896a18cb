import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type {
  OutputReportFilter,
  ReviewQueueReportFragment,
  ReviewZonesQuery,
} from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatCount, formatYuan } from '../../lib/numbers';
import { remainingCount, stillPending } from '../../lib/review';
import { MONO, MUTED, NativeSelect, SECTION_TITLE } from './controls';
import { REVIEW_DECIDE, REVIEW_QUEUE } from './queries';
import { ReturnModal } from './ReturnModal';

type Zone = ReviewZonesQuery['zones'][number];
type Report = ReviewQueueReportFragment;

const PAGE_SIZE = 50;

interface Decision {
  kind: 'ACCEPT' | 'RETURN';
  tenant: string;
  period: string;
  revision: number;
}

/**
 * 待审核: the latest SUBMITTED revision of each firm's month, newest month first, by pages of
 * 50 ("load more"), filtered by zone and month. ADMIN accepts or returns with a note; a decided
 * row leaves the list at once (the answer's status lands on the cached report). Other roles see
 * the list without the actions column.
 */
export function ReviewQueue({ zones, canReview }: { zones: readonly Zone[]; canReview: boolean }) {
  const { t } = useTranslation('review');
  const [zoneId, setZoneId] = useState('');
  const [period, setPeriod] = useState<string | null>(null);
  const [returning, setReturning] = useState<Report | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const filter: OutputReportFilter = {
    status: 'SUBMITTED',
    ...(zoneId ? { zoneId } : {}),
    ...(period ? { period } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(REVIEW_QUEUE, {
    variables: { filter, first: PAGE_SIZE },
  });
  const [decide, { loading: deciding }] = useMutation(REVIEW_DECIDE);

  const connection = data?.outputReports;
  const loaded = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  const rows = useMemo(() => stillPending(loaded), [loaded]);
  const total = connection ? remainingCount(connection.totalCount, loaded.length, rows.length) : 0;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          outputReports: {
            ...fetchMoreResult.outputReports,
            edges: [...prev.outputReports.edges, ...fetchMoreResult.outputReports.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  /** A CONFLICT means the row is no longer the one to review: the list is read again. */
  const failed = (err: unknown) => {
    if (explain(err).code === 'CONFLICT') {
      setStale(true);
      void refetch();
    } else setActionError(err);
  };

  const accept = async (r: Report) => {
    setActionError(null);
    setStale(false);
    setDecision(null);
    try {
      await decide({ variables: { id: r.id, decision: 'ACCEPT' } });
      setDecision({
        kind: 'ACCEPT',
        tenant: r.tenant.name,
        period: r.period,
        revision: r.revision,
      });
    } catch (err) {
      failed(err);
    }
  };

  const zoneOptions = [
    { value: '', label: t('allZones') },
    ...zones.map((z) => ({ value: z.id, label: z.name })),
  ];
  const money = (metric: 'outputValue' | 'revenue' | 'rdExpense') => ({
    key: metric,
    title: t(`queue.columns.${metric}`),
    align: 'right' as const,
    render: (_: unknown, r: Report) => (
      <Figure metric={metric} zone={r.tenant.zone.code} value={r[metric]}>
        {formatYuan(r[metric])}
      </Figure>
    ),
  });

  return (
    <section aria-labelledby="review-queue-heading">
      <Typography.Title level={2} id="review-queue-heading" style={SECTION_TITLE}>
        {t('queue.heading')}
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>{t('queue.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('queue.zoneId')} htmlFor="zoneId">
          <NativeSelect name="zoneId" value={zoneId} onChange={setZoneId} options={zoneOptions} />
        </Form.Item>
        <Form.Item label={t('queue.period')} htmlFor="period">
          <DatePicker
            id="period"
            name="period"
            picker="month"
            format="YYYY-MM"
            placeholder={t('queue.periodPlaceholder')}
            value={period ? dayjs(`${period}-01`) : null}
            onChange={(d) => setPeriod(d ? d.format('YYYY-MM') : null)}
          />
        </Form.Item>
      </Form>

      {decision && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          data-decision={decision.kind}
          title={t(decision.kind === 'ACCEPT' ? 'queue.accepted' : 'queue.returned', {
            ...decision,
          })}
        />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('queue.stale')}
        />
      )}
      {actionError !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorNotice error={actionError} />
        </div>
      )}
      {error && !connection && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !connection && <Skeleton active />}
      {connection && (
        <>
          <Typography.Paragraph role="status" data-total={total}>
            {t('queue.summary', { count: total, shown: rows.length })}
          </Typography.Paragraph>
          <Table<Report>
            aria-label={t('queue.listLabel')}
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            loading={loading && !loadingMore}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('queue.empty') }}
            onRow={(r) =>
              ({
                'data-report-id': r.id,
                'data-tenant-id': r.tenant.id,
                'data-period': r.period,
                'data-status': r.status,
              }) as object
            }
            columns={[
              {
                key: 'tenant',
                title: t('queue.columns.tenant'),
                render: (_, r) => (
                  <div>
                    <div>{r.tenant.name}</div>
                    {r.tenant.creditCode && (
                      <div style={{ ...MONO, ...MUTED, fontSize: 12 }}>{r.tenant.creditCode}</div>
                    )}
                  </div>
                ),
              },
              { key: 'zone', title: t('queue.columns.zone'), render: (_, r) => r.tenant.zone.name },
              {
                key: 'period',
                title: t('queue.columns.period'),
                render: (_, r) => <strong>{r.period}</strong>,
              },
              {
                key: 'revision',
                title: t('queue.columns.revision'),
                render: (_, r) => (
                  <span data-revision={r.revision}>
                    {t('revisionNo', { revision: r.revision })}
                  </span>
                ),
              },
              money('outputValue'),
              money('revenue'),
              money('rdExpense'),
              {
                key: 'employees',
                title: t('queue.columns.employees'),
                align: 'right',
                render: (_, r) => formatCount(r.employees),
              },
              {
                key: 'patents',
                title: t('queue.columns.patents'),
                align: 'right',
                render: (_, r) =>
                  `${formatCount(r.patentsFiled)} / ${formatCount(r.patentsGranted)}`,
              },
              {
                key: 'submittedAt',
                title: t('queue.columns.submittedAt'),
                render: (_, r) => formatDateTime(r.submittedAt),
              },
              ...(canReview
                ? [
                    {
                      key: 'actions',
                      title: t('queue.columns.actions'),
                      render: (_: unknown, r: Report) => {
                        const names = { tenant: r.tenant.name, period: r.period };
                        return (
                          <Space size={4}>
                            <Popconfirm
                              title={t('queue.acceptConfirm', { ...names, revision: r.revision })}
                              okText={t('queue.acceptOk')}
                              cancelText={t('queue.cancel')}
                              onConfirm={() => accept(r)}
                            >
                              <Button
                                type="primary"
                                size="small"
                                disabled={deciding}
                                aria-label={t('queue.acceptLabel', names)}
                              >
                                {t('queue.accept')}
                              </Button>
                            </Popconfirm>
                            <Button
                              size="small"
                              danger
                              disabled={deciding}
                              aria-label={t('queue.returnLabel', names)}
                              onClick={() => {
                                setActionError(null);
                                setStale(false);
                                setReturning(r);
                              }}
                            >
                              {t('queue.return')}
                            </Button>
                          </Space>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
          {connection.pageInfo.hasNextPage && (
            <div style={{ marginTop: 12, textAlign: 'center' }}>
              <Button onClick={() => void loadMore()} loading={loadingMore}>
                {t('queue.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
      {canReview && (
        <ReturnModal
          report={returning}
          onClose={() => setReturning(null)}
          onReturned={(r) => {
            setReturning(null);
            setDecision({
              kind: 'RETURN',
              tenant: r.tenant.name,
              period: r.period,
              revision: r.revision,
            });
          }}
          onStale={() => {
            setReturning(null);
            setStale(true);
            void refetch();
          }}
        />
      )}
    </section>
  );
}
