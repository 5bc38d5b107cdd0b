// What was known when: the acceptance list, on the curated dataset. A fact counts in a view
// "as known on D" only from the day it became public; ownership and groups are dated; an
// undisclosed figure is null and counted apart; every place that shows the headline agrees.
import { beforeAll, describe, expect, it } from 'vitest';
import { getCapacitySeries, getCapacityTotal } from '@/lib/db/capacity-series';
import { getCompanyCapacity } from '@/lib/db/company-capacity';
import { getDashboardData, pipelineDates } from '@/lib/db/dashboard';
import { exportPlantBatches } from '@/lib/db/export-plants';
import { getCompany } from '@/lib/db/get-company';
import { getHeadline } from '@/lib/db/headline';
import { listChanges } from '@/lib/db/list-changes';
import { listPlants } from '@/lib/db/list-plants';
import { getPipelineHistory } from '@/lib/db/pipeline-history';
import { DEFAULT_WEIGHTS } from '@/lib/domain/capacity';
import { parseDashboardParams } from '@/lib/validation/dashboard';
import { parsePlantFilters } from '@/lib/validation/plant-filters';
import { call, json, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
const TODAY = '2026-11-28';
setRateLimit(100_000);

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('a fact is invisible in every view and endpoint before the day it became public', () => {
  // A figure announced on 2024-03-01 but published only on 2025-02-10, large enough to see anywhere.
  const ANNOUNCED = '2024-03-01';
  const KNOWN = '2025-02-10';
  let plant: { id: number; slug: string; ref: string };

  beforeAll(async () => {
    [plant] = (await t.query<{ id: number; slug: string; ref: string }>(`
      SELECT p.id, p.slug, p.ref FROM plant p JOIN plant_status_span s ON s.plant_id = p.id
      WHERE p.in_cell_totals AND p.deleted_at IS NULL AND s.status = 'under_construction' AND s.known_from <= '2024-01-01' AND s.known_to > '2026-01-01'
      ORDER BY p.id LIMIT 1`)) as [{ id: number; slug: string; ref: string }];
    expect(plant).toBeDefined();
    const [{ id: source }] = (await t.query<{ id: number }>(`
      INSERT INTO source (url, publisher, title, language, tier, published_on, date_precision, updated_at)
      VALUES ('https://example.org/late-report', 'Example', 'A late report', 'en', 'major', $1, 'day', now()) RETURNING id`, [KNOWN])) as [{ id: number }];
    await t.query(`INSERT INTO capacity_announcement (ref, plant_id, target_year, gwh_per_year, announced_on, known_on, source_id, confidence)
      VALUES ($1, $2, 2026, 777, $3, $4, $5, 'high'), ($6, $2, 2030, 888, $3, $4, $5, 'high')`,
    [`${plant.ref}/A900`, plant.id, ANNOUNCED, KNOWN, source, `${plant.ref}/A901`]);
  });

  const seen = async (asOf: string) => {
    const headline = await getHeadline(asOf, DEFAULT_WEIGHTS);
    const series = await getCapacitySeries({ scenario: 'announced', asOf, fromYear: 2026, toYear: 2030, weights: DEFAULT_WEIGHTS }, 'total');
    const filters = { ...parsePlantFilters({ q: '' }, TODAY).filters, asOf, size: 100 };
    const explorer = (await listPlants(filters)).rows.find((r) => r.slug === plant.slug);
    const exported: { slug: string; y2030Gwh: number | null }[] = [];
    for await (const batch of exportPlantBatches(filters)) exported.push(...batch);
    const pipeline = await getPipelineHistory({ dates: [asOf], targetYear: 2030 });
    const feed = await listChanges({ companies: [], kinds: ['capacity'], until: asOf }, { after: null, limit: 500 });
    const api = await json(await call('/summary', `asOf=${asOf}`));
    const apiSeries = await json(await call('/capacity', `asOf=${asOf}&fromYear=2030&toYear=2030`));
    return {
      headline: headline.announced2030.gwh,
      series: series.find((p) => p.year === 2030)?.gwh ?? 0,
      explorer: explorer?.y2030Gwh ?? null,
      exported: exported.find((r) => r.slug === plant.slug)?.y2030Gwh ?? null,
      pipeline: pipeline.points[0]?.gwh ?? 0,
      feed: feed.rows.some((r) => r.gwh === 888 && r.plant?.slug === plant.slug),
      apiSummary: (api.body.data as { announced2030Gwh: number }).announced2030Gwh,
      apiCapacity: ((apiSeries.body.data as { gwh: number }[])[0]?.gwh) ?? 0,
    };
  };

  it('counts nowhere the day before, and everywhere from the day it was published', async () => {
    const before = await seen(dayBefore(KNOWN));
    const on = await seen(KNOWN);
    expect(before.feed).toBe(false);
    expect(on.feed).toBe(true);
    for (const key of ['headline', 'series', 'pipeline', 'apiSummary', 'apiCapacity'] as const) {
      // Whatever the plant's earlier 2030 figure, the total moves by 888 minus it: the new figure
      // arrived on KNOWN and not a day earlier.
      expect(on[key] - before[key], key).toBeGreaterThan(0);
    }
    expect(on.explorer).toBe(888);
    expect(on.exported).toBe(888);
    expect(before.explorer).not.toBe(888);
    expect(before.exported).not.toBe(888);
    expect(on.headline).toBeCloseTo(on.apiSummary, 3);
    expect(on.headline).toBeCloseTo(on.pipeline, 3);
    expect(on.series).toBeCloseTo(on.apiCapacity, 3);
  });

  it('keeps the date it was announced apart from the date it became known', async () => {
    const body = (await json(await call('/plants/{slug}', '', { params: { slug: plant.slug } }))).body.data as {
      announcements: { gwhPerYear: number; announcedOn: string; knownOn: string }[];
    };
    expect(body.announcements.find((a) => a.gwhPerYear === 888)).toMatchObject({ announcedOn: ANNOUNCED, knownOn: KNOWN });
  });
});

describe('dated ownership', () => {
  it('a plant sold in 2026 counts for the seller before the sale and for the buyer after', async () => {
    // Northvolt Ett: Northvolt until Lyten closed the purchase on 2026-02-27.
    const ett = async (asOf: string, company: string) => (await getCompanyCapacity({
      attribution: 'operator', scenario: 'announced', asOf, fromYear: 2030, toYear: 2030, companySlugs: [company], groupBy: 'plant',
    })).find((p) => p.key === 'northvolt-ett')?.gwh ?? 0;
    expect(await ett('2026-02-26', 'northvolt')).toBeGreaterThan(0);
    expect(await ett('2026-02-26', 'lyten')).toBe(0);
    expect(await ett('2026-02-27', 'lyten')).toBeGreaterThan(0);
    expect(await ett('2026-02-27', 'northvolt')).toBe(0);
    expect((await getCompany('northvolt', '2024-01-01'))!.operated.map((p) => p.slug)).toContain('northvolt-ett');
    expect((await getCompany('lyten', '2024-01-01'))!.operated.map((p) => p.slug)).not.toContain('northvolt-ett');
    const lyten = (await getCompany('lyten', TODAY))!;
    expect(lyten.operated.map((p) => p.slug)).toContain('northvolt-ett');
    expect((await getCompany('northvolt', TODAY))!.formerlyOperated.find((p) => p.slug === 'northvolt-ett'))
      .toMatchObject({ until: '2026-02-27', nowOperator: { slug: 'lyten' } });
  });

  it('the explorer names the operator of the date', async () => {
    const row = async (asOf: string) => (await listPlants({ ...parsePlantFilters({ q: 'Skellefteå' }, TODAY).filters, asOf })).rows
      .find((r) => r.slug === 'northvolt-ett');
    expect((await row('2025-06-30'))?.operatorSlug).toBe('northvolt');
    expect((await row(TODAY))?.operatorSlug).toBe('lyten');
  });

  it('group=parent gives CATL its subsidiaries’ plants, which by operator are the subsidiaries’', async () => {
    const year = 2030;
    const series = (group: 'company' | 'parent') => getCapacitySeries({ scenario: 'announced', asOf: TODAY, fromYear: year, toYear: year, weights: DEFAULT_WEIGHTS }, group);
    const [byOperator, byParent] = await Promise.all([series('company'), series('parent')]);
    const subsidiaries = await t.query<{ slug: string }>(`
      SELECT c.slug FROM company_parent l JOIN company c ON c.id = l.company_id JOIN company p ON p.id = l.parent_id
      WHERE p.slug = 'catl' AND l.deleted_at IS NULL AND NOT l.ended`);
    const operated = byOperator.filter((p) => subsidiaries.some((s) => s.slug === p.key)).reduce((a, p) => a + p.gwh, 0);
    expect(operated).toBeGreaterThan(0);
    expect(byOperator.find((p) => p.key === 'catl')?.gwh ?? 0).toBe(0);
    const catl = byParent.find((p) => p.key === 'catl')!;
    // At least what its subsidiaries operate, plus its half of the Stellantis joint venture.
    expect(catl.gwh).toBeGreaterThanOrEqual(operated - 0.001);
    for (const s of subsidiaries) expect(byParent.find((p) => p.key === s.slug), s.slug).toBeUndefined();
    // Every rule still adds up to Europe's total.
    const total = (await getCapacityTotal({ scenario: 'announced', asOf: TODAY, weights: DEFAULT_WEIGHTS }, year)).gwh;
    expect(byParent.reduce((a, p) => a + p.gwh, 0)).toBeCloseTo(total, 1);
    const api = (await json(await call('/capacity', `group=parent&fromYear=${year}&toYear=${year}`))).body.data as { key: string; gwh: number; estimated?: boolean }[];
    expect(api.find((p) => p.key === 'catl')).toMatchObject({ gwh: catl.gwh });
  });
});

describe('unknown is not zero', () => {
  it('an operational plant without a disclosed figure is null, and counted as undisclosed in totals', async () => {
    const [plant] = await t.query<{ slug: string }>(`
      SELECT p.slug FROM plant p JOIN plant_status_span s ON s.plant_id = p.id AND s.known_to = 'infinity'
      WHERE p.in_cell_totals AND p.deleted_at IS NULL AND s.status = 'operational'
        AND NOT EXISTS (SELECT 1 FROM capacity_steps_on(CURRENT_DATE) c WHERE c.plant_id = p.id)
      ORDER BY p.slug LIMIT 1`);
    expect(plant, 'an operational plant with no figure').toBeDefined();
    const year = Number(TODAY.slice(0, 4));
    const rows = (await listPlants({ ...parsePlantFilters({}, TODAY).filters, asOf: TODAY, size: 100, scenario: 'operational' })).rows;
    expect(rows.find((r) => r.slug === plant!.slug)?.nowGwh).toBeNull();
    const total = await getCapacityTotal({ scenario: 'operational', asOf: TODAY, weights: DEFAULT_WEIGHTS }, year);
    expect(total.undisclosedPlants).toBeGreaterThanOrEqual(1);
    const headline = await getHeadline(TODAY, DEFAULT_WEIGHTS);
    expect(headline.operationalNow).toEqual(total);
    const detail = (await json(await call('/plants/{slug}', '', { params: { slug: plant!.slug } }))).body.data as { capacity: { nowGwh: number | null } };
    expect(detail.capacity.nowGwh).toBeNull();
  });

  it('long-term plans without a year count only with the option on, from 2030, and the headline says how much', async () => {
    const h = await getHeadline(TODAY, DEFAULT_WEIGHTS);
    const base = { scenario: 'announced' as const, asOf: TODAY, weights: DEFAULT_WEIGHTS };
    const [off, on, on2029] = await Promise.all([
      getCapacityTotal(base, 2030), getCapacityTotal({ ...base, longTerm: true }, 2030), getCapacityTotal({ ...base, longTerm: true }, 2029),
    ]);
    expect(h.longTermOnly2030.plants).toBeGreaterThan(0);
    expect(on.gwh - off.gwh).toBeCloseTo(h.longTermOnly2030.gwh, 3);
    expect(off.undisclosedPlants - on.undisclosedPlants).toBe(h.longTermOnly2030.plants);
    expect(on2029).toEqual(await getCapacityTotal(base, 2029));
    expect(h.fullBuildOut.gwh).toBeGreaterThan(on.gwh);
  });
});

describe('one set of headline figures', () => {
  for (const asOf of [TODAY, '2025-03-12', '2024-06-01', '2023-03-06', '2021-06-01', '2019-06-01']) {
    it(`the dashboard cards, its plant count, the summary API and the pipeline agree as known on ${asOf}`, async () => {
      const { params, weights } = parseDashboardParams({ asOf }, TODAY);
      const [dashboard, headline, api] = await Promise.all([
        getDashboardData(params, weights), getHeadline(asOf, weights), json(await call('/summary', `asOf=${asOf}`)),
      ]);
      expect(dashboard.headline).toEqual(headline);
      const data = api.body.data as Record<string, unknown>;
      expect(data).toMatchObject({
        operationalNowGwh: headline.operationalNow.gwh, announced2030Gwh: headline.announced2030.gwh,
        riskWeighted2030Gwh: headline.riskWeighted2030.gwh, plantCount: headline.plantCount, plantsByStatus: headline.plantsByStatus,
        dataCurrentTo: headline.dataCurrentTo,
      });
      expect(dashboard.pipeline.points.at(-1)!.gwh).toBeCloseTo(headline.announced2030.gwh, 3);
      expect(Object.values(headline.plantsByStatus).reduce((a, b) => a + b, 0)).toBe(headline.plantCount);
      // The cell plants the dashboard's table lists are the ones the count counts.
      expect(dashboard.plants.filter((p) => p.inCellTotals).length).toBe(headline.plantCount);
      expect(pipelineDates(asOf).at(-1)).toBe(asOf);
    });
  }
});

describe('reconciliation with other trackers', () => {
  it('reads ours by the tracker’s measure as known on its date, and explains the gap plant by plant', async () => {
    const { listPipelineGap, listTrackerComparisons } = await import('@/lib/db/tracker-comparison');
    const { loadOracle, oracleTotals } = await import('../support/oracle');
    const comparisons = await listTrackerComparisons();
    const te = comparisons.find((c) => c.ref === 'TE-2023-03-PIPELINE-2030')!;
    expect(te).toMatchObject({ value: 1800, knownOn: '2023-03-06', measure: { kind: 'announced', year: 2030 } });
    // Ours then, from the raw rows: the dated 2030 total as known that day.
    const data = await loadOracle(t);
    const oracle = [...oracleTotals(data, { scenario: 'announced', asOf: '2023-03-06', year: 2030, weights: DEFAULT_WEIGHTS, groupBy: 'total' }).values()]
      .reduce((a, v) => a + v.gwh, 0);
    expect(te.ours!.dated).toBeCloseTo(oracle, 2);
    expect(te.ours!.coverage).toBeCloseTo(te.ours!.dated / 1800, 3);
    expect(te.ours!.withLongTerm!).toBeGreaterThanOrEqual(te.ours!.dated);
    expect(te.ours!.fullBuildOut!).toBeGreaterThanOrEqual(te.ours!.withLongTerm! - 0.001);
    // A country figure is compared with that country only.
    const de = comparisons.find((c) => c.ref === 'FHG-2022-07-DE-ANNOUNCED-2030')!;
    expect(de.region?.slug).toBe('germany');
    const germany = (await getCapacityTotal({ scenario: 'announced', asOf: de.knownOn, weights: DEFAULT_WEIGHTS, regionPath: '/western-europe/germany/' }, 2030)).gwh;
    expect(de.ours!.dated).toBeCloseTo(germany, 3);
    // Shares are listed, never compared with capacity.
    expect(comparisons.filter((c) => c.unit === 'share').every((c) => c.ours === null)).toBe(true);
    // The plant-by-plant gap adds up to full build-out minus the dated total.
    const gap = await listPipelineGap('2023-03-06', 1000);
    expect(gap.totalGap).toBeCloseTo(te.ours!.fullBuildOut! - te.ours!.dated, 1);
    expect(gap.rows.every((r) => r.fullPlanGwh > (r.datedGwh ?? 0))).toBe(true);
  });
});
