// npm run data:synthetic -- --plants 20000 --announcements 200000 --contracts 20000 [--seed 1] [--url URL] [--replace]
// Adds a deterministic synthetic dataset beside the curated one, for benchmarks and load tests:
// companies (some in groups), sources, plants in the existing regions, status histories, dated
// operators (some plants change hands), partners with stakes, capacity announcements (with
// revisions), contracts with their events. Every fact is known some days or weeks after it took
// effect, and never before its source was published. Rows are recognisable (refs SYN-…, slugs
// syn-…, sources on example.org) and --replace removes them before writing new ones.
// Writes with multi-row INSERTs in one transaction, to DATABASE_URL, --url, or the embedded database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { exitWithError, withDatabase } from '../db/with-database';

export interface SyntheticOptions { plants: number; announcements: number; contracts: number; seed?: number; replace?: boolean }
export interface SyntheticCounts {
  companies: number; companyLinks: number; sources: number; plants: number; statusEvents: number; operators: number;
  partners: number; announcements: number; contracts: number;
}

const SOURCE_URL = 'https://example.org/voltrack-synthetic/';

/** mulberry32: a small, fast PRNG; the same seed gives the same dataset. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries.at(-1)![0];
  };
  /** Log-normal-ish GWh: most plants small, a few very large. */
  const gwh = () => Math.round(Math.min(150, Math.exp(1.2 + next() * 2.4 + next() * 0.8)) * 10) / 10;
  return { next, int, pick, weighted, gwh };
}

const dayOf = (start: string, offsetDays: number) => new Date(Date.parse(`${start}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number, w = 6) => String(n).padStart(w, '0');

const CITY_WORDS = ['Skellefteå', 'Göd', 'Łódź', 'Nord', 'Søndre', 'Zaragoza', 'Öresund', 'Brno', 'Debrecen', 'Dunkerque', 'Ávila', 'Kraków', 'Turku', 'Šurany', 'Ústí', 'Bremen', 'Porto', 'Cluj', 'Győr', 'Niš'];
const NAME_WORDS = ['Volt', 'Cell', 'Lumen', 'Nordic', 'Iber', 'Danube', 'Baltic', 'Alpine', 'Atlas', 'Fjord', 'Helios', 'Carpat'];
const STATUS_PATHS: Record<string, string[]> = {
  operational: ['announced', 'under_construction', 'operational'],
  under_construction: ['announced', 'under_construction'],
  announced: ['announced'],
  paused: ['announced', 'under_construction', 'operational', 'paused'],
  cancelled: ['announced', 'cancelled'],
};

async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perBatch = Math.max(1, Math.min(1000, Math.floor(60_000 / columns.length)));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, batch.flat());
  }
}

async function idsBy(client: pg.ClientBase, sql: string): Promise<Map<string, number>> {
  return new Map((await client.query<{ k: string; id: number }>(sql)).rows.map((r) => [r.k, r.id]));
}

export async function generateSynthetic(url: string, opts: SyntheticOptions): Promise<SyntheticCounts> {
  const rnd = prng(opts.seed ?? 1);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const existing = await client.query(`SELECT 1 FROM plant WHERE ref LIKE 'SYN-%' LIMIT 1`);
    if (existing.rowCount) {
      if (!opts.replace) throw new Error('synthetic rows already exist; pass --replace to remove them first');
      await client.query(`DELETE FROM contract WHERE ref LIKE 'SYN-%'`);
      await client.query(`DELETE FROM company_parent WHERE company_id IN (SELECT id FROM company WHERE slug LIKE 'syn-co-%')`);
      await client.query(`DELETE FROM plant WHERE ref LIKE 'SYN-%'`);
      await client.query(`DELETE FROM company WHERE slug LIKE 'syn-co-%'`);
      await client.query(`DELETE FROM source WHERE url LIKE '${SOURCE_URL}%'`);
    }
    // Leaf regions of the curated tree (not "rest of world"), weighted by how many real plants their country has.
    const leaves = (await client.query<{ id: number; country_id: number; weight: number }>(`
      SELECT r.id, c.id AS country_id,
             1 + (SELECT COUNT(*) FROM plant p WHERE p.country_id = c.id AND p.ref NOT LIKE 'SYN-%')::int AS weight
      FROM region r JOIN region c ON c.level = 'country' AND starts_with(r.path, c.path)
      WHERE r.deleted_at IS NULL AND r.path NOT LIKE '/rest-of-world/%'
        AND NOT EXISTS (SELECT 1 FROM region ch WHERE ch.parent_id = r.id)`)).rows;
    if (leaves.length === 0) throw new Error('no regions: run npm run db:prepare first');
    const regionPool = leaves.flatMap((l) => Array.from({ length: l.weight }, () => l));
    const countryIds = [...new Set(leaves.map((l) => l.country_id))];

    const nCompanies = Math.max(20, Math.round(opts.plants / 8));
    const companyRows = Array.from({ length: nCompanies }, (_, i) => [
      `syn-co-${pad(i, 5)}`, `Synthetic ${rnd.pick(NAME_WORDS)} Cells ${pad(i, 5)}`,
      rnd.weighted({ european: 45, chinese: 25, korean: 12, japanese: 5, us: 5, taiwanese: 3, other: 5 }),
      rnd.weighted({ active: 85, insolvent: 8, acquired: 5, dissolved: 2 }),
      rnd.pick(countryIds), new Date(),
    ]);
    await insertRows(client, 'company', ['slug', 'name', 'origin', 'status', 'hq_country_id', 'updated_at'], companyRows);
    const companyIds = [...(await idsBy(client, `SELECT slug AS k, id FROM company WHERE slug LIKE 'syn-co-%' ORDER BY id`)).values()];

    const nSources = Math.max(50, Math.round(opts.plants / 4));
    const sourceDays = Array.from({ length: nSources }, () => rnd.int(0, 3250));
    await insertRows(client, 'source', ['url', 'publisher', 'title', 'language', 'tier', 'published_on', 'updated_at'],
      sourceDays.map((day, i) => [
        `${SOURCE_URL}${pad(i)}`, `Synthetic Wire ${i % 40}`, `Synthetic report ${pad(i)}`, 'en',
        rnd.weighted({ primary: 30, major: 40, trade: 30 }), dayOf('2018-01-01', day), new Date(),
      ]));
    const sourceIds = [...(await idsBy(client, `SELECT url AS k, id FROM source WHERE url LIKE '${SOURCE_URL}%' ORDER BY id`)).values()];
    const sourceDay = new Map(sourceIds.map((id, i) => [id, sourceDays[i]!]));
    /** A source for a fact that took effect on `day`, and the day it became known: some days later, never before the source. */
    const cite = (day: number): [number, string] => {
      const source = rnd.pick(sourceIds);
      const lag = Math.floor(Number(rnd.weighted({ 0: 60, 7: 20, 45: 15, 200: 5 })) * rnd.next());
      return [source, dayOf('2018-01-01', Math.max(day + lag, sourceDay.get(source)!))];
    };

    // Groups: a fifth of the companies belong to another one (a majority, a minority or an undisclosed stake).
    const links: unknown[][] = [];
    for (let i = 0; i < companyIds.length; i++) {
      if (rnd.next() >= 0.2) continue;
      const parent = companyIds[rnd.int(0, companyIds.length - 1)]!;
      if (parent === companyIds[i]) continue;
      const day = rnd.int(0, 3000);
      const [source, knownOn] = cite(day);
      links.push([companyIds[i], parent, rnd.weighted({ 100: 40, 51: 20, 30: 20, none: 20 }), dayOf('2018-01-01', day), knownOn, source]);
    }
    await insertRows(client, 'company_parent', ['company_id', 'parent_id', 'stake_pct', 'effective_on', 'known_on', 'source_id'],
      links.map(([c, p, stake, ...rest]) => [c, p, stake === 'none' ? null : Number(stake), ...rest]));

    const plants = Array.from({ length: opts.plants }, (_, i) => {
      const leaf = rnd.pick(regionPool);
      const status = rnd.weighted({ operational: 25, under_construction: 20, announced: 35, paused: 8, cancelled: 12 });
      const facility = rnd.weighted({ cell_gigafactory: 80, cell_small: 10, cell_pilot: 5, module_pack: 5 });
      // Status history first: each step 4 months to 2 years after the last, none after 2026-10.
      const path = STATUS_PATHS[status]!;
      const days: number[] = [];
      for (let k = 0, day = rnd.int(0, 1800); k < path.length; k++, day = Math.min(day + rnd.int(120, 700), 3200)) days.push(day);
      const yearOfDay = (day: number) => Number(dayOf('2018-01-01', day).slice(0, 4));
      const opIndex = path.indexOf('operational');
      // First series output: when it became operational, or planned 1–3 years after the last event.
      const startYear = opIndex >= 0 ? yearOfDay(days[opIndex]!)
        : status === 'cancelled' ? null : yearOfDay(days.at(-1)!) + rnd.int(1, 3);
      return {
        ref: `SYN-${pad(i)}`, status, path, days, startYear: startYear ?? yearOfDay(days[0]!) + 3,
        row: [
          `SYN-${pad(i)}`, `syn-plant-${pad(i)}`, `${rnd.pick(NAME_WORDS)}${rnd.pick(NAME_WORDS).toLowerCase()} ${rnd.pick(CITY_WORDS)} ${pad(i)}`,
          rnd.pick(companyIds), `${rnd.pick(CITY_WORDS)} ${rnd.int(1, 99)}`, leaf.id, leaf.country_id,
          (36 + rnd.next() * 33).toFixed(5), (-9 + rnd.next() * 38).toFixed(5), status,
          rnd.weighted({ nmc: 35, lfp: 30, lmfp: 5, nca: 3, solid_state: 4, sodium_ion: 3, mixed: 8, unknown: 12 }),
          rnd.weighted({ ev: 55, ess: 15, ev_and_ess: 15, industrial: 5, unknown: 10 }),
          facility, facility !== 'module_pack',
          startYear,
          rnd.weighted({ high: 50, medium: 35, low: 15 }), new Date(),
        ],
      };
    });
    await insertRows(client, 'plant', ['ref', 'slug', 'name', 'operator_id', 'city', 'region_id', 'country_id', 'lat', 'lon',
      'status', 'chemistry_family', 'segment', 'facility_type', 'in_cell_totals', 'start_year', 'confidence', 'updated_at'],
    plants.map((p) => p.row));
    const plantIds = await idsBy(client, `SELECT ref AS k, id FROM plant WHERE ref LIKE 'SYN-%'`);
    const plantOperator = new Map(plants.map((p) => [plantIds.get(p.ref)!, p.row[3] as number]));

    // Status histories: the path to the plant's current status, dated in order.
    const events: unknown[][] = [];
    for (const p of plants) {
      const id = plantIds.get(p.ref)!;
      p.path.forEach((status, k) => {
        const [source, knownOn] = cite(p.days[k]!);
        events.push([`${p.ref}/S${k + 1}`, id, status, dayOf('2018-01-01', p.days[k]!), knownOn, source]);
      });
    }
    await insertRows(client, 'plant_status_event', ['ref', 'plant_id', 'status', 'effective_on', 'known_on', 'source_id'], events);

    // Operators: each plant's first from its first event; one in twenty-five later changes hands.
    const operators: unknown[][] = [];
    const firstDay = new Map(plants.map((p) => [plantIds.get(p.ref)!, p.days[0]!]));
    const refOf = new Map([...plantIds].map(([ref, id]) => [id, ref]));
    for (const [id, operator] of plantOperator) {
      const ref = refOf.get(id)!;
      const [source, knownOn] = cite(firstDay.get(id)!);
      operators.push([`${ref}/O1`, id, operator, dayOf('2018-01-01', firstDay.get(id)!), knownOn, source]);
      if (rnd.next() < 0.04) {
        const day = Math.min(firstDay.get(id)! + rnd.int(200, 1500), 3200);
        const [s2, k2] = cite(day);
        const next = rnd.pick(companyIds);
        if (next !== operator) {
          operators.push([`${ref}/O2`, id, next, dayOf('2018-01-01', day), k2, s2]);
          plantOperator.set(id, next);
        }
      }
    }
    await insertRows(client, 'plant_operator', ['ref', 'plant_id', 'company_id', 'effective_on', 'known_on', 'source_id'], operators);

    // Partners for a quarter of the plants; most with stakes, some adding up to 100%.
    const partners: unknown[][] = [];
    for (const [id, operator] of plantOperator) {
      if (rnd.next() >= 0.25) continue;
      let left = rnd.next() < 0.3 ? 100 : rnd.int(20, 95);
      const chosen = new Set<number>([operator]);
      for (let k = rnd.int(1, 3); k > 0; k--) {
        const company = rnd.pick(companyIds);
        if (chosen.has(company)) continue;
        chosen.add(company);
        const stake = rnd.next() < 0.8 ? (k === 1 ? left : Math.round(rnd.next() * left * 100) / 100) : null;
        if (stake !== null) left = Math.round((left - stake) * 100) / 100;
        const day = Math.min(firstDay.get(id)! + rnd.int(0, 600), 3200);
        const [source, knownOn] = cite(day);
        partners.push([`SYN-P-${pad(partners.length)}`, id, company,
          rnd.weighted({ jv_partner: 50, shareholder: 30, investor: 15, technology_partner: 5 }), stake,
          dayOf('2018-01-01', day), knownOn, source]);
      }
    }
    await insertRows(client, 'plant_partner', ['ref', 'plant_id', 'company_id', 'role', 'stake_pct', 'effective_on', 'known_on', 'source_id'], partners);
    await insertRows(client, 'plant_source', ['plant_id', 'source_id'],
      [...plantIds.values()].map((id) => [id, rnd.pick(sourceIds)]));

    // Announcements: every plant gets one, the rest spread at random. Figures ramp up from the first
    // output year; about a third revise an earlier figure (often downwards).
    const firstYear = new Map(plants.map((p) => [plantIds.get(p.ref)!, p.startYear]));
    const perPlant = new Map<number, number>([...plantIds.values()].map((id) => [id, 1]));
    const ids = [...plantIds.values()];
    for (let k = opts.plants; k < opts.announcements; k++) {
      const id = rnd.pick(ids);
      perPlant.set(id, perPlant.get(id)! + 1);
    }
    const anns: unknown[][] = [];
    for (const [ref, id] of plantIds) {
      const figures: { year: number; gwh: number; day: number }[] = [];
      const base = Math.max(2015, Math.min(2035, firstYear.get(id)!));
      const size = rnd.gwh();
      for (let k = 0; k < perPlant.get(id)!; k++) {
        const revise = figures.length > 0 && rnd.next() < 0.35;
        const prior = revise ? rnd.pick(figures) : null;
        const longTerm = !revise && rnd.next() < 0.05;
        const year = prior ? prior.year : Math.min(2060, base + rnd.int(0, 9));
        const gwh = Math.round((prior ? prior.gwh * (0.3 + rnd.next() * 1.2) : size * (1 + 0.25 * (year - base)) * (0.9 + rnd.next() * 0.2)) * 10) / 10;
        const day = prior ? Math.min(prior.day + rnd.int(30, 900), 3200) : rnd.int(0, 3000);
        if (!longTerm) figures.push({ year, gwh, day });
        const [source, knownOn] = cite(day);
        anns.push([`${ref}/A${k + 1}`, id, longTerm ? 'long_term' : 'milestone', longTerm ? null : year, gwh,
          dayOf('2018-01-01', day), knownOn, source, rnd.weighted({ high: 50, medium: 35, low: 15 })]);
      }
    }
    await insertRows(client, 'capacity_announcement',
      ['ref', 'plant_id', 'scope', 'target_year', 'gwh_per_year', 'announced_on', 'known_on', 'source_id', 'confidence'], anns);

    const contracts: unknown[][] = [];
    for (let i = 0; i < opts.contracts; i++) {
      const plantId = rnd.pick(ids);
      const supplier = plantOperator.get(plantId)!;
      let buyer = rnd.pick(companyIds);
      if (buyer === supplier) buyer = companyIds[(companyIds.indexOf(buyer) + 1) % companyIds.length]!;
      const start = rnd.next() < 0.15 ? null : rnd.int(2018, 2032);
      const basis = rnd.weighted({ per_year: 50, total: 10, none: 40 });
      contracts.push([`SYN-C-${pad(i)}`,
        rnd.weighted({ cell_supply: 60, captive_jv_supply: 10, captive_group_supply: 10, ess_supply: 8, module_supply: 5, mou: 5, power_supply: 2 }),
        supplier, buyer, rnd.next() < 0.7 ? plantId : null, start,
        start !== null && rnd.next() < 0.5 ? start + rnd.int(1, 12) : null,
        basis === 'none' ? null : rnd.gwh(), basis === 'none' ? null : basis,
        rnd.weighted({ active: 45, planned: 25, cancelled: 10, terminated: 8, disrupted: 4, superseded: 3, expired: 5 }),
        rnd.weighted({ high: 50, medium: 35, low: 15 }), new Date()]);
    }
    await insertRows(client, 'contract', ['ref', 'kind', 'supplier_id', 'buyer_id', 'plant_id', 'start_year', 'end_year',
      'volume_gwh', 'volume_basis', 'status', 'confidence', 'updated_at'], contracts);
    const contractIds = await idsBy(client, `SELECT ref AS k, id FROM contract WHERE ref LIKE 'SYN-%'`);
    await insertRows(client, 'contract_source', ['contract_id', 'source_id'],
      [...contractIds.values()].map((id) => [id, rnd.pick(sourceIds)]));
    // Each contract's history: signed (as planned or active), then its present status if different.
    const contractEvents: unknown[][] = [];
    for (const c of contracts) {
      const ref = c[0] as string;
      const status = c[9] as string;
      const day = rnd.int(0, 2800);
      const first = status === 'planned' ? 'planned' : 'active';
      const [source, knownOn] = cite(day);
      contractEvents.push([`${ref}/E1`, contractIds.get(ref)!, first, dayOf('2018-01-01', day), knownOn, source]);
      if (status !== first) {
        const later = Math.min(day + rnd.int(60, 900), 3200);
        const [s2, k2] = cite(later);
        contractEvents.push([`${ref}/E2`, contractIds.get(ref)!, status, dayOf('2018-01-01', later), k2, s2]);
      }
    }
    await insertRows(client, 'contract_event', ['ref', 'contract_id', 'status', 'effective_on', 'known_on', 'source_id'], contractEvents);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return {
      companies: nCompanies, companyLinks: links.length, sources: nSources, plants: opts.plants, statusEvents: events.length,
      operators: operators.length, partners: partners.length, announcements: anns.length, contracts: contracts.length,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      plants: { type: 'string', default: '20000' }, announcements: { type: 'string', default: '200000' },
      contracts: { type: 'string', default: '20000' }, seed: { type: 'string', default: '1' },
      url: { type: 'string' }, replace: { type: 'boolean', default: false },
    },
  });
  const count = (name: string, v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}`);
    return n;
  };
  const opts: SyntheticOptions = {
    plants: count('plants', values.plants, 1), announcements: count('announcements', values.announcements, 0),
    contracts: count('contracts', values.contracts, 0), seed: count('seed', values.seed, 0), replace: values.replace,
  };
  const started = Date.now();
  const run = (url: string) => generateSynthetic(url, opts);
  const counts = values.url ? await run(values.url) : await withDatabase(run);
  console.log(`Wrote synthetic data in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().then(() => process.exit(0), exitWithError);
}
