// Which public pages are served from the shared page cache (lib/page-cache/handler.mjs), and how
// a visitor's URL maps onto the cached route that renders it. Next.js caches a rendered page per
// path, not per query string, so `/plants?status=operational` is rewritten to
// `/v/plants/<state>`, where the state carries the query. The day a page was rendered for (the
// pages default their as-of date to today) is checked by the cache handler, not kept in the path.
//
// Two ways in, so the commonest requests skip Next.js middleware (several ms each):
// - without a view parameter, next.config.js rewrites `/` and `/regions/{slug}` to the twin of
//   the empty query (VIEW_PARAMS lists what counts; proxy.ts's matcher must agree, a unit test
//   checks both);
// - with one, and for `/plants` always, proxy.ts computes the path with cachedPathFor.
import { type RawSearchParams, rawSearchParamsOf } from '../validation/search-params';
import { DASHBOARD_VIEW_PARAMS, DEFAULT_STATE } from './view-params.mjs';

/** The internal prefix of cached routes. */
export const CACHED_PREFIX = '/v';

/** Longer query strings are rendered without the cache (they are not links anyone shares). */
const MAX_QUERY_LENGTH = 1024;

export { DASHBOARD_VIEW_PARAMS, DEFAULT_STATE };

const ROUTES: { pattern: RegExp; target: (match: RegExpMatchArray) => string }[] = [
  { pattern: /^\/$/, target: () => `${CACHED_PREFIX}/dashboard` },
  { pattern: /^\/regions\/([a-z0-9-]{1,80})$/, target: (m) => `${CACHED_PREFIX}/regions/${m[1]}` },
  { pattern: /^\/plants$/, target: () => `${CACHED_PREFIX}/plants` },
];

/**
 * The cached path that renders `pathname` + `search`, or null when the page is not cached (other
 * routes, or an overlong query).
 */
export function cachedPathFor(pathname: string, search: URLSearchParams): string | null {
  const route = ROUTES.map((r) => ({ r, m: pathname.match(r.pattern) })).find((x) => x.m);
  if (!route) return null;
  const params = new URLSearchParams(search);
  // Next.js's own cache-busting parameter for client navigations is not part of the page.
  params.delete('_rsc');
  params.sort();
  const query = params.toString();
  if (query.length > MAX_QUERY_LENGTH) return null;
  return `${route.r.target(route.m!)}/${encodeState(query)}`;
}

/** A query string (without "?") as a path segment; the empty query is DEFAULT_STATE. */
export function encodeState(query: string): string {
  return Buffer.from(`?${query}`, 'utf8').toString('base64url');
}

/** The query string a cached route was given, or null when it is not one encodeState would make. */
export function decodeState(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(encoded)) return null;
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  if (!text.startsWith('?')) return null;
  const query = text.slice(1);
  return encodeState(query) === encoded ? query : null;
}

/** A query string as the pages' parsers take it (repeated parameters become arrays). */
export function rawSearchParams(query: string): RawSearchParams {
  return rawSearchParamsOf(new URLSearchParams(query));
}
