import { beforeAll, describe, expect, it } from 'vitest';
import { getContractFilterOptions } from '@/lib/db/contract-filter-options';
import { getContractVolumes } from '@/lib/db/contract-volumes';
import { listContracts } from '@/lib/db/list-contracts';
import { type ContractFilters, EMPTY_CONTRACT_FILTERS } from '@/lib/validation/contract-filters';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });

interface RawContract {
  ref: string; kind: string; status: string; supplier: string; buyer: string; plant: string | null;
  start_year: number | null; end_year: number | null; duration_years: number | null;
  volume: string | null; basis: string | null; signed_on: string | null; sources: string[];
}
let raw: RawContract[];

beforeAll(async () => {
  raw = await t.query<RawContract>(`
    SELECT c.ref, c.kind::text AS kind, c.status::text AS status, s.slug AS supplier, b.slug AS buyer, p.slug AS plant,
           c.start_year, c.end_year, c.duration_years, c.volume_gwh::text AS volume, c.volume_basis::text AS basis,
           to_char(c.signed_on, 'YYYY-MM-DD') AS signed_on,
           ARRAY(SELECT COALESCE(src.url, src.title) FROM contract_source cs JOIN source src ON src.id = cs.source_id
                 WHERE cs.contract_id = c.id ORDER BY 1) AS sources
    FROM contract c JOIN company s ON s.id = c.supplier_id JOIN company b ON b.id = c.buyer_id LEFT JOIN plant p ON p.id = c.plant_id`);
});

/** The filters applied to the raw rows in JavaScript, newest signature first, unknown dates last, then ref. */
function expected(f: ContractFilters): RawContract[] {
  const covers = (c: RawContract, y: number) => (c.start_year === null || c.start_year <= y)
    && (c.end_year === null || c.end_year >= y)
    && (c.duration_years === null || c.start_year === null || c.start_year + c.duration_years > y);
  return raw.filter((c) => (!f.supplier.length || f.supplier.includes(c.supplier))
    && (!f.buyer.length || f.buyer.includes(c.buyer))
    && (!f.plant.length || (c.plant !== null && f.plant.includes(c.plant)))
    && (!f.status.length || f.status.includes(c.status as never))
    && (!f.kind.length || f.kind.includes(c.kind as never))
    && (f.year === null || covers(c, f.year)))
    .sort((a, b) => (a.signed_on === b.signed_on ? 0 : a.signed_on === null ? 1 : b.signed_on === null ? -1 : a.signed_on < b.signed_on ? 1 : -1)
      || (a.ref < b.ref ? -1 : 1));
}

const f = (over: Partial<ContractFilters>): ContractFilters => ({ ...EMPTY_CONTRACT_FILTERS, ...over });

describe('listContracts', () => {
  const cases: [string, Partial<ContractFilters>][] = [
    ['all', {}],
    ['supplier', { supplier: ['northvolt'] }],
    ['suppliers', { supplier: ['catl', 'lg-energy-solution'] }],
    ['buyer', { buyer: ['bmw-group'] }],
    ['plant', { plant: ['northvolt-ett'] }],
    ['status', { status: ['cancelled', 'terminated'] }],
    ['kind', { kind: ['captive_jv_supply', 'captive_group_supply'] }],
    ['year the term covers', { year: 2027 }],
    ['an early year', { year: 2021 }],
    ['buyer + status + year', { buyer: ['bmw-group', 'renault-group'], status: ['active'], year: 2026 }],
    ['supplier + kind', { supplier: ['catl'], kind: ['cell_supply'] }],
  ];
  for (const [name, over] of cases) {
    it(`filters by ${name}, with every contract's sources`, async () => {
      const want = expected(f(over));
      expect(want.length).toBeGreaterThan(0);
      const got = await listContracts(f(over));
      expect(got.total).toBe(want.length);
      expect(got.rows.map((r) => r.ref)).toEqual(want.map((c) => c.ref));
      got.rows.forEach((r, i) => {
        const c = want[i]!;
        expect([r.supplier.slug, r.buyer.slug, r.plant?.slug ?? null, r.status, r.kind]).toEqual([c.supplier, c.buyer, c.plant, c.status, c.kind]);
        expect(r.volumeGwh).toBe(c.volume === null ? null : Number(c.volume));
        expect(r.sources.map((s) => s.url ?? s.title).sort()).toEqual(c.sources);
      });
    });
  }

  it('keeps cancelled and terminated deals visible: BMW–Northvolt', async () => {
    const all = await listContracts(f({}));
    const bmw = all.rows.find((r) => r.supplier.slug === 'northvolt' && r.buyer.slug === 'bmw-group');
    expect(bmw?.status).toBe('cancelled');
    expect(bmw!.sources.length).toBeGreaterThan(0);
  });

  it('pages through the set', async () => {
    const n = Math.ceil(raw.length / 10);
    expect(n).toBeGreaterThan(2);
    const pages = await Promise.all(Array.from({ length: n + 1 }, (_, i) => listContracts(f({ page: i + 1 }), 10)));
    expect(pages.map((p) => p.rows.length)).toEqual([...Array(n - 1).fill(10), raw.length - (n - 1) * 10, 0]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.ref))).toEqual(expected(f({})).map((c) => c.ref));
    expect(pages[n]!.pageCount).toBe(n);
  });
});

describe('getContractVolumes', () => {
  it('sums annual volumes per buyer and supplier by state, and counts the rest', async () => {
    for (const over of [{}, { year: 2027 }, { status: ['terminated' as const] }]) {
      const want = expected(f(over));
      const volumes = await getContractVolumes(f(over));
      const state = (s: string) => (['active', 'planned'].includes(s) ? 'live' : s === 'disrupted' ? 'disrupted' : 'ended');
      for (const [side, list] of [['buyer', volumes.byBuyer], ['supplier', volumes.bySupplier]] as const) {
        const sums = new Map<string, number>();
        for (const c of want) {
          if (c.basis !== 'per_year' || c.volume === null) continue;
          const k = `${c[side]}|${state(c.status)}`;
          sums.set(k, (sums.get(k) ?? 0) + Number(c.volume));
        }
        expect(new Map(list.map((v) => [`${v.key}|${v.state}`, v.gwh]))).toEqual(sums);
      }
      expect(volumes.withoutAnnualVolume).toBe(want.filter((c) => c.basis !== 'per_year' || c.volume === null).length);
    }
    const terminated = await getContractVolumes(f({ status: ['terminated'] }));
    expect(terminated.byBuyer.map((v) => v.key).sort()).toEqual(['volkswagen-group', 'volvo-cars']);
  });
});

describe('getContractFilterOptions', () => {
  it('offers exactly the suppliers, buyers and plants that appear in contracts', async () => {
    const options = await getContractFilterOptions();
    expect(options.suppliers.map((s) => s.slug).sort()).toEqual([...new Set(raw.map((c) => c.supplier))].sort());
    expect(options.buyers.map((s) => s.slug).sort()).toEqual([...new Set(raw.map((c) => c.buyer))].sort());
    expect(options.plants.map((s) => s.slug).sort()).toEqual([...new Set(raw.flatMap((c) => (c.plant ? [c.plant] : [])))].sort());
  });
});
