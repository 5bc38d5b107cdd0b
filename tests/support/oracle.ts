// An independent capacity calculator for tests: reads raw rows with plain SQL (no aggregation)
// and applies the pure rules from lib/domain/capacity.ts in JavaScript. The product computes
// the same numbers with GROUP BY and window functions in PostgreSQL; tests compare the two.
import { plantCapacity, type Announcement, type Scenario, type StatusEvent, type StatusWeights } from '@/lib/domain/capacity';
import type { Grouping } from '@/lib/validation/capacity';
import type { TestDatabase } from './database';

export interface OraclePlant {
  id: number;
  slug: string;
  keys: Record<Grouping, string>;
  regionPath: string;
  announcements: Announcement[];
  statusEvents: StatusEvent[];
}

export async function loadOraclePlants(t: TestDatabase): Promise<OraclePlant[]> {
  const plants = await t.query<{
    id: number; slug: string; company: string; origin: string; chemistry: string; country: string; macro: string;
    region: string; nuts1: string | null; region_path: string;
  }>(`
    SELECT p.id, p.slug, op.slug AS company, op.origin::text AS origin, p.chemistry_family::text AS chemistry,
           c.slug AS country, m.slug AS macro, r.slug AS region, rp.slug AS nuts1, r.path AS region_path
    FROM plant p
    JOIN company op ON op.id = p.operator_id
    JOIN region c ON c.id = p.country_id
    JOIN region m ON m.id = c.parent_id
    JOIN region r ON r.id = p.region_id
    LEFT JOIN region rp ON rp.id = r.parent_id AND rp.level = 'nuts1'
    WHERE p.deleted_at IS NULL AND p.in_cell_totals`);
  const anns = await t.query<{ id: number; plant_id: number; target_year: number; gwh: string; announced_on: string }>(`
    SELECT id, plant_id, target_year, gwh_per_year::text AS gwh, to_char(announced_on, 'YYYY-MM-DD') AS announced_on
    FROM capacity_announcement WHERE deleted_at IS NULL AND scope = 'milestone'`);
  const events = await t.query<{ id: number; plant_id: number; status: StatusEvent['status']; effective_on: string }>(`
    SELECT id, plant_id, status::text AS status, to_char(effective_on, 'YYYY-MM-DD') AS effective_on
    FROM plant_status_event WHERE deleted_at IS NULL`);
  return plants.map((p) => ({
    id: p.id,
    slug: p.slug,
    regionPath: p.region_path,
    keys: {
      total: 'europe', macro: p.macro, country: p.country, region: p.nuts1 ?? p.region,
      company: p.company, origin: p.origin, chemistry: p.chemistry, status: '',
    },
    announcements: anns.filter((a) => a.plant_id === p.id)
      .map((a) => ({ id: a.id, targetYear: a.target_year, gwhPerYear: Number(a.gwh), announcedOn: a.announced_on })),
    statusEvents: events.filter((e) => e.plant_id === p.id)
      .map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effective_on })),
  }));
}

/** Sum per group key for one year, the way a reader would add up the plant table. */
export function oracleTotals(
  plants: OraclePlant[],
  q: { scenario: Scenario; asOf: string; year: number; weights: StatusWeights; groupBy: Grouping; regionPath?: string },
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of plants) {
    if (q.regionPath && !p.regionPath.startsWith(q.regionPath)) continue;
    const gwh = plantCapacity(p, q.year, q.asOf, q.scenario, q.weights);
    if (gwh === 0) continue;
    const key = q.groupBy === 'status'
      ? [...p.statusEvents].filter((e) => e.effectiveOn <= q.asOf)
          .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id).at(-1)!.status
      : p.keys[q.groupBy];
    totals.set(key, (totals.get(key) ?? 0) + gwh);
  }
  return totals;
}

// ---- Explorer, exports and attribution -------------------------------------------------------
// The same independence: plain row reads, filters/sorts/sums in JavaScript with lib/domain rules.

export interface ExplorerOraclePlant {
  id: number; ref: string; slug: string; name: string; city: string; regionPath: string; regionName: string;
  countryCode: string; countryName: string; operatorSlug: string; operatorName: string; origin: string;
  chemistry: string; segment: string; startYear: number | null; inCellTotals: boolean;
  partners: { slug: string; name: string; stakePct: number | null }[];
  announcements: (Announcement & { sourceUrl: string | null })[];
  statusEvents: (StatusEvent & { sourceUrl: string | null })[];
}

export async function loadExplorerOracle(t: TestDatabase): Promise<{ plants: ExplorerOraclePlant[]; regionPaths: Map<string, string> }> {
  const plants = await t.query<{
    id: number; ref: string; slug: string; name: string; city: string; region_path: string; region_name: string;
    country_code: string; country_name: string; op_slug: string; op_name: string; origin: string; chemistry: string;
    segment: string; start_year: number | null; in_cell_totals: boolean;
  }>(`
    SELECT p.id, p.ref, p.slug, p.name, p.city, r.path AS region_path, r.name AS region_name, c.code AS country_code,
           c.name AS country_name, op.slug AS op_slug, op.name AS op_name, op.origin::text AS origin,
           p.chemistry_family::text AS chemistry, p.segment::text AS segment, p.start_year, p.in_cell_totals
    FROM plant p JOIN company op ON op.id = p.operator_id JOIN region c ON c.id = p.country_id JOIN region r ON r.id = p.region_id
    WHERE p.deleted_at IS NULL`);
  const partners = await t.query<{ plant_id: number; slug: string; name: string; stake: string | null }>(`
    SELECT pp.plant_id, co.slug, co.name, pp.stake_pct::text AS stake FROM plant_partner pp JOIN company co ON co.id = pp.company_id`);
  const anns = await t.query<{ id: number; plant_id: number; target_year: number; gwh: string; announced_on: string; url: string | null }>(`
    SELECT a.id, a.plant_id, a.target_year, a.gwh_per_year::text AS gwh, to_char(a.announced_on, 'YYYY-MM-DD') AS announced_on, s.url
    FROM capacity_announcement a LEFT JOIN source s ON s.id = a.source_id
    WHERE a.deleted_at IS NULL AND a.scope = 'milestone'`);
  const events = await t.query<{ id: number; plant_id: number; status: StatusEvent['status']; effective_on: string; url: string | null }>(`
    SELECT e.id, e.plant_id, e.status::text AS status, to_char(e.effective_on, 'YYYY-MM-DD') AS effective_on, s.url
    FROM plant_status_event e LEFT JOIN source s ON s.id = e.source_id WHERE e.deleted_at IS NULL`);
  const regions = await t.query<{ slug: string; path: string }>(`SELECT slug, path FROM region`);
  const group = <T extends { plant_id: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.plant_id, [...(m.get(r.plant_id) ?? []), r]);
    return m;
  };
  const [pp, aa, ee] = [group(partners), group(anns), group(events)];
  return {
    regionPaths: new Map(regions.map((r) => [r.slug, r.path])),
    plants: plants.map((p) => ({
      id: p.id, ref: p.ref, slug: p.slug, name: p.name, city: p.city, regionPath: p.region_path, regionName: p.region_name,
      countryCode: p.country_code, countryName: p.country_name, operatorSlug: p.op_slug, operatorName: p.op_name,
      origin: p.origin, chemistry: p.chemistry, segment: p.segment, startYear: p.start_year, inCellTotals: p.in_cell_totals,
      partners: (pp.get(p.id) ?? []).map((x) => ({ slug: x.slug, name: x.name, stakePct: x.stake === null ? null : Number(x.stake) })),
      announcements: (aa.get(p.id) ?? []).map((a) => ({ id: a.id, targetYear: a.target_year, gwhPerYear: Number(a.gwh), announcedOn: a.announced_on, sourceUrl: a.url })),
      statusEvents: (ee.get(p.id) ?? []).map((e) => ({ id: e.id, status: e.status, effectiveOn: e.effective_on, sourceUrl: e.url })),
    })),
  };
}

/** Company → fraction of the plant's capacity: operator 1, or stakes (scaled to ≤ 100%) with the remainder to the operator. */
export function oracleShares(p: ExplorerOraclePlant, mode: 'operator' | 'equity'): Map<string, number> {
  const shares = new Map<string, number>();
  const add = (slug: string, v: number) => shares.set(slug, (shares.get(slug) ?? 0) + v);
  if (mode === 'operator') return new Map([[p.operatorSlug, 1]]);
  const stakes = p.partners.filter((x) => x.stakePct !== null && x.stakePct > 0);
  const total = stakes.reduce((s, x) => s + x.stakePct! / 100, 0);
  for (const x of stakes) add(x.slug, x.stakePct! / 100 / Math.max(total, 1));
  add(p.operatorSlug, 1 - Math.min(total, 1));
  return shares;
}

/** The announcement the step rule picks for a year (greatest target year <= year, then latest known on asOf). */
export function oracleFigureAnnouncement(p: ExplorerOraclePlant, year: number, asOf: string) {
  let best: ExplorerOraclePlant['announcements'][number] | null = null;
  for (const a of p.announcements) {
    if (a.announcedOn > asOf || a.targetYear > year) continue;
    if (!best || a.targetYear > best.targetYear || (a.targetYear === best.targetYear
      && (a.announcedOn > best.announcedOn || (a.announcedOn === best.announcedOn && a.id > best.id)))) best = a;
  }
  return best;
}

export const round3 = (v: number) => Math.round(v * 1000) / 1000;

export interface ExplorerOracleQuery {
  region: string[]; country: string[]; status: string[]; company: string[]; origin: string[]; chemistry: string[];
  segment: string[]; min: number | null; max: number | null; year: number; scenario: Scenario; asOf: string; q: string;
  attribution: 'operator' | 'equity'; sort: string; dir: 'asc' | 'desc';
}
export interface ExplorerOracleRow {
  plant: ExplorerOraclePlant; status: string; nowGwh: number; yearGwh: number; y2030Gwh: number; share: number | null;
}

const STATUS_ORDER = ['announced', 'under_construction', 'operational', 'paused', 'cancelled'];
/** Code-unit order, which is PostgreSQL's "C" collation for these strings. */
const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The explorer's whole filtered set in its order, computed from the raw rows. */
export function oracleExplorer(
  data: { plants: ExplorerOraclePlant[]; regionPaths: Map<string, string> },
  q: ExplorerOracleQuery,
  weights: StatusWeights,
): ExplorerOracleRow[] {
  const nowYear = Number(q.asOf.slice(0, 4));
  const paths = q.region.map((s) => data.regionPaths.get(s)!);
  const needle = q.q.toLowerCase();
  const rows: ExplorerOracleRow[] = [];
  for (const p of data.plants) {
    const st = [...p.statusEvents].filter((e) => e.effectiveOn <= q.asOf)
      .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id).at(-1);
    if (!st) continue;
    const cap = (year: number) => (p.inCellTotals ? plantCapacity(p, year, q.asOf, q.scenario, weights) : 0);
    const row: ExplorerOracleRow = {
      plant: p, status: st.status, nowGwh: cap(nowYear), yearGwh: cap(q.year), y2030Gwh: cap(2030), share: null,
    };
    const companies = [p.operatorSlug, ...p.partners.map((x) => x.slug)];
    const names = [p.name, p.city, p.operatorName, ...p.partners.map((x) => x.name)];
    if (paths.length && !paths.some((path) => p.regionPath.startsWith(path))) continue;
    if (q.country.length && !q.country.includes(p.countryCode)) continue;
    if (q.status.length && !q.status.includes(st.status)) continue;
    if (q.company.length && !companies.some((c) => q.company.includes(c))) continue;
    if (q.origin.length && !q.origin.includes(p.origin)) continue;
    if (q.chemistry.length && !q.chemistry.includes(p.chemistry)) continue;
    if (q.segment.length && !q.segment.includes(p.segment)) continue;
    if (q.min !== null && round3(row.yearGwh) < q.min) continue;
    if (q.max !== null && round3(row.yearGwh) > q.max) continue;
    if (needle && !names.some((n) => n.toLowerCase().includes(needle))) continue;
    if (q.company.length) {
      const shares = oracleShares(p, q.attribution);
      row.share = q.company.reduce((s, c) => s + (shares.get(c) ?? 0), 0);
    }
    rows.push(row);
  }
  const key = (r: ExplorerOracleRow): string | number | null => ({
    name: r.plant.name, country: r.plant.countryName, operator: r.plant.operatorName, status: STATUS_ORDER.indexOf(r.status),
    now: round3(r.nowGwh), year: round3(r.yearGwh), start: r.plant.startYear,
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
