import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Grouping } from '../validation/capacity';
import { attributionCte } from './attribution-sql';
import { type CapacityParams, plantYearsCte } from './capacity-sql';
import { db } from './client';

export type { CapacityParams } from './capacity-sql';

const GROUP_KEY: Record<Grouping, Prisma.Sql> = {
  total: Prisma.sql`'europe'`,
  macro: Prisma.sql`m.slug`,
  country: Prisma.sql`c.slug`,
  region: Prisma.sql`COALESCE(rp.slug, r.slug)`,
  company: Prisma.sql`op.slug`,
  parent: Prisma.sql`op.slug`,
  origin: Prisma.sql`op.origin::text`,
  chemistry: Prisma.sql`p.chemistry_family::text`,
  status: Prisma.sql`py.status::text`,
};

const GROUP_LABEL: Record<Grouping, Prisma.Sql> = {
  total: Prisma.sql`'Europe'`,
  macro: Prisma.sql`m.name`,
  country: Prisma.sql`c.name`,
  region: Prisma.sql`COALESCE(rp.name, r.name)`,
  company: Prisma.sql`op.name`,
  parent: Prisma.sql`op.name`,
  origin: Prisma.sql`op.origin::text`,
  chemistry: Prisma.sql`p.chemistry_family::text`,
  status: Prisma.sql`py.status::text`,
};

export interface CapacityPoint {
  key: string;
  label: string;
  year: number;
  /** The disclosed figures' sum (GWh/yr). */
  gwh: number;
  /** Plants the group counts that year whose figure is not disclosed (left out of `gwh`). */
  undisclosedPlants: number;
  /** Group by ultimate parent: part of `gwh` comes from an equal split of unpublished stakes. */
  estimated?: boolean;
}

/**
 * Capacity per group and year, summed in PostgreSQL. Years where a group has neither capacity nor
 * an undisclosed plant are omitted. Companies (and origins) are the operators on the as-of date;
 * `parent` attributes each plant to its ultimate owners then (attribution-sql.ts).
 */
export async function getCapacitySeries(q: CapacityParams, groupBy: Grouping): Promise<CapacityPoint[]> {
  const rows = await db().$queryRaw<{ key: string; label: string; year: number; gwh: number; undisclosed: number; estimated: boolean }[]>(capacitySeriesSql(q, groupBy));
  return rows.map((row) => ({
    key: row.key, label: row.label, year: Number(row.year), gwh: Number(row.gwh), undisclosedPlants: Number(row.undisclosed),
    ...(groupBy === 'parent' ? { estimated: row.estimated } : {}),
  }));
}

/** The statement behind getCapacitySeries (also run bare by the benchmark, as the database's floor). */
export function capacitySeriesSql(q: CapacityParams, groupBy: Grouping): Prisma.Sql {
  const byParent = groupBy === 'parent';
  const share = byParent ? Prisma.sql` * a.share` : Prisma.empty;
  return Prisma.sql`
    WITH ${plantYearsCte(q)},
    ${attributionCte(byParent ? 'parent' : 'operator', q.asOf)}
    SELECT ${GROUP_KEY[groupBy]} AS key, ${GROUP_LABEL[groupBy]} AS label, py.year,
           ROUND(COALESCE(SUM(py.gwh${share}), 0)::numeric, 3)::float8 AS gwh,
           COUNT(DISTINCT py.plant_id) FILTER (WHERE py.gwh IS NULL)::int AS undisclosed,
           COALESCE(bool_or(a.estimated), FALSE) AS estimated
    FROM py
    JOIN attr a ON a.plant_id = py.plant_id
    JOIN plant p ON p.id = py.plant_id
    JOIN company op ON op.id = a.company_id
    JOIN region c ON c.id = p.country_id
    JOIN region m ON m.id = c.parent_id
    JOIN region r ON r.id = p.region_id
    LEFT JOIN region rp ON rp.id = r.parent_id AND rp.level = 'nuts1'
    GROUP BY 1, 2, 3
    HAVING SUM(py.gwh${share}) > 0 OR COUNT(*) FILTER (WHERE py.gwh IS NULL) > 0
    ORDER BY 3, 1`;
}

export interface CapacityTotal {
  gwh: number;
  /** Counted plants whose figure for the year is not disclosed (left out of `gwh`). */
  undisclosedPlants: number;
}

/** Total capacity in one year, with the number of counted plants whose figure is not disclosed. */
export async function getCapacityTotal(q: Omit<CapacityParams, 'fromYear' | 'toYear'>, year: number): Promise<CapacityTotal> {
  const [row] = await db().$queryRaw<{ gwh: number | null; undisclosed: number }[]>`
    WITH ${plantYearsCte({ ...q, fromYear: year, toYear: year })}
    SELECT ROUND(SUM(py.gwh)::numeric, 3)::float8 AS gwh,
           COUNT(DISTINCT py.plant_id) FILTER (WHERE py.gwh IS NULL)::int AS undisclosed
    FROM py`;
  return { gwh: Number(row?.gwh ?? 0), undisclosedPlants: Number(row?.undisclosed ?? 0) };
}
