// The embedded default database: PGlite (PostgreSQL in WebAssembly) served over the
// PostgreSQL wire protocol, so the app, Prisma and the tests use one path: `pg`.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections the socket server accepts; the app's pool must stay at or below it. */
export const EMBEDDED_MAX_CONNECTIONS = 16;

export interface EmbeddedServer {
  url: string;
  port: number;
  db: PGlite;
  stop: () => Promise<void>;
}

export interface EmbeddedServerOptions {
  /** A folder to persist to; omit for an in-memory database. */
  dataDir?: string;
  /** A tarball from `PGlite.dumpDataDir()` to start from (e.g. a migrated template). */
  loadDataDir?: Blob;
  /** 0 picks a free port. */
  port?: number;
}

export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  // PGlite creates its own folder but not the parents (.data/ on a fresh clone).
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
  });
  const port = options.port ?? 0;
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const actualPort = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres`,
    port: actualPort,
    db,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
