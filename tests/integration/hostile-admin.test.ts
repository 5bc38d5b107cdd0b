// Hostile input at every admin form: the server actions get FormData built from hostile values
// (SQL, HTML/JS, CSV formulas, path traversal, unicode oddities, control characters, oversized,
// numbers and JSON as text), the data layer gets wrongly typed values, and the bound record ids a
// crafted request controls get anything. A refused input is a form error (never a thrown error,
// i.e. never a 500) and changes nothing; a hostile but valid text is stored exactly as sent.
//
// Per field, what counts as valid (the oracle is mayAccept in tests/support/hostile.ts):
// - free text: any well-formed text up to the field's length without C0 controls (tab, LF, CR
//   allowed) or DEL; stored trimmed, otherwise byte for byte (HTML, SQL, formulas, RTL marks …
//   are data, escaped where shown). Lone surrogates cannot travel in FormData (the browser and
//   FormData turn them into U+FFFD); sent to the data layer directly they are refused.
// - choices: an option exactly (surrounding spaces trimmed); numbers: plain decimal notation in
//   range (no exponent, hex, digit grouping or non-ASCII digits); ids and versions: whole numbers
//   1 … 2^31-1; dates: YYYY-MM-DD, a calendar date in 2000–2060; links: http(s) only, no controls.
// - fields the form does not have (id, deletedAt, countryId, …) are ignored.
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formInput } from '@/components/admin/action-state';
import { type FormState, IDLE } from '@/components/admin/form-state';
import { ROLES } from '@/lib/auth/roles';
import { addStatusEvent } from '@/lib/db/admin/add-status-event';
import { correctCapacityAnnouncement } from '@/lib/db/admin/correct-capacity-announcement';
import { createCapacityAnnouncement } from '@/lib/db/admin/create-capacity-announcement';
import { createCompany } from '@/lib/db/admin/create-company';
import { createContract } from '@/lib/db/admin/create-contract';
import { createPlant } from '@/lib/db/admin/create-plant';
import { createRegion } from '@/lib/db/admin/create-region';
import { createSource } from '@/lib/db/admin/create-source';
import { createUser } from '@/lib/db/admin/create-user';
import { deleteRecord } from '@/lib/db/admin/delete-record';
import { resetUserPassword } from '@/lib/db/admin/reset-user-password';
import { restoreRecord } from '@/lib/db/admin/restore-record';
import { updateCompany } from '@/lib/db/admin/update-company';
import { updateContract } from '@/lib/db/admin/update-contract';
import { updatePlant } from '@/lib/db/admin/update-plant';
import { updateRegion } from '@/lib/db/admin/update-region';
import { updateSource } from '@/lib/db/admin/update-source';
import { updateUser } from '@/lib/db/admin/update-user';
import { createApiKey } from '@/lib/db/api/create-api-key';
import { revokeApiKey } from '@/lib/db/api/revoke-api-key';
import { isAppError } from '@/lib/errors';
import {
  CapacityScopeSchema, ChemistryFamilySchema, CompanyStatusSchema, ConfidenceSchema, ContractKindSchema, ContractStatusSchema,
  DatePrecisionSchema, FacilityTypeSchema, OwnershipOriginSchema, PlantStatusSchema, RegionLevelSchema, SegmentSchema, SourceTierSchema,
  VolumeBasisSchema,
} from '@/lib/validation/fields';
import { SOFT_DELETABLE } from '@/lib/validation/history';
import { createCompanyAction, updateCompanyAction } from '@/app/admin/(area)/companies/actions';
import { createContractAction, updateContractAction } from '@/app/admin/(area)/contracts/actions';
import {
  addStatusEventAction, correctAnnouncementAction, createAnnouncementAction, createPlantAction, updatePlantAction,
} from '@/app/admin/(area)/plants/actions';
import { createRegionAction, updateRegionAction } from '@/app/admin/(area)/regions/actions';
import { createSourceAction, updateSourceAction } from '@/app/admin/(area)/sources/actions';
import { createUserAction, resetPasswordAction, updateUserAction } from '@/app/admin/(area)/users/actions';
import { deleteRecordAction, restoreRecordAction } from '@/app/admin/(area)/actions';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/admin/api-keys/actions';
import { adminFixtures } from '../support/admin-fixtures';
import { databaseFingerprint } from '../support/api';
import { as, createTestUser, signIn } from '../support/auth';
import { setupTestDatabase } from '../support/database';
import {
  type FieldKind, HOSTILE, refused, refusedTyped, scaled, Tally, type Tagged, taggedHostile, validHostileText, WRONG_TYPES,
} from '../support/hostile';

// revalidatePath needs Next's request store and throws outside a request; cache invalidation is
// not what these tests are about, so it is a no-op here (redirect() still throws NEXT_REDIRECT).
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: vi.fn() }));

const RUNS = scaled({
  refusedPerForm: 20,
  wrongTypesPerFunction: 12,
  boundIdsPerAction: 10,
  callers: 40,
  validTextPerForm: 6,
});

const t = setupTestDatabase({ seeded: true });
const f = adminFixtures(t);

// ---------------------------------------------------------------------------------------------
// Fields of every form, by kind.

const req = true;
const opt = false;
const text = (max: number, required: boolean): FieldKind => ({ kind: 'text', max, required });
const choice = (options: readonly string[], required = req): FieldKind => ({ kind: 'choice', options, required });
const num = (min: number, max: number, int = false, required = opt): FieldKind => ({ kind: 'number', min, max, int, required });
const id = (required: boolean): FieldKind => ({ kind: 'id', required });
const date = (required: boolean): FieldKind => ({ kind: 'date', required });
const year = num(2000, 2060, true);
const VERSION: FieldKind = { kind: 'version' };

const SOURCE_PICKER: Record<string, FieldKind> = {
  sourceId: { kind: 'sourceId' }, newSourceUrl: { kind: 'url', required: true }, newSourcePublisher: text(200, req), newSourceTitle: text(500, req),
  newSourcePublishedOn: date(req), newSourceLanguage: { kind: 'language' }, newSourceTier: choice(SourceTierSchema.options, opt),
};
const PLANT: Record<string, FieldKind> = {
  ref: { kind: 'ref', required: false }, name: text(200, req), slug: { kind: 'slug' }, city: text(200, req), regionId: id(req),
  lat: num(-90, 90), lon: num(-180, 180), locationApproximate: { kind: 'checkbox' }, chemistry: text(300, opt),
  chemistryFamily: choice(ChemistryFamilySchema.options), segment: choice(SegmentSchema.options), facilityType: choice(FacilityTypeSchema.options),
  inCellTotals: { kind: 'checkbox' }, startYear: year, confidence: choice(ConfidenceSchema.options), notes: text(4000, opt),
};
const PLANT_CREATE = {
  ...PLANT, operatorId: id(req), status: choice(PlantStatusSchema.options), statusSince: date(req), statusPrecision: choice(DatePrecisionSchema.options),
  firstTargetYear: year, firstGwh: num(0, 10_000), firstAnnouncedOn: date(opt), ...SOURCE_PICKER,
};
const STATUS_EVENT = { status: choice(PlantStatusSchema.options), effectiveOn: date(req), datePrecision: choice(DatePrecisionSchema.options), note: text(4000, opt), ...SOURCE_PICKER };
const ANNOUNCEMENT = {
  scope: choice(CapacityScopeSchema.options), targetYear: year, gwhPerYear: num(0, 10_000, false, req), announcedOn: date(req),
  datePrecision: choice(DatePrecisionSchema.options), confidence: choice(ConfidenceSchema.options), note: text(4000, opt), ...SOURCE_PICKER,
};
const COMPANY: Record<string, FieldKind> = {
  name: text(200, req), slug: { kind: 'slug' }, hqCountryId: id(opt), origin: choice(OwnershipOriginSchema.options), status: choice(CompanyStatusSchema.options),
  successorId: id(opt), website: { kind: 'url' }, notes: text(4000, opt),
};
const CONTRACT: Record<string, FieldKind> = {
  ref: { kind: 'ref', required: false }, kind: choice(ContractKindSchema.options), supplierId: id(req), buyerId: id(req), plantId: id(opt),
  signedOn: date(opt), datePrecision: choice(DatePrecisionSchema.options), startYear: year, endYear: year, durationYears: num(1, 60, true),
  volumeGwh: num(0, 10_000), volumeBasis: choice(VolumeBasisSchema.options, opt), valueAmount: num(0, 1e13), valueCurrency: { kind: 'currency' },
  valueText: text(300, opt), description: text(4000, opt), confidence: choice(ConfidenceSchema.options), notes: text(4000, opt),
};
const CONTRACT_CREATE: Record<string, FieldKind> = { ...CONTRACT, status: choice(ContractStatusSchema.options), statusChangedOn: date(opt), ...SOURCE_PICKER };
const SOURCE: Record<string, FieldKind> = {
  url: { kind: 'url', required: true }, publisher: text(200, req), title: text(500, req), language: { kind: 'language' }, publishedOn: date(req),
  datePrecision: choice(DatePrecisionSchema.options), tier: choice(SourceTierSchema.options, opt), note: text(4000, opt),
};

// ---------------------------------------------------------------------------------------------
// The records the forms edit, and the sessions that submit them.

let editor: Headers;
let admin: Headers;
let viewer: Headers;
const ids = {} as {
  plant: number; announcement: number; company: number; contract: number; source: number; region: number; country: number;
  deletedSource: number; freshSource: number; apiKey: number; user: string;
};
let tagN = 0;
const nextTag = () => `t${Date.now().toString(36)}${(tagN += 1)}`;

const version = async (table: 'plant' | 'company' | 'contract' | 'source' | 'region' | 'app_user', key: number | string) => String(await f.version(table, key));

beforeAll(async () => {
  editor = await signIn(await createTestUser('editor', 'Hostile Editor'));
  admin = await signIn(await createTestUser('admin', 'Hostile Admin'));
  viewer = await signIn(await createTestUser('viewer', 'Hostile Viewer'));
  ids.user = (await createTestUser('editor', 'Target User')).id;
  await as(editor, async () => {
    ids.plant = (await createPlant(await f.plantInput())).id;
    ids.company = (await createCompany(await f.companyInput())).id;
    ids.contract = (await createContract(await f.contractInput())).id;
    ids.source = (await createSource(f.sourceInput())).id;
    ids.apiKey = (await createApiKey({ name: 'hostile target', write: false })).id;
  });
  ids.announcement = await f.rawAnnouncement(ids.plant);
  ids.country = (await t.query<{ id: number }>(`SELECT id FROM region WHERE level = 'country' AND code = 'FR'`))[0]!.id;
  ids.region = (await as(editor, () => createRegion({ name: `Hostile region ${nextTag()}`, level: 'nuts1', parentId: ids.country }))).id;
  ids.deletedSource = await f.rawSource(true);
  ids.freshSource = await f.rawSource(false);
});

/** Valid values for a new inline source (the picker's "new" choice), unique per call. */
const newSource = () => {
  const tag = nextTag();
  return { sourceId: 'new', newSourceUrl: `https://example.org/hostile/${tag}`, newSourcePublisher: 'Hostile test', newSourceTitle: `Baseline ${tag}`, newSourcePublishedOn: '2026-03-01' };
};
const strings = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));

/** A fixture's values without its source choice (the forms here add a new inline source). */
const withoutSource = (o: Record<string, unknown>) => strings(Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'source')));

async function plantBaseline(): Promise<Record<string, string>> {
  return { ...withoutSource(await f.plantInput()), ...newSource() };
}
async function plantEditBaseline(): Promise<Record<string, string>> {
  const v = await f.plantUpdate(ids.plant);
  return strings({ ...v, locationApproximate: v.locationApproximate ? 'on' : '', inCellTotals: v.inCellTotals ? 'on' : '' });
}
async function contractEditBaseline(): Promise<Record<string, string>> {
  return { ...withoutSource(await f.contractInput()), version: await version('contract', ids.contract) };
}

// ---------------------------------------------------------------------------------------------
// Every form: its fields, a valid submission, how it is submitted, and its data-layer function.

interface Form {
  name: string;
  /** Who may submit it. */
  role: 'editor' | 'admin';
  fields: Record<string, FieldKind>;
  baseline: () => Promise<Record<string, string>>;
  submit: (fd: FormData) => Promise<FormState>;
  /** The data-layer function behind the form, with the form's values as its input. */
  dataLayer: (input: Record<string, unknown>) => Promise<unknown>;
  /** Refusals name the field at fault (all but delete, which says "reload the page"). */
  namesFields?: boolean;
}

const FORMS: Form[] = [
  {
    name: 'plant create', role: 'editor', fields: PLANT_CREATE, baseline: plantBaseline,
    submit: (fd) => createPlantAction(IDLE, fd), dataLayer: (v) => createPlant(formInput(v as Record<string, string>)),
  },
  {
    name: 'plant edit', role: 'editor', fields: { ...PLANT, version: VERSION }, baseline: plantEditBaseline,
    submit: (fd) => updatePlantAction(ids.plant, IDLE, fd), dataLayer: (v) => updatePlant(ids.plant, v),
  },
  {
    name: 'status change', role: 'editor', fields: STATUS_EVENT,
    baseline: async () => ({ status: 'under_construction', effectiveOn: '2026-02-01', datePrecision: 'day', ...newSource() }),
    submit: (fd) => addStatusEventAction(ids.plant, IDLE, fd), dataLayer: (v) => addStatusEvent({ ...formInput(v as Record<string, string>), plantId: ids.plant }),
  },
  {
    name: 'capacity figure', role: 'editor', fields: ANNOUNCEMENT,
    baseline: async () => ({ scope: 'milestone', targetYear: '2031', gwhPerYear: '7.5', announcedOn: '2026-02-01', datePrecision: 'day', confidence: 'medium', ...newSource() }),
    submit: (fd) => createAnnouncementAction(ids.plant, IDLE, fd),
    dataLayer: (v) => createCapacityAnnouncement({ ...formInput(v as Record<string, string>), plantId: ids.plant }),
  },
  {
    name: 'capacity correction', role: 'editor', fields: ANNOUNCEMENT,
    baseline: async () => ({ scope: 'milestone', targetYear: '2031', gwhPerYear: '8', announcedOn: '2026-02-01', datePrecision: 'day', confidence: 'low', ...newSource() }),
    submit: (fd) => correctAnnouncementAction(ids.plant, ids.announcement, IDLE, fd),
    dataLayer: (v) => correctCapacityAnnouncement(ids.announcement, { ...formInput(v as Record<string, string>), plantId: ids.plant }),
  },
  {
    name: 'company create', role: 'editor', fields: COMPANY, baseline: async () => strings(await f.companyInput()),
    submit: (fd) => createCompanyAction(IDLE, fd), dataLayer: (v) => createCompany(v),
  },
  {
    name: 'company edit', role: 'editor', fields: { ...COMPANY, version: VERSION },
    baseline: async () => ({ name: `Edited company ${nextTag()}`, origin: 'korean', status: 'active', version: await version('company', ids.company) }),
    submit: (fd) => updateCompanyAction(ids.company, IDLE, fd), dataLayer: (v) => updateCompany(ids.company, v),
  },
  {
    name: 'contract create', role: 'editor', fields: CONTRACT_CREATE,
    baseline: async () => ({ ...withoutSource(await f.contractInput()), ...newSource() }),
    submit: (fd) => createContractAction(IDLE, fd), dataLayer: (v) => createContract(formInput(v as Record<string, string>)),
  },
  {
    name: 'contract edit', role: 'editor', fields: { ...CONTRACT, version: VERSION }, baseline: contractEditBaseline,
    submit: (fd) => updateContractAction(ids.contract, IDLE, fd), dataLayer: (v) => updateContract(ids.contract, v),
  },
  {
    name: 'source create', role: 'editor', fields: SOURCE, baseline: async () => strings(f.sourceInput()),
    submit: (fd) => createSourceAction(IDLE, fd), dataLayer: (v) => createSource(v),
  },
  {
    name: 'source edit', role: 'editor', fields: { ...SOURCE, version: VERSION },
    baseline: async () => ({ ...strings(f.sourceInput()), version: await version('source', ids.source) }),
    submit: (fd) => updateSourceAction(ids.source, IDLE, fd), dataLayer: (v) => updateSource(ids.source, v),
  },
  {
    name: 'region create', role: 'editor', fields: { name: text(200, req), slug: { kind: 'slug' }, level: choice(RegionLevelSchema.options), code: text(10, opt), parentId: id(req) },
    baseline: async () => ({ name: `Region ${nextTag()}`, level: 'nuts1', parentId: String(ids.country) }),
    submit: (fd) => createRegionAction(IDLE, fd), dataLayer: (v) => createRegion(v),
  },
  {
    name: 'region edit', role: 'editor', fields: { name: text(200, req), code: text(10, opt), version: VERSION },
    baseline: async () => ({ name: `Region ${nextTag()}`, version: await version('region', ids.region) }),
    submit: (fd) => updateRegionAction(ids.region, IDLE, fd), dataLayer: (v) => updateRegion(ids.region, v),
  },
  {
    name: 'user create', role: 'admin', fields: { email: { kind: 'email' }, name: text(200, req), role: choice(ROLES) },
    baseline: async () => ({ email: `new-${nextTag()}@example.org`, name: 'New Person', role: 'viewer' }),
    submit: (fd) => createUserAction(IDLE, fd), dataLayer: (v) => createUser(v),
  },
  {
    name: 'user edit', role: 'admin', fields: { role: choice(ROLES), disabled: { kind: 'checkbox' }, version: VERSION },
    baseline: async () => ({ role: 'viewer', disabled: 'on', version: await version('app_user', ids.user) }),
    submit: (fd) => updateUserAction(ids.user, IDLE, fd), dataLayer: (v) => updateUser(ids.user, v),
  },
  {
    name: 'user password reset', role: 'admin', fields: { id: { kind: 'userId' } }, baseline: async () => ({ id: ids.user }),
    submit: (fd) => resetPasswordAction(IDLE, fd), dataLayer: (v) => resetUserPassword(v),
  },
  {
    // `write` is a checkbox read leniently (anything but on/true is "no"), so only the name can be refused.
    name: 'API key create', role: 'editor', fields: { name: text(100, req) }, baseline: async () => ({ name: 'newsroom importer', write: 'on' }),
    submit: (fd) => createApiKeyAction(IDLE, fd), dataLayer: (v) => createApiKey(v),
  },
  {
    name: 'API key revoke', role: 'editor', fields: { id: id(req) }, baseline: async () => ({ id: String(ids.apiKey) }),
    submit: (fd) => revokeApiKeyAction(IDLE, fd), dataLayer: (v) => revokeApiKey(v),
  },
  {
    name: 'delete', role: 'editor', namesFields: false,
    fields: { entity: choice(SOFT_DELETABLE), id: id(req), version: VERSION },
    baseline: async () => ({ entity: 'source', id: String(ids.freshSource), version: await version('source', ids.freshSource) }),
    submit: (fd) => deleteRecordAction(IDLE, fd), dataLayer: (v) => deleteRecord(v),
  },
  {
    name: 'restore', role: 'editor', fields: { entity: choice(SOFT_DELETABLE), id: id(req) },
    baseline: async () => ({ entity: 'source', id: String(ids.deletedSource) }),
    submit: (fd) => restoreRecordAction(IDLE, fd), dataLayer: (v) => restoreRecord(v),
  },
];

// ---------------------------------------------------------------------------------------------
// Outcomes and change detection.

/** A value for a failure message (String() throws on { toString: 'x' }). */
function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Map || v instanceof Set) return `${v.constructor.name}(${v.size})`;
  return (JSON.stringify(v) ?? String(v)).slice(0, 60);
}

type Outcome = { kind: 'state'; state: FormState } | { kind: 'redirect'; to: string };

/** A form's answer: its state, or the redirect after a save. Anything else thrown is a 500 and fails the test. */
async function submitAs(session: Headers | null, form: Form, values: Record<string, string>, extra: [string, string][] = []): Promise<Outcome> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  // Extra fields are ones the form does not have (a repeated real field would just replace its value).
  for (const [k, v] of extra) if (!Object.hasOwn(values, k) && !Object.hasOwn(form.fields, k)) fd.append(k, v);
  try {
    return { kind: 'state', state: await as(session, () => form.submit(fd)) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', to: digest.split(';')[2]! };
    throw error;
  }
}

/**
 * A cheap change detector for every run: row counts of every table, and per table the sum of
 * versions, the number of deleted/revoked rows and the latest update time. The full content
 * fingerprint (md5 of every row) is taken around each block.
 */
let quickSql = '';
async function quickSnapshot(): Promise<string> {
  if (!quickSql) {
    const cols = await t.query<{ table_name: string; column_name: string }>(`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT IN ('auth_session', 'rate_limit', 'api_rate_limit', 'auth_verification')
      AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`);
    const tables = [...new Set(cols.map((c) => c.table_name))].sort();
    const parts = tables.map((name) => {
      const has = (c: string) => cols.some((x) => x.table_name === name && x.column_name === c);
      const agg = ['count(*)::text'];
      if (has('version')) agg.push('coalesce(sum(version), 0)::text');
      for (const c of ['deleted_at', 'revoked_at', 'disabled']) if (has(c)) agg.push(`count(*) FILTER (WHERE ${c} IS NOT NULL AND ${c}::text <> 'false')::text`);
      if (has('updated_at')) agg.push(`coalesce(max(updated_at)::text, '')`);
      if (has('password')) agg.push(`coalesce(md5(string_agg(password, ',' ORDER BY password)), '')`);
      return `(SELECT '${name}:' || ${agg.join(` || '/' || `)} FROM "${name}")`;
    });
    quickSql = `SELECT ${parts.join(` || ' ' || `)} AS s`;
  }
  return (await t.query<{ s: string }>(quickSql))[0]!.s;
}

const IGNORE = ['auth_session', 'rate_limit', 'api_rate_limit', 'auth_verification'];
const fingerprint = () => databaseFingerprint((sql) => t.query(sql), IGNORE);

/** Fields to break: at least one, each with a value its kind must refuse. */
function brokenFields(form: Form) {
  const names = Object.keys(form.fields);
  return fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) })
    .chain((chosen) => fc.tuple(...chosen.map((n) => refused(form.fields[n]!).map((v) => [n, v] as [string, Tagged<string>]))));
}

/** Field names a crafted form may add, each with a hostile value: none may change what is stored. */
const extraFields = fc.array(fc.tuple(
  fc.constantFrom('id', 'deletedAt', 'deleted_at', 'createdAt', 'updatedAt', 'countryId', 'path', 'actorId', '__proto__', 'constructor', 'version_', '$ACTION_ID_x', 'role'),
  fc.constantFrom(...HOSTILE.filter((h) => h.length < 100)),
), { maxLength: 3 });

function expectRefused(outcome: Outcome, context: string): FormState {
  expect(outcome.kind, context).toBe('state');
  const state = (outcome as { state: FormState }).state;
  expect(state.status, context).toBe('error');
  expect(state.message?.length ?? 0, context).toBeGreaterThan(5);
  return state;
}

// ---------------------------------------------------------------------------------------------

let before: Record<string, string>;

describe('every form refuses hostile values with a field error and changes nothing', () => {
  beforeAll(async () => {
    before = await fingerprint();
  });

  for (const form of FORMS) {
    it(form.name, async () => {
      const tally = new Tally(`admin form › ${form.name}: refused values`, RUNS.refusedPerForm);
      const session = form.role === 'admin' ? admin : editor;
      await fc.assert(fc.asyncProperty(brokenFields(form), extraFields, async (broken, extra) => {
        tally.add(broken.map(([, v]) => v.cls));
        const last = await quickSnapshot();
        const values = { ...(await form.baseline()), ...Object.fromEntries(broken.map(([n, v]) => [n, v.value])) };
        const context = `${form.name}: ${JSON.stringify(broken.map(([n, v]) => [n, v.cls, v.value.slice(0, 80)]))}`;
        const state = expectRefused(await submitAs(session, form, values, extra), context);
        const schemaLevel = broken.filter(([, v]) => !['unknown-reference', 'stale-version'].includes(v.cls)).map(([n]) => n);
        if (form.namesFields !== false && schemaLevel.length === broken.length) {
          // The error sits next to (at least one of) the fields at fault, and what was typed is kept.
          expect(Object.keys(state.fieldErrors ?? {}).some((k) => schemaLevel.includes(k)), `${context} → ${JSON.stringify(state).slice(0, 400)}`).toBe(true);
        }
        if (state.values && Object.keys(state.values).length) expect(state.values, context).toMatchObject(Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('$ACTION'))));
        expect(await quickSnapshot(), context).toBe(last);
      }), { numRuns: RUNS.refusedPerForm });
      tally.print();
    });
  }

  it('afterwards every table holds exactly what it held before (row counts and content checksums)', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('the data layer refuses wrongly typed input (what a crafted server-action call can send)', () => {
  beforeAll(async () => {
    before = await fingerprint();
  });

  for (const form of FORMS) {
    it(form.name, async () => {
      const tally = new Tally(`admin data layer › ${form.name}: wrong types`, RUNS.wrongTypesPerFunction);
      const session = form.role === 'admin' ? admin : editor;
      const names = Object.keys(form.fields);
      const broken = fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) })
        .chain((chosen) => fc.tuple(...chosen.map((n) => refusedTyped(form.fields[n]!).map((v) => [n, v] as [string, Tagged<unknown>]))));
      await fc.assert(fc.asyncProperty(broken, async (fields) => {
        tally.add(fields.map(([, v]) => v.cls));
        const input: Record<string, unknown> = { ...(await form.baseline()), ...Object.fromEntries(fields.map(([n, v]) => [n, v.value])) };
        const context = `${form.name}: ${fields.map(([n, v]) => `${n}=${show(v.value)} (${v.cls})`).join(', ')}`;
        const error = await as(session, () => form.dataLayer(input)).then(() => null, (e: unknown) => e);
        expect(error, `${context}: accepted`).not.toBeNull();
        if (!isAppError(error)) throw new Error(`${context}: threw a non-AppError (a 500): ${String(error)}`, { cause: error });
        expect(['invalid', 'not_found'], context).toContain(error.code);
      }), { numRuns: RUNS.wrongTypesPerFunction });
      tally.print();
    });
  }

  it('afterwards nothing changed', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('the record id bound to an edit form is client-controlled: anything but a real id is refused', () => {
  const HOSTILE_IDS: Tagged<unknown>[] = [
    ...[0, -1, 1.5, 2 ** 31, 2 ** 53, 1e300, -0].map((value) => ({ cls: 'out-of-range-number', value })),
    ...[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined, [], [1], {}, { id: 1 }, true, 1n, new Date(0)].map((value) => ({ cls: 'wrong-type', value })),
    ...['0', '-1', '999999', '1 OR 1=1', "1'; DROP TABLE plant;--", '../1', '', 'a\u0000b', 'x'.repeat(10_000), '\u202e1'].map((value) => ({ cls: 'hostile-string', value })),
  ];
  const bound: { name: string; form: string; call: (id: unknown, fd: FormData) => Promise<FormState> }[] = [
    { name: 'plant edit', form: 'plant edit', call: (v, fd) => updatePlantAction(v as number, IDLE, fd) },
    { name: 'status change (plant id)', form: 'status change', call: (v, fd) => addStatusEventAction(v as number, IDLE, fd) },
    { name: 'capacity figure (plant id)', form: 'capacity figure', call: (v, fd) => createAnnouncementAction(v as number, IDLE, fd) },
    { name: 'capacity correction (plant id)', form: 'capacity correction', call: (v, fd) => correctAnnouncementAction(v as number, ids.announcement, IDLE, fd) },
    { name: 'capacity correction (figure id)', form: 'capacity correction', call: (v, fd) => correctAnnouncementAction(ids.plant, v as number, IDLE, fd) },
    { name: 'company edit', form: 'company edit', call: (v, fd) => updateCompanyAction(v as number, IDLE, fd) },
    { name: 'contract edit', form: 'contract edit', call: (v, fd) => updateContractAction(v as number, IDLE, fd) },
    { name: 'source edit', form: 'source edit', call: (v, fd) => updateSourceAction(v as number, IDLE, fd) },
    { name: 'region edit', form: 'region edit', call: (v, fd) => updateRegionAction(v as number, IDLE, fd) },
    { name: 'user edit', form: 'user edit', call: (v, fd) => updateUserAction(v as string, IDLE, fd) },
  ];

  beforeAll(async () => {
    before = await fingerprint();
  });

  for (const b of bound) {
    it(b.name, async () => {
      const form = FORMS.find((x) => x.name === b.form)!;
      const tally = new Tally(`admin bound id › ${b.name}`, RUNS.boundIdsPerAction);
      const session = form.role === 'admin' ? admin : editor;
      await fc.assert(fc.asyncProperty(fc.constantFrom(...HOSTILE_IDS), async (hostileId) => {
        tally.add([hostileId.cls]);
        const fd = new FormData();
        for (const [k, v] of Object.entries(await form.baseline())) fd.append(k, v);
        const context = `${b.name}(${show(hostileId.value)})`;
        const state = await as(session, () => b.call(hostileId.value, fd)).catch((error: unknown) => {
          throw new Error(`${context} threw (a 500): ${String(error)}`, { cause: error });
        });
        expect(state.status, context).toBe('error');
      }), { numRuns: RUNS.boundIdsPerAction });
      tally.print();
    });
  }

  it('afterwards nothing changed', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('callers without the role are refused whatever they send', () => {
  beforeAll(async () => {
    before = await fingerprint();
  });

  it('anonymous, forged-cookie, viewer and (for user forms) editor callers', async () => {
    const tally = new Tally('admin › unauthorised callers', RUNS.callers);
    const forged = new Headers({ cookie: 'better-auth.session_token=forged.signature; __Secure-better-auth.session_token=x', origin: 'http://localhost:3000' });
    const callers = fc.constantFrom<['anonymous' | 'forged' | 'viewer' | 'editor', Headers | null]>(['anonymous', null], ['forged', forged], ['viewer', viewer], ['editor', editor]);
    const cases = fc.tuple(fc.constantFrom(...FORMS), callers).filter(([form, [who]]) => who !== 'editor' || form.role === 'admin');
    await fc.assert(fc.asyncProperty(cases, fc.option(validHostileText(100)), async ([form, [who, session]], text) => {
      tally.add([who, text?.cls ?? 'valid-baseline']);
      const last = await quickSnapshot();
      const values = await form.baseline();
      // A valid submission (with hostile text where the form has a name) that only the role stands between.
      if (text && 'name' in form.fields && form.fields.name!.kind === 'text') values.name = text.value;
      const outcome = await submitAs(session, form, values);
      const context = `${form.name} as ${who}`;
      expect(outcome.kind, context).toBe('state');
      const state = (outcome as { state: FormState }).state;
      expect(state.status, context).toBe('error');
      // The action checks the form before the data layer checks the role: a form error is a refusal too.
      if (!state.fieldErrors) expect(state.message, context).toMatch(/sign in|role/i);
      expect(await quickSnapshot(), context).toBe(last);
    }), { numRuns: RUNS.callers });
    tally.print();
  });

  it('afterwards nothing changed', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile but valid: stored exactly (trimmed), shown escaped.

/** Links that are valid http(s) addresses full of hostile text; `{tag}` keeps each one unique. */
const VALID_URLS = [
  'https://example.org/{tag}/"><script>alert(1)</script>', "https://example.org/{tag}?q=' OR 1=1 --", 'https://example.org/{tag}/../../etc/passwd',
  "https://example.org/{tag}#=cmd|' /C calc'!A0", 'HTTPS://EXAMPLE.ORG/{tag}', 'https://example.org/{tag}/😀/\u202eevil', 'http://example.org:8080/{tag}?a=1&b=<b>',
  'https://xn--bcher-kva.example/{tag}', 'https://example.org/{tag}?%00=%0d%0a',
];
const PADDING = ['', ' ', '  ', '\t', '\n', '\u00a0', '\r\n'];

interface TextCase {
  form: string;
  /** Text fields (and their longest value) that receive hostile text; url fields get VALID_URLS. */
  fields: Record<string, number | 'url'>;
  /** The stored values by form field, for the record the outcome names; `deleted` must be null. */
  read: (outcome: Outcome, values: Record<string, string>) => Promise<Record<string, unknown>>;
  /** The audit row's entity (checked to hold the same text). */
  audit?: (outcome: Outcome) => { type: string; id: string };
  /** Names that must fit on one line (no tab, CR or LF). */
  singleLine?: boolean;
}

const redirectId = (o: Outcome) => Number(/\/(\d+)\?saved=/.exec((o as { to: string }).to)?.[1]);
const one = async (sql: string, params: unknown[]) => (await t.query(sql, params))[0] ?? {};

const TEXT_CASES: TextCase[] = [
  {
    form: 'plant create', fields: { name: 180, city: 200, chemistry: 300, notes: 4000, newSourcePublisher: 200, newSourceTitle: 480 },
    read: async (o) => ({
      ...await one('SELECT name, city, chemistry, notes, deleted_at AS deleted FROM plant WHERE id = $1', [redirectId(o)]),
      ...await one(`SELECT s.publisher AS "newSourcePublisher", s.title AS "newSourceTitle" FROM plant_source ps JOIN source s ON s.id = ps.source_id WHERE ps.plant_id = $1`, [redirectId(o)]),
    }),
    audit: (o) => ({ type: 'plant', id: String(redirectId(o)) }),
  },
  {
    form: 'plant edit', fields: { name: 180, city: 200, chemistry: 300, notes: 4000 },
    read: () => one('SELECT name, city, chemistry, notes, deleted_at AS deleted FROM plant WHERE id = $1', [ids.plant]),
    audit: () => ({ type: 'plant', id: String(ids.plant) }),
  },
  {
    form: 'status change', fields: { note: 4000 },
    read: () => one('SELECT note, deleted_at AS deleted FROM plant_status_event WHERE plant_id = $1 ORDER BY id DESC LIMIT 1', [ids.plant]),
  },
  {
    form: 'capacity figure', fields: { note: 4000 },
    read: () => one('SELECT note, deleted_at AS deleted FROM capacity_announcement WHERE plant_id = $1 ORDER BY id DESC LIMIT 1', [ids.plant]),
  },
  {
    form: 'company create', fields: { name: 180, notes: 4000, website: 'url' },
    read: (o) => one('SELECT name, notes, website, deleted_at AS deleted FROM company WHERE id = $1', [redirectId(o)]),
    audit: (o) => ({ type: 'company', id: String(redirectId(o)) }),
  },
  {
    form: 'company edit', fields: { name: 180, notes: 4000, website: 'url' },
    read: () => one('SELECT name, notes, website, deleted_at AS deleted FROM company WHERE id = $1', [ids.company]),
    audit: () => ({ type: 'company', id: String(ids.company) }),
  },
  {
    form: 'contract create', fields: { valueText: 300, description: 4000, notes: 4000 },
    read: (o) => one('SELECT value_text AS "valueText", description, notes, deleted_at AS deleted FROM contract WHERE id = $1', [redirectId(o)]),
    audit: (o) => ({ type: 'contract', id: String(redirectId(o)) }),
  },
  {
    form: 'contract edit', fields: { valueText: 300, description: 4000, notes: 4000 },
    read: () => one('SELECT value_text AS "valueText", description, notes, deleted_at AS deleted FROM contract WHERE id = $1', [ids.contract]),
    audit: () => ({ type: 'contract', id: String(ids.contract) }),
  },
  {
    form: 'source create', fields: { url: 'url', publisher: 200, title: 480, note: 4000 },
    read: (o) => one('SELECT url, publisher, title, note, deleted_at AS deleted FROM source WHERE id = $1', [redirectId(o)]),
    audit: (o) => ({ type: 'source', id: String(redirectId(o)) }),
  },
  {
    form: 'source edit', fields: { url: 'url', publisher: 200, title: 480, note: 4000 },
    read: () => one('SELECT url, publisher, title, note, deleted_at AS deleted FROM source WHERE id = $1', [ids.source]),
    audit: () => ({ type: 'source', id: String(ids.source) }),
  },
  {
    form: 'region create', fields: { name: 180 },
    read: (o) => one('SELECT name, deleted_at AS deleted FROM region WHERE id = $1', [redirectId(o)]),
    audit: (o) => ({ type: 'region', id: String(redirectId(o)) }),
  },
  {
    form: 'region edit', fields: { name: 180 },
    read: () => one('SELECT name, deleted_at AS deleted FROM region WHERE id = $1', [ids.region]),
    audit: () => ({ type: 'region', id: String(ids.region) }),
  },
  {
    form: 'user create', fields: { name: 200 },
    read: (_o, v) => one('SELECT name, NULL AS deleted FROM app_user WHERE email = $1', [v.email!.trim().toLowerCase()]),
  },
  {
    form: 'API key create', fields: { name: 100 }, singleLine: true,
    read: () => one('SELECT name, revoked_at AS deleted FROM api_key ORDER BY id DESC LIMIT 1', []),
  },
];
// Fields whose value must be unique get a tag at the end (company names, source publisher + title).
const UNIQUE = new Set(['company create:name', 'company edit:name', 'plant create:newSourceTitle', 'source create:title', 'source edit:title']);

describe('hostile but valid text is stored exactly as sent (trimmed) and audited as such', () => {
  for (const c of TEXT_CASES) {
    it(c.form, async () => {
      const form = FORMS.find((x) => x.name === c.form)!;
      const tally = new Tally(`admin form › ${c.form}: valid hostile text`, RUNS.validTextPerForm);
      const session = form.role === 'admin' ? admin : editor;
      const fieldValue = (name: string, spec: number | 'url') => spec === 'url'
        ? fc.constantFrom(...VALID_URLS).map((u) => ({ cls: 'hostile-url', value: u }))
        : validHostileText(spec).filter((v) => !c.singleLine || !/[\t\r\n]/.test(v.value));
      const chosen = fc.uniqueArray(fc.constantFrom(...Object.keys(c.fields)), { minLength: 1, maxLength: Object.keys(c.fields).length })
        .chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), fieldValue(n, c.fields[n]!), fc.constantFrom(...PADDING), fc.constantFrom(...PADDING)))));
      await fc.assert(fc.asyncProperty(chosen, extraFields, async (fields, extra) => {
        tally.add(fields.map(([, v]) => v.cls));
        const tag = nextTag();
        const sent: Record<string, string> = {};
        for (const [name, v, before, after] of fields) {
          const value = v.value.replace('{tag}', tag);
          const pad = (p: string) => (c.singleLine ? p.replace(/[\t\r\n]/g, ' ') : p);
          sent[name] = `${pad(before)}${UNIQUE.has(`${c.form}:${name}`) ? `${value} ~${tag}` : value}${pad(after)}`;
        }
        const values = { ...(await form.baseline()), ...sent };
        const context = `${c.form}: ${JSON.stringify(sent).slice(0, 300)}`;
        const outcome = await submitAs(session, form, values, extra);
        if (outcome.kind === 'state') expect(outcome.state.status, `${context} → ${JSON.stringify(outcome.state).slice(0, 400)}`).toBe('saved');
        const stored = await c.read(outcome, values);
        expect(stored.deleted ?? null, context).toBeNull();
        for (const [name, value] of Object.entries(sent)) expect(stored[name], `${context}: ${name}`).toBe(value.trim());
        const entity = c.audit?.(outcome);
        if (entity) {
          const [row] = await t.query<{ after: Record<string, unknown> }>('SELECT after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id DESC LIMIT 1', [entity.type, entity.id]);
          for (const [name, value] of Object.entries(sent)) if (name in row!.after) expect(row!.after[name], `${context}: audit ${name}`).toBe(value.trim());
        }
      }), { numRuns: RUNS.validTextPerForm });
      tally.print();
    });
  }

  it('numbers and dates in lenient notation are stored as the value they denote; decimals beyond the column are rounded', async () => {
    // Decision: GWh are stored with 3 decimals (1 MWh), coordinates with 5 (about 1 m); more digits
    // are rounded half away from zero by PostgreSQL, not refused.
    const form = FORMS.find((x) => x.name === 'capacity figure')!;
    const tally = new Tally('admin form › capacity figure: lenient numbers and dates', RUNS.validTextPerForm);
    const gwh = fc.constantFrom(' 7.5 ', '+7.5', '.5', '7.', '-0', '0.0004', '9999.9999', '12.3456', '0', '10000', '\t42\n');
    const targetYear = fc.constantFrom(' 2031 ', '+2031', '2031.0', '2000', '2060');
    // Any past date: a figure cannot be announced after today (admin-mutations.test.ts).
    const announcedOn = fc.constantFrom(' 2026-02-01 ', '2000-01-01', '2026-11-30', '2024-02-29');
    await fc.assert(fc.asyncProperty(gwh, targetYear, announcedOn, async (g, y, d) => {
      tally.add(['numeric-string', 'date']);
      const outcome = await submitAs(editor, form, { ...(await form.baseline()), gwhPerYear: g, targetYear: y, announcedOn: d });
      expect(outcome.kind, `${g} ${y} ${d}`).toBe('redirect');
      const [row] = await t.query<{ gwh: string; target_year: number; announced_on: string }>(
        `SELECT gwh_per_year::text AS gwh, target_year, announced_on::text AS announced_on FROM capacity_announcement WHERE plant_id = $1 ORDER BY id DESC LIMIT 1`, [ids.plant]);
      expect(Number(row!.gwh)).toBeCloseTo(Number(g.trim()), 3);
      expect(Math.abs(Number(row!.gwh) - Number(g.trim()))).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(row!.target_year).toBe(Number(y.trim()));
      expect(row!.announced_on).toBe(d.trim());
    }), { numRuns: RUNS.validTextPerForm });
    tally.print();
  });
});

describe('what is stored is safe to show', () => {
  it('every stored link is an http(s) address (no javascript:, data: or control characters)', async () => {
    const bad = await t.query(`SELECT 'source' AS t, id, url AS link FROM source WHERE url IS NOT NULL AND (url !~* '^https?://' OR url ~ '[[:cntrl:]]')
      UNION ALL SELECT 'company', id, website FROM company WHERE website IS NOT NULL AND (website !~* '^https?://' OR website ~ '[[:cntrl:]]')`);
    expect(bad).toEqual([]);
  });

  it('pages render stored text only as React text and attributes (escaped): no dangerouslySetInnerHTML anywhere', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('app', { recursive: true })).map((p) => `app/${p}`)
      .concat((await readdir('components', { recursive: true })).map((p) => `components/${p}`))
      .filter((p) => /\.(tsx|ts)$/.test(p));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=/);
  });
});

describe('the sign-in form (better-auth’s endpoint, which the sign-in page posts to)', () => {
  it('answers hostile credentials and bodies with a 4xx, never a 5xx, and signs no one in', async () => {
    const tally = new Tally('admin › sign-in endpoint', RUNS.callers);
    const { POST } = await import('@/app/api/auth/[...all]/route');
    const known = await createTestUser('editor', 'Sign-in Target');
    const value = fc.oneof(
      taggedHostile.map((v) => ({ cls: v.cls, value: v.value as unknown })),
      fc.constantFrom(...WRONG_TYPES.filter((v) => typeof v !== 'bigint' && !(v instanceof Map) && !(v instanceof Set))).map((v) => ({ cls: 'wrong-type', value: v })),
      fc.constant({ cls: 'known-email', value: known.email as unknown }),
    );
    // JSON bodies (malformed JSON has its own test below).
    const body = fc.oneof(
      fc.record({ email: value, password: value, extra: fc.option(fc.tuple(fc.constantFrom('callbackURL', 'rememberMe', '__proto__', 'role'), value)) })
        .map(({ email, password, extra }) => ({
          classes: [email.cls, password.cls, ...(extra ? [extra[1].cls] : [])],
          text: JSON.stringify({ email: email.value, password: password.value, ...(extra ? { [extra[0]]: extra[1].value } : {}) }),
        })),
      taggedHostile.map((v) => ({ classes: [`json-string-body:${v.cls}`], text: JSON.stringify(v.value) })),
    );
    const sessions = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_session'))[0]!.n;
    const before = await sessions();
    let ip = 0;
    await fc.assert(fc.asyncProperty(body, async ({ classes, text }) => {
      tally.add(classes);
      const r = await POST(new Request('http://localhost:3000/api/auth/sign-in/email', {
        method: 'POST', body: text,
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', 'x-forwarded-for': `198.51.100.${(ip += 1) % 250}` },
      }));
      expect(r.status, text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(r.status, text.slice(0, 200)).toBeLessThan(500);
      expect(r.headers.getSetCookie().some((c) => /session_token=[^;]+/.test(c) && !/Max-Age=0/i.test(c)), text.slice(0, 200)).toBe(false);
    }), { numRuns: RUNS.callers });
    expect(await sessions()).toBe(before);
    tally.print();
  });

  // KNOWN BUG, outside this change's files: lib/auth/auth.ts onAPIError.onError treats every
  // error whose status is a number (better-call's 400 "Invalid JSON in request body", 415) as
  // unexpected and logs it with console.error, so any client can fill the error log. The answer
  // itself is a correct 400. Fix there (skip errors with statusCode < 500), then make this `it`.
  it('a malformed JSON body is a 400 and is not logged as an unexpected server error', async () => {
    const { POST } = await import('@/app/api/auth/[...all]/route');
    const r = await POST(new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST', body: '{"email": "a@example.org", "password":', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    }));
    expect(r.status).toBe(400);
    const logged = vi.mocked(console.error).mock.calls.map((c) => c.map(String).join(' '));
    vi.mocked(console.error).mockClear();
    expect(logged.filter((line) => line.includes('unexpected error'))).toEqual([]);
  });
});
