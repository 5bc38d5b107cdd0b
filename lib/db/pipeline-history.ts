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
  status: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "How the 2030 pipeline eroded": the announced capacity for `targetYear` as it stood on each
 * date, and the largest single-plant drops between consecutive dates (cancellations,
 * insolvencies, downsizing; ties broken by plant id).
 *
 * A plant's figure only changes on its own announcement and status-event dates, so the query
 * sweeps over those events instead of evaluating every date × plant (4–9 s → ~0.5 s at 20,000
 * plants): each event goes to the first requested date on or after it, running maxima per plant
 * give its winning announcement and latest status on each date where it has events, and the
 * totals are running sums of the plants' changes. Run without JIT: at that size the plan's
 * estimated cost is near the JIT threshold, and compiling (~70 ms) buys nothing here.
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
  // Only plants with events between two dates are drop candidates: exact while a drop must be negative.
  if (!(minDropGwh > 0)) throw new AppError('invalid', 'minDropGwh must be positive');
  // Sorted as text, which is date order for YYYY-MM-DD only.
  if (!opts.dates.every((d) => ISO_DATE.test(d))) throw new AppError('invalid', 'dates must be YYYY-MM-DD');
  const dates = [...new Set(opts.dates)].sort();
  if (dates.length === 0) return { points: [], drops: [] };
  const regionFilter = opts.regionPath
    ? Prisma.sql`AND r.path LIKE ${`${opts.regionPath}%`}`
    : Prisma.empty;
  const rows = await queryWithoutJit<{ kind: 'point' | 'drop'; as_of: string; gwh: number; slug: string | null; name: string | null; status: string | null }[]>(Prisma.sql`
    WITH pl AS (
      SELECT p.id FROM plant p JOIN region r ON r.id = p.region_id
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter}
    ),
    -- Every event up to the last date, in bucket b: the index of the first date on or after it
    -- (dates[b - 1] < day <= dates[b]). Each carries a number whose maximum picks the rule's row:
    -- ann_key orders announcements by (target_year, announced_on, id) and ends with the figure
    -- in thousandths; st_key orders status events by (effective_on, id) and ends with 1 when
    -- cancelled. The CHECK constraints bound every field (years and dates 2000–2060, GWh ≥ 0
    -- with 3 decimals below 10^6), and ids are int4 (below 10^10).
    ev AS (
      SELECT a.plant_id, width_bucket(a.announced_on - 1, ${dates}::date[]) + 1 AS b,
             ((a.target_year * 100000 + (a.announced_on - DATE '2000-01-01')) * 10000000000::bigint + a.id)::numeric * 1e9
               + a.gwh_per_year * 1000 AS ann_key,
             NULL::bigint AS st_key
      FROM capacity_announcement a JOIN pl ON pl.id = a.plant_id
      WHERE a.deleted_at IS NULL AND a.scope = 'milestone' AND a.target_year <= ${opts.targetYear}
        AND a.announced_on <= ${dates.at(-1)}::date
      UNION ALL
      SELECT e.plant_id, width_bucket(e.effective_on - 1, ${dates}::date[]) + 1, NULL,
             (e.effective_on - DATE '2000-01-01') * 100000000000 + e.id::bigint * 10 + (e.status = 'cancelled')::int
      FROM plant_status_event e JOIN pl ON pl.id = e.plant_id
      WHERE e.deleted_at IS NULL AND e.effective_on <= ${dates.at(-1)}::date
    ),
    -- Running maxima to the end of each bucket (events in the same bucket are peers, so all
    -- count), turned into the plant's figure in thousandths of a GWh.
    upto AS (
      SELECT plant_id, b, LEAD(b) OVER w AS next_b, max(st_key) OVER w AS st_key,
             CASE WHEN max(st_key) OVER w IS NULL OR max(st_key) OVER w % 10 = 1 THEN 0
                  ELSE COALESCE(max(ann_key) OVER w % 1e9, 0) END AS milli
      FROM ev WINDOW w AS (PARTITION BY plant_id ORDER BY b)
    ),
    -- One row per plant and bucket with events: its figure on dates[b] and on dates[b - 1].
    chg AS (
      SELECT plant_id, b, st_key, milli, COALESCE(LAG(milli) OVER w, 0) AS milli_before
      FROM upto WHERE next_b IS DISTINCT FROM b WINDOW w AS (PARTITION BY plant_id ORDER BY b)
    ),
    -- Per bucket, the change of the total and the plants whose figure fell (the drop candidates).
    per_bucket AS (
      SELECT b, SUM(milli - milli_before) AS delta,
             array_agg(plant_id) FILTER (WHERE milli < milli_before) AS fell_plant,
             array_agg(st_key) FILTER (WHERE milli < milli_before) AS fell_st_key,
             -- The difference of the two figures as float8, as before: whether a drop of "exactly"
             -- minDropGwh counts depends on their binary rounding (0.3 − 0.2 < 0.1).
             array_agg((milli / 1000)::float8 - (milli_before / 1000)::float8) FILTER (WHERE milli < milli_before) AS fell_change
      FROM chg GROUP BY b
    ),
    ranked AS (
      SELECT b, c.*, ROW_NUMBER() OVER (PARTITION BY b ORDER BY c.change, c.plant_id) AS rank
      FROM per_bucket, unnest(fell_plant, fell_st_key, fell_change) AS c(plant_id, st_key, change)
      WHERE b >= 2 AND c.change <= ${-minDropGwh}
    )
    SELECT 'point' AS kind, to_char((${dates}::date[])[i], 'YYYY-MM-DD') AS as_of,
           ROUND(SUM(COALESCE(per_bucket.delta, 0)) OVER (ORDER BY i) / 1000, 3)::float8 AS gwh,
           NULL AS slug, NULL AS name, NULL AS status, 0 AS rank
    FROM generate_subscripts(${dates}::date[], 1) AS i LEFT JOIN per_bucket ON per_bucket.b = i
    WHERE EXISTS (SELECT 1 FROM pl)
    UNION ALL
    SELECT 'drop', to_char((${dates}::date[])[b], 'YYYY-MM-DD'), ROUND(change::numeric, 3)::float8,
           p.slug, p.name, e.status::text, rank
    FROM ranked JOIN plant p ON p.id = ranked.plant_id
    LEFT JOIN plant_status_event e ON e.id = ranked.st_key % 100000000000 / 10
    WHERE rank <= ${opts.dropsPerDate ?? 2}
    ORDER BY 2, 1 DESC, 3, 7`);
  return {
    points: rows.filter((r) => r.kind === 'point').map((r) => ({ asOf: r.as_of, gwh: Number(r.gwh) })),
    drops: rows.filter((r) => r.kind === 'drop').map((r) => ({
      asOf: r.as_of, plantSlug: r.slug!, plantName: r.name!, deltaGwh: Number(r.gwh), status: r.status ?? 'unknown',
    })),
  };
}
