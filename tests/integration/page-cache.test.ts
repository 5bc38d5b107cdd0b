// The shared page cache's rules, against a real database: an entry is served only for the data
// version its render started from; any committed write to public data invalidates it for every
// instance at once; a write during a render can never leave a stale page behind; a page rendered
// on one day (the pages show figures as of today) is not served the next.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PageCacheHandler, { resetPageCache } from '@/lib/page-cache/handler.mjs';
import { setupTestDatabase } from '../support/database';

const testDb = setupTestDatabase({ seeded: true });
afterAll(() => resetPageCache());

const APP_PAGE = { kind: 'APP_PAGE' };
const page = (html: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from(`rsc:${html}`), status: 200, headers: {}, postponed: undefined, segmentData: new Map([['/_tree', Buffer.from('t')]]) });
/** Two instances: separate handler objects and, after reset, separate local memory. */
const instanceA = () => new PageCacheHandler({});
const commitAWrite = () => testDb.query("UPDATE plant SET notes = notes WHERE id = (SELECT min(id) FROM plant)");

describe('page cache', () => {
  beforeEach(async () => {
    await resetPageCache();
    await testDb.query('DELETE FROM page_cache');
  });

  it('misses, stores the render, then serves it with its bytes intact and a no-cache header', async () => {
    const cache = instanceA();
    expect(await cache.get('/k', APP_PAGE)).toBeNull();
    await cache.set('/k', page('<p>one</p>'), { cacheControl: { revalidate: false } });
    const hit = (await cache.get('/k', APP_PAGE)) as { value: { html: Buffer; rscData: Buffer; segmentData: Map<string, Buffer>; headers: object } };
    // Stored as bytes, which Next.js sends without encoding the string again on every request.
    expect(Buffer.isBuffer(hit.value.html)).toBe(true);
    expect(hit.value.html.toString('utf8')).toBe('<p>one</p>');
    await cache.get('/u', APP_PAGE);
    await cache.set('/u', page('<p>Škoda — Łódź 🔋 \u{10FFFF}</p>'));
    expect(String(((await cache.get('/u', APP_PAGE)) as { value: { html: Buffer } }).value.html)).toBe('<p>Škoda — Łódź 🔋 \u{10FFFF}</p>');
    expect(Buffer.from(hit.value.rscData).toString()).toBe('rsc:<p>one</p>');
    expect(hit.value.segmentData.get('/_tree')?.toString()).toBe('t');
    expect(hit.value.headers).toMatchObject({ 'cache-control': 'no-cache' });
    // Another instance (no local copy) reads the same entry from the database.
    await resetPageCache();
    expect(String(((await instanceA().get('/k', APP_PAGE)) as { value: { html: Buffer } }).value.html)).toBe('<p>one</p>');
  });

  it('stops serving an entry as soon as a write to public data commits, on every instance', async () => {
    const cache = instanceA();
    await cache.get('/k', APP_PAGE);
    await cache.set('/k', page('<p>before</p>'));
    expect(await cache.get('/k', APP_PAGE)).not.toBeNull();
    await commitAWrite();
    expect(await cache.get('/k', APP_PAGE)).toBeNull();
    await resetPageCache();
    expect(await instanceA().get('/k', APP_PAGE)).toBeNull();
  });

  it('a rolled-back write changes nothing', async () => {
    const cache = instanceA();
    await cache.get('/k', APP_PAGE);
    await cache.set('/k', page('<p>kept</p>'));
    await testDb.query("BEGIN; UPDATE plant SET notes = 'draft' WHERE id = (SELECT min(id) FROM plant); ROLLBACK");
    expect(await cache.get('/k', APP_PAGE)).not.toBeNull();
  });

  it('labels a render with the version it started from, so a write during the render is never hidden', async () => {
    const cache = instanceA();
    expect(await cache.get('/k', APP_PAGE)).toBeNull(); // the render starts here, on version v
    await commitAWrite(); // v + 1 commits while it renders
    await cache.set('/k', page('<p>maybe stale</p>'));
    expect(await cache.get('/k', APP_PAGE)).toBeNull();
    await resetPageCache();
    expect(await instanceA().get('/k', APP_PAGE)).toBeNull();
  });

  it('keeps each build’s pages apart: a deployment renders every page again', async () => {
    const dist = (id: string) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'vt-build-'));
      mkdirSync(path.join(dir, 'server'));
      writeFileSync(path.join(dir, 'BUILD_ID'), id);
      return path.join(dir, 'server');
    };
    const [oldBuild, newBuild] = [dist('build-1'), dist('build-2')];
    const before = new PageCacheHandler({ serverDistDir: oldBuild });
    await before.get('/k', APP_PAGE);
    await before.set('/k', page('<script src="/_next/static/build-1.js"></script>'));
    await resetPageCache();
    expect(await new PageCacheHandler({ serverDistDir: newBuild }).get('/k', APP_PAGE)).toBeNull();
    expect(await new PageCacheHandler({ serverDistDir: oldBuild }).get('/k', APP_PAGE)).not.toBeNull();
  });

  describe('across midnight (UTC)', () => {
    afterEach(() => vi.useRealTimers());
    const at = (iso: string) => vi.useFakeTimers({ now: new Date(iso), toFake: ['Date'] });

    it('serves a page only on the day it was rendered, on every instance', async () => {
      at('2026-11-28T23:59:00Z');
      const cache = instanceA();
      await cache.get('/k', APP_PAGE);
      await cache.set('/k', page('<p>saturday</p>'));
      expect(await cache.get('/k', APP_PAGE)).not.toBeNull();
      at('2026-11-29T00:00:01Z');
      expect(await cache.get('/k', APP_PAGE)).toBeNull();
      await resetPageCache();
      expect(await instanceA().get('/k', APP_PAGE)).toBeNull();
    });

    it('labels a render that crossed midnight with the day it started on', async () => {
      at('2026-11-28T23:59:59Z');
      const cache = instanceA();
      expect(await cache.get('/k', APP_PAGE)).toBeNull(); // the render starts on the 28th
      at('2026-11-29T00:00:02Z');
      await cache.set('/k', page('<p>maybe yesterday</p>'));
      expect(await cache.get('/k', APP_PAGE)).toBeNull();
      await cache.set('/k', page('<p>today</p>'));
      expect(String(((await cache.get('/k', APP_PAGE)) as { value: { html: Buffer } }).value.html)).toBe('<p>today</p>');
    });
  });

  it('does not store renders it did not see start, nor anything but pages', async () => {
    const cache = instanceA();
    await cache.set('/never-asked', page('<p>x</p>'));
    await cache.get('/route', { kind: 'APP_ROUTE' });
    await cache.set('/route', { kind: 'APP_ROUTE', html: '', body: Buffer.from('x') });
    expect(await testDb.query('SELECT key FROM page_cache')).toEqual([]);
  });

  it('falls back to rendering when the database cannot be asked', async () => {
    const cache = instanceA();
    await cache.get('/k', APP_PAGE);
    await cache.set('/k', page('<p>x</p>'));
    await testDb.query('ALTER TABLE page_cache RENAME TO page_cache_away');
    try {
      expect(await cache.get('/k', APP_PAGE)).toBeNull();
      await expect(cache.set('/k', page('<p>y</p>'))).resolves.toBeUndefined();
    } finally {
      await testDb.query('ALTER TABLE page_cache_away RENAME TO page_cache');
    }
  });
});
