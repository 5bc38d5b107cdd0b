// The Next.js cache handler (next.config.js `cacheHandler`): rendered public pages are kept in
// PostgreSQL, shared by every app instance, and each entry is valid only for the data version it
// was rendered from and only on the (UTC) day it was rendered — the pages show figures as of
// today. Every committed write to public data bumps `data_version` (a database trigger,
// prisma/migrations/*_capacity_rollup), so the first request after a change misses and renders
// from the new data, on every instance at once: no timers, no copy that can go stale.
//
// Plain JavaScript because Next.js loads it at run time, outside the app bundle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import pg from 'pg';

/** Rendered pages older than this are dropped even if still valid (a new day changes the keys). */
const KEEP_HOURS = 36;
/** Bounds the table whatever URLs visitors invent; the oldest entries go first. */
const MAX_ENTRIES = 5000;
/**
 * Each instance also keeps recently served entries in memory, up to this many bytes. They are
 * served only after checking, on every request, that the shared data version is still the one
 * they were rendered from — a copy that cannot go stale, unlike a timed local cache — and it
 * saves fetching and decoding the page from PostgreSQL on each request.
 */
const LOCAL_BYTES = Number(process.env.PAGE_CACHE_LOCAL_MB || 48) * 1024 * 1024;

let pool = null;
function database() {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.PAGE_CACHE_POOL_MAX || 2),
      connectionTimeoutMillis: 2000,
      // A stalled database must not hold a page: no answer in 5 s and the page renders (and
      // reports the outage) instead.
      query_timeout: 5000,
      keepAlive: true,
      idleTimeoutMillis: 30_000,
    });
    // A dropped connection is replaced on the next query; it must not crash the server.
    pool.on('error', () => undefined);
  }
  return pool;
}

/** Today in UTC, as the pages compute it (lib/validation/capacity.ts todayIso). */
const utcDay = () => new Date().toISOString().slice(0, 10);

/** The data version and day each key's render started from, read by get() and used by set(). */
const pendingVersion = new Map();

/** key → { version, day, entry, bytes }, in least-recently-used order (a Map keeps insertion order). */
const local = new Map();
let localBytes = 0;

function remember(key, version, day, entry, bytes) {
  forget(key);
  if (bytes > LOCAL_BYTES / 4) return;
  local.set(key, { version, day, entry, bytes });
  localBytes += bytes;
  for (const [oldest, item] of local) {
    if (localBytes <= LOCAL_BYTES) break;
    local.delete(oldest);
    localBytes -= item.bytes;
  }
}

function forget(key) {
  const item = local.get(key);
  if (item) {
    local.delete(key);
    localBytes -= item.bytes;
  }
}

/**
 * The build that rendered a page is part of its key: a page from another build refers to
 * scripts and styles that build had, so after a deployment every page renders again.
 */
function buildId(serverDistDir) {
  if (!serverDistDir) return '';
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {
      id = '';
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}
/** Next.js makes a handler for every request (twice): the build id is read once per folder. */
const buildIds = new Map();

export default class PageCacheHandler {
  constructor(options) {
    this.options = options;
    this.build = buildId(options?.serverDistDir);
  }

  async get(pageKey, ctx) {
    const key = `${this.build}${pageKey}`;
    if (process.env.PAGE_CACHE_DEBUG) console.log('page cache get', ctx?.kind, key);
    if (ctx?.kind !== 'APP_PAGE') return null;
    let row;
    const today = utcDay();
    try {
      const held = local.get(key);
      const mine = held?.day === today ? held : undefined;
      // One round trip either way: the current version, and the shared entry unless this
      // instance holds the one for that version (then the bytes are not fetched at all).
      const result = await database().query(
        `SELECT v.version::text AS current, c.version::text AS stored, c.value, c.last_modified
           FROM data_version v LEFT JOIN page_cache c ON c.key = $1 AND c.version::text IS DISTINCT FROM $2`,
        [key, mine?.version ?? null],
      );
      row = result.rows[0];
      if (row && mine && mine.version === row.current) {
        local.delete(key);
        local.set(key, mine);
        return mine.entry;
      }
    } catch {
      // No database: render (which reports the outage) rather than answer from a copy we
      // cannot check.
      pendingVersion.delete(key);
      return null;
    }
    if (!row) return null;
    forget(key);
    if (row.stored !== null && row.stored === row.current) {
      try {
        const { value, cacheControl, day } = v8.deserialize(row.value);
        if (day === today) {
          const entry = { lastModified: row.last_modified.getTime(), value, cacheControl };
          remember(key, row.current, day, entry, row.value.length);
          return entry;
        }
      } catch {
        // An entry from another Next.js version: render again.
      }
    }
    if (pendingVersion.size > 10_000) pendingVersion.clear();
    // Versions and days only grow; two overlapping renders of one key keep the older of each, so
    // neither can label its page newer than the data (or the day) it may have read.
    const pending = pendingVersion.get(key);
    pendingVersion.set(key, {
      version: pending && BigInt(pending.version) < BigInt(row.current) ? pending.version : row.current,
      day: pending && pending.day < today ? pending.day : today,
    });
    return null;
  }

  async set(pageKey, data, ctx) {
    const key = `${this.build}${pageKey}`;
    const pending = pendingVersion.get(key);
    pendingVersion.delete(key);
    // Only pages, and only when we know which data version the render started from: a write
    // committed during the render leaves the entry labelled with the older version, so it is
    // rendered again on the next request instead of being served stale.
    if (!data || data.kind !== 'APP_PAGE') return;
    // This cache is the only one: a copy kept by a browser or CDN would not learn that the data
    // changed. Next.js answers cached pages with s-maxage of a year unless the entry's headers
    // say otherwise (they are sent with every hit; set in place, they also go with this render).
    data.headers = { ...data.headers, 'cache-control': 'no-cache' };
    if (pending === undefined) return;
    const { version, day } = pending;
    const html = typeof data.html === 'string' ? data.html : data.html?.toUnchunkedString?.() ?? String(data.html ?? '');
    // Kept as bytes: Next.js writes a Buffer as it is, where a string is encoded again for every
    // response — a 200 KB allocation per request that only a full garbage collection reclaims.
    const value = { ...data, html: Buffer.from(html, 'utf8') };
    const stored = v8.serialize({ value, cacheControl: ctx?.cacheControl, day });
    remember(key, version, day, { lastModified: Date.now(), value, cacheControl: ctx?.cacheControl }, stored.length);
    try {
      await database().query(
        `INSERT INTO page_cache (key, version, value, last_modified) VALUES ($1, $2, $3, now())
         ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, value = EXCLUDED.value, last_modified = now()`,
        [key, version, stored],
      );
      if (Math.random() < 0.02) await prune();
    } catch {
      // The cache is an optimisation: failing to store a page costs a render later, nothing else.
    }
  }

  async revalidateTag() {
    // Not used: entries are invalidated by the data version, not by tags.
  }

  resetRequestCache() {}
}

async function prune() {
  await database().query(
    `DELETE FROM page_cache c USING data_version v
      WHERE c.version <> v.version OR c.last_modified < now() - make_interval(hours => $1)`,
    [KEEP_HOURS],
  );
  await database().query(
    `DELETE FROM page_cache WHERE key IN (
       SELECT key FROM page_cache ORDER BY last_modified DESC OFFSET $1)`,
    [MAX_ENTRIES],
  );
}

/** For tests and tools that switch databases: closes the pool and empties this instance's copy. */
export async function resetPageCache() {
  const closing = pool;
  pool = null;
  local.clear();
  localBytes = 0;
  pendingVersion.clear();
  await closing?.end();
}
