// The admin data layer against a real database: audit rows written with each change (and only
// with it), restore, optimistic locking under concurrency, status events, never-overwritten
// capacity figures, and session revocation.
import { beforeAll, describe, expect, it } from 'vitest';
import { auth } from '@/lib/auth/auth';
import { getActor } from '@/lib/auth/session';
import { addStatusEvent } from '@/lib/db/admin/add-status-event';
import { correctCapacityAnnouncement } from '@/lib/db/admin/correct-capacity-announcement';
import { createCapacityAnnouncement } from '@/lib/db/admin/create-capacity-announcement';
import { createCompany } from '@/lib/db/admin/create-company';
import { createContract } from '@/lib/db/admin/create-contract';
import { createPlant } from '@/lib/db/admin/create-plant';
import { createRegion } from '@/lib/db/admin/create-region';
import { createSource } from '@/lib/db/admin/create-source';
import { deleteRecord } from '@/lib/db/admin/delete-record';
import { listAuditLog } from '@/lib/db/admin/list-audit-log';
import { listEntityHistory } from '@/lib/db/admin/list-entity-history';
import { restoreRecord } from '@/lib/db/admin/restore-record';
import { updateCompany } from '@/lib/db/admin/update-company';
import { updatePlant } from '@/lib/db/admin/update-plant';
import { updateUser } from '@/lib/db/admin/update-user';
import { AppError, isAppError } from '@/lib/errors';
import { adminFixtures } from '../support/admin-fixtures';
import { as, createTestUser, signIn, type TestUser } from '../support/auth';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
const f = adminFixtures(t);

let editor: TestUser;
let editorSession: Headers;
let otherEditorSession: Headers;
let admin: TestUser;
let adminSession: Headers;

beforeAll(async () => {
  editor = await createTestUser('editor', 'Erin Editor');
  editorSession = await signIn(editor);
  otherEditorSession = await signIn(await createTestUser('editor', 'Olga Other'));
  admin = await createTestUser('admin', 'Ada Admin');
  adminSession = await signIn(admin);
});

const auditFor = (type: string, id: number | string) =>
  t.query<{ action: string; actor_id: string | null; actor_label: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; at: Date }>(
    'SELECT action, actor_id, actor_label, before, after, at FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [type, String(id)]);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('audit rows', () => {
  it('record each create with actor, UTC time, entity and the new values', async () => {
    const started = Date.now();
    const company = await as(editorSession, async () => createCompany(await f.companyInput()));
    const [row] = await auditFor('company', company.id);
    expect(row).toMatchObject({ action: 'create', actor_id: editor.id, before: null });
    expect(row!.actor_label).toContain(editor.email);
    expect(row!.after).toMatchObject({ slug: company.slug, origin: 'european' });
    expect(row!.at.getTime()).toBeGreaterThanOrEqual(started - 5_000);
  });

  it('record an update as before → after of the changed row', async () => {
    const id = await f.ids.plant('FR-02');
    const input = await f.plantUpdate(id, { city: 'Somewhere Else', notes: 'moved' });
    await as(editorSession, () => updatePlant(id, input));
    const rows = await auditFor('plant', id);
    const last = rows.at(-1)!;
    expect(last.action).toBe('update');
    expect(last.after).toMatchObject({ city: 'Somewhere Else', notes: 'moved' });
    expect(last.before!.city).not.toBe('Somewhere Else');
    const [plant] = await t.query('SELECT version, city FROM plant WHERE id = $1', [id]);
    expect(plant).toEqual({ version: input.version + 1, city: 'Somewhere Else' });
  });

  it('write one row per created record for a new plant (plant, operator, status, figure, inline source)', async () => {
    const input = await f.plantInput({ source: {
      sourceId: 'new', newSourceUrl: `https://example.org/${f.next()}`, newSourcePublisher: 'Example', newSourceTitle: `New ${f.next()}`,
      newSourcePublishedOn: '2026-01-12', newSourceLanguage: 'fr', newSourceTier: 'major',
    } });
    const plant = await as(editorSession, () => createPlant(input));
    const rows = await t.query<{ entity_type: string }>(
      `SELECT entity_type FROM audit_log WHERE id > (SELECT max(id) - 5 FROM audit_log) ORDER BY id`);
    expect(rows.map((r) => r.entity_type)).toEqual(['source', 'plant', 'plant_operator', 'plant_status_event', 'capacity_announcement']);
    const [counts] = await t.query(
      `SELECT (SELECT count(*) FROM plant_status_event WHERE plant_id = $1)::int AS events,
              (SELECT count(*) FROM capacity_announcement WHERE plant_id = $1)::int AS figures,
              (SELECT count(*) FROM plant_operator WHERE plant_id = $1)::int AS operators,
              (SELECT count(*) FROM plant_source WHERE plant_id = $1)::int AS sources,
              (SELECT to_char(known_on, 'YYYY-MM-DD') FROM capacity_announcement WHERE plant_id = $1) AS known`, [plant.id]);
    // Known from the source's publication date, not from the day the figure was announced.
    expect(counts).toEqual({ events: 1, figures: 1, operators: 1, sources: 1, known: '2026-01-12' });
  });

  it('refuse a fact known before its source was published, or announced after it', async () => {
    const before = await f.auditCount();
    const source = { sourceId: 'new', newSourceUrl: `https://example.org/${f.next()}`, newSourcePublisher: 'Example', newSourceTitle: `Later ${f.next()}`, newSourcePublishedOn: '2026-03-01' };
    const early = await failure(as(editorSession, async () => createPlant(await f.plantInput({ source, knownOn: '2026-02-01' }))));
    expect(early.fieldErrors?.knownOn?.[0]).toMatch(/before its source was published \(2026-03-01\)/);
    const id = await f.ids.plant('FR-01');
    const late = await failure(as(editorSession, async () => createCapacityAnnouncement(await f.announcementInput(id, { announcedOn: '2026-04-01', knownOn: '2026-03-15' }))));
    expect(late.fieldErrors?.knownOn?.[0]).toMatch(/public before it was announced/);
    // Nothing is known in the future: neither a typed date after today nor a figure announced after today.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await failure(as(editorSession, async () => createCapacityAnnouncement(await f.announcementInput(id, { knownOn: tomorrow }))));
    expect(future.fieldErrors?.knownOn?.[0]).toMatch(/cannot be known after today/);
    const ahead = await failure(as(editorSession, async () => createCapacityAnnouncement(await f.announcementInput(id, { announcedOn: tomorrow }))));
    expect(Object.values(ahead.fieldErrors ?? {}).flat().join(' ')).toMatch(/after today/);
    expect(await f.auditCount()).toBe(before);
  });

  it('are written in the same transaction: a refused write leaves no audit row and no half record', async () => {
    const before = await f.auditCount();
    const [plants] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM plant');
    // The inline source is created first, then the plant insert fails (duplicate ref): all rolls back.
    const input = await f.plantInput({ ref: 'FR-01', source: { sourceId: 'new', newSourceUrl: `https://example.org/${f.next()}`, newSourcePublisher: 'Rollback', newSourceTitle: `Gone ${f.next()}`, newSourcePublishedOn: '2026-02-01' } });
    const error = await failure(as(editorSession, () => createPlant(input)));
    expect(error.code).toBe('conflict');
    expect(await f.auditCount()).toBe(before);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM plant'))[0]).toEqual(plants);
    expect(await t.query(`SELECT id FROM source WHERE publisher = 'Rollback'`)).toEqual([]);
  });

  it('stay append-only for the application', async () => {
    await expect(t.query(`UPDATE audit_log SET actor_label = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(t.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('are shown as readable diffs with referenced records by name', async () => {
    const id = await f.ids.plant('FR-02');
    const [other] = await t.query<{ id: number; name: string }>('SELECT id, name FROM region WHERE level = \'nuts2\' ORDER BY id DESC LIMIT 1');
    await as(editorSession, async () => updatePlant(id, await f.plantUpdate(id, { regionId: other!.id })));
    const { entries } = await as(editorSession, () => listAuditLog({ entity: 'plant', id: String(id), page: 1 }));
    const change = entries[0]!.changes.find((c) => c.field === 'regionId');
    expect(change?.afterLabel).toBe(other!.name);
    const history = await listEntityHistory({ type: 'plant', id });
    expect(history[0]!.actor).toBe('Erin Editor');
    expect(JSON.stringify(history)).not.toContain(editor.email);
  });
});

describe('optimistic locking', () => {
  it('lets exactly one of two concurrent edits of a plant win; the other learns who changed it, when, and both values', async () => {
    const id = await f.ids.plant('DE-01');
    const base = await f.plantUpdate(id);
    const results = await Promise.allSettled([
      as(editorSession, () => updatePlant(id, { ...base, city: 'City A' })),
      as(otherEditorSession, () => updatePlant(id, { ...base, city: 'City B' })),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as AppError;
    expect(error.code).toBe('conflict');
    const [saved] = await t.query<{ city: string; version: number }>('SELECT city, version FROM plant WHERE id = $1', [id]);
    expect(saved!.version).toBe(base.version + 1);
    const [last] = (await auditFor('plant', id)).slice(-1);
    expect(error.message).toContain(last!.actor_label);
    expect(error.message).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    const details = error.details as { changedBy: string; fields: { field: string; yours: unknown; theirs: unknown }[] };
    expect(details.changedBy).toBe(last!.actor_label);
    const city = details.fields.find((x) => x.field === 'city')!;
    expect([city.yours, city.theirs].sort()).toEqual(['City A', 'City B']);
    expect(city.theirs).toBe(saved!.city);
    // Exactly one audit row for the winning edit.
    expect((await auditFor('plant', id)).filter((r) => r.action === 'update')).toHaveLength(1);
  });

  it('refuses a stale form submitted later and keeps the newer values', async () => {
    const company = await as(editorSession, async () => createCompany(await f.companyInput()));
    const [c] = await t.query('SELECT * FROM company WHERE id = $1', [company.id]);
    const form = { name: c!.name, slug: c!.slug, origin: 'european', status: 'active', version: c!.version };
    await as(otherEditorSession, () => updateCompany(company.id, { ...form, notes: 'first' }));
    const error = await failure(as(editorSession, () => updateCompany(company.id, { ...form, notes: 'second' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Olga Other');
    expect((await t.query('SELECT notes FROM company WHERE id = $1', [company.id]))[0]).toEqual({ notes: 'first' });
  });
});

describe('soft delete and restore', () => {
  it('deletes and restores a plant in one click each, both audited, and the public totals follow', async () => {
    const plant = await as(editorSession, async () => createPlant(await f.plantInput()));
    const live = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM plant WHERE deleted_at IS NULL'))[0]!.n;
    const before = await live();
    await as(editorSession, async () => deleteRecord({ entity: 'plant', id: plant.id, version: await f.version('plant', plant.id) }));
    expect(await live()).toBe(before - 1);
    const { entries } = await as(editorSession, () => listAuditLog({ entity: 'plant', id: String(plant.id), page: 1 }));
    expect(entries[0]).toMatchObject({ action: 'delete', restorable: true });
    await as(editorSession, () => restoreRecord({ entity: 'plant', id: plant.id }));
    expect(await live()).toBe(before);
    const actions = (await auditFor('plant', plant.id)).map((r) => r.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
    const after = await as(editorSession, () => listAuditLog({ entity: 'plant', id: String(plant.id), page: 1 }));
    expect(after.entries.find((e) => e.action === 'delete')?.restorable).toBe(false);
  });

  it('refuses to delete a company that still operates plants', async () => {
    const [operator] = await t.query<{ operator_id: number }>(`SELECT operator_id FROM plant WHERE ref = 'FR-01'`);
    const error = await failure(as(editorSession, async () => deleteRecord({ entity: 'company', id: operator!.operator_id, version: await f.version('company', operator!.operator_id) })));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/operates or operated \d+ plant/);
  });

  it('refuses restoring a record that is not deleted', async () => {
    const { id } = await as(editorSession, () => createSource(f.sourceInput()));
    expect((await failure(as(editorSession, () => restoreRecord({ entity: 'source', id })))).code).toBe('conflict');
  });
});

describe('status changes and capacity figures', () => {
  it('adds a status change as a new event and keeps plant.status equal to the latest one', async () => {
    const plant = await as(editorSession, async () => createPlant(await f.plantInput({ status: 'announced', statusSince: '2025-01-01' })));
    const source = { sourceId: String(await f.ids.source()) };
    const later = await as(editorSession, () => addStatusEvent({ plantId: plant.id, status: 'under_construction', effectiveOn: '2026-03-01', datePrecision: 'day', source }));
    await as(editorSession, () => addStatusEvent({ plantId: plant.id, status: 'paused', effectiveOn: '2025-06-01', datePrecision: 'month', source }));
    const status = async () => (await t.query<{ status: string }>('SELECT status FROM plant WHERE id = $1', [plant.id]))[0]!.status;
    expect(await status()).toBe('under_construction');
    await as(editorSession, () => deleteRecord({ entity: 'plant_status_event', id: later.id, version: null }));
    expect(await status()).toBe('paused');
    await as(editorSession, () => restoreRecord({ entity: 'plant_status_event', id: later.id }));
    expect(await status()).toBe('under_construction');
    expect(await t.query('SELECT ref FROM plant_status_event WHERE plant_id = $1 ORDER BY id', [plant.id]))
      .toEqual([{ ref: `${plant.ref}/S1` }, { ref: `${plant.ref}/S2` }, { ref: `${plant.ref}/S3` }]);
  });

  it('adds a new figure as a new row and corrects by soft-deleting the old one, never updating gwh', async () => {
    const plantId = await f.ids.plant('FR-01');
    const first = await as(editorSession, async () => createCapacityAnnouncement(await f.announcementInput(plantId, { gwhPerYear: '9' })));
    const corrected = await as(editorSession, async () => correctCapacityAnnouncement(first.id, await f.announcementInput(plantId, { gwhPerYear: '10' })));
    const rows = await t.query<{ id: number; gwh: string; deleted: boolean }>(
      'SELECT id, gwh_per_year::text AS gwh, deleted_at IS NOT NULL AS deleted FROM capacity_announcement WHERE id = ANY($1) ORDER BY id', [[first.id, corrected.id]]);
    expect(rows).toEqual([{ id: first.id, gwh: '9.000', deleted: true }, { id: corrected.id, gwh: '10.000', deleted: false }]);
    expect((await failure(as(editorSession, async () => correctCapacityAnnouncement(first.id, await f.announcementInput(plantId))))).code).toBe('conflict');
  });

  it('rejects invalid input with field errors and writes nothing', async () => {
    const before = await f.auditCount();
    const error = await failure(as(editorSession, async () => createCapacityAnnouncement(await f.announcementInput(await f.ids.plant(), { gwhPerYear: '-3', targetYear: '' }))));
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['gwhPerYear', 'targetYear']);
    expect(await f.auditCount()).toBe(before);
  });

  it('creates a contract with its source and a sub-national region under a country', async () => {
    const contract = await as(editorSession, async () => createContract(await f.contractInput()));
    expect(contract.ref).toMatch(/^OT-\d+$/);
    expect(await t.query('SELECT count(*)::int AS n FROM contract_source WHERE contract_id = $1', [contract.id])).toEqual([{ n: 1 }]);
    const region = await as(editorSession, async () => createRegion({ name: 'Test Land', level: 'nuts1', code: 'FRZ', parentId: await f.ids.region('france') }));
    expect(await t.query('SELECT path FROM region WHERE id = $1', [region.id])).toEqual([{ path: '/western-europe/france/test-land/' }]);
  });
});

describe('users', () => {
  it('disabling a user or changing their role revokes their sessions at once', async () => {
    const target = await createTestUser('editor');
    const session = await signIn(target);
    expect(await as(session, getActor)).toMatchObject({ role: 'editor' });
    await as(adminSession, async () => updateUser(target.id, { role: 'viewer', disabled: false, version: await f.version('app_user', target.id) }));
    expect(await as(session, getActor)).toBeNull();
    const again = await signIn(target);
    expect(await as(again, getActor)).toMatchObject({ role: 'viewer' });
    await as(adminSession, async () => updateUser(target.id, { role: 'viewer', disabled: true, version: await f.version('app_user', target.id) }));
    expect(await as(again, getActor)).toBeNull();
    expect(await t.query('SELECT count(*)::int AS n FROM auth_session WHERE user_id = $1', [target.id])).toEqual([{ n: 0 }]);
    // A disabled user cannot sign in again.
    await expect(auth().api.signInEmail({ body: { email: target.email, password: target.password } })).rejects.toThrow(/disabled/);
  });

  it('refuses to demote the last enabled admin', async () => {
    const admins = await t.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'admin' AND NOT disabled`);
    expect(admins).toHaveLength(1);
    const error = await failure(as(adminSession, async () => updateUser(admin.id, { role: 'editor', disabled: false, version: await f.version('app_user', admin.id) })));
    expect(error.code).toBe('conflict');
  });
});
