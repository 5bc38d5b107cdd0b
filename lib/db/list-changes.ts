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
  /** Inclusive bounds on the day a change became public, YYYY-MM-DD. */
  since?: string;
  until?: string;
}

/** Where the next page starts: day known, table rank and row id, all descending. */
export interface ChangeKeyset { date: string; rank: number; id: number }

export interface ChangeRow {
  /** Stable: "<table>:<row id>". */
  id: string;
  kind: ChangeKind;
  /** When it happened in the world: status date, announcement date, operator change, contract event. */
  date: string;
  /** When it became public (its source's publication date or later): the feed's order. */
  knownOn: string;
  /** When the tracker recorded it (ISO 8601). */
  recordedAt: string;
  plant: { slug: string; name: string; countryCode: string | null; regionName: string } | null;
  status: string | null;
  previousStatus: string | null;
  scope: string | null;
  targetYear: number | null;
  gwh: number | null;
  /** The figure this announcement replaced for the same target year, if any (as known before it). */
  previousGwh: number | null;
  /** An ownership change: the new operator, and the one before. */
  operator: { slug: string; name: string } | null;
  previousOperator: { slug: string; name: string } | null;
  contract: {
    ref: string; kind: string; status: string; supplier: { slug: string; name: string }; buyer: { slug: string; name: string };
    volumeGwh: number | null; volumeBasis: string | null;
  } | null;
  source: SourceRef | null;
  keyset: ChangeKeyset;
}

const TABLE = { 1: 'plant_status_event', 2: 'capacity_announcement', 3: 'contract_event', 4: 'plant_operator' } as const;
type Rank = keyof typeof TABLE;

/** First status event of its plant (by date, then entry order): the plant's arrival in the tracker. */
const IS_FIRST = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM plant_status_event e0 WHERE e0.plant_id = e.plant_id AND e0.deleted_at IS NULL
    AND (e0.effective_on, e0.id) < (e.effective_on, e.id))`;

interface Branch { rank: Rank; known: Prisma.Sql; id: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql[] }

function branches(f: ChangeFilters): Branch[] {
  const wants = (k: ChangeKind) => f.kinds.length === 0 || f.kinds.includes(k);
  const plantScope = (): Prisma.Sql[] => {
    const out: Prisma.Sql[] = [];
    if (f.regionPath) out.push(Prisma.sql`starts_with(r.path, ${f.regionPath})`);
    if (f.companies.length) {
      out.push(Prisma.sql`(EXISTS (SELECT 1 FROM plant_operator po JOIN company co ON co.id = po.company_id
                   WHERE po.plant_id = p.id AND po.deleted_at IS NULL AND co.slug = ANY(${f.companies}::text[]))
        OR EXISTS (SELECT 1 FROM plant_partner pp JOIN company pc ON pc.id = pp.company_id
                   WHERE pp.plant_id = p.id AND pp.deleted_at IS NULL AND pc.slug = ANY(${f.companies}::text[])))`);
    }
    return out;
  };
  const dated = (col: Prisma.Sql): Prisma.Sql[] => [
    ...(f.since ? [Prisma.sql`${col} >= ${f.since}::date`] : []),
    ...(f.until ? [Prisma.sql`${col} <= ${f.until}::date`] : []),
  ];
  const onPlant = (alias: string, table: string) =>
    Prisma.sql`${Prisma.raw(table)} ${Prisma.raw(alias)} JOIN plant p ON p.id = ${Prisma.raw(alias)}.plant_id JOIN region r ON r.id = p.region_id`;
  const out: Branch[] = [];
  if (wants('new_plant') || wants('status')) {
    const kind = wants('new_plant') && wants('status') ? [] : [wants('new_plant') ? IS_FIRST : Prisma.sql`NOT ${IS_FIRST}`];
    out.push({
      rank: 1, known: Prisma.sql`e.known_on`, id: Prisma.sql`e.id`, from: onPlant('e', 'plant_status_event'),
      where: [Prisma.sql`e.deleted_at IS NULL AND p.deleted_at IS NULL`, ...plantScope(), ...dated(Prisma.sql`e.known_on`), ...kind],
    });
  }
  if (wants('capacity')) {
    out.push({
      rank: 2, known: Prisma.sql`a.known_on`, id: Prisma.sql`a.id`, from: onPlant('a', 'capacity_announcement'),
      where: [Prisma.sql`a.deleted_at IS NULL AND p.deleted_at IS NULL`, ...plantScope(), ...dated(Prisma.sql`a.known_on`)],
    });
  }
  if (wants('ownership')) {
    // A change of operator: every operator fact but a plant's first.
    out.push({
      rank: 4, known: Prisma.sql`o.known_on`, id: Prisma.sql`o.id`, from: onPlant('o', 'plant_operator'),
      where: [Prisma.sql`o.deleted_at IS NULL AND p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM plant_operator o0
        WHERE o0.plant_id = o.plant_id AND o0.deleted_at IS NULL AND (o0.effective_on, o0.id) < (o.effective_on, o.id))`,
      ...plantScope(), ...dated(Prisma.sql`o.known_on`)],
    });
  }
  if (wants('contract')) {
    const scope: Prisma.Sql[] = [];
    if (f.regionPath) scope.push(Prisma.sql`p.deleted_at IS NULL AND starts_with(r.path, ${f.regionPath})`);
    if (f.companies.length) {
      scope.push(Prisma.sql`EXISTS (SELECT 1 FROM company co WHERE co.id IN (c.supplier_id, c.buyer_id) AND co.slug = ANY(${f.companies}::text[]))`);
    }
    out.push({
      rank: 3, known: Prisma.sql`ce.known_on`, id: Prisma.sql`ce.id`,
      from: Prisma.sql`contract_event ce JOIN contract c ON c.id = ce.contract_id LEFT JOIN plant p ON p.id = c.plant_id LEFT JOIN region r ON r.id = p.region_id`,
      where: [Prisma.sql`ce.deleted_at IS NULL AND c.deleted_at IS NULL`, ...scope, ...dated(Prisma.sql`ce.known_on`)],
    });
  }
  return out;
}

/**
 * What became public, newest first: plants arriving (their first status), later status changes,
 * capacity announcements (with the figure each replaced), changes of operator and contract events,
 * each with its source. Ordered and filtered by the day each became public, so the feed as of a
 * day shows only what could be known then. Each branch reads only `limit` rows by index before the
 * merge, so a page costs the same however long the history is.
 */
export async function listChanges(
  f: ChangeFilters,
  opts: { after: ChangeKeyset | null; limit: number },
): Promise<{ rows: ChangeRow[]; total: number }> {
  const parts = branches(f);
  if (parts.length === 0) return { rows: [], total: 0 };
  const a = opts.after;
  const page = Prisma.join(parts.map((b) => {
    const keyset = a ? [Prisma.sql`(${b.known}, ${b.rank}::int, ${b.id}) < (${a.date}::date, ${a.rank}::int, ${a.id}::int)`] : [];
    return Prisma.sql`(SELECT ${b.rank}::int AS rank, ${b.id} AS id, ${b.known} AS d FROM ${b.from}
      WHERE ${Prisma.join([...b.where, ...keyset], ' AND ')}
      ORDER BY ${b.known} DESC, ${b.id} DESC LIMIT ${opts.limit}::int)`;
  }), ' UNION ALL ');
  const count = Prisma.join(parts.map((b) =>
    Prisma.sql`(SELECT COUNT(*) FROM ${b.from} WHERE ${Prisma.join(b.where, ' AND ')})`), ' + ');
  const [rows, [total]] = await Promise.all([
    db().$queryRaw<RawChange[]>`
      WITH pg AS (SELECT * FROM (${page}) x ORDER BY d DESC, rank DESC, id DESC LIMIT ${opts.limit}::int)
      SELECT pg.rank, pg.id, to_char(pg.d, 'YYYY-MM-DD') AS known_on,
             to_char(COALESCE(e.effective_on, a.announced_on, ce.effective_on, o.effective_on), 'YYYY-MM-DD') AS date,
             COALESCE(e.created_at, a.created_at, ce.created_at, o.created_at) AS recorded_at,
             p.slug AS plant_slug, p.name AS plant_name, pc.code AS country_code, pr.name AS region_name,
             e.status::text AS status, pe.status::text AS previous_status,
             a.scope::text AS scope, a.target_year, a.gwh_per_year::float8 AS gwh, pa.gwh_per_year::float8 AS previous_gwh,
             oc.slug AS operator_slug, oc.name AS operator_name, poc.slug AS previous_operator_slug, poc.name AS previous_operator_name,
             c.ref AS contract_ref, c.kind::text AS contract_kind, ce.status::text AS contract_status,
             s.slug AS supplier_slug, s.name AS supplier_name, b.slug AS buyer_slug, b.name AS buyer_name,
             c.volume_gwh::float8 AS volume_gwh, c.volume_basis::text AS volume_basis,
             src.url, src.publisher, src.title, src.tier::text AS tier, to_char(src.published_on, 'YYYY-MM-DD') AS published_on
      FROM pg
      LEFT JOIN plant_status_event e ON pg.rank = 1 AND e.id = pg.id
      LEFT JOIN capacity_announcement a ON pg.rank = 2 AND a.id = pg.id
      LEFT JOIN contract_event ce ON pg.rank = 3 AND ce.id = pg.id
      LEFT JOIN plant_operator o ON pg.rank = 4 AND o.id = pg.id
      LEFT JOIN contract c ON c.id = ce.contract_id
      LEFT JOIN plant p ON p.id = COALESCE(e.plant_id, a.plant_id, o.plant_id, c.plant_id) AND p.deleted_at IS NULL
      LEFT JOIN region pc ON pc.id = p.country_id
      LEFT JOIN region pr ON pr.id = p.region_id
      LEFT JOIN company s ON s.id = c.supplier_id
      LEFT JOIN company b ON b.id = c.buyer_id
      LEFT JOIN company oc ON oc.id = o.company_id
      LEFT JOIN LATERAL (
        SELECT e0.status FROM plant_status_event e0
        WHERE e0.plant_id = e.plant_id AND e0.deleted_at IS NULL AND (e0.effective_on, e0.id) < (e.effective_on, e.id)
        ORDER BY e0.effective_on DESC, e0.id DESC LIMIT 1
      ) pe ON pg.rank = 1
      LEFT JOIN LATERAL (
        SELECT a0.gwh_per_year FROM capacity_announcement a0
        WHERE a0.plant_id = a.plant_id AND a0.scope = a.scope AND a0.target_year IS NOT DISTINCT FROM a.target_year
          AND a0.deleted_at IS NULL AND a0.known_on <= a.known_on AND (a0.announced_on, a0.known_on, a0.id) < (a.announced_on, a.known_on, a.id)
        ORDER BY a0.announced_on DESC, a0.known_on DESC, a0.id DESC LIMIT 1
      ) pa ON pg.rank = 2
      LEFT JOIN LATERAL (
        SELECT o0.company_id FROM plant_operator o0
        WHERE o0.plant_id = o.plant_id AND o0.deleted_at IS NULL AND (o0.effective_on, o0.id) < (o.effective_on, o.id)
        ORDER BY o0.effective_on DESC, o0.id DESC LIMIT 1
      ) po ON pg.rank = 4
      LEFT JOIN company poc ON poc.id = po.company_id
      LEFT JOIN source src ON src.id = COALESCE(e.source_id, a.source_id, ce.source_id, o.source_id)
      ORDER BY pg.d DESC, pg.rank DESC, pg.id DESC`,
    db().$queryRaw<{ n: number }[]>`SELECT (${count})::int AS n`,
  ]);
  return { rows: rows.map(toChange), total: total?.n ?? 0 };
}

interface RawChange {
  rank: Rank; id: number; date: string; known_on: string; recorded_at: Date;
  plant_slug: string | null; plant_name: string | null; country_code: string | null; region_name: string | null;
  status: string | null; previous_status: string | null; scope: string | null; target_year: number | null;
  gwh: number | null; previous_gwh: number | null;
  operator_slug: string | null; operator_name: string | null; previous_operator_slug: string | null; previous_operator_name: string | null;
  contract_ref: string | null; contract_kind: string | null; contract_status: string | null;
  supplier_slug: string | null; supplier_name: string | null; buyer_slug: string | null; buyer_name: string | null;
  volume_gwh: number | null; volume_basis: string | null;
  url: string | null; publisher: string | null; title: string | null; tier: SourceRef['tier'] | null; published_on: string | null;
}

function toChange(r: RawChange): ChangeRow {
  const num = (v: number | null) => (v === null ? null : Number(v));
  const rank = Number(r.rank) as Rank;
  const kind: ChangeKind = rank === 3 ? 'contract' : rank === 2 ? 'capacity' : rank === 4 ? 'ownership'
    : r.previous_status === null ? 'new_plant' : 'status';
  return {
    id: `${TABLE[rank]}:${r.id}`,
    kind,
    date: r.date,
    knownOn: r.known_on,
    recordedAt: new Date(r.recorded_at).toISOString(),
    plant: r.plant_slug ? { slug: r.plant_slug, name: r.plant_name!, countryCode: r.country_code, regionName: r.region_name! } : null,
    status: r.status,
    previousStatus: r.previous_status,
    scope: r.scope,
    targetYear: r.target_year,
    gwh: num(r.gwh),
    previousGwh: num(r.previous_gwh),
    operator: r.operator_slug ? { slug: r.operator_slug, name: r.operator_name! } : null,
    previousOperator: r.previous_operator_slug ? { slug: r.previous_operator_slug, name: r.previous_operator_name! } : null,
    contract: r.contract_ref ? {
      ref: r.contract_ref, kind: r.contract_kind!, status: r.contract_status!,
      supplier: { slug: r.supplier_slug!, name: r.supplier_name! }, buyer: { slug: r.buyer_slug!, name: r.buyer_name! },
      volumeGwh: num(r.volume_gwh), volumeBasis: r.volume_basis,
    } : null,
    source: r.publisher ? { url: r.url, publisher: r.publisher, title: r.title!, publishedOn: r.published_on, ...(r.tier ? { tier: r.tier } : {}) } : null,
    keyset: { date: r.known_on, rank, id: r.id },
  };
}
