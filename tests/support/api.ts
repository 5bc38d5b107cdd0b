// Calls the public API's route handlers in-process with real Requests (no server), and checks
// answers against the OpenAPI document with ajv (JSON Schema 2020-12).
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { ApiRoute } from '@/lib/api/route';
import * as changesAtom from '@/app/api/v1/changes.atom/route';
import * as changes from '@/app/api/v1/changes/route';
import * as capacity from '@/app/api/v1/capacity/route';
import * as company from '@/app/api/v1/companies/[slug]/route';
import * as companies from '@/app/api/v1/companies/route';
import * as contracts from '@/app/api/v1/contracts/route';
import * as datasetJson from '@/app/api/v1/download/dataset.json/route';
import * as datasetZip from '@/app/api/v1/download/dataset.zip/route';
import * as snapshot from '@/app/api/v1/download/snapshots/[file]/route';
import * as snapshots from '@/app/api/v1/download/snapshots/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as announcements from '@/app/api/v1/plants/[slug]/announcements/route';
import * as plant from '@/app/api/v1/plants/[slug]/route';
import * as plants from '@/app/api/v1/plants/route';
import * as region from '@/app/api/v1/regions/[slug]/route';
import * as regions from '@/app/api/v1/regions/route';
import * as sources from '@/app/api/v1/sources/route';
import * as summary from '@/app/api/v1/summary/route';
import * as feed from '@/app/feed.xml/route';

export const ORIGIN = 'http://voltrack.test';

/** Route modules by their OpenAPI path (under /api/v1), and the feed's short address. */
export const ROUTES: Record<string, ApiRoute> = {
  '/plants': plants, '/plants/{slug}': plant, '/plants/{slug}/announcements': announcements,
  '/companies': companies, '/companies/{slug}': company, '/regions': regions, '/regions/{slug}': region,
  '/contracts': contracts, '/sources': sources, '/capacity': capacity, '/summary': summary, '/changes': changes,
  '/changes.atom': changesAtom, '/download/dataset.zip': datasetZip, '/download/dataset.json': datasetJson,
  '/download/snapshots': snapshots, '/download/snapshots/{file}': snapshot, '/openapi.json': openapi, '/feed.xml': feed,
};

export type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  method?: Method;
  headers?: Record<string, string>;
  body?: string;
  /** Path parameters, e.g. { slug: 'northvolt-ett' }. */
  params?: Record<string, string>;
}

/** The request path for an OpenAPI path with its parameters filled in. */
export function fill(path: string, params: Record<string, string> = {}): string {
  const encode = (v: string) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return '_'; // a lone surrogate cannot be in a URL; the handler still gets the raw value as its parameter
    }
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? ''));
}

/** Calls the route for `path` (OpenAPI form, e.g. /plants/{slug}) with `query` ("a=1&b=2"). */
export async function call(path: string, query = '', opts: CallOptions = {}): Promise<Response> {
  const route = ROUTES[path];
  if (!route) throw new Error(`no route module for ${path}`);
  const method = opts.method ?? 'GET';
  const prefix = path === '/feed.xml' ? '' : '/api/v1';
  const url = `${ORIGIN}${prefix}${fill(path, opts.params)}${query ? `?${query}` : ''}`;
  const request = new Request(url, {
    method,
    headers: { 'x-forwarded-for': '192.0.2.1', ...opts.headers },
    body: opts.body,
  });
  return route[method](request, { params: Promise.resolve(opts.params ?? {}) });
}

export async function json(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: await response.json() as Record<string, unknown> };
}

/** An ajv validator over the OpenAPI document's components (refs as #/components/schemas/X). */
export function openApiValidator(document: Record<string, unknown>) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'voltrack-openapi', components: (document as { components: unknown }).components }, 'voltrack-openapi');
  return (schemaRef: Record<string, unknown>, value: unknown): void => {
    const validate = ajv.compile({ $ref: `voltrack-openapi${String(schemaRef.$ref ?? '')}`, ...(schemaRef.$ref ? {} : schemaRef) });
    const ok = validate(value);
    expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
  };
}

/**
 * Every table's row count and content checksum, to prove a request changed nothing. `ignore`
 * leaves out bookkeeping a request may legitimately touch: whole tables ("api_rate_limit") or
 * columns ("api_key.last_used_at").
 */
export async function databaseFingerprint(query: (sql: string) => Promise<Record<string, unknown>[]>, ignore: string[] = []): Promise<Record<string, string>> {
  const tables = (await query(`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).map((r) => String(r.name)).filter((n) => !ignore.includes(n));
  const out: Record<string, string> = {};
  for (const name of tables) {
    const minus = ignore.filter((i) => i.startsWith(`${name}.`)).map((i) => ` - '${i.slice(name.length + 1)}'`).join('');
    const [row] = await query(`SELECT COUNT(*)::int AS n, COALESCE(md5(string_agg((to_jsonb(t)${minus})::text, '|' ORDER BY (to_jsonb(t)${minus})::text)), '') AS sum FROM "${name}" t`);
    out[name] = `${String(row!.n)}:${String(row!.sum)}`;
  }
  return out;
}

/**
 * Sets the API rate limit for this test file (files share worker processes, so each file that
 * calls the API sets its own). Files not about the limit set it high.
 */
export function setRateLimit(requests: number, windowSeconds = 60): void {
  process.env.API_RATE_LIMIT = String(requests);
  process.env.API_RATE_LIMIT_WINDOW_SECONDS = String(windowSeconds);
}
