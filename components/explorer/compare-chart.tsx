import { ChartFrame } from '@/components/charts/chart-frame';
import type { CompareResult } from '@/lib/db/compare';
import { SCENARIO_LABELS } from '@/lib/domain/capacity';
import { withColors, type WideRow } from '@/lib/domain/chart-data';
import type { CompareParams } from '@/lib/validation/compare';

/** The compared trajectories on one line chart; its table twin and CSV come from ChartFrame. */
export function CompareChart({ result, params, shareUrl }: { result: CompareResult; params: CompareParams; shareUrl: string }) {
  // Series keys are positional: item keys contain ':' which charting libraries may read as paths.
  const keyOf = new Map(result.items.map((item, i) => [item.key, `s${i}`]));
  const config = withColors(result.items.map((item, i) => ({
    key: `s${i}`, label: `${item.name} (${item.kind === 'region' ? 'region' : `company, ${params.attribution}`})`,
  })));
  const rows: WideRow[] = [];
  for (let year = params.from; year <= params.to; year++) {
    rows.push({ x: year, ...Object.fromEntries(config.map((s) => [s.key, 0])) });
  }
  for (const p of result.points) {
    const row = rows[p.year - params.from];
    const key = keyOf.get(p.key);
    if (row && key) row[key] = p.gwh;
  }
  const names = result.items.map((i) => i.name);
  return (
    <ChartFrame
      id="compare"
      title={`${names.slice(0, -1).join(', ')} and ${names.at(-1)}: capacity ${params.from}–${params.to}`}
      description={`${SCENARIO_LABELS[params.scenario]} scenario, as known on ${params.asOf}. Regions count every plant inside them; companies count ${params.attribution === 'equity' ? 'their equity share of each plant' : 'the plants they operate'}.`}
      unitLabel="GWh per year"
      kind="line"
      rows={rows}
      config={config}
      xLabel="Year"
      csvFileName={`voltrack-compare-${result.items.map((i) => i.slug).join('-vs-')}-${params.scenario}-${params.asOf}.csv`}
      shareUrl={shareUrl}
    />
  );
}
