import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

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

/**
 * "How the 2030 pipeline eroded": the announced capacity for `targetYear` as it stood on each
 * date, and the largest single-plant drops between consecutive dates (cancellations,
 * insolvencies, downsizing). One query: every date × plant in PostgreSQL.
 */
export async function getPipelineHistory(opts: {
  dates: string[];
  targetYear: number;
  regionPath?: string;
  dropsPerDate?: number;
  minDropGwh?: number;
}): Promise<{ points: PipelinePoint[]; drops: PipelineDrop[] }> {
  const regionFilter = opts.regionPath
    ? Prisma.sql`AND r.path LIKE ${`${opts.regionPath}%`}`
    : Prisma.empty;
  const rows = await db().$queryRaw<{ kind: 'point' | 'drop'; as_of: string; gwh: number; slug: string | null; name: string | null; status: string | null }[]>`
    WITH d AS (SELECT unnest(${opts.dates}::date[]) AS as_of),
    pl AS (
      SELECT p.id, p.slug, p.name FROM plant p JOIN region r ON r.id = p.region_id
      WHERE p.deleted_at IS NULL AND p.in_cell_totals ${regionFilter}
    ),
    st AS (
      SELECT DISTINCT ON (d.as_of, e.plant_id) d.as_of, e.plant_id, e.status
      FROM d JOIN plant_status_event e ON e.effective_on <= d.as_of AND e.deleted_at IS NULL
      JOIN pl ON pl.id = e.plant_id
      ORDER BY d.as_of, e.plant_id, e.effective_on DESC, e.id DESC
    ),
    ann AS (
      SELECT DISTINCT ON (d.as_of, a.plant_id) d.as_of, a.plant_id, a.gwh_per_year
      FROM d JOIN capacity_announcement a
        ON a.announced_on <= d.as_of AND a.deleted_at IS NULL AND a.scope = 'milestone' AND a.target_year <= ${opts.targetYear}
      JOIN pl ON pl.id = a.plant_id
      ORDER BY d.as_of, a.plant_id, a.target_year DESC, a.announced_on DESC, a.id DESC
    ),
    v AS (
      SELECT d.as_of, pl.id AS plant_id, pl.slug, pl.name, st.status,
             CASE WHEN st.status IS NULL OR st.status = 'cancelled' THEN 0 ELSE COALESCE(ann.gwh_per_year, 0) END::float8 AS gwh
      FROM d CROSS JOIN pl
      LEFT JOIN st ON st.as_of = d.as_of AND st.plant_id = pl.id
      LEFT JOIN ann ON ann.as_of = d.as_of AND ann.plant_id = pl.id
    ),
    delta AS (
      SELECT v.*, v.gwh - LAG(v.gwh) OVER (PARTITION BY v.plant_id ORDER BY v.as_of) AS change
      FROM v
    ),
    ranked AS (
      SELECT delta.*, ROW_NUMBER() OVER (PARTITION BY as_of ORDER BY change) AS rank
      FROM delta WHERE change <= ${-(opts.minDropGwh ?? 5)}
    )
    SELECT 'point' AS kind, to_char(as_of, 'YYYY-MM-DD') AS as_of, ROUND(SUM(gwh)::numeric, 3)::float8 AS gwh,
           NULL AS slug, NULL AS name, NULL AS status
    FROM v GROUP BY as_of
    UNION ALL
    SELECT 'drop', to_char(as_of, 'YYYY-MM-DD'), ROUND(change::numeric, 3)::float8, slug, name, status::text
    FROM ranked WHERE rank <= ${opts.dropsPerDate ?? 2}
    ORDER BY 2, 1 DESC, 3`;
  return {
    points: rows.filter((r) => r.kind === 'point').map((r) => ({ asOf: r.as_of, gwh: Number(r.gwh) })),
    drops: rows.filter((r) => r.kind === 'drop').map((r) => ({
      asOf: r.as_of, plantSlug: r.slug!, plantName: r.name!, deltaGwh: Number(r.gwh), status: r.status ?? 'unknown',
    })),
  };
}
