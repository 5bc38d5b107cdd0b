// An independent calculator for tests: reads raw rows with plain SQL (no aggregation, none of the
// product's SQL functions) and applies the pure rules from lib/domain/capacity.ts, and its own
// reading of the ownership rules, in JavaScript. The product computes the same numbers in
// PostgreSQL; tests compare the two.
import {
  type Announcement, type LongTermFigure, plantCapacity, type Scenario, type StatusEvent, statusAsOf, type StatusWeights,
  winningAnnouncement,
} from '@/lib/domain/capacity';
import type { Grouping } from '@/lib/validation/capacity';
import type { TestDatabase } from './database';

// ---- Ownership ------------------------------------------------------------------------------

export interface OwnershipRow { id: number; companyId: number; effectiveOn: string; knownOn: string }
export interface PartnerRow extends OwnershipRow { stakePct: number | null; ended: boolean }
export interface CompanyLinkRow { id: number; companyId: number; parentId: number; stakePct: number | null; ended: boolean; effectiveOn: string; knownOn: string }

const visible = (r: { effectiveOn: string; knownOn: string }, asOf: string) => r.effectiveOn <= asOf && r.knownOn <= asOf;

/** The operator on `asOf`: the latest operator fact in effect and known by then, else the first one. */
export function operatorOn(rows: readonly OwnershipRow[], fallback: number, asOf: string): number {
  const seen = rows.filter((r) => visible(r, asOf));
  if (seen.length) return [...seen].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.id - a.id)[0]!.companyId;
  if (rows.length) return [...rows].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || b.id - a.id)[0]!.companyId;
  return fallback;
}

/** Per company, its latest visible fact, unless it says the company left. */
function latestPerCompany<T extends { id: number; effectiveOn: string; knownOn: string; ended: boolean }>(rows: readonly T[], key: (r: T) => number, asOf: string): T[] {
  const best = new Map<number, T>();
  for (const r of rows) {
    if (!visible(r, asOf)) continue;
    const b = best.get(key(r));
    if (!b || r.effectiveOn > b.effectiveOn || (r.effectiveOn === b.effectiveOn && r.id > b.id)) best.set(key(r), r);
  }
  return [...best.values()].filter((r) => !r.ended);
}

export function partnersOn(rows: readonly PartnerRow[], asOf: string): PartnerRow[] {
  return latestPerCompany(rows, (r) => r.companyId, asOf);
}

/** The company → parent links in force on `asOf`, whatever their stake. */
export function linksOn(links: readonly CompanyLinkRow[], asOf: string): CompanyLinkRow[] {
  return latestPerCompany(links, (r) => r.companyId * 1_000_000 + r.parentId, asOf);
}

/** The company → owner fractions on `asOf` (a parent above 50% takes all; unpublished stakes share the rest). */
export function ownerShares(links: readonly CompanyLinkRow[], asOf: string): Map<number, { parentId: number; share: number; estimated: boolean }[]> {
  const byCompany = new Map<number, CompanyLinkRow[]>();
  for (const l of linksOn(links, asOf)) {
    byCompany.set(l.companyId, [...(byCompany.get(l.companyId) ?? []), l]);
  }
  const out = new Map<number, { parentId: number; share: number; estimated: boolean }[]>();
  for (const [company, ls] of byCompany) {
    const control = [...ls].filter((l) => (l.stakePct ?? 0) > 50).sort((a, b) => b.stakePct! - a.stakePct! || a.parentId - b.parentId)[0];
    if (control) { out.set(company, [{ parentId: control.parentId, share: 1, estimated: false }]); continue; }
    const published = ls.reduce((s, l) => s + (l.stakePct ?? 0), 0) / 100;
    const unpublished = ls.filter((l) => l.stakePct === null).length;
    out.set(company, ls.map((l) => ({
      parentId: l.parentId, estimated: l.stakePct === null,
      share: l.stakePct !== null ? l.stakePct / 100 / Math.max(published, 1) : Math.max(1 - published, 0) / unpublished,
    })).filter((x) => x.share > 0));
  }
  return out;
}

/** Each company's ultimate owners on `asOf`, with what each holder keeps (at most eight levels up). */
export function ultimateOwners(companyId: number, owners: ReturnType<typeof ownerShares>): Map<number, { share: number; estimated: boolean }> {
  const out = new Map<number, { share: number; estimated: boolean }>();
  const walk = (id: number, share: number, estimated: boolean, depth: number) => {
    const up = depth < 8 ? owners.get(id) ?? [] : [];
    const owned = Math.min(up.reduce((s, o) => s + o.share, 0), 1);
    if (share * (1 - owned) > 0) {
      const cur = out.get(id) ?? { share: 0, estimated: false };
      out.set(id, { share: cur.share + share * (1 - owned), estimated: cur.estimated || estimated });
    }
    if (depth < 8) for (const o of up) walk(o.parentId, share * o.share, estimated || o.estimated, depth + 1);
  };
  walk(companyId, 1, false, 0);
  return out;
}

export interface Ownership {
  operators: OwnershipRow[];
  partners: PartnerRow[];
  /** plant.operator_id: the fallback for a plant with no operator facts. */
  operatorId: number;
}

/** Company id → fraction of a plant's capacity on `asOf`, by operator, equity or ultimate parent. */
export function oracleShares(
  p: Ownership, mode: 'operator' | 'equity' | 'parent', asOf: string, links: readonly CompanyLinkRow[] = [],
): Map<number, { share: number; estimated: boolean }> {
  const op = operatorOn(p.operators, p.operatorId, asOf);
  if (mode === 'operator') return new Map([[op, { share: 1, estimated: false }]]);
  const equity = new Map<number, number>();
  const add = (id: number, v: number) => equity.set(id, (equity.get(id) ?? 0) + v);
  const stakes = partnersOn(p.partners, asOf).filter((x) => x.stakePct !== null && x.stakePct > 0);
  const total = stakes.reduce((s, x) => s + x.stakePct! / 100, 0);
  for (const x of stakes) add(x.companyId, x.stakePct! / 100 / Math.max(total, 1));
  add(op, 1 - Math.min(total, 1));
  const shares = new Map<number, { share: number; estimated: boolean }>();
  if (mode === 'equity') {
    for (const [id, v] of equity) if (v > 0) shares.set(id, { share: v, estimated: false });
    return shares;
  }
  const owners = ownerShares(links, asOf);
  for (const [id, v] of equity) {
    if (!(v > 0)) continue;
    for (const [owner, u] of ultimateOwners(id, owners)) {
      const cur = shares.get(owner) ?? { share: 0, estimated: false };
      shares.set(owner, { share: cur.share + v * u.share, estimated: cur.estimated || u.estimated });
    }
  }
  return shares;
}

// ---- Plants ---------------------------------------------------------------------------------

export interface OraclePlant extends Ownership {
  id: number;
  ref: string;
  slug: string;
  name: string;
  city: string;
  regionPath: string;
  regionName: string;
  countryCode: string;
  countryName: string;
  chemistry: string;
  segment: string;
  startYear: number | null;
  inCellTotals: boolean;
  /** Group keys that do not depend on the date (company, origin and parent do: see groupKeys). */
  keys: Record<'total' | 'macro' | 'country' | 'region' | 'chemistry', string>;
  announcements: (Announcement & { sourceUrl: string | null })[];
  longTerm: LongTermFigure[];
  statusEvents: (StatusEvent & { sourceUrl: string | null })[];
}

export interface OracleData {
  plants: OraclePlant[];
  companies: Map<number, { slug: string; name: string; origin: string }>;
  links: CompanyLinkRow[];
  regionPaths: Map<string, string>;
}

const group = <T extends { plant_id: number }>(rows: T[]) => {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(r.plant_id, [...(m.get(r.plant_id) ?? []), r]);
  return m;
};

/** Every live plant (in cell totals or not) with its raw dated facts. */
export async function loadOracle(t: TestDatabase): Promise<OracleData> {
  const plants = await t.query<{
    id: number; ref: string; slug: string; name: string; city: string; region_path: string; region_name: string;
    country_code: string; country_name: string; country: string; macro: string; region: string; nuts1: string | null;
    operator_id: number; chemistry: string; segment: string; start_year: number | null; in_cell_totals: boolean;
  }>(`
    SELECT p.id, p.ref, p.slug, p.name, p.city, r.path AS region_path, r.name AS region_name, c.code AS country_code,
           c.name AS country_name, c.slug AS country, m.slug AS macro, r.slug AS region, rp.slug AS nuts1,
           p.operator_id, p.chemistry_family::text AS chemistry, p.segment::text AS segment, p.start_year, p.in_cell_totals
    FROM plant p
    JOIN region c ON c.id = p.country_id JOIN region m ON m.id = c.parent_id JOIN region r ON r.id = p.region_id
    LEFT JOIN region rp ON rp.id = r.parent_id AND rp.level = 'nuts1'
    WHERE p.deleted_at IS NULL`);
  const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
  const [anns, events, operators, partners, links, companies, regions] = await Promise.all([
    t.query<{ id: number; plant_id: number; scope: string; target_year: number | null; gwh: string; announced_on: string; known_on: string; url: string | null }>(`
      SELECT a.id, a.plant_id, a.scope::text AS scope, a.target_year, a.gwh_per_year::text AS gwh, ${d('a.announced_on')} AS announced_on,
             ${d('a.known_on')} AS known_on, s.url
      FROM capacity_announcement a LEFT JOIN source s ON s.id = a.source_id WHERE a.deleted_at IS NULL`),
    t.query<{ id: number; plant_id: number; status: StatusEvent['status']; effective_on: string; known_on: string; url: string | null }>(`
      SELECT e.id, e.plant_id, e.status::text AS status, ${d('e.effective_on')} AS effective_on, ${d('e.known_on')} AS known_on, s.url
      FROM plant_status_event e LEFT JOIN source s ON s.id = e.source_id WHERE e.deleted_at IS NULL`),
    t.query<{ id: number; plant_id: number; company_id: number; effective_on: string; known_on: string }>(`
      SELECT id, plant_id, company_id, ${d('effective_on')} AS effective_on, ${d('known_on')} AS known_on FROM plant_operator WHERE deleted_at IS NULL`),
    t.query<{ id: number; plant_id: number; company_id: number; stake: string | null; ended: boolean; effective_on: string; known_on: string }>(`
      SELECT id, plant_id, company_id, stake_pct::text AS stake, ended, ${d('effective_on')} AS effective_on, ${d('known_on')} AS known_on
      FROM plant_partner WHERE deleted_at IS NULL`),
    t.query<{ id: number; company_id: number; parent_id: number; stake: string | null; ended: boolean; effective_on: string; known_on: string }>(`
      SELECT id, company_id, parent_id, stake_pct::text AS stake, ended, ${d('effective_on')} AS effective_on, ${d('known_on')} AS known_on
      FROM company_parent WHERE deleted_at IS NULL`),
    t.query<{ id: number; slug: string; name: string; origin: string }>(`SELECT id, slug, name, origin::text AS origin FROM company WHERE deleted_at IS NULL`),
    t.query<{ slug: string; path: string }>(`SELECT slug, path FROM region`),
  ]);
  const [aa, ee, oo, pp] = [group(anns), group(events), group(operators), group(partners)];
  return {
    companies: new Map(companies.map((c) => [c.id, { slug: c.slug, name: c.name, origin: c.origin }])),
    links: links.map((l) => ({ id: l.id, companyId: l.company_id, parentId: l.parent_id, stakePct: l.stake === null ? null : Number(l.stake), ended: l.ended, effectiveOn: l.effective_on, knownOn: l.known_on })),
    regionPaths: new Map(regions.map((r) => [r.slug, r.path])),
    plants: plants.map((p) => ({
      id: p.id, ref: p.ref, slug: p.slug, name: p.name, city: p.city, regionPath: p.region_path, regionName: p.region_name,
      countryCode: p.country_code, countryName: p.country_name, chemistry: p.chemistry, segment: p.segment, startYear: p.start_year,
      inCellTotals: p.in_cell_totals, operatorId: p.operator_id,
      keys: { total: 'europe', macro: p.macro, country: p.country, region: p.nuts1 ?? p.region, chemistry: p.chemistry },
      announcements: (aa.get(p.id) ?? []).filter((a) => a.scope === 'milestone')
        .map((a) => ({ id: a.id, targetYear: a.target_year!, gwhPerYear: Number(a.gwh), announcedOn: a.announced_on, knownOn: a.known_on, sourceUrl: a.url })),
      longTerm: (aa.get(p.id) ?? []).filter((a) => a.scope === 'long_term')
        .map((a) => ({ id: a.id, gwhPerYear: Number(a.gwh), announcedOn: a.announced_on, knownOn: a.known_on })),
      statusEvents: (ee.get(p.id) ?? []).map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effective_on, knownOn: e.known_on, sourceUrl: e.url })),
      operators: (oo.get(p.id) ?? []).map((o) => ({ id: o.id, companyId: o.company_id, effectiveOn: o.effective_on, knownOn: o.known_on })),
      partners: (pp.get(p.id) ?? []).map((x) => ({ id: x.id, companyId: x.company_id, stakePct: x.stake === null ? null : Number(x.stake), ended: x.ended, effectiveOn: x.effective_on, knownOn: x.known_on })),
    })),
  };
}

/** The plants counted in cell totals: what capacity figures sum over. */
export async function loadOraclePlants(t: TestDatabase): Promise<OracleData> {
  const data = await loadOracle(t);
  return { ...data, plants: data.plants.filter((p) => p.inCellTotals) };
}

export interface OracleTotal { gwh: number; undisclosed: number; estimated: boolean }

/** Sum per group key for one year, the way a reader would add up the plant table. */
export function oracleTotals(
  data: OracleData,
  q: { scenario: Scenario; asOf: string; year: number; weights: StatusWeights; groupBy: Grouping; regionPath?: string; longTerm?: boolean },
): Map<string, OracleTotal> {
  const totals = new Map<string, OracleTotal>();
  for (const p of data.plants) {
    if (!p.inCellTotals) continue;
    if (q.regionPath && !p.regionPath.startsWith(q.regionPath)) continue;
    const status = statusAsOf(p.statusEvents, q.asOf);
    if (!status) continue;
    const gwh = plantCapacity(p, q.year, q.asOf, q.scenario, q.weights, { longTerm: q.longTerm });
    if (gwh === 0) continue;
    const attributions: [string, number, boolean][] = q.groupBy === 'parent'
      ? [...oracleShares(p, 'parent', q.asOf, data.links)].map(([id, v]) => [data.companies.get(id)!.slug, v.share, v.estimated])
      : [[groupKey(data, p, q.groupBy, q.asOf, status.status), 1, false]];
    for (const [key, share, estimated] of attributions) {
      const cur = totals.get(key) ?? { gwh: 0, undisclosed: 0, estimated: false };
      totals.set(key, {
        gwh: cur.gwh + (gwh ?? 0) * share,
        undisclosed: cur.undisclosed + (gwh === null ? 1 : 0),
        estimated: cur.estimated || (estimated && gwh !== null),
      });
    }
  }
  return totals;
}

function groupKey(data: OracleData, p: OraclePlant, groupBy: Grouping, asOf: string, status: string): string {
  if (groupBy === 'status') return status;
  const op = data.companies.get(operatorOn(p.operators, p.operatorId, asOf))!;
  if (groupBy === 'company' || groupBy === 'parent') return op.slug;
  if (groupBy === 'origin') return op.origin;
  return p.keys[groupBy];
}

/** The announcement the step rule picks for a year (greatest target year <= year, then the latest announced, known on asOf). */
export function oracleFigureAnnouncement(p: OraclePlant, year: number, asOf: string) {
  return winningAnnouncement(p.announcements, year, asOf);
}

export const round3 = (v: number) => Math.round(v * 1000) / 1000;

// ---- Explorer, exports ----------------------------------------------------------------------

export interface ExplorerOracleQuery {
  region: string[]; country: string[]; status: string[]; company: string[]; origin: string[]; chemistry: string[];
  segment: string[]; min: number | null; max: number | null; year: number; scenario: Scenario; asOf: string; q: string;
  attribution: 'operator' | 'equity' | 'parent'; sort: string; dir: 'asc' | 'desc';
}
export interface ExplorerOracleRow {
  plant: OraclePlant; status: string; operatorSlug: string; operatorName: string;
  nowGwh: number | null; yearGwh: number | null; y2030Gwh: number | null; share: number | null;
}

const STATUS_ORDER = ['announced', 'under_construction', 'operational', 'paused', 'cancelled'];
/** Code-unit order, which is PostgreSQL's "C" collation for these strings. */
const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The explorer's whole filtered set in its order, computed from the raw rows. */
export function oracleExplorer(data: OracleData, q: ExplorerOracleQuery, weights: StatusWeights): ExplorerOracleRow[] {
  const nowYear = Number(q.asOf.slice(0, 4));
  const paths = q.region.map((s) => data.regionPaths.get(s)!);
  const needle = q.q.toLowerCase();
  const slugOf = (id: number) => data.companies.get(id)!.slug;
  const rows: ExplorerOracleRow[] = [];
  for (const p of data.plants) {
    const st = statusAsOf(p.statusEvents, q.asOf);
    if (!st) continue;
    const cap = (year: number) => (p.inCellTotals ? plantCapacity(p, year, q.asOf, q.scenario, weights) : 0);
    const r3 = (v: number | null) => (v === null ? null : round3(v));
    const op = data.companies.get(operatorOn(p.operators, p.operatorId, q.asOf))!;
    const partners = partnersOn(p.partners, q.asOf).map((x) => data.companies.get(x.companyId)!);
    const row: ExplorerOracleRow = {
      plant: p, status: st.status, operatorSlug: op.slug, operatorName: op.name,
      nowGwh: r3(cap(nowYear)), yearGwh: r3(cap(q.year)), y2030Gwh: r3(cap(2030)), share: null,
    };
    const companies = [op.slug, ...partners.map((x) => x.slug)];
    const names = [p.name, p.city, op.name, ...partners.map((x) => x.name)];
    const shares = q.company.length ? oracleShares(p, q.attribution, q.asOf, data.links) : new Map();
    const owners = q.attribution === 'parent' ? [...shares.keys()].map(slugOf) : [];
    if (paths.length && !paths.some((path) => p.regionPath.startsWith(path))) continue;
    if (q.country.length && !q.country.includes(p.countryCode)) continue;
    if (q.status.length && !q.status.includes(st.status)) continue;
    if (q.company.length && ![...companies, ...owners].some((c) => q.company.includes(c))) continue;
    if (q.origin.length && !q.origin.includes(op.origin)) continue;
    if (q.chemistry.length && !q.chemistry.includes(p.chemistry)) continue;
    if (q.segment.length && !q.segment.includes(p.segment)) continue;
    if (q.min !== null && !(row.yearGwh !== null && row.yearGwh >= q.min)) continue;
    if (q.max !== null && !(row.yearGwh !== null && row.yearGwh <= q.max)) continue;
    if (needle && !names.some((n) => n.toLowerCase().includes(needle))) continue;
    if (q.company.length) row.share = [...shares].reduce((s, [id, v]) => s + (q.company.includes(slugOf(id)) ? v.share : 0), 0);
    rows.push(row);
  }
  const key = (r: ExplorerOracleRow): string | number | null => ({
    name: r.plant.name, country: r.plant.countryName, operator: r.operatorName, status: STATUS_ORDER.indexOf(r.status),
    now: r.nowGwh, year: r.yearGwh, start: r.plant.startYear,
  } as Record<string, string | number | null>)[q.sort]!;
  const sign = q.dir === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (typeof x === 'string' ? cmpText(x, y as string) : x - (y as number));
    }
    return cmpText(a.plant.name, b.plant.name) || a.plant.id - b.plant.id;
  });
}
