import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, diffSchemas, readSchema, MIGRATIONS_DIR } from '@/scripts/db/schema-engine';
import { createScratchDatabase, setupTestDatabase } from '../support/database';

const migrated = setupTestDatabase();

// Tables, columns, keys, indexes and enums as the catalog describes them. CHECK constraints and
// the audit trigger are written by hand in the migrations (Prisma cannot express them), so they
// are compared separately below.
const CATALOG_SQL = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         concat_ws(' ', udt_name, is_nullable, column_default) AS definition
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(c.oid)
  FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
  WHERE n.nspname = 'public' AND c.contype <> 'c' AND conrelid::regclass::text <> '_prisma_migrations'
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1, 2`;

async function catalog(url: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(CATALOG_SQL)).rows as { kind: string; name: string; definition: string }[];
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma (no drift)', async () => {
    const fromSchema = await createScratchDatabase();
    try {
      const script = await diffSchemas(fromSchema.url, null, await readSchema());
      const client = new pg.Client(fromSchema.url);
      await client.connect();
      await client.query(script);
      await client.end();
      const [expected, actual] = await Promise.all([catalog(fromSchema.url), catalog(migrated.url)]);
      expect(expected.length).toBeGreaterThan(50);
      expect(actual).toEqual(expected);
    } finally {
      await fromSchema.drop();
    }
  });

  it('are all applied, and applying again changes nothing', async () => {
    expect(await applyMigrations(migrated.url)).toEqual([]);
    const rows = await migrated.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1');
    const dirs = (await import('node:fs/promises')).readdir(MIGRATIONS_DIR, { withFileTypes: true });
    const names = (await dirs).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it('keep a schema snapshot beside the newest migration equal to prisma/schema.prisma', async () => {
    // migration-create diffs from this snapshot; a stale one would produce a wrong next migration.
    const dirs = (await (await import('node:fs/promises')).readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, dirs.at(-1)!, 'schema.prisma'), 'utf8');
    expect(snapshot).toBe(await readSchema());
  });

  it('install the hand-written CHECK constraints and the append-only audit trigger', async () => {
    const checks = await migrated.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY 1`);
    expect(checks.map((c) => c.conname)).toEqual(expect.arrayContaining([
      'capacity_gwh_non_negative', 'capacity_target_year_range', 'capacity_year_unless_long_term',
      'contract_end_after_start', 'contract_start_year_range', 'plant_lat_range',
    ]));
    const triggers = await migrated.query<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY 1`);
    expect(triggers.map((t) => t.tgname)).toEqual(['audit_log_no_truncate', 'audit_log_no_update_delete']);
  });
});
