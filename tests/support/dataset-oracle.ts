// The dataset files as they were built before downloads streamed: every row in memory.
// The reference the streamed files are checked against (tests/integration/dataset-stream.test.ts).
// (The download routes read through lib/db/api/open-dataset-reader.ts.)
import { type DatasetInfo, licenceText, readmeText } from '@/lib/api/dataset';
import { DATASET_DICTIONARY, DATASET_TABLES } from '@/lib/api/dataset-dictionary';
import { toCsv } from '@/lib/csv';
import type { DatasetTableName } from '@/lib/api/dataset-dictionary';
import { Prisma } from '@/lib/generated/prisma/client';
import { DATASET_QUERIES, type DatasetRow } from '@/lib/db/api/read-open-dataset';
import { db } from '@/lib/db/client';

export type OpenDatasetTables = Record<DatasetTableName, DatasetRow[]>;

/** Every public table of the dataset in memory, read in one repeatable-read transaction. */
export async function readOpenDataset(): Promise<OpenDatasetTables> {
  return db().$transaction(async (tx) => {
    const out = {} as OpenDatasetTables;
    for (const [name, sql] of Object.entries(DATASET_QUERIES) as [DatasetTableName, Prisma.Sql][]) {
      out[name] = await tx.$queryRaw<DatasetRow[]>(sql);
    }
    return out;
  }, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 10_000 });
}

const cell = (v: DatasetRow[string]) => (typeof v === 'boolean' ? String(v) : v);

export function oracleCsvFiles(tables: OpenDatasetTables): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of DATASET_TABLES) {
    const t = DATASET_DICTIONARY[name];
    const header = t.columns.map((c) => c.name);
    files[t.file] = toCsv(header, tables[name].map((row) => header.map((h) => cell(row[h] ?? null))), { bom: true });
  }
  return files;
}

export function oracleJson(tables: OpenDatasetTables, info: DatasetInfo): string {
  return JSON.stringify({
    name: 'Voltrack open dataset',
    date: info.date,
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    citation: `Voltrack, dataset of ${info.date}, ${info.citationUrl}`,
    tables: Object.fromEntries(DATASET_TABLES.map((n) => [n, tables[n]])),
    dictionary: Object.fromEntries(DATASET_TABLES.map((n) => [n, {
      file: DATASET_DICTIONARY[n].file,
      description: DATASET_DICTIONARY[n].description,
      columns: Object.fromEntries(DATASET_DICTIONARY[n].columns.map((c) => [c.name, c.description])),
    }])),
  });
}

/** The files of the zip by name (no folder), as text. */
export function oracleZipFiles(tables: OpenDatasetTables, info: DatasetInfo): Record<string, string> {
  const counts = Object.fromEntries(DATASET_TABLES.map((n) => [n, tables[n].length])) as Record<(typeof DATASET_TABLES)[number], number>;
  return {
    'README.txt': readmeText(counts, info),
    'LICENSE.txt': licenceText(info),
    ...oracleCsvFiles(tables),
    'dataset.json': oracleJson(tables, info),
  };
}
