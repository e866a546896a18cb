import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef, type CSSProperties } from 'react';

/**
 * One Apache ECharts chart, drawn with the SVG renderer (web-console.md: a browser test can read
 * it). Only the renderer is registered here; a page registers the charts and components it uses
 * with `echarts.use([...])` (re-exported below), so the bundle carries no more than that.
 *
 * For people who do not see it, the chart is an image (`role="img"`) named by `label`, and
 * `summary` (a sentence or two of the figures, written by the page from the exact values) is
 * its description, read by screen readers and invisible on screen.
 */
echarts.use([SVGRenderer]);

export { echarts };
export type EChartOption = echarts.EChartsCoreOption;

/** Hidden on screen, read by assistive technology. */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function EChart({
  option,
  label,
  summary,
  height = 320,
  className,
  testId,
}: {
  option: EChartOption;
  /** What the chart shows, as its accessible name. */
  label: string;
  /** The chart's figures in words. */
  summary: string;
  height?: number;
  className?: string;
  /** A data-chart attribute, so tests can find the chart. */
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const summaryId = useId();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <figure className={className} style={{ margin: 0, position: 'relative' }} data-chart={testId}>
      <div
        ref={box}
        role="img"
        aria-label={label}
        aria-describedby={summaryId}
        style={{ width: '100%', height }}
      />
      <figcaption id={summaryId} style={VISUALLY_HIDDEN}>
        {summary}
      </figcaption>
    </figure>
  );
}
