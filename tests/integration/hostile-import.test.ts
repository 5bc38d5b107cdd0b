// Hostile CSV files at the bulk import (the admin's import action, dry run and commit): wrong,
// unknown and repeated headers, ragged rows, unbalanced quotes, BOMs, CR/LF mixes, huge cells,
// formula-injection cells, duplicate refs, refused values in every column, binary junk and wrong
// encodings. Every file here has at least one defect: the dry run names it (a file error, or an
// error on the row that has it), the commit refuses the whole file, and nothing changes.
// Then the other half: injection strings that are valid text survive the import byte for byte,
// and every CSV the site writes neutralises them as spreadsheet formulas.
import fc from 'fast-check';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportPlants } from '@/app/plants/export/route';
import { importAction } from '@/app/admin/(area)/import/actions';
import type { ImportState } from '@/components/admin/import-state';
import {
  CapacityScopeSchema, ChemistryFamilySchema, ConfidenceSchema, ContractKindSchema, ContractStatusSchema, DatePrecisionSchema,
  FacilityTypeSchema, PlantStatusSchema, SegmentSchema, SourceTierSchema, VolumeBasisSchema,
} from '@/lib/validation/fields';
import { type ImportKind, REQUIRED_COLUMNS, columnsOf } from '@/lib/validation/import';
import { todayIso } from '@/lib/validation/capacity';
import { as, createTestUser, signIn } from '../support/auth';
import { call, databaseFingerprint, setRateLimit } from '../support/api';
import { setupTestDatabase } from '../support/database';
import {
  BLANK, CSV_FORMULA, type FieldKind, HTML, refused, scaled, SQL, Tally, type Tagged, tag, tagConst, taggedHostile, UNICODE, validHostileText,
} from '../support/hostile';

// revalidatePath needs Next's request store and throws outside a request; a committed import calls it.
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: vi.fn() }));

const RUNS = scaled({ malformedPerKind: 12, badRequest: 16, roundTrip: 4 });

const t = setupTestDatabase({ seeded: true });
setRateLimit(1_000_000);
let session: Headers;
let viewer: Headers;
const today = todayIso();

beforeAll(async () => {
  session = await signIn(await createTestUser('editor', 'Hostile Importer'));
  viewer = await signIn(await createTestUser('viewer', 'Import Viewer'));
});

// ---------------------------------------------------------------------------------------------
// Columns by kind: a valid value, and what the column must refuse.

/** Columns that name another record (company, region, plant): anything that names none is refused. */
const REFERENCE = 'reference';
type Column = FieldKind | typeof REFERENCE;
const text = (max: number, required: boolean): FieldKind => ({ kind: 'text', max, required });
const choice = (options: readonly string[], required = true): FieldKind => ({ kind: 'choice', options, required });
const num = (min: number, max: number, int = false, required = false): FieldKind => ({ kind: 'number', min, max, int, required });
const year = num(2000, 2060, true);
const ref: FieldKind = { kind: 'ref', required: true };
const SOURCE_COLUMNS: Record<string, Column> = {
  source_url: { kind: 'url' }, source_publisher: text(200, false), source_title: text(500, false), source_published_on: { kind: 'date', required: false },
  source_language: { kind: 'language' }, source_tier: choice(SourceTierSchema.options, false), known_on: { kind: 'date', required: false },
};
const COLUMNS: Record<ImportKind, Record<string, Column>> = {
  plants: {
    ref, name: text(200, true), operator: REFERENCE, operator_since: { kind: 'date', required: false }, city: text(200, true), region: REFERENCE, lat: num(-90, 90), lon: num(-180, 180),
    location_approximate: { kind: 'checkbox' }, status: choice(PlantStatusSchema.options), status_since: { kind: 'date', required: false },
    chemistry: text(300, false), chemistry_family: choice(ChemistryFamilySchema.options), segment: choice(SegmentSchema.options),
    facility_type: choice(FacilityTypeSchema.options), in_cell_totals: { kind: 'checkbox' }, start_year: year, confidence: choice(ConfidenceSchema.options),
    notes: text(4000, false), ...SOURCE_COLUMNS,
  },
  announcements: {
    ref, plant_ref: REFERENCE, scope: choice(CapacityScopeSchema.options), target_year: year, gwh_per_year: num(0, 10_000, false, true),
    announced_on: { kind: 'date', required: true }, date_precision: choice(DatePrecisionSchema.options), confidence: choice(ConfidenceSchema.options),
    note: text(4000, false), ...SOURCE_COLUMNS,
  },
  contracts: {
    ref, kind: choice(ContractKindSchema.options), supplier: REFERENCE, buyer: REFERENCE, plant_ref: REFERENCE, signed_on: { kind: 'date', required: false },
    date_precision: choice(DatePrecisionSchema.options), start_year: year, end_year: year, duration_years: num(1, 60, true), volume_gwh: num(0, 10_000),
    volume_basis: choice(VolumeBasisSchema.options, false), value_amount: num(0, 1e13), value_currency: { kind: 'currency' }, value_text: text(300, false),
    status: choice(ContractStatusSchema.options), status_changed_on: { kind: 'date', required: false }, description: text(4000, false),
    confidence: choice(ConfidenceSchema.options), notes: text(4000, false), ...SOURCE_COLUMNS,
  },
};

let n = 0;
const nextTag = () => `${Date.now().toString(36)}${(n += 1)}`.toUpperCase();

/** A valid row (every column) that would create a new record. */
function validRow(kind: ImportKind, tagValue: string): Record<string, string> {
  const source = {
    source_url: `https://example.org/hostile-import/${tagValue}`, source_publisher: 'Hostile import', source_title: `Story ${tagValue}`,
    source_published_on: '2026-01-01', source_language: 'en', source_tier: 'trade', known_on: '',
  };
  if (kind === 'plants') {
    return {
      ref: `ZH-${tagValue}`, name: `Hostile plant ${tagValue}`, operator: 'verkor', operator_since: '', city: 'Lille', region: 'FRE1', lat: '50.6', lon: '3.06',
      location_approximate: 'true', status: 'announced', status_since: today, chemistry: '', chemistry_family: 'lfp', segment: 'ev',
      facility_type: 'cell_gigafactory', in_cell_totals: 'true', start_year: '', confidence: 'low', notes: '', ...source,
    };
  }
  if (kind === 'announcements') {
    return {
      ref: `FR-01/H${tagValue}`, plant_ref: 'FR-01', scope: 'milestone', target_year: '2031', gwh_per_year: '5', announced_on: '2026-01-01',
      date_precision: 'day', confidence: 'low', note: '', ...source,
    };
  }
  return {
    ref: `ZH-OT-${tagValue}`, kind: 'cell_supply', supplier: 'verkor', buyer: 'renault-group', plant_ref: '', signed_on: '', date_precision: 'day',
    start_year: '2027', end_year: '2030', duration_years: '', volume_gwh: '', volume_basis: '', value_amount: '', value_currency: '', value_text: '',
    status: 'planned', description: '', status_changed_on: '', confidence: 'low', notes: '', ...source,
  };
}

const KNOWN = new Set(['verkor', 'renault-group', 'fre1', 'fr-01', 'nord-pas-de-calais']);
function refusedCell(column: Column): fc.Arbitrary<Tagged<string>> {
  if (column !== REFERENCE) return refused(column);
  return fc.oneof(
    tagConst('unknown-reference', ['no-such-company', 'verkor\u200b', "verkor' --", 'FR-01\u202e', 'atlantis', ...CSV_FORMULA.filter((s) => s.trim())]),
    taggedHostile.filter((v) => v.value.trim() !== '' && !KNOWN.has(v.value.trim().toLowerCase())),
  );
}

// ---------------------------------------------------------------------------------------------
// Files: a header and rows, each file with at least one defect, written with hostile formatting.

interface Plan {
  header: string[];
  rows: Record<string, string>[];
  /** What makes the file wrong: file-level, or a row (0-based data row) that has a defect. */
  defects: { cls: string; row?: number }[];
  /** Cells written raw (unquoted) and other formatting noise. */
  noise: { bom: boolean; newline: string; mixNewlines: boolean; upperHeader: boolean; spacedHeader: boolean };
  /** Byte-level damage applied after encoding (invalid UTF-8, UTF-16 BOM, truncation). */
  bytes: 'none' | 'invalid-utf8' | 'utf16-bom' | 'nul-bytes';
  /** A raw fragment appended to one row (unbalanced quote, extra cells). */
  raw: { row: number; kind: 'unbalanced-quote' | 'extra-cells' | 'missing-cells' } | null;
}

const HOSTILE_HEADERS = ['=cmd|', '<script>', '__proto__', 'constructor', '../x', 'ref\u200b', 'name;drop', 'x'.repeat(300), '', ' ', 'gwh', 'colour'];

type RowDefect =
  | { kind: 'cell'; col: string; v: Tagged<string> }
  | { kind: 'duplicate-ref' }
  | { kind: 'raw'; raw: 'unbalanced-quote' | 'extra-cells' | 'missing-cells' };
const FILE_DEFECTS = ['missing-column', 'unknown-column', 'duplicate-column', 'invalid-utf8', 'utf16-bom', 'header-only', 'nul-bytes'] as const;

function planArb(kind: ImportKind): fc.Arbitrary<Plan> {
  const columns = COLUMNS[kind];
  const all = columnsOf(kind);
  const required = REQUIRED_COLUMNS[kind];
  const optional = all.filter((c) => !required.includes(c));
  const header = fc.subarray(optional).chain((extra) => fc.shuffledSubarray([...required, ...extra], { minLength: required.length + extra.length }));
  const rowDefect = (h: string[]): fc.Arbitrary<RowDefect> => fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...h).chain((col) => refusedCell(columns[col]!).map((v): RowDefect => ({ kind: 'cell', col, v }))) },
    { weight: 1, arbitrary: fc.constant<RowDefect>({ kind: 'duplicate-ref' }) },
    { weight: 1, arbitrary: fc.constantFrom('unbalanced-quote', 'extra-cells', 'missing-cells' as const).map((raw): RowDefect => ({ kind: 'raw', raw })) },
  );
  const noise = fc.record({
    bom: fc.boolean(), newline: fc.constantFrom('\r\n', '\n', '\r'), mixNewlines: fc.boolean(), upperHeader: fc.boolean(), spacedHeader: fc.boolean(),
  });
  const unknownHeader = fc.constantFrom(...HOSTILE_HEADERS.filter((x) => !all.includes(x.trim().toLowerCase())));
  return fc.record({ h: header, count: fc.integer({ min: 1, max: 5 }), noise, seed: fc.nat(), unknown: unknownHeader })
    .chain((base) => fc.oneof(
      // One file-level defect…
      fc.constantFrom(...FILE_DEFECTS).map((file) => ({ ...base, file, defects: [] as [number, RowDefect][] })),
      // … or one to three rows with a defect each.
      fc.array(fc.tuple(fc.nat({ max: base.count - 1 }), rowDefect(base.h)), { minLength: 1, maxLength: 3 }).map((defects) => ({ ...base, file: null, defects })),
    ))
    .map(({ h, count, noise: noiseValue, seed, unknown, file, defects }): Plan => {
      const rows = Array.from({ length: count }, () => {
        const full = validRow(kind, nextTag());
        return Object.fromEntries(h.map((c) => [c, full[c] ?? '']));
      });
      const plan: Plan = { header: [...h], rows, defects: [], noise: noiseValue, bytes: 'none', raw: null };
      if (file) {
        plan.defects.push({ cls: file });
        if (file === 'missing-column') plan.header = h.filter((c) => c !== required[seed % required.length]);
        if (file === 'unknown-column') plan.header = [...h, unknown.trim() === '' ? 'blank_column_x' : unknown];
        if (file === 'duplicate-column') plan.header = [...h, h[seed % h.length]!];
        if (file === 'invalid-utf8' || file === 'utf16-bom' || file === 'nul-bytes') plan.bytes = file;
        if (file === 'header-only') plan.rows = [];
        return plan;
      }
      for (const [row, d] of defects) {
        if (d.kind === 'cell') {
          plan.rows[row]![d.col] = d.v.value;
          plan.defects.push({ cls: d.v.cls, row });
        } else if (d.kind === 'duplicate-ref') {
          // The row repeats the ref of the row before it (or of a copy of itself added at the end).
          if (row === 0) {
            plan.rows.push({ ...plan.rows[0]! });
            plan.defects.push({ cls: 'duplicate-ref', row: plan.rows.length - 1 });
          } else {
            plan.rows[row]!.ref = plan.rows[row - 1]!.ref!;
            plan.defects.push({ cls: 'duplicate-ref', row });
          }
        } else if (!plan.raw) {
          plan.raw = { row, kind: d.raw };
          plan.defects.push({ cls: d.raw, row });
        }
      }
      return plan;
    });
}

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
/** A row's cell for a header name (which may be "constructor" or "__proto__"). */
const cellOf = (row: Record<string, string>, h: string) => (Object.hasOwn(row, h) ? row[h]! : '');

function encode(plan: Plan): Uint8Array {
  const nl = plan.noise.newline;
  const head = plan.header.map((h) => {
    let name = plan.noise.upperHeader ? h.toUpperCase() : h;
    if (plan.noise.spacedHeader) name = ` ${name} `;
    return /[",\r\n]/.test(name) || name !== name.trim() ? quote(name) : name;
  }).join(',');
  const lines = plan.rows.map((row, i) => {
    let line = plan.header.map((h) => quote(cellOf(row, h))).join(',');
    if (plan.raw?.row === i) {
      if (plan.raw.kind === 'unbalanced-quote') line += ',"never closed';
      if (plan.raw.kind === 'extra-cells') line += ',extra,"=cmd|\' /C calc\'!A0"';
      if (plan.raw.kind === 'missing-cells') line = plan.header.slice(0, Math.max(1, plan.header.length - 2)).map((h) => quote(cellOf(row, h))).join(',');
    }
    return line;
  });
  // A file written by two tools: the first line ends one way, the rest another (Papa guesses from the first).
  const text = plan.noise.mixNewlines && lines.length
    ? `${head}${nl}${lines.join(nl === '\n' ? '\r\n' : '\n')}${nl}`
    : `${[head, ...lines].join(nl)}${nl}`;
  let bytes = new TextEncoder().encode(`${plan.noise.bom ? '\uFEFF' : ''}${text}`);
  if (plan.bytes === 'invalid-utf8') bytes = Uint8Array.from([...bytes.slice(0, Math.floor(bytes.length / 2)), 0xff, 0xc3, 0x28, ...bytes.slice(Math.floor(bytes.length / 2))]);
  if (plan.bytes === 'utf16-bom') bytes = Uint8Array.from([0xff, 0xfe, ...bytes]);
  if (plan.bytes === 'nul-bytes') bytes = Uint8Array.from([...bytes.slice(0, head.length + 1), 0, 0, 0x3d, 0, ...bytes.slice(head.length + 1)]);
  return bytes;
}

// ---------------------------------------------------------------------------------------------

/** Runs the import action as the admin page does (one form, intent preview or commit). */
async function importFile(kind: unknown, bytes: Uint8Array | null, intent: 'preview' | 'commit', who: Headers | null = session): Promise<ImportState> {
  const fd = new FormData();
  if (bytes) fd.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'hostile.csv', { type: 'text/csv' }));
  if (kind !== undefined) fd.append('kind', kind as string);
  fd.append('intent', intent);
  return as(who, () => importAction({ status: 'idle' }, fd));
}

/** Row counts and content checksums of every table (the sessions and limiter aside). */
const fingerprint = () => databaseFingerprint((sql) => t.query(sql), ['auth_session', 'rate_limit', 'api_rate_limit', 'auth_verification']);
const quick = async () => JSON.stringify(await t.query(`SELECT (SELECT count(*) FROM audit_log) AS audits, (SELECT count(*) FROM plant) AS plants,
  (SELECT count(*) FROM capacity_announcement) AS figures, (SELECT count(*) FROM contract) AS contracts, (SELECT count(*) FROM source) AS sources,
  (SELECT coalesce(sum(version), 0) FROM plant) AS pv, (SELECT coalesce(sum(version), 0) FROM contract) AS cv, (SELECT count(*) FROM plant_status_event) AS events`));

describe('malformed files: the dry run names each defect, the commit refuses the file, nothing changes', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await fingerprint();
  });

  for (const kind of ['plants', 'announcements', 'contracts'] as const) {
    it(kind, async () => {
      const tally = new Tally(`import › ${kind}: malformed files`, RUNS.malformedPerKind);
      await fc.assert(fc.asyncProperty(planArb(kind), async (plan) => {
        tally.add(plan.defects.map((d) => d.cls).concat(plan.noise.bom ? ['bom'] : [], plan.noise.mixNewlines ? ['crlf-mix'] : []));
        const bytes = encode(plan);
        const context = `${kind} ${JSON.stringify(plan.defects)} ${new TextDecoder().decode(bytes).slice(0, 300)}`;
        const last = await quick();

        const dry = await importFile(kind, bytes, 'preview');
        expect(dry.status, context).toBe('preview');
        const p = dry.preview!;
        expect(p.counts.new + p.counts.changed + p.counts.unchanged + p.counts.error, context).toBe(p.rows.length);
        for (const e of p.fileErrors) expect(e.length, context).toBeGreaterThan(10);
        for (const r of p.rows.filter((x) => x.status === 'error')) {
          expect(r.errors.length, context).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.column.length > 0 && e.message.length > 5, `${context} ${JSON.stringify(e)}`).toBe(true);
        }
        // The defect is found: a file error, or an error on the very row that has it.
        expect(p.fileErrors.length + p.counts.error, `${context} → ${JSON.stringify(p).slice(0, 500)}`).toBeGreaterThan(0);
        if (p.fileErrors.length === 0) {
          for (const d of plan.defects.filter((x) => x.row !== undefined && !['unbalanced-quote'].includes(x.cls))) {
            const row = p.rows.find((r) => r.row === d.row! + 2);
            expect(row?.status, `${context}: row ${d.row! + 2} → ${JSON.stringify(row)}`).toBe('error');
          }
        }

        const committed = await importFile(kind, bytes, 'commit');
        expect(committed.status, context).toBe('error');
        expect(committed.message, context).toMatch(/Nothing was imported/);
        expect(await quick(), context).toBe(last);
      }), { numRuns: RUNS.malformedPerKind });
      tally.print();
    });
  }

  it('a bad kind, a missing or empty file, or no role: a clear message and nothing written', async () => {
    const tally = new Tally('import › bad requests', RUNS.badRequest);
    const good = new TextEncoder().encode(`${columnsOf('plants').join(',')}\r\n${Object.values(validRow('plants', nextTag())).map(quote).join(',')}\r\n`);
    const cases = fc.oneof(
      taggedHostile.filter((k) => !['plants', 'announcements', 'contracts'].includes(k.value))
        .map((k) => ({ cls: `kind:${k.cls}`, kind: k.value as unknown, bytes: good as Uint8Array | null, who: session as Headers | null })),
      fc.constantFrom(
        { cls: 'no-file', kind: 'plants' as unknown, bytes: null, who: session },
        { cls: 'empty-file', kind: 'plants', bytes: new Uint8Array(), who: session },
        { cls: 'no-kind', kind: undefined, bytes: good, who: session },
        { cls: 'anonymous', kind: 'plants', bytes: good, who: null },
        { cls: 'viewer', kind: 'plants', bytes: good, who: viewer },
      ),
    );
    const last = await quick();
    await fc.assert(fc.asyncProperty(cases, fc.constantFrom('preview', 'commit') as fc.Arbitrary<'preview' | 'commit'>, async (c, intent) => {
      tally.add([c.cls, intent]);
      const state = await importFile(c.kind, c.bytes, intent, c.who);
      expect(state.status, c.cls).toBe('error');
      expect(state.message?.length ?? 0, c.cls).toBeGreaterThan(5);
    }), { numRuns: RUNS.badRequest });
    expect(await quick()).toBe(last);
    tally.print();
  });

  it('afterwards every table holds exactly what it held before', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that is valid in a plant name or note and starts like a formula, a tag or a query more often than not. */
const injectionText = (max: number) => fc.oneof(
  tagConst('csv-formula', CSV_FORMULA.map((s) => s.trim()).filter((s) => s && FORMULA_START.test(s))),
  tagConst('html-js', HTML),
  tagConst('sql', SQL),
  tagConst('unicode', UNICODE),
  validHostileText(max),
  tag('formula+text', fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.constantFrom(...SQL, ...HTML, 'HYPERLINK("https://evil.example","x")')).map(([a, b]) => `${a}${b}`)),
).filter((v) => !BLANK.includes(v.value) && v.value.trim() === v.value);

describe('hostile but valid text survives the import and every CSV neutralises formulas', () => {
  it('plant names, cities, notes and source titles: stored exactly, exported as text', async () => {
    const tally = new Tally('import › valid injection text round trip', RUNS.roundTrip);
    const header = columnsOf('plants');
    const rowArb = fc.record({ name: injectionText(150), city: injectionText(190), chemistry: injectionText(300), notes: injectionText(3000), title: injectionText(450) });
    await fc.assert(fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 3 }), async (rows) => {
      tally.add(rows.flatMap((r) => Object.values(r).map((v) => v.cls)));
      const planned = rows.map((r) => {
        const tagValue = nextTag();
        // The name carries a tag at its end so each plant is unique and can be found again.
        const values = { ...validRow('plants', tagValue), name: `${r.name.value} ${tagValue}`, city: r.city.value, chemistry: r.chemistry.value, notes: r.notes.value, source_title: `${r.title.value} ${tagValue}` };
        return { tagValue, values };
      });
      const csv = Papa.unparse({ fields: header, data: planned.map((p) => header.map((h) => p.values[h as keyof typeof p.values] ?? '')) }, { quotes: true, newline: '\r\n' });
      const committed = await importFile('plants', new TextEncoder().encode(csv), 'commit');
      expect(committed.status, `${JSON.stringify(committed).slice(0, 600)}`).toBe('committed');

      for (const { tagValue, values } of planned) {
        const [stored] = await t.query<{ slug: string; name: string; city: string; chemistry: string; notes: string; title: string }>(
          `SELECT p.slug, p.name, p.city, p.chemistry, p.notes, s.title FROM plant p JOIN plant_source ps ON ps.plant_id = p.id JOIN source s ON s.id = ps.source_id WHERE p.ref = $1`, [`ZH-${tagValue}`]);
        expect(stored, tagValue).toEqual({ slug: stored!.slug, name: values.name, city: values.city, chemistry: values.chemistry, notes: values.notes, title: values.source_title });

        // The API answers the same text in JSON.
        const api = await call('/plants/{slug}', '', { params: { slug: stored!.slug } });
        expect(api.status).toBe(200);
        const body = await api.json() as { data: { name: string; city: string; notes: string | null } };
        expect(body.data).toMatchObject({ name: values.name, city: values.city });
      }

      // Every CSV the site writes: text cells that a spreadsheet would run start with an apostrophe.
      const neutral = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);
      const apiCsv = Papa.parse<Record<string, string>>(await (await call('/plants', `format=csv&limit=500&company=verkor`)).text(), { header: true, skipEmptyLines: true }).data;
      const exported = Papa.parse<Record<string, string>>((await (await exportPlants(new Request('http://voltrack.test/plants/export?company=verkor'))).text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
      for (const { tagValue, values } of planned) {
        for (const [label, table] of [['API CSV', apiCsv], ['explorer export', exported]] as const) {
          const row = table.find((r) => r.ref === `ZH-${tagValue}`);
          expect(row, `${label} ${tagValue}`).toBeDefined();
          expect(row!.name, `${label} name`).toBe(neutral(values.name));
          expect(row!.city, `${label} city`).toBe(neutral(values.city));
          for (const cell of Object.values(row!)) if (FORMULA_START.test(cell)) expect(Number.isFinite(Number(cell)), `${label}: ${cell}`).toBe(true);
        }
      }
    }), { numRuns: RUNS.roundTrip });
    tally.print();
  });

  it('the change feed shows imported hostile names as text in well-formed XML', async () => {
    const r = await call('/feed.xml', '');
    expect(r.status).toBe(200);
    const xml = await r.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script|<img|<svg|<iframe/i);
    const titles = (new XMLParser({ isArray: (name) => name === 'entry', trimValues: false, parseTagValue: false }).parse(xml) as { feed: { entry: { title: string }[] } }).feed.entry.map((e) => e.title);
    // XML cannot carry U+FFFE/U+FFFF (the feed shows U+FFFD) and reads a raw CR as a line feed.
    const names = (await t.query<{ name: string }>(`SELECT name FROM plant WHERE ref LIKE 'ZH-%'`))
      .map((p) => p.name.replace(/[\ufffe\uffff]/g, '\ufffd').replace(/\r\n?/g, '\n'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(titles, name).toContain(`New plant: ${name} (announced)`);
  });
});
