import { useQuery } from '@apollo/client/react';
import { Button, Radio, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type { ZoneKind } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { formatArea, formatCount, formatPercent } from '../../lib/numbers';
import { SPACE } from '../../roles';
import { BuildingsPanel } from './BuildingsPanel';
import { ZONE_STOCK, ZONES } from './queries';
import { UnitDrawer } from './UnitDrawer';
import { VacancyMap } from './VacancyMap';
import './space.css';

const ZONE_KINDS: readonly ZoneKind[] = ['STARTUP', 'EXPANSION'];
type View = 'map' | 'buildings';

/**
 * 空间房态: a zone's buildings and units, the vacancy map (房态图) and, from a tile, a unit's
 * leases, letting it, ending a lease and its condition. ADMIN and SPACE_MANAGER.
 */
export default function SpacePage() {
  const { t } = useTranslation('space');
  const user = useUser();
  const mayManage = SPACE.includes(user.role);
  const [params, setParams] = useSearchParams();
  const zoneKind: ZoneKind = params.get('zone') === 'EXPANSION' ? 'EXPANSION' : 'STARTUP';
  const view: View = params.get('view') === 'buildings' ? 'buildings' : 'map';
  const [openUnit, setOpenUnit] = useState<string | null>(null);
  const today = todayInShanghai();

  const zones = useQuery(ZONES);
  const zone = zones.data?.zones.find((z) => z.kind === zoneKind) ?? null;
  const stock = useQuery(ZONE_STOCK, {
    variables: { zoneId: zone?.id ?? '' },
    skip: !zone,
  });
  const data = stock.data?.zone ?? null;

  // The drawer follows the cached unit, so a change made in it shows at once.
  const openBuilding = data?.buildings.find((b) => b.units.some((u) => u.id === openUnit)) ?? null;
  const opened = {
    building: openBuilding,
    unit: openBuilding?.units.find((u) => u.id === openUnit) ?? null,
  };

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const error = zones.error ?? stock.error;
  const occupancy = data?.occupancy;
  const zoneCode = data?.code ?? zoneKind;

  return (
    <div className="space-page">
      <div className="space-toolbar">
        <Typography.Title level={1}>{t('page.title')}</Typography.Title>
        <Link to="/space/applications">
          <Button>{t('page.toApplications')}</Button>
        </Link>
      </div>
      <p className="space-intro">{t('page.intro')}</p>
      <div className="space-toolbar">
        <Radio.Group
          aria-label={t('page.zone')}
          optionType="button"
          buttonStyle="solid"
          value={zoneKind}
          onChange={(e) => {
            setOpenUnit(null);
            setParam('zone', e.target.value as string);
          }}
          options={ZONE_KINDS.map((k) => ({
            value: k,
            label: zones.data?.zones.find((z) => z.kind === k)?.name ?? t(`zone.${k}`),
          }))}
        />
        {occupancy && (
          <ul className="space-summary" aria-label={t('page.occupancy')}>
            <li>
              {t('page.unitsLeased')}：
              <Figure
                metric="unitsLeased"
                zone={zoneCode}
                value={occupancy.unitsLeased}
                as="strong"
              >
                {formatCount(occupancy.unitsLeased)}
              </Figure>{' '}
              /{' '}
              <Figure metric="unitsTotal" zone={zoneCode} value={occupancy.unitsTotal} as="strong">
                {formatCount(occupancy.unitsTotal)}
              </Figure>
            </li>
            <li>
              {t('page.leasedArea')}：
              <Figure metric="leasedArea" zone={zoneCode} value={occupancy.leasedArea} as="strong">
                {formatArea(occupancy.leasedArea)}
              </Figure>{' '}
              /{' '}
              <Figure metric="totalArea" zone={zoneCode} value={occupancy.totalArea} as="strong">
                {formatArea(occupancy.totalArea)}
              </Figure>{' '}
              m²
            </li>
            <li>
              {t('page.rate')}：
              <Figure metric="occupancyRate" zone={zoneCode} value={occupancy.rate} as="strong">
                {formatPercent(occupancy.rate.toFixed(6))}
              </Figure>
            </li>
          </ul>
        )}
      </div>
      {error && !data ? (
        <ErrorNotice
          error={error}
          onRetry={() => void (zones.error ? zones.refetch() : stock.refetch())}
        />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={view}
          onChange={(key) => setParam('view', key)}
          items={[
            {
              key: 'map',
              label: t('page.map'),
              children: <VacancyMap zone={data} today={today} onOpen={setOpenUnit} />,
            },
            {
              key: 'buildings',
              label: t('page.buildings'),
              children: <BuildingsPanel zone={data} mayManage={mayManage} onOpen={setOpenUnit} />,
            },
          ]}
          destroyOnHidden
        />
      )}
      {data && (
        <UnitDrawer
          unit={opened.unit}
          building={opened.building}
          zoneId={data.id}
          today={today}
          mayManage={mayManage}
          onClose={() => setOpenUnit(null)}
        />
      )}
    </div>
  );
}
