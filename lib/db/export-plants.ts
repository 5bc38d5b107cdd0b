import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { explorerYears, type PlantFilters } from '../validation/plant-filters';
import type { PlantListRow } from './list-plants';
import { filteredPlantsSql, keysetAfterSql, orderBySql } from './plant-filter-sql';
import { readInBatches, type ReadInBatchesOptions } from './read-in-batches';

/** One explorer row with the source of every figure, for downloads. */
export interface PlantExportRow extends PlantListRow {
  /** The partners on the as-of date, by name, with their stake where published. */
  partners: string | null;
  /** Source of the status on the as-of date. */
  statusSourceUrl: string | null;
  /** Source of the announcement each non-zero figure comes from (null when the figure is 0 or not disclosed). */
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
 * The whole filtered set in the explorer's order (after `after`, for a resumed read), with the
 * source of every figure. Sources, partners and links are gathered for the whole set at once (a
 * pass over each table, hash-joined on the plant), not looked up row by row: four LATERAL lookups
 * and two subqueries per row took longer than computing the filtered set. The tables join `f`
 * rather than test `IN (SELECT id FROM f)`: with no statistics on `f`, the planner took that for
 * 200 plants and chose an index scan per plant.
 */
function exportPlantsSql(filters: PlantFilters, after: PlantExportRow | null): Prisma.Sql {
  const years = explorerYears(filters);
  // The figure's source is the announcement of the capacity step the figure comes from
  // (capacity_steps_on: the rule in the bitemporal migration). "Operational" looks up min(year, as-of year).
  const lookup = (year: number) => (filters.scenario === 'operational' ? Math.min(year, years.now) : year);
  const stepFor = (year: number) => Prisma.sql`MAX(s.announcement_id) FILTER (WHERE s.from_year <= ${year}::int AND ${year}::int < s.to_year)`;
  return Prisma.sql`
    ${filteredPlantsSql(filters)},
    fig AS (
      SELECT s.plant_id,
             ${stepFor(lookup(years.now))} AS now_ann, ${stepFor(lookup(years.y))} AS year_ann, ${stepFor(lookup(years.y2030))} AS y2030_ann
      FROM f JOIN capacity_steps_on(${filters.asOf}::date) s ON s.plant_id = f.id
      GROUP BY s.plant_id
    ),
    st_source AS (
      SELECT st.plant_id, e.source_id
      FROM f JOIN plant_status_on(${filters.asOf}::date) st ON st.plant_id = f.id JOIN plant_status_event e ON e.id = st.event_id
    ),
    partner AS (
      SELECT pp.plant_id, string_agg(pc.name || COALESCE(' ' || pp.stake_pct::text || '%', ''), '; ' ORDER BY pc.name COLLATE "C", pc.id) AS names
      FROM f JOIN plant_partners_on(${filters.asOf}::date) pp ON pp.plant_id = f.id JOIN company pc ON pc.id = pp.company_id
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
    LEFT JOIN capacity_announcement fna ON fna.id = fig.now_ann LEFT JOIN source fns ON fns.id = fna.source_id
    LEFT JOIN capacity_announcement fya ON fya.id = fig.year_ann LEFT JOIN source fys ON fys.id = fya.source_id
    LEFT JOIN capacity_announcement f3a ON f3a.id = fig.y2030_ann LEFT JOIN source f30s ON f30s.id = f3a.source_id
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
