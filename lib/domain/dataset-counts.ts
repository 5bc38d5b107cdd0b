// What the curated dataset holds, as the lines `npm run data:check` prints.
import type { SeedDataset } from '../validation/seed';

const tally = <T,>(items: readonly T[], key: (t: T) => string) => {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
};

/** The status a plant is in now: its latest status event. */
export function currentStatus(p: SeedDataset['plants'][number]): string {
  return [...p.statusHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.ref.localeCompare(b.ref, 'en', { numeric: true })).at(-1)!.status;
}

export function datasetCounts(data: SeedDataset): string[] {
  const tierOf = new Map(data.sources.map((s) => [s.key, s.tier]));
  const announcements = data.plants.flatMap((p) => p.announcements);
  const statusEvents = data.plants.flatMap((p) => p.statusHistory);
  const ownership = data.plants.flatMap((p) => p.ownership);
  const contractEvents = data.contracts.flatMap((c) => c.events);
  const cells = data.plants.filter((p) => p.inCellTotals);
  const passed = data.plants.filter((p) => p.statusHistory.some((e) => e.status !== 'announced'));
  const dated = (p: SeedDataset['plants'][number]) => p.announcements.length + p.statusHistory.length;
  const average = passed.length ? passed.reduce((n, p) => n + dated(p), 0) / passed.length : 0;
  const cited = new Set([
    ...data.plants.flatMap((p) => p.sources), ...data.contracts.flatMap((c) => c.sources),
  ]);
  return [
    `projects ${data.plants.length} in ${new Set(data.plants.map((p) => p.country)).size} countries (${cells.length} in cell totals): ${tally(data.plants, currentStatus)}`,
    `  by facility: ${tally(data.plants, (p) => p.facilityType)}; by chemistry: ${tally(data.plants, (p) => p.chemistryFamily)}`,
    `announcements ${announcements.length} (${tally(announcements, (a) => a.scope)}), status events ${statusEvents.length}, ownership facts ${ownership.length}, company links ${data.companyParents.length}`,
    `  dated facts per plant that ever passed "announced": ${average.toFixed(1)} (${passed.length} plants)`,
    `contracts ${data.contracts.length} (${tally(data.contracts, (c) => [...c.events].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn)).at(-1)!.status)}), contract events ${contractEvents.length}`,
    `sources ${data.sources.length} (${tally(data.sources, (s) => s.tier)}), ${cited.size} cited as reading; companies ${data.companies.length}, regions ${data.regions.length}, claims ${data.regionClaims.length}`,
    `figures per source tier: announcements ${tally(announcements, (a) => tierOf.get(a.source) ?? '?')}; status events ${tally(statusEvents, (e) => tierOf.get(e.source) ?? '?')}; ownership ${tally(ownership, (o) => tierOf.get(o.source) ?? '?')}; contract events ${tally(contractEvents, (e) => tierOf.get(e.source) ?? '?')}`,
  ];
}
