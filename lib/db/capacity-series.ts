import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Grouping } from '../validation/capacity';
import { type CapacityParams, plantYearsCte } from './capacity-sql';
import { db } from './client';

export type { CapacityParams } from './capacity-sql';

const GROUP_KEY: Record<Grouping, Prisma.Sql> = {
  total: Prisma.sql`'europe'`,
  macro: Prisma.sql`m.slug`,
  country: Prisma.sql`c.slug`,
  region: Prisma.sql`COALESCE(rp.slug, r.slug)`,
  company: Prisma.sql`op.slug`,
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
  origin: Prisma.sql`op.origin::text`,
  chemistry: Prisma.sql`p.chemistry_family::text`,
  status: Prisma.sql`py.status::text`,
};

export interface CapacityPoint {
  key: string;
  label: string;
  year: number;
  gwh: number;
}

/** Capacity per group and year, summed in PostgreSQL. Years with no capacity are omitted. */
export async function getCapacitySeries(q: CapacityParams, groupBy: Grouping): Promise<CapacityPoint[]> {
  const rows = await db().$queryRaw<{ key: string; label: string; year: number; gwh: number }[]>(capacitySeriesSql(q, groupBy));
  return rows.map((row) => ({ ...row, year: Number(row.year), gwh: Number(row.gwh) }));
}

/** The statement behind getCapacitySeries (also run bare by the benchmark, as the database's floor). */
export function capacitySeriesSql(q: CapacityParams, groupBy: Grouping): Prisma.Sql {
  return Prisma.sql`
    WITH ${plantYearsCte(q)}
    SELECT ${GROUP_KEY[groupBy]} AS key, ${GROUP_LABEL[groupBy]} AS label, py.year,
           ROUND(SUM(py.gwh)::numeric, 3)::float8 AS gwh
    FROM py
    JOIN plant p ON p.id = py.plant_id
    JOIN company op ON op.id = p.operator_id
    JOIN region c ON c.id = p.country_id
    JOIN region m ON m.id = c.parent_id
    JOIN region r ON r.id = p.region_id
    LEFT JOIN region rp ON rp.id = r.parent_id AND rp.level = 'nuts1'
    GROUP BY 1, 2, 3
    HAVING SUM(py.gwh) > 0
    ORDER BY 3, 1`;
}

/** Total capacity in one year (0 when nothing counts). */
export async function getCapacityTotal(q: Omit<CapacityParams, 'fromYear' | 'toYear'>, year: number): Promise<number> {
  const [row] = await db().$queryRaw<{ gwh: number | null }[]>`
    WITH ${plantYearsCte({ ...q, fromYear: year, toYear: year })}
    SELECT ROUND(SUM(py.gwh)::numeric, 3)::float8 AS gwh FROM py`;
  return Number(row?.gwh ?? 0);
}
