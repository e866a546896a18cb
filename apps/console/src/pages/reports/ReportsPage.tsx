import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type { FirmReportMonthsQuery } from '../../gql/graphql';
import { formatDateTime, reportableMonths, todayInShanghai } from '../../lib/dates';
import { formatCount, formatYuan } from '../../lib/numbers';
import { monthRows, type MonthRow, type MonthState } from '../../lib/reports';
import { FirmTheme, PAGE_TITLE, ToneTag, type Tone } from '../firm/look';
import { FIRM_REPORT_MONTHS, FIRM_REPORT_REVISIONS } from './queries';

type Tenant = NonNullable<FirmReportMonthsQuery['me']['tenant']>;
type Report = Tenant['outputReports'][number];
type Row = MonthRow<Report>;

const STATE_TONES: Record<MonthState, Tone> = {
  NOT_REPORTED: 'neutral',
  SUBMITTED: 'info',
  ACCEPTED: 'success',
  RETURNED: 'warning',
};

/** A month's status in words and colour, with the enum in data-status. */
function StateTag({ state }: { state: MonthState }) {
  const { t } = useTranslation('firm');
  return (
    <ToneTag tone={STATE_TONES[state]} data-status={state}>
      {t(`reports.states.${state}`)}
    </ToneTag>
  );
}

/** The firm's months: every month it may report, newest first, with where each stands. */
export default function ReportsPage() {
  const { t } = useTranslation('firm');
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(FIRM_REPORT_MONTHS);
  const tenant = data?.me.tenant;
  const today = todayInShanghai();

  const rows = useMemo<Row[]>(() => {
    if (!tenant) return [];
    return monthRows(
      reportableMonths(tenant.enteredOn, tenant.exitedOn ?? null, today),
      tenant.outputReports,
      today,
    );
  }, [tenant, today]);

  const zone = tenant?.zone.code ?? '';
  const money = (metric: 'outputValue' | 'revenue' | 'rdExpense') => ({
    key: metric,
    title: t(`reports.columns.${metric}`),
    align: 'right' as const,
    render: (_: unknown, r: Row) =>
      r.report ? (
        <Figure metric={metric} zone={zone} value={r.report[metric]}>
          {formatYuan(r.report[metric])}
        </Figure>
      ) : (
        t('none')
      ),
  });

  return (
    <FirmTheme>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={1} style={PAGE_TITLE}>
            {t('reports.title')}
          </Typography.Title>
          <Button type="primary" onClick={() => navigate('/reports/new')}>
            {t('reports.newReport')}
          </Button>
        </Space>
        <Typography.Paragraph style={{ margin: 0 }}>{t('reports.intro')}</Typography.Paragraph>
        {error && !tenant && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Skeleton active />}
        {data && !tenant && <Alert type="warning" showIcon title={t('noTenant')} />}
        {tenant && (
          <Card>
            <Typography.Paragraph role="status">
              {t('reports.summary', {
                total: rows.length,
                missing: rows.filter((r) => r.state === 'NOT_REPORTED').length,
                overdue: rows.filter((r) => r.overdue).length,
              })}
            </Typography.Paragraph>
            <Table<Row>
              aria-label={t('reports.listLabel')}
              rowKey="period"
              size="middle"
              dataSource={rows}
              pagination={rows.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => ({ 'data-period': r.period, 'data-state': r.state }) as object}
              expandable={{
                rowExpandable: (r) => r.report !== null,
                expandedRowRender: (r) => <Revisions period={r.period} zone={zone} />,
                expandIcon: ({ expanded, onExpand, record, expandable }) =>
                  expandable ? (
                    <Button
                      type="text"
                      size="small"
                      icon={expanded ? <DownOutlined /> : <RightOutlined />}
                      aria-expanded={expanded}
                      aria-label={t(expanded ? 'reports.hideRevisions' : 'reports.showRevisions', {
                        period: record.period,
                      })}
                      onClick={(e) => onExpand(record, e)}
                    />
                  ) : null,
              }}
              columns={[
                {
                  key: 'period',
                  title: t('reports.columns.period'),
                  render: (_, r) => <strong>{r.period}</strong>,
                },
                {
                  key: 'state',
                  title: t('reports.columns.state'),
                  render: (_, r) => (
                    <Space size={4}>
                      <StateTag state={r.state} />
                      {r.overdue && (
                        <ToneTag tone="alarm" data-overdue="true">
                          {t('reports.overdue')}
                        </ToneTag>
                      )}
                    </Space>
                  ),
                },
                {
                  key: 'revision',
                  title: t('reports.columns.revision'),
                  render: (_, r) =>
                    r.report ? (
                      <span data-revision={r.report.revision}>
                        {t('reports.revisionNo', { revision: r.report.revision })}
                      </span>
                    ) : (
                      t('none')
                    ),
                },
                money('outputValue'),
                money('revenue'),
                money('rdExpense'),
                {
                  key: 'employees',
                  title: t('reports.columns.employees'),
                  align: 'right',
                  render: (_, r) => (r.report ? formatCount(r.report.employees) : t('none')),
                },
                {
                  key: 'patents',
                  title: t('reports.columns.patents'),
                  align: 'right',
                  render: (_, r) =>
                    r.report
                      ? `${formatCount(r.report.patentsFiled)} / ${formatCount(r.report.patentsGranted)}`
                      : t('none'),
                },
                { key: 'dueOn', title: t('reports.columns.dueOn'), dataIndex: 'dueOn' },
                {
                  key: 'reviewNote',
                  title: t('reports.columns.reviewNote'),
                  render: (_, r) => r.report?.reviewNote || t('none'),
                  width: 240,
                },
                {
                  key: 'actions',
                  title: t('reports.columns.actions'),
                  fixed: 'right',
                  render: (_, r) => {
                    const label = t(`reports.actions.${r.action}`);
                    return (
                      <Button
                        size="small"
                        type={r.action === 'CORRECT' ? 'default' : 'primary'}
                        aria-label={t('reports.actionFor', { action: label, period: r.period })}
                        data-action={r.action}
                        onClick={() => navigate(`/reports/new?period=${r.period}`)}
                      >
                        {label}
                      </Button>
                    );
                  },
                },
              ]}
            />
          </Card>
        )}
      </Space>
    </FirmTheme>
  );
}

/** Every revision of a month, oldest first, as the API keeps them. */
function Revisions({ period, zone }: { period: string; zone: string }) {
  const { t } = useTranslation('firm');
  const { data, loading, error, refetch } = useQuery(FIRM_REPORT_REVISIONS, {
    variables: { period },
  });
  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const revisions = data?.outputReports.edges[0]?.node.revisions ?? [];
  type Revision = (typeof revisions)[number];
  const last = revisions[revisions.length - 1]?.revision;
  return (
    <Table<Revision>
      aria-label={t('reports.revisionsTitle', { period, count: revisions.length })}
      title={() => (
        <strong>{t('reports.revisionsTitle', { period, count: revisions.length })}</strong>
      )}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={revisions}
      onRow={(r) => ({ 'data-revision': r.revision }) as object}
      columns={[
        {
          key: 'revision',
          title: t('reports.columns.revision'),
          render: (_, r) =>
            `${t('reports.revisionNo', { revision: r.revision })}${r.revision === last ? ` · ${t('reports.latest')}` : ''}`,
        },
        {
          key: 'state',
          title: t('reports.columns.state'),
          render: (_, r) => <StateTag state={r.status} />,
        },
        {
          key: 'submittedAt',
          title: t('reports.columns.submittedAt'),
          render: (_, r) => formatDateTime(r.submittedAt),
        },
        ...(['outputValue', 'revenue', 'rdExpense'] as const).map((metric) => ({
          key: metric,
          title: t(`reports.columns.${metric}`),
          align: 'right' as const,
          render: (_: unknown, r: Revision) => (
            <Figure metric={metric} zone={zone} value={r[metric]}>
              {formatYuan(r[metric])}
            </Figure>
          ),
        })),
        {
          key: 'employees',
          title: t('reports.columns.employees'),
          align: 'right',
          render: (_, r) => formatCount(r.employees),
        },
        {
          key: 'patents',
          title: t('reports.columns.patents'),
          align: 'right',
          render: (_, r) => `${formatCount(r.patentsFiled)} / ${formatCount(r.patentsGranted)}`,
        },
        {
          key: 'reviewNote',
          title: t('reports.columns.reviewNote'),
          render: (_, r) => r.reviewNote || t('none'),
        },
      ]}
    />
  );
}
