import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { explorerYears, type PlantFilters } from '../validation/plant-filters';
import type { PlantListRow } from './list-plants';
import { filteredPlantsSql, keysetAfterSql, orderBySql } from './plant-filter-sql';
import { readInBatches, type ReadInBatchesOptions } from './read-in-batches';

/** One explorer row with the source of every figure, for downloads. */
export interface PlantExportRow extends PlantListRow {
  partners: string | null;
  /** Source of the status on the as-of date. */
  statusSourceUrl: string | null;
  /** Source of the announcement each non-zero figure comes from (null when the figure is 0). */
  nowSourceUrl: string | null;
  yearSourceUrl: string | null;
  y2030SourceUrl: string | null;
  /** The plant's general sources, space-separated. */
  plantSourceUrls: string | null;
}

/**
 * Rows per FETCH (one download chunk), and how long the read may keep its transaction while the
 * downloader is not asking for more (read-in-batches.ts). A slow download therefore never holds a
 * connection, a snapshot or, on the embedded database, every other request.
 */
export const EXPORT_BATCH: ReadInBatchesOptions = { batchSize: 2000, idleMs: 2_000, maxSegmentMs: 15_000 };

/**
 * Of a plant's announcements `c`, the one the step rule picks for `year` (greatest target year
 * <= year, then latest announced, then highest id) as [target_year, day, id, source_id]: arrays
 * compare element by element, and ids are unique, so source_id only rides along.
 */
const latestUpTo = (year: number) =>
  Prisma.sql`max(ARRAY[c.target_year, c.announced_on - DATE '2000-01-01', c.id, c.source_id]) FILTER (WHERE c.target_year <= ${year}::int)`;

/**
 * The whole filtered set in the explorer's order (after `after`, for a resumed read), with the
 * source of every figure. Sources, partners and links are gathered for the whole set at once (a
 * pass over each table, hash-joined on the plant), not looked up row by row: four LATERAL lookups
 * and two subqueries per row took longer than computing the filtered set. The tables join `f`
 * rather than test `IN (SELECT id FROM f)`: with no statistics on `f`, the planner took that for
 * 200 plants and chose an index scan per plant.
 */
function exportPlantsSql(filters: PlantFilters, after: PlantExportRow | null): Prisma.Sql {
  const years = explorerYears(filters);
  // The step rule of lib/domain/capacity.ts: the announcement known on the as-of date with the
  // greatest target year <= the year, latest published first, then highest id. "Operational"
  // looks up min(year, as-of year).
  const lookup = (year: number) => (filters.scenario === 'operational' ? Math.min(year, years.now) : year);
  return Prisma.sql`
    ${filteredPlantsSql(filters)},
    fig AS (
      SELECT c.plant_id,
             (${latestUpTo(lookup(years.now))})[4] AS now_source_id,
             (${latestUpTo(lookup(years.y))})[4] AS year_source_id,
             (${latestUpTo(lookup(years.y2030))})[4] AS y2030_source_id
      FROM f JOIN capacity_announcement c ON c.plant_id = f.id
      WHERE c.deleted_at IS NULL AND c.scope = 'milestone'
        AND c.announced_on <= ${filters.asOf}::date
        AND c.target_year <= ${Math.max(lookup(years.now), lookup(years.y), lookup(years.y2030))}::int
      GROUP BY c.plant_id
    ),
    st_source AS (
      SELECT DISTINCT ON (e.plant_id) e.plant_id, e.source_id
      FROM f JOIN plant_status_event e ON e.plant_id = f.id
      WHERE e.deleted_at IS NULL AND e.effective_on <= ${filters.asOf}::date
      ORDER BY e.plant_id, e.effective_on DESC, e.id DESC
    ),
    partner AS (
      SELECT pp.plant_id, string_agg(pc.name || COALESCE(' ' || pp.stake_pct::text || '%', ''), '; ' ORDER BY pp.id) AS names
      FROM f JOIN plant_partner pp ON pp.plant_id = f.id JOIN company pc ON pc.id = pp.company_id
      GROUP BY pp.plant_id
    ),
    plant_urls AS (
      SELECT ps.plant_id, string_agg(s.url, ' ' ORDER BY s.url) AS urls
      FROM f JOIN plant_source ps ON ps.plant_id = f.id JOIN source s ON s.id = ps.source_id
      WHERE s.url IS NOT NULL
      GROUP BY ps.plant_id
    )
    SELECT f.*,
      partner.names AS partners,
      sts.url AS "statusSourceUrl",
      CASE WHEN f."nowGwh" > 0 THEN fns.url END AS "nowSourceUrl",
      CASE WHEN f."yearGwh" > 0 THEN fys.url END AS "yearSourceUrl",
      CASE WHEN f."y2030Gwh" > 0 THEN f30s.url END AS "y2030SourceUrl",
      plant_urls.urls AS "plantSourceUrls"
    FROM f
    LEFT JOIN partner ON partner.plant_id = f.id
    LEFT JOIN st_source ON st_source.plant_id = f.id
    LEFT JOIN source sts ON sts.id = st_source.source_id
    LEFT JOIN fig ON fig.plant_id = f.id
    LEFT JOIN source fns ON fns.id = fig.now_source_id
    LEFT JOIN source fys ON fys.id = fig.year_source_id
    LEFT JOIN source f30s ON f30s.id = fig.y2030_source_id
    LEFT JOIN plant_urls ON plant_urls.plant_id = f.id
    ${after ? Prisma.sql`WHERE ${keysetAfterSql(filters.sort, filters.dir, after)}` : Prisma.empty}
    ORDER BY ${orderBySql(filters.sort, filters.dir)}`;
}

/**
 * The whole filtered set in the explorer's order, in batches: one statement read through a
 * cursor, so the filtered set and its capacities are computed once, and memory stays at one
 * batch however many plants match. A read paused by a slow downloader resumes after the last row
 * it returned (keyset), so no row is skipped or repeated.
 */
export function exportPlantBatches(
  filters: PlantFilters,
  options: ReadInBatchesOptions = EXPORT_BATCH,
): AsyncGenerator<PlantExportRow[]> {
  return readInBatches<PlantExportRow>((after) => exportPlantsSql(filters, after), options);
}
