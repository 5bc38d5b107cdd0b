import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { explorerYears, type PlantFilters } from '../validation/plant-filters';
import type { PlantListRow } from './list-plants';
import { queryWithoutJit } from './without-jit';
import { filteredPlantsSql, keysetAfterSql, orderBySql } from './plant-filter-sql';

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
 * The source behind a figure: the announcement the step rule picks (known on the as-of date,
 * greatest target year <= the year, latest published first), as in lib/domain/capacity.ts.
 */
function figureSource(alias: string, lookupYear: Prisma.Sql, asOf: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
    SELECT s.url FROM capacity_announcement a LEFT JOIN source s ON s.id = a.source_id
    WHERE a.plant_id = f.id AND a.deleted_at IS NULL AND a.scope = 'milestone'
      AND a.announced_on <= ${asOf}::date AND a.target_year <= ${lookupYear}
    ORDER BY a.target_year DESC, a.announced_on DESC, a.id DESC LIMIT 1
  ) ${Prisma.raw(alias)} ON TRUE`;
}

/**
 * Batch sizes: the first small so the download starts at once, then doubling up to a cap. Each
 * batch recomputes capacity for the whole filtered set (plantYearsCte has no plant restriction),
 * so fewer, bigger batches keep a large export's time linear while memory stays at one batch.
 */
export const EXPORT_BATCH = { first: 1000, max: 10_000 } as const;
export const nextBatchSize = (size: number) => Math.min(size * 2, EXPORT_BATCH.max);

/**
 * The whole filtered set in the explorer's order, in batches read by keyset pagination (each
 * batch resumes after the last row of the one before), so memory stays at one batch however
 * many plants match.
 */
export async function* exportPlantBatches(filters: PlantFilters): AsyncGenerator<PlantExportRow[]> {
  let batchSize: number = EXPORT_BATCH.first;
  const years = explorerYears(filters);
  const lookup = (year: number) => filters.scenario === 'operational'
    ? Prisma.sql`LEAST(${year}::int, ${years.now}::int)`
    : Prisma.sql`${year}::int`;
  let last: PlantExportRow | null = null;
  for (;;) {
    const after: Prisma.Sql = last ? Prisma.sql`WHERE ${keysetAfterSql(filters.sort, filters.dir, last)}` : Prisma.empty;
    const rows = await queryWithoutJit<PlantExportRow[]>(Prisma.sql`
      ${filteredPlantsSql(filters)},
      b AS (SELECT f.* FROM f ${after} ORDER BY ${orderBySql(filters.sort, filters.dir)} LIMIT ${batchSize}::int)
      SELECT f.*,
        (SELECT string_agg(pc.name || COALESCE(' ' || pp.stake_pct::text || '%', ''), '; ' ORDER BY pp.id)
           FROM plant_partner pp JOIN company pc ON pc.id = pp.company_id WHERE pp.plant_id = f.id) AS partners,
        ss.url AS "statusSourceUrl",
        CASE WHEN f."nowGwh" > 0 THEN fn.url END AS "nowSourceUrl",
        CASE WHEN f."yearGwh" > 0 THEN fy.url END AS "yearSourceUrl",
        CASE WHEN f."y2030Gwh" > 0 THEN f30.url END AS "y2030SourceUrl",
        (SELECT string_agg(s.url, ' ' ORDER BY s.url) FROM plant_source ps JOIN source s ON s.id = ps.source_id
           WHERE ps.plant_id = f.id AND s.url IS NOT NULL) AS "plantSourceUrls"
      FROM b AS f
      LEFT JOIN LATERAL (
        SELECT s.url FROM plant_status_event e LEFT JOIN source s ON s.id = e.source_id
        WHERE e.plant_id = f.id AND e.deleted_at IS NULL AND e.effective_on <= ${filters.asOf}::date
        ORDER BY e.effective_on DESC, e.id DESC LIMIT 1
      ) ss ON TRUE
      ${figureSource('fn', lookup(years.now), filters.asOf)}
      ${figureSource('fy', lookup(years.y), filters.asOf)}
      ${figureSource('f30', lookup(years.y2030), filters.asOf)}
      ORDER BY ${orderBySql(filters.sort, filters.dir)}`);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    last = rows.at(-1)!;
    batchSize = nextBatchSize(batchSize);
  }
}
