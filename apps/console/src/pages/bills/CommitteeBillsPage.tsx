/**
 * The committee's bills, `/bills` for ADMIN and SPACE_MANAGER (SPACE_MANAGER reads only).
 *
 * What browser tests may rely on:
 * - the month: native select `period` (label 账期), the zone: native select `zoneId`, the
 *   status of the month's list: native select `status`; all three kept in the address
 *   (`/bills?period=YYYY-MM&zoneId=…&status=…`), the month defaults to last month;
 * - ADMIN's button 出账 runs issueBills(period); while it runs `[data-run=running]`, then an
 *   Alert `[data-run=done]` with `data-period`, `data-issued`, `data-existing`, `data-total`
 *   (the BillRun as the API gave it);
 * - the month's sums: Figures with `data-metric` billed, relieved, total, paid, outstanding
 *   and count, `data-zone` the zone code or PARK, `data-value` the API's BillSums;
 * - the month's bills: the table labelled 本月账单列表, rows `tr[data-bill-id][data-status]
 *   [data-number]`, the count `[data-list=month][data-total]`, money cells `[data-field=total|paid|outstanding][data-value]`; the bill
 *   number links to `/bills/:id`; 加载更多 loads the next page;
 * - the overdue bills (status OVERDUE, any month): the table labelled 逾期账单列表, rows alike;
 * - ADMIN's row buttons 收款 (aria-label 登记收款 {number}: a dialog with `amount`, `paidOn`,
 *   `reference`) and 作废 (aria-label 作废 {number}: a dialog with `reason`);
 * - ADMIN's download of the month (.xlsx): the message has `data-file-name` and `data-rows`.
 */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type {
  BillFilter,
  BillRowFragment,
  BillStatus,
  BillsIssueMutation,
} from '../../gql/graphql';
import {
  BILL_STATUSES,
  billMonths,
  billsFileName,
  daysOverdue,
  mayBill,
  mayRecordPayment,
  mayVoid,
  monthFromQuery,
  XLSX_MIME,
} from '../../lib/bills';
import { formatDateTime, todayInShanghai } from '../../lib/dates';
import { attemptContext } from '../../lib/idempotency';
import { formatCount, formatYuan } from '../../lib/numbers';
import { base64ToBytes } from '../../lib/review';
import {
  BILLS_EXPORT,
  BILLS_ISSUE,
  BILLS_LIST,
  BILLS_OVERDUE,
  BILLS_RUNS,
  BILLS_ZONES,
} from './operations';
import { PaymentModal, type PayableBill } from './PaymentModal';
import {
  BillsTheme,
  Control,
  Money,
  NativeSelect,
  PAGE_TITLE,
  SECTION_TITLE,
  StatusTag,
} from './parts';
import { VoidModal, type VoidableBill } from './VoidModal';

type Row = BillRowFragment;
type Run = BillsIssueMutation['issueBills'];

const PAGE_SIZE = 50;
/** What a payment or a voiding changes besides the bill itself. */
const REFETCH = ['BillsList', 'BillsOverdue'] as const;

interface Exported {
  url: string;
  fileName: string;
  rows: number;
  period: string;
}

/** The next page of a bills connection, appended to what is shown. */
function appendPage<T extends { bills: { edges: readonly unknown[] } }>(prev: T, next: T): T {
  return { ...next, bills: { ...next.bills, edges: [...prev.bills.edges, ...next.bills.edges] } };
}

export default function CommitteeBillsPage() {
  const { t } = useTranslation('bills');
  const user = useUser();
  const isAdmin = user.role === 'ADMIN';
  const client = useApolloClient();
  const today = todayInShanghai();
  const [params, setParams] = useSearchParams();
  const period = monthFromQuery(params.get('period'), today);
  const zoneId = params.get('zoneId') ?? '';
  const askedStatus = params.get('status');
  const status = BILL_STATUSES.includes(askedStatus as BillStatus)
    ? (askedStatus as BillStatus)
    : null;

  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const zones = useQuery(BILLS_ZONES);
  const zone = zones.data?.zones.find((z) => z.id === zoneId);
  const zoneCode = zone?.code ?? 'PARK';

  const filter: BillFilter = {
    period,
    ...(zoneId ? { zoneId } : {}),
    ...(status ? { status } : {}),
  };
  const month = useQuery(BILLS_LIST, { variables: { filter, first: PAGE_SIZE } });
  const overdueFilter: BillFilter = { status: 'OVERDUE', ...(zoneId ? { zoneId } : {}) };
  const overdue = useQuery(BILLS_OVERDUE, {
    variables: { filter: overdueFilter, first: PAGE_SIZE },
  });
  const runs = useQuery(BILLS_RUNS, { variables: { year: Number(period.slice(0, 4)) } });
  const lastRun = runs.data?.billRuns.find((r) => r.period === period) ?? null;

  const [loadingMore, setLoadingMore] = useState<'month' | 'overdue' | null>(null);
  const loadPage = async (which: 'month' | 'overdue', fetchPage: () => Promise<unknown>) => {
    setLoadingMore(which);
    try {
      await fetchPage();
    } finally {
      setLoadingMore(null);
    }
  };
  const more = (which: 'month' | 'overdue') => {
    if (which === 'month') {
      const after = month.data?.bills.pageInfo.endCursor;
      if (!after) return Promise.resolve();
      return loadPage(which, () =>
        month.fetchMore({
          variables: { after },
          updateQuery: (prev, { fetchMoreResult }) => appendPage(prev, fetchMoreResult),
        }),
      );
    }
    const after = overdue.data?.bills.pageInfo.endCursor;
    if (!after) return Promise.resolve();
    return loadPage(which, () =>
      overdue.fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => appendPage(prev, fetchMoreResult),
      }),
    );
  };

  // 出账
  const [issue, issuing] = useMutation(BILLS_ISSUE, {
    refetchQueries: ['BillsList', 'BillsOverdue', 'BillsRuns'],
    awaitRefetchQueries: true,
  });
  // A run's message belongs to its month: another month chosen shows none.
  const [ran, setRan] = useState<Run | null>(null);
  const [runFailure, setRunFailure] = useState<{ period: string; error: unknown } | null>(null);
  const run = ran?.period === period ? ran : null;
  const runError = runFailure?.period === period ? runFailure.error : null;
  const startRun = async () => {
    setRan(null);
    setRunFailure(null);
    try {
      const { data } = await issue({ variables: { period }, context: attemptContext() });
      if (data) setRan(data.issueBills);
    } catch (error) {
      setRunFailure({ period, error });
    }
  };

  // The month as a workbook
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [badFile, setBadFile] = useState(false);
  const urlRef = useRef<string | null>(null);
  const release = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  };
  useEffect(() => release, []);
  const download = async () => {
    setExporting(true);
    setExportError(null);
    setBadFile(false);
    setExported(null);
    release();
    try {
      const { data } = await client.query({
        query: BILLS_EXPORT,
        variables: { period, ...(zoneId ? { zoneId } : {}) },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('no data');
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(data.exportBills.contentBase64);
      } catch {
        setBadFile(true);
        return;
      }
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      urlRef.current = url;
      const fileName = billsFileName(data.exportBills.fileName, period);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setExported({ url, fileName, rows: data.exportBills.rows, period });
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };

  const [paying, setPaying] = useState<PayableBill | null>(null);
  const [voiding, setVoiding] = useState<VoidableBill | null>(null);

  const firmCell = (r: Row) => (
    <div>
      <div>{r.tenant.name}</div>
      {r.tenant.creditCode && <div className="bills-mono bills-muted">{r.tenant.creditCode}</div>}
    </div>
  );
  const actions = (r: Row) => (
    <Space size="small" wrap>
      {mayRecordPayment(r) && (
        <Button
          size="small"
          aria-label={t('list.payLabel', { number: r.number })}
          onClick={() => setPaying(r)}
        >
          {t('list.pay')}
        </Button>
      )}
      {mayVoid(r) && (
        <Button
          size="small"
          danger
          aria-label={t('list.voidLabel', { number: r.number })}
          onClick={() => setVoiding(r)}
        >
          {t('list.void')}
        </Button>
      )}
    </Space>
  );

  const numberColumn = {
    key: 'number',
    title: t('columns.number'),
    render: (_: unknown, r: Row) => (
      <Link to={`/bills/${r.id}`} className="bills-mono">
        {r.number}
      </Link>
    ),
  };
  const money = (field: 'total' | 'paid' | 'outstanding') => ({
    key: field,
    title: t(`columns.${field}`),
    align: 'right' as const,
    render: (_: unknown, r: Row) => <Money field={field} value={r[field]} />,
  });
  const monthColumns: ColumnsType<Row> = [
    numberColumn,
    { key: 'tenant', title: t('columns.tenant'), render: (_, r) => firmCell(r) },
    money('total'),
    money('paid'),
    money('outstanding'),
    {
      key: 'status',
      title: t('columns.status'),
      render: (_, r) => <StatusTag status={r.status} />,
    },
    { key: 'dueOn', title: t('columns.dueOn'), dataIndex: 'dueOn' },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, r: Row) => actions(r),
          },
        ]
      : []),
  ];
  const overdueColumns: ColumnsType<Row> = [
    numberColumn,
    { key: 'tenant', title: t('columns.tenant'), render: (_, r) => firmCell(r) },
    { key: 'period', title: t('columns.period'), dataIndex: 'period' },
    money('total'),
    money('paid'),
    money('outstanding'),
    { key: 'dueOn', title: t('columns.dueOn'), dataIndex: 'dueOn' },
    {
      key: 'late',
      title: t('columns.daysOverdue'),
      align: 'right',
      render: (_, r) => (
        <span data-field="daysOverdue">
          {t('overdue.days', { count: daysOverdue(r.dueOn, today) })}
        </span>
      ),
    },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, r: Row) => actions(r),
          },
        ]
      : []),
  ];
  const rowData = (r: Row) =>
    ({
      'data-bill-id': r.id,
      'data-status': r.status,
      'data-number': r.number,
      'data-period': r.period,
    }) as object;

  const sums = month.data?.bills.sums;
  const monthRows = month.data?.bills.edges.map((e) => e.node) ?? [];
  const overdueRows = overdue.data?.bills.edges.map((e) => e.node) ?? [];
  const SUMS = ['billed', 'relieved', 'total', 'paid', 'outstanding'] as const;

  return (
    <BillsTheme>
      <div className="bills-page">
        <Typography.Title level={1} style={PAGE_TITLE}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph className="bills-intro">
          {isAdmin ? t('intro') : t('introReadOnly')}
        </Typography.Paragraph>

        <Card className="bills-card">
          <div className="bills-controls">
            <Control id="period" label={t('period')}>
              <NativeSelect
                id="period"
                name="period"
                value={period}
                onChange={(e) => setParam('period', e.target.value)}
                options={billMonths(today).map((p) => ({ value: p, label: p }))}
              />
            </Control>
            <Control id="zoneId" label={t('zone')}>
              <NativeSelect
                id="zoneId"
                name="zoneId"
                value={zoneId}
                placeholder={t('allZones')}
                placeholderSelectable
                onChange={(e) => setParam('zoneId', e.target.value)}
                options={(zones.data?.zones ?? []).map((z) => ({ value: z.id, label: z.name }))}
              />
            </Control>
            {isAdmin && (
              <div className="bills-actions">
                <Button
                  type="primary"
                  onClick={() => void startRun()}
                  loading={issuing.loading}
                  disabled={!mayBill(period, today)}
                >
                  {t('run.submit', { period })}
                </Button>
                <Button onClick={() => void download()} loading={exporting}>
                  {t('export.submit', { period })}
                </Button>
              </div>
            )}
          </div>
          <p className="bills-muted bills-last-run" data-last-run={lastRun?.period ?? ''}>
            {lastRun
              ? t('run.last', {
                  at: lastRun.ranAt ? formatDateTime(lastRun.ranAt) : period,
                  issued: formatCount(lastRun.issued),
                  existing: formatCount(lastRun.existing),
                })
              : runs.data
                ? t('run.never', { period })
                : '\u00a0'}
          </p>
          {issuing.loading && (
            <Alert
              type="info"
              role="status"
              data-run="running"
              icon={<Spin size="small" />}
              showIcon
              title={t('run.running', { period })}
            />
          )}
          {run && (
            <Alert
              type="success"
              showIcon
              role="status"
              data-run="done"
              data-period={run.period}
              data-issued={run.issued}
              data-existing={run.existing}
              data-total={run.total}
              title={t(run.issued > 0 ? 'run.done' : 'run.doneNothing', {
                period: run.period,
                issued: formatCount(run.issued),
                existing: formatCount(run.existing),
                total: formatYuan(run.total),
              })}
            />
          )}
          {runError !== null && <ErrorNotice error={runError} onRetry={() => void startRun()} />}
          {exporting && (
            <p role="status" className="bills-muted">
              {t('export.working', { period })}
            </p>
          )}
          {exportError !== null && (
            <ErrorNotice error={exportError} onRetry={() => void download()} />
          )}
          {badFile && <Alert type="error" showIcon role="alert" title={t('export.badFile')} />}
          {exported && (
            <Alert
              type="success"
              showIcon
              role="status"
              data-file-name={exported.fileName}
              data-rows={exported.rows}
              title={t('export.done', {
                period: exported.period,
                rows: formatCount(exported.rows),
                fileName: exported.fileName,
              })}
              action={
                <a href={exported.url} download={exported.fileName}>
                  {t('export.again')}
                </a>
              }
            />
          )}
        </Card>

        <Card className="bills-card">
          <section aria-labelledby="bills-sums-heading">
            <Typography.Title level={2} id="bills-sums-heading" style={SECTION_TITLE}>
              {t('sums.heading', { period, zone: zone?.name ?? t('allZones') })}
            </Typography.Title>
            {month.error && !month.data && (
              <ErrorNotice error={month.error} onRetry={() => void month.refetch()} />
            )}
            {!sums && month.loading && <Spin />}
            {sums && (
              <dl className="bills-sums">
                {SUMS.map((metric) => (
                  <div key={metric} className="bills-sum">
                    <dt>{t(`sums.${metric}`)}</dt>
                    <dd>
                      <Figure metric={metric} zone={zoneCode} value={sums[metric]} as="strong">
                        {formatYuan(sums[metric])}
                      </Figure>{' '}
                      <span className="bills-unit">{t('yuan')}</span>
                    </dd>
                  </div>
                ))}
                <div className="bills-sum">
                  <dt>{t('sums.count')}</dt>
                  <dd>
                    <Figure metric="count" zone={zoneCode} value={sums.count} as="strong">
                      {formatCount(sums.count)}
                    </Figure>{' '}
                    <span className="bills-unit">{t('sheets')}</span>
                  </dd>
                </div>
              </dl>
            )}
          </section>
        </Card>

        <Card className="bills-card">
          <section aria-labelledby="bills-month-heading">
            <div className="bills-section-head">
              <Typography.Title level={2} id="bills-month-heading" style={SECTION_TITLE}>
                {t('list.heading', { period })}
              </Typography.Title>
              <Control id="status" label={t('status')}>
                <NativeSelect
                  id="status"
                  name="status"
                  value={status ?? ''}
                  placeholder={t('allStatuses')}
                  placeholderSelectable
                  onChange={(e) => setParam('status', e.target.value)}
                  options={BILL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
                />
              </Control>
            </div>
            {month.data && (
              <p
                className="bills-muted"
                role="status"
                data-list="month"
                data-total={month.data.bills.totalCount}
              >
                {t('list.count', {
                  total: formatCount(month.data.bills.totalCount),
                  shown: formatCount(monthRows.length),
                })}
              </p>
            )}
            <Table<Row>
              rowKey="id"
              size="middle"
              aria-label={t('list.label')}
              dataSource={monthRows}
              columns={monthColumns}
              loading={month.loading && loadingMore !== 'month'}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={rowData}
              locale={{
                emptyText: <span className="bills-muted">{t('list.empty', { period })}</span>,
              }}
            />
            {month.data?.bills.pageInfo.hasNextPage && (
              <div className="bills-more">
                <Button onClick={() => void more('month')} loading={loadingMore === 'month'}>
                  {t('loadMore')}
                </Button>
              </div>
            )}
          </section>
        </Card>

        <Card className="bills-card">
          <section aria-labelledby="bills-overdue-heading">
            <Typography.Title level={2} id="bills-overdue-heading" style={SECTION_TITLE}>
              {t('overdue.heading')}
            </Typography.Title>
            {overdue.error && !overdue.data && (
              <ErrorNotice error={overdue.error} onRetry={() => void overdue.refetch()} />
            )}
            {overdue.data && (
              <p
                className="bills-muted"
                role="status"
                data-list="overdue"
                data-total={overdue.data.bills.totalCount}
              >
                <Figure metric="overdueBills" zone={zoneCode} value={overdue.data.bills.totalCount}>
                  {t('overdue.count', {
                    count: overdue.data.bills.totalCount,
                    total: formatCount(overdue.data.bills.totalCount),
                    outstanding: formatYuan(overdue.data.bills.sums.outstanding),
                  })}
                </Figure>
              </p>
            )}
            <Table<Row>
              rowKey="id"
              size="middle"
              aria-label={t('overdue.label')}
              dataSource={overdueRows}
              columns={overdueColumns}
              loading={overdue.loading && loadingMore !== 'overdue'}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={rowData}
              locale={{ emptyText: <span className="bills-muted">{t('overdue.empty')}</span> }}
            />
            {overdue.data?.bills.pageInfo.hasNextPage && (
              <div className="bills-more">
                <Button onClick={() => void more('overdue')} loading={loadingMore === 'overdue'}>
                  {t('loadMore')}
                </Button>
              </div>
            )}
          </section>
        </Card>

        {isAdmin && (
          <>
            <PaymentModal bill={paying} onClose={() => setPaying(null)} refetch={REFETCH} />
            <VoidModal bill={voiding} onClose={() => setVoiding(null)} refetch={REFETCH} />
          </>
        )}
      </div>
    </BillsTheme>
  );
}
