import 'server-only';
import { Prisma } from '../generated/prisma/client';
import type { ChangeKind } from '../validation/api/changes';
import { db } from './client';
import type { SourceRef } from './regions';

export interface ChangeFilters {
  /** Only changes to plants inside this region path (contracts through their plant). */
  regionPath?: string;
  /** Only changes to plants these companies operate or hold a stake in, and their contracts (either side). */
  companies: string[];
  /** Empty: every kind. */
  kinds: ChangeKind[];
  /** Inclusive date bounds, YYYY-MM-DD. */
  since?: string;
  until?: string;
}

/** Where the next page starts: date, table rank (contract 3, capacity 2, status 1) and row id, all descending. */
export interface ChangeKeyset { date: string; rank: number; id: number }

export interface ChangeRow {
  /** Stable: "<table>:<row id>". */
  id: string;
  kind: ChangeKind;
  /** When it happened in the world: status date, announcement date, signature date (else the contract's first source's date). */
  date: string;
  /** When the tracker recorded it (ISO 8601). */
  recordedAt: string;
  plant: { slug: string; name: string; countryCode: string | null; regionName: string } | null;
  status: string | null;
  previousStatus: string | null;
  scope: string | null;
  targetYear: number | null;
  gwh: number | null;
  /** The figure this announcement replaced for the same target year, if any. */
  previousGwh: number | null;
  contract: {
    ref: string; kind: string; status: string; supplier: { slug: string; name: string }; buyer: { slug: string; name: string };
    volumeGwh: number | null; volumeBasis: string | null;
  } | null;
  source: SourceRef | null;
  keyset: ChangeKeyset;
}

const TABLE = { 1: 'plant_status_event', 2: 'capacity_announcement', 3: 'contract' } as const;

/** First status event of its plant (by date, then entry order): the plant's arrival in the tracker. */
const IS_FIRST = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM plant_status_event e0 WHERE e0.plant_id = e.plant_id AND e0.deleted_at IS NULL
    AND (e0.effective_on, e0.id) < (e.effective_on, e.id))`;

interface Branch { rank: 1 | 2 | 3; date: Prisma.Sql; id: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql[] }

function branches(f: ChangeFilters): Branch[] {
  const wants = (k: ChangeKind) => f.kinds.length === 0 || f.kinds.includes(k);
  const plantScope = (): Prisma.Sql[] => {
    const out: Prisma.Sql[] = [];
    if (f.regionPath) out.push(Prisma.sql`starts_with(r.path, ${f.regionPath})`);
    if (f.companies.length) {
      out.push(Prisma.sql`(EXISTS (SELECT 1 FROM company co WHERE co.id = p.operator_id AND co.slug = ANY(${f.companies}::text[]))
        OR EXISTS (SELECT 1 FROM plant_partner pp JOIN company pc ON pc.id = pp.company_id
                   WHERE pp.plant_id = p.id AND pc.slug = ANY(${f.companies}::text[])))`);
    }
    return out;
  };
  const dated = (col: Prisma.Sql): Prisma.Sql[] => [
    ...(f.since ? [Prisma.sql`${col} >= ${f.since}::date`] : []),
    ...(f.until ? [Prisma.sql`${col} <= ${f.until}::date`] : []),
  ];
  const out: Branch[] = [];
  if (wants('new_plant') || wants('status')) {
    const date = Prisma.sql`e.effective_on`;
    const kind = wants('new_plant') && wants('status') ? [] : [wants('new_plant') ? IS_FIRST : Prisma.sql`NOT ${IS_FIRST}`];
    out.push({
      rank: 1, date, id: Prisma.sql`e.id`,
      from: Prisma.sql`plant_status_event e JOIN plant p ON p.id = e.plant_id JOIN region r ON r.id = p.region_id`,
      where: [Prisma.sql`e.deleted_at IS NULL AND p.deleted_at IS NULL`, ...plantScope(), ...dated(date), ...kind],
    });
  }
  if (wants('capacity')) {
    const date = Prisma.sql`a.announced_on`;
    out.push({
      rank: 2, date, id: Prisma.sql`a.id`,
      from: Prisma.sql`capacity_announcement a JOIN plant p ON p.id = a.plant_id JOIN region r ON r.id = p.region_id`,
      where: [Prisma.sql`a.deleted_at IS NULL AND p.deleted_at IS NULL`, ...plantScope(), ...dated(date)],
    });
  }
  if (wants('contract')) {
    // Undated contracts fall back to their earliest source, then to when they were recorded.
    const date = Prisma.sql`COALESCE(c.signed_on, (SELECT MIN(s0.published_on) FROM contract_source cs0
      JOIN source s0 ON s0.id = cs0.source_id WHERE cs0.contract_id = c.id), (c.created_at AT TIME ZONE 'UTC')::date)`;
    const scope: Prisma.Sql[] = [];
    if (f.regionPath) scope.push(Prisma.sql`p.deleted_at IS NULL AND starts_with(r.path, ${f.regionPath})`);
    if (f.companies.length) {
      scope.push(Prisma.sql`EXISTS (SELECT 1 FROM company co WHERE co.id IN (c.supplier_id, c.buyer_id) AND co.slug = ANY(${f.companies}::text[]))`);
    }
    out.push({
      rank: 3, date, id: Prisma.sql`c.id`,
      from: Prisma.sql`contract c LEFT JOIN plant p ON p.id = c.plant_id LEFT JOIN region r ON r.id = p.region_id`,
      where: [Prisma.sql`c.deleted_at IS NULL`, ...scope, ...dated(date)],
    });
  }
  return out;
}

/**
 * What changed, newest first: plants arriving (their first status), later status changes,
 * capacity announcements (with the figure each replaced) and new contracts, each with its
 * source. Each branch reads only `limit` rows by index before the merge, so a page costs the
 * same however long the history is.
 */
export async function listChanges(
  f: ChangeFilters,
  opts: { after: ChangeKeyset | null; limit: number },
): Promise<{ rows: ChangeRow[]; total: number }> {
  const parts = branches(f);
  if (parts.length === 0) return { rows: [], total: 0 };
  const a = opts.after;
  const page = Prisma.join(parts.map((b) => {
    const keyset = a ? [Prisma.sql`(${b.date}, ${b.rank}::int, ${b.id}) < (${a.date}::date, ${a.rank}::int, ${a.id}::int)`] : [];
    return Prisma.sql`(SELECT ${b.rank}::int AS rank, ${b.id} AS id, ${b.date} AS d FROM ${b.from}
      WHERE ${Prisma.join([...b.where, ...keyset], ' AND ')}
      ORDER BY ${b.date} DESC, ${b.id} DESC LIMIT ${opts.limit}::int)`;
  }), ' UNION ALL ');
  const count = Prisma.join(parts.map((b) =>
    Prisma.sql`(SELECT COUNT(*) FROM ${b.from} WHERE ${Prisma.join(b.where, ' AND ')})`), ' + ');
  const [rows, [total]] = await Promise.all([
    db().$queryRaw<RawChange[]>`
      WITH pg AS (SELECT * FROM (${page}) x ORDER BY d DESC, rank DESC, id DESC LIMIT ${opts.limit}::int)
      SELECT pg.rank, pg.id, to_char(pg.d, 'YYYY-MM-DD') AS date,
             COALESCE(e.created_at, a.created_at, c.created_at) AS recorded_at,
             p.slug AS plant_slug, p.name AS plant_name, pc.code AS country_code, pr.name AS region_name,
             e.status::text AS status, pe.status::text AS previous_status,
             a.scope::text AS scope, a.target_year, a.gwh_per_year::float8 AS gwh, pa.gwh_per_year::float8 AS previous_gwh,
             c.ref AS contract_ref, c.kind::text AS contract_kind, c.status::text AS contract_status,
             s.slug AS supplier_slug, s.name AS supplier_name, b.slug AS buyer_slug, b.name AS buyer_name,
             c.volume_gwh::float8 AS volume_gwh, c.volume_basis::text AS volume_basis,
             src.url, src.publisher, src.title, to_char(src.published_on, 'YYYY-MM-DD') AS published_on
      FROM pg
      LEFT JOIN plant_status_event e ON pg.rank = 1 AND e.id = pg.id
      LEFT JOIN capacity_announcement a ON pg.rank = 2 AND a.id = pg.id
      LEFT JOIN contract c ON pg.rank = 3 AND c.id = pg.id
      LEFT JOIN plant p ON p.id = COALESCE(e.plant_id, a.plant_id, c.plant_id) AND p.deleted_at IS NULL
      LEFT JOIN region pc ON pc.id = p.country_id
      LEFT JOIN region pr ON pr.id = p.region_id
      LEFT JOIN company s ON s.id = c.supplier_id
      LEFT JOIN company b ON b.id = c.buyer_id
      LEFT JOIN LATERAL (
        SELECT e0.status FROM plant_status_event e0
        WHERE e0.plant_id = e.plant_id AND e0.deleted_at IS NULL AND (e0.effective_on, e0.id) < (e.effective_on, e.id)
        ORDER BY e0.effective_on DESC, e0.id DESC LIMIT 1
      ) pe ON pg.rank = 1
      LEFT JOIN LATERAL (
        SELECT a0.gwh_per_year FROM capacity_announcement a0
        WHERE a0.plant_id = a.plant_id AND a0.scope = a.scope AND a0.target_year IS NOT DISTINCT FROM a.target_year
          AND a0.deleted_at IS NULL AND (a0.announced_on, a0.id) < (a.announced_on, a.id)
        ORDER BY a0.announced_on DESC, a0.id DESC LIMIT 1
      ) pa ON pg.rank = 2
      LEFT JOIN LATERAL (
        SELECT x.url, x.publisher, x.title, x.published_on FROM source x
        WHERE x.id = COALESCE(e.source_id, a.source_id, (
          SELECT cs.source_id FROM contract_source cs JOIN source s2 ON s2.id = cs.source_id
          WHERE cs.contract_id = c.id ORDER BY s2.published_on NULLS LAST, s2.id LIMIT 1))
      ) src ON TRUE
      ORDER BY pg.d DESC, pg.rank DESC, pg.id DESC`,
    db().$queryRaw<{ n: number }[]>`SELECT (${count})::int AS n`,
  ]);
  return { rows: rows.map(toChange), total: total?.n ?? 0 };
}

interface RawChange {
  rank: 1 | 2 | 3; id: number; date: string; recorded_at: Date;
  plant_slug: string | null; plant_name: string | null; country_code: string | null; region_name: string | null;
  status: string | null; previous_status: string | null; scope: string | null; target_year: number | null;
  gwh: number | null; previous_gwh: number | null;
  contract_ref: string | null; contract_kind: string | null; contract_status: string | null;
  supplier_slug: string | null; supplier_name: string | null; buyer_slug: string | null; buyer_name: string | null;
  volume_gwh: number | null; volume_basis: string | null;
  url: string | null; publisher: string | null; title: string | null; published_on: string | null;
}

function toChange(r: RawChange): ChangeRow {
  const num = (v: number | null) => (v === null ? null : Number(v));
  const kind: ChangeKind = r.rank === 3 ? 'contract' : r.rank === 2 ? 'capacity' : r.previous_status === null ? 'new_plant' : 'status';
  return {
    id: `${TABLE[r.rank]}:${r.id}`,
    kind,
    date: r.date,
    recordedAt: new Date(r.recorded_at).toISOString(),
    plant: r.plant_slug ? { slug: r.plant_slug, name: r.plant_name!, countryCode: r.country_code, regionName: r.region_name! } : null,
    status: r.status,
    previousStatus: r.previous_status,
    scope: r.scope,
    targetYear: r.target_year,
    gwh: num(r.gwh),
    previousGwh: num(r.previous_gwh),
    contract: r.contract_ref ? {
      ref: r.contract_ref, kind: r.contract_kind!, status: r.contract_status!,
      supplier: { slug: r.supplier_slug!, name: r.supplier_name! }, buyer: { slug: r.buyer_slug!, name: r.buyer_name! },
      volumeGwh: num(r.volume_gwh), volumeBasis: r.volume_basis,
    } : null,
    source: r.publisher ? { url: r.url, publisher: r.publisher, title: r.title!, publishedOn: r.published_on } : null,
    keyset: { date: r.date, rank: r.rank, id: r.id },
  };
}
