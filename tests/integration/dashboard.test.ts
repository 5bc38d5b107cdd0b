import { beforeAll, describe, expect, it } from 'vitest';
import { getDashboardData, pipelineDates } from '@/lib/db/dashboard';
import { DEFAULT_WEIGHTS, plantCapacity } from '@/lib/domain/capacity';
import { parseDashboardParams } from '@/lib/validation/dashboard';
import { setupTestDatabase } from '../support/database';
import { loadOraclePlants, oracleTotals, type OraclePlant } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
let plants: OraclePlant[];
const today = '2026-11-28';

beforeAll(async () => {
  plants = await loadOraclePlants(t);
});

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('dashboard data', () => {
  for (const scope of [undefined, 'hauts-de-france', 'nordics', 'germany']) {
    it(`matches independent per-plant sums for ${scope ?? 'Europe'}`, async () => {
      const regionPath = scope
        ? (await t.query<{ path: string }>('SELECT path FROM region WHERE slug = $1', [scope]))[0]!.path
        : undefined;
      const { params, weights } = parseDashboardParams({ group: 'company', scenario: 'risk_weighted', year: '2028' }, today);
      const data = await getDashboardData(params, weights, regionPath);
      const q = { asOf: today, weights, regionPath };
      expect(data.headline.operationalNowGwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'operational', year: 2026, groupBy: 'total' })), 3);
      expect(data.headline.announced2030Gwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'announced', year: 2030, groupBy: 'total' })), 3);
      expect(data.headline.riskWeighted2030Gwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'risk_weighted', year: 2030, groupBy: 'total' })), 3);
      const byCompany = oracleTotals(plants, { ...q, scenario: 'risk_weighted', year: 2028, groupBy: 'company' });
      expect(Object.fromEntries(data.byCompany.map((c) => [c.key, c.gwh]))).toEqual(
        Object.fromEntries([...byCompany].map(([k, v]) => [k, Math.round(v * 1000) / 1000])));
      // Every plant on the map carries the same figure the oracle gives it.
      for (const p of data.plants.filter((x) => x.inCellTotals)) {
        const oracle = plants.find((o) => o.slug === p.slug)!;
        expect(p.gwh, p.slug).toBeCloseTo(plantCapacity(oracle, 2028, today, 'risk_weighted', weights), 3);
      }
      // The pipeline's last point is the announced 2030 total today.
      expect(data.pipeline.points.at(-1)).toEqual({ asOf: today, gwh: expect.closeTo(data.headline.announced2030Gwh, 3) });
    });
  }

  it('pipeline history: each quarter equals the announced 2030 total as known then, drops name the plant', async () => {
    const { params } = parseDashboardParams({}, today);
    const data = await getDashboardData(params, DEFAULT_WEIGHTS);
    const dates = pipelineDates(today);
    expect(data.pipeline.points.map((p) => p.asOf)).toEqual(dates);
    for (const point of data.pipeline.points) {
      const expected = sum(oracleTotals(plants, { asOf: point.asOf, weights: DEFAULT_WEIGHTS, scenario: 'announced', year: 2030, groupBy: 'total' }));
      expect(point.gwh, point.asOf).toBeCloseTo(expected, 3);
    }
    for (const drop of data.pipeline.drops) {
      const i = dates.indexOf(drop.asOf);
      const oracle = plants.find((o) => o.slug === drop.plantSlug)!;
      const change = plantCapacity(oracle, 2030, drop.asOf, 'announced') - plantCapacity(oracle, 2030, dates[i - 1]!, 'announced');
      expect(drop.deltaGwh).toBeCloseTo(change, 3);
      expect(drop.deltaGwh).toBeLessThanOrEqual(-5);
    }
  });

  it('offtake coverage counts only live cell contracts covering 2030 with a yearly volume', async () => {
    const { params } = parseDashboardParams({}, today);
    const data = await getDashboardData(params, DEFAULT_WEIGHTS);
    const rows = await t.query<{ kind: string; status: string; start_year: number | null; end_year: number | null; duration_years: number | null; volume: string | null; basis: string | null }>(`
      SELECT kind::text, status::text, start_year, end_year, duration_years, volume_gwh::text AS volume, volume_basis::text AS basis FROM contract`);
    const live = rows.filter((c) => ['cell_supply', 'captive_jv_supply', 'captive_group_supply', 'ess_supply', 'module_supply'].includes(c.kind)
      && ['active', 'planned'].includes(c.status)
      && (c.start_year === null || c.start_year <= 2030) && (c.end_year === null || c.end_year >= 2030)
      && (c.duration_years === null || c.start_year === null || c.start_year + c.duration_years > 2030));
    const contracted = live.filter((c) => c.basis === 'per_year').reduce((a, c) => a + Number(c.volume), 0);
    expect(data.offtake.contractedGwh).toBeCloseTo(contracted, 3);
    expect(data.offtake.contractCount).toBe(live.length);
    expect(data.offtake.undisclosedCount).toBe(live.filter((c) => c.basis !== 'per_year').length);
    expect(data.offtake.contractedGwh).toBeGreaterThan(0);
  });
});
