import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

export interface ReadInBatchesOptions {
  /** Rows per FETCH, and per batch yielded. */
  batchSize: number;
  /** A transaction the reader leaves waiting this long for its next request is ended. */
  idleMs: number;
  /** Nor is one transaction kept longer than this (checked between batches). */
  maxSegmentMs: number;
}

/**
 * Yields the rows of `sqlAfter(null)` in batches, computing the statement once: it runs as a
 * server-side cursor (DECLARE … FETCH) in a transaction on one pooled connection, with JIT off
 * (see without-jit.ts) and planned for the whole result rather than its first rows.
 *
 * The transaction lives only while the reader keeps asking. When no batch is requested for
 * `idleMs`, or it has run for `maxSegmentMs`, it ends, and the next request continues with
 * `sqlAfter(lastRow)`: the rows after the last one yielded, in the same order (keyset), so none is
 * skipped or repeated. A slow or stalled download thus never holds a connection, a snapshot or
 * (on the embedded database, which runs one transaction at a time) every other request.
 *
 * A database error rejects the pending `next()`, and the transaction is rolled back.
 */
export async function* readInBatches<T>(
  sqlAfter: (last: T | null) => Prisma.Sql,
  options: ReadInBatchesOptions,
): AsyncGenerator<T[]> {
  let last: T | null = null;
  for (;;) {
    const segment: Segment<T> = openSegment<T>(sqlAfter(last), options);
    try {
      for (let rows: T[] | null = await segment.next(); rows; rows = await segment.next()) {
        last = rows.at(-1)!;
        yield rows;
      }
    } finally {
      await segment.close();
    }
    if (segment.complete()) return;
  }
}

type Outcome = { failed: boolean; error?: unknown };

interface Segment<T> {
  /** The next batch, or null once the transaction has ended (see complete()). */
  next(): Promise<T[] | null>;
  /** Whether the statement was read to its end (false: it ended early; resume after the last row). */
  complete(): boolean;
  /** Ends the transaction (the reader stopped or finished) and waits until it has. */
  close(): Promise<void>;
}

/** One transaction reading `sql` through a cursor, one FETCH per request of the reader. */
function openSegment<T>(sql: Prisma.Sql, { batchSize, idleMs, maxSegmentMs }: ReadInBatchesOptions): Segment<T> {
  let request: ((rows: T[]) => void) | null = null; // the reader's pending request
  let wake: (() => void) | null = null; // the transaction, waiting for one
  let closed = false;
  let complete = false;
  const started = Date.now();

  /** True when the reader asks for a batch in time; false to end the transaction. */
  const requested = async (): Promise<boolean> => {
    if (!request && !closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    return request !== null && !closed;
  };

  // Answers the reader's requests, one FETCH each, while they come in time.
  const read = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    await tx.$executeRaw`SET LOCAL cursor_tuple_fraction = 1`;
    await tx.$executeRaw`DECLARE batch_cursor NO SCROLL CURSOR FOR ${sql}`;
    for (let first = true; first || Date.now() - started < maxSegmentMs; first = false) {
      if (!(await requested())) return;
      const rows = await tx.$queryRaw<T[]>`FETCH FORWARD ${Prisma.raw(String(batchSize))} FROM batch_cursor`;
      complete = rows.length < batchSize;
      if (rows.length) {
        const answer = request!;
        request = null;
        answer(rows);
      }
      if (complete) return;
    }
  };
  // Once read() is done, a failing COMMIT (of a transaction that wrote nothing) changes no row the
  // reader got, and a read that stopped early resumes in a new transaction: only errors before
  // that fail the read.
  let answered = false;
  const outcome: Promise<Outcome> = db().$transaction(async (tx) => {
    await read(tx);
    answered = true;
    // The timeout is a backstop: read() ends the transaction itself long before. The wait for a
    // connection is longer than Prisma's 2 s: on the embedded database, BEGIN waits while another
    // export holds its transaction (at most idleMs between batches).
  }, { maxWait: 10_000, timeout: maxSegmentMs + idleMs + 60_000 }).then(
    (): Outcome => ({ failed: false }),
    (error: unknown): Outcome => ({ failed: !answered, error }),
  );

  return {
    async next() {
      const rows = new Promise<T[]>((resolve) => {
        request = resolve;
        wake?.();
      });
      const got = await Promise.race([rows, outcome]);
      if (Array.isArray(got)) return got;
      if (got.failed) throw got.error;
      return null;
    },
    complete: () => complete,
    async close() {
      closed = true;
      wake?.();
      await outcome;
    },
  };
}
