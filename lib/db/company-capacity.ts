import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Scenario } from '../domain/capacity';
import { DEFAULT_WEIGHTS } from '../domain/capacity';
import type { Attribution } from '../validation/plant-filters';
import { attributionCte } from './attribution-sql';
import { plantYearsCte } from './capacity-sql';
import { db } from './client';

export interface CompanyCapacityQuery {
  attribution: Attribution;
  scenario: Scenario;
  asOf: string;
  fromYear: number;
  toYear: number;
  /** Only these companies (all when omitted or empty). */
  companySlugs?: string[];
  /** One series per company (default), or per plant of the selected companies. */
  groupBy?: 'company' | 'plant';
}

export interface CompanyCapacityPoint {
  key: string; label: string; year: number; gwh: number;
  /** Part of it comes from an equal split of unpublished stakes (ultimate-parent attribution). */
  estimated: boolean;
}

/**
 * Capacity attributed to companies per year, summed in PostgreSQL: by operator, by equity share or
 * by ultimate parent, with ownership as it stood and was known on the as-of date (attributionCte),
 * so adding up every company gives Europe's total exactly once. Points with no capacity are omitted.
 */
export async function getCompanyCapacity(q: CompanyCapacityQuery): Promise<CompanyCapacityPoint[]> {
  const byPlant = q.groupBy === 'plant';
  const only = q.companySlugs?.length ? Prisma.sql`WHERE co.slug = ANY(${q.companySlugs}::text[])` : Prisma.empty;
  const rows = await db().$queryRaw<CompanyCapacityPoint[]>`
    WITH ${plantYearsCte({ scenario: q.scenario, asOf: q.asOf, fromYear: q.fromYear, toYear: q.toYear, weights: DEFAULT_WEIGHTS })},
    ${attributionCte(q.attribution, q.asOf)}
    SELECT ${byPlant ? Prisma.sql`p.slug` : Prisma.sql`co.slug`} AS key,
           ${byPlant ? Prisma.sql`p.name` : Prisma.sql`co.name`} AS label,
           py.year, ROUND(SUM(py.gwh * a.share)::numeric, 3)::float8 AS gwh, bool_or(a.estimated) AS estimated
    FROM py
    JOIN attr a ON a.plant_id = py.plant_id
    JOIN company co ON co.id = a.company_id
    JOIN plant p ON p.id = py.plant_id
    ${only}
    GROUP BY 1, 2, 3
    HAVING SUM(py.gwh * a.share) > 0
    ORDER BY 3, 1`;
  return rows.map((r) => ({ ...r, year: Number(r.year), gwh: Number(r.gwh) }));
}
