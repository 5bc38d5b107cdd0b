import { beforeAll, describe, expect, it } from 'vitest';
import { compareCapacity } from '@/lib/db/compare';
import { DEFAULT_WEIGHTS, plantCapacity } from '@/lib/domain/capacity';
import { parseCompareParams } from '@/lib/validation/compare';
import { setupTestDatabase } from '../support/database';
import { type OraclePlant, loadOracle, oracleShares } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const TODAY = '2026-11-28';
let data: Awaited<ReturnType<typeof loadOracle>>;

beforeAll(async () => {
  data = await loadOracle(t);
});

const params = (query: string) => parseCompareParams(Object.fromEntries(
  [...new URLSearchParams(query)].reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, string[]>())), TODAY).params;

/** A region's or company's capacity per year from the raw rows. */
function oracle(kind: 'region' | 'company', slug: string, year: number, p: ReturnType<typeof params>): number {
  const inside = (pl: OraclePlant) => pl.regionPath.startsWith(data.regionPaths.get(slug)!);
  let sum = 0;
  for (const pl of data.plants) {
    if (!pl.inCellTotals) continue;
    const companyId = [...data.companies].find(([, c]) => c.slug === slug)?.[0];
    const share = kind === 'region' ? (inside(pl) ? 1 : 0)
      : (companyId === undefined ? 0 : (oracleShares(pl, p.attribution, p.asOf, data.links).get(companyId)?.share ?? 0));
    if (share) sum += (plantCapacity(pl, year, p.asOf, p.scenario, DEFAULT_WEIGHTS) ?? 0) * share;
  }
  return sum;
}

describe('compareCapacity', () => {
  for (const query of [
    'item=region:hauts-de-france&item=company:verkor&item=region:eszak-alfold',
    'item=company:stellantis&item=company:catl&attribution=equity&scenario=risk_weighted',
    'item=region:nordics&item=region:germany&asOf=2023-06-30&from=2018&to=2032',
  ]) {
    it(`draws each item's trajectory as the raw rows add up: ${query}`, async () => {
      const p = params(query);
      const result = await compareCapacity(p, p.items);
      expect(result.items.map((i) => i.key)).toEqual(p.items.map((i) => i.key));
      expect(result.unknown).toEqual([]);
      let nonZero = 0;
      for (const item of result.items) {
        for (let year = p.from; year <= p.to; year++) {
          const got = result.points.find((pt) => pt.key === item.key && pt.year === year)?.gwh ?? 0;
          const want = oracle(item.kind, item.slug, year, p);
          expect(got, `${item.key} ${year}`).toBeCloseTo(want, 2);
          if (want > 0) nonZero++;
        }
      }
      expect(nonZero).toBeGreaterThan(5);
    });
  }

  it('names the items it found and reports the unknown ones', async () => {
    const p = params('item=region:hauts-de-france&item=company:no-such&item=region:atlantis&item=company:verkor');
    const result = await compareCapacity(p, p.items);
    expect(result.items.map((i) => [i.key, i.name])).toEqual([['region:hauts-de-france', 'Hauts-de-France'], ['company:verkor', 'Verkor SAS']]);
    expect(result.unknown).toEqual(['company:no-such', 'region:atlantis']);
  });
});
