import 'server-only';
import { db } from '../client';

/**
 * Counts one request for `bucket` in the current fixed window and returns the count so far: one
 * upsert, so concurrent requests on any number of app instances count exactly (the row lock
 * serialises them). Windows are aligned to the database clock, shared by every instance.
 * One row per bucket: a new window resets it.
 */
export async function countApiRequest(bucket: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }> {
  const [row] = await db().$queryRaw<{ count: number; reset: number }[]>`
    INSERT INTO api_rate_limit AS l (bucket, window_start, count)
    VALUES (${bucket}, to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::int) * ${windowSeconds}::int), 1)
    ON CONFLICT (bucket) DO UPDATE
      SET count = CASE WHEN l.window_start = EXCLUDED.window_start THEN l.count + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
    RETURNING l.count,
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM l.window_start) + ${windowSeconds}::int - EXTRACT(EPOCH FROM now())))::int AS reset`;
  if (!row) throw new Error('countApiRequest: no row returned');
  // A bucket's first request of a window sometimes sweeps rows idle for a day, so the table stays
  // the size of the recent clients.
  if (row.count === 1 && Math.random() < 0.01) {
    await db().$executeRaw`DELETE FROM api_rate_limit WHERE window_start < now() - interval '1 day'`;
  }
  return { count: row.count, resetSeconds: row.reset };
}
