import { ChartFrame } from '@/components/charts/chart-frame';
import type { CompanyCapacityPoint } from '@/lib/db/company-capacity';
import { SCENARIO_LABELS } from '@/lib/domain/capacity';
import { toWide, withColors } from '@/lib/domain/chart-data';
import type { CompanyView } from '@/lib/validation/company-view';

export const COMPANY_CHART_YEARS = { fromYear: 2020, toYear: 2035 } as const;

/** A company's attributed capacity over the years, one band per plant. */
export function CompanyCapacityChart({ name, slug, points, view, shareUrl, holdings }: {
  name: string; slug: string; points: CompanyCapacityPoint[]; view: CompanyView; shareUrl: string;
  /** How many plants it operates and holds stakes in, to explain an empty chart. */
  holdings: { operated: number; stakes: number };
}) {
  const how = view.attribution === 'equity'
    ? 'its equity share of each plant (stakes as published; the operator holds the rest)'
    : 'the plants it operates, in full';
  if (points.length === 0) {
    const counted = view.attribution === 'equity' ? holdings.operated + holdings.stakes : holdings.operated;
    return (
      <p>
        No capacity is attributed to {name} under this setting: it counts {how}.{' '}
        {counted === 0
          ? `${name} ${view.attribution === 'equity' ? 'neither operates a listed plant nor holds a stake in one' : 'operates no listed plant'}.`
          : `None of those plants has a capacity figure in ${COMPANY_CHART_YEARS.fromYear}–${COMPANY_CHART_YEARS.toYear} (${SCENARIO_LABELS[view.scenario].toLowerCase()}, as known on ${view.asOf}), or its stakes are not published.`}
        {view.attribution === 'operator' && holdings.stakes > 0 ? ' Choose the equity attribution to count its stakes in plants others operate.' : ''}
      </p>
    );
  }
  const wide = toWide(points, { ...COMPANY_CHART_YEARS, maxSeries: 9 });
  return (
    <ChartFrame
      id="company-capacity"
      title={`${name}: attributed capacity by plant, ${COMPANY_CHART_YEARS.fromYear}–${COMPANY_CHART_YEARS.toYear}`}
      description={`Counts ${how}. ${SCENARIO_LABELS[view.scenario]} scenario, as known on ${view.asOf}.`}
      unitLabel="GWh per year"
      kind="stacked-area"
      rows={wide.rows}
      config={withColors(wide.series)}
      xLabel="Year"
      csvFileName={`voltrack-company-${slug}-${view.attribution}-${view.scenario}-${view.asOf}.csv`}
      shareUrl={shareUrl}
      headingLevel={3}
    />
  );
}
