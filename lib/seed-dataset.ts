// Loads and validates the curated dataset shipped in prisma/seed/data (format: its README.md).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { findDatasetProblems } from './domain/dataset-integrity';
import { type SeedDataset, SeedDatasetSchema } from './validation/seed';

/** The curated dataset; VOLTRACK_SEED_DIR points the seed (and the tests) at another folder of the same format. */
export const SEED_DATA_DIR = process.env.VOLTRACK_SEED_DIR
  ? path.resolve(process.env.VOLTRACK_SEED_DIR)
  : path.resolve(import.meta.dirname, '../prisma/seed/data');
const KINDS = ['regions', 'companies', 'companyParents', 'sources', 'plants', 'contracts', 'regionClaims', 'trackerFigures'] as const;

/** The records of one kind: `<kind>.json` and every `<kind>/*.json`, concatenated in file-name order. */
async function readKind(dir: string, kind: string): Promise<{ file: string; record: unknown }[]> {
  const base = kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const folder = path.join(dir, base);
  const inFolder = await readdir(folder).then((names) => names.filter((n) => n.endsWith('.json')).sort(), () => []);
  const files = [path.join(dir, `${base}.json`), ...inFolder.map((n) => path.join(folder, n))];
  const parts = await Promise.all(files.map(async (file) => {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (text === null) return [];
    try {
      const records: unknown = JSON.parse(text);
      if (!Array.isArray(records)) throw new Error('not an array');
      return records.map((record) => ({ file: path.relative(dir, file), record }));
    } catch (error) {
      throw new Error(`${path.relative(dir, file)}: ${(error as Error).message}`);
    }
  }));
  return parts.flat();
}

export interface DatasetInspection {
  /** The records that passed their schema (all of them when `invalid` is empty). */
  data: SeedDataset;
  /** Records that fail their schema, by file and key. */
  invalid: string[];
  /** Broken rules across records (checked on the valid records). */
  problems: string[];
}

/** Reads and checks every file, reporting every failure instead of stopping at the first. */
export async function inspectSeedDataset(dir = SEED_DATA_DIR): Promise<DatasetInspection> {
  const entries = await Promise.all(KINDS.map(async (kind) => [kind, await readKind(dir, kind)] as const));
  const invalid: string[] = [];
  const valid = entries.map(([kind, records]) => [kind, records.flatMap(({ file, record }) => {
    const result = SeedDatasetSchema.shape[kind].element.safeParse(record);
    if (result.success) return [result.data];
    const r = record as Record<string, unknown> | null;
    const name = String(r?.ref ?? r?.slug ?? r?.key ?? (r?.company ? `${String(r.company)} ← ${String(r.parent)}` : '?'));
    invalid.push(`${file} ${name}:\n${z.prettifyError(result.error)}`);
    return [];
  })] as const);
  const data = SeedDatasetSchema.parse(Object.fromEntries(valid));
  return { data, invalid, problems: findDatasetProblems(data) };
}

export async function loadSeedDataset(dir = SEED_DATA_DIR): Promise<SeedDataset> {
  const { data, invalid, problems } = await inspectSeedDataset(dir);
  if (invalid.length) throw new Error(`invalid dataset:\n${invalid.join('\n')}`);
  if (problems.length) throw new Error(`dataset has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return data;
}
