import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { call, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

interface Entry { id: string; title: string; updated: string; published: string; category: { '@_term': string }; link: { '@_rel': string; '@_href': string }[] | { '@_rel': string; '@_href': string }; summary: { '#text': string } }

async function feed(path: '/feed.xml' | '/changes.atom', query = '') {
  const r = await call(path, query);
  expect(r.status, await r.clone().text()).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  const xml = await r.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml) as { feed: Record<string, unknown> & { entry?: Entry[] } };
  return { xml, feed: doc.feed, entries: doc.feed.entry ?? [] };
}

const links = (e: Entry) => (Array.isArray(e.link) ? e.link : [e.link]);

describe('the Atom feed', () => {
  it('is valid Atom: feed id, title, updated, author, self link; entries with id, title, updated and links', async () => {
    const { feed: f, entries } = await feed('/feed.xml');
    expect(f['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) expect(f[key], key).toBeDefined();
    expect(entries.length).toBe(50);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.title.length).toBeGreaterThan(5);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const alternate = links(e).find((l) => l['@_rel'] === 'alternate');
      expect(alternate?.['@_href'], e.title).toMatch(/^http:\/\/voltrack\.test\/(plants\/|offtakes\?)/);
    }
    // Entries cite their source.
    expect(entries.filter((e) => links(e).some((l) => l['@_rel'] === 'related')).length).toBeGreaterThan(40);
    const same = await feed('/changes.atom');
    expect(same.entries.map((e) => e.id)).toEqual(ids);
  });

  it('covers the five kinds and follows a region or a company', async () => {
    const { entries } = await feed('/feed.xml', 'limit=200');
    expect(new Set(entries.map((e) => e.category['@_term']))).toEqual(new Set(['new_plant', 'status', 'capacity', 'ownership', 'contract']));
    const hdf = await feed('/feed.xml', 'region=hauts-de-france&limit=200');
    expect(hdf.feed.title).toBe('Voltrack: changes — Hauts-de-France');
    const hdfSlugs = new Set((await t.query<{ slug: string }>(`SELECT p.slug FROM plant p JOIN region r ON r.id = p.region_id
      WHERE starts_with(r.path, (SELECT path FROM region WHERE slug = 'hauts-de-france'))`)).map((r) => r.slug));
    expect(hdf.entries.length).toBeGreaterThan(5);
    for (const e of hdf.entries) {
      const href = links(e).find((l) => l['@_rel'] === 'alternate')!['@_href'];
      expect(hdfSlugs.has(href.replace('http://voltrack.test/plants/', '')), href).toBe(true);
    }
    const [busiest] = await t.query<{ slug: string; n: number }>(`SELECT co.slug, COUNT(*)::int AS n FROM capacity_announcement a
      JOIN plant p ON p.id = a.plant_id JOIN company co ON co.id = p.operator_id GROUP BY co.slug ORDER BY n DESC, co.slug LIMIT 1`);
    const company = await feed('/feed.xml', `company=${busiest!.slug}&kind=capacity&limit=200`);
    expect(company.entries.length).toBeGreaterThanOrEqual(busiest!.n);
    for (const e of company.entries) expect(e.category['@_term']).toBe('capacity');
    const bad = await call('/feed.xml', 'region=atlantis');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'region', message: 'no region has the slug “atlantis”' }]);
  });

  it('escapes hostile text so the XML stays well-formed and inert', async () => {
    const hostile = `Evil <script>alert("x")</script> & 'quotes' \u0001\u0008 ]]> ${'\ud83d'}`;
    await t.query(`UPDATE plant SET name = $1 WHERE slug = (
      SELECT p.slug FROM capacity_announcement a JOIN plant p ON p.id = a.plant_id
      WHERE a.deleted_at IS NULL AND a.known_on <= CURRENT_DATE ORDER BY a.known_on DESC, a.id DESC LIMIT 1)`, [hostile]);
    const { xml, entries } = await feed('/feed.xml', 'kind=capacity&limit=5');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos; \ufffd\ufffd ]]&gt;');
    // A reader decodes it back to the text as entered (control characters, which XML forbids, replaced).
    expect(entries[0]!.title).toContain(`Evil <script>alert("x")</script> & 'quotes' \ufffd\ufffd ]]>`);
  });
});
