import { useQuery } from '@apollo/client/react';
import { Alert, Drawer, Empty, Skeleton, Table, Typography } from 'antd';
import Decimal from 'decimal.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CockpitProgressFragment } from '../../gql/graphql';
import {
  type Contribution,
  contributionsOf,
  contributionTotal,
  countingEnd,
  formatMetricValue,
  scopeOf,
} from '../../lib/cockpit';
import { COCKPIT_CONTRIBUTORS } from './queries';
import { unitFor, unitHeading } from './units';

/**
 * The firms counted by one milestone (its contributors), each with what it adds to the actual
 * and why: asked only when a card is opened, with only the facts that metric needs.
 */
export function ContributorsDrawer({
  progress,
  zoneLabel,
  asOf,
  onClose,
}: {
  progress: CockpitProgressFragment | null;
  zoneLabel: string;
  asOf: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('cockpit');
  const open = progress !== null;
  const metric = progress?.target.metric ?? 'NEW_TECH_FIRMS';
  const year = progress?.target.year ?? 2025;
  const zoneId = progress?.target.zone?.id ?? null;
  const { data, loading, error, refetch } = useQuery(COCKPIT_CONTRIBUTORS, {
    variables: {
      year,
      asOf,
      zoneId,
      withOutput: metric === 'ANNUAL_OUTPUT_VALUE',
      withCertificates: metric === 'NEW_HIGH_TECH_FIRMS' || metric === 'NEW_SRDI_FIRMS',
      withProjects: metric === 'INDUSTRIALIZATION_PROJECTS',
    },
    skip: !open,
    // One look at one milestone: kept out of the cache the cards are drawn from.
    fetchPolicy: 'no-cache',
  });

  const mine = data?.milestoneProgress.find((p) => p.target.id === progress?.target.id);
  const rows = useMemo<Contribution[]>(
    () =>
      mine
        ? contributionsOf(metric, mine.contributors, {
            year,
            asOf,
            zoneId,
            projects: data?.industrializationProjects,
          })
        : [],
    [mine, metric, year, asOf, zoneId, data],
  );
  const unit = unitHeading(t, metric);
  const total = contributionTotal(rows);
  const metricLabel = t(`metrics.${metric}`);
  const zone = progress ? scopeOf(progress.target) : '';

  const basisText = (c: Contribution) => {
    switch (c.basis.kind) {
      case 'entered':
        return t('contributors.entered', { date: c.basis.date });
      case 'certificate':
        return t('contributors.certificate', { no: c.basis.certificateNo, date: c.basis.issuedOn });
      case 'projects':
        return t('contributors.projects', { names: c.basis.names.join('、') });
      case 'output':
        return t('contributors.output', { months: c.basis.months });
    }
  };

  let body;
  if (error) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (loading || !data) body = <Skeleton active />;
  else if (!mine || rows.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.contributors')} />;
  else
    body = (
      <>
        <Typography.Paragraph>
          {t('contributors.intro', {
            year,
            date: countingEnd(year, asOf) ?? asOf,
            metric: metricLabel,
            count: rows.length,
            total: `${formatMetricValue(metric, mine.actual)} ${unitFor(t, metric, mine.actual)}`,
          })}
        </Typography.Paragraph>
        {!new Decimal(total).eq(mine.actual) && (
          <Alert type="warning" showIcon title={t('contributors.mismatch')} />
        )}
        <Table<Contribution>
          size="small"
          rowKey="tenantId"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          data-contributors={progress?.target.id}
          columns={[
            { title: t('contributors.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('withUnit', { label: t('contributors.value'), unit }),
              key: 'value',
              align: 'right',
              render: (_, c) => (
                <span data-tenant-id={c.tenantId} data-value={c.value}>
                  {formatMetricValue(metric, c.value)}
                </span>
              ),
            },
            { title: t('contributors.basis'), key: 'basis', render: (_, c) => basisText(c) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('contributors.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span
                  data-metric={metric}
                  data-zone={zone}
                  data-value={mine.actual}
                  data-field="actual"
                >
                  {formatMetricValue(metric, mine.actual)}
                </span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          )}
        />
      </>
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={progress ? t('contributors.title', { zone: zoneLabel, metric: metricLabel }) : ''}
      size="min(720px, 100vw)"
      closable={{ 'aria-label': t('contributors.close') }}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
