import { beforeAll, describe, expect, it } from 'vitest';
import { getCapacityTotal } from '@/lib/db/capacity-series';
import { getCompanyCapacity } from '@/lib/db/company-capacity';
import { listPlants } from '@/lib/db/list-plants';
import { DEFAULT_WEIGHTS, plantCapacity, type Scenario } from '@/lib/domain/capacity';
import { ATTRIBUTIONS, parsePlantFilters } from '@/lib/validation/plant-filters';
import { setupTestDatabase } from '../support/database';
import { loadOracle, type OracleData, oracleShares } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const AS_OF = '2026-11-28';
let data: OracleData;

beforeAll(async () => {
  data = await loadOracle(t);
});

const sumByYear = (points: { year: number; gwh: number }[]) => {
  const m = new Map<number, number>();
  for (const p of points) m.set(p.year, (m.get(p.year) ?? 0) + p.gwh);
  return m;
};
const slugOf = (id: number) => data.companies.get(id)!.slug;

describe('attribution: operator, equity share or ultimate parent, as ownership stood on the date', () => {
  const cases: [Scenario, string][] = [['announced', AS_OF], ['risk_weighted', AS_OF], ['announced', '2023-06-30'], ['operational', AS_OF], ['announced', '2021-01-01']];
  for (const [scenario, asOf] of cases) {
    it(`every rule adds up to the total, ${scenario} as of ${asOf}, every year 2020–2035`, async () => {
      const q = { scenario, asOf, fromYear: 2020, toYear: 2035 };
      const byRule = await Promise.all(ATTRIBUTIONS.map((attribution) => getCompanyCapacity({ ...q, attribution })));
      // Each company-year is rounded to 3 decimals: allow that much per company in the sum.
      const tolerance = (n: number) => 0.0005 * n + 1e-9;
      let checked = 0;
      for (let year = 2020; year <= 2035; year++) {
        const total = (await getCapacityTotal({ scenario, asOf, weights: DEFAULT_WEIGHTS }, year)).gwh;
        for (const [i, points] of byRule.entries()) {
          const companies = points.filter((p) => p.year === year).length;
          expect(Math.abs((sumByYear(points).get(year) ?? 0) - total), `${ATTRIBUTIONS[i]} ${year}`).toBeLessThanOrEqual(tolerance(companies));
        }
        if (total > 0) checked++;
      }
      expect(checked).toBeGreaterThan(3);
    });
  }

  for (const asOf of [AS_OF, '2025-06-30', '2023-03-06']) {
    it(`every company’s attributed capacity equals the sum of its plants × its share on ${asOf}, for every rule`, async () => {
      for (const attribution of ATTRIBUTIONS) {
        const points = await getCompanyCapacity({ attribution, scenario: 'announced', asOf, fromYear: 2030, toYear: 2030 });
        const expected = new Map<string, number>();
        for (const p of data.plants) {
          if (!p.inCellTotals) continue;
          const gwh = plantCapacity(p, 2030, asOf, 'announced', DEFAULT_WEIGHTS) ?? 0;
          for (const [company, { share }] of oracleShares(p, attribution, asOf, data.links)) {
            expected.set(slugOf(company), (expected.get(slugOf(company)) ?? 0) + gwh * share);
          }
        }
        const got = new Map(points.map((p) => [p.key, p.gwh]));
        for (const [company, gwh] of expected) if (gwh > 0.0005) expect(got.get(company), `${attribution} ${company}`).toBeCloseTo(gwh, 3);
        expect([...got.keys()].every((k) => (expected.get(k) ?? 0) > 0)).toBe(true);
      }
    });
  }

  it('a joint venture’s capacity splits by the published stakes, the operator keeping the remainder', async () => {
    const [jv] = await t.query<{ slug: string }>(`
      SELECT p.slug FROM plant p JOIN plant_partner pp ON pp.plant_id = p.id
      WHERE pp.deleted_at IS NULL AND NOT pp.ended AND pp.stake_pct > 0 AND p.in_cell_totals
      GROUP BY p.slug HAVING SUM(pp.stake_pct) BETWEEN 99 AND 100 ORDER BY p.slug LIMIT 1`);
    expect(jv, 'a plant whose partners hold published stakes').toBeDefined();
    const plant = data.plants.find((p) => p.slug === jv!.slug)!;
    const shares = oracleShares(plant, 'equity', AS_OF);
    expect([...shares.values()].reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 9);
    const gwh = plantCapacity(plant, 2030, AS_OF, 'announced') ?? 0;
    for (const [company, { share }] of shares) {
      const points = await getCompanyCapacity({
        attribution: 'equity', scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030, companySlugs: [slugOf(company)], groupBy: 'plant',
      });
      expect(points.find((p) => p.key === plant.slug)?.gwh ?? 0, slugOf(company)).toBeCloseTo(gwh * share, 3);
    }
  });

  it('the explorer’s attributed summary uses the same rule', async () => {
    const base = parsePlantFilters({}, AS_OF).filters;
    for (const attribution of ATTRIBUTIONS) {
      const companies = ['stellantis', 'acc', 'catl'];
      const summary = (await listPlants({ ...base, company: companies, attribution })).summary;
      const points = await getCompanyCapacity({ attribution, scenario: 'announced', asOf: AS_OF, fromYear: 2030, toYear: 2030, companySlugs: companies });
      expect(summary.attributed!.y2030Gwh, attribution).toBeCloseTo(points.reduce((s, p) => s + p.gwh, 0), 2);
    }
  });
});
