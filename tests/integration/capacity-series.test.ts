import { describe, expect, it, beforeAll } from 'vitest';
import { getCapacitySeries, getCapacityTotal } from '@/lib/db/capacity-series';
import { getHeadline } from '@/lib/db/headline';
import { DEFAULT_WEIGHTS, SCENARIOS } from '@/lib/domain/capacity';
import { GROUPINGS } from '@/lib/validation/capacity';
import { setupTestDatabase } from '../support/database';
import { loadOraclePlants, type OracleData, type OracleTotal, oracleTotals } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
let plants: OracleData;

beforeAll(async () => {
  plants = await loadOraclePlants(t);
});

const round = (m: Map<string, OracleTotal | { gwh: number; undisclosed: number }>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, [Math.round(v.gwh * 1000) / 1000, v.undisclosed]] as const).sort());
const fromPoints = (points: { key: string; gwh: number; undisclosedPlants: number }[]) =>
  new Map(points.map((p) => [p.key, { gwh: p.gwh, undisclosed: p.undisclosedPlants }]));
const total = (m: Map<string, OracleTotal>) => [...m.values()].reduce((a, b) => a + b.gwh, 0);
const undisclosed = (m: Map<string, OracleTotal>) => [...m.values()].reduce((a, b) => a + b.undisclosed, 0);

describe('capacity series computed in PostgreSQL', () => {
  const groupings = GROUPINGS;
  const asOfDates = ['2026-11-28', '2024-01-01', '2022-06-30'];
  const weights = { ...DEFAULT_WEIGHTS, announced: 0.5 };

  for (const scenario of SCENARIOS) {
    for (const asOf of asOfDates) {
      it(`matches the independent per-plant sum for ${scenario}, as of ${asOf}, every grouping and year`, async () => {
        for (const groupBy of groupings) {
          for (const longTerm of [false, true]) {
            const series = await getCapacitySeries({ scenario, asOf, fromYear: 2020, toYear: 2032, weights, longTerm }, groupBy);
            for (let year = 2020; year <= 2032; year++) {
              const fromSql = fromPoints(series.filter((p) => p.year === year));
              const expected = oracleTotals(plants, { scenario, asOf, year, weights, groupBy, longTerm });
              expect(round(fromSql), `${groupBy} ${year}${longTerm ? ' with long-term plans' : ''}`).toEqual(round(expected));
            }
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
      expect(round(fromPoints(series))).toEqual(round(expected));
      expect(series.length).toBeGreaterThan(0);
    }
  });

  it('a figure is invisible before the day it became public, and counts from that day', async () => {
    // The most recently published milestone figure that changes Europe's 2030 total.
    const rows = await t.query<{ d: string }>(`
      SELECT DISTINCT to_char(known_on, 'YYYY-MM-DD') AS d FROM capacity_announcement
      WHERE deleted_at IS NULL AND scope = 'milestone' AND target_year <= 2030 ORDER BY 1 DESC`);
    const at = (asOf: string) => getCapacityTotal({ scenario: 'announced', asOf, weights: DEFAULT_WEIGHTS }, 2030);
    const oracleAt = (asOf: string) => total(oracleTotals(plants, { scenario: 'announced', asOf, year: 2030, weights: DEFAULT_WEIGHTS, groupBy: 'total' }));
    let changed = 0;
    for (const { d } of rows.slice(0, 12)) {
      const dayBefore = new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
      const [before, on] = await Promise.all([at(dayBefore), at(d)]);
      expect(before.gwh).toBeCloseTo(oracleAt(dayBefore), 3);
      expect(on.gwh).toBeCloseTo(oracleAt(d), 3);
      if (Math.abs(on.gwh - before.gwh) > 1e-6) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe('the headline figures', () => {
  for (const asOf of ['2026-11-28', '2024-06-01', '2023-03-06', '2021-06-01']) {
    it(`add up the seeded plants as known on ${asOf}: operational now, 2030, undisclosed plants, plants by status`, async () => {
      const h = await getHeadline(asOf, DEFAULT_WEIGHTS);
      const year = Number(asOf.slice(0, 4));
      const sum = (scenario: (typeof SCENARIOS)[number], y: number, longTerm = false) =>
        oracleTotals(plants, { scenario, asOf, year: y, weights: DEFAULT_WEIGHTS, groupBy: 'total', longTerm });
      expect(h.operationalNow.gwh).toBeCloseTo(total(sum('operational', year)), 3);
      expect(h.operationalNow.undisclosedPlants).toBe(undisclosed(sum('operational', year)));
      expect(h.announced2030.gwh).toBeCloseTo(total(sum('announced', 2030)), 3);
      expect(h.announced2030.undisclosedPlants).toBe(undisclosed(sum('announced', 2030)));
      expect(h.riskWeighted2030.gwh).toBeCloseTo(total(sum('risk_weighted', 2030)), 3);
      expect(h.longTermOnly2030.gwh).toBeCloseTo(total(sum('announced', 2030, true)) - total(sum('announced', 2030)), 3);
      // Plants by status: the cell plants known on the date, by their status then.
      const known = plants.plants.map((p) => ({ p, st: [...p.statusEvents].filter((e) => e.effectiveOn <= asOf && e.knownOn <= asOf)
        .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id).at(-1) })).filter((x) => x.st);
      expect(h.plantCount).toBe(known.length);
      for (const s of Object.keys(h.plantsByStatus)) {
        expect(h.plantsByStatus[s as keyof typeof h.plantsByStatus], s).toBe(known.filter((x) => x.st!.status === s).length);
      }
      expect(Object.values(h.plantsByStatus).reduce((a, b) => a + b, 0)).toBe(h.plantCount);
      expect(h.dataCurrentTo! <= asOf).toBe(true);
    });
  }
});
