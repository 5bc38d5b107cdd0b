// Property-based tests: random and hostile query strings, path parameters, headers and bodies at
// every endpoint. Each answer is a 2xx/3xx or a 4xx in the one error shape with a message that
// names the problem — never a 5xx — and the database is left exactly as it was.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/endpoints';
import { createApiKey } from '@/lib/db/api/create-api-key';
import { todayIso } from '@/lib/validation/capacity';
import { as, createTestUser, signIn } from '../support/auth';
import { call, databaseFingerprint, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';
import { hostile } from '../support/hostile';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

// The limiter's counters and a key's last-use time are the bookkeeping a request may write.
const IGNORE = ['api_rate_limit', 'api_key.last_used_at'];
const fingerprint = () => databaseFingerprint((sql) => t.query(sql), IGNORE);

const today = todayIso();
const getEndpoints = ENDPOINTS.filter((e) => e.method === 'GET');

/** Declared parameter names plus hostile ones, with hostile or example values. */
function queryArb(e: (typeof ENDPOINTS)[number]) {
  const names = Object.keys(e.query(today));
  const name = names.length ? fc.oneof(fc.constantFrom(...names), hostile) : hostile;
  return fc.array(fc.tuple(name, hostile), { minLength: 1, maxLength: 6 }).map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v);
    return q.toString();
  });
}

const examplePath = (e: (typeof ENDPOINTS)[number]) =>
  Object.fromEntries((e.pathParams ?? []).map((p) => [p.name, p.name === 'file' ? `${today}.zip` : p.example]));

async function expectClientError(r: Response, context: string): Promise<void> {
  expect(r.status, context).toBeLessThan(500);
  if (r.status < 400) return;
  expect(r.headers.get('content-type'), context).toBe('application/json');
  const body = await r.json() as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
  expect(typeof body.error.code, context).toBe('string');
  expect(body.error.message.length, context).toBeGreaterThan(5);
  expect(Array.isArray(body.error.issues), context).toBe(true);
  if (r.status === 400) {
    expect(body.error.issues.length, context).toBeGreaterThan(0);
    for (const issue of body.error.issues) {
      expect(issue.path.length, context).toBeGreaterThan(0);
      expect(issue.message.length, context).toBeGreaterThan(3);
    }
  }
}

let before: Record<string, string>;
let writeKey = '';
let readKey = '';

beforeAll(async () => {
  const editor = await createTestUser('editor');
  const h = await signIn(editor);
  writeKey = (await as(h, () => createApiKey({ name: 'fuzz writer', write: true }))).key;
  readKey = (await as(h, () => createApiKey({ name: 'fuzz reader', write: false }))).key;
  before = await fingerprint();
});

describe('hostile query strings', () => {
  for (const e of getEndpoints) {
    it(`GET ${e.path}: 4xx with a clear message, never 5xx`, async () => {
      await fc.assert(fc.asyncProperty(queryArb(e), async (query) => {
        await expectClientError(await call(e.path, query, { params: examplePath(e) }), `${e.path}?${query.slice(0, 200)}`);
      }), { numRuns: e.path.startsWith('/download/dataset') ? 25 : 60 });
    });
  }
});

describe('hostile path parameters', () => {
  for (const e of ENDPOINTS.filter((x) => x.pathParams)) {
    it(`${e.method} ${e.path}`, async () => {
      await fc.assert(fc.asyncProperty(hostile, async (value) => {
        const params = Object.fromEntries(e.pathParams!.map((p) => [p.name, value]));
        const r = await call(e.path, '', { method: e.method, params, headers: e.write ? { authorization: `Bearer ${readKey}` } : {} });
        await expectClientError(r, `${e.path} ${JSON.stringify(value).slice(0, 100)}`);
        expect(r.status).toBeGreaterThanOrEqual(400);
      }), { numRuns: 60 });
    });
  }
});

describe('hostile headers', () => {
  it('Authorization, If-None-Match, Accept and X-Forwarded-For never cause a 5xx', async () => {
    await fc.assert(fc.asyncProperty(hostile, fc.constantFrom('authorization', 'if-none-match', 'accept', 'x-forwarded-for'), async (value, header) => {
      const clean = value.replace(/[\u0000-\u001f\u007f-\uffff]/g, '');
      const r = await call('/summary', '', { headers: { [header]: header === 'authorization' ? `Bearer ${clean}` : clean } });
      await expectClientError(r, `${header}: ${clean.slice(0, 80)}`);
      if (header === 'authorization') expect(r.status).toBe(401);
    }), { numRuns: 60 });
  });
});

// Bodies for POST /plants/{slug}/announcements, each with at least one field that cannot pass.
const validBody = {
  scope: 'milestone', targetYear: 2031, gwhPerYear: 12.5, announcedOn: '2026-01-15', datePrecision: 'day', confidence: 'medium',
  note: '<script>alert(1)</script> =cmd|', source: { url: 'https://example.org/fuzz', publisher: 'Fuzz', title: 'Fuzz' },
};
const BREAKERS: Record<string, unknown[]> = {
  gwhPerYear: [-1, 10_001, '12', null, 'NaN', {}, [], true, 1e308 * 10],
  announcedOn: ['2026-13-01', '2026-02-30', '../../etc/passwd', 20260115, null, "2026-01-15'; DROP TABLE plant;--", '1999-12-31'],
  confidence: ['=cmd|', '<script>', '', 'HIGH', 3, null],
  targetYear: [1999, 2061, 'x', 2030.5, {}],
  scope: ['forever', 1, null],
  datePrecision: ['hour', ''],
  source: [{}, { id: 'x' }, { id: 0 }, { id: 999_999 }, { url: 'javascript:alert(1)', publisher: 'p', title: 't' },
    { url: 'https://example.org/x', publisher: '', title: 't' }, { url: 'https://example.org/x', publisher: 'p\u0000', title: 't' },
    { id: 1, url: 'https://example.org' }, 'source', null],
  note: ['x'.repeat(4001), 'a\u0000b', 42],
  plantId: [1],
  extra: ['unexpected'],
};

describe('hostile request bodies', () => {
  const slug = 'northvolt-ett';
  const post = (body: string, headers: Record<string, string> = {}) => call('/plants/{slug}/announcements', '', {
    method: 'POST', params: { slug }, body, headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json', ...headers },
  });

  it('a body with any field broken is a 400 naming that field', async () => {
    const field = fc.constantFrom(...Object.keys(BREAKERS));
    await fc.assert(fc.asyncProperty(field, fc.nat(), fc.subarray(Object.keys(BREAKERS)), fc.nat(), async (f, i, others, j) => {
      const body: Record<string, unknown> = { ...validBody };
      for (const o of [...others, f]) {
        const choices = BREAKERS[o]!;
        body[o] = choices[(o === f ? i : j) % choices.length];
      }
      const r = await post(JSON.stringify(body));
      await expectClientError(r, JSON.stringify(body).slice(0, 300));
      expect(r.status).toBe(400);
    }), { numRuns: 150 });
  });

  it('anything that is not such a JSON object is a 4xx', async () => {
    const required = ['gwhPerYear', 'announcedOn', 'confidence', 'source'];
    const junk = fc.oneof(
      fc.anything().filter((v) => !(v && typeof v === 'object' && required.every((k) => k in v))).map((v) => JSON.stringify(v) ?? 'undefined'),
      hostile,
      fc.constant('{"gwhPerYear": 1,'),
      fc.constant(`{"note": "${'x'.repeat(70_000)}"}`),
    );
    await fc.assert(fc.asyncProperty(junk, async (text) => {
      await expectClientError(await post(text), text.slice(0, 200));
    }), { numRuns: 150 });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const r = await post(JSON.stringify(validBody), { 'content-type': type });
      expect(r.status).toBe(400);
    }
  });

  it('without a key, with a read-only key, or with a bad key, nothing is written', async () => {
    const body = JSON.stringify(validBody);
    expect((await post(body, { authorization: '' })).status).toBe(401);
    expect((await post(body, { authorization: `Bearer ${readKey}` })).status).toBe(403);
    expect((await post(body, { authorization: `Bearer ${writeKey.slice(0, -1)}x` })).status).toBe(401);
    expect((await post(body, { authorization: `Basic ${writeKey}` })).status).toBe(401);
  });
});

describe('afterwards', () => {
  it('the database is exactly as before: same row counts and content checksums in every table', async () => {
    const after = await fingerprint();
    expect(Object.keys(after).length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });
});
