// The open dataset as files: one CSV per table, a data dictionary (README.txt) and the licence
// notice (LICENSE.txt) in a zip, and the same rows as one JSON document. Pure: the rows come from
// lib/db/api/read-open-dataset.ts. The zip's timestamps are the dataset's date, so the same data
// on the same day gives the same bytes (and the same ETag).
import { strToU8, zipSync } from 'fflate';
import { toCsv } from '../csv';
import type { DatasetRow, OpenDatasetTables } from '../db/api/read-open-dataset';
import { DATASET_DICTIONARY, DATASET_TABLES } from './dataset-dictionary';

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const FOLDER = 'voltrack-dataset';

export interface DatasetInfo {
  /** The day the data was read (YYYY-MM-DD). */
  date: string;
  /** Where it can be found again, e.g. https://voltrack.example/api/v1/download/snapshots/2026-11-28.zip. */
  citationUrl: string;
}

function checkColumns(tables: OpenDatasetTables): void {
  for (const name of DATASET_TABLES) {
    const expected = DATASET_DICTIONARY[name].columns.map((c) => c.name).join(',');
    const row = tables[name][0];
    if (row && Object.keys(row).join(',') !== expected) {
      throw new Error(`dataset table ${name}: columns ${Object.keys(row).join(',')} differ from the dictionary ${expected}`);
    }
  }
}

const cell = (v: DatasetRow[string]) => (typeof v === 'boolean' ? String(v) : v);

export function datasetCsvFiles(tables: OpenDatasetTables): Record<string, string> {
  checkColumns(tables);
  const files: Record<string, string> = {};
  for (const name of DATASET_TABLES) {
    const t = DATASET_DICTIONARY[name];
    const header = t.columns.map((c) => c.name);
    // A byte-order mark so spreadsheet programs read the UTF-8 names (Skellefteå, Göd) correctly.
    files[t.file] = toCsv(header, tables[name].map((row) => header.map((h) => cell(row[h] ?? null))), { bom: true });
  }
  return files;
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

export function readmeText(tables: OpenDatasetTables, info: DatasetInfo): string {
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
    lines.push('', `${t.file} (${tables[name].length} rows)`, `  ${t.description}`, '');
    const width = Math.max(...t.columns.map((c) => c.name.length));
    for (const c of t.columns) lines.push(`  ${c.name.padEnd(width)}  ${c.description}`);
  }
  lines.push('');
  return lines.join('\r\n');
}

/** The whole dataset as one JSON document: the rows keyed by table, with the dictionary. */
export function datasetJson(tables: OpenDatasetTables, info: DatasetInfo): string {
  checkColumns(tables);
  return JSON.stringify({
    name: 'Voltrack open dataset',
    date: info.date,
    licence: { name: 'CC BY 4.0', url: LICENCE_URL },
    citation: `Voltrack, dataset of ${info.date}, ${info.citationUrl}`,
    tables: Object.fromEntries(DATASET_TABLES.map((n) => [n, tables[n]])),
    dictionary: Object.fromEntries(DATASET_TABLES.map((n) => [n, {
      file: DATASET_DICTIONARY[n].file,
      description: DATASET_DICTIONARY[n].description,
      columns: Object.fromEntries(DATASET_DICTIONARY[n].columns.map((c) => [c.name, c.description])),
    }])),
  });
}

export function datasetZip(tables: OpenDatasetTables, info: DatasetInfo): Uint8Array {
  // Zip timestamps are local wall-clock time: midnight of the dataset's day wherever this runs.
  const [y = 2000, m = 1, d = 1] = info.date.split('-').map(Number);
  const mtime = new Date(y, m - 1, d);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const add = (name: string, text: string) => { entries[`${FOLDER}/${name}`] = [strToU8(text), { mtime }]; };
  add('README.txt', readmeText(tables, info));
  add('LICENSE.txt', licenceText(info));
  for (const [file, csv] of Object.entries(datasetCsvFiles(tables))) add(file, csv);
  add('dataset.json', datasetJson(tables, info));
  return zipSync(entries, { level: 6 });
}

export function datasetCounts(tables: OpenDatasetTables): Record<string, number> {
  return Object.fromEntries(DATASET_TABLES.map((n) => [n, tables[n].length]));
}
