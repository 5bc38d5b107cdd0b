// Per-caller request limit for the public API. The counter lives in PostgreSQL (one upsert per
// request), so every app instance shares it; the window comes from the database clock.
import { countApiRequest } from '../db/api/count-api-request';
import { readEnv } from '../env';

export interface RateLimitState {
  limit: number;
  windowSeconds: number;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
  exceeded: boolean;
}

export async function consumeRateLimit(bucket: string): Promise<RateLimitState> {
  const env = readEnv();
  const limit = env.API_RATE_LIMIT;
  const windowSeconds = env.API_RATE_LIMIT_WINDOW_SECONDS;
  const { count, resetSeconds } = await countApiRequest(bucket, windowSeconds);
  return { limit, windowSeconds, count, resetSeconds, exceeded: count > limit };
}

/** IETF draft RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    'ratelimit-limit': String(s.limit),
    'ratelimit-remaining': String(Math.max(0, s.limit - s.count)),
    'ratelimit-reset': String(s.resetSeconds),
  };
}
