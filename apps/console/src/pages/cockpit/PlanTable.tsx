import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CockpitProgressFragment } from '../../gql/graphql';
import { COCKPIT_YEARS, formatMetricValue, isMoneyMetric, type PlanRow } from '../../lib/cockpit';
import { Datum } from './Datum';
import { ScrollRegion } from './ScrollRegion';
import { unitHeading } from './units';
import { StatusTag } from './StatusTag';

type Row = PlanRow<CockpitProgressFragment>;

/**
 * The three-year plan in one table: a row per target (zone and metric), and for each of 2025,
 * 2026 and 2027 its target, what is reached on the chosen day and the status. Each figure
 * carries data-metric / data-zone / data-value with data-year and data-field (target, actual,
 * status) so that it is told apart from the cards.
 */
export function PlanTable({
  rows,
  zoneLabel,
}: {
  rows: Row[];
  zoneLabel: (scope: string) => string;
}) {
  const { t } = useTranslation('cockpit');
  const cell = (row: Row, year: number, field: 'target' | 'actual' | 'status') => {
    const p = row.cells[year];
    if (!p)
      return field === 'target' ? <span className="cockpit-muted">{t('plan.none')}</span> : null;
    if (field === 'status') {
      return (
        <Datum metric={row.metric} zone={row.scope} value={p.status} field="status" year={year}>
          <StatusTag status={p.status} />
        </Datum>
      );
    }
    const value = field === 'target' ? p.target.target : p.actual;
    return (
      <Datum metric={row.metric} zone={row.scope} value={value} field={field} year={year}>
        {formatMetricValue(row.metric, value, isMoneyMetric(row.metric))}
      </Datum>
    );
  };
  const columns: ColumnsType<Row> = [
    {
      title: t('plan.scope'),
      key: 'scope',
      render: (_, row) => zoneLabel(row.scope),
    },
    {
      title: t('plan.metric'),
      key: 'metric',
      render: (_, row) =>
        t('withUnit', {
          label: t(`metrics.${row.metric}`),
          unit: unitHeading(t, row.metric, isMoneyMetric(row.metric)),
        }),
    },
    ...COCKPIT_YEARS.map((year) => ({
      title: t('plan.yearHeader', { year }),
      key: String(year),
      children: [
        {
          title: t('plan.targetValue'),
          key: `${year}-target`,
          align: 'right' as const,
          render: (_: unknown, row: Row) => cell(row, year, 'target'),
        },
        {
          title: t('plan.actual'),
          key: `${year}-actual`,
          align: 'right' as const,
          render: (_: unknown, row: Row) => cell(row, year, 'actual'),
        },
        {
          title: t('plan.status'),
          key: `${year}-status`,
          render: (_: unknown, row: Row) => cell(row, year, 'status'),
        },
      ],
    })),
  ];
  return (
    <ScrollRegion label={t('plan.caption')}>
      <Table<Row>
        className="cockpit-plan"
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={columns}
        caption={<span className="cockpit-sr-only">{t('plan.caption')}</span>}
      />
    </ScrollRegion>
  );
}
