import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import { db } from './client';

/**
 * Runs one raw query with PostgreSQL's JIT compiler off. The export's batch statement is a large
 * plan whose estimated cost crosses the JIT thresholds, and compiling it took longer (~1 s a
 * batch on 20k plants) than running it. SET LOCAL lasts only for this transaction, so no other
 * request (or, on the embedded server, other connection sharing the session) sees it.
 */
export async function queryWithoutJit<T>(sql: Prisma.Sql, timeoutMs = 120_000): Promise<T> {
  const [, rows] = await db().$transaction([
    db().$executeRaw`SET LOCAL jit = off`,
    db().$queryRaw<T>(sql),
  ], { timeout: timeoutMs });
  return rows;
}
