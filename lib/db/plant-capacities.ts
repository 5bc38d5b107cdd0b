import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { PlantStatus } from '../domain/plant-status';
import { attributionCte } from './attribution-sql';
import { type CapacityParams, plantYearsCte } from './capacity-sql';
import { db } from './client';

export interface PlantCapacityRow {
  slug: string;
  name: string;
  operator: string;
  operatorSlug: string;
  city: string;
  countryCode: string;
  countrySlug: string;
  countryName: string;
  lat: number | null;
  lon: number | null;
  /** Status on the as-of date. */
  status: PlantStatus;
  /** Capacity in `year` under the scenario (0 when none counts); null: counted, but not disclosed. */
  gwh: number | null;
  inCellTotals: boolean;
}

/**
 * Every plant known on the as-of date (inside the region, if given) with its operator then and
 * its capacity in one year, largest first, undisclosed figures after the disclosed ones. Plants
 * with no figure yet are included at 0.
 */
export async function listPlantCapacities(
  q: Omit<CapacityParams, 'fromYear' | 'toYear'>,
  year: number,
): Promise<PlantCapacityRow[]> {
  const regionFilter = q.regionPath
    ? Prisma.sql`AND starts_with(r.path, ${q.regionPath})`
    : Prisma.empty;
  const rows = await db().$queryRaw<(Omit<PlantCapacityRow, 'lat' | 'lon'> & { lat: string | null; lon: string | null })[]>`
    WITH ${plantYearsCte({ ...q, fromYear: year, toYear: year })},
    ${attributionCte('operator', q.asOf)}
    SELECT p.slug, p.name, op.name AS operator, op.slug AS "operatorSlug", p.city,
           c.code AS "countryCode", c.slug AS "countrySlug", c.name AS "countryName", p.lat::text AS lat, p.lon::text AS lon,
           st.status::text AS status,
           CASE WHEN py.plant_id IS NULL THEN 0 ELSE py.gwh END::float8 AS gwh, p.in_cell_totals AS "inCellTotals"
    FROM plant p
    JOIN st ON st.plant_id = p.id
    JOIN attr a ON a.plant_id = p.id
    JOIN company op ON op.id = a.company_id
    JOIN region c ON c.id = p.country_id
    JOIN region r ON r.id = p.region_id
    LEFT JOIN py ON py.plant_id = p.id
    WHERE p.deleted_at IS NULL ${regionFilter}
    ORDER BY gwh DESC NULLS LAST, p.name`;
  return rows.map((r) => ({
    ...r,
    gwh: r.gwh === null ? null : Number(r.gwh),
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
  }));
}
