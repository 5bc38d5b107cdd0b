import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { AppError, databaseUnavailable, isDatabaseUnavailable } from '../../errors';
import { db } from '../client';

export type Tx = Prisma.TransactionClient;

/**
 * Runs `fn` in one database transaction. Database refusals a user can cause (a duplicate key, a
 * missing referenced row, a CHECK constraint) become `invalid`/`conflict` AppErrors with the
 * constraint named; anything else propagates unchanged.
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
  try {
    return await db().$transaction(fn, { timeout: opts.timeoutMs ?? 60_000, maxWait: 10_000 });
  } catch (error) {
    throw toAppError(error);
  }
}

export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const detail = JSON.stringify(error.meta ?? {});
    if (error.code === 'P2002') {
      const fields = /"fields":\[([^\]]*)\]/.exec(detail)?.[1]?.replace(/"/g, '') ?? /"target":\[?"?([^"\]]*)/.exec(detail)?.[1] ?? 'a unique field';
      return new AppError('conflict', `Another record already uses this ${fields}.`, { cause: error, details: { fields } });
    }
    if (error.code === 'P2003') return new AppError('invalid', 'A referenced record does not exist (it may have been removed).', { cause: error });
    if (error.code === 'P2025') return new AppError('not_found', 'The record no longer exists.', { cause: error });
  }
  const message = error instanceof Error ? error.message : '';
  const check = /violates check constraint "([^"]+)"/.exec(message) ?? /constraint[: ]+"?([a-z_]+)"?/.exec(message);
  if (check && /check/i.test(message)) {
    return new AppError('invalid', `The database refused the values (rule ${check[1]}).`, { cause: error });
  }
  return error;
}
