import 'server-only';
import { CONTRACT_PAGE_SIZE, type ContractFilters } from '../validation/contract-filters';
import { db } from './client';
import { CONTRACT_JOINS, CONTRACT_LIST_COLUMNS, contractWhereSql } from './contract-filter-sql';
import type { SourceRef } from './regions';

export interface ContractListRow {
  ref: string;
  kind: string;
  status: string;
  statusChangedOn: string | null;
  supplier: { slug: string; name: string };
  buyer: { slug: string; name: string };
  plant: { slug: string; name: string } | null;
  signedOn: string | null;
  datePrecision: string;
  startYear: number | null;
  endYear: number | null;
  durationYears: number | null;
  volumeGwh: number | null;
  volumeBasis: 'per_year' | 'total' | null;
  valueText: string | null;
  description: string | null;
  sources: SourceRef[];
}

export interface ContractListPage { rows: ContractListRow[]; total: number; page: number; pageCount: number }

/**
 * Contracts matching the filters, newest signature first (unknown dates last), with their
 * sources; cancelled and terminated ones included unless a status filter leaves them out.
 */
export async function listContracts(f: ContractFilters, pageSize = CONTRACT_PAGE_SIZE): Promise<ContractListPage> {
  const [result] = await db().$queryRaw<{ total: number; rows: ContractListRow[] }[]>`
    WITH m AS (
      SELECT ${CONTRACT_LIST_COLUMNS}
      ${CONTRACT_JOINS}
      WHERE ${contractWhereSql(f)}
    ),
    pg AS (
      SELECT m.*, row_number() OVER (ORDER BY m.signed_on DESC NULLS LAST, m.ref COLLATE "C") AS rn
      FROM m ORDER BY rn LIMIT ${pageSize}::int OFFSET ${(f.page - 1) * pageSize}::int
    )
    SELECT (SELECT COUNT(*)::int FROM m) AS total,
      (SELECT COALESCE(json_agg((to_jsonb(pg) - 'rn' - 'id' - 'signed_on') || jsonb_build_object('sources', (
          SELECT COALESCE(json_agg(json_build_object('url', src.url, 'publisher', src.publisher, 'title', src.title,
                   'publishedOn', to_char(src.published_on, 'YYYY-MM-DD')) ORDER BY src.published_on NULLS LAST, src.id), '[]'::json)
          FROM contract_source cs JOIN source src ON src.id = cs.source_id WHERE cs.contract_id = pg.id))
        ORDER BY rn), '[]'::json) FROM pg) AS rows`;
  const total = result?.total ?? 0;
  return { rows: result?.rows ?? [], total, page: f.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
