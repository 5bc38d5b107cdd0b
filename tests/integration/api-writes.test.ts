// Writes through API keys: keys are created and revoked by the admin data layer (as a signed-in
// editor), stored hashed, and a write goes through the admin form's schema and insert, with the
// key's user in the audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@/lib/api/api-key-format';
import { createApiKey } from '@/lib/db/api/create-api-key';
import { listApiKeys } from '@/lib/db/api/list-api-keys';
import { revokeApiKey } from '@/lib/db/api/revoke-api-key';
import { as, createTestUser, signIn, type TestUser } from '../support/auth';
import { call, json, openApiValidator, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);

let editor: TestUser;
let editorHeaders: Headers;
let validate: ReturnType<typeof openApiValidator>;

beforeAll(async () => {
  editor = await createTestUser('editor', 'Eda Editor');
  editorHeaders = await signIn(editor);
  validate = openApiValidator(await (await call('/openapi.json')).json());
});

const post = (slug: string, body: unknown, key: string | null) => call('/plants/{slug}/announcements', '', {
  method: 'POST', params: { slug }, body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
});

const announcement = {
  targetYear: 2032, gwhPerYear: 24, announcedOn: '2026-03-01', confidence: 'medium',
  source: { url: 'https://example.org/news/ett-2032', publisher: 'Example News', title: 'Ett plans 24 GWh by 2032', publishedOn: '2026-03-01' },
};

describe('API keys', () => {
  it('are shown once, stored only as a SHA-256 and a prefix, and listed for their owner', async () => {
    const created = await as(editorHeaders, () => createApiKey({ name: 'importer', write: 'on' }));
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);
    const [row] = await t.query<{ hash: string; prefix: string; scopes: string; user_id: string }>(
      `SELECT hash, prefix, scopes::text, user_id FROM api_key WHERE id = $1`, [created.id]);
    expect(row).toEqual({ hash: hashApiKey(created.key), prefix: created.prefix, scopes: '{read,write}', user_id: editor.id });
    const everything = JSON.stringify(await t.query(`SELECT * FROM api_key`));
    expect(everything).not.toContain(created.key.slice(13));
    const listed = await as(editorHeaders, () => listApiKeys());
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ name: 'importer', mine: true, scopes: ['read', 'write'], revokedAt: null });
  });

  it('can be created by editors only; another editor’s key is not theirs to revoke', async () => {
    const viewer = await signIn(await createTestUser('viewer'));
    await expect(as(viewer, () => createApiKey({ name: 'x', write: false }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(as(null, () => createApiKey({ name: 'x', write: false }))).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(as(editorHeaders, () => createApiKey({ name: '', write: false }))).rejects.toMatchObject({ code: 'invalid' });
    const mine = await as(editorHeaders, () => createApiKey({ name: 'mine', write: false }));
    const other = await signIn(await createTestUser('editor'));
    await expect(as(other, () => revokeApiKey({ id: mine.id }))).rejects.toMatchObject({ code: 'not_found' });
    expect((await as(other, () => listApiKeys())).some((k) => k.id === mine.id)).toBe(false);
    const admin = await signIn(await createTestUser('admin', 'Ada Admin'));
    expect((await as(admin, () => listApiKeys())).some((k) => k.id === mine.id)).toBe(true);
  });
});

describe('POST /plants/{slug}/announcements', () => {
  it('adds the figure through the admin schema, with audit rows naming the editor and the key', async () => {
    const { key, prefix } = await as(editorHeaders, () => createApiKey({ name: 'writer', write: true }));
    const r = await post('northvolt-ett', announcement, key);
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    validate({ $ref: '#/components/schemas/CreatedAnnouncement' }, body);
    const [row] = await t.query<{ ref: string; gwh: string; target_year: number; url: string }>(`
      SELECT a.ref, a.gwh_per_year::text AS gwh, a.target_year, s.url FROM capacity_announcement a
      JOIN plant p ON p.id = a.plant_id JOIN source s ON s.id = a.source_id WHERE a.id = $1 AND p.slug = 'northvolt-ett'`, [body.data.id]);
    expect(row).toEqual({ ref: body.data.ref, gwh: '24.000', target_year: 2032, url: announcement.source.url });
    const audit = await t.query<{ entity_type: string; action: string; actor_id: string; actor_label: string }>(
      `SELECT entity_type, action::text, actor_id, actor_label FROM audit_log WHERE actor_id = $1 ORDER BY id`, [editor.id]);
    expect(audit.map((a) => a.entity_type)).toEqual(['source', 'capacity_announcement']);
    expect(audit[1]!.actor_label).toBe(`Eda Editor <${editor.email}> via API key ${prefix}`);
    // The plant's public data shows it.
    const plant = await json(await call('/plants/{slug}', '', { params: { slug: 'northvolt-ett' } }));
    expect((plant.body.data as { announcements: { targetYear: number; gwhPerYear: number }[] }).announcements)
      .toContainEqual(expect.objectContaining({ targetYear: 2032, gwhPerYear: 24 }));
    // Citing an existing source by id links it instead of creating another.
    const again = await post('northvolt-ett', { ...announcement, gwhPerYear: 20, source: { id: (await t.query<{ id: number }>(`SELECT id FROM source WHERE url = $1`, [announcement.source.url]))[0]!.id } }, key);
    expect(again.status).toBe(201);
  });

  it('applies the admin form’s rules and names the field in API terms', async () => {
    const { key } = await as(editorHeaders, () => createApiKey({ name: 'writer 2', write: true }));
    const cases: [unknown, string][] = [
      [{ ...announcement, targetYear: null }, 'targetYear'], // milestone needs a year (admin schema)
      [{ ...announcement, scope: 'long_term' }, 'targetYear'], // long-term has none
      [{ ...announcement, announcedOn: '1999-05-01' }, 'announcedOn'], // admin date range
      [{ ...announcement, source: { id: 999_999 } }, 'source.id'], // resolveSource
      [{ ...announcement, source: { ...announcement.source, url: 'ftp://example.org' } }, 'source.url'],
      [{ ...announcement, gwhPerYear: -3 }, 'gwhPerYear'],
      [{ ...announcement, confidence: 'certain' }, 'confidence'],
      [{ ...announcement, plantId: 1 }, 'body'],
    ];
    for (const [body, path] of cases) {
      const r = await json(await post('northvolt-ett', body, key));
      expect(r.status, JSON.stringify(body)).toBe(400);
      validate({ $ref: '#/components/schemas/Error' }, r.body);
      expect((r.body.error as { issues: { path: string }[] }).issues.map((i) => i.path), JSON.stringify(r.body)).toContain(path);
    }
    expect((await post('no-such-plant', announcement, key)).status).toBe(404);
  });

  it('answers 409 when the source conflicts with a deleted one, and writes nothing', async () => {
    const { key } = await as(editorHeaders, () => createApiKey({ name: 'writer 3', write: true }));
    await t.query(`INSERT INTO source (url, publisher, title, deleted_at, updated_at) VALUES ('https://example.org/gone', 'Gone', 'Gone', now(), now())`);
    const before = await t.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM capacity_announcement`);
    const r = await json(await post('northvolt-ett', { ...announcement, source: { url: 'https://example.org/gone', publisher: 'Other', title: 'Other' } }, key));
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'conflict' });
    expect(await t.query(`SELECT COUNT(*)::int AS n FROM capacity_announcement`)).toEqual(before);
  });

  it('refuses read-only keys, viewers’ keys, revoked keys and disabled users', async () => {
    const readOnly = await as(editorHeaders, () => createApiKey({ name: 'reader', write: false }));
    expect((await json(await post('northvolt-ett', announcement, readOnly.key))).body.error).toMatchObject({ code: 'forbidden' });
    // A key keeps its owner's current role: an editor demoted to viewer can no longer write.
    const demoted = await createTestUser('editor');
    const demotedKey = await as(await signIn(demoted), () => createApiKey({ name: 'soon viewer', write: true }));
    await t.query(`UPDATE app_user SET role = 'viewer' WHERE id = $1`, [demoted.id]);
    const viewerWrite = await post('northvolt-ett', announcement, demotedKey.key);
    expect(viewerWrite.status).toBe(403);
    expect((await call('/summary', '', { headers: { authorization: `Bearer ${demotedKey.key}` } })).status).toBe(200);
    await t.query(`UPDATE app_user SET disabled = true WHERE id = $1`, [demoted.id]);
    expect((await call('/summary', '', { headers: { authorization: `Bearer ${demotedKey.key}` } })).status).toBe(401);
    const revoked = await as(editorHeaders, () => createApiKey({ name: 'to revoke', write: true }));
    expect((await post('northvolt-ett', { ...announcement, gwhPerYear: 1 }, revoked.key)).status).toBe(201);
    await as(editorHeaders, () => revokeApiKey({ id: revoked.id }));
    const after = await json(await post('northvolt-ett', announcement, revoked.key));
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ code: 'unauthorized', message: 'This API key is unknown or was revoked.' });
    const [row] = await t.query<{ revoked_by: string }>(`SELECT revoked_by FROM api_key WHERE id = $1`, [revoked.id]);
    expect(row!.revoked_by).toBe(`Eda Editor <${editor.email}>`);
  });

  it('records when a key was last used, and gives it its own rate-limit bucket', async () => {
    const { id, key } = await as(editorHeaders, () => createApiKey({ name: 'counter', write: false }));
    expect((await t.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [id]))[0]!.last_used_at).toBeNull();
    expect((await call('/regions', '', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await t.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [id]))[0]!.last_used_at).not.toBeNull();
    expect(await t.query(`SELECT count FROM api_rate_limit WHERE bucket = $1`, [`key:${id}`])).toEqual([{ count: 1 }]);
  });
});
