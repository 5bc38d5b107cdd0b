// Resolves the database a CLI command works on: DATABASE_URL when set, otherwise the
// embedded PGlite database in the data folder (the app must not be running on it).
import path from 'node:path';
import { ROOT } from './schema-engine';

export const EMBEDDED_DATA_DIR = process.env.VOLTRACK_DATA_DIR
  ? path.resolve(process.env.VOLTRACK_DATA_DIR)
  : path.join(ROOT, '.data/pglite');

export async function withDatabase<T>(
  fn: (url: string, kind: 'server' | 'embedded') => Promise<T>,
  options: { inMemory?: boolean } = {},
): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) return fn(url, 'server');
  // Loaded only here, so a deployment that always names DATABASE_URL never loads PGlite.
  const { startEmbeddedServer } = await import('../../lib/embedded/pglite-server');
  const embedded = await startEmbeddedServer({ dataDir: options.inMemory ? undefined : EMBEDDED_DATA_DIR });
  try {
    return await fn(embedded.url, 'embedded');
  } finally {
    await embedded.stop();
  }
}

/** Prints one clear line for an expected failure and exits non-zero. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  process.exit(1);
}
