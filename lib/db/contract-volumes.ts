import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { ContractFilters } from '../validation/contract-filters';
import { db } from './client';
import { CONTRACT_JOINS, contractWhereSql } from './contract-filter-sql';

export const CONTRACT_STATE_GROUPS = {
  live: ['active', 'planned'],
  disrupted: ['disrupted'],
  ended: ['cancelled', 'terminated', 'superseded', 'expired'],
} as const;
export type ContractStateGroup = keyof typeof CONTRACT_STATE_GROUPS;

export interface ContractVolume { key: string; label: string; state: ContractStateGroup; gwh: number; contracts: number }
export interface ContractVolumes {
  byBuyer: ContractVolume[];
  bySupplier: ContractVolume[];
  /** Matching contracts whose volume is not published per year (undisclosed or a total only). */
  withoutAnnualVolume: number;
}

const STATE_SQL = Prisma.sql`CASE WHEN c.status IN ('active', 'planned') THEN 'live'
  WHEN c.status = 'disrupted' THEN 'disrupted' ELSE 'ended' END`;

/**
 * Contracted GWh per year of the matching contracts, per buyer and per supplier and split by
 * the contract's state, summed in PostgreSQL. Only volumes published per year count; the
 * others are counted, never guessed.
 */
export async function getContractVolumes(f: ContractFilters): Promise<ContractVolumes> {
  const by = (side: 's' | 'b') => db().$queryRaw<ContractVolume[]>`
    SELECT ${Prisma.raw(side)}.slug AS key, ${Prisma.raw(side)}.name AS label, ${STATE_SQL} AS state,
           ROUND(SUM(c.volume_gwh)::numeric, 3)::float8 AS gwh, COUNT(*)::int AS contracts
    ${CONTRACT_JOINS}
    WHERE ${contractWhereSql(f)} AND c.volume_basis = 'per_year' AND c.volume_gwh IS NOT NULL
    GROUP BY 1, 2, 3
    ORDER BY 1, 3`;
  const [byBuyer, bySupplier, [missing]] = await Promise.all([
    by('b'),
    by('s'),
    db().$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n ${CONTRACT_JOINS}
      WHERE ${contractWhereSql(f)} AND (c.volume_basis IS DISTINCT FROM 'per_year' OR c.volume_gwh IS NULL)`,
  ]);
  return { byBuyer, bySupplier, withoutAnnualVolume: missing?.n ?? 0 };
}
