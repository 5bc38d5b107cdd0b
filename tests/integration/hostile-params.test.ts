// Hostile URL parameters through to the database, as each page does it (render-free): parse,
// resolve references, query. Nothing throws (a page would be a 500), and what comes back is a list
// (maybe empty). The parsers alone are fuzzed harder in tests/unit/hostile-params.test.ts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportPlants } from '@/app/plants/export/route';
import { listAuditLog } from '@/lib/db/admin/list-audit-log';
import { listAdminCompanies } from '@/lib/db/admin/read-companies';
import { listAdminContracts } from '@/lib/db/admin/read-contracts';
import { listAdminPlants } from '@/lib/db/admin/read-plants';
import { listAdminSources } from '@/lib/db/admin/read-sources';
import { getCompanyCapacity } from '@/lib/db/company-capacity';
import { compareCapacity } from '@/lib/db/compare';
import { getContractFilterOptions } from '@/lib/db/contract-filter-options';
import { getDashboardData } from '@/lib/db/dashboard';
import { listContracts } from '@/lib/db/list-contracts';
import { listPlants } from '@/lib/db/list-plants';
import { resolvePlantFilters } from '@/lib/db/resolve-plant-filters';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { todayIso } from '@/lib/validation/capacity';
import { parseCompanyView } from '@/lib/validation/company-view';
import { parseCompareParams } from '@/lib/validation/compare';
import { dropUnknownContractRefs, parseContractFilters } from '@/lib/validation/contract-filters';
import { parseDashboardParams } from '@/lib/validation/dashboard';
import { HistoryParamsSchema } from '@/lib/validation/history';
import { as, createTestUser, signIn } from '../support/auth';
import { setupTestDatabase } from '../support/database';
import { scaled, searchParamsArb, Tally } from '../support/hostile';

const RUNS = scaled({ explorer: 12, export: 4, offtakes: 10, compare: 8, company: 6, dashboard: 3, admin: 12 });

setupTestDatabase({ seeded: true });
const today = todayIso();
let viewer: Headers;

beforeAll(async () => {
  viewer = await signIn(await createTestUser('viewer', 'Hostile Viewer'));
});

// Real values from the seeded dataset, so some cases pass the parsers and reach the queries' filters.
const EXAMPLES: Record<string, readonly string[]> = {
  region: ['hauts-de-france', 'poland', 'nord-pas-de-calais'], company: ['verkor', 'catl', 'northvolt'], country: ['FR', 'de', 'HU'],
  status: ['operational', 'announced', 'planned'], q: ['Göd', 'northvolt', '%', '_', '\\', "'", '%_\\'], min: ['0', '10'], max: ['40', '5'],
  year: ['2030', '2025'], asOf: ['2024-01-31', '2018-01-01', today], sort: ['now', 'year', 'operator'], dir: ['desc'], page: ['2', '99999'],
  size: ['100'], supplier: ['catl'], buyer: ['bmw-group'], plant: ['catl-debrecen'], kind: ['mou'], item: ['region:poland', 'company:catl', 'company:verkor'],
  from: ['2015'], to: ['2040'], scenario: ['risk_weighted', 'operational'], attribution: ['equity'], group: ['company', 'status'],
  entity: ['plant', 'company'], id: ['1', '12'], deleted: ['1'],
};

type Raw = Record<string, string | string[] | undefined>;
function check(label: string, names: readonly string[], numRuns: number, run: (raw: Raw) => Promise<void>, opts: { hostileKeys?: boolean } = {}) {
  it(label, async () => {
    const tally = new Tally(`URL parameters to the database › ${label}`, numRuns);
    await fc.assert(fc.asyncProperty(searchParamsArb(names, EXAMPLES, opts), async ({ raw, classes }) => {
      tally.add(classes.length ? classes : ['empty']);
      await run(raw);
    }), { numRuns });
    tally.print();
  });
}

describe('public pages answer any URL without an error', () => {
  const EXPLORER = ['year', 'scenario', 'asOf', 'min', 'max', 'q', 'attribution', 'sort', 'dir', 'page', 'size', 'region', 'country', 'status', 'company', 'origin', 'chemistry', 'segment'];
  check('plant explorer (/plants)', EXPLORER, RUNS.explorer, async (raw) => {
    const { filters } = await resolvePlantFilters(raw, today);
    const page = await listPlants(filters);
    expect(Array.isArray(page.rows)).toBe(true);
  });

  const download = async (raw: Raw) => {
    const url = new URL('http://voltrack.test/plants/export');
    for (const [k, v] of Object.entries(raw)) for (const one of [v ?? []].flat()) url.searchParams.append(k, one);
    const r = await exportPlants(new Request(url));
    expect(r.status).toBe(200);
    await r.text();
  };
  // Keys named like Object properties have their own test just below.
  check('explorer download (/plants/export)', [...EXPLORER, 'format'], RUNS.export, download, { hostileKeys: false });

  // KNOWN BUG, outside this change's files: app/plants/export/route.ts collects parameters with
  // `(raw[key] ??= []).push(value)` on a plain object, so ?constructor=x (or __proto__, toString)
  // finds Object.prototype's member and throws — a 500. Fix there (Object.create(null) or a Map),
  // then make this `it`.
  it('explorer download: a parameter named like an Object property (constructor, __proto__, toString) is ignored, not a 500', async () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) await download({ [key]: 'x', q: 'a' });
  });

  check('supply contracts (/offtakes)', ['supplier', 'buyer', 'plant', 'status', 'kind', 'year', 'page'], RUNS.offtakes, async (raw) => {
    const parsed = parseContractFilters(raw);
    const options = await getContractFilterOptions();
    const { filters } = dropUnknownContractRefs(parsed.filters, {
      companies: new Set([...options.suppliers, ...options.buyers].map((c) => c.slug)), plants: new Set(options.plants.map((p) => p.slug)),
    });
    expect(Array.isArray((await listContracts(filters)).rows)).toBe(true);
  });

  check('comparison (/compare)', ['item', 'scenario', 'asOf', 'attribution', 'from', 'to'], RUNS.compare, async (raw) => {
    const { params } = parseCompareParams(raw, today);
    await compareCapacity(params, params.items);
  });

  check('company page (/companies/[slug])', ['attribution', 'scenario', 'asOf'], RUNS.company, async (raw) => {
    const { values } = parseCompanyView(raw, today);
    expect(Array.isArray(await getCompanyCapacity({ ...values, fromYear: 2020, toYear: 2035, companySlugs: ['verkor'], groupBy: 'plant' }))).toBe(true);
  });

  check('dashboard (/)', ['group', 'scenario', 'asOf', 'year', 'w_op', 'w_uc', 'w_an', 'w_pa', 'pack'], RUNS.dashboard, async (raw) => {
    const { params, weights } = parseDashboardParams(raw, today);
    await getDashboardData(params, weights);
  });
});

describe('admin lists and history answer any URL without an error', () => {
  check('admin lists (?q=…&deleted=1)', ['q', 'deleted'], RUNS.admin, async (raw) => {
    const params = AdminListParamsSchema.parse(raw);
    await as(viewer, async () => {
      for (const list of [listAdminPlants, listAdminCompanies, listAdminContracts, listAdminSources]) expect(Array.isArray(await list(params))).toBe(true);
    });
  });

  check('change history (/admin/history)', ['entity', 'id', 'page'], RUNS.admin, async (raw) => {
    const params = HistoryParamsSchema.parse(raw);
    const { entries } = await as(viewer, () => listAuditLog(params));
    expect(Array.isArray(entries)).toBe(true);
  });
});
