import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Scenario, StatusWeights } from '../domain/capacity';

// The capacity rules (lib/domain/capacity.ts) in SQL, so aggregation runs in PostgreSQL:
//   st    the status of each plant on the as-of date
//   steps each plant's latest figure per target year known on the as-of date, valid for the
//         years [from_year, to_year) (LEAD() over the plant's target years)
//   py    one row per plant and year with the figure and the scenario factor
// `st` and `steps` come from the rollup tables that triggers keep (plant_current_status,
// plant_capacity_step) when the as-of date is on or after capacity_rollup_state.valid_from, and
// from the raw history otherwise. See docs/decisions/004-capacity-rollup.md.

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
}

/**
 * True when the rollup answers for `asOf`. Both branches of a rollup-or-history CTE sit in the
 * statement, each behind this (or its negation): an uncorrelated subquery, so PostgreSQL evaluates
 * it once as a one-time filter and never runs the branch not taken, and the choice is made in the
 * statement's own snapshot. A missing state row means the history.
 */
function rollupAnswers(asOf: string): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT rs.valid_from <= ${asOf}::date FROM capacity_rollup_state rs), FALSE)`;
}

/** The latest live status event of each plant on `asOf`, from the raw history. */
function statusHistory(asOf: string): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON (e.plant_id) e.plant_id, e.status, e.effective_on
       FROM plant_status_event e
       WHERE e.deleted_at IS NULL AND e.effective_on <= ${asOf}::date
       ORDER BY e.plant_id, e.effective_on DESC, e.id DESC`;
}

/**
 * Each plant's latest figure per target year known on `asOf`, from the raw history, as steps
 * (plant_id, from_year, to_year, gwh_per_year) valid for [from_year, to_year), the last to 100000.
 */
function stepsHistory(asOf: string): Prisma.Sql {
  return Prisma.sql`SELECT ann.plant_id, ann.target_year AS from_year,
             COALESCE(LEAD(ann.target_year) OVER (PARTITION BY ann.plant_id ORDER BY ann.target_year), 100000) AS to_year,
             ann.gwh_per_year
      FROM (
        SELECT DISTINCT ON (a.plant_id, a.target_year) a.plant_id, a.target_year, a.gwh_per_year
        FROM capacity_announcement a
        WHERE a.deleted_at IS NULL AND a.scope = 'milestone' AND a.announced_on <= ${asOf}::date
        ORDER BY a.plant_id, a.target_year, a.announced_on DESC, a.id DESC
      ) ann`;
}

/** `st(plant_id, status, effective_on)`: each plant's latest live status event on `asOf`. */
export function plantStatusCte(asOf: string): Prisma.Sql {
  return Prisma.sql`st AS (
      SELECT cs.plant_id, cs.status, cs.effective_on FROM plant_current_status cs WHERE ${rollupAnswers(asOf)}
      UNION ALL
      SELECT h.plant_id, h.status, h.effective_on FROM (${statusHistory(asOf)}) h WHERE NOT ${rollupAnswers(asOf)}
    )`;
}

/**
 * Per plant and year: figure × scenario factor, as `st` (the status on the as-of date) and `py`.
 * Shared by every capacity aggregate.
 */
export function plantYearsCte(q: CapacityParams): Prisma.Sql {
  const w = q.weights;
  const asOfYear = Number(q.asOf.slice(0, 4));
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
  // "Operational" looks up min(year, as-of year): a step starting after the as-of year never
  // applies, and the step holding the as-of year applies to every later year too.
  const stepEnd = q.scenario === 'operational'
    ? Prisma.sql`CASE WHEN s.to_year > ${asOfYear}::int THEN 100000 ELSE s.to_year END`
    : Prisma.sql`s.to_year`;
  const stepFilter = q.scenario === 'operational'
    ? Prisma.sql`AND s.from_year <= ${asOfYear}::int`
    : Prisma.empty;
  // Each step joins the years of the range it covers. The LIMIT never cuts (there are no more
  // years than that): it keeps the subquery per step, so PostgreSQL memoizes it per distinct
  // (from_year, to_year) instead of flattening it into a join that tests every year against
  // every step.
  const yearsLimit = Prisma.raw(String(Math.max(1, Math.trunc(q.toYear - q.fromYear + 1))));
  const regionFilter = q.regionPath
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM region pr WHERE pr.id = p.region_id AND pr.path LIKE ${`${q.regionPath}%`})`
    : Prisma.empty;
  const plantFilter = q.plantFilter ? Prisma.sql`AND (${q.plantFilter})` : Prisma.empty;
  const plantYears = (status: Prisma.Sql, steps: Prisma.Sql, gate: Prisma.Sql, stepsInRange: Prisma.Sql) => Prisma.sql`
      SELECT p.id AS plant_id, y.year, st.status,
             (s.gwh_per_year * (${factor}))::float8 AS gwh
      FROM plant p
      JOIN ${status} st ON st.plant_id = p.id
      JOIN ${steps} s ON s.plant_id = p.id ${stepFilter} ${stepsInRange}
      CROSS JOIN LATERAL (
        SELECT g.year FROM generate_series(${q.fromYear}::int, ${q.toYear}::int) AS g(year)
        WHERE g.year >= s.from_year AND g.year < ${stepEnd}
        LIMIT ${yearsLimit}
      ) y
      WHERE ${gate} AND p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter} ${plantFilter}`;
  // The whole per-plant join is written once per source, rather than joining a UNION ALL of
  // sources: PostgreSQL keeps no statistics for a UNION ALL's columns, and joining two of them
  // (status × steps) made it expect millions of rows, pick sort-merge joins and JIT-compile.
  // Only the rollup's steps are narrowed to the range up front (a plain filter on a table): on
  // the history's computed steps the planner cannot estimate it, and chose nested loops.
  const rollupStepsInRange = Prisma.sql`AND s.from_year <= ${q.toYear}::int AND ${stepEnd} > ${q.fromYear}::int`;
  return Prisma.sql`
    ${plantStatusCte(q.asOf)},
    py AS (
      ${plantYears(Prisma.sql`plant_current_status`, Prisma.sql`plant_capacity_step`, rollupAnswers(q.asOf), rollupStepsInRange)}
      UNION ALL
      ${plantYears(Prisma.sql`(${statusHistory(q.asOf)})`, Prisma.sql`(${stepsHistory(q.asOf)})`, Prisma.sql`NOT ${rollupAnswers(q.asOf)}`, Prisma.empty)}
    )`;
}
