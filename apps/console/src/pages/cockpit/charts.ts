import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { echarts } from '../../components/EChart';

/** The charts and components the cockpit draws with: bars and lines on a grid, tooltip, legend. */
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]);

/** One row of a tooltip, with the series' colour as a dot. */
export function tooltipRow(colour: string, name: string, text: string): string {
  return `<div style="display:flex;gap:8px;justify-content:space-between"><span><span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${colour};margin-right:6px"></span>${escapeHtml(name)}</span><b>${escapeHtml(text)}</b></div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The index of the point a tooltip (axis trigger) is about. */
export function pointIndex(params: unknown): number {
  const first = Array.isArray(params) ? params[0] : params;
  const index = (first as { dataIndex?: unknown } | undefined)?.dataIndex;
  return typeof index === 'number' ? index : 0;
}
