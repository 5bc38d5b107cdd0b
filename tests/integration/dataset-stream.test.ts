// The streamed dataset downloads: the same content as the in-memory builders gave, the same bytes
// twice, one snapshot for the whole file, and faults after the first byte end the stream cleanly.
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { datasetZipChunks } from '@/lib/api/dataset';
import { DATASET_DICTIONARY, DATASET_TABLES } from '@/lib/api/dataset-dictionary';
import { streamOpenDataset } from '@/lib/db/api/stream-open-dataset';
import { call, ORIGIN, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';
import { oracleJson, oracleZipFiles, readOpenDataset } from '../support/dataset-oracle';
import { withAppDatabaseThroughProxy } from '../support/app-database-proxy';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);
const onServer = () => inject('testDb').kind === 'server';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const filesOf = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, b]) => [name.replace(/^voltrack-dataset\//, ''), utf8.decode(b)]));
const bytesOf = async (r: Response) => new Uint8Array(await r.arrayBuffer());
const today = () => new Date().toISOString().slice(0, 10);
const info = () => ({ date: today(), citationUrl: `${ORIGIN}/data` });
const csvRows = (csv: string) => Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
const readmeCount = (readme: string, file: string) => Number(new RegExp(`${file.replace('.', '\\.')} \\((\\d+) rows\\)`).exec(readme)?.[1]);

describe('the streamed dataset downloads', () => {
  it('JSON: exactly the text the in-memory builder gave for the same rows', async () => {
    const r = await call('/download/dataset.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await r.text();
    expect(text).toBe(oracleJson(await readOpenDataset(), info()));
  });

  it('zip: the same files with the same contents as the in-memory builder, dated the dataset’s day', async () => {
    const bytes = await bytesOf(await call('/download/dataset.zip'));
    expect(filesOf(bytes)).toEqual(oracleZipFiles(await readOpenDataset(), info()));
    const [y, m, d] = today().split('-').map(Number);
    // Every local header's DOS date is the dataset's day (midnight).
    const dosDate = ((y! - 1980) << 9) | (m! << 5) | d!;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) {
        expect(bytes[i + 10]! | (bytes[i + 11]! << 8)).toBe(0);
        expect(bytes[i + 12]! | (bytes[i + 13]! << 8)).toBe(dosDate);
      }
    }
  });

  it('the same data on the same day gives the same bytes and the same ETag; a write changes the ETag', async () => {
    for (const path of ['/download/dataset.json', '/download/dataset.zip']) {
      const a = await call(path);
      const aBytes = await bytesOf(a);
      const b = await call(path);
      expect(await bytesOf(b), path).toEqual(aBytes);
      const etag = a.headers.get('etag')!;
      expect(etag, path).toMatch(/^W\/"dataset-(json|zip)-\d{4}-\d{2}-\d{2}-v\d+-[\w-]+"$/);
      expect(b.headers.get('etag')).toBe(etag);
      const notModified = await call(path, '', { headers: { 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(notModified.body).toBeNull();
      const head = await call(path, '', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(etag);
      expect(head.body).toBeNull();
      // Another origin cites another address, so its bytes and tag differ.
      const other = await call(path, '', { headers: { 'x-forwarded-host': 'mirror.example' } });
      expect(other.headers.get('etag')).not.toBe(etag);
      await other.body?.cancel();
    }
    // An unread body holds its transaction (until the idle limit): cancel what is not read.
    const first = await call('/download/dataset.json');
    const before = first.headers.get('etag')!;
    await first.body?.cancel();
    await t.query(`UPDATE plant SET notes = 'changed' WHERE slug = 'northvolt-ett'`);
    const after = await call('/download/dataset.json', '', { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect((await after.json() as { tables: { plants: { slug: string; notes: string }[] } }).tables.plants
      .find((p) => p.slug === 'northvolt-ett')?.notes).toBe('changed');
  });

  it('reads one snapshot: a write committed while the reader pauses mid-download is in no file, and the README agrees', async () => {
    const counts = async () => {
      const tables = await readOpenDataset();
      return Object.fromEntries(DATASET_TABLES.map((n) => [n, tables[n].length])) as Record<string, number>;
    };
    const expected = await counts();
    const { body } = await streamOpenDataset((source) => datasetZipChunks(source, info()), { batchSize: 5 });
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 4; i++) chunks.push((await reader.read()).value!);
    const write = t.query(`WITH s AS (INSERT INTO source (publisher, title, updated_at) VALUES ('Mid-download', 'Inserted while paused', now()) RETURNING id)
      UPDATE plant SET name = 'Renamed mid-download' WHERE slug = 'northvolt-ett'`);
    // On a PostgreSQL server the write commits now; the embedded database runs it once the
    // download's transaction has ended, which proves less but must hold as well.
    if (onServer()) await write;
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    await write;
    const files = filesOf(new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
    const json = JSON.parse(files['dataset.json']!) as { tables: Record<string, Record<string, unknown>[]> };
    for (const name of DATASET_TABLES) {
      const file = DATASET_DICTIONARY[name].file;
      expect(csvRows(files[file]!).length, file).toBe(expected[name]);
      expect(readmeCount(files['README.txt']!, file), file).toBe(expected[name]);
      expect(json.tables[name]!.length, file).toBe(expected[name]);
    }
    expect(csvRows(files['plants.csv']!).find((p) => p.slug === 'northvolt-ett')?.name).not.toBe('Renamed mid-download');
    expect(json.tables.plants!.find((p) => p.slug === 'northvolt-ett')?.name).not.toBe('Renamed mid-download');
    const now = await counts();
    expect(now.sources).toBe(expected.sources! + 1);
  });

  it('a reader idle past the limit ends the transaction and fails the stream; the next download works', async () => {
    const { body } = await streamOpenDataset((source) => datasetZipChunks(source, info()), { batchSize: 5, idleMs: 200 });
    const reader = body.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect((async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read());
    })()).rejects.toThrow(/nothing was read for 0.2 s/);
    expect((await call('/download/dataset.json')).status).toBe(200);
  });

  it('a database lost before the first byte is a 503; lost mid-stream, the stream errors and the next download works', async () => {
    await withAppDatabaseThroughProxy(t.url, async (proxy) => {
      await proxy.cut();
      const down = await call('/download/dataset.zip');
      expect(down.status).toBe(503);
      expect(((await down.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      await proxy.restore();

      const { body } = await streamOpenDataset((source) => datasetZipChunks(source, info()), { batchSize: 5 });
      const reader = body.getReader();
      for (let i = 0; i < 3; i++) await reader.read();
      await proxy.cut();
      await expect((async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read());
      })()).rejects.toThrow();
      await proxy.restore();
      const again = await call('/download/dataset.zip');
      expect(again.status).toBe(200);
      expect(Object.keys(filesOf(await bytesOf(again)))).toContain('README.txt');
    });
  });
});
