// Role × action × expected result for every admin data-layer function (what each server action
// and admin page calls). Each call runs with a real better-auth session cookie; refused calls must
// write nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { addContractEvent } from '@/lib/db/admin/add-contract-event';
import { addStatusEvent } from '@/lib/db/admin/add-status-event';
import { recordCompanyLink } from '@/lib/db/admin/record-company-link';
import { recordOperatorChange, recordPartnerFact } from '@/lib/db/admin/record-ownership';
import { commitImport } from '@/lib/db/admin/commit-import';
import { correctCapacityAnnouncement } from '@/lib/db/admin/correct-capacity-announcement';
import { createCapacityAnnouncement } from '@/lib/db/admin/create-capacity-announcement';
import { createCompany } from '@/lib/db/admin/create-company';
import { createContract } from '@/lib/db/admin/create-contract';
import { createPlant } from '@/lib/db/admin/create-plant';
import { createRegion } from '@/lib/db/admin/create-region';
import { createSource } from '@/lib/db/admin/create-source';
import { createUser } from '@/lib/db/admin/create-user';
import { deleteRecord } from '@/lib/db/admin/delete-record';
import { listAuditLog } from '@/lib/db/admin/list-audit-log';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { listUsers } from '@/lib/db/admin/list-users';
import { previewImport } from '@/lib/db/admin/preview-import';
import { getCompanyForEdit, listAdminCompanies } from '@/lib/db/admin/read-companies';
import { getContractForEdit, listAdminContracts } from '@/lib/db/admin/read-contracts';
import { getPlantForEdit, listAdminPlants } from '@/lib/db/admin/read-plants';
import { getRegionForEdit, listAdminRegions } from '@/lib/db/admin/read-regions';
import { getSourceForEdit, listAdminSources } from '@/lib/db/admin/read-sources';
import { resetUserPassword } from '@/lib/db/admin/reset-user-password';
import { restoreRecord } from '@/lib/db/admin/restore-record';
import { updateCompany } from '@/lib/db/admin/update-company';
import { updateContract } from '@/lib/db/admin/update-contract';
import { updatePlant } from '@/lib/db/admin/update-plant';
import { updateRegion } from '@/lib/db/admin/update-region';
import { updateSource } from '@/lib/db/admin/update-source';
import { updateUser } from '@/lib/db/admin/update-user';
import { isAppError } from '@/lib/errors';
import { adminFixtures } from '../support/admin-fixtures';
import { as, createTestUser, signIn } from '../support/auth';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
const f = adminFixtures(t);

type Who = 'anonymous' | Role;
type Need = 'viewer' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'editor', 'admin'];
const RANK: Record<Who, number> = { anonymous: 0, viewer: 1, editor: 2, admin: 3 };
const expected = (who: Who, need: Need) => (who === 'anonymous' ? 'unauthorized' : RANK[who] >= RANK[need] ? 'ok' : 'forbidden');

const csv = (rows: string[]) => new TextEncoder().encode(['ref,plant_ref,target_year,gwh_per_year,announced_on,confidence', ...rows].join('\n'));

/** Each action prepares its own fresh target, so every allowed role can succeed. */
interface Action { name: string; need: Need; writes: boolean; run: (prepared: never) => Promise<unknown>; prepare?: () => Promise<unknown> }
const ACTIONS: Action[] = [
  // reads (admin pages)
  { name: 'listAdminPlants', need: 'viewer', writes: false, run: () => listAdminPlants({ q: '', deleted: false }) },
  { name: 'getPlantForEdit', need: 'viewer', writes: false, run: async () => getPlantForEdit(await f.ids.plant()) },
  { name: 'listAdminCompanies', need: 'viewer', writes: false, run: () => listAdminCompanies({ q: '', deleted: false }) },
  { name: 'listAdminContracts', need: 'viewer', writes: false, run: () => listAdminContracts({ q: '', deleted: false }) },
  { name: 'getContractForEdit', need: 'viewer', writes: false, run: async () => getContractForEdit((await t.query<{ id: number }>('SELECT id FROM contract LIMIT 1'))[0]!.id) },
  { name: 'getCompanyForEdit', need: 'viewer', writes: false, run: async () => getCompanyForEdit(await f.ids.company()) },
  { name: 'listAdminSources', need: 'viewer', writes: false, run: () => listAdminSources({ q: '', deleted: false }) },
  { name: 'getSourceForEdit', need: 'viewer', writes: false, run: async () => getSourceForEdit(await f.ids.source()) },
  { name: 'listAdminRegions', need: 'viewer', writes: false, run: () => listAdminRegions({ deleted: false }) },
  { name: 'getRegionForEdit', need: 'viewer', writes: false, run: async () => getRegionForEdit(await f.ids.region()) },
  { name: 'listPickerOptions', need: 'viewer', writes: false, run: () => listPickerOptions() },
  { name: 'listAuditLog', need: 'viewer', writes: false, run: () => listAuditLog({ page: 1, entity: undefined, id: undefined }) },
  // data mutations
  { name: 'createPlant', need: 'editor', writes: true, run: async () => createPlant(await f.plantInput()) },
  { name: 'updatePlant', need: 'editor', writes: true, run: async () => { const id = await f.ids.plant('FR-02'); return updatePlant(id, await f.plantUpdate(id, { notes: `note ${f.next()}` })); } },
  { name: 'addStatusEvent', need: 'editor', writes: true, run: async () => addStatusEvent({ plantId: await f.ids.plant('DE-01'), status: 'operational', effectiveOn: '2026-06-01', datePrecision: 'day', source: { sourceId: String(await f.ids.source()) } }) },
  { name: 'createCapacityAnnouncement', need: 'editor', writes: true, run: async () => createCapacityAnnouncement(await f.announcementInput(await f.ids.plant())) },
  { name: 'correctCapacityAnnouncement', need: 'editor', writes: true, run: async () => { const plantId = await f.ids.plant(); return correctCapacityAnnouncement(await f.rawAnnouncement(plantId), await f.announcementInput(plantId)); } },
  { name: 'createCompany', need: 'editor', writes: true, run: async () => createCompany(await f.companyInput()) },
  { name: 'updateCompany', need: 'editor', writes: true, run: async () => { const id = await f.ids.company(3); const [c] = await t.query('SELECT * FROM company WHERE id = $1', [id]); return updateCompany(id, { name: c!.name, slug: c!.slug, origin: c!.origin, status: c!.status, notes: `n ${f.next()}`, version: c!.version }); } },
  { name: 'createContract', need: 'editor', writes: true, run: async () => createContract(await f.contractInput()) },
  { name: 'updateContract', need: 'editor', writes: true, run: async () => { const { id } = await createContractRow(); const { source, ...rest } = await f.contractInput(); void source; return updateContract(id, { ...rest, notes: 'edited', version: await f.version('contract', id) }); } },
  { name: 'recordOperatorChange', need: 'editor', writes: true, run: async () => recordOperatorChange({ plantId: await f.ids.plant('DE-02'), companyId: String(await f.ids.company(2)), effectiveOn: '2026-02-01', datePrecision: 'day', source: { sourceId: String(await f.ids.source()) } }) },
  { name: 'recordPartnerFact', need: 'editor', writes: true, run: async () => recordPartnerFact({ plantId: await f.ids.plant('DE-02'), companyId: String(await f.ids.company(4)), role: 'investor', stakePct: '5', effectiveOn: '2026-02-01', datePrecision: 'day', source: { sourceId: String(await f.ids.source()) } }) },
  { name: 'recordCompanyLink', need: 'editor', writes: true, run: async () => { const [a, b] = await t.query<{ id: number }>(`INSERT INTO company (slug, name, origin, updated_at) VALUES ($1, $1, 'other', now()), ($2, $2, 'other', now()) RETURNING id`, [`mx-${f.next()}`, `mx-${f.next()}`]); return recordCompanyLink({ companyId: String(a!.id), parentId: String(b!.id), stakePct: '100', effectiveOn: '2026-01-01', datePrecision: 'day', source: { sourceId: String(await f.ids.source()) } }); } },
  { name: 'addContractEvent', need: 'editor', writes: true, run: async () => { const { id } = await createContractRow(); return addContractEvent({ contractId: id, status: 'cancelled', effectiveOn: '2026-02-01', datePrecision: 'day', source: { sourceId: String(await f.ids.source()) } }); } },
  { name: 'createSource', need: 'editor', writes: true, run: () => createSource(f.sourceInput()) },
  { name: 'updateSource', need: 'editor', writes: true, run: async () => { const id = await f.rawSource(); return updateSource(id, { ...f.sourceInput(), version: await f.version('source', id) }); } },
  { name: 'createRegion', need: 'editor', writes: true, run: async () => createRegion({ name: `Region ${f.next()}`, level: 'nuts2', parentId: await f.ids.region('france') }) },
  { name: 'updateRegion', need: 'editor', writes: true, run: async () => { const id = await f.ids.region('bretagne'); return updateRegion(id, { name: 'Bretagne', code: 'FRH0', version: await f.version('region', id) }); } },
  { name: 'deleteRecord', need: 'editor', writes: true, run: async () => { const id = await f.rawSource(); return deleteRecord({ entity: 'source', id, version: await f.version('source', id) }); } },
  { name: 'restoreRecord', need: 'editor', writes: true, run: async () => restoreRecord({ entity: 'source', id: await f.rawSource(true) }) },
  { name: 'previewImport', need: 'editor', writes: false, run: () => previewImport('announcements', csv([`MX/${f.next()},FR-01,2032,1,2026-01-01,low`])) },
  { name: 'commitImport', need: 'editor', writes: true, run: () => commitImport('announcements', csv([`MX/${f.next()},FR-01,2032,1,2026-01-01,low`])) },
  // user management
  { name: 'listUsers', need: 'admin', writes: false, run: () => listUsers() },
  { name: 'createUser', need: 'admin', writes: true, run: () => createUser({ email: `new-${f.next()}@example.org`, name: 'New person', role: 'viewer' }) },
  { name: 'updateUser', need: 'admin', writes: true, prepare: () => createTestUser('viewer'), run: async (u: { id: string }) => updateUser(u.id, { role: 'editor', disabled: false, version: await f.version('app_user', u.id) }) },
  { name: 'resetUserPassword', need: 'admin', writes: true, prepare: () => createTestUser('viewer'), run: (u: { id: string }) => resetUserPassword({ id: u.id }) },
];

async function createContractRow() {
  const [a, b] = [await f.ids.company(0), await f.ids.company(2)];
  const [row] = await t.query<{ id: number }>(
    `INSERT INTO contract (ref, kind, supplier_id, buyer_id, status, confidence, updated_at) VALUES ($1, 'mou', $2, $3, 'planned', 'low', now()) RETURNING id`,
    [`OT-RAW-${f.next()}`, a, b]);
  await t.query(`INSERT INTO contract_event (ref, contract_id, status, effective_on, known_on) VALUES ($1, $2, 'planned', '2025-01-01', '2025-01-01')`,
    [`OT-RAW-${f.next()}/E1`, row!.id]);
  return row!;
}

const sessions = new Map<Who, Headers | null>();

beforeAll(async () => {
  sessions.set('anonymous', null);
  for (const role of ['viewer', 'editor', 'admin'] as const) sessions.set(role, await signIn(await createTestUser(role)));
});

describe('authorization matrix', () => {
  const cases = ACTIONS.flatMap((action) => WHO.map((who) => ({ ...action, who, expect: expected(who, action.need) })));

  it.each(cases)('$name as $who → $expect', async ({ run, prepare, who, expect: outcome, writes }) => {
    const prepared = await prepare?.();
    const before = await f.auditCount();
    let result: string;
    try {
      await as(sessions.get(who)!, () => run(prepared as never));
      result = 'ok';
    } catch (error) {
      if (!isAppError(error)) throw error;
      result = error.code;
    }
    expect(result).toBe(outcome);
    const after = await f.auditCount();
    if (outcome === 'ok' && writes) expect(after).toBeGreaterThan(before);
    if (outcome !== 'ok') expect(after).toBe(before);
  });

  it('covers every exported admin mutation and read', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir('lib/db/admin')).filter((file) => /^(create|update|delete|restore|add|correct|commit|preview|reset|list|get|read|record)-/.test(file));
    const modules = await Promise.all(files.map((file) => import(`../../lib/db/admin/${file.replace(/\.ts$/, '')}.ts`) as Promise<Record<string, unknown>>));
    const exported = modules.flatMap((m) => Object.entries(m).filter(([, v]) => typeof v === 'function').map(([k]) => k));
    // Transaction-level cores (insertAnnouncement, applyPlantUpdate) take an already-authorized
    // actor: their callers (admin functions above, API-key routes) check first.
    const gated = exported.filter((name) => !['listEntityHistory', 'checkCompanyLinks', 'contractValues', 'checkContractLinks', 'insertAnnouncement', 'applyPlantUpdate', 'createAdminFromCli', 'countUsers'].includes(name));
    expect(gated.filter((name) => !ACTIONS.some((a) => a.name === name))).toEqual([]);
  });
});
