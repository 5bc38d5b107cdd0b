// The one wrapper every public API handler goes through: identify the caller, count it against
// the rate limit, run the handler, then CSV or JSON, ETag/304, caching and CORS headers. Every
// failure leaves as the one JSON error shape (lib/errors.ts); bad input is a 4xx, never a 500.
import { type CsvCell, toCsv } from '../csv';
import { AppError } from '../errors';
import { todayIso } from '../validation/capacity';
import { type ApiCaller, identifyCaller } from './caller';
import { CORS_HEADERS, errorResponse, etagOf, IMMUTABLE_CACHE, matchesIfNoneMatch, PUBLIC_CACHE, wantsCsv } from './http';
import { consumeRateLimit, type RateLimitState, rateLimitHeaders } from './rate-limit';

export interface RouteContext { params: Promise<Record<string, string>> }

export interface ApiRequest {
  request: Request;
  url: URL;
  /** Path parameters, as strings (validate them). */
  params: Record<string, string>;
  /** Today (UTC), the default as-of date. */
  today: string;
  caller: ApiCaller;
}

export interface CsvTable { filename: string; header: string[]; rows: CsvCell[][] }

export type ApiReply =
  | {
    type: 'json';
    body: unknown;
    status?: number;
    /** The same data as CSV, for `format=csv` / `Accept: text/csv`. */
    csv?: () => CsvTable;
    /** The next page's cursor, for the `Link: rel="next"` header. */
    nextCursor?: string | null;
    /** Writes are never cached. */
    cache?: 'public' | 'none';
    headers?: Record<string, string>;
  }
  | {
    type: 'file';
    body: string | Uint8Array;
    contentType: string;
    filename?: string;
    /** Dated snapshots never change. */
    cache?: 'public' | 'immutable';
  }
  | {
    /** A body too large to hold in memory, read as it is sent (the dataset downloads). */
    type: 'stream';
    body: ReadableStream<Uint8Array>;
    /**
     * The body's entity tag, known before its bytes exist (no content hash): it must change
     * whenever the bytes may. Not sent (304, HEAD), the body is cancelled.
     */
    etag: string;
    contentType: string;
    filename?: string;
  };

export type ApiHandler = (req: ApiRequest) => Promise<ApiReply>;
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

export const jsonReply = (body: unknown, opts: Omit<Extract<ApiReply, { type: 'json' }>, 'type' | 'body'> = {}): ApiReply =>
  ({ type: 'json', body, ...opts });

/** Wraps a handler as a GET/POST route handler. `head: true` answers with headers only. */
export function withApi(handler: ApiHandler, opts: { head?: boolean } = {}): RouteHandler {
  return async (request, context) => {
    let limit: RateLimitState | null = null;
    try {
      const caller = await identifyCaller(request);
      limit = await consumeRateLimit(caller.bucket);
      if (limit.exceeded) {
        throw new AppError('rate_limited', `Too many requests: at most ${limit.limit} per ${limit.windowSeconds} s per client. Retry in ${limit.resetSeconds} s.`, { retryAfter: limit.resetSeconds });
      }
      const url = new URL(request.url);
      const params = await context.params;
      const reply = await handler({ request, url, params, today: todayIso(), caller });
      return await respond(request, url, reply, rateLimitHeaders(limit), opts.head === true);
    } catch (error) {
      return errorResponse(error, limit ? rateLimitHeaders(limit) : {});
    }
  };
}

async function respond(request: Request, url: URL, reply: ApiReply, extra: Record<string, string>, head: boolean): Promise<Response> {
  const headers = new Headers({ ...CORS_HEADERS, ...extra });
  if (reply.type === 'stream') {
    headers.set('etag', reply.etag);
    headers.set('cache-control', PUBLIC_CACHE);
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), reply.etag)) {
      await reply.body.cancel();
      return new Response(null, { status: 304, headers });
    }
    headers.set('content-type', reply.contentType);
    if (reply.filename) headers.set('content-disposition', `attachment; filename="${reply.filename}"`);
    if (!head) return new Response(reply.body, { status: 200, headers });
    await reply.body.cancel();
    return new Response(null, { status: 200, headers });
  }
  let body: string | Uint8Array;
  let status = 200;
  if (reply.type === 'file') {
    body = reply.body;
    headers.set('content-type', reply.contentType);
    if (reply.filename) headers.set('content-disposition', `attachment; filename="${reply.filename}"`);
    headers.set('cache-control', reply.cache === 'immutable' ? IMMUTABLE_CACHE : PUBLIC_CACHE);
  } else {
    status = reply.status ?? 200;
    headers.set('vary', 'Accept');
    for (const [k, v] of Object.entries(reply.headers ?? {})) headers.set(k, v);
    if (reply.csv && wantsCsv(url.searchParams.get('format'), request.headers.get('accept'))) {
      const table = reply.csv();
      body = toCsv(table.header, table.rows);
      headers.set('content-type', 'text/csv; charset=utf-8');
      headers.set('content-disposition', `inline; filename="${table.filename}"`);
    } else {
      body = JSON.stringify(reply.body);
      headers.set('content-type', 'application/json; charset=utf-8');
    }
    if (reply.nextCursor) {
      const next = new URL(url);
      next.searchParams.set('cursor', reply.nextCursor);
      headers.set('link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    headers.set('cache-control', reply.cache === 'none' ? 'no-store' : PUBLIC_CACHE);
  }
  if (status === 200) {
    const etag = etagOf(body);
    headers.set('etag', etag);
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
      headers.delete('content-type');
      headers.delete('content-disposition');
      return new Response(null, { status: 304, headers });
    }
  }
  return new Response(head ? null : (body as BodyInit), { status, headers });
}
