import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { readEnv } from '../env';
import { poolConfigFromUrl } from './connection-config';

// One client per process. Created on first use, not at import, so `next build` never needs
// a database. Kept on globalThis so dev-mode hot reloads don't open new pools.
const holder = globalThis as unknown as { voltrackPrisma?: PrismaClient };

export function createPrismaClient(url: string, poolMax = 10, connectTimeoutMs = 5_000, queryTimeoutMs = 20_000): PrismaClient {
  const adapter = new PrismaPg(
    poolConfigFromUrl(url, { max: poolMax, connectionTimeoutMillis: connectTimeoutMs, query_timeout: queryTimeoutMs }),
    {
      // A dropped idle connection (database restart, failover) must not crash the process;
      // the pool replaces it on the next query.
      onPoolError: (error) => console.warn(`database pool: ${error.message}`),
      onConnectionError: (error) => console.warn(`database connection: ${error.message}`),
    },
  );
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  if (!holder.voltrackPrisma) {
    const env = readEnv();
    holder.voltrackPrisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX, env.DATABASE_CONNECT_TIMEOUT_MS, env.DATABASE_QUERY_TIMEOUT_MS);
  }
  return holder.voltrackPrisma;
}

/** For tests and CLIs that switch databases within one process. */
export async function disconnectDb(): Promise<void> {
  await holder.voltrackPrisma?.$disconnect();
  holder.voltrackPrisma = undefined;
}
