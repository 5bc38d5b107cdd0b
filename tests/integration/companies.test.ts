import { describe, expect, it } from 'vitest';
import { getCompany } from '@/lib/db/get-company';
import { listCompanies } from '@/lib/db/list-companies';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });

describe('getCompany', () => {
  it('follows the succession both ways: Northvolt → Lyten', async () => {
    const northvolt = await getCompany('northvolt');
    expect(northvolt).not.toBeNull();
    expect(northvolt!.status).toBe('insolvent');
    expect(northvolt!.successor?.slug).toBe('lyten');
    const lyten = await getCompany('lyten');
    expect(lyten!.predecessors.map((p) => p.slug)).toContain('northvolt');
    expect(lyten!.operated.map((p) => p.slug).sort()).toEqual(['northvolt-ett', 'northvolt-labs-vasteras']);
  });

  it('lists the plants a company operates and its stakes, exactly as stored', async () => {
    const rows = await t.query<{ slug: string; n_op: number }>(`
      SELECT co.slug, (SELECT COUNT(*)::int FROM plant p WHERE p.operator_id = co.id) AS n_op
      FROM company co WHERE EXISTS (SELECT 1 FROM plant_partner pp WHERE pp.company_id = co.id) ORDER BY co.slug`);
    expect(rows.length).toBeGreaterThan(5);
    for (const { slug } of rows) {
      const company = (await getCompany(slug))!;
      const operated = await t.query<{ slug: string }>(
        `SELECT p.slug FROM plant p JOIN company co ON co.id = p.operator_id WHERE co.slug = $1 ORDER BY p.name`, [slug]);
      expect(company.operated.map((p) => p.slug)).toEqual(operated.map((p) => p.slug));
      const stakes = await t.query<{ slug: string; stake: string | null; op: string }>(`
        SELECT p.slug, pp.stake_pct::text AS stake, op.slug AS op FROM plant_partner pp
        JOIN plant p ON p.id = pp.plant_id JOIN company co ON co.id = pp.company_id JOIN company op ON op.id = p.operator_id
        WHERE co.slug = $1 ORDER BY p.name`, [slug]);
      expect(company.partnerships.map((p) => [p.slug, p.stakePct, p.operator.slug]))
        .toEqual(stakes.map((s) => [s.slug, s.stake === null ? null : Number(s.stake), s.op]));
    }
    const stellantis = (await getCompany('stellantis'))!;
    expect(stellantis.partnerships.find((p) => p.slug === 'catl-stellantis-zaragoza')?.stakePct).toBe(50);
  });

  it('shows the group: parent and subsidiaries mirror each other', async () => {
    const [row] = await t.query<{ child: string; parent: string }>(`
      SELECT c.slug AS child, p.slug AS parent FROM company c JOIN company p ON p.id = c.parent_id ORDER BY c.slug LIMIT 1`);
    expect(row).toBeDefined();
    expect((await getCompany(row!.child))!.parent?.slug).toBe(row!.parent);
    expect((await getCompany(row!.parent))!.subsidiaries.map((s) => s.slug)).toContain(row!.child);
  });

  it('is null for an unknown or deleted company', async () => {
    expect(await getCompany('no-such-company')).toBeNull();
    await t.query(`UPDATE company SET deleted_at = now() WHERE slug = 'eqt-ventures'`);
    expect(await getCompany('eqt-ventures')).toBeNull();
    await t.query(`UPDATE company SET deleted_at = NULL WHERE slug = 'eqt-ventures'`);
  });
});

describe('listCompanies', () => {
  it('lists every company once with its counts', async () => {
    const companies = await listCompanies();
    const raw = await t.query<{ slug: string; op: number; st: number; ct: number }>(`
      SELECT co.slug,
        (SELECT COUNT(*)::int FROM plant p WHERE p.operator_id = co.id) AS op,
        (SELECT COUNT(*)::int FROM plant_partner pp WHERE pp.company_id = co.id) AS st,
        (SELECT COUNT(*)::int FROM contract c WHERE c.supplier_id = co.id OR c.buyer_id = co.id) AS ct
      FROM company co`);
    expect(companies.length).toBe(raw.length);
    const bySlug = new Map(companies.map((c) => [c.slug, c]));
    for (const r of raw) expect(bySlug.get(r.slug), r.slug).toMatchObject({ operatedPlants: r.op, stakes: r.st, contracts: r.ct });
    expect(bySlug.get('northvolt')!.successor).toEqual({ slug: 'lyten', name: bySlug.get('lyten')!.name });
  });
});
