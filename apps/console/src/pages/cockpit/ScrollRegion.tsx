import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside this region, which the keyboard can
 * reach (focusable, named) so that its columns are not out of reach.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cockpit-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
