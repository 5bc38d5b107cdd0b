import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { ContractFilters } from '../validation/contract-filters';
import { db } from './client';
import { CONTRACT_JOINS, contractWhereSql } from './contract-filter-sql';
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
      SELECT c.id, c.ref, c.signed_on, c.kind::text AS kind, c.status::text AS status,
             to_char(c.status_changed_on, 'YYYY-MM-DD') AS "statusChangedOn",
             json_build_object('slug', s.slug, 'name', s.name) AS supplier,
             json_build_object('slug', b.slug, 'name', b.name) AS buyer,
             CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('slug', p.slug, 'name', p.name) END AS plant,
             to_char(c.signed_on, 'YYYY-MM-DD') AS "signedOn", c.date_precision::text AS "datePrecision",
             c.start_year AS "startYear", c.end_year AS "endYear", c.duration_years AS "durationYears",
             c.volume_gwh::float8 AS "volumeGwh", c.volume_basis::text AS "volumeBasis",
             c.value_text AS "valueText", c.description
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
