import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { ContractFilters } from '../validation/contract-filters';
import { db } from './client';
import { CONTRACT_JOINS, CONTRACT_LIST_COLUMNS, contractWhereSql } from './contract-filter-sql';
import type { ContractListRow } from './list-contracts';

/** Where the next page starts: the last row's signature date and ref. */
export interface ContractKeyset { signedOn: string | null; ref: string }

/**
 * The contracts page's filtered set (contract-filter-sql.ts) in its order — newest signature
 * first, undated last, then ref — `limit` rows after `after` (keyset pagination), with the total.
 */
export async function listContractsAfter(
  f: ContractFilters,
  opts: { after: ContractKeyset | null; limit: number },
): Promise<{ rows: ContractListRow[]; total: number }> {
  const a = opts.after;
  const after = !a
    ? Prisma.empty
    : a.signedOn === null
      ? Prisma.sql`AND c.signed_on IS NULL AND c.ref COLLATE "C" > ${a.ref}`
      : Prisma.sql`AND (c.signed_on < ${a.signedOn}::date OR (c.signed_on = ${a.signedOn}::date AND c.ref COLLATE "C" > ${a.ref}) OR c.signed_on IS NULL)`;
  const [result] = await db().$queryRaw<{ total: number; rows: ContractListRow[] }[]>`
    WITH m AS (
      SELECT ${CONTRACT_LIST_COLUMNS}
      ${CONTRACT_JOINS}
      WHERE ${contractWhereSql(f)}
    ),
    pg AS (
      SELECT c.* FROM m c WHERE TRUE ${after}
      ORDER BY c.signed_on DESC NULLS LAST, c.ref COLLATE "C" LIMIT ${opts.limit}::int
    )
    SELECT (SELECT COUNT(*)::int FROM m) AS total,
      (SELECT COALESCE(json_agg((to_jsonb(pg) - 'id' - 'signed_on') || jsonb_build_object('sources', (
          SELECT COALESCE(json_agg(json_build_object('url', src.url, 'publisher', src.publisher, 'title', src.title,
                   'publishedOn', to_char(src.published_on, 'YYYY-MM-DD')) ORDER BY src.published_on NULLS LAST, src.id), '[]'::json)
          FROM contract_source cs JOIN source src ON src.id = cs.source_id WHERE cs.contract_id = pg.id))
        ORDER BY pg.signed_on DESC NULLS LAST, pg.ref COLLATE "C"), '[]'::json) FROM pg) AS rows`;
  return { rows: result?.rows ?? [], total: result?.total ?? 0 };
}
