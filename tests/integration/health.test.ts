import { describe, expect, it } from 'vitest';
import { checkDatabaseHealth } from '@/lib/db/health';
import { disconnectDb } from '@/lib/db/client';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase();

describe('database health', () => {
  it('reports ok with the applied migrations', async () => {
    const health = await checkDatabaseHealth();
    expect(health.ok).toBe(true);
    expect(health.migrations?.applied).toBeGreaterThanOrEqual(1);
    expect(health.migrations?.pending).toEqual([]);
  });

  it('fails fast with one clear reason when the database is unreachable', async () => {
    const saved = process.env.DATABASE_URL;
    await disconnectDb();
    // A port nothing listens on: the pool must give up within its connection timeout.
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/none';
    try {
      const started = Date.now();
      const health = await checkDatabaseHealth();
      expect(health.ok).toBe(false);
      expect(health.reason).toMatch(/^database unreachable: /);
      expect(health.reason).not.toMatch(/\n|    at /);
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
    expect(t.url).toBe(saved);
  });
});
