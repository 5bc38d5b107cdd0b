// An independent capacity calculator for tests: reads raw rows with plain SQL (no aggregation)
// and applies the pure rules from lib/domain/capacity.ts in JavaScript. The product computes
// the same numbers with GROUP BY and window functions in PostgreSQL; tests compare the two.
import { plantCapacity, type Announcement, type Scenario, type StatusEvent, type StatusWeights } from '@/lib/domain/capacity';
import type { Grouping } from '@/lib/validation/capacity';
import type { TestDatabase } from './database';

export interface OraclePlant {
  id: number;
  slug: string;
  keys: Record<Grouping, string>;
  regionPath: string;
  announcements: Announcement[];
  statusEvents: StatusEvent[];
}

export async function loadOraclePlants(t: TestDatabase): Promise<OraclePlant[]> {
  const plants = await t.query<{
    id: number; slug: string; company: string; origin: string; chemistry: string; country: string; macro: string;
    region: string; nuts1: string | null; region_path: string;
  }>(`
    SELECT p.id, p.slug, op.slug AS company, op.origin::text AS origin, p.chemistry_family::text AS chemistry,
           c.slug AS country, m.slug AS macro, r.slug AS region, rp.slug AS nuts1, r.path AS region_path
    FROM plant p
    JOIN company op ON op.id = p.operator_id
    JOIN region c ON c.id = p.country_id
    JOIN region m ON m.id = c.parent_id
    JOIN region r ON r.id = p.region_id
    LEFT JOIN region rp ON rp.id = r.parent_id AND rp.level = 'nuts1'
    WHERE p.deleted_at IS NULL AND p.in_cell_totals`);
  const anns = await t.query<{ id: number; plant_id: number; target_year: number; gwh: string; announced_on: string }>(`
    SELECT id, plant_id, target_year, gwh_per_year::text AS gwh, to_char(announced_on, 'YYYY-MM-DD') AS announced_on
    FROM capacity_announcement WHERE deleted_at IS NULL AND scope = 'milestone'`);
  const events = await t.query<{ id: number; plant_id: number; status: StatusEvent['status']; effective_on: string }>(`
    SELECT id, plant_id, status::text AS status, to_char(effective_on, 'YYYY-MM-DD') AS effective_on
    FROM plant_status_event WHERE deleted_at IS NULL`);
  return plants.map((p) => ({
    id: p.id,
    slug: p.slug,
    regionPath: p.region_path,
    keys: {
      total: 'europe', macro: p.macro, country: p.country, region: p.nuts1 ?? p.region,
      company: p.company, origin: p.origin, chemistry: p.chemistry, status: '',
    },
    announcements: anns.filter((a) => a.plant_id === p.id)
      .map((a) => ({ id: a.id, targetYear: a.target_year, gwhPerYear: Number(a.gwh), announcedOn: a.announced_on })),
    statusEvents: events.filter((e) => e.plant_id === p.id)
      .map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effective_on })),
  }));
}

/** Sum per group key for one year, the way a reader would add up the plant table. */
export function oracleTotals(
  plants: OraclePlant[],
  q: { scenario: Scenario; asOf: string; year: number; weights: StatusWeights; groupBy: Grouping; regionPath?: string },
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of plants) {
    if (q.regionPath && !p.regionPath.startsWith(q.regionPath)) continue;
    const gwh = plantCapacity(p, q.year, q.asOf, q.scenario, q.weights);
    if (gwh === 0) continue;
    const key = q.groupBy === 'status'
      ? [...p.statusEvents].filter((e) => e.effectiveOn <= q.asOf)
          .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id).at(-1)!.status
      : p.keys[q.groupBy];
    totals.set(key, (totals.get(key) ?? 0) + gwh);
  }
  return totals;
}
