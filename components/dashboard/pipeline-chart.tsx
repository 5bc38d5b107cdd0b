import { ChartFrame } from '@/components/charts/chart-frame';
import type { DashboardData } from '@/lib/db/dashboard';
import { withColors } from '@/lib/domain/chart-data';
import { formatGwh } from '@/lib/format';

/** Europe's (or a region's) announced 2030 capacity as it stood on each date, drops labelled. */
export function PipelineChart({ pipeline, scopeName, scopeSlug, shareUrl }: {
  pipeline: DashboardData['pipeline']; scopeName: string; scopeSlug: string; shareUrl: string;
}) {
  const key = 'announced';
  const rows = pipeline.points.map((p) => ({ x: p.asOf, [key]: p.gwh }));
  const config = withColors([{ key, label: `Announced ${pipeline.targetYear} capacity` }]);
  const annotations = pipeline.drops.map((d) => ({
    x: d.asOf,
    label: `${d.plantName} ${formatGwh(d.deltaGwh)}`,
  }));
  return (
    <ChartFrame
      id="pipeline"
      title={`${scopeName}: the ${pipeline.targetYear} pipeline over time`}
      description={`Capacity announced for ${pipeline.targetYear}, as it stood at the start of each quarter. Labels name the largest single-plant drops (cancellations, insolvencies, downsizing) of at least 5 GWh.`}
      unitLabel="GWh per year"
      kind="line"
      rows={rows}
      config={config}
      xLabel="As known on"
      csvFileName={`voltrack-${scopeSlug}-pipeline-${pipeline.targetYear}.csv`}
      shareUrl={shareUrl}
      annotations={annotations}
    />
  );
}
