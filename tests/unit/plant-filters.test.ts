import { describe, expect, it } from 'vitest';
import { dropUnknownRefs, hasNarrowingFilter, NATURAL_DIR, parsePlantFilters, plantFiltersQuery } from '@/lib/validation/plant-filters';

const today = '2026-11-28';
const parse = (query: string) => {
  const raw: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) (raw[k] ??= []).push(v);
  return parsePlantFilters(raw, today);
};

describe('explorer URL parameters', () => {
  it('default to every plant, 2030, announced, today, operator attribution, name A→Z, 25 a page', () => {
    const { filters, notices } = parse('');
    expect(filters).toEqual({
      region: [], country: [], status: [], company: [], origin: [], chemistry: [], segment: [],
      min: null, max: null, year: 2030, scenario: 'announced', asOf: today, q: '', attribution: 'operator',
      sort: 'name', dir: 'asc', page: 1, size: 25,
    });
    expect(notices).toEqual([]);
    expect(hasNarrowingFilter(filters)).toBe(false);
  });

  it('take several values of repeatable filters, in order, without duplicates', () => {
    const { filters, notices } = parse('region=hauts-de-france&region=poland&region=hauts-de-france&status=operational&status=paused&country=fr&country=DE');
    expect(filters.region).toEqual(['hauts-de-france', 'poland']);
    expect(filters.status).toEqual(['operational', 'paused']);
    expect(filters.country).toEqual(['FR', 'DE']);
    expect(notices).toEqual([]);
    expect(hasNarrowingFilter(filters)).toBe(true);
  });

  it('drop each bad value with its own notice and keep the good ones', () => {
    const { filters, notices } = parse('status=operational&status=exploded&region=Bad_Slug&region=poland&chemistry=lfp&chemistry=unobtainium&country=FRA&origin=martian&segment=space');
    expect(filters.status).toEqual(['operational']);
    expect(filters.region).toEqual(['poland']);
    expect(filters.chemistry).toEqual(['lfp']);
    expect(filters.country).toEqual([]);
    expect(filters.origin).toEqual([]);
    expect(filters.segment).toEqual([]);
    expect(notices).toHaveLength(6);
    expect(notices[0]).toMatch(/^Ignored year|^Ignored region=“Bad_Slug”|^Ignored status=“exploded”/);
    expect(notices.join('\n')).toContain('Ignored status=“exploded”: one of announced, under_construction');
  });

  it('fall back per single-valued parameter with a notice, never throw', () => {
    const { filters, notices } = parse('year=1999&scenario=wishful&asOf=2099-01-01&sort=colour&dir=up&page=0&size=7&attribution=vibes&min=-3&max=lots');
    expect(filters).toMatchObject({ year: 2030, scenario: 'announced', asOf: today, sort: 'name', dir: 'asc', page: 1, size: 25, attribution: 'operator', min: null, max: null });
    expect(notices).toHaveLength(10);
  });

  it('accept a capacity range, and ignore a maximum below the minimum', () => {
    expect(parse('min=10&max=40').filters).toMatchObject({ min: 10, max: 40 });
    const { filters, notices } = parse('min=40&max=10');
    expect(filters).toMatchObject({ min: 40, max: null });
    expect(notices).toEqual(['Ignored max=“10”: it is below min (40).']);
  });

  it('sort a column in its natural direction unless told otherwise', () => {
    expect(parse('sort=year').filters.dir).toBe(NATURAL_DIR.year);
    expect(parse('sort=year').filters.dir).toBe('desc');
    expect(parse('sort=name').filters.dir).toBe('asc');
    expect(parse('sort=year&dir=asc').filters.dir).toBe('asc');
  });

  it('trim the search text and cap its length', () => {
    expect(parse('q=%20%20dunkirk%20').filters.q).toBe('dunkirk');
    const long = parse(`q=${'x'.repeat(101)}`);
    expect(long.filters.q).toBe('');
    expect(long.notices).toHaveLength(1);
  });

  it('round-trip through the URL, leaving defaults out', () => {
    const { filters } = parse('region=hauts-de-france&status=operational&sort=now&min=5&q=cell&attribution=equity&company=acc&size=50&page=2&year=2028&asOf=2025-01-01');
    const query = plantFiltersQuery(filters, today);
    expect(query).toBe('?region=hauts-de-france&status=operational&company=acc&min=5&q=cell&year=2028&asOf=2025-01-01&attribution=equity&sort=now&size=50&page=2');
    expect(parse(query.slice(1)).filters).toEqual(filters);
    expect(plantFiltersQuery(parse('').filters, today)).toBe('');
    const byNameDesc = plantFiltersQuery(filters, today, { page: 1, sort: 'name', dir: 'desc' });
    expect(byNameDesc).toMatch(/&attribution=equity&dir=desc&size=50$/);
    expect(parse(byNameDesc.slice(1)).filters).toMatchObject({ sort: 'name', dir: 'desc', page: 1 });
  });

  it('drop references the database does not know, with a notice each', () => {
    const { filters } = parse('region=hauts-de-france&region=atlantis&company=acc&company=acme&country=FR&country=US');
    const known = dropUnknownRefs(filters, {
      regions: new Set(['hauts-de-france']), companies: new Set(['acc']), countries: new Set(['FR']),
    });
    expect(known.filters).toMatchObject({ region: ['hauts-de-france'], company: ['acc'], country: ['FR'] });
    expect(known.notices).toEqual([
      'Ignored region=“atlantis”: no such region.',
      'Ignored company=“acme”: no such company.',
      'Ignored country=“US”: no such country in the dataset.',
    ]);
  });
});

describe('search text', () => {
  it('drops a search with a NUL or control character, with a notice, instead of failing in the database', () => {
    const { filters, notices } = parsePlantFilters({ q: 'Gö\u0000d' }, '2026-11-28');
    expect(filters.q).toBe('');
    expect(notices.join(' ')).toMatch(/control characters are not allowed/);
  });
});
