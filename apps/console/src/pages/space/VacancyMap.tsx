import { Empty, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatArea } from '../../lib/numbers';
import { floorsOf, type Tile, TILE_STATUSES, tileOf } from '../../lib/space';
import type { Building, Lease, Unit, Zone } from './queries';

/** The words of a tile's status; a unit out of service also says why. */
export function useTileWords() {
  const { t } = useTranslation('space');
  return (unit: Pick<Unit, 'condition'>, tile: Tile<Lease>) =>
    tile.status === 'UNAVAILABLE'
      ? t('tile.unavailableBecause', { condition: t(`condition.${unit.condition}`) })
      : t(`tile.${tile.status}`);
}

export function FloorName({ floor }: { floor: number }) {
  const { t } = useTranslation('space');
  return <>{floor < 0 ? t('basement', { n: -floor }) : t('floor', { n: floor })}</>;
}

function TileTip({ unit, tile }: { unit: Unit; tile: Tile<Lease> }) {
  const { t } = useTranslation('space');
  const words = useTileWords();
  return (
    <div className="space-tip">
      <p>
        <strong>{unit.code}</strong> · {words(unit, tile)}
      </p>
      <p>
        {t(`kind.${unit.kind}`)} · {formatArea(unit.area)} m²
      </p>
      {tile.lease ? (
        <>
          <p>{t('tip.tenant', { name: tile.lease.tenant.name })}</p>
          <p>{t('tip.until', { date: tile.letUntil ?? tile.lease.endDate })}</p>
        </>
      ) : (
        tile.next && (
          <p>{t('tip.next', { name: tile.next.tenant.name, date: tile.next.startDate })}</p>
        )
      )}
    </div>
  );
}

function UnitTile({
  unit,
  today,
  onOpen,
}: {
  unit: Unit;
  today: string;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation('space');
  const words = useTileWords();
  const tile = tileOf(unit, today);
  return (
    <li>
      <Tooltip title={<TileTip unit={unit} tile={tile} />} trigger={['hover', 'focus']}>
        <button
          type="button"
          className={`space-tile space-tile-${tile.status}`}
          data-unit-id={unit.id}
          data-unit-code={unit.code}
          data-status={tile.status}
          aria-label={t('tile.name', { code: unit.code, status: words(unit, tile) })}
          onClick={() => onOpen(unit.id)}
        >
          <span className="space-tile-code">{unit.code}</span>
          <span className="space-tile-meta">{formatArea(unit.area)} m²</span>
          <span className="space-tile-meta">{t(`tile.${tile.status}`)}</span>
        </button>
      </Tooltip>
    </li>
  );
}

function BuildingMap({
  building,
  today,
  onOpen,
}: {
  building: Building;
  today: string;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation('space');
  const floors = floorsOf(building.units);
  const free = building.units.filter((u) => tileOf(u, today).status === 'FREE').length;
  return (
    <section className="space-building" aria-labelledby={`map-${building.id}`}>
      <div className="space-building-head">
        <h2 id={`map-${building.id}`}>
          {building.code} {building.name}
        </h2>
        <span className="space-muted">
          {t('map.buildingSummary', { units: building.units.length, free })}
        </span>
      </div>
      {floors.length === 0 ? (
        <p className="space-muted">{t('map.noUnits')}</p>
      ) : (
        <ul className="space-floors">
          {floors.map((f) => (
            <li key={f.floor} className="space-floor" data-floor={f.floor}>
              <span className="space-floor-label">
                <FloorName floor={f.floor} />
              </span>
              <ul className="space-tiles">
                {f.units.map((u) => (
                  <UnitTile key={u.id} unit={u} today={today} onOpen={onOpen} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 房态图: each building's floors, top first, its units as tiles by today's status. */
export function VacancyMap({
  zone,
  today,
  onOpen,
}: {
  zone: Zone;
  today: string;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation('space');
  return (
    <div>
      <ul className="space-legend" aria-label={t('map.legend')}>
        {TILE_STATUSES.map((s) => (
          <li key={s}>
            <span className={`space-swatch space-tile-${s}`} aria-hidden="true" />
            <span>{t(`tile.${s}`)}</span>
            <span className="space-muted">{t(`legend.${s}`)}</span>
          </li>
        ))}
      </ul>
      <p className="space-muted">{t('map.hint')}</p>
      {zone.buildings.length === 0 ? (
        <Empty description={t('buildings.none')} />
      ) : (
        zone.buildings.map((b) => (
          <BuildingMap key={b.id} building={b} today={today} onOpen={onOpen} />
        ))
      )}
    </div>
  );
}
