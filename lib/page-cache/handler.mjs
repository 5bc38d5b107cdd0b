// The Next.js cache handler (next.config.js `cacheHandler`): rendered public pages are kept in
// PostgreSQL, shared by every app instance, and each entry is valid only for the data version it
// was rendered from. Every committed write to public data bumps `data_version` (a database
// trigger, prisma/migrations/*_capacity_rollup), so the first request after a change misses
// and renders from the new data, on every instance at once: no timers, no instance-local copy.
//
// Plain JavaScript because Next.js loads it at run time, outside the app bundle.
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

/** The data version each key's render started from, read by get() and used by set(). */
const pendingVersion = new Map();

/** key → { version, entry, bytes }, in least-recently-used order (a Map keeps insertion order). */
const local = new Map();
let localBytes = 0;

function remember(key, version, entry, bytes) {
  forget(key);
  if (bytes > LOCAL_BYTES / 4) return;
  local.set(key, { version, entry, bytes });
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

export default class PageCacheHandler {
  constructor(options) {
    this.options = options;
  }

  async get(key, ctx) {
    if (process.env.PAGE_CACHE_DEBUG) console.log('page cache get', ctx?.kind, key);
    if (ctx?.kind !== 'APP_PAGE') return null;
    let row;
    try {
      const mine = local.get(key);
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
        const { value, cacheControl } = v8.deserialize(row.value);
        const entry = { lastModified: row.last_modified.getTime(), value, cacheControl };
        remember(key, row.current, entry, row.value.length);
        return entry;
      } catch {
        // An entry from another Next.js version: render again.
      }
    }
    if (pendingVersion.size > 10_000) pendingVersion.clear();
    // Versions only grow; two overlapping renders of one key keep the older version, so neither
    // can label its page newer than the data it may have read.
    const pending = pendingVersion.get(key);
    if (pending === undefined || BigInt(row.current) < BigInt(pending)) pendingVersion.set(key, row.current);
    return null;
  }

  async set(key, data, ctx) {
    const version = pendingVersion.get(key);
    pendingVersion.delete(key);
    // Only pages, and only when we know which data version the render started from: a write
    // committed during the render leaves the entry labelled with the older version, so it is
    // rendered again on the next request instead of being served stale.
    if (!data || data.kind !== 'APP_PAGE') return;
    // This cache is the only one: a copy kept by a browser or CDN would not learn that the data
    // changed. Next.js answers cached pages with s-maxage of a year unless the entry's headers
    // say otherwise (they are sent with every hit; set in place, they also go with this render).
    data.headers = { ...data.headers, 'cache-control': 'no-cache' };
    if (version === undefined) return;
    const value = {
      ...data,
      html: typeof data.html === 'string' ? data.html : data.html?.toUnchunkedString?.() ?? String(data.html ?? ''),
    };
    const stored = v8.serialize({ value, cacheControl: ctx?.cacheControl });
    remember(key, version, { lastModified: Date.now(), value, cacheControl: ctx?.cacheControl }, stored.length);
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
