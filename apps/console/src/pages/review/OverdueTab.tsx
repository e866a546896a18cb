import { useQuery } from '@apollo/client/react';
import { Alert, Button, DatePicker, Form, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type { ReviewZonesQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { formatCount } from '../../lib/numbers';
import {
  overdueByMonth,
  overdueFirmCount,
  overdueTotal,
  type OverdueFirm,
  type OverdueMonth,
} from '../../lib/review';
import { MUTED, NativeSelect, SECTION_TITLE, ToneTag } from './controls';
import { REVIEW_OVERDUE_COUNT, REVIEW_OVERDUE_TENANTS } from './queries';

type Zone = ReviewZonesQuery['zones'][number];

const TENANT_PAGE = 100;

function FirmItem({ firm }: { firm: OverdueFirm }) {
  const { t } = useTranslation('review');
  return (
    <li data-tenant-id={firm.id} data-reason={firm.reason}>
      <Link to={`/tenants/${firm.id}`}>{firm.name}</Link>{' '}
      {firm.reason === 'RETURNED' ? (
        <ToneTag tone="warning">{t('overdue.reasons.RETURNED')}</ToneTag>
      ) : (
        <ToneTag tone="neutral">{t('overdue.reasons.NOT_REPORTED')}</ToneTag>
      )}
      {firm.status && firm.status !== 'RESIDENT' && (
        <ToneTag tone="info">{t(`overdue.tenantStatus.${firm.status}`)}</ToneTag>
      )}
    </li>
  );
}

/**
 * 逾期: a zone's overdue months on a chosen day, as `overdueReports(zoneId, asOf)` counts them
 * (the count in the summary is the API's), with the firms of each month. The API gives only the
 * count, so the list is worked out here from the zone's tenants and the latest revision of each
 * of their months (lib/review.ts overdueByMonth, the same rule); if the two ever differ the page
 * says so.
 */
export function OverdueTab({ zones }: { zones: readonly Zone[] }) {
  const { t } = useTranslation('review');
  const [zoneId, setZoneId] = useState(zones[0]?.id ?? '');
  const [asOf, setAsOf] = useState(todayInShanghai());
  const zone = zones.find((z) => z.id === zoneId);

  const count = useQuery(REVIEW_OVERDUE_COUNT, {
    variables: { zoneId, asOf },
    skip: !zoneId,
  });
  const tenants = useQuery(REVIEW_OVERDUE_TENANTS, {
    variables: { zoneId, first: TENANT_PAGE },
    skip: !zoneId,
  });
  const connection = tenants.data?.tenants;
  const { fetchMore } = tenants;
  const nextCursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;

  // Every page of the zone's tenants: the list is only right with all of them.
  useEffect(() => {
    if (!nextCursor) return;
    void fetchMore({
      variables: { after: nextCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        tenants: {
          ...fetchMoreResult.tenants,
          edges: [...prev.tenants.edges, ...fetchMoreResult.tenants.edges],
        },
      }),
    });
  }, [nextCursor, fetchMore]);

  const complete = connection !== undefined && !connection.pageInfo.hasNextPage;
  const months = useMemo<OverdueMonth[]>(
    () =>
      connection && complete
        ? overdueByMonth(
            connection.edges.map((e) => e.node),
            asOf,
          )
        : [],
    [connection, complete, asOf],
  );
  const apiCount = count.data?.overdueReports;
  const listed = overdueTotal(months);
  const error = count.error ?? tenants.error;
  const ready = apiCount !== undefined && complete;

  return (
    <section aria-labelledby="review-overdue-heading">
      <Typography.Title level={2} id="review-overdue-heading" style={SECTION_TITLE}>
        {t('overdue.heading')}
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>{t('overdue.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('overdue.zoneId')} htmlFor="zoneId">
          <NativeSelect
            name="zoneId"
            value={zoneId}
            onChange={setZoneId}
            options={zones.map((z) => ({ value: z.id, label: z.name }))}
          />
        </Form.Item>
        <Form.Item label={t('overdue.asOf')} htmlFor="asOf">
          <DatePicker
            id="asOf"
            name="asOf"
            format="YYYY-MM-DD"
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
          />
        </Form.Item>
      </Form>

      {error && !ready && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            void count.refetch();
            void tenants.refetch();
          }}
        />
      )}
      {!error && !ready && (
        <>
          {connection && (
            <Typography.Paragraph role="status" style={MUTED}>
              {t('overdue.loading', {
                loaded: connection.edges.length,
                total: connection.totalCount,
              })}
            </Typography.Paragraph>
          )}
          <Skeleton active />
        </>
      )}
      {ready && zone && (
        <>
          <Typography.Paragraph role="status">
            <Figure metric="overdueReports" zone={zone.code} value={apiCount}>
              {t('overdue.summary', {
                asOf,
                zone: zone.name,
                count: formatCount(apiCount),
                firms: formatCount(overdueFirmCount(months)),
              })}
            </Figure>
          </Typography.Paragraph>
          {listed !== apiCount && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('overdue.mismatch', { listed, count: apiCount })}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    void count.refetch();
                    void tenants.refetch();
                  }}
                >
                  {t('overdue.refresh')}
                </Button>
              }
            />
          )}
          <Table<OverdueMonth>
            aria-label={t('overdue.listLabel')}
            rowKey="period"
            size="middle"
            dataSource={months}
            pagination={months.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
            locale={{ emptyText: t('overdue.empty') }}
            onRow={(m) => ({ 'data-period': m.period, 'data-count': m.firms.length }) as object}
            columns={[
              {
                key: 'period',
                title: t('overdue.columns.period'),
                render: (_, m) => <strong>{m.period}</strong>,
              },
              { key: 'dueOn', title: t('overdue.columns.dueOn'), dataIndex: 'dueOn' },
              {
                key: 'count',
                title: t('overdue.columns.count'),
                align: 'right',
                render: (_, m) => formatCount(m.firms.length),
              },
              {
                key: 'firms',
                title: t('overdue.columns.firms'),
                render: (_, m) => (
                  <ul className="review-firms">
                    {m.firms.map((f) => (
                      <FirmItem key={f.id} firm={f} />
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
