// Writes through API keys: keys are created and revoked by the admin data layer (as a signed-in
// editor), stored hashed, and a write goes through the admin form's schema and insert, with the
// key's user in the audit log.
import { beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@/lib/api/api-key-format';
import { createApiKey } from '@/lib/db/api/create-api-key';
import { listApiKeys } from '@/lib/db/api/list-api-keys';
import { revokeApiKey } from '@/lib/db/api/revoke-api-key';
import { as, createTestUser, signIn, type TestUser } from '../support/auth';
import { call, databaseFingerprint, json, openApiValidator, setRateLimit } from '../support/api';
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
    await t.query(`INSERT INTO source (url, publisher, title, published_on, deleted_at, updated_at) VALUES ('https://example.org/gone', 'Gone', 'Gone', '2026-01-05', now(), now())`);
    const before = await t.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM capacity_announcement`);
    const r = await json(await post('northvolt-ett', {
      ...announcement, source: { url: 'https://example.org/gone', publisher: 'Other', title: 'Other', publishedOn: '2026-01-05' },
    }, key));
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

describe('PATCH /plants/{slug}', () => {
  const patch = (slug: string, body: unknown, key: string | null, raw = false) => call('/plants/{slug}', '', {
    method: 'PATCH', params: { slug }, body: raw ? String(body) : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });
  type Row = { id: number; version: number; name: string; city: string; notes: string | null; lat: string | null; lon: string | null };
  const plantRow = async (slug = 'northvolt-ett') =>
    (await t.query<Row>(`SELECT id, version, name, city, notes, lat::text, lon::text FROM plant WHERE slug = $1`, [slug]))[0]!;
  const plantAudits = (id: number) => t.query<{ action: string; actor_id: string; actor_label: string; before: Record<string, unknown>; after: Record<string, unknown> }>(
    `SELECT action::text, actor_id, actor_label, before, after FROM audit_log WHERE entity_type = 'plant' AND entity_id = $1 ORDER BY id`, [String(id)]);
  const unchanged = () => databaseFingerprint((sql) => t.query(sql), ['api_rate_limit', 'api_key.last_used_at']);

  it('edits only the fields sent, through the admin update: new version, audit row naming the key', async () => {
    const { key, prefix } = await as(editorHeaders, () => createApiKey({ name: 'plant editor', write: true }));
    const before = await plantRow();
    const auditsBefore = (await plantAudits(before.id)).length;
    const r = await patch('northvolt-ett', { version: before.version, city: 'Skellefteå Nord', notes: 'Edited through the API.' }, key);
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    validate({ $ref: '#/components/schemas/UpdatedPlant' }, body);
    expect(body.data).toMatchObject({ slug: 'northvolt-ett', name: before.name, city: 'Skellefteå Nord', notes: 'Edited through the API.', version: before.version + 1 });
    const after = await plantRow();
    expect(after).toEqual({ ...before, city: 'Skellefteå Nord', notes: 'Edited through the API.', version: before.version + 1 });
    const audits = await plantAudits(before.id);
    expect(audits).toHaveLength(auditsBefore + 1);
    const audit = audits.at(-1)!;
    expect(audit).toMatchObject({ action: 'update', actor_id: editor.id, actor_label: `Eda Editor <${editor.email}> via API key ${prefix}` });
    expect(audit.before).toMatchObject({ city: before.city, notes: before.notes, name: before.name });
    expect(audit.after).toMatchObject({ city: 'Skellefteå Nord', notes: 'Edited through the API.', name: before.name });
    // Reads still work, and show the edit.
    const plant = await json(await call('/plants/{slug}', '', { params: { slug: 'northvolt-ett' } }));
    expect(plant.status).toBe(200);
    expect(plant.body.data).toMatchObject({ city: 'Skellefteå Nord' });
  });

  it('answers 409 for a stale version, naming who changed it last and when, and writes nothing', async () => {
    const { key, prefix } = await as(editorHeaders, () => createApiKey({ name: 'plant editor 2', write: true }));
    const { version } = await plantRow();
    expect((await patch('northvolt-ett', { version, notes: 'First edit.' }, key)).status).toBe(200);
    const fingerprint = await unchanged();
    const r = await json(await patch('northvolt-ett', { version, city: 'Stale City' }, key));
    expect(r.status).toBe(409);
    validate({ $ref: '#/components/schemas/Error' }, r.body);
    const error = r.body.error as { code: string; message: string; details: { changedBy: string; changedAt: string; fields: { field: string }[] } };
    expect(error.code).toBe('conflict');
    expect(error.details.changedBy).toBe(`Eda Editor <${editor.email}> via API key ${prefix}`);
    expect(Number.isNaN(Date.parse(error.details.changedAt))).toBe(false);
    expect(error.message).toContain(error.details.changedBy);
    expect(error.details.fields.map((f) => f.field)).toContain('city');
    expect(await unchanged()).toEqual(fingerprint);
    expect((await plantRow()).version).toBe(version + 1);
  });

  it('lets exactly one of two concurrent edits with the same version through', async () => {
    const { key } = await as(editorHeaders, () => createApiKey({ name: 'plant editor 3', write: true }));
    const before = await plantRow();
    const auditsBefore = (await plantAudits(before.id)).length;
    const results = await Promise.all(['Racer A', 'Racer B'].map(async (city) => {
      const r = await json(await patch('northvolt-ett', { version: before.version, city }, key));
      return { city, status: r.status, body: r.body };
    }));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    expect((results.find((r) => r.status === 409)!.body.error as { code: string }).code).toBe('conflict');
    expect(await plantRow()).toMatchObject({ city: winner.city, version: before.version + 1 });
    expect(await plantAudits(before.id)).toHaveLength(auditsBefore + 1);
  });

  it('answers 400 naming the field, with the admin form’s rules, and writes nothing', async () => {
    const { key } = await as(editorHeaders, () => createApiKey({ name: 'plant editor 4', write: true }));
    const { version } = await plantRow();
    const fingerprint = await unchanged();
    const cases: [unknown, string][] = [
      [{ city: 'No version' }, 'version'],
      [{ version, name: '' }, 'name'],
      [{ version, name: null }, 'name'],
      [{ version, lat: 91 }, 'lat'],
      [{ version, lat: 50, lon: null }, 'lon'], // the form's both-or-neither rule
      [{ version, chemistryFamily: 'plutonium' }, 'chemistryFamily'],
      [{ version, startYear: 1999 }, 'startYear'],
      [{ version, slug: 'Not A Slug' }, 'slug'],
      [{ version, operatorId: 999_999 }, 'body'], // the operator changes only through dated operator facts
      [{ version, status: 'operational' }, 'body'], // not an editable field
      [[], 'body'],
    ];
    for (const [body, path] of cases) {
      const r = await json(await patch('northvolt-ett', body, key));
      expect(r.status, JSON.stringify(body)).toBe(400);
      validate({ $ref: '#/components/schemas/Error' }, r.body);
      expect((r.body.error as { issues: { path: string }[] }).issues.map((i) => i.path), JSON.stringify(r.body)).toContain(path);
    }
    expect((await patch('northvolt-ett', '{"version": ', key, true)).status).toBe(400);
    expect(await unchanged()).toEqual(fingerprint);
  });

  it('needs a key with the write scope, and a plant that exists', async () => {
    const readOnly = await as(editorHeaders, () => createApiKey({ name: 'plant reader', write: false }));
    const { key } = await as(editorHeaders, () => createApiKey({ name: 'plant editor 5', write: true }));
    const { version } = await plantRow();
    const fingerprint = await unchanged();
    const none = await json(await patch('northvolt-ett', { version, city: 'Anonymous' }, null));
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'unauthorized' });
    expect((await patch('northvolt-ett', { version, city: 'Forged' }, 'vtk_AAAAAAAA_' + 'a'.repeat(43))).status).toBe(401);
    const forbidden = await json(await patch('northvolt-ett', { version, city: 'Reader' }, readOnly.key));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'forbidden' });
    expect((await patch('no-such-plant', { version, city: 'Nowhere' }, key)).status).toBe(404);
    const put = await call('/plants/{slug}', '', { method: 'PUT', params: { slug: 'northvolt-ett' } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS, PATCH');
    expect(await unchanged()).toEqual(fingerprint);
  });
});
