import { beforeAll, describe, expect, it } from 'vitest';
import { getCapacityTotal } from '@/lib/db/capacity-series';
import { getCompanyCapacity } from '@/lib/db/company-capacity';
import { listPlants } from '@/lib/db/list-plants';
import { DEFAULT_WEIGHTS, plantCapacity, type Scenario } from '@/lib/domain/capacity';
import { parsePlantFilters } from '@/lib/validation/plant-filters';
import { setupTestDatabase } from '../support/database';
import { type ExplorerOraclePlant, loadExplorerOracle, oracleShares } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const AS_OF = '2026-11-28';
let plants: ExplorerOraclePlant[];

beforeAll(async () => {
  plants = (await loadExplorerOracle(t)).plants;
});

const sumByYear = (points: { year: number; gwh: number }[]) => {
  const m = new Map<number, number>();
  for (const p of points) m.set(p.year, (m.get(p.year) ?? 0) + p.gwh);
  return m;
};

describe('attribution: operator or equity share', () => {
  const cases: [Scenario, string][] = [['announced', AS_OF], ['risk_weighted', AS_OF], ['announced', '2023-06-30'], ['operational', AS_OF]];
  for (const [scenario, asOf] of cases) {
    it(`equity totals over Europe equal operator totals, ${scenario} as of ${asOf}, every year 2020–2035`, async () => {
      const q = { scenario, asOf, fromYear: 2020, toYear: 2035 };
      const [equity, operator] = await Promise.all([
        getCompanyCapacity({ ...q, attribution: 'equity' }),
        getCompanyCapacity({ ...q, attribution: 'operator' }),
      ]);
      const [e, o] = [sumByYear(equity), sumByYear(operator)];
      // Each company-year is rounded to 3 decimals: allow that much per company in the sum.
      const tolerance = (n: number) => 0.0005 * n + 1e-9;
      let checked = 0;
      for (let year = 2020; year <= 2035; year++) {
        const total = await getCapacityTotal({ scenario, asOf, weights: DEFAULT_WEIGHTS }, year);
        const companies = (points: { year: number }[]) => points.filter((p) => p.year === year).length;
        expect(Math.abs((e.get(year) ?? 0) - total), `equity ${year}`).toBeLessThanOrEqual(tolerance(companies(equity)));
        expect(Math.abs((o.get(year) ?? 0) - total), `operator ${year}`).toBeLessThanOrEqual(tolerance(companies(operator)));
        if (total > 0) checked++;
      }
      expect(checked).toBeGreaterThan(3);
      // The split differs: equity moves capacity from operators to partners.
      expect(new Set(equity.map((p) => p.key))).not.toEqual(new Set(operator.map((p) => p.key)));
    });
  }

  it('every company’s attributed capacity equals the sum of its plants × its share, for both rules', async () => {
    for (const attribution of ['operator', 'equity'] as const) {
      const points = await getCompanyCapacity({ attribution, scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030 });
      const expected = new Map<string, number>();
      for (const p of plants) {
        if (!p.inCellTotals) continue;
        const gwh = plantCapacity(p, 2030, AS_OF, 'announced', DEFAULT_WEIGHTS);
        for (const [company, share] of oracleShares(p, attribution)) expected.set(company, (expected.get(company) ?? 0) + gwh * share);
      }
      const got = new Map(points.map((p) => [p.key, p.gwh]));
      for (const [company, gwh] of expected) if (gwh > 0.0005) expect(got.get(company), `${attribution} ${company}`).toBeCloseTo(gwh, 3);
      expect([...got.keys()].every((k) => (expected.get(k) ?? 0) > 0)).toBe(true);
    }
  });

  it('a joint venture’s capacity splits by the published stakes, the operator keeping the remainder', async () => {
    const zaragoza = plants.find((p) => p.slug === 'catl-stellantis-zaragoza')!;
    expect(zaragoza.partners.filter((x) => x.stakePct !== null).map((x) => [x.slug, x.stakePct]).sort())
      .toEqual([['catl', 50], ['stellantis', 50]]);
    const gwh = plantCapacity(zaragoza, 2030, AS_OF, 'announced', DEFAULT_WEIGHTS);
    expect(gwh).toBeGreaterThan(0);
    const byPlant = async (slug: string) => (await getCompanyCapacity({
      attribution: 'equity', scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030, companySlugs: [slug], groupBy: 'plant',
    })).find((p) => p.key === 'catl-stellantis-zaragoza')?.gwh ?? 0;
    expect(await byPlant('stellantis')).toBeCloseTo(gwh / 2, 3);
    expect(await byPlant('catl')).toBeCloseTo(gwh / 2, 3);
    expect(await byPlant('contemporary-star-energy')).toBe(0);
    // Operator attribution gives it all to the JV company.
    const operator = await getCompanyCapacity({
      attribution: 'operator', scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030, companySlugs: ['contemporary-star-energy'],
    });
    expect(operator[0]!.gwh).toBeCloseTo(gwh, 3);

    const acc = plants.find((p) => p.slug === 'acc-douvrin')!;
    const shares = oracleShares(acc, 'equity');
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shares.get('acc')).toBeCloseTo(0.0001, 6);
  });

  it('the explorer’s attributed summary uses the same rule', async () => {
    const base = parsePlantFilters({}, AS_OF).filters;
    for (const attribution of ['operator', 'equity'] as const) {
      const companies = ['stellantis', 'acc'];
      const summary = (await listPlants({ ...base, company: companies, attribution })).summary;
      const points = await getCompanyCapacity({ attribution, scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030, companySlugs: companies });
      expect(summary.attributed!.y2030Gwh).toBeCloseTo(points.reduce((s, p) => s + p.gwh, 0), 2);
    }
  });
});
