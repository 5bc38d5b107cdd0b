import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { ContractFilters } from '../validation/contract-filters';

/**
 * WHERE conditions on `contract c` (joined to `company s` supplier, `company b` buyer and
 * `plant p` LEFT) for the contract filters. A year keeps contracts whose term covers it, with
 * the same reading as the offtake coverage: no start year = already started, no end year =
 * open-ended, a duration ends the term after that many years.
 */
export function contractWhereSql(f: ContractFilters): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`c.deleted_at IS NULL`];
  if (f.supplier.length) where.push(Prisma.sql`s.slug = ANY(${f.supplier}::text[])`);
  if (f.buyer.length) where.push(Prisma.sql`b.slug = ANY(${f.buyer}::text[])`);
  if (f.plant.length) where.push(Prisma.sql`p.slug = ANY(${f.plant}::text[])`);
  if (f.status.length) where.push(Prisma.sql`c.status = ANY(${f.status}::"ContractStatus"[])`);
  if (f.kind.length) where.push(Prisma.sql`c.kind = ANY(${f.kind}::"ContractKind"[])`);
  if (f.year !== null) {
    where.push(Prisma.sql`(c.start_year IS NULL OR c.start_year <= ${f.year}::int)
      AND (c.end_year IS NULL OR c.end_year >= ${f.year}::int)
      AND (c.duration_years IS NULL OR c.start_year IS NULL OR c.start_year + c.duration_years > ${f.year}::int)`);
  }
  return Prisma.join(where, ' AND ');
}

/** The columns of a contract list row (ContractListRow), over CONTRACT_JOINS; signed_on kept raw for ordering. */
export const CONTRACT_LIST_COLUMNS = Prisma.sql`
  c.id, c.ref, c.signed_on, c.kind::text AS kind, c.status::text AS status,
         to_char(c.status_changed_on, 'YYYY-MM-DD') AS "statusChangedOn",
         json_build_object('slug', s.slug, 'name', s.name) AS supplier,
         json_build_object('slug', b.slug, 'name', b.name) AS buyer,
         CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('slug', p.slug, 'name', p.name) END AS plant,
         to_char(c.signed_on, 'YYYY-MM-DD') AS "signedOn", c.date_precision::text AS "datePrecision",
         c.start_year AS "startYear", c.end_year AS "endYear", c.duration_years AS "durationYears",
         c.volume_gwh::float8 AS "volumeGwh", c.volume_basis::text AS "volumeBasis",
         c.value_text AS "valueText", c.description`;

export const CONTRACT_JOINS = Prisma.sql`
  FROM contract c
  JOIN company s ON s.id = c.supplier_id
  JOIN company b ON b.id = c.buyer_id
  LEFT JOIN plant p ON p.id = c.plant_id AND p.deleted_at IS NULL`;
