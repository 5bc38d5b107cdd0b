import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { Attribution } from '../validation/plant-filters';

/**
 * `attr(plant_id, company_id, share)`: whose capacity a plant's capacity is, as fractions that
 * add up to 1 per plant, so summing attributed capacity over companies never double-counts a JV.
 * - operator: the operator holds 1.
 * - equity: each partner with a published stake holds stake/100; the operator holds the
 *   remainder. A plant without stakes stays 1 with its operator. Stakes adding up to more than
 *   100% (rounding in filings) are scaled down to 100%, leaving the operator 0.
 * Stakes carry no dates, so the split is today's at every as-of date.
 */
export function attributionCte(mode: Attribution): Prisma.Sql {
  if (mode === 'operator') {
    return Prisma.sql`attr AS (
      SELECT p.id AS plant_id, p.operator_id AS company_id, 1::float8 AS share
      FROM plant p WHERE p.deleted_at IS NULL
    )`;
  }
  return Prisma.sql`stakes AS (
      SELECT pp.plant_id, pp.company_id, pp.stake_pct / 100 AS s
      FROM plant_partner pp WHERE pp.stake_pct > 0
    ),
    stake_total AS (SELECT plant_id, SUM(s) AS total FROM stakes GROUP BY plant_id),
    shares AS (
      SELECT k.plant_id, k.company_id, k.s / GREATEST(t.total, 1) AS share
      FROM stakes k JOIN stake_total t ON t.plant_id = k.plant_id
      UNION ALL
      SELECT p.id, p.operator_id, 1 - LEAST(COALESCE(t.total, 0), 1)
      FROM plant p LEFT JOIN stake_total t ON t.plant_id = p.id
      WHERE p.deleted_at IS NULL
    ),
    attr AS (
      SELECT plant_id, company_id, SUM(share)::float8 AS share
      FROM shares GROUP BY plant_id, company_id HAVING SUM(share) > 0
    )`;
}
