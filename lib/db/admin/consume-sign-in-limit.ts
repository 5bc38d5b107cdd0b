import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client';

export interface LimitRule { windowSeconds: number; max: number }
export interface LimitDecision { allowed: boolean; retryAfterSeconds: number }

/**
 * Counts one attempt under `key` in the shared rate_limit table and says whether it is within
 * the rule. One statement, so concurrent attempts on several app instances count exactly once
 * each. The window restarts after `windowSeconds` without an allowed attempt.
 */
export async function consumeSignInLimit(client: PrismaClient, key: string, rule: LimitRule): Promise<LimitDecision> {
  const now = Date.now();
  const windowStart = now - rule.windowSeconds * 1000;
  const [row] = await client.$queryRaw<{ count: number; last_request: bigint }[]>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${randomUUID()}, ${key}, 1, ${now}::bigint)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request <= ${windowStart}::bigint THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request <= ${windowStart}::bigint OR rate_limit.count < ${rule.max}::int
                          THEN ${now}::bigint ELSE rate_limit.last_request END
    RETURNING count, last_request`;
  if (!row) throw new Error('rate_limit upsert returned no row');
  const allowed = row.count <= rule.max;
  const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((Number(row.last_request) + rule.windowSeconds * 1000 - now) / 1000));
  return { allowed, retryAfterSeconds };
}
