import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATASET_DICTIONARY, DATASET_TABLES } from '@/lib/api/dataset-dictionary';
import { createDatasetSnapshot } from '@/lib/db/api/create-dataset-snapshot';
import { call, json, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

async function unzip(r: Response): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await r.arrayBuffer()));
  // ignoreBOM keeps the byte-order mark in the text, so the test can see it is there.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name.replace(/^voltrack-dataset\//, ''), utf8.decode(bytes)]));
}

const parse = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result;
};

describe('the dataset download', () => {
  it('holds one CSV per table with the dictionary’s columns, every live row, a README and the licence', async () => {
    const r = await call('/download/dataset.zip');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/zip');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="voltrack-dataset-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = await unzip(r);
    expect(Object.keys(files).sort()).toEqual(['LICENSE.txt', 'README.txt', 'dataset.json', ...DATASET_TABLES.map((n) => DATASET_DICTIONARY[n].file)].sort());
    const counts = (await t.query<Record<string, number>>(`SELECT
      (SELECT COUNT(*)::int FROM plant WHERE deleted_at IS NULL) AS plants,
      (SELECT COUNT(*)::int FROM capacity_announcement WHERE deleted_at IS NULL) AS capacity_announcements,
      (SELECT COUNT(*)::int FROM plant_status_event WHERE deleted_at IS NULL) AS status_events,
      (SELECT COUNT(*)::int FROM plant_operator WHERE deleted_at IS NULL) AS plant_operators,
      (SELECT COUNT(*)::int FROM plant_partner WHERE deleted_at IS NULL) AS plant_partners,
      (SELECT COUNT(*)::int FROM contract WHERE deleted_at IS NULL) AS contracts,
      (SELECT COUNT(*)::int FROM contract_event WHERE deleted_at IS NULL) AS contract_events,
      (SELECT COUNT(*)::int FROM company WHERE deleted_at IS NULL) AS companies,
      (SELECT COUNT(*)::int FROM company_parent WHERE deleted_at IS NULL) AS company_owners,
      (SELECT COUNT(*)::int FROM region WHERE deleted_at IS NULL) AS regions,
      (SELECT COUNT(*)::int FROM region_claim) AS region_claims,
      (SELECT COUNT(*)::int FROM tracker_figure) AS tracker_figures,
      (SELECT COUNT(*)::int FROM source WHERE deleted_at IS NULL) AS sources`))[0]!;
    for (const name of DATASET_TABLES) {
      const table = DATASET_DICTIONARY[name];
      const csv = parse(files[table.file]!);
      expect(csv.meta.fields, table.file).toEqual(table.columns.map((c) => c.name));
      expect(csv.data.length, table.file).toBe(counts[name]);
      expect(files['README.txt']).toContain(`${table.file} (${counts[name]} rows)`);
      for (const c of table.columns) expect(files['README.txt']).toContain(c.name);
    }
    expect(files['LICENSE.txt']).toContain('Creative Commons Attribution 4.0');
    expect(files['LICENSE.txt']).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('gives the source of every figure, and UTF-8 names survive', async () => {
    const files = await unzip(await call('/download/dataset.zip'));
    const sources = new Map(parse(files['sources.csv']!).data.map((s) => [s.id, s]));
    const announcements = parse(files['capacity_announcements.csv']!).data;
    const withSource = announcements.filter((a) => a.source_id);
    expect(withSource.length).toBeGreaterThan(announcements.length * 0.9);
    for (const a of withSource) expect(a.source_url, a.ref).toBe(sources.get(a.source_id!)!.url);
    const [db] = await t.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM capacity_announcement WHERE source_id IS NOT NULL AND deleted_at IS NULL`);
    expect(withSource.length).toBe(db!.n);
    const plants = parse(files['plants.csv']!).data;
    expect(plants.find((p) => p.slug === 'northvolt-ett')?.city).toBe('Skellefteå');
    expect(plants.find((p) => p.slug === 'samsung-sdi-god')).toMatchObject({ city: 'Göd', country_code: 'HU' });
    const superseded = announcements.filter((a) => a.superseded === 'true');
    expect(superseded.length).toBeGreaterThan(0);
  });

  it('answers the same bytes (and ETag) for the same data, and a JSON twin', async () => {
    // Each body is read before the next request: a streamed body holds its transaction until read.
    const a = await call('/download/dataset.zip');
    const aBytes = new Uint8Array(await a.arrayBuffer());
    const b = await call('/download/dataset.zip');
    expect(new Uint8Array(await b.arrayBuffer())).toEqual(aBytes);
    expect(a.headers.get('etag')).toBeTruthy();
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect((await call('/download/dataset.zip', '', { headers: { 'if-none-match': a.headers.get('etag')! } })).status).toBe(304);
    const data = await json(await call('/download/dataset.json'));
    expect(data.status).toBe(200);
    const tables = data.body.tables as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(tables)).toEqual([...DATASET_TABLES]);
    const ett = tables.plants!.find((p) => p.slug === 'northvolt-ett')!;
    expect(typeof ett.lat).toBe('number');
    expect(ett.counted_in_cell_totals).toBe(true);
    expect(data.body.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
  });
});

describe('dated snapshots', () => {
  it('are stored once, never replaced, refused UPDATE and DELETE, and served byte for byte', async () => {
    const first = await createDatasetSnapshot({ date: '2026-11-20', citationBase: 'https://voltrack.example' });
    expect(first.created).toBe(true);
    await t.query(`UPDATE plant SET name = 'Renamed later' WHERE slug = 'northvolt-ett'`);
    const again = await createDatasetSnapshot({ date: '2026-11-20', citationBase: 'https://voltrack.example' });
    expect(again).toEqual({ ...first, created: false });
    await expect(t.query(`UPDATE dataset_snapshot SET counts = '{}'`)).rejects.toThrow(/immutable/);
    await expect(t.query(`DELETE FROM dataset_snapshot`)).rejects.toThrow(/immutable/);

    const r = await call('/download/snapshots/{file}', '', { params: { file: '2026-11-20.zip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await r.arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.zipSha256);
    const files = await unzip(new Response(bytes));
    expect(files['README.txt']).toContain('Cite as: Voltrack, dataset of 2026-11-20, https://voltrack.example/api/v1/download/snapshots/2026-11-20.zip');
    expect(parse(files['plants.csv']!).data.find((p) => p.slug === 'northvolt-ett')?.name).not.toBe('Renamed later');
    const live = await unzip(await call('/download/dataset.zip'));
    expect(parse(live['plants.csv']!).data.find((p) => p.slug === 'northvolt-ett')?.name).toBe('Renamed later');

    const jsonFile = await json(await call('/download/snapshots/{file}', '', { params: { file: '2026-11-20.json' } }));
    expect(jsonFile.body.date).toBe('2026-11-20');
    const list = await json(await call('/download/snapshots'));
    expect(list.body.data).toEqual([expect.objectContaining({
      date: '2026-11-20', zipSha256: first.zipSha256, zipUrl: 'http://voltrack.test/api/v1/download/snapshots/2026-11-20.zip',
    })]);
    for (const file of ['2026-11-21.zip', '2026-11-20.csv', '../2026-11-20.zip', '2026-02-30.zip']) {
      expect((await call('/download/snapshots/{file}', '', { params: { file } })).status, file).toBe(404);
    }
  });
});
