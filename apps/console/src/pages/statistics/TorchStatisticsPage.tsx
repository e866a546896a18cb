/**
 * The incubator's Torch statistics (火炬统计), `/statistics/torch?year=Y` for ADMIN and ANALYST;
 * the year defaults to last year.
 *
 * What browser tests may rely on:
 * - the year: native select `year` (label 统计年度), kept in the address;
 * - every figure of TorchStatistics in a table per group (labelled 场地指标, 在孵企业指标, …):
 *   the row `tr[data-figure=<field>]` with its Chinese name, its unit (m², 家, 人, 千元) and a
 *   <Figure> with `data-metric` the TorchStatistics field, `data-zone` PARK and `data-value` the
 *   API's value;
 * - the checks (审核关系), failing ones first: `li[data-check=<code>][data-passed=true|false]`,
 *   each failing one with its firms as links `a[data-tenant-id]` to /tenants/:id;
 * - the firms without an accepted annual report: the list labelled 未报送年报企业列表, items
 *   `li[data-tenant-id]` linking to /tenants/:id;
 * - the download (.xlsx) of exportTorchStatistics(year): the message has `data-file-name` and
 *   `data-rows`.
 */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Skeleton, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import { NativeSelect } from '../../components/NativeSelect';
import type { TorchStatisticsQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { formatArea, formatCount } from '../../lib/numbers';
import { base64ToBytes } from '../../lib/review';
import {
  figuresOf,
  orderedChecks,
  TORCH_GROUPS,
  torchFileName,
  torchYearFromQuery,
  torchYears,
  XLSX_MIME,
  type TorchField,
  type TorchUnit,
} from '../../lib/torch';
import { TORCH_EXPORT, TORCH_STATISTICS } from './queries';
import './statistics.css';

type Stats = TorchStatisticsQuery['torchStatistics'];
type Check = Stats['checks'][number];

interface Exported {
  url: string;
  fileName: string;
  rows: number;
  year: number;
}

const PAGE_TITLE = { fontSize: 22, margin: 0 };
const SECTION_TITLE = { fontSize: 17, marginTop: 0 };

function formatted(value: string | number, unit: TorchUnit): string {
  return unit === 'AREA' ? formatArea(value) : formatCount(value);
}

export default function TorchStatisticsPage() {
  const { t } = useTranslation('statistics');
  const client = useApolloClient();
  const today = todayInShanghai();
  const [params, setParams] = useSearchParams();
  const year = torchYearFromQuery(params.get('year'), today);
  const { data, loading, error, refetch } = useQuery(TORCH_STATISTICS, { variables: { year } });
  const stats = data?.torchStatistics.year === year ? data.torchStatistics : null;

  // The year's workbook
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
      const { data: file } = await client.query({
        query: TORCH_EXPORT,
        variables: { year },
        fetchPolicy: 'no-cache',
      });
      if (!file) throw new Error('no data');
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(file.exportTorchStatistics.contentBase64);
      } catch {
        setBadFile(true);
        return;
      }
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      urlRef.current = url;
      const fileName = torchFileName(file.exportTorchStatistics.fileName, year);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setExported({ url, fileName, rows: file.exportTorchStatistics.rows, year });
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };
  const shownExport = exported?.year === year ? exported : null;

  const checks = stats ? orderedChecks(stats.checks) : [];
  const failed = checks.filter((c) => !c.passed).length;

  return (
    <div className="st-page">
      <Typography.Title level={1} style={PAGE_TITLE}>
        {t('torch.title')}
      </Typography.Title>
      <Typography.Paragraph className="st-intro">{t('torch.intro', { year })}</Typography.Paragraph>

      <Card className="st-card">
        <div className="st-controls">
          <div className="st-control">
            <label className="st-label" htmlFor="year">
              {t('torch.year')}
            </label>
            <NativeSelect
              id="year"
              name="year"
              className="st-select"
              value={String(year)}
              onChange={(e) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    next.set('year', e.target.value);
                    return next;
                  },
                  { replace: true },
                )
              }
              options={torchYears(today).map((y) => ({
                value: String(y),
                label: t('torch.yearOption', { year: y }),
              }))}
            />
          </div>
          <Button onClick={() => void download()} loading={exporting}>
            {t('torch.download', { year })}
          </Button>
        </div>
        {exporting && (
          <p role="status" className="st-muted" style={{ margin: '12px 0 0' }}>
            {t('torch.downloading', { year })}
          </p>
        )}
        {exportError !== null && (
          <div style={{ marginTop: 12 }}>
            <ErrorNotice error={exportError} onRetry={() => void download()} />
          </div>
        )}
        {badFile && <Alert type="error" showIcon role="alert" title={t('torch.badFile')} />}
        {shownExport && (
          <Alert
            type="success"
            showIcon
            role="status"
            data-file-name={shownExport.fileName}
            data-rows={shownExport.rows}
            title={t('torch.downloaded', {
              fileName: shownExport.fileName,
              rows: formatCount(shownExport.rows),
            })}
            action={
              <a href={shownExport.url} download={shownExport.fileName}>
                {t('torch.downloadAgain')}
              </a>
            }
          />
        )}
      </Card>

      {error && !stats && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !stats && <Skeleton active />}
      {stats && (
        <>
          <section aria-labelledby="torch-checks-heading">
            <Card>
              <Typography.Title level={2} id="torch-checks-heading" style={SECTION_TITLE}>
                {t('torch.checks.heading')}
              </Typography.Title>
              <Typography.Paragraph role="status" data-failed={failed} data-total={checks.length}>
                {failed > 0
                  ? t('torch.checks.summary', { total: checks.length, failed })
                  : t('torch.checks.allPassed', { total: checks.length })}
              </Typography.Paragraph>
              <ul className="st-checks" aria-label={t('torch.checks.listLabel')}>
                {checks.map((c) => (
                  <CheckItem key={c.code} check={c} />
                ))}
              </ul>
            </Card>
          </section>

          <section aria-labelledby="torch-missing-heading">
            <Card>
              <Typography.Title level={2} id="torch-missing-heading" style={SECTION_TITLE}>
                {t('torch.missing.heading')}
              </Typography.Title>
              <Typography.Paragraph data-count={stats.missingAnnualReports.length}>
                {stats.missingAnnualReports.length > 0
                  ? t('torch.missing.summary', {
                      count: stats.missingAnnualReports.length,
                      year: stats.year,
                    })
                  : t('torch.missing.none', { year: stats.year })}
              </Typography.Paragraph>
              {stats.missingAnnualReports.length > 0 && (
                <ul className="st-firms" aria-label={t('torch.missing.listLabel')}>
                  {stats.missingAnnualReports.map((f) => (
                    <li key={f.id} data-tenant-id={f.id}>
                      <Link to={`/tenants/${f.id}`}>{f.name}</Link>
                      {f.creditCode && <span className="st-mono st-muted"> {f.creditCode}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </section>

          <div className="st-groups">
            {TORCH_GROUPS.map((group) => (
              <FigureTable key={group} group={group} stats={stats} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

interface FigureRow {
  field: TorchField;
  unit: TorchUnit;
}

function FigureTable({ group, stats }: { group: (typeof TORCH_GROUPS)[number]; stats: Stats }) {
  const { t } = useTranslation('statistics');
  const groupName = t(`torch.groups.${group}`);
  const rows: FigureRow[] = figuresOf(group).map((f) => ({ field: f.field, unit: f.unit }));
  return (
    <section aria-labelledby={`torch-group-${group}`}>
      <Card>
        <Typography.Title level={2} id={`torch-group-${group}`} style={SECTION_TITLE}>
          {groupName}
        </Typography.Title>
        <Table<FigureRow>
          aria-label={t('torch.figuresLabel', { group: groupName })}
          rowKey="field"
          size="small"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({ 'data-figure': r.field }) as object}
          columns={[
            {
              key: 'name',
              title: t('torch.figureColumn'),
              render: (_, r) => t(`torch.figures.${r.field}`),
            },
            {
              key: 'unit',
              title: t('torch.unitColumn'),
              render: (_, r) => <span data-unit={r.unit}>{t(`units.${r.unit}`)}</span>,
            },
            {
              key: 'value',
              title: t('torch.valueColumn'),
              align: 'right',
              render: (_, r) => (
                <Figure metric={r.field} zone="PARK" value={stats[r.field]} className="st-value">
                  {formatted(stats[r.field], r.unit)}
                </Figure>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}

function CheckItem({ check }: { check: Check }) {
  const { t } = useTranslation('statistics');
  return (
    <li className="st-check" data-check={check.code} data-passed={String(check.passed)}>
      <div className="st-check-title">
        <span className={`st-tag st-tag-${check.passed ? 'success' : 'danger'}`}>
          {check.passed ? t('torch.checks.passed') : t('torch.checks.failed')}
        </span>
        <span>{t(`torch.checks.codes.${check.code}`, { defaultValue: check.code })}</span>
        <span className="st-mono st-muted" style={{ fontWeight: 400, fontSize: 12 }}>
          {check.code}
        </span>
      </div>
      <p className="st-check-message" lang="en">
        {check.message}
      </p>
      {!check.passed && check.tenants.length > 0 && (
        <ul className="st-firms" aria-label={t('torch.checks.firms')}>
          {check.tenants.map((f) => (
            <li key={f.id}>
              <Link to={`/tenants/${f.id}`} data-tenant-id={f.id}>
                {f.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
