// Which public pages are served from the shared page cache (lib/page-cache/handler.mjs), and how
// a visitor's URL maps onto the cached route that renders it. Next.js caches a rendered page per
// path, not per query string, so proxy.ts rewrites `/plants?status=operational` to
// `/v/plants/<state>`, where the state carries the query and the day it is rendered for (the
// pages default their as-of date to today, so a new day must be a new page).
import { type RawSearchParams, rawSearchParamsOf } from '../validation/search-params';

/** The internal prefix of cached routes; proxy.ts refuses it from outside. */
export const CACHED_PREFIX = '/v';

/** Longer query strings are rendered without the cache (they are not links anyone shares). */
const MAX_QUERY_LENGTH = 1024;

const ROUTES: { pattern: RegExp; target: (match: RegExpMatchArray) => string }[] = [
  { pattern: /^\/$/, target: () => `${CACHED_PREFIX}/dashboard` },
  { pattern: /^\/regions\/([a-z0-9-]{1,80})$/, target: (m) => `${CACHED_PREFIX}/regions/${m[1]}` },
  { pattern: /^\/plants$/, target: () => `${CACHED_PREFIX}/plants` },
];

export interface PageState {
  /** The day the page is rendered for (YYYY-MM-DD, UTC). */
  today: string;
  /** The visitor's query string, parameters sorted, without the leading "?". */
  query: string;
}

/**
 * The cached path that renders `pathname` + `search` on `today`, or null when the page is not
 * cached (other routes, or an overlong query).
 */
export function cachedPathFor(pathname: string, search: URLSearchParams, today: string): string | null {
  const route = ROUTES.map((r) => ({ r, m: pathname.match(r.pattern) })).find((x) => x.m);
  if (!route) return null;
  const params = new URLSearchParams(search);
  // Next.js's own cache-busting parameter for client navigations is not part of the page.
  params.delete('_rsc');
  params.sort();
  const query = params.toString();
  if (query.length > MAX_QUERY_LENGTH) return null;
  return `${route.r.target(route.m!)}/${encodeState({ today, query })}`;
}

export function encodeState(state: PageState): string {
  return Buffer.from(`${state.today}?${state.query}`, 'utf8').toString('base64url');
}

const DAY_MS = 86_400_000;

/**
 * The state a cached route was given, or null when it is not one proxy.ts would make: its day
 * must be today give or take one (a request that crossed midnight), so nobody can fill the
 * cache with pages for invented dates.
 */
export function decodeState(encoded: string, now = new Date()): PageState | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(encoded)) return null;
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  const match = text.match(/^(\d{4}-\d{2}-\d{2})\?(.*)$/s);
  if (!match || encodeState({ today: match[1]!, query: match[2]! }) !== encoded) return null;
  const day = Date.parse(`${match[1]}T00:00:00Z`);
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day) || Math.abs(day - today) > DAY_MS) return null;
  return { today: match[1]!, query: match[2]! };
}

/** A query string as the pages' parsers take it (repeated parameters become arrays). */
export function rawSearchParams(query: string): RawSearchParams {
  return rawSearchParamsOf(new URLSearchParams(query));
}
