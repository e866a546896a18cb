/**
 * A firm's annual reports, `/annual-reports` for TENANT_ADMIN and TENANT_REPORTER: every year it
 * may report (newest first) and any year it reported, with the latest revision's status and the
 * committee's note.
 *
 * What browser tests may rely on: the table labelled 年报列表, rows `tr[data-year][data-state]`,
 * the status tag's `data-status`, the revision `[data-revision]`, the row's button (aria-label
 * 填报 / 修改后重报 / 更正 {year} 年年报, `data-action`) opening `/annual-reports/new?year=Y`.
 */
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type { FirmAnnualReportsQuery } from '../../gql/graphql';
import { reportableYears, yearRows, type YearRow, type YearState } from '../../lib/annual-reports';
import { formatDateTime, todayInShanghai } from '../../lib/dates';
import { formatCount, formatYuan } from '../../lib/numbers';
import { FirmTheme, PAGE_TITLE, ToneTag, type Tone } from '../firm/look';
import { FIRM_ANNUAL_REPORTS } from './queries';

type Tenant = NonNullable<FirmAnnualReportsQuery['me']['tenant']>;
type Report = Tenant['annualReports'][number];
type Row = YearRow<Report>;

const STATE_TONES: Record<YearState, Tone> = {
  NOT_REPORTED: 'neutral',
  SUBMITTED: 'info',
  ACCEPTED: 'success',
  RETURNED: 'warning',
};

export default function AnnualReportsPage() {
  const { t } = useTranslation('statistics');
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(FIRM_ANNUAL_REPORTS);
  const tenant = data?.me.tenant;
  const today = todayInShanghai();
  const years = useMemo(
    () => (tenant ? reportableYears(tenant.enteredOn, tenant.exitedOn, today) : []),
    [tenant, today],
  );
  const rows = useMemo<Row[]>(
    () => (tenant ? yearRows(years, tenant.annualReports) : []),
    [tenant, years],
  );
  const zone = tenant?.zone.code ?? '';

  return (
    <FirmTheme>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={1} style={PAGE_TITLE}>
            {t('annual.title')}
          </Typography.Title>
          {years.length > 0 && (
            <Button type="primary" onClick={() => navigate('/annual-reports/new')}>
              {t('annual.newReport')}
            </Button>
          )}
        </Space>
        <Typography.Paragraph style={{ margin: 0 }}>{t('annual.intro')}</Typography.Paragraph>
        {error && !tenant && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Skeleton active />}
        {data && !tenant && <Alert type="warning" showIcon title={t('noTenant')} />}
        {tenant && (
          <Card>
            <Typography.Paragraph role="status">
              {t('annual.summary', {
                total: years.length,
                missing: rows.filter((r) => r.state === 'NOT_REPORTED' && years.includes(r.year))
                  .length,
              })}
            </Typography.Paragraph>
            <Table<Row>
              aria-label={t('annual.listLabel')}
              rowKey="year"
              size="middle"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('annual.empty') }}
              onRow={(r) => ({ 'data-year': r.year, 'data-state': r.state }) as object}
              columns={[
                {
                  key: 'year',
                  title: t('annual.columns.year'),
                  render: (_, r) => <strong>{r.year}</strong>,
                },
                {
                  key: 'state',
                  title: t('annual.columns.state'),
                  render: (_, r) => (
                    <ToneTag tone={STATE_TONES[r.state]} data-status={r.state}>
                      {t(`states.${r.state}`)}
                    </ToneTag>
                  ),
                },
                {
                  key: 'revision',
                  title: t('annual.columns.revision'),
                  render: (_, r) =>
                    r.report ? (
                      <span data-revision={r.report.revision}>
                        {t('revisionNo', { revision: r.report.revision })}
                      </span>
                    ) : (
                      t('none')
                    ),
                },
                {
                  key: 'submittedAt',
                  title: t('annual.columns.submittedAt'),
                  render: (_, r) => (r.report ? formatDateTime(r.report.submittedAt) : t('none')),
                },
                {
                  key: 'totalRevenue',
                  title: t('annual.columns.totalRevenue'),
                  align: 'right',
                  render: (_, r) =>
                    r.report ? (
                      <Figure metric="totalRevenue" zone={zone} value={r.report.totalRevenue}>
                        {formatYuan(r.report.totalRevenue)}
                      </Figure>
                    ) : (
                      t('none')
                    ),
                },
                {
                  key: 'employees',
                  title: t('annual.columns.employees'),
                  align: 'right',
                  render: (_, r) => (r.report ? formatCount(r.report.employees) : t('none')),
                },
                {
                  key: 'reviewNote',
                  title: t('annual.columns.reviewNote'),
                  width: 260,
                  render: (_, r) =>
                    r.report?.reviewNote ? (
                      <span data-review-note="true">{r.report.reviewNote}</span>
                    ) : (
                      t('none')
                    ),
                },
                {
                  key: 'actions',
                  title: t('annual.columns.actions'),
                  fixed: 'right',
                  render: (_, r) => {
                    if (!years.includes(r.year)) return t('none');
                    const label = t(`annual.actions.${r.action}`);
                    return (
                      <Button
                        size="small"
                        type={r.action === 'CORRECT' ? 'default' : 'primary'}
                        aria-label={t('annual.actionFor', { action: label, year: r.year })}
                        data-action={r.action}
                        onClick={() => navigate(`/annual-reports/new?year=${r.year}`)}
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
