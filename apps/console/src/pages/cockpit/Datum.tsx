import type { ReactNode } from 'react';

/**
 * A figure of the cockpit that needs more than <Figure>'s three attributes: beside data-metric,
 * data-zone and data-value it says which figure of a milestone it is (`data-field`: target,
 * forecast, actual, status) and, in the three-year plan, its year (`data-year`).
 */
export function Datum({
  metric,
  zone,
  value,
  field,
  year,
  children,
  className,
  title,
}: {
  metric: string;
  zone: string;
  value: string | number;
  field: 'target' | 'forecast' | 'actual' | 'status';
  year?: number;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <span
      className={className}
      title={title}
      data-metric={metric}
      data-zone={zone}
      data-value={String(value)}
      data-field={field}
      data-year={year}
    >
      {children}
    </span>
  );
}
