import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/plants/export/route';
import { EXPORT_BATCH, nextBatchSize } from '@/lib/db/export-plants';
import { DEFAULT_WEIGHTS } from '@/lib/domain/capacity';
import { todayIso } from '@/lib/validation/capacity';
import { parsePlantFilters } from '@/lib/validation/plant-filters';
import { generateSynthetic } from '@/scripts/data/generate-synthetic';
import { setupTestDatabase } from '../support/database';
import { loadExplorerOracle, oracleExplorer, oracleFigureAnnouncement } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
let data: Awaited<ReturnType<typeof loadExplorerOracle>>;

beforeAll(async () => {
  data = await loadExplorerOracle(t);
});

const get = (query: string) => GET(new Request(`http://voltrack.test/plants/export?${query}`));
const parseCsv = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
const expected = (query: string) =>
  oracleExplorer(data, parsePlantFilters(Object.fromEntries(new URLSearchParams(query)), todayIso()).filters, DEFAULT_WEIGHTS);

describe('plant export', () => {
  it('CSV: a UTF-8 attachment with a BOM, a header and exactly the filtered rows, in the explorer’s order', async () => {
    const query = 'region=hauts-de-france&sort=year&dir=desc&year=2028&size=25&page=2';
    const res = await get(`${query}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="voltrack-plants-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('ref,name,operator,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const csv = parseCsv(text);
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual(expect.arrayContaining([
      'capacity_now_gwh', 'capacity_now_source_url', 'capacity_2028_gwh', 'capacity_2028_source_url',
      'capacity_2030_gwh', 'capacity_2030_source_url', 'status_source_url',
    ]));
    // The whole set, not the requested page.
    const rows = expected(query);
    expect(csv.data.map((r) => r.ref)).toEqual(rows.map((r) => r.plant.ref));
    expect(csv.data.map((r) => r.ref).sort()).toEqual(['FR-01', 'FR-02', 'FR-03', 'FR-04'].sort());
  });

  it('carries each figure with the source of the announcement it comes from', async () => {
    const today = todayIso();
    const res = await get('format=csv&country=FR&country=DE&country=HU');
    const csv = parseCsv(await res.text());
    const byRef = new Map(data.plants.map((p) => [p.ref, p]));
    const nowYear = Number(today.slice(0, 4));
    let withSource = 0;
    for (const row of csv.data) {
      const plant = byRef.get(row.ref!)!;
      for (const [year, col] of [[nowYear, 'now'], [2030, '2030']] as const) {
        const gwh = Number(row[`capacity_${col}_gwh`]);
        const ann = oracleFigureAnnouncement(plant, year, today);
        if (gwh > 0) {
          expect(row[`capacity_${col}_source_url`], `${row.ref} ${col}`).toBe(ann?.sourceUrl ?? '');
          if (ann?.sourceUrl) withSource++;
        } else {
          expect(row[`capacity_${col}_source_url`]).toBe('');
        }
      }
      expect(row.voltrack_url).toBe(`http://voltrack.test/plants/${plant.slug}`);
    }
    expect(withSource).toBeGreaterThan(10);
  });

  it('keeps names in UTF-8 (Skellefteå, Göd)', async () => {
    const csv = parseCsv(await (await get('format=csv&country=SE&country=HU')).text());
    const names = csv.data.map((r) => r.name);
    expect(names).toContain('Northvolt Ett (Skellefteå) - now Lyten');
    expect(names).toContain('Samsung SDI Göd');
  });

  it('JSON holds the same rows and values as the CSV', async () => {
    const query = 'status=operational&company=stellantis&company=acc&attribution=equity';
    const [csvRes, jsonRes] = await Promise.all([get(`${query}&format=csv`), get(`${query}&format=json`)]);
    expect(jsonRes.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(jsonRes.headers.get('content-disposition')).toMatch(/\.json"$/);
    const csv = parseCsv(await csvRes.text());
    const json = await jsonRes.json() as { count: number; columns: string[]; plants: Record<string, unknown>[] };
    expect(json.count).toBe(csv.data.length);
    expect(json.columns).toEqual(csv.meta.fields);
    expect(json.columns).toContain('share_attributed_equity');
    const asCsvText = (v: unknown) => (v === null ? '' : String(v));
    expect(json.plants.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, asCsvText(v)])))).toEqual(csv.data);
    expect(json.plants.map((p) => p.ref)).toEqual(expected(query).map((r) => r.plant.ref));
  });

  it('answers unknown references and bad values with the valid part of the view, never an error', async () => {
    const res = await get('format=json&region=atlantis&status=exploded&region=hauts-de-france');
    expect(res.status).toBe(200);
    const json = await res.json() as { notices: string[]; plants: { ref: string }[] };
    expect(json.plants.map((p) => p.ref).sort()).toEqual(['FR-01', 'FR-02', 'FR-03', 'FR-04']);
    expect(json.notices.join(' ')).toMatch(/region=“atlantis”.*|status=“exploded”/);
    expect(json.notices).toHaveLength(2);
  });

  it('neutralises spreadsheet formulas in text cells', async () => {
    await t.query(`UPDATE plant SET name = '=HYPERLINK("http://evil.example","x")', city = '+1-2' WHERE ref = 'FR-01'`);
    try {
      const csv = parseCsv(await (await get('format=csv&region=hauts-de-france')).text());
      const row = csv.data.find((r) => r.ref === 'FR-01')!;
      expect(row.name).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(row.city).toBe(`'+1-2`);
    } finally {
      await t.query(`UPDATE plant SET name = 'Verkor Gigafactory Dunkirk (Bourbourg)', city = 'Bourbourg (Dunkirk area)' WHERE ref = 'FR-01'`);
    }
  });
});

describe('plant export of a large synthetic set', () => {
  it('streams every row in batches instead of building the file in memory', async () => {
    await generateSynthetic(t.url, { plants: 3000, announcements: 9000, contracts: 50, seed: 11 });
    const [{ n }] = await t.query<{ n: number }>(`
      SELECT COUNT(*)::int AS n FROM plant p
      WHERE p.deleted_at IS NULL AND EXISTS (
        SELECT 1 FROM plant_status_event e WHERE e.plant_id = p.id AND e.deleted_at IS NULL AND e.effective_on <= $1::date)`, [todayIso()]) as [{ n: number }];
    expect(n).toBeGreaterThan(3000);

    const res = await get('format=csv&sort=year&dir=desc');
    expect(res.body).toBeInstanceOf(ReadableStream);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let chunks = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    const csv = parseCsv(text);
    expect(csv.errors).toEqual([]);
    expect(csv.data.length).toBe(n);
    expect(new Set(csv.data.map((r) => r.ref)).size).toBe(n);
    // A header chunk, then one chunk per keyset batch (1000 rows, then doubling up to the cap).
    let batches = 0;
    for (let left = n, size: number = EXPORT_BATCH.first; left > 0; left -= size, size = nextBatchSize(size)) batches++;
    expect(batches).toBeGreaterThan(2);
    expect(chunks).toBe(1 + batches);
    const years = csv.data.map((r) => Number(r.capacity_2030_gwh));
    expect(years).toEqual([...years].sort((a, b) => b - a));

    const json = await (await get('format=json&sort=year&dir=desc')).json() as { count: number; plants: { ref: string }[] };
    expect(json.count).toBe(n);
    expect(json.plants.map((p) => p.ref)).toEqual(csv.data.map((r) => r.ref));
  });
});
