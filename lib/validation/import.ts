// Bulk import files: decoding (UTF-8 only), columns per kind, and each row parsed with the same
// field schemas as the admin forms. Pure: the data layer resolves references and plans writes.
import Papa from 'papaparse';
import { z } from 'zod';
import {
  CapacityScopeSchema, ChemistryFamilySchema, ConfidenceSchema, ContractKindSchema, ContractStatusSchema,
  DatePrecisionSchema, FacilityTypeSchema, PlantStatusSchema, SegmentSchema, SourceTierSchema, VolumeBasisSchema,
} from './fields';
import {
  checkbox, choice, date, fieldErrorsOf, number, optionalChoice, optionalDate, optionalNumber, optionalText, text, urlField,
} from './form-fields';

export const IMPORT_KINDS = ['plants', 'announcements', 'contracts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindSchema = z.enum(IMPORT_KINDS, { error: 'Choose what the file holds: plants, announcements or contracts.' });

/** Under the 8 MB server-action body limit in next.config.js (with multipart overhead); ~35,000 rows. */
export const IMPORT_MAX_BYTES = 7_500_000;

const ref = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v),
  z.string({ error: 'Required.' }).min(1, { error: 'Required.' }).regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/, { error: 'Letters, digits and / _ . - (at most 64).' }));
const year = optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' });
const source = {
  source_url: urlField,
  source_publisher: optionalText(200),
  source_title: optionalText(500),
  source_published_on: optionalDate,
  source_language: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null),
    z.string().regex(/^[a-z]{2}$/, { error: 'A two-letter language code (ISO 639-1), e.g. fr.' }).nullable()),
  source_tier: optionalChoice(SourceTierSchema.options),
  /** When the row's fact became public; empty = its source's publication date. */
  known_on: optionalDate,
};

const PlantRow = z.object({
  ref, name: text(200), operator: text(200), operator_since: optionalDate, city: text(200), region: text(200),
  lat: optionalNumber({ min: -90, max: 90, what: 'a latitude in degrees' }),
  lon: optionalNumber({ min: -180, max: 180, what: 'a longitude in degrees' }),
  location_approximate: checkbox,
  status: choice(PlantStatusSchema.options), status_since: optionalDate,
  chemistry: optionalText(300), chemistry_family: choice(ChemistryFamilySchema.options), segment: choice(SegmentSchema.options),
  facility_type: choice(FacilityTypeSchema.options), in_cell_totals: checkbox, start_year: year,
  confidence: choice(ConfidenceSchema.options), notes: optionalText(4000), ...source,
});

const AnnouncementRow = z.object({
  ref, plant_ref: ref, scope: choice(CapacityScopeSchema.options), target_year: year,
  gwh_per_year: number({ min: 0, max: 10_000, what: 'GWh per year' }), announced_on: date,
  date_precision: choice(DatePrecisionSchema.options), confidence: choice(ConfidenceSchema.options), note: optionalText(4000), ...source,
});

const ContractRow = z.object({
  ref, kind: choice(ContractKindSchema.options), supplier: text(200), buyer: text(200),
  plant_ref: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), ref.nullable()),
  signed_on: optionalDate, date_precision: choice(DatePrecisionSchema.options), start_year: year, end_year: year,
  duration_years: optionalNumber({ int: true, min: 1, max: 60, what: 'a number of years' }),
  volume_gwh: optionalNumber({ min: 0, max: 10_000, what: 'GWh' }), volume_basis: optionalChoice(VolumeBasisSchema.options),
  value_amount: optionalNumber({ min: 0, max: 1e13, what: 'an amount' }),
  value_currency: z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string().regex(/^[A-Z]{3}$/, { error: 'An ISO 4217 code, e.g. EUR.' }).nullable()),
  value_text: optionalText(300), status: choice(ContractStatusSchema.options), status_changed_on: optionalDate,
  description: optionalText(4000), confidence: choice(ConfidenceSchema.options), notes: optionalText(4000), ...source,
});

export type PlantRowValues = z.infer<typeof PlantRow>;
export type AnnouncementRowValues = z.infer<typeof AnnouncementRow>;
export type ContractRowValues = z.infer<typeof ContractRow>;

const SCHEMAS = { plants: PlantRow, announcements: AnnouncementRow, contracts: ContractRow } as const;

/** Columns a file must have; the others may be left out (then they keep their current values). */
export const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  plants: ['ref', 'name', 'operator', 'city', 'region', 'status', 'facility_type', 'confidence'],
  announcements: ['ref', 'plant_ref', 'target_year', 'gwh_per_year', 'announced_on', 'confidence'],
  contracts: ['ref', 'kind', 'supplier', 'buyer', 'status', 'confidence'],
};

/** Defaults for optional columns a file leaves out, when a row creates a record. */
const DEFAULTS: Record<ImportKind, Record<string, string>> = {
  plants: { location_approximate: 'true', chemistry_family: 'unknown', segment: 'unknown', in_cell_totals: 'true' },
  announcements: { scope: 'milestone', date_precision: 'day' },
  contracts: { date_precision: 'day' },
};

export function columnsOf(kind: ImportKind): string[] {
  return Object.keys(SCHEMAS[kind].shape);
}

export const COLUMN_HELP: Record<string, string> = {
  ref: 'stable reference; rows are matched on it (FR-12, FR-12/A3, OT-40)',
  operator: 'company slug or exact name', supplier: 'company slug or exact name', buyer: 'company slug or exact name',
  region: 'region slug or code (e.g. hauts-de-france or FRE); the country follows',
  status_since: 'date of the status (YYYY-MM-DD); required for a new plant or a status change',
  operator_since: 'date a new operator took over (YYYY-MM-DD); required when the operator of an existing plant changes',
  known_on: 'date the row’s fact became public (YYYY-MM-DD); empty = its source’s publication date, never earlier',
  status_changed_on: 'date of the contract’s status (YYYY-MM-DD); required when it changes',
  plant_ref: 'the plant’s ref', gwh_per_year: 'nameplate GWh per year, dot as decimal separator',
  source_url: 'an existing source’s address, or a new one with source_publisher, source_title and source_published_on',
  source_tier: 'a new source’s tier: primary, major, trade (default) or weak',
};

export interface RowError { column: string; message: string }
export interface ParsedRow<T> {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  ref: string;
  /** The columns the file has, so absent ones are left untouched on update. */
  columns: ReadonlySet<string>;
  values: T | null;
  errors: RowError[];
}
export interface ParsedFile<T> { fileErrors: string[]; rows: ParsedRow<T>[] }

/** UTF-8 text, or one line saying why not (UTF-16, Latin-1 and other encodings are refused). */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: 'The file is empty.' };
  if (bytes.length > IMPORT_MAX_BYTES) return { error: `The file is larger than ${IMPORT_MAX_BYTES / 1000} kB; split it into several files.` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'The file is UTF-16 encoded. Save it as “CSV UTF-8” and upload it again.' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { error: 'The file is not valid UTF-8 (it may be Windows-1252 or Latin-1). Save it as “CSV UTF-8” and upload it again; nothing was imported.' };
  }
}

type RowOf<K extends ImportKind> = z.infer<(typeof SCHEMAS)[K]>;

export function parseImportCsv<K extends ImportKind>(kind: K, text: string): ParsedFile<RowOf<K>> {
  const raw: string[] = [];
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true, skipEmptyLines: 'greedy',
    transformHeader: (h) => {
      const name = h.trim().toLowerCase();
      raw.push(name);
      return name;
    },
  });
  const headers = parsed.meta.fields ?? [];
  // papaparse renames a repeated header "x" to "x_1"; report the repetition, not an unknown column.
  const duplicates = raw.filter((h, i) => raw.indexOf(h) !== i);
  const renamed = new Set(headers.filter((h) => duplicates.some((d) => h.startsWith(`${d}_`) && /^\d+$/.test(h.slice(d.length + 1)))));
  const known = new Set(columnsOf(kind));
  const fileErrors: string[] = [];
  const missing = REQUIRED_COLUMNS[kind].filter((c) => !headers.includes(c));
  if (missing.length) fileErrors.push(`Missing column(s): ${missing.join(', ')}. Download the template for the expected header.`);
  const unknown = headers.filter((h) => !known.has(h) && !renamed.has(h));
  if (unknown.length) fileErrors.push(`Unknown column(s): ${unknown.join(', ')}. Expected columns: ${[...known].join(', ')}.`);
  if (duplicates.length) fileErrors.push(`Column(s) given twice: ${[...new Set(duplicates)].join(', ')}.`);
  for (const e of parsed.errors.filter((e) => e.type !== 'FieldMismatch')) fileErrors.push(`CSV format: ${e.message}${e.row !== undefined ? ` (row ${e.row + 2})` : ''}.`);
  if (parsed.data.length === 0 && fileErrors.length === 0) fileErrors.push('The file has a header but no rows.');
  if (fileErrors.length) return { fileErrors, rows: [] };

  const columns = new Set(headers);
  const firstRowOfRef = new Map<string, number>();
  const rows = parsed.data.map((cells, i): ParsedRow<RowOf<K>> => {
    const row = i + 2;
    const input: Record<string, string> = { ...DEFAULTS[kind] };
    for (const h of headers) if (cells[h] !== undefined) input[h] = cells[h];
    const refValue = (cells.ref ?? '').trim();
    const errors: RowError[] = [];
    if (parsed.errors.some((e) => e.type === 'FieldMismatch' && e.row === i)) {
      errors.push({ column: '(row)', message: `This row has ${Object.keys(cells).filter((k) => k !== '__parsed_extra').length} of ${headers.length} cells or extra ones; check its commas and quotes.` });
    }
    if (refValue) {
      const first = firstRowOfRef.get(refValue);
      if (first !== undefined) errors.push({ column: 'ref', message: `Duplicate row: ref ${refValue} is also on row ${first}.` });
      else firstRowOfRef.set(refValue, row);
    }
    const result = SCHEMAS[kind].safeParse(input);
    if (!result.success) {
      for (const [column, messages] of Object.entries(fieldErrorsOf(result.error))) {
        for (const message of messages) errors.push({ column, message });
      }
    }
    return { row, ref: refValue, columns, values: result.success ? (result.data as RowOf<K>) : null, errors };
  });
  return { fileErrors, rows };
}

/** The header line of a kind's template. */
export function templateCsv(kind: ImportKind): string {
  return `${columnsOf(kind).join(',')}\r\n`;
}
