import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';
import type { SourceRef } from './regions';

export interface RecentChange {
  kind: 'capacity' | 'status';
  date: string;
  plantSlug: string;
  plantName: string;
  /** "50 GWh/yr for 2030" or the new status. */
  detail: string;
  gwh: number | null;
  targetYear: number | null;
  status: string | null;
  source: SourceRef | null;
}

/** The latest capacity announcements and status changes known on `asOf`, newest first. */
export async function listRecentChanges(opts: { asOf: string; limit: number; regionPath?: string }): Promise<RecentChange[]> {
  const regionFilter = opts.regionPath ? Prisma.sql`AND r.path LIKE ${`${opts.regionPath}%`}` : Prisma.empty;
  const rows = await db().$queryRaw<{
    kind: 'capacity' | 'status'; date: string; slug: string; name: string; gwh: number | null;
    target_year: number | null; scope: string | null; status: string | null;
    url: string | null; publisher: string | null; title: string | null; published_on: string | null;
  }[]>`
    SELECT x.kind, to_char(x.d, 'YYYY-MM-DD') AS date, x.slug, x.name, x.gwh, x.target_year, x.scope, x.status,
           src.url, src.publisher, src.title, src.published_on
    FROM (
      SELECT 'capacity' AS kind, a.announced_on AS d, a.id, p.slug, p.name, a.gwh_per_year::float8 AS gwh,
             a.target_year, a.scope::text AS scope, NULL AS status, a.source_id
      FROM capacity_announcement a JOIN plant p ON p.id = a.plant_id JOIN region r ON r.id = p.region_id
      WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL AND a.announced_on <= ${opts.asOf}::date ${regionFilter}
      UNION ALL
      SELECT 'status', e.effective_on, e.id, p.slug, p.name, NULL, NULL, NULL, e.status::text, e.source_id
      FROM plant_status_event e JOIN plant p ON p.id = e.plant_id JOIN region r ON r.id = p.region_id
      WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL AND e.effective_on <= ${opts.asOf}::date ${regionFilter}
    ) x
    LEFT JOIN LATERAL (
      SELECT s.url, s.publisher, s.title, to_char(s.published_on, 'YYYY-MM-DD') AS published_on
      FROM source s WHERE s.id = x.source_id
    ) src ON true
    ORDER BY x.d DESC, x.kind, x.id DESC
    LIMIT ${opts.limit}`;
  return rows.map((r) => ({
    kind: r.kind,
    date: r.date,
    plantSlug: r.slug,
    plantName: r.name,
    gwh: r.gwh === null ? null : Number(r.gwh),
    targetYear: r.target_year,
    status: r.status,
    detail: r.kind === 'capacity'
      ? `${Number(r.gwh)} GWh/yr ${r.scope === 'long_term' ? 'long-term plan' : `for ${r.target_year}`}`
      : r.status!.replace('_', ' '),
    source: r.publisher ? { url: r.url, publisher: r.publisher, title: r.title!, publishedOn: r.published_on } : null,
  }));
}
