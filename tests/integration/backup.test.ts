import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { exportDump, importDump } from '@/lib/backup/dump';
import { applyMigrations } from '@/scripts/db/schema-engine';
import { createScratchDatabase, setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });

/**
 * Every table's row count and content checksum, plus the capacity aggregates. The rollup tables
 * are compared too (the restore's triggers must rebuild them exactly); data_version is not, as a
 * restore moves it on by design.
 */
async function fingerprint(url: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>(`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'data_version') ORDER BY 1`)).rows;
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = (await client.query(`
        SELECT count(*)::int AS n, md5(coalesce(string_agg(to_jsonb(x)::text, '|' ORDER BY to_jsonb(x)::text), '')) AS sum
        FROM "${name}" x`)).rows;
      out[name] = `${row.n}:${row.sum}`;
    }
    const [agg] = (await client.query(`
      SELECT (SELECT sum(gwh_per_year)::text FROM capacity_announcement) AS gwh,
             (SELECT string_agg(status::text || count, ',' ORDER BY status) FROM (SELECT status, count(*) FROM plant GROUP BY 1) s) AS statuses`)).rows;
    out.aggregates = JSON.stringify(agg);
    return out;
  } finally {
    await client.end();
  }
}

async function pgQuery(url: string, sql: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  it('round-trips every table exactly into an empty database', async () => {
    // An audit row too, so the append-only table is covered.
    await t.query(`INSERT INTO audit_log (actor_label, action, entity_type, entity_id, after) VALUES ('test', 'create', 'plant', '1', '{"name":"Göd"}')`);
    const dump = JSON.parse(JSON.stringify(await exportDump(t.url)));
    const target = await createScratchDatabase();
    try {
      await applyMigrations(target.url);
      const [before] = await pgQuery(target.url, 'SELECT version::int AS v FROM data_version');
      const { rows } = await importDump(target.url, dump);
      expect(rows).toBeGreaterThan(500);
      expect(dump.tables.map((d: { name: string }) => d.name)).not.toContain('plant_capacity_step');
      expect(await fingerprint(target.url)).toEqual(await fingerprint(t.url));
      expect(Number((await pgQuery(target.url, 'SELECT count(*) AS n FROM plant_capacity_step'))[0]!.n)).toBeGreaterThan(0);
      // Caches keyed on data_version must not mistake the restored data for what they hold.
      const [after] = await pgQuery(target.url, 'SELECT version::int AS v FROM data_version');
      expect(after!.v).toBeGreaterThan(before!.v);
      // Sequences continue after the restored ids: a new row gets a fresh id.
      const client = new pg.Client(target.url);
      await client.connect();
      const [{ id }] = (await client.query(`INSERT INTO source (publisher, title, updated_at) VALUES ('x', 'y', now()) RETURNING id`)).rows;
      const [{ max }] = (await client.query(`SELECT max(id) AS max FROM source WHERE publisher <> 'x'`)).rows;
      await client.end();
      expect(id).toBeGreaterThan(max);
    } finally {
      await target.drop();
    }
  });

  it('refuses a non-empty database and changes nothing', async () => {
    const dump = await exportDump(t.url);
    const before = await fingerprint(t.url);
    await expect(importDump(t.url, dump)).rejects.toThrow(/is not empty/);
    expect(await fingerprint(t.url)).toEqual(before);
  });

  it('refuses a dump for another schema version or format', async () => {
    const dump = await exportDump(t.url);
    const target = await createScratchDatabase();
    try {
      await applyMigrations(target.url);
      await expect(importDump(target.url, { ...dump, migration: '20000101000000_old' })).rejects.toThrow(/dump is for schema/);
      await expect(importDump(target.url, { ...dump, format: 'other' } as never)).rejects.toThrow(/not a voltrack-dump/);
    } finally {
      await target.drop();
    }
  });
});
