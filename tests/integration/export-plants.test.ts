import Papa from 'papaparse';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET } from '@/app/plants/export/route';
import { EXPORT_BATCH, exportPlantBatches, type PlantExportRow } from '@/lib/db/export-plants';
import { listPlants, type PlantListRow } from '@/lib/db/list-plants';
import type { ReadInBatchesOptions } from '@/lib/db/read-in-batches';
import { DEFAULT_WEIGHTS, statusAsOf } from '@/lib/domain/capacity';
import { todayIso } from '@/lib/validation/capacity';
import { explorerYears, parsePlantFilters, type PlantFilters } from '@/lib/validation/plant-filters';
import { rawSearchParamsOf } from '@/lib/validation/search-params';
import { generateSynthetic } from '@/scripts/data/generate-synthetic';
import { setupTestDatabase } from '../support/database';
import { loadOracle, oracleExplorer, oracleFigureAnnouncement, partnersOn } from '../support/oracle';
import { withAppDatabaseThroughProxy } from '../support/app-database-proxy';

const t = setupTestDatabase({ seeded: true });
let data: Awaited<ReturnType<typeof loadOracle>>;

beforeAll(async () => {
  data = await loadOracle(t);
});

const get = (query: string) => GET(new Request(`http://voltrack.test/plants/export?${query}`));
const parseCsv = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
const filtersOf = (query: string) => parsePlantFilters(rawSearchParamsOf(new URLSearchParams(query)), todayIso()).filters;
const expected = (query: string) => oracleExplorer(data, filtersOf(query), DEFAULT_WEIGHTS);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readAll(batches: AsyncGenerator<PlantExportRow[]>): Promise<{ rows: PlantExportRow[]; sizes: number[] }> {
  const rows: PlantExportRow[] = [];
  const sizes: number[] = [];
  for await (const batch of batches) {
    rows.push(...batch);
    sizes.push(batch.length);
  }
  return { rows, sizes };
}

/** The explorer's own list, page after page: what the export must hold, row for row. */
async function explorerList(filters: PlantFilters): Promise<PlantListRow[]> {
  const rows: PlantListRow[] = [];
  for (let page = 1; ; page++) {
    const result = await listPlants({ ...filters, page, size: 100 });
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}

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
    expect(csv.data.map((r) => r.ref).sort()).toEqual(data.plants.filter((p) => p.regionPath.startsWith(data.regionPaths.get('hauts-de-france')!)).map((p) => p.ref).sort());
    expect(csv.data.map((r) => r.ref)).toEqual(expect.arrayContaining(['FR-01', 'FR-02', 'FR-03', 'FR-04']));
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
        const gwh = row[`capacity_${col}_gwh`] === '' ? 0 : Number(row[`capacity_${col}_gwh`]);
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
    expect(json.plants.map((p) => p.ref).sort()).toEqual(expected('region=hauts-de-france').map((r) => r.plant.ref).sort());
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

describe('plant export read in batches', () => {
  let plantUrls: Map<number, string[]>;
  beforeAll(async () => {
    const urls = await t.query<{ plant_id: number; url: string }>(`
      SELECT ps.plant_id, s.url FROM plant_source ps JOIN source s ON s.id = ps.source_id WHERE s.url IS NOT NULL`);
    plantUrls = new Map();
    for (const u of urls) plantUrls.set(u.plant_id, [...(plantUrls.get(u.plant_id) ?? []), u.url]);
  });
  /** The partners on the as-of date as the export names them: by name, with the stake where published. */
  const partnerNames = (p: (typeof data.plants)[number], asOf: string) => {
    const names = partnersOn(p.partners, asOf)
      .map((x) => ({ name: data.companies.get(x.companyId)!.name, id: x.companyId, stake: x.stakePct }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))
      .map((x) => (x.stake === null ? x.name : `${x.name} ${x.stake.toFixed(2)}%`));
    return names.length ? names.join('; ') : null;
  };

  /** Every row equals the explorer's, in its order, and carries the sources the raw rows give. */
  async function expectExplorerRows(query: string, options: ReadInBatchesOptions) {
    const filters = filtersOf(query);
    const { rows, sizes } = await readAll(exportPlantBatches(filters, options));
    const list = await explorerList(filters);
    expect(list.length, query).toBeGreaterThan(options.batchSize);
    expect(sizes.slice(0, -1).every((n) => n === options.batchSize), query).toBe(true);
    expect(rows, query).toEqual(list.map((row) => expect.objectContaining(row)));
    expect(rows.map((r) => r.ref), query).toEqual(expected(query).map((r) => r.plant.ref));

    const years = explorerYears(filters);
    const lookup = (year: number) => (filters.scenario === 'operational' ? Math.min(year, years.now) : year);
    const byId = new Map(data.plants.map((p) => [p.id, p]));
    for (const row of rows) {
      const plant = byId.get(row.id)!;
      const source = (gwh: number | null, year: number) => (gwh !== null && gwh > 0 ? oracleFigureAnnouncement(plant, lookup(year), filters.asOf)?.sourceUrl ?? null : null);
      const statusId = statusAsOf(plant.statusEvents, filters.asOf)?.id;
      const status = plant.statusEvents.find((e) => e.id === statusId);
      expect({
        partners: row.partners,
        statusSourceUrl: row.statusSourceUrl,
        nowSourceUrl: row.nowSourceUrl,
        yearSourceUrl: row.yearSourceUrl,
        y2030SourceUrl: row.y2030SourceUrl,
        plantSourceUrls: row.plantSourceUrls?.split(' ').sort() ?? null,
      }, `${query}: ${row.ref}`).toEqual({
        partners: partnerNames(plant, filters.asOf),
        statusSourceUrl: status?.sourceUrl ?? null,
        nowSourceUrl: source(row.nowGwh, years.now),
        yearSourceUrl: source(row.yearGwh, years.y),
        y2030SourceUrl: source(row.y2030Gwh, years.y2030),
        plantSourceUrls: plantUrls.get(row.id)?.sort() ?? null,
      });
    }
  }

  const views = [
    '',
    'sort=name&dir=desc',
    'sort=start',
    'sort=now&scenario=operational&year=2028',
    'sort=year&dir=asc&scenario=weighted&year=2027',
    'sort=status&asOf=2024-06-30',
    'sort=operator&company=stellantis&company=acc&company=catl&company=volkswagen-group&company=northvolt&attribution=equity',
  ];

  it('holds the explorer’s rows in its order, with every figure and its source, across batch boundaries', async () => {
    for (const query of views) await expectExplorerRows(query, { batchSize: 7, idleMs: 10_000, maxSegmentMs: 60_000 });
  });

  it('resumes after the last row when a read is split into several transactions', async () => {
    // maxSegmentMs 0: every batch after the first of a transaction starts a new one (keyset resume).
    for (const query of views) await expectExplorerRows(query, { batchSize: 5, idleMs: 10_000, maxSegmentMs: 0 });
  });

  // Connections of this database holding a transaction open. On the embedded database (no
  // pg_stat_activity) any other query waits while one is open, which the tests use instead.
  const onServer = () => inject('testDb').kind === 'server';
  const idleInTransaction = async () => (await t.query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`))[0]!.n;

  it('ends its transaction while the reader pauses, so a slow download holds no connection', async () => {
    const filters = filtersOf('sort=now');
    const batches = exportPlantBatches(filters, { batchSize: 10, idleMs: 100, maxSegmentMs: 60_000 });
    const rows = [...(await batches.next()).value as PlantExportRow[]];
    if (onServer()) expect(await idleInTransaction()).toBe(1);
    await sleep(400);
    if (onServer()) expect(await idleInTransaction()).toBe(0);
    else await t.query('SELECT 1');
    rows.push(...(await readAll(batches)).rows);
    expect(rows.map((r) => r.id)).toEqual((await explorerList(filters)).map((r) => r.id));
  });

  it('a reader that stops early ends the transaction', async () => {
    const batches = exportPlantBatches(filtersOf(''), { batchSize: 10, idleMs: 60_000, maxSegmentMs: 60_000 });
    await batches.next();
    await batches.return(undefined);
    if (onServer()) expect(await idleInTransaction()).toBe(0);
    // On the embedded database, this read would wait for an open transaction to end.
    expect((await readAll(exportPlantBatches(filtersOf(''), EXPORT_BATCH))).rows.length).toBe(expected('').length);
  });

  it('a database lost in the middle of a read fails that read, and the next export works again', async () => {
    await withAppDatabaseThroughProxy(t.url, async (proxy) => {
      const batches = exportPlantBatches(filtersOf(''), { batchSize: 10, idleMs: 10_000, maxSegmentMs: 60_000 });
      expect((await batches.next()).value).toHaveLength(10);
      await proxy.cut();
      await expect(batches.next()).rejects.toThrow();
      await proxy.restore();
      expect((await readAll(exportPlantBatches(filtersOf(''), EXPORT_BATCH))).rows.length).toBe(expected('').length);
    });
  });
});

describe('plant export of a large synthetic set', () => {
  let n = 0;
  beforeAll(async () => {
    await generateSynthetic(t.url, { plants: 3000, announcements: 9000, contracts: 50, seed: 11 });
    [{ n }] = await t.query<{ n: number }>(`
      SELECT COUNT(*)::int AS n FROM plant p
      WHERE p.deleted_at IS NULL AND EXISTS (
        SELECT 1 FROM plant_status_event e WHERE e.plant_id = p.id AND e.deleted_at IS NULL AND e.effective_on <= $1::date)`, [todayIso()]) as [{ n: number }];
  });

  it('streams every row in batches instead of building the file in memory', async () => {
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
    // A header chunk, then one chunk per batch.
    const batches = Math.ceil(n / EXPORT_BATCH.batchSize);
    expect(batches).toBeGreaterThan(1);
    expect(chunks).toBe(1 + batches);
    const years = csv.data.map((r) => Number(r.capacity_2030_gwh));
    expect(years).toEqual([...years].sort((a, b) => b - a));

    const json = await (await get('format=json&sort=year&dir=desc')).json() as { count: number; plants: { ref: string }[] };
    expect(json.count).toBe(n);
    expect(json.plants.map((p) => p.ref)).toEqual(csv.data.map((r) => r.ref));
  });

  it('a database lost after the download started cuts the download short, logged, and the server answers the next one', async () => {
    await withAppDatabaseThroughProxy(t.url, async (proxy) => {
      const res = await get('format=csv');
      expect(res.status).toBe(200);
      await proxy.cut();
      const reader = res.body!.getReader();
      let rows = 0;
      const read = async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          rows += new TextDecoder().decode(value).split('\r\n').length - 1;
        }
      };
      await expect(read()).rejects.toThrow();
      // The header and the first batch, read before the answer started, and nothing after them.
      expect(rows).toBe(1 + EXPORT_BATCH.batchSize);
      const logged = vi.mocked(console.error).mock.calls.map((c) => c.map(String).join(' '));
      vi.mocked(console.error).mockClear();
      expect(logged).toEqual([expect.stringMatching(/^\[export\] stream failed/)]);

      await proxy.restore();
      const again = await get('format=csv');
      expect(again.status).toBe(200);
      expect(parseCsv(await again.text()).data.length).toBe(n);
    });
  });
});
