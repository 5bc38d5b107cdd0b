// Loads and validates the curated dataset shipped in prisma/seed/data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findDatasetProblems } from './domain/dataset-integrity';
import { type SeedDataset, SeedDatasetSchema } from './validation/seed';
import { z } from 'zod';

export const SEED_DATA_DIR = path.resolve(import.meta.dirname, '../prisma/seed/data');
const FILES = ['regions', 'companies', 'sources', 'plants', 'contracts', 'regionClaims'] as const;

export async function loadSeedDataset(dir = SEED_DATA_DIR): Promise<SeedDataset> {
  const entries = await Promise.all(FILES.map(async (name) => {
    const file = path.join(dir, `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`);
    return [name, JSON.parse(await readFile(file, 'utf8'))] as const;
  }));
  const parsed = SeedDatasetSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) throw new Error(`invalid dataset:\n${z.prettifyError(parsed.error)}`);
  const problems = findDatasetProblems(parsed.data);
  if (problems.length) throw new Error(`dataset has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return parsed.data;
}
