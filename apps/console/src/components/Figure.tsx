import type { ReactNode } from 'react';

/**
 * A figure of the console with the exact value the API gave beside its formatted text
 * (web-console.md, testability contract): `data-metric` names the MilestoneMetric or the
 * dashboard field, `data-zone` the zone code or PARK, `data-value` the Decimal string, integer
 * or enum as the API sent it.
 */
export function Figure({
  metric,
  zone,
  value,
  children,
  className,
  as: Tag = 'span',
}: {
  metric: string;
  zone: string;
  value: string | number;
  children: ReactNode;
  className?: string;
  as?: 'span' | 'div' | 'td' | 'strong';
}) {
  return (
    <Tag className={className} data-metric={metric} data-zone={zone} data-value={String(value)}>
      {children}
    </Tag>
  );
}
