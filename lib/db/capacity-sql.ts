import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Scenario, StatusWeights } from '../domain/capacity';

// The capacity rules (lib/domain/capacity.ts) in SQL, so aggregation runs in PostgreSQL:
//   st    the status of each plant on the as-of date
//   ann   the latest figure per plant and target year known on the as-of date
//   steps each figure's validity [from_year, to_year) via LEAD() over the plant's target years
//   py    one row per plant and year with the figure and the scenario factor

export interface CapacityParams {
  scenario: Scenario;
  asOf: string;
  fromYear: number;
  toYear: number;
  weights: StatusWeights;
  /** Path prefix of a region ("/western-europe/france/"): only plants inside it. */
  regionPath?: string;
}

/** Per plant and year: figure × scenario factor. Shared by every capacity aggregate. */
export function plantYearsCte(q: CapacityParams): Prisma.Sql {
  const w = q.weights;
  const asOfYear = Number(q.asOf.slice(0, 4));
  const lookupYear = q.scenario === 'operational'
    ? Prisma.sql`LEAST(y.year, ${asOfYear}::int)`
    : Prisma.sql`y.year`;
  const factor =
    q.scenario === 'operational'
      ? Prisma.sql`CASE WHEN st.status = 'operational' THEN 1 ELSE 0 END`
      : q.scenario === 'announced'
        ? Prisma.sql`CASE WHEN st.status = 'cancelled' AND y.year >= EXTRACT(YEAR FROM st.effective_on) THEN 0 ELSE 1 END`
        : Prisma.sql`CASE st.status
            WHEN 'cancelled' THEN CASE WHEN y.year < EXTRACT(YEAR FROM st.effective_on) THEN 1 ELSE 0 END
            WHEN 'operational' THEN ${w.operational}::float8
            WHEN 'under_construction' THEN ${w.under_construction}::float8
            WHEN 'announced' THEN ${w.announced}::float8
            WHEN 'paused' THEN ${w.paused}::float8 END`;
  const regionFilter = q.regionPath
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM region pr WHERE pr.id = p.region_id AND pr.path LIKE ${`${q.regionPath}%`})`
    : Prisma.empty;
  return Prisma.sql`
    st AS (
      SELECT DISTINCT ON (e.plant_id) e.plant_id, e.status, e.effective_on
      FROM plant_status_event e
      WHERE e.deleted_at IS NULL AND e.effective_on <= ${q.asOf}::date
      ORDER BY e.plant_id, e.effective_on DESC, e.id DESC
    ),
    ann AS (
      SELECT DISTINCT ON (a.plant_id, a.target_year) a.plant_id, a.target_year, a.gwh_per_year
      FROM capacity_announcement a
      WHERE a.deleted_at IS NULL AND a.scope = 'milestone' AND a.announced_on <= ${q.asOf}::date
      ORDER BY a.plant_id, a.target_year, a.announced_on DESC, a.id DESC
    ),
    steps AS (
      SELECT plant_id, target_year AS from_year,
             COALESCE(LEAD(target_year) OVER (PARTITION BY plant_id ORDER BY target_year), 100000) AS to_year,
             gwh_per_year
      FROM ann
    ),
    py AS (
      SELECT p.id AS plant_id, y.year, st.status,
             (s.gwh_per_year * (${factor}))::float8 AS gwh
      FROM plant p
      JOIN st ON st.plant_id = p.id
      CROSS JOIN generate_series(${q.fromYear}::int, ${q.toYear}::int) AS y(year)
      JOIN steps s ON s.plant_id = p.id
        AND ${lookupYear} >= s.from_year AND ${lookupYear} < s.to_year
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter}
    )`;
}
