import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedPathFor, decodeState, encodeState, rawSearchParams } from '@/lib/page-cache/routes';

const NOW = new Date('2026-11-28T12:00:00Z');
const stateOf = (path: string) => decodeState(path.split('/').at(-1)!, NOW);

describe('cachedPathFor', () => {
  it('maps the cached pages to their twins, with the day and the sorted query in the state', () => {
    const dashboard = cachedPathFor('/', new URLSearchParams('year=2030&scenario=announced'), '2026-11-28')!;
    expect(dashboard).toMatch(/^\/v\/dashboard\/[A-Za-z0-9_-]+$/);
    expect(stateOf(dashboard)).toEqual({ today: '2026-11-28', query: 'scenario=announced&year=2030' });
    expect(cachedPathFor('/regions/hauts-de-france', new URLSearchParams(), '2026-11-28')).toMatch(/^\/v\/regions\/hauts-de-france\//);
    expect(cachedPathFor('/plants', new URLSearchParams('status=operational&status=paused'), '2026-11-28')).toMatch(/^\/v\/plants\//);
  });

  it('gives one path whatever the parameter order, and drops the router’s _rsc parameter', () => {
    const a = cachedPathFor('/plants', new URLSearchParams('sort=now&status=operational'), '2026-11-28');
    const b = cachedPathFor('/plants', new URLSearchParams('_rsc=abc&status=operational&sort=now'), '2026-11-28');
    expect(a).toBe(b);
  });

  it('keeps a new day apart from the last', () => {
    expect(cachedPathFor('/', new URLSearchParams(), '2026-11-28')).not.toBe(cachedPathFor('/', new URLSearchParams(), '2026-11-29'));
  });

  it('leaves other pages, nested paths and overlong queries alone', () => {
    for (const path of ['/about', '/plants/verkor-dunkirk', '/regions', '/regions/a/b', '/admin', '/api/v1/plants']) {
      expect(cachedPathFor(path, new URLSearchParams(), '2026-11-28')).toBeNull();
    }
    expect(cachedPathFor('/plants', new URLSearchParams({ q: 'x'.repeat(2000) }), '2026-11-28')).toBeNull();
  });
});

describe('decodeState', () => {
  it('round-trips any query string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (query) => {
      expect(decodeState(encodeState({ today: '2026-11-28', query }), NOW)).toEqual({ today: '2026-11-28', query });
    }), { numRuns: 300 });
  });

  it('refuses states it did not make and days other than today ± 1', () => {
    expect(decodeState('abc', NOW)).toBeNull();
    expect(decodeState('', NOW)).toBeNull();
    expect(decodeState('../../etc/passwd', NOW)).toBeNull();
    expect(decodeState(encodeState({ today: '2026-11-30', query: '' }), NOW)).toBeNull();
    expect(decodeState(encodeState({ today: '1999-01-01', query: '' }), NOW)).toBeNull();
    expect(decodeState(encodeState({ today: '2026-11-27', query: 'a=1' }), NOW)).toEqual({ today: '2026-11-27', query: 'a=1' });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => {
      const decoded = decodeState(junk, NOW);
      if (decoded) expect(encodeState(decoded)).toBe(junk);
    }), { numRuns: 300 });
  });
});

describe('rawSearchParams', () => {
  it('keeps repeated parameters as arrays in order', () => {
    expect(rawSearchParams('status=operational&status=paused&year=2030')).toEqual({ status: ['operational', 'paused'], year: '2030' });
  });
});
