/**
 * The committee's monthly reports, `/reports` for ADMIN (reviews and imports) and ANALYST (reads):
 * five tabs, the open one kept in the URL (`?tab=queue|overdue|import|export|annual`).
 *
 * What browser tests may rely on:
 * - 待审核 queue: a table labelled 待审核报表列表; each row has `data-report-id`,
 *   `data-tenant-id`, `data-period`, `data-status`; money cells are <Figure>s (data-metric
 *   outputValue / revenue / rdExpense, data-zone the zone code, data-value the API's Decimal).
 *   ADMIN's row buttons 受理 (aria-label 受理 {firm} {month} 报表, then 确认受理 in the pop-up)
 *   and 退回 (a dialog with the labelled textarea `note`, OK button 退回). Filters: `zoneId`
 *   (native select), `period` (month picker).
 * - 逾期: `zoneId` (native select), `asOf` (date picker); the summary is a Figure with
 *   data-metric="overdueReports" and the API's count; rows have `data-period`, `data-count`,
 *   firms `li[data-tenant-id][data-reason]`.
 * - 导入 (ADMIN): `input[type=file]#contentBase64` labelled 报表文件…; the stage in
 *   `[data-stage]`; the result an Alert with `data-outcome` WRITTEN or REFUSED; a refusal's
 *   table (导入问题清单) has rows with `data-row`, `data-column` (the field name), `data-sheet`.
 * - 导出: `year`, `zoneId` (native selects), radio group `format`; the message has
 *   `data-file-name` and `data-rows`.
 */
import { useQuery } from '@apollo/client/react';
import { Alert, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AnnualTab } from './AnnualTab';
import { ExportTab } from './ExportTab';
import { ImportTab } from './ImportTab';
import { OverdueTab } from './OverdueTab';
import { PAGE_TITLE } from './controls';
import { REVIEW_ZONES } from './queries';
import { ReviewQueue } from './ReviewQueue';
import './review.css';

const TABS = ['queue', 'overdue', 'import', 'export', 'annual'] as const;
type TabKey = (typeof TABS)[number];

export default function ReviewPage() {
  const { t } = useTranslation('review');
  const { t: ts } = useTranslation('statistics');
  const user = useUser();
  // reviewOutputReport and importOutputReports are ADMIN's (libs/reporting access policy).
  const canWrite = user.role === 'ADMIN';
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const available: readonly TabKey[] = canWrite ? TABS : TABS.filter((k) => k !== 'import');
  const tab: TabKey = available.includes(asked as TabKey) ? (asked as TabKey) : 'queue';

  const { data, loading, error, refetch } = useQuery(REVIEW_ZONES);
  const zones = data?.zones ?? [];

  const items = [
    {
      key: 'queue',
      label: t('tabs.queue'),
      destroyOnHidden: true,
      children: <ReviewQueue zones={zones} canReview={canWrite} />,
    },
    {
      key: 'overdue',
      label: t('tabs.overdue'),
      destroyOnHidden: true,
      children: <OverdueTab zones={zones} />,
    },
    // Kept while hidden: an upload under way goes on when another tab is looked at.
    ...(canWrite ? [{ key: 'import', label: t('tabs.import'), children: <ImportTab /> }] : []),
    {
      key: 'export',
      label: t('tabs.export'),
      destroyOnHidden: true,
      children: <ExportTab zones={zones} />,
    },
    {
      key: 'annual',
      label: ts('review.tab'),
      destroyOnHidden: true,
      children: <AnnualTab zones={zones} canReview={canWrite} />,
    },
  ];

  return (
    <div className="review-page">
      <Typography.Title level={1} style={PAGE_TITLE}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph style={{ marginTop: 8 }}>{t('intro')}</Typography.Paragraph>
      {!canWrite && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('readOnly')} />
      )}
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <Tabs
          aria-label={t('tabsLabel')}
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={items}
        />
      )}
    </div>
  );
}
