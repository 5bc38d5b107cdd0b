import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { writeSeedDataset } from '@/lib/db/seed-dataset';
import { loadSeedDataset } from '@/lib/seed-dataset';
import { setupTestDatabase, type TestDatabase } from '../support/database';

const t = setupTestDatabase();

const TABLES = ['region', 'company', 'source', 'plant', 'plant_partner', 'plant_source', 'plant_status_event',
  'capacity_announcement', 'contract', 'contract_source', 'region_claim'];

/** Row count and a checksum of every row's content (timestamps of the write excluded). */
async function fingerprint(t: TestDatabase) {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await t.query<{ n: number; sum: string }>(`
      SELECT count(*)::int AS n,
             md5(coalesce(string_agg((to_jsonb(x) - 'created_at' - 'updated_at')::text, '|' ORDER BY to_jsonb(x)::text), '')) AS sum
      FROM ${table} x`);
    out[table] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

describe('seed', () => {
  it('is idempotent: running it twice leaves the same rows', async () => {
    const data = await loadSeedDataset();
    await writeSeedDataset(db(), data);
    const first = await fingerprint(t);
    await writeSeedDataset(db(), data);
    expect(await fingerprint(t)).toEqual(first);
    expect(first.plant).toMatch(new RegExp(`^${data.plants.length}:`));
  });

  it('holds the curated dataset: ≥ 45 plants in ≥ 12 countries and ≥ 20 contracts, every figure sourced', async () => {
    const [c] = await t.query<{ plants: number; countries: number; contracts: number; unsourced: number }>(`
      SELECT (SELECT count(*)::int FROM plant) AS plants,
             (SELECT count(DISTINCT country_id)::int FROM plant) AS countries,
             (SELECT count(*)::int FROM contract) AS contracts,
             (SELECT count(*)::int FROM capacity_announcement WHERE source_id IS NULL) AS unsourced`);
    expect(c!.plants).toBeGreaterThanOrEqual(45);
    expect(c!.countries).toBeGreaterThanOrEqual(12);
    expect(c!.contracts).toBeGreaterThanOrEqual(20);
    expect(c!.unsourced).toBe(0);
    const [undated] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM source WHERE published_on IS NULL`);
    const [all] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM source`);
    expect(undated!.n).toBeLessThan(all!.n / 10);
  });

  it('tells the founding story: Verkor Dunkirk 16 GWh now, 50 GWh by 2030, opened December 2025', async () => {
    const rows = await t.query<{ target_year: number; gwh: string; region: string; status: string }>(`
      SELECT a.target_year, a.gwh_per_year::text AS gwh, r.path AS region, p.status::text AS status
      FROM plant p JOIN capacity_announcement a ON a.plant_id = p.id JOIN region r ON r.id = p.region_id
      WHERE p.slug = 'verkor-dunkirk' AND a.scope = 'milestone' AND a.deleted_at IS NULL ORDER BY a.target_year`);
    expect(rows.map((r) => [r.target_year, Number(r.gwh)])).toEqual(expect.arrayContaining([[2030, 50]]));
    expect(rows.some((r) => Number(r.gwh) === 16 && r.target_year <= 2026)).toBe(true);
    expect(rows[0]!.region).toContain('/hauts-de-france/');
    expect(rows[0]!.status).toBe('operational');
    const [opened] = await t.query<{ d: string }>(`
      SELECT to_char(e.effective_on, 'YYYY-MM') AS d FROM plant_status_event e JOIN plant p ON p.id = e.plant_id
      WHERE p.slug = 'verkor-dunkirk' AND e.status = 'operational'`);
    expect(opened!.d).toBe('2025-12');
  });

  it('records Verkor’s 12-year EDF power contract and Northvolt’s offtakes, BMW’s cancelled in 2024', async () => {
    const rows = await t.query<{ supplier: string; buyer: string; kind: string; status: string; duration: number | null; changed: string | null }>(`
      SELECT s.name AS supplier, b.name AS buyer, c.kind::text AS kind, c.status::text AS status,
             c.duration_years AS duration, to_char(c.status_changed_on, 'YYYY') AS changed
      FROM contract c JOIN company s ON s.id = c.supplier_id JOIN company b ON b.id = c.buyer_id`);
    const edf = rows.find((r) => /EDF/.test(r.supplier) && /Verkor/.test(r.buyer));
    expect(edf).toMatchObject({ kind: 'power_supply', duration: 12 });
    const northvolt = rows.filter((r) => /Northvolt/.test(r.supplier));
    for (const buyer of [/Volkswagen/, /Scania/, /BMW/]) expect(northvolt.some((r) => buyer.test(r.buyer))).toBe(true);
    expect(northvolt.find((r) => /BMW/.test(r.buyer))).toMatchObject({ status: 'cancelled', changed: '2024' });
  });

  it('keeps other trackers’ totals apart from the per-plant figures, each with its page: T&E’s 1.8 TWh of March 2023', async () => {
    const rows = await t.query<{ ref: string; publisher: string; value: string; known: string; url: string | null; published: string }>(`
      SELECT f.ref, f.publisher, f.value::text AS value, to_char(f.known_on, 'YYYY-MM-DD') AS known, s.url,
             to_char(s.published_on, 'YYYY-MM-DD') AS published
      FROM tracker_figure f JOIN source s ON s.id = f.source_id`);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.url, r.ref).toMatch(/^https?:\/\//);
      expect(r.known >= r.published, r.ref).toBe(true);
    }
    const te = rows.find((r) => r.ref === 'TE-2023-03-PIPELINE-2030');
    expect(te).toMatchObject({ publisher: 'Transport & Environment', value: '1800.000', known: '2023-03-06' });
    // Region claims are kept only with a page that states them; none is counted in any total.
    const [claims] = await t.query<{ n: number; unsourced: number }>(`
      SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE source_id IS NULL)::int AS unsourced FROM region_claim`);
    expect(claims!.unsourced).toBe(0);
  });

  it('marks Northvolt insolvent with Lyten as successor', async () => {
    const [nv] = await t.query<{ status: string; successor: string | null }>(`
      SELECT c.status::text AS status, s.name AS successor FROM company c LEFT JOIN company s ON s.id = c.successor_id
      WHERE c.name ILIKE 'Northvolt%' ORDER BY c.id LIMIT 1`);
    expect(nv).toMatchObject({ status: 'insolvent' });
    expect(nv!.successor).toMatch(/Lyten/);
  });
});
