// Brings a database to a usable state: reachable, migrated, seeded when empty.
import pg from 'pg';
import { createPrismaClient } from '../../lib/db/client';
import { poolConfigFromUrl } from '../../lib/db/connection-config';
import { writeSeedDataset } from '../../lib/db/seed-dataset';
import { loadSeedDataset } from '../../lib/seed-dataset';
import { applyMigrations } from './schema-engine';

/** One line saying why the database can't be used, or null when it answers. */
export async function probeDatabase(url: string): Promise<string | null> {
  let config: pg.ClientConfig;
  try {
    config = poolConfigFromUrl(url, { connectionTimeoutMillis: 5_000 });
  } catch (error) {
    return `DATABASE_URL is malformed: ${(error as Error).message}`;
  }
  const client = new pg.Client(config);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const e = error as Error & { code?: string };
    const where = `${config.host}:${config.port}/${config.database ?? ''}`;
    return `cannot reach the database at ${where}: ${e.message || e.code || 'no answer'}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareDatabase(url: string, log: (line: string) => void): Promise<void> {
  const problem = await probeDatabase(url);
  if (problem) throw new Error(problem);
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  const client = createPrismaClient(url, 2);
  try {
    if ((await client.plant.count()) === 0) {
      const data = await loadSeedDataset();
      await writeSeedDataset(client, data);
      log(`Seeded ${data.plants.length} plants and ${data.contracts.length} contracts.`);
    }
  } finally {
    await client.$disconnect();
  }
}
