import { beforeAll, describe, expect, it } from 'vitest';
import { getCompany } from '@/lib/db/get-company';
import { listCompanies } from '@/lib/db/list-companies';
import { setupTestDatabase } from '../support/database';
import { type OracleData, linksOn, loadOracle, operatorOn, partnersOn } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const TODAY = '2026-11-28';
let data: OracleData;

beforeAll(async () => {
  data = await loadOracle(t);
});

const slugOf = (id: number) => data.companies.get(id)!.slug;
const idOf = (slug: string) => [...data.companies].find(([, c]) => c.slug === slug)![0];

describe('getCompany', () => {
  it('follows the succession both ways: Northvolt → Lyten, with the plants that changed hands', async () => {
    const northvolt = await getCompany('northvolt', TODAY);
    expect(northvolt).not.toBeNull();
    expect(northvolt!.status).toBe('insolvent');
    expect(northvolt!.successor?.slug).toBe('lyten');
    expect(northvolt!.operated).toEqual([]);
    expect(northvolt!.formerlyOperated.map((p) => [p.slug, p.nowOperator.slug]))
      .toEqual(expect.arrayContaining([['northvolt-ett', 'lyten'], ['northvolt-labs-vasteras', 'lyten']]));
    const lyten = await getCompany('lyten', TODAY);
    expect(lyten!.predecessors.map((p) => p.slug)).toContain('northvolt');
    expect(lyten!.operated.map((p) => p.slug)).toEqual(expect.arrayContaining(['northvolt-ett', 'northvolt-labs-vasteras']));
    // Before the takeover was known, Northvolt still ran Skellefteå and Lyten ran nothing there.
    const before = await getCompany('northvolt', '2025-06-01');
    expect(before!.operated.map((p) => p.slug)).toContain('northvolt-ett');
    expect((await getCompany('lyten', '2025-06-01'))!.operated.map((p) => p.slug)).not.toContain('northvolt-ett');
  });

  it('lists, for any date, the plants a company operated and its stakes as the dated facts say', async () => {
    const withStakes = [...new Set(data.plants.flatMap((p) => p.partners.map((x) => x.companyId)))].map(slugOf).sort();
    expect(withStakes.length).toBeGreaterThan(5);
    for (const asOf of [TODAY, '2022-01-01']) {
      for (const slug of withStakes) {
        const company = (await getCompany(slug, asOf))!;
        const id = idOf(slug);
        const live = data.plants.filter((p) => p.statusEvents.some((e) => e.effectiveOn <= asOf && e.knownOn <= asOf));
        const operated = live.filter((p) => operatorOn(p.operators, p.operatorId, asOf) === id);
        expect(company.operated.map((p) => p.slug).sort(), `${slug} ${asOf}`).toEqual(operated.map((p) => p.slug).sort());
        const stakes = live.flatMap((p) => partnersOn(p.partners, asOf).filter((x) => x.companyId === id)
          .map((x) => [p.slug, x.stakePct, slugOf(operatorOn(p.operators, p.operatorId, asOf))]));
        expect(company.partnerships.map((p) => [p.slug, p.stakePct, p.operator.slug]).sort(), `${slug} ${asOf}`)
          .toEqual(stakes.sort());
      }
    }
    const stellantis = (await getCompany('stellantis', TODAY))!;
    expect(stellantis.partnerships.find((p) => p.slug === 'catl-stellantis-zaragoza')?.stakePct).toBe(50);
  });

  it('shows the group on a date: parents and subsidiaries mirror the dated links', async () => {
    for (const asOf of [TODAY, '2021-06-01']) {
      const owners = new Map<number, number[]>();
      for (const l of linksOn(data.links, asOf)) owners.set(l.companyId, [...(owners.get(l.companyId) ?? []), l.parentId]);
      expect(owners.size).toBeGreaterThan(3);
      for (const [childId, parents] of owners) {
        const child = (await getCompany(slugOf(childId), asOf))!;
        expect(child.parents.map((p) => p.slug).sort(), `${slugOf(childId)} ${asOf}`).toEqual(parents.map(slugOf).sort());
        for (const p of parents) {
          expect((await getCompany(slugOf(p), asOf))!.subsidiaries.map((s) => s.slug)).toContain(slugOf(childId));
        }
      }
    }
    // The ACC shareholding grew from two to three owners in September 2021.
    expect((await getCompany('acc', '2021-01-01'))!.parents.map((p) => [p.slug, p.stakePct]).sort())
      .toEqual([['stellantis', 50], ['totalenergies', 50]]);
    expect((await getCompany('acc', TODAY))!.parents.map((p) => p.slug).sort()).toEqual(['mercedes-benz', 'stellantis', 'totalenergies']);
  });

  it('is null for an unknown or deleted company', async () => {
    expect(await getCompany('no-such-company', TODAY)).toBeNull();
    await t.query(`UPDATE company SET deleted_at = now() WHERE slug = 'eqt-ventures'`);
    expect(await getCompany('eqt-ventures', TODAY)).toBeNull();
    await t.query(`UPDATE company SET deleted_at = NULL WHERE slug = 'eqt-ventures'`);
  });
});

describe('listCompanies', () => {
  it('lists every company once with what it operates and holds today, and its contracts', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const companies = await listCompanies();
    const contracts = await t.query<{ slug: string; ct: number }>(`
      SELECT co.slug, (SELECT COUNT(*)::int FROM contract c WHERE c.supplier_id = co.id OR c.buyer_id = co.id) AS ct FROM company co`);
    expect(companies.length).toBe(data.companies.size);
    const bySlug = new Map(companies.map((c) => [c.slug, c]));
    for (const r of contracts) {
      const id = idOf(r.slug);
      const operated = data.plants.filter((p) => operatorOn(p.operators, p.operatorId, today) === id).length;
      const stakes = data.plants.filter((p) => partnersOn(p.partners, today).some((x) => x.companyId === id)).length;
      expect(bySlug.get(r.slug), r.slug).toMatchObject({ operatedPlants: operated, stakes, contracts: r.ct });
    }
    expect(bySlug.get('northvolt')!.successor).toEqual({ slug: 'lyten', name: bySlug.get('lyten')!.name });
  });
});
