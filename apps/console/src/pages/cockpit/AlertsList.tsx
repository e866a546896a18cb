import { useQuery } from '@apollo/client/react';
import { Empty, Radio, Skeleton, Table, Typography } from 'antd';
import { useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CockpitAlertsQuery } from '../../gql/graphql';
import { formatMetricValue, scopeOf, statusLabelKey } from '../../lib/cockpit';
import { COCKPIT_ALERTS } from './queries';
import { ScrollRegion } from './ScrollRegion';
import { StatusTag } from './StatusTag';
import { unitFor } from './units';

type Alert = CockpitAlertsQuery['milestoneAlerts']['edges'][number]['node'];

const PAGE = 10;

/**
 * The latest alerts of the year (targets whose status worsened), newest first as the API gives
 * them, a page of ten: the day, the target and the change in words; all zones or one.
 */
export function AlertsList({
  year,
  zones,
  zoneLabel,
}: {
  year: number;
  zones: { id: string; code: string }[];
  zoneLabel: (scope: string) => string;
}) {
  const { t } = useTranslation('cockpit');
  const labelId = useId();
  const [zoneId, setZoneId] = useState<string>('');
  const { data, loading, error, refetch } = useQuery(COCKPIT_ALERTS, {
    variables: { year, zoneId: zoneId || null, first: PAGE },
  });
  const alerts = data?.milestoneAlerts.edges.map((e) => e.node) ?? [];
  const total = data?.milestoneAlerts.totalCount ?? 0;

  let body;
  if (error) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (loading && !data) body = <Skeleton active />;
  else if (alerts.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.alerts')} />;
  else
    body = (
      <>
        <Typography.Paragraph type="secondary">
          {t('alerts.total', { count: total, shown: alerts.length })}
        </Typography.Paragraph>
        <ScrollRegion label={t('alerts.table')}>
          <Table<Alert>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={alerts}
            onRow={(a) => ({ 'data-alert-id': a.id }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('alerts.day'), dataIndex: 'day', key: 'day' },
              {
                title: t('alerts.target'),
                key: 'target',
                render: (_, a) =>
                  `${zoneLabel(scopeOf(a.target))} · ${t(`metrics.${a.target.metric}`)}`,
              },
              {
                title: t('alerts.change'),
                key: 'change',
                render: (_, a) => (
                  <span
                    className="cockpit-change"
                    data-from-status={a.fromStatus}
                    data-to-status={a.toStatus}
                  >
                    <StatusTag status={a.fromStatus} />
                    <span aria-hidden="true">→</span>
                    <StatusTag status={a.toStatus} />
                    <span className="cockpit-sr-only">
                      {t('alerts.changeText', {
                        from: t(statusLabelKey(a.fromStatus)),
                        to: t(statusLabelKey(a.toStatus)),
                      })}
                    </span>
                  </span>
                ),
              },
              {
                title: t('alerts.values'),
                key: 'values',
                align: 'right',
                render: (_, a) => {
                  const m = a.target.metric;
                  return `${formatMetricValue(m, a.actual)} / ${formatMetricValue(m, a.forecast)} / ${formatMetricValue(m, a.targetValue)} ${unitFor(t, m, a.targetValue)}`;
                },
              },
            ]}
          />
        </ScrollRegion>
      </>
    );

  return (
    <>
      <div className="cockpit-inline-field">
        <span id={labelId} className="cockpit-field-label">
          {t('alerts.zoneFilter')}
        </span>
        <Radio.Group
          aria-labelledby={labelId}
          name="alertZone"
          optionType="button"
          size="small"
          value={zoneId}
          onChange={(e) => setZoneId(String(e.target.value))}
          options={[
            { label: t('alerts.all'), value: '' },
            ...zones.map((z) => ({ label: zoneLabel(z.code), value: z.id })),
          ]}
        />
      </div>
      {body}
    </>
  );
}
