import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

export interface OfftakeCoverage {
  year: number;
  /** Σ per-year volumes of live cell-supply contracts covering the year, in GWh/yr. */
  contractedGwh: number;
  /** Live cell-supply contracts covering the year whose volume is not public. */
  undisclosedCount: number;
  contractCount: number;
}

/**
 * How much cell output is contracted to buyers in `year`, as known on `asOf`: contracts for cells
 * or modules (not power, not MoUs) whose latest event known and in effect by then leaves them
 * active or planned, whose period covers the year (no end year counts as open-ended; no start
 * year as already started), with a per-year volume. Contracts with undisclosed volumes are
 * counted separately, never guessed.
 */
export async function getOfftakeCoverage(year: number, asOf: string, regionPath?: string): Promise<OfftakeCoverage> {
  const regionFilter = regionPath
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM plant p JOIN region r ON r.id = p.region_id
                             WHERE p.id = c.plant_id AND starts_with(r.path, ${regionPath}))`
    : Prisma.empty;
  const [row] = await db().$queryRaw<{ contracted: number | null; undisclosed: number; total: number }[]>`
    SELECT ROUND(SUM(c.volume_gwh) FILTER (WHERE c.volume_basis = 'per_year')::numeric, 3)::float8 AS contracted,
           COUNT(*) FILTER (WHERE c.volume_basis IS DISTINCT FROM 'per_year')::int AS undisclosed,
           COUNT(*)::int AS total
    FROM contract c
    JOIN LATERAL (
      SELECT e.status FROM contract_event e
      WHERE e.contract_id = c.id AND e.deleted_at IS NULL AND e.effective_on <= ${asOf}::date AND e.known_on <= ${asOf}::date
      ORDER BY e.effective_on DESC, e.id DESC LIMIT 1
    ) now ON TRUE
    WHERE c.deleted_at IS NULL
      AND c.kind IN ('cell_supply', 'captive_jv_supply', 'captive_group_supply', 'ess_supply', 'module_supply')
      AND now.status IN ('active', 'planned')
      AND (c.start_year IS NULL OR c.start_year <= ${year})
      AND (c.end_year IS NULL OR c.end_year >= ${year})
      AND (c.duration_years IS NULL OR c.start_year IS NULL OR c.start_year + c.duration_years > ${year})
      ${regionFilter}`;
  return {
    year,
    contractedGwh: Number(row?.contracted ?? 0),
    undisclosedCount: row?.undisclosed ?? 0,
    contractCount: row?.total ?? 0,
  };
}
