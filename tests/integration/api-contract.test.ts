// Contract tests: every endpoint's answers validate against the OpenAPI document it publishes
// (ajv, JSON Schema 2020-12), and the document describes exactly the parameters the handlers accept.
import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/endpoints';
import { createDatasetSnapshot } from '@/lib/db/api/create-dataset-snapshot';
import { todayIso } from '@/lib/validation/capacity';
import { call, json, openApiValidator, ROUTES, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string; example?: unknown }[]; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>> };
let doc: Doc;
let validate: ReturnType<typeof openApiValidator>;
const errorSchema = { $ref: '#/components/schemas/Error' };

/** The example's path parameters and query, as the docs page shows them. */
function example(e: (typeof ENDPOINTS)[number]) {
  const [path = '', query = ''] = e.example.split('?');
  const params: Record<string, string> = {};
  const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pattern = new RegExp(`^${e.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`);
  const match = pattern.exec(path);
  names.forEach((n, i) => { params[n] = decodeURIComponent(match?.[i + 1] ?? ''); });
  return { params, query };
}

beforeAll(async () => {
  const today = todayIso();
  await createDatasetSnapshot({ date: today, citationBase: 'http://voltrack.test' });
  const r = await call('/openapi.json');
  expect(r.status).toBe(200);
  doc = await r.json() as Doc;
  validate = openApiValidator(doc as unknown as Record<string, unknown>);
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with an operation for every route module and vice versa', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.keys(doc.paths).sort();
    expect(documented).toEqual(Object.keys(ROUTES).filter((p) => p !== '/feed.xml').sort());
    for (const e of ENDPOINTS) expect(doc.paths[e.path]?.[e.method.toLowerCase()], `${e.method} ${e.path}`).toBeDefined();
  });

  it('declares only parameters the handlers accept, and the handlers accept each one', async () => {
    for (const e of ENDPOINTS.filter((x) => x.method === 'GET')) {
      const { params } = example(e);
      if (e.path === '/download/snapshots/{file}') params.file = `${todayIso()}.zip`;
      const op = doc.paths[e.path]!.get!;
      for (const p of op.parameters.filter((x) => x.in === 'query' && x.example !== undefined)) {
        const value = Array.isArray(p.example) ? String(p.example[0]) : String(p.example);
        const r = await call(e.path, new URLSearchParams({ [p.name]: value }).toString(), { params });
        expect(r.status, `${e.path}?${p.name}=${value}: ${r.status === 200 ? '' : await r.text()}`).toBe(200);
      }
    }
  });
});

describe('every endpoint answers what the document says', () => {
  for (const e of ENDPOINTS.filter((x) => x.method === 'GET')) {
    it(`GET ${e.path}`, async () => {
      const { params, query } = example(e);
      if (e.path === '/download/snapshots/{file}') params.file = `${todayIso()}.zip`;
      const r = await call(e.path, query, { params });
      expect(r.status, await r.clone().text()).toBe(200);
      const type = r.headers.get('content-type') ?? '';
      const content = doc.paths[e.path]!.get!.responses['200']!.content!;
      if (type.startsWith('application/json')) {
        const body = await r.json();
        validate(content['application/json']!.schema, body);
        if (e.paginated) expect((body as { data: unknown[] }).data.length).toBeGreaterThan(0);
      } else if (type.startsWith('application/atom+xml')) {
        expect(content['application/atom+xml']).toBeDefined();
        expect(XMLValidator.validate(await r.text())).toBe(true);
      } else if (type === 'application/zip') {
        expect(content['application/zip']).toBeDefined();
        const files = unzipSync(new Uint8Array(await r.arrayBuffer()));
        expect(Object.keys(files)).toContain('voltrack-dataset/README.txt');
      } else {
        throw new Error(`unexpected content type ${type}`);
      }
      if (e.media.includes('csv')) {
        const csv = await call(e.path, `${query}${query ? '&' : ''}format=csv`, { params });
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(content['text/csv']).toBeDefined();
        const parsed = Papa.parse<string[]>(await csv.text(), { skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        const rows = await json(await call(e.path, query, { params }));
        expect(parsed.data.length - 1).toBe((rows.body.data as unknown[]).length);
      }
    });
  }

  it('errors validate against the Error schema: 400 naming the parameter, 404, 405', async () => {
    for (const e of ENDPOINTS.filter((x) => x.method === 'GET')) {
      const { params } = example(e);
      if (e.path === '/download/snapshots/{file}') params.file = `${todayIso()}.zip`;
      const bad = await json(await call(e.path, 'bogus=1', { params }));
      expect(bad.status, e.path).toBe(400);
      validate(errorSchema, bad.body);
      expect((bad.body.error as { issues: { path: string }[] }).issues[0]!.path).toBe('bogus');
      if (e.pathParams) {
        const missing = Object.fromEntries(Object.keys(params).map((k) => [k, k === 'file' ? '1999-01-01.zip' : 'no-such-thing']));
        const nf = await json(await call(e.path, '', { params: missing }));
        expect(nf.status, e.path).toBe(404);
        validate(errorSchema, nf.body);
      }
      const put = await call(e.path, '', { method: 'PUT', params });
      expect(put.status).toBe(405);
      const writes = ENDPOINTS.filter((x) => x.path === e.path && x.method !== 'GET').map((x) => x.method);
      expect(put.headers.get('allow')).toBe(['GET', 'HEAD', 'OPTIONS', ...writes].join(', '));
      validate(errorSchema, await put.json());
    }
  });
});
