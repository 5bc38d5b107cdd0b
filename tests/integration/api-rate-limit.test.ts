// The rate limit's state lives in PostgreSQL: two independently loaded copies of the handler
// modules (two app instances: no module state in common), each request on a new connection pool,
// share one count per client.
import { describe, expect, it, vi } from 'vitest';
import type { ApiRoute } from '@/lib/api/route';
import { disconnectDb } from '@/lib/db/client';
import { ORIGIN, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: false });
const LIMIT = 5;
setRateLimit(LIMIT, 3600);

/** A fresh copy of the route module and everything it imports (lib/api, lib/db). */
async function instance(): Promise<ApiRoute> {
  vi.resetModules();
  return await import('@/app/api/v1/regions/route') as ApiRoute;
}

const get = (route: ApiRoute, ip: string) =>
  route.GET(new Request(`${ORIGIN}/api/v1/regions`, { headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` } }), { params: Promise.resolve({}) });

/** One request on a brand-new connection pool, so nothing but the database links two requests. */
async function isolated(route: ApiRoute, ip: string): Promise<Response> {
  await disconnectDb();
  return get(route, ip);
}

describe('rate limiting', () => {
  it('counts a client across two instances and answers 429 with Retry-After beyond the limit', async () => {
    const a = await instance();
    const b = await instance();
    expect(a).not.toBe(b);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const r = await isolated(i % 2 === 0 ? a : b, '203.0.113.9');
      statuses.push(r.status);
      expect(r.headers.get('ratelimit-remaining')).toBe(String(LIMIT - i - 1));
    }
    expect(statuses).toEqual(Array(LIMIT).fill(200));
    for (const route of [a, b]) {
      const r = await isolated(route, '203.0.113.9');
      expect(r.status).toBe(429);
      const retry = Number(r.headers.get('retry-after'));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(3600);
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      const body = await r.json();
      expect(body.error).toMatchObject({ code: 'rate_limited', issues: [] });
      expect(body.error.message).toMatch(/at most 5 per 3600 s/);
    }
    // Another client (first X-Forwarded-For hop) has its own count.
    expect((await isolated(b, '198.51.100.4')).status).toBe(200);
    const rows = await t.query<{ bucket: string; count: number }>(`SELECT bucket, count FROM api_rate_limit ORDER BY bucket`);
    expect(rows).toEqual([{ bucket: 'ip:198.51.100.4', count: 1 }, { bucket: 'ip:203.0.113.9', count: LIMIT + 2 }]);
  });

  it('lets exactly the limit through when requests arrive at once on both instances', async () => {
    const a = await instance();
    const b = await instance();
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => get(i % 2 ? a : b, '192.0.2.77')));
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBe(LIMIT);
    expect(results.filter((r) => r.status === 429).length).toBe(16 - LIMIT);
  });

  it('starts a new count in the next window', async () => {
    setRateLimit(2, 2);
    const a = await instance();
    let limited: Response | null = null;
    // Three requests inside one 2-second window: the third is refused (retry if a window boundary fell between them).
    for (let attempt = 0; attempt < 5 && !limited; attempt++) {
      const ip = `192.0.2.${200 + attempt}`;
      const statuses = [await get(a, ip), await get(a, ip), await get(a, ip)];
      if (statuses[2]!.status !== 429 || statuses[0]!.status !== 200) continue;
      limited = statuses[2]!;
      await new Promise((resolve) => setTimeout(resolve, Number(statuses[2]!.headers.get('retry-after')) * 1000 + 100));
      expect((await get(a, ip)).status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    setRateLimit(LIMIT, 3600);
  });
});
