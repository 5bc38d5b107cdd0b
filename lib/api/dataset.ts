// The open dataset as files: one CSV per table, a data dictionary (README.txt) and the licence
// notice (LICENSE.txt) in a zip, and the same rows as one JSON document. Pure: the rows come in
// batches from a DatasetSource (lib/db/api/open-dataset-reader.ts reads them through cursors), and
// the files come out as chunks, so a download never holds the whole dataset in memory. The zip's
// timestamps are the dataset's date, so the same data on the same day gives the same bytes.
import { createHash } from 'node:crypto';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { toCsv } from '../csv';
import type { DatasetRow, DatasetSource } from '../db/api/read-open-dataset';
import { DATASET_DICTIONARY, DATASET_TABLES, type DatasetTableName } from './dataset-dictionary';

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const FOLDER = 'voltrack-dataset';

export interface DatasetInfo {
  /** The day the data was read (YYYY-MM-DD). */
  date: string;
  /** Where it can be found again, e.g. https://voltrack.example/api/v1/download/snapshots/2026-11-28.zip. */
  citationUrl: string;
}

export type DatasetCounts = Record<DatasetTableName, number>;

function checkColumns(name: DatasetTableName, rows: DatasetRow[]): void {
  const expected = DATASET_DICTIONARY[name].columns.map((c) => c.name).join(',');
  const row = rows[0];
  if (row && Object.keys(row).join(',') !== expected) {
    throw new Error(`dataset table ${name}: columns ${Object.keys(row).join(',')} differ from the dictionary ${expected}`);
  }
}

const cell = (v: DatasetRow[string]) => (typeof v === 'boolean' ? String(v) : v);

/**
 * One table as CSV text, batch by batch; `counted` gets its number of rows at the end. Each
 * record is formatted on its own (RFC 4180, lib/csv.ts), so the batches' texts joined are the
 * text of all rows at once.
 */
async function* csvChunks(
  name: DatasetTableName, batches: AsyncIterable<DatasetRow[]> | Iterable<DatasetRow[]>, counted: (n: number) => void,
): AsyncGenerator<string> {
  const header = DATASET_DICTIONARY[name].columns.map((c) => c.name);
  const headerLine = `${header.join(',')}\r\n`;
  // A byte-order mark so spreadsheet programs read the UTF-8 names (Skellefteå, Göd) correctly.
  const format = (rows: DatasetRow[], bom: boolean) => toCsv(header, rows.map((row) => header.map((h) => cell(row[h] ?? null))), { bom });
  let started = false;
  let count = 0;
  for await (const rows of batches) {
    checkColumns(name, rows);
    count += rows.length;
    if (!started) {
      started = true;
      yield format(rows, true);
    } else if (rows.length) {
      const csv = format(rows, false);
      if (!csv.startsWith(headerLine)) throw new Error(`dataset table ${name}: unexpected CSV header`);
      yield csv.slice(headerLine.length);
    }
  }
  if (!started) yield format([], true);
  counted(count);
}

export function licenceText(info: DatasetInfo): string {
  return [
    'Voltrack open dataset — licence',
    '',
    'This dataset is made available under the Creative Commons Attribution 4.0 International',
    `licence (CC BY 4.0): ${LICENCE_URL}`,
    `Full legal code: ${LICENCE_URL}legalcode`,
    '',
    'You may share and adapt it for any purpose, including commercially, provided you give',
    'appropriate credit, link to the licence, and indicate if changes were made. Suggested credit:',
    '',
    `  Voltrack, Europe’s battery-cell gigafactories, dataset of ${info.date}, CC BY 4.0, ${info.citationUrl}`,
    '',
    'The facts come from the published sources listed in sources.csv; their texts remain their',
    'publishers’. No warranty: figures are announcements and estimates, not measurements.',
    '',
  ].join('\r\n');
}

export function readmeText(counts: DatasetCounts, info: DatasetInfo): string {
  const lines = [
    `Voltrack open dataset, ${info.date}`,
    '='.repeat(40),
    '',
    'Europe’s lithium-ion battery-cell plants: who builds them, where, their dated status history,',
    'every capacity figure as announced (GWh per year, nameplate), offtake contracts, and the source',
    'of each figure. Licence: CC BY 4.0 (LICENSE.txt).',
    '',
    `Cite as: Voltrack, dataset of ${info.date}, ${info.citationUrl}`,
    '',
    'Format: CSV files in UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting, CRLF line',
    'ends, one header row. Empty cell = unknown or not applicable. Dates are YYYY-MM-DD (see the',
    'date_precision columns for month- or year-precise dates). Text cells that begin with = + - @',
    'are prefixed with an apostrophe so spreadsheets do not run them as formulas.',
    'dataset.json holds the same rows, typed, with this dictionary.',
    '',
    'How capacity is counted: a plant’s capacity in year Y is its latest announced figure (known on',
    'the date you choose) for the greatest target year ≤ Y; 0 before its first target year.',
    'Cancelled plants count until the year they were cancelled. See /methodology on the site.',
    '',
    'Files',
    '-----',
  ];
  for (const name of DATASET_TABLES) {
    const t = DATASET_DICTIONARY[name];
    lines.push('', `${t.file} (${counts[name]} rows)`, `  ${t.description}`, '');
    const width = Math.max(...t.columns.map((c) => c.name.length));
    for (const c of t.columns) lines.push(`  ${c.name.padEnd(width)}  ${c.description}`);
  }
  lines.push('');
  return lines.join('\r\n');
}

/**
 * The whole dataset as one JSON document, in chunks: the rows keyed by table, with the
 * dictionary. The same text as JSON.stringify of the whole object (one row at a time).
 */
export async function* datasetJsonChunks(source: DatasetSource, info: DatasetInfo): AsyncGenerator<string> {
  const head = JSON.stringify({
    name: 'Voltrack open dataset',
    date: info.date,
    licence: { name: 'CC BY 4.0', url: LICENCE_URL },
    citation: `Voltrack, dataset of ${info.date}, ${info.citationUrl}`,
  });
  yield `${head.slice(0, -1)},"tables":{`;
  for (const [i, name] of DATASET_TABLES.entries()) {
    yield `${i ? ',' : ''}${JSON.stringify(name)}:[`;
    let first = true;
    for await (const rows of source(name)) {
      checkColumns(name, rows);
      if (!rows.length) continue;
      yield `${first ? '' : ','}${rows.map((row) => JSON.stringify(row)).join(',')}`;
      first = false;
    }
    yield ']';
  }
  const dictionary = Object.fromEntries(DATASET_TABLES.map((n) => [n, {
    file: DATASET_DICTIONARY[n].file,
    description: DATASET_DICTIONARY[n].description,
    columns: Object.fromEntries(DATASET_DICTIONARY[n].columns.map((c) => [c.name, c.description])),
  }]));
  yield `},"dictionary":${JSON.stringify(dictionary)}}`;
}

/**
 * The zip, in chunks: LICENSE.txt, one CSV per table, README.txt (with the row counts the CSVs
 * just had), and dataset.json. Each entry is deflated as it streams (fflate's Zip, sizes in data
 * descriptors), one entry at a time so nothing waits in memory. dataset.json reads every table a
 * second time: `source` must give the same rows again (one snapshot).
 */
export async function* datasetZipChunks(source: DatasetSource, info: DatasetInfo): AsyncGenerator<Uint8Array> {
  // Zip timestamps are local wall-clock time: midnight of the dataset's day wherever this runs.
  const [y = 2000, m = 1, d = 1] = info.date.split('-').map(Number);
  const mtime = new Date(y, m - 1, d);
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = (): Uint8Array[] => {
    if (failure) throw failure;
    return out.splice(0);
  };
  async function* entry(name: string, texts: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Uint8Array> {
    const file = new ZipDeflate(`${FOLDER}/${name}`, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    for await (const text of texts) {
      if (!text) continue;
      file.push(strToU8(text));
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }

  const counts = {} as DatasetCounts;
  yield* entry('LICENSE.txt', [licenceText(info)]);
  for (const name of DATASET_TABLES) {
    yield* entry(DATASET_DICTIONARY[name].file, csvChunks(name, source(name), (n) => { counts[name] = n; }));
  }
  yield* entry('README.txt', [readmeText(counts, info)]);
  yield* entry('dataset.json', datasetJsonChunks(source, info));
  zip.end();
  yield* drain();
}

/** Counts the rows `source` gives, table by table, as they pass. */
export function countingSource(source: DatasetSource): { source: DatasetSource; counts: DatasetCounts } {
  const counts = Object.fromEntries(DATASET_TABLES.map((n) => [n, 0])) as DatasetCounts;
  return {
    counts,
    source: (name) => (async function* () {
      counts[name] = 0;
      for await (const rows of source(name)) {
        counts[name] += rows.length;
        yield rows;
      }
    })(),
  };
}

/**
 * The entity tag of a streamed dataset file, known before its bytes are: the bytes are a function
 * of the data (data_version moves with every committed write to public data), the day, the
 * citation address and this code. Weak, since a deploy that changes the format keeps the tag
 * until the data or the day next changes; weak comparison is all If-None-Match needs.
 */
export function datasetEtag(format: 'json' | 'zip', info: DatasetInfo, dataVersion: string): string {
  const citation = createHash('sha256').update(info.citationUrl).digest('base64url').slice(0, 12);
  return `W/"dataset-${format}-${info.date}-v${dataVersion}-${citation}"`;
}
