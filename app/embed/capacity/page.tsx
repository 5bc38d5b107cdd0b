import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ChartFrame } from '@/components/charts/chart-frame';
import { GROUPING_LABELS } from '@/components/dashboard/view-controls';
import { getCapacitySeries } from '@/lib/db/capacity-series';
import { getRegion } from '@/lib/db/regions';
import { SCENARIO_LABELS } from '@/lib/domain/capacity';
import { toWide, withColors } from '@/lib/domain/chart-data';
import { groupLabel } from '@/lib/domain/labels';
import { todayIso } from '@/lib/validation/capacity';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard';
import { SlugSchema } from '@/lib/validation/fields';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Embedded chart', robots: { index: false } };

/**
 * The dashboard's main chart alone, for other sites to frame:
 * /embed/capacity?region=hauts-de-france&group=company&scenario=risk_weighted&asOf=2025-01-01
 * Takes the dashboard's parameters; the "Source: Voltrack" link opens the same view in full.
 */
export default async function EmbedCapacity({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const today = todayIso();
  const regionSlug = typeof raw.region === 'string' ? raw.region : undefined;
  const region = regionSlug ? (SlugSchema.safeParse(regionSlug).success ? await getRegion(regionSlug) : null) : undefined;
  if (region === null) notFound();
  const defaults = region ? { group: 'company' as const } : {};
  const { params, weights } = parseDashboardParams(raw, today, defaults);
  const toYear = 2030;
  const series = await getCapacitySeries(
    { scenario: params.scenario, asOf: params.asOf, fromYear: 2020, toYear, weights, regionPath: region?.path },
    params.group,
  );
  const wide = toWide(series.map((p) => ({ ...p, label: groupLabel(params.group, p.key, p.label) })), { fromYear: 2020, toYear, maxSeries: 9 });
  const scopeName = region?.name ?? 'Europe';
  const fullView = `${region ? `/regions/${region.slug}` : '/'}${dashboardQuery(params, today, defaults)}`;
  return (
    <ChartFrame
      id="embed"
      title={`${scopeName}: battery-cell capacity by ${GROUPING_LABELS[params.group].toLowerCase()}, 2020–${toYear}`}
      description={`${SCENARIO_LABELS[params.scenario]} scenario, as known on ${params.asOf}. GWh per year.`}
      unitLabel="GWh per year"
      kind="stacked-area"
      rows={wide.rows}
      config={withColors(wide.series)}
      xLabel="Year"
      csvFileName={`voltrack-${region?.slug ?? 'europe'}-capacity.csv`}
      shareUrl={fullView}
      compact
    />
  );
}
