import 'server-only';
import type { DatasetTableName } from '../../api/dataset-dictionary';
import { databaseUnavailable } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../client';
import { DATASET_QUERIES, type DatasetRow, type DatasetSource } from './read-open-dataset';

export interface DatasetReaderOptions {
  /** Rows per FETCH. */
  batchSize?: number;
  /** When the reader asks for nothing this long, the transaction ends and the read fails. */
  idleMs?: number;
  /** Nor may the transaction last longer than this in all. */
  maxMs?: number;
}

/**
 * A download holds one transaction from its first byte to its last, and the embedded database
 * runs one transaction at a time (every other request waits meanwhile). So a client that takes
 * nothing for 30 s (one batch is ~0.5 MB of JSON: slower than ~20 kB/s), or a download still
 * running after 10 minutes (the 20,000-plant benchmark set streams in 5–15 s locally), is cut
 * off: its body errors, rather than hold a connection and a snapshot.
 */
export const DATASET_READ_LIMITS: Required<DatasetReaderOptions> = { batchSize: 1_000, idleMs: 30_000, maxMs: 10 * 60_000 };

export interface DatasetReader {
  /** data_version.version in the snapshot: it moves whenever committed public data may have changed. */
  version: string;
  /** Each table's rows as of the snapshot, in batches; a table may be read again (same rows). */
  source: DatasetSource;
  /** Ends the transaction and waits until it has; pending and later reads fail. Idempotent. */
  close(): Promise<void>;
}

interface Job {
  run: (tx: Prisma.TransactionClient) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Opens one REPEATABLE READ, READ ONLY transaction for a whole dataset download, so every table
 * (and every pass over a table) comes from the same snapshot and the README's counts agree with
 * the files. Unlike lib/db/read-in-batches.ts, it never resumes in a new transaction — that would
 * mix snapshots — so an idle reader fails instead (see DATASET_READ_LIMITS). Tables are read
 * through server-side cursors (DECLARE … FETCH), one batch per request of the reader.
 *
 * A database failure while opening (including the embedded database staying busy) rejects with
 * the error the API turns into a 503; later failures reject the pending read.
 */
export async function openDatasetReader(options: DatasetReaderOptions = {}): Promise<DatasetReader> {
  const { batchSize, idleMs, maxMs } = { ...DATASET_READ_LIMITS, ...options };
  const queue: Job[] = [];
  const waiting: { wake: (() => void) | null } = { wake: null };
  let closed = false;
  let ended: unknown = null;

  /** The reader's next request, or null once closed; throws (ending the transaction) past the limits. */
  const nextJob = async (started: number): Promise<Job | null> => {
    if (!queue.length && !closed) {
      const idle = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), idleMs);
        waiting.wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
      waiting.wake = null;
      if (idle && !queue.length && !closed) {
        throw new Error(`dataset read: nothing was read for ${idleMs / 1000} s, so its transaction was ended`);
      }
    }
    if (closed) return null;
    if (Date.now() - started > maxMs) throw new Error(`dataset read: still running after ${maxMs / 1000} s, so its transaction was ended`);
    return queue.shift() ?? null;
  };

  const transaction = db().$transaction(async (tx) => {
    const started = Date.now();
    // Before the first query, which takes the snapshot. JIT off and planned for all rows, as in
    // read-in-batches.ts.
    await tx.$executeRaw`SET TRANSACTION READ ONLY`;
    await tx.$executeRaw`SET LOCAL jit = off`;
    await tx.$executeRaw`SET LOCAL cursor_tuple_fraction = 1`;
    for (let job = await nextJob(started); job; job = await nextJob(started)) {
      try {
        job.resolve(await job.run(tx));
      } catch (error) {
        job.reject(error);
        throw error;
      }
    }
    // maxWait: on the embedded database BEGIN waits while another download holds its transaction.
    // timeout: a backstop; nextJob() enforces the limits itself, with a clearer message.
  }, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, maxWait: 10_000, timeout: maxMs + idleMs + 10_000 });
  const finished: Promise<void> = transaction.then(
    () => { ended = new Error('dataset read: its transaction has ended'); },
    (error: unknown) => { ended = error; },
  ).finally(() => {
    for (const job of queue.splice(0)) job.reject(ended);
  });

  const run = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> => {
    if (ended !== null || closed) return Promise.reject(ended ?? new Error('dataset read: closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ run: fn, resolve: resolve as (value: unknown) => void, reject });
      waiting.wake?.();
    });
  };

  const close = async () => {
    closed = true;
    waiting.wake?.();
    await finished;
  };

  let version: string;
  try {
    const [row] = await run((tx) => tx.$queryRaw<{ version: string }[]>`SELECT version::text AS version FROM data_version WHERE id = 1`);
    version = row?.version ?? '0';
  } catch (error) {
    await close();
    if (error instanceof Error && /Unable to start a transaction in the given time/.test(error.message)) throw databaseUnavailable(error);
    throw error;
  }

  let cursors = 0;
  async function* readTable(name: DatasetTableName): AsyncGenerator<DatasetRow[]> {
    // A new name per read: a table read twice, or a cursor left open by a reader that stopped,
    // never clashes.
    const cursor = Prisma.raw(`dataset_cursor_${++cursors}`);
    await run((tx) => tx.$executeRaw`DECLARE ${cursor} NO SCROLL CURSOR FOR ${DATASET_QUERIES[name]}`);
    let done = false;
    try {
      while (!done) {
        const rows = await run((tx) => tx.$queryRaw<DatasetRow[]>`FETCH FORWARD ${Prisma.raw(String(batchSize))} FROM ${cursor}`);
        done = rows.length < batchSize;
        if (rows.length) yield rows;
      }
    } finally {
      if (ended === null && !closed) await run((tx) => tx.$executeRaw`CLOSE ${cursor}`).catch(() => undefined);
    }
  }

  return { version, source: readTable, close };
}
