import { describe, expect, it, beforeAll } from 'vitest';
import { getCapacitySeries, getCapacityTotal } from '@/lib/db/capacity-series';
import { getEuropeSummary } from '@/lib/db/summary';
import { DEFAULT_WEIGHTS, SCENARIOS } from '@/lib/domain/capacity';
import type { Grouping } from '@/lib/validation/capacity';
import { setupTestDatabase } from '../support/database';
import { loadOraclePlants, oracleTotals, type OraclePlant } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
let plants: OraclePlant[];

beforeAll(async () => {
  plants = await loadOraclePlants(t);
});

const round = (m: Map<string, number>) => Object.fromEntries([...m].map(([k, v]) => [k, Math.round(v * 1000) / 1000]).sort());

describe('capacity series computed in PostgreSQL', () => {
  const groupings: Grouping[] = ['total', 'macro', 'country', 'region', 'company', 'origin', 'chemistry', 'status'];
  const asOfDates = ['2026-11-28', '2024-01-01', '2022-06-30'];
  const weights = { ...DEFAULT_WEIGHTS, announced: 0.5 };

  for (const scenario of SCENARIOS) {
    for (const asOf of asOfDates) {
      it(`matches the independent per-plant sum for ${scenario}, as of ${asOf}, every grouping and year`, async () => {
        for (const groupBy of groupings) {
          const series = await getCapacitySeries({ scenario, asOf, fromYear: 2020, toYear: 2032, weights }, groupBy);
          for (let year = 2020; year <= 2032; year++) {
            const fromSql = new Map(series.filter((p) => p.year === year).map((p) => [p.key, p.gwh]));
            const expected = oracleTotals(plants, { scenario, asOf, year, weights, groupBy });
            expect(round(fromSql), `${groupBy} ${year}`).toEqual(round(expected));
          }
        }
      });
    }
  }

  it('scopes to a region at any level of the tree', async () => {
    const [hdf] = await t.query<{ path: string }>(`SELECT path FROM region WHERE slug = 'hauts-de-france'`);
    const [fr] = await t.query<{ path: string }>(`SELECT path FROM region WHERE slug = 'france'`);
    for (const regionPath of [hdf!.path, fr!.path]) {
      const asOf = '2026-11-28';
      const series = await getCapacitySeries({ scenario: 'announced', asOf, fromYear: 2030, toYear: 2030, weights: DEFAULT_WEIGHTS, regionPath }, 'company');
      const expected = oracleTotals(plants, { scenario: 'announced', asOf, year: 2030, weights: DEFAULT_WEIGHTS, groupBy: 'company', regionPath });
      expect(round(new Map(series.map((p) => [p.key, p.gwh])))).toEqual(round(expected));
      expect(series.length).toBeGreaterThan(0);
    }
  });

  it('a figure announced after the as-of date is invisible on that date', async () => {
    const [latest] = await t.query<{ d: string }>(`SELECT to_char(max(announced_on), 'YYYY-MM-DD') AS d FROM capacity_announcement`);
    const dayBefore = new Date(Date.parse(latest!.d) - 86_400_000).toISOString().slice(0, 10);
    const total = (asOf: string) => getCapacityTotal({ scenario: 'announced', asOf, weights: DEFAULT_WEIGHTS }, 2030);
    const expectedBefore = [...oracleTotals(plants, { scenario: 'announced', asOf: dayBefore, year: 2030, weights: DEFAULT_WEIGHTS, groupBy: 'total' }).values()][0] ?? 0;
    expect(await total(dayBefore)).toBeCloseTo(expectedBefore, 3);
  });
});

describe('Europe summary', () => {
  it('adds up the seeded plants: operational now, announced and risk-weighted 2030, plants by status', async () => {
    const asOf = '2026-11-28';
    const summary = await getEuropeSummary(asOf);
    const sum = (scenario: (typeof SCENARIOS)[number], year: number) =>
      [...oracleTotals(plants, { scenario, asOf, year, weights: DEFAULT_WEIGHTS, groupBy: 'total' }).values()].reduce((a, b) => a + b, 0);
    expect(summary.operationalNowGwh).toBeCloseTo(sum('operational', 2026), 3);
    expect(summary.announced2030Gwh).toBeCloseTo(sum('announced', 2030), 3);
    expect(summary.riskWeighted2030Gwh).toBeCloseTo(sum('risk_weighted', 2030), 3);
    const counts = await t.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM plant GROUP BY 1`);
    for (const { status, n } of counts) expect(summary.plantsByStatus[status as keyof typeof summary.plantsByStatus]).toBe(n);
    expect(summary.plantCount).toBe(counts.reduce((a, c) => a + c.n, 0));
  });
});
