import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import type { CockpitHistoryQuery } from '../../gql/graphql';
import { formatAxisTick, formatMetricValue, statusColour, statusLabelKey } from '../../lib/cockpit';
import { chartNumber } from '../../lib/numbers';
import { escapeHtml, pointIndex, tooltipRow } from './charts';
import { unitFor } from './units';

type Snapshot = CockpitHistoryQuery['milestoneHistory'][number];

const ACTUAL = '#1d4ed8';
const FORECAST = '#7c3aed';
const TARGET = '#b45309';

/**
 * A milestone's daily snapshots as lines: what was reached, the forecast for the year and the
 * target as it stood each day. Tooltips write the exact values and the day's status.
 */
export default function HistoryChart({
  snapshots,
  metric,
  title,
  from,
  to,
}: {
  snapshots: Snapshot[];
  metric: string;
  title: string;
  from: string;
  to: string;
}) {
  const { t } = useTranslation('cockpit');
  const text = (v: string) => `${formatMetricValue(metric, v)} ${unitFor(t, metric, v)}`;

  const option = useMemo<EChartOption>(() => {
    const names = {
      actual: t('history.actual'),
      forecast: t('history.forecast'),
      target: t('history.target'),
    };
    const value = (v: string) => `${formatMetricValue(metric, v)} ${unitFor(t, metric, v)}`;
    return {
      animation: false,
      grid: { left: 64, right: 24, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const s = snapshots[pointIndex(params)];
          if (!s) return '';
          return [
            `<div><b>${escapeHtml(s.day)}</b>`,
            tooltipRow(ACTUAL, names.actual, value(s.actual)),
            tooltipRow(FORECAST, names.forecast, value(s.forecast)),
            tooltipRow(TARGET, names.target, value(s.targetValue)),
            tooltipRow(statusColour(s.status), t('history.status'), t(statusLabelKey(s.status))),
            '</div>',
          ].join('');
        },
      },
      xAxis: { type: 'category', data: snapshots.map((s) => s.day), boundaryGap: false },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatAxisTick(metric, v) },
      },
      series: [
        {
          name: names.actual,
          type: 'line',
          itemStyle: { color: ACTUAL },
          lineStyle: { width: 3 },
          data: snapshots.map((s) => chartNumber(s.actual)),
        },
        {
          name: names.forecast,
          type: 'line',
          itemStyle: { color: FORECAST },
          lineStyle: { type: 'dotted', width: 2 },
          data: snapshots.map((s) => chartNumber(s.forecast)),
        },
        {
          name: names.target,
          type: 'line',
          symbol: 'none',
          itemStyle: { color: TARGET },
          lineStyle: { type: 'dashed', width: 2 },
          data: snapshots.map((s) => chartNumber(s.targetValue)),
        },
      ],
    };
  }, [snapshots, metric, t]);

  const last = snapshots[snapshots.length - 1];
  const summary = t('history.summary', {
    from,
    to,
    count: snapshots.length,
    day: last.day,
    actual: text(last.actual),
    forecast: text(last.forecast),
    target: text(last.targetValue),
    status: t(statusLabelKey(last.status)),
  });
  return (
    <EChart
      option={option}
      label={t('history.chartLabel', { title, from, to })}
      summary={summary}
      height={300}
      testId="history"
    />
  );
}
