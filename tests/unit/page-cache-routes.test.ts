import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedPathFor, DASHBOARD_VIEW_PARAMS, DEFAULT_STATE, decodeState, encodeState, rawSearchParams } from '@/lib/page-cache/routes';
import { defaultViewRewrites } from '@/lib/page-cache/view-params.mjs';
import { dashboardShape } from '@/lib/validation/dashboard';
import { config as proxyConfig } from '@/proxy';

const stateOf = (path: string) => decodeState(path.split('/').at(-1)!);

describe('cachedPathFor', () => {
  it('maps the cached pages to their twins, with the sorted query in the state', () => {
    const dashboard = cachedPathFor('/', new URLSearchParams('year=2030&scenario=announced'))!;
    expect(dashboard).toMatch(/^\/v\/dashboard\/[A-Za-z0-9_-]+$/);
    expect(stateOf(dashboard)).toBe('scenario=announced&year=2030');
    expect(cachedPathFor('/regions/hauts-de-france', new URLSearchParams())).toMatch(/^\/v\/regions\/hauts-de-france\//);
    expect(cachedPathFor('/plants', new URLSearchParams('status=operational&status=paused'))).toMatch(/^\/v\/plants\//);
  });

  it('gives one path whatever the parameter order, and drops the router’s _rsc parameter', () => {
    const a = cachedPathFor('/plants', new URLSearchParams('sort=now&status=operational'));
    const b = cachedPathFor('/plants', new URLSearchParams('_rsc=abc&status=operational&sort=now'));
    expect(a).toBe(b);
  });

  it('gives the default view the path next.config.js rewrites it to', () => {
    expect(cachedPathFor('/', new URLSearchParams())).toBe(`/v/dashboard/${DEFAULT_STATE}`);
    expect(cachedPathFor('/regions/nordics', new URLSearchParams('_rsc=1'))).toBe(`/v/regions/nordics/${DEFAULT_STATE}`);
    expect(defaultViewRewrites().map((r) => r.destination)).toEqual([`/v/dashboard/${DEFAULT_STATE}`, `/v/regions/:slug/${DEFAULT_STATE}`]);
  });

  it('knows every dashboard parameter, in the rewrites and in proxy.ts’s matcher alike', () => {
    // A parameter missing here would be ignored: its links would show the default view.
    expect([...DASHBOARD_VIEW_PARAMS].sort()).toEqual(Object.keys(dashboardShape('2026-11-28')).sort());
    for (const rewrite of defaultViewRewrites()) {
      expect(rewrite.missing.map((m) => m.key)).toEqual(DASHBOARD_VIEW_PARAMS);
    }
    for (const source of ['/', '/regions/:slug']) {
      const keys = proxyConfig.matcher.flatMap((m) => (typeof m === 'object' && m.source === source ? m.has.map((h) => h.key) : []));
      expect(keys).toEqual(DASHBOARD_VIEW_PARAMS);
    }
  });

  it('leaves other pages, nested paths and overlong queries alone', () => {
    for (const path of ['/about', '/plants/verkor-dunkirk', '/regions', '/regions/a/b', '/admin', '/api/v1/plants']) {
      expect(cachedPathFor(path, new URLSearchParams())).toBeNull();
    }
    expect(cachedPathFor('/plants', new URLSearchParams({ q: 'x'.repeat(2000) }))).toBeNull();
  });
});

describe('decodeState', () => {
  it('round-trips any query string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (query) => {
      expect(decodeState(encodeState(query))).toBe(query);
    }), { numRuns: 300 });
    expect(encodeState('')).toBe(DEFAULT_STATE);
  });

  it('refuses states it did not make', () => {
    expect(decodeState('abc')).toBeNull();
    expect(decodeState('')).toBeNull();
    expect(decodeState('../../etc/passwd')).toBeNull();
    expect(decodeState(Buffer.from('year=2030').toString('base64url'))).toBeNull();
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => {
      const decoded = decodeState(junk);
      if (decoded !== null) expect(encodeState(decoded)).toBe(junk);
    }), { numRuns: 300 });
  });
});

describe('rawSearchParams', () => {
  it('keeps repeated parameters as arrays in order', () => {
    expect(rawSearchParams('status=operational&status=paused&year=2030')).toEqual({ status: ['operational', 'paused'], year: '2030' });
  });
});
