import 'server-only';
import { TARGET_YEAR, type Scenario, type StatusWeights } from '../domain/capacity';
import { Prisma } from '../generated/prisma/client';

// The scenarios on top of the capacity rule. The rule itself ("the capacity of a plant in year Y,
// as known on D") has one definition, capacity_steps_known() in the migration
// prisma/migrations/20261202174229_bitemporal/migration.sql; triggers keep it materialised per
// plant and as-of date, and this file reads it with capacity_steps_on(D), plant_status_on(D) and
// long_term_on(D) (docs/decisions/007-bitemporal-capacity.md):
//   st  each plant's status on the as-of date (plants not yet known then have none)
//   py  one row per plant and year: the figure × the scenario's factor, or NULL where the plant
//       counts but its figure for that year was not disclosed

export interface CapacityParams {
  scenario: Scenario;
  asOf: string;
  fromYear: number;
  toYear: number;
  weights: StatusWeights;
  /** Path prefix of a region ("/western-europe/france/"): only plants inside it. */
  regionPath?: string;
  /**
   * Only plants passing this condition, on `p` (plant) and `st` (its status on the as-of date),
   * so a filtered view computes capacity for its own plants only.
   */
  plantFilter?: Prisma.Sql;
  /**
   * Count a plant's long-term ("full build-out") figure from TARGET_YEAR on, where it has no dated
   * figure for the year: the "with long-term plans" option. Off by default.
   */
  longTerm?: boolean;
}

/** `st(plant_id, status, effective_on)`: each plant's status on `asOf`, as known on `asOf`. */
export function plantStatusCte(asOf: string): Prisma.Sql {
  return Prisma.sql`st AS (SELECT s.plant_id, s.status, s.effective_on FROM plant_status_on(${asOf}::date) s)`;
}

/** The share of a plant-year's figure a scenario counts, on `st` and the year `y.year`. */
function scenarioFactor(q: CapacityParams): Prisma.Sql {
  const w = q.weights;
  if (q.scenario === 'operational') return Prisma.sql`CASE WHEN st.status = 'operational' THEN 1 ELSE 0 END`;
  if (q.scenario === 'announced') {
    return Prisma.sql`CASE WHEN st.status = 'cancelled' AND y.year >= EXTRACT(YEAR FROM st.effective_on) THEN 0 ELSE 1 END`;
  }
  return Prisma.sql`CASE st.status
      WHEN 'cancelled' THEN CASE WHEN y.year < EXTRACT(YEAR FROM st.effective_on) THEN 1 ELSE 0 END
      WHEN 'operational' THEN ${w.operational}::float8
      WHEN 'under_construction' THEN ${w.under_construction}::float8
      WHEN 'announced' THEN ${w.announced}::float8
      WHEN 'paused' THEN ${w.paused}::float8 END`;
}

/**
 * Per plant and year: figure × scenario factor (NULL: counted, but not disclosed), as `st` and
 * `py(plant_id, year, status, gwh, announcement_id)`. Shared by every capacity aggregate.
 */
export function plantYearsCte(q: CapacityParams): Prisma.Sql {
  const asOfYear = Number(q.asOf.slice(0, 4));
  const factor = scenarioFactor(q);
  const operational = q.scenario === 'operational';
  // "Operational" looks up min(year, as-of year): what exists now, with no expansion. So a step
  // starting after the as-of year never applies, and the one holding the as-of year holds on.
  const stepEnd = operational
    ? Prisma.sql`CASE WHEN s.to_year > ${asOfYear}::int THEN 100000 ELSE s.to_year END`
    : Prisma.sql`s.to_year`;
  const stepFilter = operational ? Prisma.sql`AND s.from_year <= ${asOfYear}::int` : Prisma.empty;
  const lookup = operational ? Prisma.sql`LEAST(g.year, ${asOfYear}::int)` : Prisma.sql`g.year`;
  // Each step joins the years of the range it covers. The LIMIT never cuts (there are no more
  // years than that): it keeps the subquery per step, so PostgreSQL memoizes it per distinct
  // (from_year, to_year) instead of flattening it into a join testing every year against every step.
  const yearsLimit = Prisma.raw(String(Math.max(1, Math.trunc(q.toYear - q.fromYear + 1))));
  const regionFilter = q.regionPath
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM region pr WHERE pr.id = p.region_id AND starts_with(pr.path, ${q.regionPath}))`
    : Prisma.empty;
  const plantFilter = q.plantFilter ? Prisma.sql`AND (${q.plantFilter})` : Prisma.empty;
  const longTerm = q.longTerm
    ? { join: Prisma.sql`LEFT JOIN long_term_on(${q.asOf}::date) lt ON lt.plant_id = p.id`,
        gwh: Prisma.sql`CASE WHEN y.year >= ${TARGET_YEAR}::int THEN lt.gwh_per_year END`,
        id: Prisma.sql`CASE WHEN y.year >= ${TARGET_YEAR}::int THEN lt.announcement_id END` }
    : { join: Prisma.empty, gwh: Prisma.sql`NULL::numeric`, id: Prisma.sql`NULL::int` };
  return Prisma.sql`
    ${plantStatusCte(q.asOf)},
    py AS (
      SELECT p.id AS plant_id, y.year, st.status, (s.gwh_per_year * (${factor}))::float8 AS gwh, s.announcement_id
      FROM plant p
      JOIN st ON st.plant_id = p.id
      JOIN capacity_steps_on(${q.asOf}::date) s ON s.plant_id = p.id ${stepFilter}
        AND s.from_year <= ${q.toYear}::int AND ${stepEnd} > ${q.fromYear}::int
      CROSS JOIN LATERAL (
        SELECT g.year FROM generate_series(${q.fromYear}::int, ${q.toYear}::int) AS g(year)
        WHERE g.year >= s.from_year AND g.year < ${stepEnd}
        LIMIT ${yearsLimit}
      ) y
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter} ${plantFilter}
      UNION ALL
      -- Unknown is not zero: the years a counted plant has no figure for, because it never
      -- disclosed one, or because it is operational but its first figure is for a later year.
      SELECT p.id, y.year, st.status, (${longTerm.gwh} * (${factor}))::float8, ${longTerm.id}
      FROM plant p
      JOIN st ON st.plant_id = p.id
      LEFT JOIN LATERAL (
        SELECT MIN(s.from_year) AS first_year FROM capacity_steps_on(${q.asOf}::date) s WHERE s.plant_id = p.id
      ) f ON TRUE
      ${longTerm.join}
      CROSS JOIN LATERAL (
        SELECT g.year FROM generate_series(${q.fromYear}::int, ${q.toYear}::int) AS g(year)
        WHERE ${lookup} < COALESCE(f.first_year, 100000)
          AND (f.first_year IS NULL OR ${lookup} >= EXTRACT(YEAR FROM st.effective_on))
      ) y
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter} ${plantFilter}
        AND (f.first_year IS NULL OR st.status = 'operational')
        AND (${factor}) <> 0
    )`;
}
