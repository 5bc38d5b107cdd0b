import 'server-only';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { queryWithoutJit } from './without-jit';

export interface PipelinePoint {
  asOf: string;
  /** Announced capacity for the target year, as it stood on asOf (cancelled plants excluded). */
  gwh: number;
}

export interface PipelineDrop {
  asOf: string;
  plantSlug: string;
  plantName: string;
  /** Change since the previous date, negative for a drop. */
  deltaGwh: number;
  /** The plant's status on asOf. */
  status: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "How the 2030 pipeline eroded": the announced capacity for `targetYear` as it stood on each
 * date, and the largest single-plant drops between consecutive dates (cancellations,
 * insolvencies, downsizing; ties broken by plant id).
 *
 * It reads the capacity rule where every other figure does: the materialised steps and statuses
 * (plant_capacity_step, plant_status_span), each valid for a range of as-of dates. A plant's
 * figure for the target year is constant on each overlap of a step covering the year and a status
 * span; each such piece adds its figure at the first date on or after it starts and takes it off at
 * the first date on or after it ends, so the totals are running sums and a plant's change between
 * two dates is the sum of its pieces' edges in between. Run without JIT: compiling buys nothing here.
 */
export async function getPipelineHistory(opts: {
  /** YYYY-MM-DD; any order, duplicates count once. */
  dates: string[];
  targetYear: number;
  regionPath?: string;
  dropsPerDate?: number;
  /** A drop is a change of at most -minDropGwh; must be positive. */
  minDropGwh?: number;
}): Promise<{ points: PipelinePoint[]; drops: PipelineDrop[] }> {
  const minDropGwh = opts.minDropGwh ?? 5;
  if (!(minDropGwh > 0)) throw new AppError('invalid', 'minDropGwh must be positive');
  // Sorted as text, which is date order for YYYY-MM-DD only.
  if (!opts.dates.every((d) => ISO_DATE.test(d))) throw new AppError('invalid', 'dates must be YYYY-MM-DD');
  const dates = [...new Set(opts.dates)].sort();
  if (dates.length === 0) return { points: [], drops: [] };
  const regionFilter = opts.regionPath ? Prisma.sql`AND starts_with(r.path, ${opts.regionPath})` : Prisma.empty;
  const last = dates.at(-1)!;
  const rows = await queryWithoutJit<{ kind: 'point' | 'drop'; as_of: string; gwh: number; slug: string | null; name: string | null; status: string | null }[]>(Prisma.sql`
    WITH pl AS (
      SELECT p.id FROM plant p JOIN region r ON r.id = p.region_id
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter}
    ),
    -- Where a plant's figure for the target year holds, over as-of dates: a step covering the year
    -- overlapping a status span in which it counts (not cancelled before the target year).
    piece AS (
      SELECT s.plant_id, GREATEST(s.known_from, st.known_from) AS known_from, LEAST(s.known_to, st.known_to) AS known_to,
             s.gwh_per_year AS gwh
      FROM plant_capacity_step s
      JOIN pl ON pl.id = s.plant_id
      JOIN plant_status_span st ON st.plant_id = s.plant_id
        AND st.known_from < s.known_to AND s.known_from < st.known_to
      WHERE s.from_year <= ${opts.targetYear}::int AND ${opts.targetYear}::int < s.to_year
        AND s.known_from <= ${last}::date AND st.known_from <= ${last}::date
        AND NOT (st.status = 'cancelled' AND ${opts.targetYear}::int >= EXTRACT(YEAR FROM st.effective_on))
    ),
    -- Each piece's two edges, in bucket b: the index of the first date on or after the edge
    -- (dates[b - 1] < edge <= dates[b]); edges after the last date fall outside.
    edge AS (
      SELECT plant_id, width_bucket(known_from - 1, ${dates}::date[]) + 1 AS b, gwh AS delta FROM piece
      UNION ALL
      SELECT plant_id, width_bucket(known_to - 1, ${dates}::date[]) + 1, -gwh FROM piece WHERE known_to <= ${last}::date
    ),
    chg AS (
      SELECT plant_id, b, SUM(delta) AS delta FROM edge GROUP BY plant_id, b HAVING SUM(delta) <> 0
    ),
    per_bucket AS (SELECT b, SUM(delta) AS delta FROM chg GROUP BY b),
    ranked AS (
      SELECT c.b, c.plant_id, c.delta::float8 AS change, ROW_NUMBER() OVER (PARTITION BY c.b ORDER BY c.delta, c.plant_id) AS rank
      FROM chg c WHERE c.b >= 2 AND c.delta <= ${-minDropGwh}
    )
    SELECT 'point' AS kind, to_char((${dates}::date[])[i], 'YYYY-MM-DD') AS as_of,
           ROUND(SUM(COALESCE(per_bucket.delta, 0)) OVER (ORDER BY i), 3)::float8 AS gwh,
           NULL AS slug, NULL AS name, NULL AS status, 0 AS rank
    FROM generate_subscripts(${dates}::date[], 1) AS i LEFT JOIN per_bucket ON per_bucket.b = i
    WHERE EXISTS (SELECT 1 FROM pl)
    UNION ALL
    SELECT 'drop', to_char((${dates}::date[])[ranked.b], 'YYYY-MM-DD'), ROUND(ranked.change::numeric, 3)::float8,
           p.slug, p.name, st.status::text, ranked.rank
    FROM ranked JOIN plant p ON p.id = ranked.plant_id
    LEFT JOIN plant_status_span st ON st.plant_id = ranked.plant_id
      AND st.known_from <= (${dates}::date[])[ranked.b] AND (${dates}::date[])[ranked.b] < st.known_to
    WHERE ranked.rank <= ${opts.dropsPerDate ?? 2}
    ORDER BY 2, 1 DESC, 3, 7`);
  return {
    points: rows.filter((r) => r.kind === 'point').map((r) => ({ asOf: r.as_of, gwh: Number(r.gwh) })),
    drops: rows.filter((r) => r.kind === 'drop').map((r) => ({
      asOf: r.as_of, plantSlug: r.slug!, plantName: r.name!, deltaGwh: Number(r.gwh), status: r.status ?? 'unknown',
    })),
  };
}
