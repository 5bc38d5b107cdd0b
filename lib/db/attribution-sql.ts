import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Attribution } from '../validation/plant-filters';

/**
 * `attr(plant_id, company_id, share, estimated)`: whose capacity a plant's capacity is on the
 * as-of date, as fractions that add up to 1 per plant, so summing attributed capacity over
 * companies never double-counts a JV. Ownership is dated (plant_operator, plant_partner,
 * company_parent), read as it stood and was known on `asOf` through the SQL functions of the
 * bitemporal migration:
 * - operator: the operator on `asOf` holds 1.
 * - equity: each partner with a published stake on `asOf` holds stake/100; the operator holds the
 *   remainder. Stakes adding up to more than 100% (rounding in filings) are scaled down to 100%.
 * - parent: the equity shares, each followed up its company's group to the ultimate owners
 *   (company_ultimate_owners_on: a parent above 50% takes all; unpublished stakes in a company
 *   with no controlling parent share what published stakes leave, equally — `estimated`).
 */
export function attributionCte(mode: Attribution, asOf: string): Prisma.Sql {
  if (mode === 'operator') {
    return Prisma.sql`attr AS (
      SELECT o.plant_id, o.company_id, 1::float8 AS share, FALSE AS estimated FROM plant_operator_on(${asOf}::date) o
    )`;
  }
  const equity = Prisma.sql`stakes AS (
      SELECT pp.plant_id, pp.company_id, pp.stake_pct / 100 AS s
      FROM plant_partners_on(${asOf}::date) pp WHERE pp.stake_pct > 0
    ),
    stake_total AS (SELECT plant_id, SUM(s) AS total FROM stakes GROUP BY plant_id),
    shares AS (
      SELECT k.plant_id, k.company_id, k.s / GREATEST(t.total, 1) AS share
      FROM stakes k JOIN stake_total t ON t.plant_id = k.plant_id
      UNION ALL
      SELECT o.plant_id, o.company_id, 1 - LEAST(COALESCE(t.total, 0), 1)
      FROM plant_operator_on(${asOf}::date) o LEFT JOIN stake_total t ON t.plant_id = o.plant_id
    ),
    ${Prisma.raw(mode === 'equity' ? 'attr' : 'eq')} AS (
      SELECT plant_id, company_id, SUM(share)::float8 AS share, FALSE AS estimated
      FROM shares GROUP BY plant_id, company_id HAVING SUM(share) > 0
    )`;
  if (mode === 'equity') return equity;
  return Prisma.sql`${equity},
    attr AS (
      SELECT eq.plant_id, u.owner_id AS company_id, SUM(eq.share * u.share)::float8 AS share, bool_or(u.estimated) AS estimated
      FROM eq JOIN company_ultimate_owners_on(${asOf}::date) u ON u.company_id = eq.company_id
      GROUP BY eq.plant_id, u.owner_id
    )`;
}
