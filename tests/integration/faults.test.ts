// Database faults at the data layer: a connection cut mid-transaction leaves nothing half
// written; an unreachable database fails within the pool timeout; the app recovers by itself.
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { checkDatabaseHealth } from '@/lib/db/health';
import { isDatabaseUnavailable } from '@/lib/errors';
import { writeSeedDataset } from '@/lib/db/seed-dataset';
import { loadSeedDataset } from '@/lib/seed-dataset';
import { setupTestDatabase } from '../support/database';
import { withAppDatabaseThroughProxy } from '../support/app-database-proxy';
import { startTcpProxy } from '../support/tcp-proxy';

const t = setupTestDatabase();

const counts = async () => (await t.query<{ plants: number; announcements: number; regions: number }>(`
  SELECT (SELECT count(*)::int FROM plant) AS plants, (SELECT count(*)::int FROM capacity_announcement) AS announcements,
         (SELECT count(*)::int FROM region) AS regions`))[0]!;

describe('database faults', () => {
  it('a connection cut in the middle of a write leaves no partial rows', async () => {
    const proxy = await startTcpProxy(t.url);
    const client = createPrismaClient(proxy.url, 2, 2_000);
    try {
      const data = await loadSeedDataset();
      const writing = writeSeedDataset(client, data);
      // Cut once the transaction is well under way (tens of statements sent, none committed).
      for (let i = 0; i < 500 && proxy.bytesToDatabase < 20_000; i++) await new Promise((r) => setTimeout(r, 5));
      expect(proxy.bytesToDatabase).toBeGreaterThanOrEqual(20_000);
      await proxy.cut();
      await expect(writing).rejects.toThrow();
      // Give the server a moment to notice the dropped connection and roll back.
      await new Promise((r) => setTimeout(r, 500));
      expect(await counts()).toEqual({ plants: 0, announcements: 0, regions: 0 });
    } finally {
      await client.$disconnect().catch(() => undefined);
      await proxy.close();
    }
  });

  it('a database that stops answering fails a query within the query timeout (never hangs), as "unavailable"', async () => {
    const proxy = await startTcpProxy(t.url);
    const client = createPrismaClient(proxy.url, 2, 2_000, 1_500);
    try {
      expect(await client.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      proxy.stall();
      const started = Date.now();
      const error = await client.$queryRaw`SELECT 2 AS two`.then(() => null, (e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      proxy.resume();
      // The timed-out connection is discarded, not reused with a stray answer in it.
      expect(await client.$queryRaw`SELECT 3 AS three`).toEqual([{ three: 3 }]);
    } finally {
      proxy.resume();
      await client.$disconnect().catch(() => undefined);
      await proxy.close();
    }
  });

  it('health turns unhealthy within 5 s while the database is away, and recovers without a restart', async () => {
    await withAppDatabaseThroughProxy(t.url, async (proxy) => {
      expect((await checkDatabaseHealth()).ok).toBe(true);
      await proxy.cut();
      const started = Date.now();
      const down = await checkDatabaseHealth();
      expect(down.ok).toBe(false);
      expect(down.reason).toMatch(/^database unreachable/);
      expect(Date.now() - started).toBeLessThan(5_000);
      await proxy.restore();
      // Same process, same client: the pool reconnects on its own.
      let up = await checkDatabaseHealth();
      for (let i = 0; i < 20 && !up.ok; i++) {
        await new Promise((r) => setTimeout(r, 250));
        up = await checkDatabaseHealth();
      }
      expect(up.ok).toBe(true);
    }, { DATABASE_CONNECT_TIMEOUT_MS: '2000' });
  });
});
