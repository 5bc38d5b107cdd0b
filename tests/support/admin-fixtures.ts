// Valid inputs for the admin data layer on the seeded dataset, each call unique, plus raw-SQL
// helpers to read what the database holds independently of the code under test.
import type { TestDatabase } from './database';

let n = 0;
const next = () => `${Date.now().toString(36)}${(n += 1)}`;

export function adminFixtures(t: TestDatabase) {
  const one = async <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => {
    const [row] = await t.query<T>(sql, params);
    if (!row) throw new Error(`fixture query found nothing: ${sql}`);
    return row;
  };
  const ids = {
    region: async (slug = 'nord-pas-de-calais') => (await one<{ id: number }>('SELECT id FROM region WHERE slug = $1', [slug])).id,
    company: async (offset = 0) => (await one<{ id: number }>('SELECT id FROM company WHERE deleted_at IS NULL ORDER BY id OFFSET $1 LIMIT 1', [offset])).id,
    /** A source published on 2026-03-01, after every fixture's own dates, so each may cite it. */
    // Looked up first: even an INSERT that writes nothing bumps the data version (a statement trigger).
    source: async () => {
      const [found] = await t.query<{ id: number }>(`SELECT id FROM source WHERE url = 'https://example.org/fixture-source'`);
      if (found) return found.id;
      return (await one<{ id: number }>(`
        INSERT INTO source (url, publisher, title, language, tier, published_on, date_precision, updated_at)
        VALUES ('https://example.org/fixture-source', 'Example', 'Fixture source', 'en', 'trade', '2026-03-01', 'day', now())
        RETURNING id`)).id;
    },
    plant: async (ref = 'FR-01') => (await one<{ id: number }>('SELECT id FROM plant WHERE ref = $1', [ref])).id,
  };
  const version = async (table: 'plant' | 'company' | 'contract' | 'source' | 'region' | 'app_user', id: number | string) =>
    (await one<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).version;
  const auditCount = async () => Number((await one<{ n: string }>('SELECT count(*) AS n FROM audit_log')).n);

  return {
    ids, version, auditCount, next,
    async plantInput(overrides: Record<string, unknown> = {}) {
      const tag = next();
      return {
        name: `Test plant ${tag}`, operatorId: String(await ids.company()), city: 'Lille', regionId: String(await ids.region()),
        lat: '50.6', lon: '3.06', locationApproximate: 'on', chemistryFamily: 'lfp', segment: 'ev', facilityType: 'cell_gigafactory',
        inCellTotals: 'on', confidence: 'medium', status: 'announced', statusSince: '2026-01-10', statusPrecision: 'day',
        firstTargetYear: '2030', firstGwh: '20', firstAnnouncedOn: '2026-01-10',
        source: { sourceId: String(await ids.source()) },
        ...overrides,
      };
    },
    async plantUpdate(id: number, overrides: Record<string, unknown> = {}) {
      const [p] = await t.query(`SELECT * FROM plant WHERE id = $1`, [id]);
      return {
        ref: p!.ref, name: p!.name, slug: p!.slug, city: p!.city, regionId: p!.region_id,
        lat: p!.lat === null ? null : Number(p!.lat), lon: p!.lon === null ? null : Number(p!.lon), locationApproximate: p!.location_approximate,
        chemistry: p!.chemistry, chemistryFamily: p!.chemistry_family, segment: p!.segment, facilityType: p!.facility_type,
        inCellTotals: p!.in_cell_totals, startYear: p!.start_year, confidence: p!.confidence, notes: p!.notes, version: p!.version,
        ...overrides,
      };
    },
    async companyInput() {
      return { name: `Test company ${next()}`, origin: 'european', status: 'active' };
    },
    async announcementInput(plantId: number, overrides: Record<string, unknown> = {}) {
      return {
        plantId, scope: 'milestone', targetYear: '2031', gwhPerYear: '7.5', announcedOn: '2026-02-01', datePrecision: 'day',
        confidence: 'medium', source: { sourceId: String(await ids.source()) }, ...overrides,
      };
    },
    async contractInput() {
      return {
        kind: 'cell_supply', supplierId: String(await ids.company(0)), buyerId: String(await ids.company(1)), datePrecision: 'day',
        startYear: '2027', endYear: '2032', volumeGwh: '5', volumeBasis: 'per_year', status: 'planned', confidence: 'low',
        source: { sourceId: String(await ids.source()) },
      };
    },
    sourceInput() {
      const tag = next();
      return { url: `https://example.org/${tag}`, publisher: 'Example', title: `Story ${tag}`, language: 'en', tier: 'trade', publishedOn: '2026-03-01', datePrecision: 'day' };
    },
    /** A source row written directly (deleted when asked), for delete/restore cases. */
    async rawSource(deleted = false) {
      const tag = next();
      return (await one<{ id: number }>(
        `INSERT INTO source (url, publisher, title, published_on, updated_at, deleted_at) VALUES ($2, 'Raw', $1, '2020-01-01', now(), ${deleted ? 'now()' : 'NULL'}) RETURNING id`,
        [`Raw ${tag}`, `https://example.org/raw-${tag}`])).id;
    },
    async rawAnnouncement(plantId: number) {
      return (await one<{ id: number }>(
        `INSERT INTO capacity_announcement (ref, plant_id, target_year, gwh_per_year, announced_on, known_on, confidence)
         VALUES ($1, $2, 2029, 3, '2025-05-05', '2025-05-05', 'low') RETURNING id`, [`RAW/${next()}`, plantId])).id;
    },
  };
}
