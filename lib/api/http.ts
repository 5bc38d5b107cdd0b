// HTTP details of the public API that do not touch the database: CORS, content negotiation,
// entity tags, and the one error shape (lib/errors.ts) with those headers added.
import { createHash } from 'node:crypto';
import { toHttpResponse } from '../errors';

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition',
};

/** Preflight: reads (GET, HEAD) from any origin; writes are for server-side clients holding a key. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Authorization, If-None-Match, Content-Type',
  'access-control-max-age': '86400',
};

export const PUBLIC_CACHE = 'public, max-age=60';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** Strong entity tag: SHA-256 of the exact body bytes. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): true when the client's copy is current. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** The q-value the Accept header gives a media type (0 when it is not acceptable). */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = -1;
  let specificity = -1;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().split(';').map((s) => s.trim());
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const spec = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (spec > specificity && Number.isFinite(q)) {
      specificity = spec;
      best = q;
    }
  }
  return Math.max(best, 0);
}

/**
 * CSV when asked for by `format=csv`, or by an Accept header that prefers text/csv to JSON;
 * JSON otherwise (also when Accept is absent or `*\/*`).
 */
export function wantsCsv(format: string | null, accept: string | null): boolean {
  if (format === 'csv') return true;
  if (format === 'json' || !accept) return false;
  return quality(accept, 'text/csv') > quality(accept, 'application/json');
}

/** The one error shape, with CORS and any extra headers (rate limit) added. */
export function errorResponse(error: unknown, extra: Record<string, string> = {}): Response {
  const response = toHttpResponse(error);
  for (const [k, v] of Object.entries({ ...CORS_HEADERS, ...extra })) response.headers.set(k, v);
  return response;
}

/** The site's origin as the client reached it (behind a proxy: X-Forwarded-Host/-Proto). */
export function originOf(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const safeHost = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) ? host : url.host;
  const safeProto = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1);
  return `${safeProto}://${safeHost}`;
}
