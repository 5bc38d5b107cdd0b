// getPipelineHistory reads the materialised capacity rule over ranges of as-of dates. The oracle
// here is independent: raw rows read with plain SQL and the rule's TypeScript version
// (lib/domain/capacity.ts) applied to every date × plant. The two must return the same points and
// drops, in the same order, on the seed data and on random histories built to hit the edge cases:
// same-day events, facts published later than they happened, boundaries on the dates, rows after
// the last date, soft deletions, cancelled-then-revived plants, target years on both sides,
// regions and ties.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pipelineDates } from '@/lib/db/dashboard';
import { getPipelineHistory } from '@/lib/db/pipeline-history';
import { plantCapacity, statusAsOf } from '@/lib/domain/capacity';
import { PLANT_STATUSES, type PlantStatus } from '@/lib/domain/plant-status';
import { isAppError } from '@/lib/errors';
import { setupTestDatabase } from '../support/database';
import { loadOracle } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });

interface Query { dates: string[]; targetYear: number; regionPath?: string; dropsPerDate?: number; minDropGwh?: number }

/** Every date × plant by the rule's oracle; figures in thousandths of a GWh, so changes are exact. */
async function oracle(q: Query) {
  const data = await loadOracle(t);
  const plants = data.plants.filter((p) => p.inCellTotals && (!q.regionPath || p.regionPath.startsWith(q.regionPath)));
  const dates = [...new Set(q.dates)].sort();
  const milli = (p: (typeof plants)[number], d: string) => Math.round((plantCapacity(p, q.targetYear, d, 'announced') ?? 0) * 1000);
  const points = plants.length ? dates.map((d) => ({ asOf: d, gwh: plants.reduce((s, p) => s + milli(p, d), 0) / 1000 })) : [];
  const drops = dates.slice(1).flatMap((d, i) => plants
    .map((p) => ({ p, change: milli(p, d) - milli(p, dates[i]!) }))
    .filter((x) => x.change < 0 && x.change <= -Math.round((q.minDropGwh ?? 5) * 1000))
    .sort((a, b) => a.change - b.change || a.p.id - b.p.id)
    .slice(0, q.dropsPerDate ?? 2)
    .map(({ p, change }) => ({ asOf: d, plantSlug: p.slug, plantName: p.name, deltaGwh: change / 1000, status: statusAsOf(p.statusEvents, d)?.status ?? 'unknown' })));
  return { points, drops };
}

let compared = 0;
async function expectSameAsOracle(q: Query) {
  const label = JSON.stringify(q);
  const actual = await getPipelineHistory(q);
  const expected = await oracle(q);
  expect(actual.points, label).toEqual(expected.points);
  expect(actual.drops, label).toEqual(expected.drops);
  compared += 1;
  return actual;
}

// ---- Fixtures: a region subtree and an operator of our own, plants inserted as raw rows ------

const ROOT = '/pipeline-test/';
const LEAVES = [`${ROOT}aa/north/`, `${ROOT}aa/south/`, `${ROOT}bb/east/`];
const regionIds = new Map<string, number>();
let operatorId = 0;
let serial = 0;

beforeAll(async () => {
  for (const path of [ROOT, `${ROOT}aa/`, `${ROOT}bb/`, ...LEAVES]) {
    const parts = path.split('/').filter(Boolean);
    const [row] = await t.query<{ id: number }>(`
      INSERT INTO region (slug, name, level, parent_id, path, updated_at)
      VALUES ($1, $1, $2::"RegionLevel", $3, $4, now()) RETURNING id`,
    [`pt-${parts.join('-')}`, ['macro', 'country', 'nuts1'][parts.length - 1], regionIds.get(`/${parts.slice(0, -1).join('/')}/`) ?? null, path]);
    regionIds.set(path, row!.id);
  }
  [{ id: operatorId }] = (await t.query<{ id: number }>(`
    INSERT INTO company (slug, name, origin, updated_at) VALUES ('pipeline-test-op', 'Pipeline Test Op', 'european', now()) RETURNING id`)) as [{ id: number }];
});

interface PlantSpec {
  leaf: number;
  inCellTotals?: boolean;
  deleted?: boolean;
  announcements: { day: string; targetYear: number | null; gwh: number; deleted?: boolean; known?: string }[];
  events: { day: string; status: PlantStatus; deleted?: boolean; known?: string }[];
}

/** Inserts the plants (rows in array order, so later rows get higher ids); returns their slugs and ids. */
async function insertPlants(specs: PlantSpec[]): Promise<{ slug: string; id: number }[]> {
  const plants = [];
  for (const spec of specs) {
    const slug = `pt-plant-${(serial += 1)}`;
    const leaf = LEAVES[spec.leaf]!;
    const [row] = await t.query<{ id: number }>(`
      INSERT INTO plant (ref, slug, name, operator_id, city, region_id, country_id, status, facility_type, confidence,
                         in_cell_totals, deleted_at, updated_at)
      VALUES ($1, $1, $2, $3, 'Testville', $4, $5, 'announced', 'cell_gigafactory', 'medium', $6, CASE WHEN $7 THEN now() END, now())
      RETURNING id`,
    [slug, `Plant ${serial}`, operatorId, regionIds.get(leaf), regionIds.get(leaf.replace(/[^/]+\/$/, '')), spec.inCellTotals ?? true, spec.deleted ?? false]);
    const id = row!.id;
    const { announcements: a, events: e } = spec;
    // WITH ORDINALITY … ORDER BY: ids follow the array order, which decides same-day ties.
    await t.query(`
      INSERT INTO capacity_announcement (ref, plant_id, scope, target_year, gwh_per_year, announced_on, known_on, confidence, deleted_at)
      SELECT $1 || '-a' || n, $2, (CASE WHEN y IS NULL THEN 'long_term' ELSE 'milestone' END)::"CapacityScope", y, g, d, k, 'medium',
             CASE WHEN del THEN now() END
      FROM unnest($3::int[], $4::numeric[], $5::date[], $6::boolean[], $7::date[]) WITH ORDINALITY AS u(y, g, d, del, k, n) ORDER BY n`,
    [slug, id, a.map((x) => x.targetYear), a.map((x) => x.gwh), a.map((x) => x.day), a.map((x) => x.deleted ?? false), a.map((x) => x.known ?? x.day)]);
    await t.query(`
      INSERT INTO plant_operator (ref, plant_id, company_id, effective_on, known_on) VALUES ($1 || '-o1', $2, $3, '2015-01-01', '2015-01-01')`,
    [slug, id, operatorId]);
    await t.query(`
      INSERT INTO plant_status_event (ref, plant_id, status, effective_on, known_on, deleted_at)
      SELECT $1 || '-e' || n, $2, s::"PlantStatus", d, k, CASE WHEN del THEN now() END
      FROM unnest($3::text[], $4::date[], $5::boolean[], $6::date[]) WITH ORDINALITY AS u(s, d, del, k, n) ORDER BY n`,
    [slug, id, e.map((x) => x.status), e.map((x) => x.day), e.map((x) => x.deleted ?? false), e.map((x) => x.known ?? x.day)]);
    plants.push({ slug, id });
  }
  return plants;
}

const removePlants = (ids: number[]) => t.query('DELETE FROM plant WHERE id = ANY($1::int[])', [ids]);

const TODAY = '2026-11-28';
const event = (day: string, status: PlantStatus = 'announced') => ({ day, status });

describe('pipeline history: the materialised rule returns what the oracle computes date by date', () => {
  it('on the seed data, for Europe and every region holding plants', async () => {
    const regions = await t.query<{ path: string }>(`
      SELECT DISTINCT a.path FROM plant p JOIN region r ON r.id = p.region_id JOIN region a ON r.path LIKE a.path || '%'
      WHERE p.deleted_at IS NULL ORDER BY 1`);
    expect(regions.length).toBeGreaterThan(5);
    for (const regionPath of [undefined, ...regions.map((r) => r.path)]) {
      const { points, drops } = await expectSameAsOracle({ dates: pipelineDates(TODAY), targetYear: 2030, regionPath });
      if (!regionPath) expect([points.length, drops.length > 0]).toEqual([pipelineDates(TODAY).length, true]);
    }
  });

  it('on the seed data, for other target years, date lists, drop counts and thresholds', async () => {
    const monthly = Array.from({ length: 120 }, (_, i) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`);
    const cases: Query[] = [
      { dates: pipelineDates(TODAY), targetYear: 2027 },
      { dates: pipelineDates(TODAY), targetYear: 2035, dropsPerDate: 5, minDropGwh: 0.5 },
      { dates: monthly, targetYear: 2030, dropsPerDate: 3, minDropGwh: 1 },
      { dates: ['2025-06-30', '2021-01-01', '2023-03-31', '2030-01-01'], targetYear: 2030, dropsPerDate: 10, minDropGwh: 0.001 },
      { dates: ['2010-01-01'], targetYear: 2030 },
    ];
    for (const q of cases) await expectSameAsOracle(q);
  });

  it('follows the rule on a hand-checked history: same-day rows, dates as boundaries, deletions, revivals', async () => {
    const d = ['2024-01-01', '2024-04-01', '2024-07-01'] as const;
    const plants = await insertPlants([
      // 100 GWh, cut to 60 by a figure dated on the second date itself.
      { leaf: 2, announcements: [{ day: '2023-06-01', targetYear: 2030, gwh: 100 }, { day: d[1], targetYear: 2030, gwh: 60 }], events: [event('2023-06-01')] },
      // A figure for 2031 does not count for 2030; cancelled and revived on one day: the later row wins.
      { leaf: 2, announcements: [{ day: '2023-01-01', targetYear: 2028, gwh: 50 }, { day: '2024-02-01', targetYear: 2031, gwh: 500 }],
        events: [event('2023-01-01'), event('2024-05-01', 'cancelled'), event('2024-05-01', 'operational')] },
      // Cancelled, then revived.
      { leaf: 2, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: 30 }], events: [event('2023-01-01'), event('2024-03-01', 'cancelled'), event('2024-06-30')] },
      // Two figures on one day (the later row wins); a deleted figure and a deleted cancellation do not count.
      { leaf: 2, announcements: [{ day: '2023-05-05', targetYear: 2030, gwh: 10 }, { day: '2023-05-05', targetYear: 2030, gwh: 20 }, { day: '2023-12-01', targetYear: 2030, gwh: 999, deleted: true }],
        events: [event('2023-05-05', 'under_construction'), { day: '2024-02-02', status: 'cancelled', deleted: true }] },
      // Not in cell totals; deleted; without any status: none counts.
      { leaf: 2, inCellTotals: false, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: 70 }], events: [event('2023-01-01')] },
      { leaf: 2, deleted: true, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: 70 }], events: [event('2023-01-01')] },
      { leaf: 2, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: 70 }], events: [] },
      // A long-term figure has no target year; a cancellation after the last date changes nothing.
      { leaf: 2, announcements: [{ day: '2023-01-01', targetYear: 2029, gwh: 40 }, { day: '2023-02-01', targetYear: null, gwh: 400 }], events: [event('2023-01-01'), event('2024-07-02', 'cancelled')] },
      // Announced before the first date but published only after the last: invisible throughout.
      { leaf: 2, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: 80, known: '2024-08-01' }], events: [{ ...event('2023-01-01'), known: '2024-08-01' }] },
    ]);
    try {
      const result = await expectSameAsOracle({ dates: [...d], targetYear: 2030, regionPath: `${ROOT}bb/` });
      expect(result.points).toEqual([{ asOf: d[0], gwh: 240 }, { asOf: d[1], gwh: 170 }, { asOf: d[2], gwh: 200 }]);
      expect(result.drops.map((x) => [x.asOf, x.plantSlug, x.deltaGwh, x.status])).toEqual([
        [d[1], plants[0]!.slug, -40, 'announced'],
        [d[1], plants[2]!.slug, -30, 'cancelled'],
      ]);
    } finally {
      await removePlants(plants.map((p) => p.id));
    }
  });

  it('judges a drop on the exact difference of the figures (0.3 → 0.2 is a drop of 0.1)', async () => {
    const d = ['2024-01-01', '2024-04-01'] as const;
    const cut = (from: number, to: number): PlantSpec => ({
      leaf: 0, announcements: [{ day: '2023-01-01', targetYear: 2030, gwh: from }, { day: '2024-02-01', targetYear: 2030, gwh: to }], events: [event('2023-01-01')],
    });
    const plants = await insertPlants([cut(0.3, 0.2), cut(10.1, 10), cut(5.1, 0.2), cut(10, 5), cut(0.4, 0.3)]);
    try {
      for (const minDropGwh of [0.1, 4.9, 5]) {
        const { drops } = await expectSameAsOracle({ dates: [...d], targetYear: 2030, regionPath: ROOT, dropsPerDate: 10, minDropGwh });
        const listed = drops.map((x) => plants.findIndex((p) => p.slug === x.plantSlug));
        // Figures are decimals, and so are their differences: 0.3 − 0.2 is 0.1, 5.1 − 0.2 is 4.9.
        expect(listed).toEqual({ 0.1: [3, 2, 0, 1, 4], 4.9: [3, 2], 5: [3] }[minDropGwh]);
      }
    } finally {
      await removePlants(plants.map((p) => p.id));
    }
  });

  it('returns nothing without dates or plants, counts a repeated date once, refuses a non-positive threshold', async () => {
    const dates = pipelineDates(TODAY);
    expect(await getPipelineHistory({ dates: [], targetYear: 2030 })).toEqual({ points: [], drops: [] });
    expect(await expectSameAsOracle({ dates, targetYear: 2030, regionPath: `${ROOT}aa/` })).toEqual({ points: [], drops: [] });
    expect(await getPipelineHistory({ dates: [dates[5]!, ...dates, dates[0]!], targetYear: 2030 }))
      .toEqual(await getPipelineHistory({ dates, targetYear: 2030 }));
    for (const bad of [{ minDropGwh: 0 }, { minDropGwh: -5 }, { dates: ['2024-1-1'] }]) {
      await expect(getPipelineHistory({ dates, targetYear: 2030, ...bad })).rejects.toSatisfy((e) => isAppError(e, 'invalid'));
    }
  });
});

// ---- Random histories ------------------------------------------------------------------------

const HISTORIES = 200;
const QUERIES_PER_HISTORY = 3;
const QUARTERS = pipelineDates('2027-12-31');
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** On, just before or just after a quarter date, or any day from 2017 to 2028 (before the first and after the last date). */
const dayArb = fc.oneof(
  fc.tuple(fc.constantFrom(...QUARTERS), fc.integer({ min: -1, max: 1 })).map(([day, n]) => shift(day, n)),
  fc.integer({ min: 0, max: 4300 }).map((n) => shift('2017-01-01', n)),
);
/** Few values, mostly 0.1 apart (the float8 boundary cases: 0.3 − 0.2 < 0.1), so equal changes are common. */
const gwhArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0.2, 0.3, 0.4, 5, 5.1, 10, 10.1) },
  { weight: 1, arbitrary: fc.constantFrom(0, 4.9, 15.3, 33.333, 250, 999999.999) },
);
const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1);
const statusArb = fc.oneof(fc.constant<PlantStatus>('cancelled'), fc.constantFrom(...PLANT_STATUSES));
/** Most facts are public the day they happen; some later (a quarter date apart, or a year). */
const lagArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.constantFrom(1, 90, 91, 400));

const historyArb = fc.uniqueArray(dayArb, { minLength: 1, maxLength: 8 }).chain((days) => fc.record({
  // Rows pick their days from a few, so same-day rows (and ties on id) are common.
  plants: fc.array(fc.record({
    // Identical plants (other ids and slugs) tie on every change.
    copies: fc.integer({ min: 1, max: 3 }),
    leaf: fc.integer({ min: 0, max: 2 }),
    inCellTotals: oneIn(8).map((x) => !x),
    deleted: oneIn(8),
    announcements: fc.array(fc.record({
      day: fc.constantFrom(...days),
      targetYear: fc.option(fc.integer({ min: 2024, max: 2034 }), { freq: 12 }),
      gwh: gwhArb,
      deleted: oneIn(6),
      lag: lagArb,
    }).map(({ lag, ...a }) => ({ ...a, known: shift(a.day, lag) })), { maxLength: 8 }),
    events: fc.array(fc.record({ day: fc.constantFrom(...days), status: statusArb, deleted: oneIn(6), lag: lagArb })
      .map(({ lag, ...e }) => ({ ...e, known: shift(e.day, lag) })), { maxLength: 5 }),
  }), { minLength: 1, maxLength: 8 }),
  queries: fc.array(fc.record({
    dates: fc.oneof(
      fc.constantFrom(...QUARTERS).map((asOf) => pipelineDates(asOf)),
      fc.uniqueArray(fc.oneof(fc.constantFrom(...QUARTERS), fc.constantFrom(...days), dayArb), { minLength: 1, maxLength: 12 }),
    ),
    targetYear: fc.constantFrom(2028, 2030, 2032),
    regionPath: fc.constantFrom(undefined, ROOT, `${ROOT}aa/`, LEAVES[1]),
    dropsPerDate: fc.integer({ min: 0, max: 6 }),
    minDropGwh: fc.oneof({ weight: 2, arbitrary: fc.constant(0.1) }, fc.constantFrom(4.9, 5, 5.1, 0.001, 20)),
  }), { minLength: QUERIES_PER_HISTORY, maxLength: QUERIES_PER_HISTORY }),
}));

describe('pipeline history on random histories', () => {
  it(`matches the every-date query on ${HISTORIES} random histories × ${QUERIES_PER_HISTORY} queries`, async () => {
    const before = compared;
    await fc.assert(fc.asyncProperty(historyArb, async ({ plants, queries }) => {
      const inserted = await insertPlants(plants.flatMap((p) => Array<PlantSpec>(p.copies).fill(p)));
      try {
        for (const q of queries) await expectSameAsOracle(q);
      } finally {
        await removePlants(inserted.map((p) => p.id));
      }
    }), { numRuns: HISTORIES });
    expect(compared - before).toBe(HISTORIES * QUERIES_PER_HISTORY);
  }, 600_000);
});
