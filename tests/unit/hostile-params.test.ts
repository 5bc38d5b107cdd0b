// Hostile URL parameters at every public page's parser (and the admin lists'): random and hostile
// keys and values, repeated keys, arrays of 60 values. A parser never throws, returns values in
// their allowed domains (bad ones fall back to defaults with a notice), and its canonical query
// string parses back to the same values without a notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@/lib/domain/capacity';
import { AdminListParamsSchema, RouteIdSchema } from '@/lib/validation/admin-list';
import { GROUPINGS } from '@/lib/validation/capacity';
import { companyViewQuery, parseCompanyView } from '@/lib/validation/company-view';
import { COMPARE_MAX, compareQuery, parseCompareParams } from '@/lib/validation/compare';
import { contractFiltersQuery, parseContractFilters } from '@/lib/validation/contract-filters';
import { dashboardQuery, EARLIEST_AS_OF, parseDashboardParams } from '@/lib/validation/dashboard';
import {
  ChemistryFamilySchema, ContractKindSchema, ContractStatusSchema, OwnershipOriginSchema, PlantStatusSchema, SegmentSchema,
} from '@/lib/validation/fields';
import { ENTITY_TYPES, HistoryParamsSchema } from '@/lib/validation/history';
import { ATTRIBUTIONS, PLANT_SORTS, parsePlantFilters, plantFiltersQuery } from '@/lib/validation/plant-filters';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { scaled, searchParamsArb, Tally, taggedHostile } from '../support/hostile';

const RUNS = scaled({ perParser: 150, routeIds: 300 });
const today = '2026-11-28';

// Plausible values per parameter, to be bent (padded, upper-cased, doubled, zero-width-joined).
const VALID: Record<string, readonly string[]> = {
  group: GROUPINGS, scenario: SCENARIOS, asOf: ['2024-01-31', EARLIEST_AS_OF, today, '2017-12-31', '2026-11-29'], year: ['2030', '2015', '2040', '2041'],
  w_op: ['0', '1', '0.5', '1.01'], w_uc: ['0.3'], w_an: ['0.1'], w_pa: ['0'], pack: ['10', '75', '200', '201'],
  region: ['hauts-de-france', 'poland'], country: ['FR', 'de'], status: [...PlantStatusSchema.options, ...ContractStatusSchema.options],
  company: ['verkor', 'catl'], origin: OwnershipOriginSchema.options, chemistry: ChemistryFamilySchema.options, segment: SegmentSchema.options,
  min: ['0', '10', '10000'], max: ['5', '40', '10001'], q: ['Göd', 'northvolt'], attribution: ATTRIBUTIONS, sort: PLANT_SORTS, dir: ['asc', 'desc'],
  page: ['1', '2', '100000', '100001'], size: ['25', '50', '100', '10'], supplier: ['catl'], buyer: ['bmw-group'], plant: ['catl-debrecen'],
  kind: ContractKindSchema.options, item: ['region:poland', 'company:catl', 'region:hauts-de-france', 'company:verkor', 'company:lg', 'region:x'],
  from: ['2020', '2015'], to: ['2035', '2014'], entity: ENTITY_TYPES, id: ['12', 'abc-1'], deleted: ['1', '0'],
};

const toRaw = (query: string): RawSearchParams => {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) (out[k] ??= []).push(v);
  return out;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && s >= EARLIEST_AS_OF && s <= today;
const inRange = (v: number, min: number, max: number, int = false) => Number.isFinite(v) && v >= min && v <= max && (!int || Number.isInteger(v));

/**
 * Notices are short, readable lines: a hostile value is echoed cut to a few characters, never
 * broken in half, and a parameter repeated any number of times gives at most 51 of them.
 */
function expectNotices(notices: string[], raw: RawSearchParams, context: string): void {
  expect(Array.isArray(notices), context).toBe(true);
  expect(notices.length, context).toBeLessThanOrEqual(51 * Object.keys(raw).length + 2);
  for (const n of notices) {
    expect(typeof n, context).toBe('string');
    expect(n.length, `${context}: ${n.slice(0, 100)}`).toBeLessThanOrEqual(300);
    expect(n.isWellFormed(), `${context}: notice with half a character: ${JSON.stringify(n)}`).toBe(true);
  }
}

function property<T>(label: string, names: readonly string[], check: (raw: RawSearchParams, context: string) => T): void {
  it(label, () => {
    const tally = new Tally(`URL parameters › ${label}`, RUNS.perParser);
    fc.assert(fc.property(searchParamsArb(names, VALID), ({ raw, classes }) => {
      tally.add(classes.length ? classes : ['empty']);
      let context = '';
      try {
        context = JSON.stringify(raw).slice(0, 300);
      } catch {
        context = String(Object.keys(raw));
      }
      check(raw, context);
    }), { numRuns: RUNS.perParser });
    tally.print();
  });
}

describe('public page parameters never throw, stay in their domains and round-trip', () => {
  const DASHBOARD = ['group', 'scenario', 'asOf', 'year', 'w_op', 'w_uc', 'w_an', 'w_pa', 'pack'];
  property('dashboard and region pages (/ and /regions/[slug])', DASHBOARD, (raw, context) => {
    for (const defaults of [{}, { group: 'company' as const }]) {
      const { params, weights, notices } = parseDashboardParams(raw, today, defaults);
      expect(GROUPINGS, context).toContain(params.group);
      expect(SCENARIOS, context).toContain(params.scenario);
      expect(isDate(params.asOf), context).toBe(true);
      expect(inRange(params.year, 2015, 2040, true), context).toBe(true);
      for (const w of Object.values(weights)) expect(inRange(w, 0, 1), context).toBe(true);
      expect(inRange(params.pack, 10, 200), context).toBe(true);
      expectNotices(notices, raw, context);
      const again = parseDashboardParams(toRaw(dashboardQuery(params, today, defaults).slice(1)), today, defaults);
      expect(again.params, context).toEqual(params);
      expect(again.notices, context).toEqual([]);
    }
  });

  const EXPLORER = ['year', 'scenario', 'asOf', 'min', 'max', 'q', 'attribution', 'sort', 'dir', 'page', 'size', 'region', 'country', 'status', 'company', 'origin', 'chemistry', 'segment'];
  property('plant explorer (/plants and its export)', EXPLORER, (raw, context) => {
    const { filters: f, notices } = parsePlantFilters(raw, today);
    expect(inRange(f.year, 2015, 2040, true) && SCENARIOS.includes(f.scenario) && isDate(f.asOf), context).toBe(true);
    expect(f.min === null || inRange(f.min, 0, 10_000), context).toBe(true);
    expect(f.max === null || (inRange(f.max, 0, 10_000) && (f.min === null || f.max >= f.min)), context).toBe(true);
    expect(f.q.length <= 100 && f.q === f.q.trim() && !/[\u0000-\u001f\u007f]/.test(f.q), context).toBe(true);
    expect(ATTRIBUTIONS.includes(f.attribution) && PLANT_SORTS.includes(f.sort) && ['asc', 'desc'].includes(f.dir), context).toBe(true);
    expect(inRange(f.page, 1, 100_000, true) && [25, 50, 100].includes(f.size), context).toBe(true);
    for (const [key, values] of Object.entries({ region: f.region, company: f.company })) {
      expect(values.every((v) => SLUG.test(v) && v.length <= 120), `${context} ${key}`).toBe(true);
    }
    expect(f.country.every((c) => /^[A-Z]{2}$/.test(c)), context).toBe(true);
    expect(f.status.every((s) => (PlantStatusSchema.options as readonly string[]).includes(s)), context).toBe(true);
    expect(f.origin.every((s) => (OwnershipOriginSchema.options as readonly string[]).includes(s)), context).toBe(true);
    expect(f.chemistry.every((s) => (ChemistryFamilySchema.options as readonly string[]).includes(s)), context).toBe(true);
    expect(f.segment.every((s) => (SegmentSchema.options as readonly string[]).includes(s)), context).toBe(true);
    for (const list of [f.region, f.company, f.country, f.status, f.origin, f.chemistry, f.segment]) {
      expect(list.length <= 50 && new Set(list).size === list.length, context).toBe(true);
    }
    expectNotices(notices, raw, context);
    const again = parsePlantFilters(toRaw(plantFiltersQuery(f, today).slice(1)), today);
    expect(again.filters, context).toEqual(f);
    expect(again.notices, context).toEqual([]);
  });

  property('supply contracts (/offtakes)', ['supplier', 'buyer', 'plant', 'status', 'kind', 'year', 'page'], (raw, context) => {
    const { filters: f, notices } = parseContractFilters(raw);
    for (const list of [f.supplier, f.buyer, f.plant]) expect(list.every((v) => SLUG.test(v)) && list.length <= 50, context).toBe(true);
    expect(f.status.every((s) => (ContractStatusSchema.options as readonly string[]).includes(s)), context).toBe(true);
    expect(f.kind.every((s) => (ContractKindSchema.options as readonly string[]).includes(s)), context).toBe(true);
    expect((f.year === null || inRange(f.year, 2000, 2060, true)) && inRange(f.page, 1, 100_000, true), context).toBe(true);
    expectNotices(notices, raw, context);
    const again = parseContractFilters(toRaw(contractFiltersQuery(f).slice(1)));
    expect(again.filters, context).toEqual(f);
    expect(again.notices, context).toEqual([]);
  });

  property('comparison (/compare)', ['item', 'scenario', 'asOf', 'attribution', 'from', 'to'], (raw, context) => {
    const { params: p, notices } = parseCompareParams(raw, today);
    expect(p.items.length, context).toBeLessThanOrEqual(COMPARE_MAX);
    expect(new Set(p.items.map((i) => i.key)).size, context).toBe(p.items.length);
    for (const i of p.items) expect(['region', 'company'].includes(i.kind) && SLUG.test(i.slug) && i.key === `${i.kind}:${i.slug}`, context).toBe(true);
    expect(SCENARIOS.includes(p.scenario) && isDate(p.asOf) && ATTRIBUTIONS.includes(p.attribution), context).toBe(true);
    expect(inRange(p.from, 2015, 2040, true) && inRange(p.to, 2015, 2040, true) && p.from <= p.to, context).toBe(true);
    expectNotices(notices, raw, context);
    const again = parseCompareParams(toRaw(compareQuery(p, today).slice(1)), today);
    expect(again.params, context).toEqual(p);
    expect(again.notices, context).toEqual([]);
  });

  property('company page (/companies/[slug])', ['attribution', 'scenario', 'asOf'], (raw, context) => {
    const { values: v, notices } = parseCompanyView(raw, today);
    expect(ATTRIBUTIONS.includes(v.attribution) && SCENARIOS.includes(v.scenario) && isDate(v.asOf), context).toBe(true);
    expectNotices(notices, raw, context);
    const again = parseCompanyView(toRaw(companyViewQuery(v, today).slice(1)), today);
    expect(again.values, context).toEqual(v);
    expect(again.notices, context).toEqual([]);
  });
});

describe('admin page parameters fall back to their defaults', () => {
  property('admin lists (?q=…&deleted=1)', ['q', 'deleted'], (raw, context) => {
    const p = AdminListParamsSchema.parse(raw);
    expect(typeof p.q === 'string' && p.q.length <= 200 && !/[\u0000-\u001f\u007f]/.test(p.q), context).toBe(true);
    expect(typeof p.deleted, context).toBe('boolean');
  });

  property('change history (?entity=…&id=…&page=…)', ['entity', 'id', 'page'], (raw, context) => {
    const p = HistoryParamsSchema.parse(raw);
    expect(p.entity === undefined || (ENTITY_TYPES as readonly string[]).includes(p.entity), context).toBe(true);
    expect(p.id === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(p.id), context).toBe(true);
    expect(inRange(p.page, 1, 10_000, true), context).toBe(true);
  });

  it('record ids in admin routes (/admin/plants/[id]) are positive 32-bit integers or nothing', () => {
    const tally = new Tally('URL parameters › admin route ids', RUNS.routeIds);
    fc.assert(fc.property(taggedHostile, (v) => {
      tally.add([v.cls]);
      const r = RouteIdSchema.safeParse(v.value);
      if (r.success) expect(inRange(r.data, 1, 2_147_483_647, true), v.value).toBe(true);
    }), { numRuns: RUNS.routeIds });
    tally.print();
  });
});
