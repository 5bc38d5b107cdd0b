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
  keepExtendedQueriesTogether(server, db);
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

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
}

/** Parse, Bind, Describe, Execute, Close, Flush: an extended-protocol exchange that has not reached its Sync. */
const MID_EXCHANGE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket 0.2 feeds the clients' messages to the one PGlite session one at a time, keeping
 * a client's messages together only inside an explicit transaction. Between transactions it
 * interleaves clients message by message, so one client's Parse could replace another's unnamed
 * statement before that client's Bind ("bind message supplies 2 parameters, but prepared
 * statement "" requires 13") — seen as soon as a page ran a short transaction while other
 * queries waited. This keeps each client's extended-protocol exchange together up to its Sync,
 * as a PostgreSQL backend per connection would. It replaces the queue's scheduling method on
 * this server instance; tests/integration/embedded-server.test.ts checks it under contention.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function' || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket’s query queue is not what lib/embedded/pglite-server.ts expects: check keepExtendedQueriesTogether against the installed version');
  }
  let pinned: number | null = null;
  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const owner = pinned ?? (db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: the others wait for it.
        if (index === -1) break;
        const [item] = queue.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await db.runExclusive(() => db.execProtocolRawStream(item.message, {
            onRawData: (data) => {
              bytes += data.length;
              item.onData(data);
            },
          }));
        } catch (error) {
          pinned = null;
          item.reject(error);
          continue;
        }
        pinned = MID_EXCHANGE.has(item.message[0] ?? 0) ? item.handlerId : null;
        queue.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (pinned === handlerId) pinned = null;
    clear(handlerId);
    // The others may have been waiting for the client that left.
    void queue.processQueue();
  };
}
