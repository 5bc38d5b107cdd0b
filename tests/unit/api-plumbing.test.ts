import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, API_KEY_PATTERN, generateApiKey, hashApiKey } from '@/lib/api/api-key-format';
import { xmlEscape } from '@/lib/api/atom';
import { clientAddress } from '@/lib/api/caller';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { etagOf, matchesIfNoneMatch, wantsCsv } from '@/lib/api/http';
import { compareCodePoints, pageAfter } from '@/lib/api/paginate';
import { AppError, issuesOf, toHttpResponse } from '@/lib/errors';
import { ChangeCursorSchema } from '@/lib/validation/api/changes';
import { capacityQueryShape, parseCapacityQuery } from '@/lib/validation/api/capacity';
import { parsePlantsQuery } from '@/lib/validation/api/plants';
import { list, parseApiQuery, single } from '@/lib/validation/api/query';
import { apiFieldPath } from '@/lib/validation/api/writes';
import { z } from 'zod';

const today = '2026-11-28';
const params = (q: string) => new URLSearchParams(q);

function issuesOfThrown(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid');
    return issuesOf((error as AppError).fieldErrors);
  }
  throw new Error('expected a 400');
}

describe('strict query parsing', () => {
  const shape = {
    n: single(z.coerce.number({ error: 'a number' }).int().min(1, { error: 'from 1' }).default(5), 'n'),
    tag: list(z.enum(['a', 'b'], { error: 'a or b' }), 'tags', undefined, 3),
  };

  it('applies defaults, keeps list order and drops duplicates and empty values', () => {
    expect(parseApiQuery(params(''), shape)).toEqual({ n: 5, tag: [] });
    expect(parseApiQuery(params('n=2&tag=b&tag=a&tag=b&tag='), shape)).toEqual({ n: 2, tag: ['b', 'a'] });
  });

  it('names every bad, unknown, repeated or excess parameter instead of falling back', () => {
    expect(issuesOfThrown(() => parseApiQuery(params('n=0&tag=c&colour=red'), shape))).toEqual([
      { path: 'colour', message: 'unknown parameter; this endpoint accepts n, tag' },
      { path: 'n', message: 'from 1' },
      { path: 'tag', message: 'a or b' },
    ]);
    expect(issuesOfThrown(() => parseApiQuery(params('n=1&n=2'), shape))).toEqual([{ path: 'n', message: 'given 2 times; give it once' }]);
    expect(issuesOfThrown(() => parseApiQuery(params('tag=a&tag=b&tag=a&tag=b'), shape))).toEqual([{ path: 'tag', message: 'at most 3 values' }]);
  });

  it('reuses the explorer’s field rules (plants) and the dashboard’s (capacity)', () => {
    const { filters } = parsePlantsQuery(params('country=de&status=operational&sort=now&min=5'), today);
    expect(filters).toMatchObject({ country: ['DE'], status: ['operational'], sort: 'now', dir: 'desc', min: 5, max: null, asOf: today });
    expect(issuesOfThrown(() => parsePlantsQuery(params('min=10&max=5'), today))).toEqual([{ path: 'max', message: 'must not be below min (10)' }]);
    expect(issuesOfThrown(() => parsePlantsQuery(params('q=%00x'), today))).toEqual([{ path: 'q', message: 'control characters are not allowed' }]);
    const q = parseCapacityQuery(params('w_an=0.5&fromYear=2025&toYear=2027'), today);
    expect(q.weights).toEqual({ operational: 1, under_construction: 0.75, announced: 0.5, paused: 0.25 });
    expect(q.group).toBe('total');
    expect(issuesOfThrown(() => parseCapacityQuery(params('fromYear=2030&toYear=2020'), today))[0]?.path).toBe('toYear');
    expect(issuesOfThrown(() => parseCapacityQuery(params('asOf=2999-01-01'), today))[0]).toEqual({ path: 'asOf', message: 'a date from 2018-01-01 to today' });
    expect(Object.keys(capacityQueryShape(today))).toContain('w_op');
  });

  it('never throws anything but a 400 for any query string', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }), (pairs) => {
      const p = new URLSearchParams(pairs);
      for (const parse of [() => parsePlantsQuery(p, today), () => parseCapacityQuery(p, today)]) {
        try {
          parse();
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(400);
          expect(issuesOf((error as AppError).fieldErrors).length).toBeGreaterThan(0);
        }
      }
    }));
  });
});

describe('the error body', () => {
  it('always has issues, derived from field errors, next to the existing fields', async () => {
    const body = await toHttpResponse(new AppError('invalid', 'Bad.', { fieldErrors: { region: ['no such region'], 'source.url': ['an http(s) URL', 'too long'] } })).json();
    expect(body.error.issues).toEqual([
      { path: 'region', message: 'no such region' }, { path: 'source.url', message: 'an http(s) URL' }, { path: 'source.url', message: 'too long' },
    ]);
    expect(body.error.fieldErrors).toBeDefined();
    expect((await toHttpResponse(new AppError('not_found', 'No.')).json()).error.issues).toEqual([]);
    const notAllowed = toHttpResponse(new AppError('method_not_allowed', 'No.', { allow: ['GET', 'HEAD'] }));
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('content negotiation and entity tags', () => {
  it('serves CSV when format=csv or when Accept prefers text/csv', () => {
    expect(wantsCsv('csv', null)).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
    expect(wantsCsv(null, 'text/csv')).toBe(true);
    expect(wantsCsv(null, 'text/csv;q=0.5, application/json')).toBe(false);
    expect(wantsCsv(null, 'application/json;q=0.4, text/*')).toBe(true);
    expect(wantsCsv(null, '*/*')).toBe(false);
    expect(wantsCsv(null, null)).toBe(false);
  });

  it('matches If-None-Match by weak comparison, lists and *', () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
    expect(etagOf('{"a":2}')).not.toBe(tag);
  });
});

describe('cursors', () => {
  it('round-trip, and refuse forged, foreign or other-sort cursors with a 400 naming cursor', () => {
    const payload = { s: 'date:desc', date: '2025-01-02', rank: 2, id: 17 };
    expect(decodeCursor(encodeCursor(payload), ChangeCursorSchema, 'date:desc')).toEqual(payload);
    expect(decodeCursor(undefined, ChangeCursorSchema, 'date:desc')).toBeNull();
    for (const bad of ['nope', encodeCursor({ s: 'date:desc', date: "2025-01-02'; DROP TABLE plant;--", rank: 2, id: 1 }), encodeCursor({ ...payload, id: -1 })]) {
      expect(issuesOfThrown(() => decodeCursor(bad, ChangeCursorSchema, 'date:desc'))[0]?.path).toBe('cursor');
    }
    expect(issuesOfThrown(() => decodeCursor(encodeCursor(payload), ChangeCursorSchema, 'name:asc'))[0]?.message).toMatch(/different sort/);
  });

  it('page in-memory lists in code-point order without gaps or repeats', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (names, limit) => {
      const rows = names.map((name, i) => ({ name, id: `id${i}` }));
      const seen: string[] = [];
      let after: { key: string; id: string } | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page: ReturnType<typeof pageAfter<{ name: string; id: string }>> = pageAfter(rows, (r) => ({ key: r.name, id: r.id }), after, limit);
        seen.push(...page.rows.map((r) => r.id));
        if (!page.last) break;
        after = page.last;
      }
      const expected = [...rows].sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.id, b.id)).map((r) => r.id);
      expect(seen).toEqual(expected);
    }));
  });
});

describe('clients and keys', () => {
  it('takes the first X-Forwarded-For hop, and never arbitrary text, as the address', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '2001:DB8::1' }))).toBe('2001:db8::1');
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientAddress(new Headers({ 'x-forwarded-for': "'; DROP TABLE api_key;--" }))).toBe('unknown');
    expect(clientAddress(new Headers())).toBe('unknown');
  });

  it('generates keys that only their hash and prefix identify', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(API_KEY_PATTERN);
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyPrefix(a.key)).toBe(a.prefix);
    expect(a.hash).not.toContain(a.key.slice(13));
  });

  it('maps the admin form’s source fields to the API body’s paths', () => {
    expect(apiFieldPath('source.newSourceUrl')).toBe('source.url');
    expect(apiFieldPath('newSourceTitle')).toBe('source.title');
    expect(apiFieldPath('sourceId')).toBe('source.id');
    expect(apiFieldPath('targetYear')).toBe('targetYear');
  });
});

describe('XML escaping', () => {
  it('yields well-formed XML for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const doc = `<a t="${xmlEscape(text)}">${xmlEscape(text)}</a>`;
      expect(XMLValidator.validate(doc)).toBe(true);
    }));
    expect(xmlEscape('<script>alert("x")</script> & \'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;');
  });
});
