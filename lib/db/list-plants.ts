import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { PlantStatus } from '../domain/plant-status';
import type { PlantFilters } from '../validation/plant-filters';
import { db } from './client';
import { filteredPlantsSql, orderBySql } from './plant-filter-sql';

export interface PlantListRow {
  id: number;
  ref: string;
  slug: string;
  name: string;
  city: string;
  countryCode: string;
  countryName: string;
  regionName: string;
  operatorSlug: string;
  operatorName: string;
  origin: string;
  /** Status on the as-of date, and since when. */
  status: PlantStatus;
  statusSince: string;
  chemistryFamily: string;
  segment: string;
  startYear: number | null;
  /** False for module/pack sites: listed, but their capacity is not counted (0). */
  inCellTotals: boolean;
  /** Capacity in the as-of year, in year Y and in 2030 under the scenario, GWh/yr; null: not disclosed. */
  nowGwh: number | null;
  yearGwh: number | null;
  y2030Gwh: number | null;
  /** Fraction attributed to the selected companies (operator, equity or parent rule); null without a company filter. */
  share: number | null;
  /** A planned milestone has passed with no newer fact (plant_review_due). */
  reviewDue: boolean;
}

export interface PlantListSummary {
  count: number;
  /** Sums of the disclosed figures. */
  nowGwh: number;
  yearGwh: number;
  y2030Gwh: number;
  /** Plants of the set whose figure is not disclosed (left out of the sums), per column. */
  undisclosed: { nowGwh: number; yearGwh: number; y2030Gwh: number };
  /** Capacity attributed to the selected companies; null without a company filter. */
  attributed: { nowGwh: number; yearGwh: number; y2030Gwh: number } | null;
}

export interface PlantListPage {
  rows: PlantListRow[];
  summary: PlantListSummary;
  page: number;
  pageSize: number;
  /** At least 1, even for an empty set. */
  pageCount: number;
}

/**
 * One page of the explorer, sorted, with the summary of the whole filtered set — filtering,
 * sorting, paging and sums all in one PostgreSQL statement (the filtered set is built once).
 * A page past the end returns no rows and the real page count.
 */
export async function listPlants(filters: PlantFilters): Promise<PlantListPage> {
  const { page, size } = filters;
  const sum = (col: string, weighted: boolean) =>
    Prisma.sql`ROUND(COALESCE(SUM(${Prisma.raw(`"${col}"`)}${weighted ? Prisma.sql` * share` : Prisma.empty}), 0)::numeric, 3)::float8`;
  const [result] = await db().$queryRaw<{ summary: Omit<PlantListSummary, 'attributed'> & { aNow: number | null; aYear: number | null; a2030: number | null }; rows: PlantListRow[] }[]>`
    ${filteredPlantsSql(filters)},
    page AS (
      SELECT f.*, row_number() OVER (ORDER BY ${orderBySql(filters.sort, filters.dir)}) AS rn
      FROM f ORDER BY rn LIMIT ${size}::int OFFSET ${(page - 1) * size}::int
    )
    SELECT
      (SELECT json_build_object(
         'count', COUNT(*)::int, 'nowGwh', ${sum('nowGwh', false)}, 'yearGwh', ${sum('yearGwh', false)}, 'y2030Gwh', ${sum('y2030Gwh', false)},
         'undisclosed', json_build_object('nowGwh', COUNT(*) FILTER (WHERE "nowGwh" IS NULL)::int,
           'yearGwh', COUNT(*) FILTER (WHERE "yearGwh" IS NULL)::int, 'y2030Gwh', COUNT(*) FILTER (WHERE "y2030Gwh" IS NULL)::int),
         'aNow', CASE WHEN bool_and(share IS NOT NULL) THEN ${sum('nowGwh', true)} END,
         'aYear', CASE WHEN bool_and(share IS NOT NULL) THEN ${sum('yearGwh', true)} END,
         'a2030', CASE WHEN bool_and(share IS NOT NULL) THEN ${sum('y2030Gwh', true)} END)
       FROM f) AS summary,
      (SELECT COALESCE(json_agg(to_jsonb(page) - 'rn' ORDER BY rn), '[]'::json) FROM page) AS rows`;
  if (!result) throw new Error('listPlants: no result row');
  const { aNow, aYear, a2030, ...totals } = result.summary;
  const attributed = filters.company.length > 0
    ? { nowGwh: aNow ?? 0, yearGwh: aYear ?? 0, y2030Gwh: a2030 ?? 0 }
    : null;
  return {
    rows: result.rows,
    summary: { ...totals, attributed },
    page,
    pageSize: size,
    pageCount: Math.max(1, Math.ceil(totals.count / size)),
  };
}
