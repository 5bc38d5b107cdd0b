// Gives the calling test file its own database, copied from a template built by
// global-database.ts, and points the data layer (lib/db) at it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import { disconnectDb } from '../../lib/db/client';
import { startEmbeddedServer, type EmbeddedServer } from '../../lib/embedded/pglite-server';
import { adminQuery, databaseUrl } from './server-admin';

export interface TestDatabase {
  /** The connection URL (valid after beforeAll). */
  readonly url: string;
  /** A raw SQL query outside Prisma, for independent checks. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The embedded server, for fault tests (null on a PostgreSQL server). */
  readonly embedded: EmbeddedServer | null;
}

export function setupTestDatabase({ seeded = false }: { seeded?: boolean } = {}): TestDatabase {
  const config = inject('testDb');
  let url = '';
  let embedded: EmbeddedServer | null = null;
  let dropName: string | null = null;
  let pool: pg.Pool | null = null;

  beforeAll(async () => {
    const template = seeded ? config.templates.seeded : config.templates.empty;
    if (config.kind === 'server') {
      dropName = `${config.prefix}_${randomBytes(4).toString('hex')}`;
      await adminQuery(config.serverUrl, `CREATE DATABASE "${dropName}" TEMPLATE "${template}"`);
      url = databaseUrl(config.serverUrl, dropName);
    } else {
      embedded = await startEmbeddedServer({ loadDataDir: new Blob([await readFile(template)]) });
      url = embedded.url;
    }
    await disconnectDb();
    process.env.DATABASE_URL = url;
    process.env.DATABASE_POOL_MAX = '4';
    pool = new pg.Pool({ connectionString: url, max: 2 });
    // DROP DATABASE … WITH (FORCE) in afterAll may reach a connection that is still closing.
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await disconnectDb();
    await pool?.end();
    await embedded?.stop();
    if (config.kind === 'server' && dropName) {
      await adminQuery(config.serverUrl, `DROP DATABASE IF EXISTS "${dropName}" WITH (FORCE)`);
    }
  });

  return {
    get url() { return url; },
    get embedded() { return embedded; },
    async query(sql, params) {
      if (!pool) throw new Error('test database not ready (call inside a test or hook)');
      return (await pool.query(sql, params)).rows;
    },
  };
}

/** An empty database (no migrations) for the duration of one test; drop() removes it. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const config = inject('testDb');
  if (config.kind === 'server') {
    const name = `${config.prefix}_scratch_${randomBytes(4).toString('hex')}`;
    await adminQuery(config.serverUrl, `CREATE DATABASE "${name}"`);
    return {
      url: databaseUrl(config.serverUrl, name),
      drop: async () => void (await adminQuery(config.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    };
  }
  const server = await startEmbeddedServer();
  return { url: server.url, drop: () => server.stop() };
}
