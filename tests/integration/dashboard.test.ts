import { beforeAll, describe, expect, it } from 'vitest';
import { getDashboardData, pipelineDates } from '@/lib/db/dashboard';
import { DEFAULT_WEIGHTS, plantCapacity } from '@/lib/domain/capacity';
import { parseDashboardParams } from '@/lib/validation/dashboard';
import { setupTestDatabase } from '../support/database';
import { loadOraclePlants, type OracleData, type OracleTotal, oracleTotals } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
let plants: OracleData;
const today = '2026-11-28';

beforeAll(async () => {
  plants = await loadOraclePlants(t);
});

const sum = (m: Map<string, OracleTotal>) => [...m.values()].reduce((a, b) => a + b.gwh, 0);

describe('dashboard data', () => {
  for (const scope of [undefined, 'hauts-de-france', 'nordics', 'germany']) {
    it(`matches independent per-plant sums for ${scope ?? 'Europe'}`, async () => {
      const regionPath = scope
        ? (await t.query<{ path: string }>('SELECT path FROM region WHERE slug = $1', [scope]))[0]!.path
        : undefined;
      const { params, weights } = parseDashboardParams({ group: 'company', scenario: 'risk_weighted', year: '2028' }, today);
      const data = await getDashboardData(params, weights, regionPath);
      const q = { asOf: today, weights, regionPath };
      expect(data.headline.operationalNow.gwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'operational', year: 2026, groupBy: 'total' })), 3);
      expect(data.headline.announced2030.gwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'announced', year: 2030, groupBy: 'total' })), 3);
      expect(data.headline.riskWeighted2030.gwh).toBeCloseTo(sum(oracleTotals(plants, { ...q, scenario: 'risk_weighted', year: 2030, groupBy: 'total' })), 3);
      const byCompany = oracleTotals(plants, { ...q, scenario: 'risk_weighted', year: 2028, groupBy: 'company' });
      expect(Object.fromEntries(data.byCompany.map((c) => [c.key, [c.gwh, c.undisclosedPlants]]))).toEqual(
        Object.fromEntries([...byCompany].map(([k, v]) => [k, [Math.round(v.gwh * 1000) / 1000, v.undisclosed]])));
      // Every plant on the map carries the same figure the oracle gives it (null: not disclosed).
      for (const p of data.plants.filter((x) => x.inCellTotals)) {
        const oracle = plants.plants.find((o) => o.slug === p.slug)!;
        const expected = plantCapacity(oracle, 2028, today, 'risk_weighted', weights);
        if (expected === null) expect(p.gwh, p.slug).toBeNull();
        else expect(p.gwh, p.slug).toBeCloseTo(expected, 3);
      }
      // The pipeline's last point is the announced 2030 total today.
      expect(data.pipeline.points.at(-1)).toEqual({ asOf: today, gwh: expect.closeTo(data.headline.announced2030.gwh, 3) });
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
      const oracle = plants.plants.find((o) => o.slug === drop.plantSlug)!;
      const change = (plantCapacity(oracle, 2030, drop.asOf, 'announced') ?? 0) - (plantCapacity(oracle, 2030, dates[i - 1]!, 'announced') ?? 0);
      expect(drop.deltaGwh).toBeCloseTo(change, 3);
      expect(drop.deltaGwh).toBeLessThanOrEqual(-5);
    }
  });

  it('offtake coverage counts only live cell contracts covering 2030 with a yearly volume, their status as known then', async () => {
    const { params } = parseDashboardParams({}, today);
    const data = await getDashboardData(params, DEFAULT_WEIGHTS);
    // Each contract's status on the date: its latest event in effect and known by then.
    const rows = await t.query<{ kind: string; status: string; start_year: number | null; end_year: number | null; duration_years: number | null; volume: string | null; basis: string | null }>(`
      SELECT c.kind::text, (SELECT e.status::text FROM contract_event e WHERE e.contract_id = c.id AND e.deleted_at IS NULL
               AND e.effective_on <= $1::date AND e.known_on <= $1::date ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) AS status,
             c.start_year, c.end_year, c.duration_years, c.volume_gwh::text AS volume, c.volume_basis::text AS basis
      FROM contract c WHERE c.deleted_at IS NULL`, [today]);
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
