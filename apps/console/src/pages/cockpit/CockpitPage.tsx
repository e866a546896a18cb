/**
 * The zone cockpit (驾驶舱), `/cockpit?year=Y&asOf=YYYY-MM-DD` (web-console.md, "The cockpit").
 *
 * What browser tests may rely on (the testability contract, and what this page adds to it):
 * - Year and day: a radio group labelled 年度 / Year (`name="year"`, one radio per year) and a
 *   date field labelled 截至日期 / As of (`id="asOf"`); both are kept in the URL query, which the
 *   page writes on arrival if it lacks them (year defaults to today's in Asia/Shanghai, clamped
 *   into 2025..2027; asOf to today).
 * - Milestone card: the root element has `data-metric` (the MilestoneMetric), `data-zone` (the
 *   zone code, or PARK for a park-wide target), `data-status` (the status enum) and
 *   `data-target-id`, role="button" (click or Enter opens the firms counted). Inside it:
 *   - the actual: a <Figure> with data-metric / data-zone / data-value and NO data-field (the
 *     only element in a card so);
 *   - the target and the forecast: data-metric / data-zone / data-value with
 *     `data-field="target"` / `data-field="forecast"`.
 *   Values are the API's exact Decimal strings (e.g. "25.00"); the status in words is the
 *   card's <StatusTag>.
 * - Zone figures: data-metric is the ZoneDashboard field, dotted inside occupancy
 *   (`occupancy.rate`, `occupancy.leasedArea`, `occupancy.totalArea`, `occupancy.unitsLeased`,
 *   `occupancy.unitsTotal`, `residentTenants`, `newTenants`, `overdueReports`,
 *   `openServiceRequests`, `benefitsGranted`, `outputValueYtd`), data-zone the zone code,
 *   data-value the API's value.
 * - Three-year plan table: each cell's figure has data-metric / data-zone / data-value plus
 *   `data-year` and `data-field` ("target", "actual" or "status"; a status's data-value is the
 *   enum).
 * - Contributors drawer (a dialog): each firm's contribution has `data-tenant-id` and
 *   `data-value`; the total row has data-metric / data-zone / data-value with
 *   `data-field="actual"`.
 * - Charts are ECharts SVG inside `figure[data-chart="output"]` / `figure[data-chart="history"]`,
 *   each a role="img" named for what it shows, with its figures in words as its description.
 *
 * Requests: the first view is one small request (the zones and the chosen year's progress: the
 * cards), sent as soon as the page's chunk is loaded; once it is in, both zones' dashboards (one
 * request, aliases), the three-year plan (one request, aliases; it shares the cache with the
 * cards, so another year's cards show at once), the alerts and the history of the chosen
 * milestone only follow side by side; contributors are asked when a card is opened. The charts
 * (ECharts) load in their own chunk after the cards are drawn.
 */
import { useQuery } from '@apollo/client/react';
import { DatePicker, Empty, Radio, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apolloClient } from '../../apollo';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { CockpitOverviewQuery, CockpitProgressFragment } from '../../gql/graphql';
import {
  cardsByScope,
  COCKPIT_YEARS,
  cockpitSearch,
  countingEnd,
  outputSeries,
  PARK,
  parseCockpitQuery,
  pickZones,
  planRows,
} from '../../lib/cockpit';
import { todayInShanghai } from '../../lib/dates';
import { AlertsList } from './AlertsList';
import { ContributorsDrawer } from './ContributorsDrawer';
import { HistorySection } from './HistorySection';
import { MilestoneCard } from './MilestoneCard';
import { PlanTable } from './PlanTable';
import { COCKPIT_DASHBOARDS, COCKPIT_OVERVIEW, COCKPIT_PLAN } from './queries';
import { ZoneFigures } from './ZoneFigures';
import './cockpit.css';

const OutputChart = lazy(() => import('./OutputChart'));

/**
 * The first view's request leaves as soon as this chunk is loaded, before React first draws the
 * page: the page's useQuery then shares the request in flight (Apollo deduplicates it) or finds
 * its answer in the cache.
 */
function prefetchFirstView() {
  if (window.location.pathname !== '/cockpit') return;
  const { year, asOf } = parseCockpitQuery(window.location.search, todayInShanghai());
  apolloClient.query({ query: COCKPIT_OVERVIEW, variables: { year, asOf } }).catch(() => undefined);
}
prefetchFirstView();

type Zone = CockpitOverviewQuery['zones'][number];

function Section({
  id,
  title,
  children,
  extra,
}: {
  id: string;
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <section className="cockpit-section" aria-labelledby={`cockpit-${id}`} data-section={id}>
      <div className="cockpit-section-head">
        <h2 id={`cockpit-${id}`}>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  );
}

export default function CockpitPage() {
  const { t } = useTranslation('cockpit');
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => todayInShanghai(), []);
  const view = parseCockpitQuery(params, today);
  const { year, asOf } = view;

  // The URL always says what is shown, so a link or a reload shows the same view.
  useEffect(() => {
    if (!view.canonical) setParams(cockpitSearch(year, asOf), { replace: true });
  }, [view.canonical, year, asOf, setParams]);
  const show = (nextYear: number, nextAsOf: string) => setParams(cockpitSearch(nextYear, nextAsOf));

  const overview = useQuery(COCKPIT_OVERVIEW, { variables: { year, asOf } });
  // The zones stay while another year or day is fetched.
  const zones = (overview.data ?? overview.previousData)?.zones;
  const { startup, expansion } = useMemo(() => pickZones(zones ?? []), [zones]);
  const shownZones = useMemo(
    () => [startup, expansion].filter((z): z is Zone => z !== null),
    [startup, expansion],
  );
  const scopes = useMemo(() => [...shownZones.map((z) => z.code), PARK], [shownZones]);

  // `t` changes with the language, and so do the zones' names.
  const zoneLabel = useCallback(
    (scope: string) => {
      if (scope === PARK) return t('zones.PARK');
      const zone = shownZones.find((z) => z.code === scope);
      return zone ? t(`zones.${zone.kind}`, { defaultValue: zone.name }) : scope;
    },
    [shownZones, t],
  );

  const dashboards = useQuery(COCKPIT_DASHBOARDS, {
    variables: {
      year,
      asOf,
      startupId: startup?.id ?? '',
      expansionId: expansion?.id ?? '',
      withStartup: startup !== null,
      withExpansion: expansion !== null,
    },
    skip: !zones || shownZones.length === 0,
  });

  const [opened, setOpened] = useState<CockpitProgressFragment | null>(null);

  const yearProgress = useMemo(() => overview.data?.milestoneProgress ?? [], [overview.data]);
  const groups = useMemo(() => cardsByScope(yearProgress, scopes), [yearProgress, scopes]);
  const shownMilestones = useMemo(() => groups.flatMap((g) => g.cards), [groups]);
  // The moment the first figures are on the page, once per document: the first view's time
  // (docs/PERFORMANCE.md, Q8) counts from the navigation's start to this mark.
  useEffect(() => {
    if (
      shownMilestones.length > 0 &&
      performance.getEntriesByName('cockpit:first-view').length === 0
    )
      performance.mark('cockpit:first-view');
  }, [shownMilestones.length]);
  // The rest of the page is asked once the cards are in, so that they come first.
  const planQuery = useQuery(COCKPIT_PLAN, { variables: { asOf }, skip: !zones });
  const plan = useMemo(
    () =>
      planQuery.data
        ? planRows(
            { 2025: planQuery.data.y2025, 2026: planQuery.data.y2026, 2027: planQuery.data.y2027 },
            scopes,
          )
        : [],
    [planQuery.data, scopes],
  );

  const zoneDashboards = useMemo(() => {
    const d = dashboards.data;
    return d ? [d.startup, d.expansion].filter((x) => x != null) : [];
  }, [dashboards.data]);
  const parkOutputTarget =
    yearProgress.find((p) => p.target.zone === null && p.target.metric === 'ANNUAL_OUTPUT_VALUE')
      ?.target.target ?? null;
  const series = useMemo(
    () =>
      outputSeries(
        year,
        zoneDashboards.map((d) => ({ code: d.zone.code, months: d.outputByMonth })),
        parkOutputTarget,
      ),
    [year, zoneDashboards, parkOutputTarget],
  );
  const takenOn = countingEnd(year, asOf);

  const controls = (
    <div className="cockpit-controls" role="group" aria-label={t('controls.label')}>
      <div className="cockpit-inline-field">
        <span id="cockpit-year-label" className="cockpit-field-label">
          {t('controls.year')}
        </span>
        <Radio.Group
          id="year"
          name="year"
          aria-labelledby="cockpit-year-label"
          optionType="button"
          buttonStyle="solid"
          value={year}
          onChange={(e) => show(Number(e.target.value), asOf)}
          options={COCKPIT_YEARS.map((y) => ({
            label: t('controls.yearOption', { year: y }),
            value: y,
          }))}
        />
      </div>
      <div className="cockpit-inline-field">
        <label htmlFor="asOf" className="cockpit-field-label">
          {t('controls.asOf')}
        </label>
        <DatePicker
          id="asOf"
          name="asOf"
          allowClear={false}
          format="YYYY-MM-DD"
          value={dayjs(asOf)}
          onChange={(d: Dayjs | null) => {
            if (d) show(year, d.format('YYYY-MM-DD'));
          }}
        />
      </div>
    </div>
  );

  let milestonesBody: ReactNode;
  if (overview.error) {
    milestonesBody = <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />;
  } else if (!overview.data) {
    milestonesBody = (
      <div className="cockpit-cards" aria-busy="true">
        {[0, 1, 2, 3].map((i) => (
          <div className="cockpit-card cockpit-card-loading" key={i}>
            <Skeleton active paragraph={{ rows: 3 }} />
          </div>
        ))}
      </div>
    );
  } else if (yearProgress.length === 0) {
    milestonesBody = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.milestones', { year })} />
    );
  } else {
    milestonesBody = (
      <div className="cockpit-scopes">
        {groups.map((g) => (
          <div
            className="cockpit-scope"
            key={g.scope}
            data-scope={g.scope}
            // As wide as its cards need: the zones stand side by side where the screen has room.
            style={{
              flex: `${Math.max(1, g.cards.length)} 1 ${Math.max(1, g.cards.length) * 250}px`,
            }}
          >
            <h3>{zoneLabel(g.scope)}</h3>
            {g.cards.length === 0 ? (
              <Typography.Text type="secondary">{t('empty.scope', { year })}</Typography.Text>
            ) : (
              <div className="cockpit-cards">
                {g.cards.map((p) => (
                  <MilestoneCard key={p.target.id} progress={p} onOpen={setOpened} />
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
    );
  }

  let figuresBody: ReactNode;
  if (dashboards.error) {
    figuresBody = (
      <ErrorNotice error={dashboards.error} onRetry={() => void dashboards.refetch()} />
    );
  } else if (overview.data && shownZones.length === 0) {
    figuresBody = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.zones')} />;
  } else if (!dashboards.data) {
    figuresBody = <Skeleton active paragraph={{ rows: 4 }} />;
  } else {
    figuresBody = (
      <div className="cockpit-zones">
        {zoneDashboards.map((d) => (
          <ZoneFigures key={d.zone.id} dashboard={d} title={zoneLabel(d.zone.code)} />
        ))}
      </div>
    );
  }

  let outputBody: ReactNode;
  if (dashboards.error) {
    outputBody = <ErrorNotice error={dashboards.error} onRetry={() => void dashboards.refetch()} />;
  } else if (!dashboards.data || !overview.data) {
    outputBody = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (series.total.every((v) => v === null)) {
    outputBody = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty.output', { year })} />
    );
  } else {
    outputBody = (
      <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
        <OutputChart year={year} series={series} zoneLabel={zoneLabel} target={parkOutputTarget} />
      </Suspense>
    );
  }

  return (
    <div className="cockpit">
      <header className="cockpit-header">
        <div>
          <h1>{t('title')}</h1>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        {controls}
      </header>
      <p className="cockpit-note" role="status">
        {takenOn ? t('takenOn', { date: takenOn }) : t('notStartedNote', { year })}
      </p>

      <Section id="milestones" title={t('sections.milestones')}>
        {milestonesBody}
      </Section>

      <Section id="operations" title={t('sections.operations')}>
        {figuresBody}
      </Section>

      <Section id="output" title={t('sections.output')}>
        {outputBody}
      </Section>

      <Section id="history" title={t('sections.history')}>
        {overview.error ? (
          <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
        ) : !overview.data ? (
          <Skeleton active />
        ) : (
          <HistorySection
            key={`${year}-${asOf}`}
            milestones={shownMilestones}
            year={year}
            asOf={asOf}
            zoneLabel={zoneLabel}
          />
        )}
      </Section>

      <Section id="alerts" title={t('sections.alerts')}>
        {zones ? (
          <AlertsList year={year} zones={shownZones} zoneLabel={zoneLabel} />
        ) : (
          <Skeleton active />
        )}
      </Section>

      <Section id="plan" title={t('sections.plan')}>
        {planQuery.error ? (
          <ErrorNotice error={planQuery.error} onRetry={() => void planQuery.refetch()} />
        ) : !planQuery.data ? (
          <Skeleton active />
        ) : (
          <PlanTable rows={plan} zoneLabel={zoneLabel} />
        )}
      </Section>

      <ContributorsDrawer
        progress={opened}
        zoneLabel={opened ? zoneLabel(opened.target.zone?.code ?? PARK) : ''}
        asOf={asOf}
        onClose={() => setOpened(null)}
      />
    </div>
  );
}
