import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { PlantFilters } from '../validation/plant-filters';
import { db } from './client';
import type { PlantListRow } from './list-plants';
import { filteredPlantsSql, type KeysetRow, keysetAfterSql, orderBySql } from './plant-filter-sql';

/**
 * The explorer's filtered set in its order, `limit` rows after `after` (keyset pagination for the
 * public API: a page never skips or repeats rows when others are added), with the size of the
 * whole set. Filters, sort and capacity rules are the explorer's own (plant-filter-sql.ts).
 */
export async function listPlantsAfter(
  filters: PlantFilters,
  opts: { after: KeysetRow | null; limit: number },
): Promise<{ rows: PlantListRow[]; total: number }> {
  const after = opts.after ? Prisma.sql`WHERE ${keysetAfterSql(filters.sort, filters.dir, opts.after)}` : Prisma.empty;
  const [result] = await db().$queryRaw<{ total: number; rows: PlantListRow[] }[]>`
    ${filteredPlantsSql(filters)},
    page AS (
      SELECT f.*, row_number() OVER (ORDER BY ${orderBySql(filters.sort, filters.dir)}) AS rn
      FROM f ${after}
      ORDER BY ${orderBySql(filters.sort, filters.dir)} LIMIT ${opts.limit}::int
    )
    SELECT (SELECT COUNT(*)::int FROM f) AS total,
      (SELECT COALESCE(json_agg(to_jsonb(page) - 'rn' ORDER BY rn), '[]'::json) FROM page) AS rows`;
  return { rows: result?.rows ?? [], total: result?.total ?? 0 };
}
