import { ChartFrame } from '@/components/charts/chart-frame';
import { EuropeMap } from '@/components/map/europe-map';
import type { DashboardData } from '@/lib/db/dashboard';
import type { StatusWeights } from '@/lib/domain/capacity';
import { SCENARIO_LABELS } from '@/lib/domain/capacity';
import { toWide, withColors } from '@/lib/domain/chart-data';
import { groupLabel } from '@/lib/domain/labels';
import { formatDate } from '@/lib/format';
import { type DashboardDefaults, type DashboardParams, dashboardQuery } from '@/lib/validation/dashboard';
import { EmbedSnippet } from './embed-snippet';
import { HeadlineCards } from './headline-cards';
import { OfftakeCoverageCard } from './offtake-coverage';
import { PipelineChart } from './pipeline-chart';
import { RecentChanges } from './recent-changes';
import { GROUPING_LABELS, ViewControls } from './view-controls';
import { WhoBuilds } from './who-builds';
import styles from './dashboard.module.css';

interface Props {
  data: DashboardData;
  params: DashboardParams;
  weights: StatusWeights;
  today: string;
  notices: string[];
  /** "/" or "/regions/hauts-de-france". */
  basePath: string;
  /** "Europe" or the region's name. */
  scopeName: string;
  /** File-name friendly scope, e.g. "europe". */
  scopeSlug: string;
  zoomMap?: boolean;
  defaults?: DashboardDefaults;
  /** Path (and query) of this view's chart-only embed; the snippet adds the origin in the browser. */
  embedPath: string;
}

/** The public dashboard for Europe or one region: every figure from the same parameters. */
export function CapacityDashboard({ data, params, weights, today, notices, basePath, scopeName, scopeSlug, zoomMap, defaults, embedPath }: Props) {
  const shareUrl = `${basePath}${dashboardQuery(params, today, defaults)}`;
  const wide = toWide(
    data.series.map((p) => ({ ...p, label: groupLabel(params.group, p.key, p.label) })),
    { fromYear: data.fromYear, toYear: data.toYear, maxSeries: 9 },
  );
  const config = withColors(wide.series);
  const asOfNote = params.asOf === today ? '' : `, as known on ${params.asOf}`;
  const codeBySlug = new Map(data.plants.map((p) => [p.countrySlug, p.countryCode]));
  const mapPlants = data.plants.flatMap((p) => (p.lat !== null && p.lon !== null
    ? [{ slug: p.slug, name: p.name, operator: p.operator, city: p.city, lat: p.lat, lon: p.lon, status: p.status, gwh: p.gwh }]
    : []));
  const countries = data.byCountry.map((c) => ({ iso2: codeBySlug.get(c.key) ?? '', name: c.label, gwh: c.gwh }))
    .filter((c) => c.iso2);

  return (
    <>
      {notices.length ? (
        <div className={`notice ${styles.notices}`} role="status">
          Some link parameters were not understood and their defaults are shown instead:
          <ul>{notices.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      ) : null}
      <ViewControls action={basePath} params={params} today={today} />

      <section aria-labelledby="headline">
        <h2 id="headline">Headline figures{asOfNote}</h2>
        <HeadlineCards headline={data.headline} weights={weights} packKwh={params.pack} />
        <p className="muted" data-metric="data-current-to">
          Data current to {data.headline.dataCurrentTo ? formatDate(data.headline.dataCurrentTo) : 'no date'}: the newest fact in these figures was published then.
        </p>
      </section>

      <ChartFrame
        id="capacity"
        title={`${scopeName}: cell capacity by ${GROUPING_LABELS[params.group].toLowerCase()}, ${data.fromYear}–${data.toYear}`}
        description={`${SCENARIO_LABELS[params.scenario]} scenario${asOfNote}. Nameplate GWh per year; each plant’s latest announced figure for the latest target year reached.`}
        unitLabel="GWh per year"
        kind="stacked-area"
        rows={wide.rows}
        config={config}
        xLabel="Year"
        csvFileName={`voltrack-${scopeSlug}-capacity-by-${params.group}-${params.scenario}-${params.asOf}.csv`}
        shareUrl={shareUrl}
      />
      <EmbedSnippet path={embedPath} />

      <PipelineChart pipeline={data.pipeline} scopeName={scopeName} scopeSlug={scopeSlug} shareUrl={shareUrl} />

      <section aria-labelledby="map-heading">
        <h2 id="map-heading" className="visually-hidden">Map</h2>
        <EuropeMap
          title={`${scopeName}: plants and capacity in ${params.year}`}
          description={`Countries shaded by capacity in ${params.year} (${SCENARIO_LABELS[params.scenario].toLowerCase()}${asOfNote}); each circle is a plant, sized by its capacity and coloured by status. Select a plant to open its page.`}
          year={params.year}
          countries={countries}
          plants={mapPlants}
          focus={zoomMap ? 'plants' : 'europe'}
          explorerHref={scopeSlug === 'europe' ? '/plants' : `/plants?region=${scopeSlug}`}
        />
      </section>

      <WhoBuilds byCompany={data.byCompany} byOrigin={data.byOrigin} year={params.year} scenario={params.scenario} scopeSlug={scopeSlug} shareUrl={shareUrl} />

      <OfftakeCoverageCard coverage={data.offtake} />

      <section aria-labelledby="recent">
        <h2 id="recent">Recently changed</h2>
        <RecentChanges changes={data.recent} />
      </section>
    </>
  );
}
