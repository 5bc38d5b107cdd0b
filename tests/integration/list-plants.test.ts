import { beforeAll, describe, expect, it } from 'vitest';
import { listPlants, type PlantListPage } from '@/lib/db/list-plants';
import { DEFAULT_WEIGHTS } from '@/lib/domain/capacity';
import { parsePlantFilters, PLANT_SORTS, type PlantFilters } from '@/lib/validation/plant-filters';
import { setupTestDatabase } from '../support/database';
import { type ExplorerOracleRow, loadOracle, oracleExplorer, round3 } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const TODAY = '2026-11-28';
let data: Awaited<ReturnType<typeof loadOracle>>;

beforeAll(async () => {
  data = await loadOracle(t);
});

/** Filters as the page would build them, with some fields set. Page size 100 shows the whole seed. */
const filters = (over: Partial<PlantFilters> = {}): PlantFilters => ({ ...parsePlantFilters({}, TODAY).filters, size: 100, ...over });
const expected = (f: PlantFilters) => oracleExplorer(data, f, DEFAULT_WEIGHTS);
const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);
const oracleSlugs = (rows: ExplorerOracleRow[]) => rows.map((r) => r.plant.slug);

/** The page's rows and summary against the oracle's full set (figures to 3 decimals). */
async function expectMatches(f: PlantFilters): Promise<PlantListPage> {
  const result = await listPlants(f);
  const all = expected(f);
  const page = all.slice((f.page - 1) * f.size, f.page * f.size);
  expect(slugs(result.rows)).toEqual(oracleSlugs(page));
  result.rows.forEach((row, i) => {
    const o = page[i]!;
    expect(row.status).toBe(o.status);
    for (const col of ['nowGwh', 'yearGwh', 'y2030Gwh'] as const) {
      if (o[col] === null) expect(row[col], `${o.plant.slug} ${col}`).toBeNull();
      else expect(row[col], `${o.plant.slug} ${col}`).toBeCloseTo(o[col], 2);
    }
    if (o.share === null) expect(row.share).toBeNull();
    else expect(row.share).toBeCloseTo(o.share, 6);
  });
  const sum = (pick: (r: ExplorerOracleRow) => number | null) => all.reduce((s, r) => s + round3(pick(r) ?? 0), 0);
  const undisclosed = (pick: (r: ExplorerOracleRow) => number | null) => all.filter((r) => pick(r) === null).length;
  expect(result.summary.count).toBe(all.length);
  expect(result.summary.nowGwh).toBeCloseTo(sum((r) => r.nowGwh), 2);
  expect(result.summary.yearGwh).toBeCloseTo(sum((r) => r.yearGwh), 2);
  expect(result.summary.y2030Gwh).toBeCloseTo(sum((r) => r.y2030Gwh), 2);
  expect(result.summary.undisclosed).toEqual({
    nowGwh: undisclosed((r) => r.nowGwh), yearGwh: undisclosed((r) => r.yearGwh), y2030Gwh: undisclosed((r) => r.y2030Gwh),
  });
  if (f.company.length) {
    const attributed = (pick: (r: ExplorerOracleRow) => number | null) => all.reduce((s, r) => s + round3(pick(r) ?? 0) * r.share!, 0);
    expect(result.summary.attributed).not.toBeNull();
    expect(result.summary.attributed!.nowGwh).toBeCloseTo(attributed((r) => r.nowGwh), 2);
    expect(result.summary.attributed!.yearGwh).toBeCloseTo(attributed((r) => r.yearGwh), 2);
    expect(result.summary.attributed!.y2030Gwh).toBeCloseTo(attributed((r) => r.y2030Gwh), 2);
  } else {
    expect(result.summary.attributed).toBeNull();
  }
  expect(result.pageCount).toBe(Math.max(1, Math.ceil(all.length / f.size)));
  return result;
}

describe('listPlants: the Hauts-de-France story', () => {
  it('a region filter returns exactly Verkor, ACC, AESC, ProLogium and Tiamat; adding "operational" drops the projects', async () => {
    const hdf = await listPlants(filters({ region: ['hauts-de-france'] }));
    expect(slugs(hdf.rows).sort()).toEqual(['acc-douvrin', 'aesc-douai', 'prologium-dunkirk', 'tiamat-amiens', 'verkor-dunkirk']);
    const operational = await listPlants(filters({ region: ['hauts-de-france'], status: ['operational'] }));
    expect(slugs(operational.rows).sort()).toEqual(['acc-douvrin', 'aesc-douai', 'verkor-dunkirk']);
    expect(operational.summary.count).toBe(3);
  });
});

describe('listPlants: every filter alone matches the independent computation', () => {
  const cases: [string, Partial<PlantFilters>][] = [
    ['no filter', {}],
    ['region (NUTS-1)', { region: ['hauts-de-france'] }],
    ['region (NUTS-2)', { region: ['nord-pas-de-calais'] }],
    ['region (country)', { region: ['germany'] }],
    ['region (macro)', { region: ['nordics'] }],
    ['regions at several levels', { region: ['hauts-de-france', 'poland', 'nordics'] }],
    ['country', { country: ['FR'] }],
    ['countries', { country: ['DE', 'HU'] }],
    ['status operational', { status: ['operational'] }],
    ['status under construction', { status: ['under_construction'] }],
    ['status announced', { status: ['announced'] }],
    ['statuses paused or cancelled', { status: ['paused', 'cancelled'] }],
    ['company as operator', { company: ['acc'] }],
    ['company as partner only', { company: ['stellantis'] }],
    ['companies, equity attribution', { company: ['volkswagen-group', 'verkor'], attribution: 'equity' }],
    ['company, operator attribution', { company: ['volkswagen-group', 'powerco'] }],
    ['origin chinese', { origin: ['chinese'] }],
    ['origins korean or japanese', { origin: ['korean', 'japanese'] }],
    ['chemistry LFP', { chemistry: ['lfp'] }],
    ['chemistries NMC or solid-state', { chemistry: ['nmc', 'solid_state'] }],
    ['segment EV', { segment: ['ev'] }],
    ['segments storage or industrial', { segment: ['ess', 'industrial'] }],
    ['min capacity in 2030 (inclusive)', { min: 30 }],
    ['max capacity in 2030 (inclusive)', { max: 16 }],
    ['capacity range', { min: 10, max: 40 }],
    ['capacity range in another year', { year: 2026, min: 5, max: 20 }],
    ['text in a plant name', { q: 'dunkirk' }],
    ['text in a city, any case', { q: 'DEBRECEN' }],
    ['text in a partner company name', { q: 'renault' }],
    ['text with LIKE wildcards taken literally', { q: '%' }],
    ['text with an underscore taken literally', { q: '_' }],
    ['another year', { year: 2027 }],
    ['operational scenario', { scenario: 'operational' }],
    ['risk-weighted scenario', { scenario: 'risk_weighted' }],
    ['an earlier as-of date', { asOf: '2023-06-30' }],
  ];
  for (const [name, over] of cases) {
    it(name, async () => {
      const result = await expectMatches(filters(over));
      if (!['text with LIKE wildcards taken literally', 'text with an underscore taken literally'].includes(name)) {
        expect(result.summary.count, 'a filter case that matches nothing proves little').toBeGreaterThan(0);
      }
    });
  }

  it('wildcard characters match nothing when no name contains them', async () => {
    expect((await listPlants(filters({ q: '%' }))).summary.count).toBe(0);
    expect((await listPlants(filters({ q: '_' }))).summary.count).toBe(0);
  });

  it('an earlier as-of date hides plants not yet announced then', async () => {
    const early = await listPlants(filters({ asOf: '2019-01-01' }));
    const later = await listPlants(filters());
    expect(early.summary.count).toBeLessThan(later.summary.count);
  });

  it('text that looks like SQL is only text', async () => {
    const result = await listPlants(filters({ q: "'; DROP TABLE plant; --" }));
    expect(result.summary.count).toBe(0);
    const [row] = await t.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM plant');
    expect(row!.n).toBe(data.plants.length);
  });
});

describe('listPlants: combined filters', () => {
  const cases: [string, Partial<PlantFilters>][] = [
    ['region + status', { region: ['france'], status: ['operational'] }],
    ['region + chemistry + min', { region: ['western-europe'], chemistry: ['nmc'], min: 10 }],
    ['country + origin + segment', { country: ['HU', 'DE'], origin: ['chinese', 'korean'], segment: ['ev'] }],
    ['company (equity) + region + year', { company: ['stellantis', 'mercedes-benz'], attribution: 'equity', region: ['western-europe', 'southern-europe'], year: 2028 }],
    ['text + status + max + scenario', { q: 'gigafactory', status: ['operational', 'under_construction'], max: 50, scenario: 'risk_weighted' }],
    ['everything at once', { region: ['central-eastern-europe'], status: ['operational'], chemistry: ['nmc'], segment: ['ev'], origin: ['korean'], min: 1, q: 'sk' }],
  ];
  for (const [name, over] of cases) {
    it(name, async () => {
      const result = await expectMatches(filters(over));
      expect(result.summary.count).toBeGreaterThan(0);
    });
  }
});

describe('listPlants: sorting', () => {
  for (const sort of PLANT_SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`by ${sort} ${dir}, ties broken by name then id`, async () => {
        const result = await expectMatches(filters({ sort, dir }));
        expect(result.rows.length).toBe(data.plants.length);
      });
    }
  }

  it('puts plants without a start year last in both directions', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const years = (await listPlants(filters({ sort: 'start', dir }))).rows.map((r) => r.startYear);
      const firstNull = years.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(years.slice(firstNull).every((y) => y === null)).toBe(true);
    }
  });

  it('orders ties by name: the many plants at 0 GWh now are alphabetical', async () => {
    const rows = (await listPlants(filters({ sort: 'now', dir: 'desc' }))).rows.filter((r) => r.nowGwh === 0);
    expect(rows.length).toBeGreaterThan(5);
    const names = rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('listPlants: pagination', () => {
  it('splits the set into pages that together are the whole ordered set, without overlap', async () => {
    const f = filters({ size: 25, sort: 'year', dir: 'desc' });
    const count = expected(f).length;
    const n = Math.ceil(count / 25);
    expect(n).toBeGreaterThan(2);
    const pages = await Promise.all(Array.from({ length: n }, (_, i) => expectMatches({ ...f, page: i + 1 })));
    expect(pages.map((p) => p.rows.length)).toEqual([...Array(n - 1).fill(25), count - (n - 1) * 25]);
    const all = pages.flatMap((p) => slugs(p.rows));
    expect(new Set(all).size).toBe(count);
    expect(all).toEqual(oracleSlugs(expected(f)));
    expect(pages[0]!.pageCount).toBe(n);
  });

  it('answers a page past the end with no rows, the real page count and the whole summary', async () => {
    const count = expected(filters()).length;
    const n = Math.ceil(count / 25);
    const result = await listPlants(filters({ size: 25, page: n + 1 }));
    expect(result.rows).toEqual([]);
    expect(result.pageCount).toBe(n);
    expect(result.summary.count).toBe(count);
  });

  it('honours each page size, and the last page of a filtered set', async () => {
    for (const size of [25, 50, 100]) {
      const result = await expectMatches(filters({ size }));
      expect(result.rows.length).toBe(Math.min(size, data.plants.length));
    }
    const f = filters({ size: 25, status: ['operational'] });
    const count = expected(f).length;
    const last = Math.ceil(count / 25);
    const result = await expectMatches({ ...f, page: last });
    expect(result.rows.length).toBe(count - (last - 1) * 25);
  });

  it('an empty set still has one page and a zero summary', async () => {
    const result = await listPlants(filters({ region: ['hauts-de-france'], status: ['cancelled'] }));
    expect(result).toMatchObject({ rows: [], pageCount: 1, summary: { count: 0, nowGwh: 0, yearGwh: 0, y2030Gwh: 0 } });
  });
});

describe('getPlantFilterOptions', () => {
  it('offers every region level, country and company (operator or partner) that has a plant', async () => {
    const { getPlantFilterOptions } = await import('@/lib/db/plant-filter-options');
    const options = await getPlantFilterOptions();
    const regions = new Map(options.regions.map((r) => [r.slug, r.depth]));
    expect([regions.get('western-europe'), regions.get('france'), regions.get('hauts-de-france'), regions.get('nord-pas-de-calais')]).toEqual([0, 1, 2, 3]);
    expect(options.countries.map((c) => c.code).sort()).toEqual([...new Set(data.plants.map((p) => p.countryCode))].sort());
    const slugOf = (id: number) => data.companies.get(id)!.slug;
    const companies = new Set([
      ...data.plants.flatMap((p) => [...p.operators, ...p.partners].map((x) => slugOf(x.companyId))),
      ...data.links.map((l) => slugOf(l.parentId)),
    ]);
    expect(options.companies.map((c) => c.slug).sort()).toEqual([...companies].sort());
    expect(companies).toContain('volkswagen-group');
    for (const p of data.plants) {
      expect(options.regions.some((r) => p.regionPath.endsWith(`/${r.slug}/`)), p.slug).toBe(true);
    }
  });
});
