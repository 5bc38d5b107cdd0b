import { ChartFrame } from '@/components/charts/chart-frame';
import type { PlantDetail } from '@/lib/db/get-plant';
import { PALETTE, type ChartConfig, type WideRow } from '@/lib/domain/chart-data';
import { formatGwh } from '@/lib/format';

/** Most lines drawn: the first announcement date and the latest ones (the palette has 9 colours). */
const MAX_LINES = PALETTE.length;

/**
 * The plant's announced capacity by year as it stood after each announcement date: one line per
 * date, the last one today's figures. A revision shows as lines parting ("was 60, now 16").
 */
export function PlantCapacityHistory({ plant, shareUrl }: { plant: PlantDetail; shareUrl: string }) {
  const { fromYear, toYear, vintages } = plant.capacityHistory;
  if (vintages.length === 0) {
    return <p>No capacity figure with a target year has been announced for this plant yet.</p>;
  }
  const shown = vintages.length > MAX_LINES ? [vintages[0]!, ...vintages.slice(-(MAX_LINES - 1))] : vintages;
  const last = shown.length - 1;
  const config: ChartConfig = shown.map((v, i) => ({
    key: `v${i}`,
    label: i === last ? `Current figures (as of ${v.asOf})` : `As known on ${v.asOf}`,
    color: PALETTE[(last - i) % PALETTE.length]!,
  }));
  const rows: WideRow[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    rows.push({ x: year, ...Object.fromEntries(shown.map((v, i) => [`v${i}`, v.values[year - fromYear]!.gwh])) });
  }
  const superseded = plant.announcements.filter((a) => a.superseded && a.scope === 'milestone');
  const changes = superseded.map((a) => {
    const now = plant.announcements.find((b) => !b.superseded && b.scope === a.scope && b.targetYear === a.targetYear);
    return `${a.targetYear}: ${formatGwh(a.gwhPerYear)} announced ${a.announcedOn}${now ? `, now ${formatGwh(now.gwhPerYear)}` : ''}`;
  });
  return (
    <ChartFrame
      id="plant-capacity"
      title={`${plant.name}: announced capacity by year, as it stood each time the figures changed`}
      description={`Each line is the step function of the figures public on that date (latest figure for the latest target year reached). ${changes.length ? `Revised: ${changes.join('; ')}.` : 'No figure has been revised.'}${vintages.length > shown.length ? ` Showing the first and the ${MAX_LINES - 1} latest of ${vintages.length} dates the figures changed.` : ''}`}
      unitLabel="GWh per year"
      kind="line"
      rows={rows}
      config={config}
      xLabel="Year"
      csvFileName={`voltrack-plant-${plant.slug}-announcement-history.csv`}
      shareUrl={shareUrl}
      showTotal={false}
      height={320}
      headingLevel={3}
    />
  );
}
