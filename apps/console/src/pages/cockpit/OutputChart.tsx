import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import { formatAxisTick, type OutputSeries } from '../../lib/cockpit';
import { chartNumber, formatYuan } from '../../lib/numbers';
import { escapeHtml, pointIndex, tooltipRow } from './charts';

const ZONE_COLOURS = ['#60a5fa', '#34d399', '#a78bfa', '#f472b6'];
const CUMULATIVE = '#1d4ed8';
const PACE = '#b45309';

/**
 * The park's output by month as bars (one stack per zone), the cumulative sum as a line, and the
 * straight pace line to the year's target, on a second axis. Heights are chartNumber; every
 * label and tooltip writes the exact Decimal strings.
 */
export default function OutputChart({
  year,
  series,
  zoneLabel,
  target,
}: {
  year: number;
  series: OutputSeries;
  zoneLabel: (code: string) => string;
  target: string | null;
}) {
  const { t, i18n } = useTranslation('cockpit');
  const lastIndex = series.cumulative.reduce<number>((acc, v, i) => (v === null ? acc : i), -1);

  const option = useMemo<EChartOption>(() => {
    // 1月 … 12月 in Chinese, Jan … Dec in English.
    const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' });
    const monthLabels = series.months.map((m) => monthName.format(new Date(`${m}-01T00:00:00Z`)));
    const zoneNames = series.zones.map((z) => t('output.monthly', { zone: zoneLabel(z.code) }));
    const cumulativeName = t('output.cumulative');
    const paceName = t('output.pace');
    const yuan = t('units.yuan');
    const money = (v: string | null) => (v === null ? '—' : `${formatYuan(v)} ${yuan}`);
    return {
      animation: false,
      grid: { left: 64, right: 72, top: 48, bottom: 32 },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const i = pointIndex(params);
          const rows = series.zones.map((z, k) =>
            tooltipRow(ZONE_COLOURS[k % ZONE_COLOURS.length], zoneNames[k], money(z.values[i])),
          );
          rows.push(tooltipRow(CUMULATIVE, cumulativeName, money(series.cumulative[i])));
          if (series.pace) rows.push(tooltipRow(PACE, paceName, money(series.pace[i])));
          return `<div><b>${escapeHtml(`${year}-${series.months[i].slice(5)}`)}</b>${rows.join('')}</div>`;
        },
      },
      xAxis: { type: 'category', data: monthLabels },
      yAxis: [
        {
          type: 'value',
          name: t('output.axis'),
          axisLabel: { formatter: (v: number) => formatAxisTick('ANNUAL_OUTPUT_VALUE', v) },
        },
        {
          type: 'value',
          name: t('output.axis'),
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => formatAxisTick('ANNUAL_OUTPUT_VALUE', v) },
        },
      ],
      series: [
        ...series.zones.map((z, k) => ({
          name: zoneNames[k],
          type: 'bar',
          stack: 'output',
          yAxisIndex: 0,
          itemStyle: { color: ZONE_COLOURS[k % ZONE_COLOURS.length] },
          data: z.values.map((v) => (v === null ? null : chartNumber(v))),
        })),
        {
          name: cumulativeName,
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 6,
          itemStyle: { color: CUMULATIVE },
          lineStyle: { width: 3 },
          data: series.cumulative.map((v) => (v === null ? null : chartNumber(v))),
        },
        ...(series.pace
          ? [
              {
                name: paceName,
                type: 'line',
                yAxisIndex: 1,
                symbol: 'none',
                itemStyle: { color: PACE },
                lineStyle: { type: 'dashed', width: 2 },
                data: series.pace.map(chartNumber),
              },
            ]
          : []),
      ],
    };
  }, [series, t, i18n.language, zoneLabel, year]);

  const month = lastIndex >= 0 ? series.months[lastIndex] : `${year}-01`;
  const summary =
    target && series.pace
      ? t('output.summary', {
          year,
          month,
          sum: formatYuan(series.sum),
          pace: formatYuan(series.pace[Math.max(0, lastIndex)]),
          target: formatYuan(target),
        })
      : t('output.summaryNoTarget', { year, month, sum: formatYuan(series.sum) });

  return (
    <EChart
      option={option}
      label={t('output.chartLabel', { year })}
      summary={summary}
      height={340}
      testId="output"
    />
  );
}
