import { describe, expect, it } from 'vitest';
import { compareQuery, parseCompareParams } from '@/lib/validation/compare';
import { contractFiltersQuery, dropUnknownContractRefs, parseContractFilters } from '@/lib/validation/contract-filters';

const today = '2026-11-28';
const raw = (query: string) => {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) (out[k] ??= []).push(v);
  return out;
};

describe('contract URL parameters', () => {
  it('parse repeatable filters and a year, dropping bad values with notices', () => {
    const { filters, notices } = parseContractFilters(raw('buyer=bmw-group&buyer=BMW&status=cancelled&status=lost&kind=mou&year=2027&page=x'));
    expect(filters).toEqual({ supplier: [], buyer: ['bmw-group'], plant: [], status: ['cancelled'], kind: ['mou'], year: 2027, page: 1 });
    expect(notices).toHaveLength(3);
  });

  it('round-trip through the URL and drop unknown references', () => {
    const { filters } = parseContractFilters(raw('supplier=catl&plant=catl-debrecen&year=2030&page=2'));
    expect(contractFiltersQuery(filters)).toBe('?supplier=catl&plant=catl-debrecen&year=2030&page=2');
    expect(parseContractFilters(raw(contractFiltersQuery(filters).slice(1))).filters).toEqual(filters);
    const known = dropUnknownContractRefs(filters, { companies: new Set(['catl']), plants: new Set() });
    expect(known.filters.plant).toEqual([]);
    expect(known.notices).toEqual(['Ignored plant=“catl-debrecen”: not in the contracts.']);
  });
});

describe('compare URL parameters', () => {
  it('take 2–4 region or company items, in order, deduplicated', () => {
    const { params, notices } = parseCompareParams(raw('item=region:hauts-de-france&item=company:verkor&item=region:hauts-de-france'), today);
    expect(params.items.map((i) => [i.kind, i.slug])).toEqual([['region', 'hauts-de-france'], ['company', 'verkor']]);
    expect(notices).toEqual([]);
  });

  it('ignore malformed items and anything past the fourth, with notices', () => {
    const { params, notices } = parseCompareParams(raw('item=planet:mars&item=region:a&item=region:b&item=company:c&item=company:d&item=company:e'), today);
    expect(params.items.map((i) => i.key)).toEqual(['region:a', 'region:b', 'company:c', 'company:d']);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toContain('company:e');
  });

  it('reject a year range that ends before it starts', () => {
    const { params, notices } = parseCompareParams(raw('from=2030&to=2025'), today);
    expect([params.from, params.to]).toEqual([2020, 2035]);
    expect(notices).toHaveLength(1);
  });

  it('round-trip through the URL, leaving defaults out', () => {
    const { params } = parseCompareParams(raw('item=region:nordics&item=company:catl&attribution=equity&to=2032'), today);
    const query = compareQuery(params, today);
    expect(query).toBe('?item=region%3Anordics&item=company%3Acatl&attribution=equity&to=2032');
    expect(parseCompareParams(raw(query.slice(1)), today).params).toEqual(params);
  });
});
