import Decimal from 'decimal.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../components/Figure';
import type { CockpitZoneFiguresFragment } from '../../gql/graphql';
import { formatArea, formatCount, formatPercent, formatYuan } from '../../lib/numbers';

/**
 * A zone's point-in-time figures from its dashboard, each a <Figure> whose data-metric is the
 * ZoneDashboard field (a dotted path inside occupancy: `occupancy.rate`, …), data-zone the zone
 * code and data-value the value exactly as the API sent it.
 */
export function ZoneFigures({
  dashboard,
  title,
}: {
  dashboard: CockpitZoneFiguresFragment;
  title: string;
}) {
  const { t } = useTranslation('cockpit');
  const zone = dashboard.zone.code;
  const o = dashboard.occupancy;
  const item = (key: string, label: string, content: ReactNode) => (
    <div className="cockpit-figure" key={key}>
      <dt>{label}</dt>
      <dd>{content}</dd>
    </div>
  );
  const fig = (metric: string, value: string | number, text: string, unit?: string) => (
    <>
      <Figure as="strong" metric={metric} zone={zone} value={value}>
        {text}
      </Figure>
      {unit ? <span className="cockpit-figure-unit">{unit}</span> : null}
    </>
  );
  return (
    <section className="cockpit-zone-figures" aria-labelledby={`figures-${zone}`} data-zone={zone}>
      <h3 id={`figures-${zone}`}>
        {title}
        <span className="cockpit-heading-note">{t('takenOn', { date: dashboard.asOf })}</span>
      </h3>
      <dl className="cockpit-figures">
        {item(
          'rate',
          t('figures.occupancyRate'),
          fig('occupancy.rate', o.rate, formatPercent(new Decimal(o.rate).toFixed())),
        )}
        {item(
          'leased',
          t('figures.leasedArea'),
          fig('occupancy.leasedArea', o.leasedArea, formatArea(o.leasedArea), t('units.area')),
        )}
        {item(
          'total',
          t('figures.totalArea'),
          fig('occupancy.totalArea', o.totalArea, formatArea(o.totalArea), t('units.area')),
        )}
        {item(
          'units',
          t('figures.units'),
          <>
            {fig('occupancy.unitsLeased', o.unitsLeased, formatCount(o.unitsLeased))}
            <span className="cockpit-figure-unit">/</span>
            {fig(
              'occupancy.unitsTotal',
              o.unitsTotal,
              formatCount(o.unitsTotal),
              t('figures.unitUnit', { count: o.unitsTotal }),
            )}
          </>,
        )}
        {item(
          'resident',
          t('figures.residentTenants'),
          fig(
            'residentTenants',
            dashboard.residentTenants,
            formatCount(dashboard.residentTenants),
            t('figures.countUnit', { count: dashboard.residentTenants }),
          ),
        )}
        {item(
          'new',
          t('figures.newTenants'),
          fig(
            'newTenants',
            dashboard.newTenants,
            formatCount(dashboard.newTenants),
            t('figures.countUnit', { count: dashboard.newTenants }),
          ),
        )}
        {item(
          'overdue',
          t('figures.overdueReports'),
          fig(
            'overdueReports',
            dashboard.overdueReports,
            formatCount(dashboard.overdueReports),
            t('figures.reportUnit', { count: dashboard.overdueReports }),
          ),
        )}
        {item(
          'requests',
          t('figures.openServiceRequests'),
          fig(
            'openServiceRequests',
            dashboard.openServiceRequests,
            formatCount(dashboard.openServiceRequests),
            t('figures.requestUnit', { count: dashboard.openServiceRequests }),
          ),
        )}
        {item(
          'benefits',
          t('figures.benefitsGranted'),
          fig(
            'benefitsGranted',
            dashboard.benefitsGranted,
            formatYuan(dashboard.benefitsGranted),
            t('units.yuan'),
          ),
        )}
        {item(
          'billed',
          t('figures.billed'),
          fig('billed', dashboard.billed, formatYuan(dashboard.billed), t('units.yuan')),
        )}
        {item(
          'relieved',
          t('figures.rentRelieved'),
          fig(
            'rentRelieved',
            dashboard.rentRelieved,
            formatYuan(dashboard.rentRelieved),
            t('units.yuan'),
          ),
        )}
        {item(
          'collected',
          t('figures.collected'),
          fig('collected', dashboard.collected, formatYuan(dashboard.collected), t('units.yuan')),
        )}
        {item(
          'overdueBills',
          t('figures.overdueBills'),
          fig(
            'overdueBills',
            dashboard.overdueBills,
            formatCount(dashboard.overdueBills),
            t('figures.billUnit', { count: dashboard.overdueBills }),
          ),
        )}
        {item(
          'dueToGraduate',
          t('figures.dueToGraduate'),
          fig(
            'dueToGraduate',
            dashboard.dueToGraduate,
            formatCount(dashboard.dueToGraduate),
            t('figures.countUnit', { count: dashboard.dueToGraduate }),
          ),
        )}
        {item(
          'overstaying',
          t('figures.overstaying'),
          fig(
            'overstaying',
            dashboard.overstaying,
            formatCount(dashboard.overstaying),
            t('figures.countUnit', { count: dashboard.overstaying }),
          ),
        )}
        {item(
          'output',
          t('figures.outputValueYtd'),
          fig(
            'outputValueYtd',
            dashboard.outputValueYtd,
            formatYuan(dashboard.outputValueYtd),
            t('units.yuan'),
          ),
        )}
      </dl>
    </section>
  );
}
