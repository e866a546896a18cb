import { useQuery } from '@apollo/client/react';
import { Empty, Radio, Skeleton } from 'antd';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CockpitProgressFragment } from '../../gql/graphql';
import { historyRange, scopeOf } from '../../lib/cockpit';
import { COCKPIT_HISTORY } from './queries';

const HistoryChart = lazy(() => import('./HistoryChart'));

/** One milestone's trend: its snapshots from 1 January to the chosen day (or 31 December). */
function HistoryPanel({
  progress,
  title,
  year,
  asOf,
}: {
  progress: CockpitProgressFragment;
  title: string;
  year: number;
  asOf: string;
}) {
  const { t } = useTranslation('cockpit');
  const range = historyRange(year, asOf);
  const { data, loading, error, refetch } = useQuery(COCKPIT_HISTORY, {
    variables: { targetId: progress.target.id, from: range?.from ?? asOf, to: range?.to ?? asOf },
    skip: range === null,
  });
  if (range === null)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.history')} />;
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const snapshots = data?.milestoneHistory ?? [];
  if (snapshots.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.history')} />;
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <HistoryChart
        snapshots={snapshots}
        metric={progress.target.metric}
        title={title}
        from={range.from}
        to={range.to}
      />
    </Suspense>
  );
}

/**
 * Each milestone's history as a line chart, the milestone chosen among the year's: only the
 * chosen one's snapshots are asked for.
 */
export function HistorySection({
  milestones,
  year,
  asOf,
  zoneLabel,
}: {
  milestones: CockpitProgressFragment[];
  year: number;
  asOf: string;
  zoneLabel: (scope: string) => string;
}) {
  const { t } = useTranslation('cockpit');
  const labelId = useId();
  const [active, setActive] = useState<string | null>(null);
  if (milestones.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.historyNone')} />;
  const titleOf = (p: CockpitProgressFragment) =>
    `${zoneLabel(scopeOf(p.target))} · ${t(`metrics.${p.target.metric}`)}`;
  const shown = milestones.find((p) => p.target.id === active) ?? milestones[0];
  return (
    <>
      <div className="cockpit-inline-field">
        <span id={labelId} className="cockpit-field-label">
          {t('history.tabs')}
        </span>
        <Radio.Group
          aria-labelledby={labelId}
          name="historyTarget"
          optionType="button"
          size="small"
          value={shown.target.id}
          onChange={(e) => setActive(String(e.target.value))}
          options={milestones.map((p) => ({ label: titleOf(p), value: p.target.id }))}
        />
      </div>
      <HistoryPanel
        key={shown.target.id}
        progress={shown}
        title={titleOf(shown)}
        year={year}
        asOf={asOf}
      />
    </>
  );
}
