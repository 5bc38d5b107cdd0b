import 'server-only';
import { cache } from 'react';
import { TARGET_YEAR, type StatusWeights } from '../domain/capacity';
import { PLANT_STATUSES, type PlantStatus } from '../domain/plant-status';
import { Prisma } from '../generated/prisma/client';
import { type CapacityTotal, getCapacityTotal } from './capacity-series';
import { plantStatusCte } from './capacity-sql';
import { db } from './client';

export interface Headline {
  asOf: string;
  asOfYear: number;
  /** What is operational on the as-of date, in the as-of year (nameplate, not output). */
  operationalNow: CapacityTotal;
  /** Every plant not cancelled, at its dated figure for TARGET_YEAR. */
  announced2030: CapacityTotal;
  riskWeighted2030: CapacityTotal;
  /**
   * Plants counted in announced2030 with no dated figure for it but a long-term ("full build-out")
   * figure: what the "with long-term plans" option adds.
   */
  longTermOnly2030: { gwh: number; plants: number };
  /** Each plant not cancelled at the largest figure it has announced (long-term or dated), known on the as-of date. */
  fullBuildOut: { gwh: number; plants: number };
  /** Cell plants known on the as-of date (module/pack sites are listed but not counted), by their status then. */
  plantsByStatus: Record<PlantStatus, number>;
  plantCount: number;
  countryCount: number;
  /** The newest date a fact in view became public (≤ the as-of date): "data current to". */
  dataCurrentTo: string | null;
}

const regionFilter = (regionPath?: string) => (regionPath
  ? Prisma.sql`AND EXISTS (SELECT 1 FROM region pr WHERE pr.id = p.region_id AND starts_with(pr.path, ${regionPath}))`
  : Prisma.empty);

/**
 * The headline figures of a view (Europe or a region, on an as-of date, with risk weights): the
 * one place the dashboard sentence and cards, region pages, the explorer summary, the summary API
 * and region claims take them from, so they cannot disagree. Deduplicated within a render.
 */
export const getHeadline = cache(async (asOf: string, weights: StatusWeights, regionPath?: string): Promise<Headline> => {
  const asOfYear = Number(asOf.slice(0, 4));
  const base = { asOf, weights, regionPath };
  const [operationalNow, announced2030, riskWeighted2030, withLongTerm, [counts], [plan], [fresh]] = await Promise.all([
    getCapacityTotal({ ...base, scenario: 'operational' }, asOfYear),
    getCapacityTotal({ ...base, scenario: 'announced' }, TARGET_YEAR),
    getCapacityTotal({ ...base, scenario: 'risk_weighted' }, TARGET_YEAR),
    getCapacityTotal({ ...base, scenario: 'announced', longTerm: true }, TARGET_YEAR),
    db().$queryRaw<{ by_status: Record<string, number> | null; plants: number; countries: number }[]>`
      WITH ${plantStatusCte(asOf)}
      SELECT jsonb_object_agg(x.status, x.n) AS by_status, COALESCE(SUM(x.n), 0)::int AS plants,
             (SELECT COUNT(DISTINCT p.country_id)::int FROM plant p JOIN st ON st.plant_id = p.id
              WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter(regionPath)}) AS countries
      FROM (
        SELECT st.status::text AS status, COUNT(*)::int AS n
        FROM plant p JOIN st ON st.plant_id = p.id
        WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter(regionPath)}
        GROUP BY st.status
      ) x`,
    db().$queryRaw<{ gwh: number | null; plants: number }[]>`
      WITH ${plantStatusCte(asOf)}
      SELECT ROUND(SUM(GREATEST(lt.gwh_per_year, s.top))::numeric, 3)::float8 AS gwh, COUNT(*)::int AS plants
      FROM plant p
      JOIN st ON st.plant_id = p.id AND st.status <> 'cancelled'
      LEFT JOIN long_term_on(${asOf}::date) lt ON lt.plant_id = p.id
      LEFT JOIN (SELECT c.plant_id, MAX(c.gwh_per_year) AS top FROM capacity_steps_on(${asOf}::date) c GROUP BY c.plant_id) s ON s.plant_id = p.id
      WHERE p.deleted_at IS NULL AND p.in_cell_totals AND (lt.plant_id IS NOT NULL OR s.plant_id IS NOT NULL) ${regionFilter(regionPath)}`,
    db().$queryRaw<{ d: string | null }[]>`
      SELECT to_char(GREATEST(
        (SELECT MAX(a.known_on) FROM capacity_announcement a JOIN plant p ON p.id = a.plant_id
          WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL AND a.known_on <= ${asOf}::date ${regionFilter(regionPath)}),
        (SELECT MAX(e.known_on) FROM plant_status_event e JOIN plant p ON p.id = e.plant_id
          WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL AND e.known_on <= ${asOf}::date ${regionFilter(regionPath)})
      ), 'YYYY-MM-DD') AS d`,
  ]);
  const plantsByStatus = Object.fromEntries(PLANT_STATUSES.map((s) => [s, counts?.by_status?.[s] ?? 0])) as Record<PlantStatus, number>;
  return {
    asOf,
    asOfYear,
    operationalNow,
    announced2030,
    riskWeighted2030,
    longTermOnly2030: {
      gwh: Math.round((withLongTerm.gwh - announced2030.gwh) * 1000) / 1000,
      plants: announced2030.undisclosedPlants - withLongTerm.undisclosedPlants,
    },
    fullBuildOut: { gwh: Number(plan?.gwh ?? 0), plants: plan?.plants ?? 0 },
    plantsByStatus,
    plantCount: counts?.plants ?? 0,
    countryCount: counts?.countries ?? 0,
    dataCurrentTo: fresh?.d ?? null,
  };
});
