// The database itself refuses impossible data, whatever code path writes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase();
let plantId: number;
let companyA: number;
let companyB: number;

beforeAll(async () => {
  const [macro] = await t.query<{ id: number }>(
    `INSERT INTO region (slug, name, level, path, updated_at) VALUES ('western-europe', 'Western Europe', 'macro', '/western-europe/', now()) RETURNING id`);
  const [fr] = await t.query<{ id: number }>(
    `INSERT INTO region (slug, name, level, code, parent_id, path, updated_at) VALUES ('france', 'France', 'country', 'FR', $1, '/western-europe/france/', now()) RETURNING id`, [macro!.id]);
  [{ id: companyA }] = await t.query<{ id: number }>(
    `INSERT INTO company (slug, name, origin, updated_at) VALUES ('a', 'A', 'european', now()) RETURNING id`) as [{ id: number }];
  [{ id: companyB }] = await t.query<{ id: number }>(
    `INSERT INTO company (slug, name, origin, updated_at) VALUES ('b', 'B', 'chinese', now()) RETURNING id`) as [{ id: number }];
  [{ id: plantId }] = await t.query<{ id: number }>(
    `INSERT INTO plant (ref, slug, name, operator_id, city, region_id, country_id, status, facility_type, confidence, updated_at)
     VALUES ('FR-99', 'p', 'P', $1, 'X', $2, $2, 'announced', 'cell_gigafactory', 'low', now()) RETURNING id`, [companyA, fr!.id]) as [{ id: number }];
});

const announcement = (gwh: number, targetYear: number | null, scope = 'milestone') =>
  t.query(`INSERT INTO capacity_announcement (ref, plant_id, scope, target_year, gwh_per_year, announced_on, known_on, confidence)
           VALUES (gen_random_uuid()::text, $1, $2, $3, $4, '2025-01-01', '2025-01-01', 'low')`, [plantId, scope, targetYear, gwh]);

describe('database constraints', () => {
  it('accept a valid capacity announcement', async () => {
    await expect(announcement(16, 2030)).resolves.toBeDefined();
  });
  it('refuse negative GWh', async () => {
    await expect(announcement(-1, 2030)).rejects.toThrow(/capacity_gwh_non_negative/);
  });
  it('refuse target years outside 2000–2060', async () => {
    await expect(announcement(10, 1999)).rejects.toThrow(/capacity_target_year_range/);
    await expect(announcement(10, 2061)).rejects.toThrow(/capacity_target_year_range/);
  });
  it('require a target year unless the figure is long-term', async () => {
    await expect(announcement(10, null)).rejects.toThrow(/capacity_year_unless_long_term/);
    await expect(announcement(10, null, 'long_term')).resolves.toBeDefined();
  });
  it('refuse a contract that ends before it starts', async () => {
    await expect(t.query(
      `INSERT INTO contract (ref, kind, supplier_id, buyer_id, start_year, end_year, status, confidence, updated_at)
       VALUES ('OT-X', 'cell_supply', $1, $2, 2030, 2028, 'active', 'low', now())`, [companyA, companyB],
    )).rejects.toThrow(/contract_end_after_start/);
  });
  it('refuse a contract with itself', async () => {
    await expect(t.query(
      `INSERT INTO contract (ref, kind, supplier_id, buyer_id, status, confidence, updated_at)
       VALUES ('OT-Y', 'cell_supply', $1, $1, 'active', 'low', now())`, [companyA],
    )).rejects.toThrow(/contract_parties_differ/);
  });
  it('refuse a plant whose operator does not exist (foreign key)', async () => {
    await expect(t.query(`UPDATE plant SET operator_id = 999999 WHERE id = $1`, [plantId])).rejects.toThrow(/foreign key/);
  });
  it('refuse a duplicate plant ref', async () => {
    await expect(t.query(
      `INSERT INTO plant (ref, slug, name, operator_id, city, region_id, country_id, status, facility_type, confidence, updated_at)
       SELECT ref, 'other', name, operator_id, city, region_id, country_id, status, facility_type, confidence, now() FROM plant WHERE id = $1`, [plantId],
    )).rejects.toThrow(/unique/i);
  });
  it('keep the audit log append-only', async () => {
    await t.query(`INSERT INTO audit_log (actor_label, action, entity_type, entity_id) VALUES ('test', 'create', 'plant', '1')`);
    await expect(t.query(`UPDATE audit_log SET actor_label = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const rows = await t.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(rows[0]!.n).toBe(1);
  });
});
