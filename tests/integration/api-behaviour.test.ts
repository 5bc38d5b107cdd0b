import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getDashboardData } from '@/lib/db/dashboard';
import { listPlants } from '@/lib/db/list-plants';
import { getRegion } from '@/lib/db/regions';
import { parseDashboardParams } from '@/lib/validation/dashboard';
import { parsePlantFilters } from '@/lib/validation/plant-filters';
import { todayIso } from '@/lib/validation/capacity';
import { call, json, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

type Page = { data: Record<string, unknown>[]; meta: { total: number; limit: number; nextCursor: string | null } };

/** Follows nextCursor from the first page to the last, returning every row. */
async function walk(path: string, query: string): Promise<{ rows: Record<string, unknown>[]; pages: number; total: number }> {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total = -1;
  do {
    const r = await call(path, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, await r.clone().text()).toBe(200);
    const page = await r.json() as Page;
    if (page.meta.nextCursor) expect(r.headers.get('link')).toContain(`cursor=${page.meta.nextCursor}`);
    else expect(r.headers.get('link')).toBeNull();
    total = page.meta.total;
    rows.push(...page.data);
    cursor = page.meta.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return { rows, pages, total };
}

describe('the capacity series', () => {
  it('equals the dashboard’s for the same region and parameters (one implementation)', async () => {
    const today = todayIso();
    for (const [slug, raw] of [
      ['hauts-de-france', { group: 'company', scenario: 'risk_weighted', w_an: '0.5' }],
      ['germany', { group: 'status', scenario: 'announced', asOf: '2024-06-30' }],
      ['nordics', { group: 'country', scenario: 'operational' }],
    ] as const) {
      const region = await getRegion(slug);
      const { params, weights } = parseDashboardParams(raw, today);
      const dashboard = await getDashboardData(params, weights, region!.path);
      const query = new URLSearchParams({ ...raw, region: slug, fromYear: String(dashboard.fromYear), toYear: String(dashboard.toYear) });
      const api = await json(await call('/capacity', query.toString()));
      expect(api.status).toBe(200);
      expect(api.body.data).toEqual(dashboard.series);
      expect(dashboard.series.length).toBeGreaterThan(0);
    }
  });

  it('answers 400 naming region for an unknown region, and both problems at once', async () => {
    const r = await json(await call('/capacity', 'region=atlantis&scenario=hopeful'));
    expect(r.status).toBe(400);
    const issues = (r.body.error as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(issues).toEqual(['scenario']);
    const unknown = await json(await call('/capacity', 'region=atlantis'));
    expect(unknown.body.error).toMatchObject({ code: 'invalid', issues: [{ path: 'region', message: 'no region has the slug “atlantis”' }] });
  });
});

describe('paging', () => {
  it('walks every plant exactly once, in the explorer’s order, for several sorts', async () => {
    const today = todayIso();
    for (const sort of ['name', 'now', 'start', 'country']) {
      const { rows, pages, total } = await walk('/plants', `sort=${sort}&limit=7&scenario=risk_weighted`);
      const all = await listPlants(parsePlantFilters({ sort, scenario: 'risk_weighted', size: '100' }, today).filters);
      expect(total).toBe(all.summary.count);
      expect(pages).toBe(Math.ceil(total / 7));
      expect(rows.map((r) => r.slug)).toEqual(all.rows.map((r) => r.slug));
    }
  });

  it('walks contracts, sources, companies, regions and changes without gaps or repeats', async () => {
    const counts = await t.query<{ contracts: number; sources: number; companies: number }>(`SELECT
      (SELECT COUNT(*)::int FROM contract WHERE deleted_at IS NULL) AS contracts,
      (SELECT COUNT(*)::int FROM source WHERE deleted_at IS NULL) AS sources,
      (SELECT COUNT(*)::int FROM company WHERE deleted_at IS NULL) AS companies`);
    for (const [path, key, expected] of [
      ['/contracts', 'ref', counts[0]!.contracts], ['/sources', 'id', counts[0]!.sources], ['/companies', 'slug', counts[0]!.companies],
      ['/regions', 'slug', null], ['/changes', 'id', null],
    ] as const) {
      const { rows, total } = await walk(path, 'limit=9');
      const keys = rows.map((r) => String(r[key]));
      expect(new Set(keys).size, path).toBe(keys.length);
      expect(keys.length, path).toBe(total);
      if (expected !== null) expect(total, path).toBe(expected);
    }
  });

  it('orders changes newest first and filters them by kind, region and company', async () => {
    const { rows } = await walk('/changes', 'limit=50');
    // Newest first by the day each became public, never a day in the future.
    const known = rows.map((r) => String(r.knownOn));
    expect(known).toEqual([...known].sort().reverse());
    expect(known[0]! <= todayIso()).toBe(true);
    const capacity = await json(await call('/changes', 'kind=capacity&limit=500'));
    const announcements = await t.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM capacity_announcement WHERE deleted_at IS NULL`);
    expect((capacity.body.meta as Page['meta']).total).toBe(announcements[0]!.n);
    const newPlants = await json(await call('/changes', 'kind=new_plant&limit=500'));
    const plants = await t.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM plant WHERE deleted_at IS NULL`);
    expect((newPlants.body.meta as Page['meta']).total).toBe(plants[0]!.n);
    const hdf = await json(await call('/changes', 'region=hauts-de-france&limit=500'));
    const hdfPlants = new Set((await t.query<{ slug: string }>(`SELECT p.slug FROM plant p JOIN region r ON r.id = p.region_id
      WHERE r.path LIKE (SELECT path FROM region WHERE slug = 'hauts-de-france') || '%'`)).map((r) => r.slug));
    const hdfRows = hdf.body.data as { plant: { slug: string } | null }[];
    expect(hdfRows.length).toBeGreaterThan(0);
    for (const c of hdfRows) expect(hdfPlants.has(c.plant!.slug)).toBe(true);
    const capacityChange = (capacity.body.data as { previousGwh: number | null; source: unknown }[]);
    expect(capacityChange.some((c) => c.previousGwh !== null)).toBe(true);
    expect(capacityChange.every((c) => c.source !== undefined)).toBe(true);
  });

  it('refuses a cursor from another sort or a forged one', async () => {
    const first = await json(await call('/plants', 'sort=name&limit=3'));
    const cursor = (first.body.meta as Page['meta']).nextCursor!;
    const other = await json(await call('/plants', `sort=now&limit=3&cursor=${cursor}`));
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ issues: [{ path: 'cursor' }] });
    const forged = await json(await call('/plants', `limit=3&cursor=${Buffer.from('{"s":"name:asc","id":"1 OR 1=1"}').toString('base64url')}`));
    expect(forged.status).toBe(400);
  });
});

describe('HTTP behaviour', () => {
  it('answers 304 to a current If-None-Match, and 200 with a new ETag after a change', async () => {
    const first = await call('/plants', 'limit=5');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await call('/plants', 'limit=5', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    await t.query(`UPDATE plant SET name = name || ' ' WHERE slug = (SELECT slug FROM plant ORDER BY name LIMIT 1)`);
    const changed = await call('/plants', 'limit=5', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await t.query(`UPDATE plant SET name = rtrim(name) WHERE name LIKE '% '`);
  });

  it('answers a CORS preflight, HEAD without a body, and 405 with Allow', async () => {
    const pre = await call('/capacity', '', { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const get = await call('/summary');
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    const head = await call('/summary', '', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const r = await call('/plants', '', { method, body: method === 'DELETE' ? undefined : '{}' });
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect((await r.json()).error).toMatchObject({ code: 'method_not_allowed', issues: [] });
    }
    const get405 = await call('/plants/{slug}/announcements', '', { method: 'GET', params: { slug: 'northvolt-ett' } });
    expect(get405.status).toBe(405);
    expect(get405.headers.get('allow')).toBe('OPTIONS, POST');
  });

  it('serves CSV that opens correctly: header, quoting, UTF-8 names', async () => {
    const r = await call('/plants', 'q=Skellefte%C3%A5&limit=50', { headers: { accept: 'text/csv' } });
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await r.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields?.slice(0, 4)).toEqual(['ref', 'slug', 'name', 'city']);
    expect(parsed.data.map((row) => row.city)).toContain('Skellefteå');
    const god = Papa.parse<Record<string, string>>(await (await call('/plants', 'q=G%C3%B6d&format=csv')).text(), { header: true, skipEmptyLines: true });
    expect(god.data.find((row) => row.slug === 'samsung-sdi-god')).toMatchObject({ name: 'Samsung SDI Göd', city: 'Göd', country_code: 'HU' });
    // A name with a comma and quotes round-trips through the quoting.
    const [{ name }] = await t.query<{ name: string }>(`SELECT name FROM plant WHERE slug = 'northvolt-ett'`) as [{ name: string }];
    await t.query(`UPDATE plant SET name = 'Ett, "the first"' WHERE slug = 'northvolt-ett'`);
    const quoted = Papa.parse<Record<string, string>>(await (await call('/plants', 'q=Skellefte%C3%A5&format=csv')).text(), { header: true, skipEmptyLines: true });
    expect(quoted.data.find((row) => row.slug === 'northvolt-ett')?.name).toBe('Ett, "the first"');
    await t.query(`UPDATE plant SET name = $1 WHERE slug = 'northvolt-ett'`, [name]);
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    const [{ name }] = await t.query<{ name: string }>(`SELECT name FROM company WHERE slug = 'northvolt'`) as [{ name: string }];
    await t.query(`UPDATE company SET name = '=HYPERLINK("http://evil.example","x")' WHERE slug = 'northvolt'`);
    const text = await (await call('/companies', 'format=csv&limit=500')).text();
    const row = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.find((r) => r.slug === 'northvolt');
    expect(row?.name).toBe('\'=HYPERLINK("http://evil.example","x")');
    await t.query(`UPDATE company SET name = $1 WHERE slug = 'northvolt'`, [name]);
  });

  it('answers 404 in the error shape for unknown records, and 400 for unknown filter slugs', async () => {
    const nf = await json(await call('/plants/{slug}', '', { params: { slug: 'no-such-plant' } }));
    expect(nf).toMatchObject({ status: 404, body: { error: { code: 'not_found', issues: [] } } });
    const bad = await json(await call('/plants', 'region=atlantis&company=acme-nope&status=operational'));
    expect(bad.status).toBe(400);
    expect((bad.body.error as { issues: unknown[] }).issues).toEqual([
      { path: 'region', message: 'no region has the slug “atlantis”' },
      { path: 'company', message: 'no company has the slug “acme-nope”' },
    ]);
  });
});
