// Admin forms described as data, so one client component renders them all and server pages can
// pass them as props. The field names are the zod schemas' keys (lib/validation/*).
import { CHEMISTRY_LABELS, ORIGIN_LABELS } from '@/lib/domain/labels';
import {
  CapacityScopeSchema, ChemistryFamilySchema, CompanyStatusSchema, ConfidenceSchema, ContractKindSchema, ContractStatusSchema,
  DatePrecisionSchema, FacilityTypeSchema, OwnershipOriginSchema, PartnerRoleSchema, PlantStatusSchema, SegmentSchema, SourceTierSchema,
  VolumeBasisSchema,
} from '@/lib/validation/fields';

export interface Option { value: string; label: string }
type Base = { name: string; label: string; hint?: string; required?: boolean };
export type FieldSpec =
  | (Base & { kind: 'text' | 'number' | 'date' | 'url' | 'email' | 'textarea'; step?: string; placeholder?: string })
  | (Base & { kind: 'select'; options: Option[]; blank?: string })
  | (Base & { kind: 'checkbox' })
  | (Base & { kind: 'picker'; from: 'companies' | 'regions' | 'countries' | 'plants'; blank?: string })
  | { kind: 'source'; name: 'sourceId'; label: string; required?: boolean };
export interface FieldGroup { legend?: string; note?: string; fields: FieldSpec[]; preview?: 'location' }

const words = (v: string) => v.replace(/_/g, ' ');
const opts = (values: readonly string[], labels: Record<string, string> = {}): Option[] =>
  values.map((v) => ({ value: v, label: labels[v] ?? words(v) }));

const confidence: FieldSpec = { kind: 'select', name: 'confidence', label: 'Confidence', options: opts(ConfidenceSchema.options), required: true };
const precision = (name: string, label = 'Date precision'): FieldSpec => ({ kind: 'select', name, label, options: opts(DatePrecisionSchema.options), required: true });
const year = (name: string, label: string, required = false): FieldSpec => ({ kind: 'number', name, label, step: '1', placeholder: '2030', required });
/** When the fact became public: the tracker shows it in as-of views from that day on. */
const knownOn: FieldSpec = {
  kind: 'date', name: 'knownOn', label: 'Public since',
  hint: 'The day this became public. Empty = the later of the date above and the source’s publication date. Never before the source.',
};
const note: FieldSpec = { kind: 'textarea', name: 'note', label: 'Note' };
const source: FieldSpec = { kind: 'source', name: 'sourceId', label: 'Source', required: true };

const plantIdentity: FieldSpec[] = [
  { kind: 'text', name: 'name', label: 'Name', required: true },
  { kind: 'text', name: 'ref', label: 'Ref', hint: 'Stable reference such as FR-12; empty = next free one for the country.' },
  { kind: 'text', name: 'slug', label: 'Slug (link)', hint: 'Empty = from the name.' },
];
const plantDetails: FieldGroup[] = [
  { legend: 'Location', preview: 'location', fields: [
    { kind: 'picker', name: 'regionId', label: 'Region', from: 'regions', required: true, hint: 'The most specific region known (NUTS-2 where possible); the country follows.' },
    { kind: 'text', name: 'city', label: 'City', required: true },
    { kind: 'number', name: 'lat', label: 'Latitude', step: 'any', placeholder: '50.95' },
    { kind: 'number', name: 'lon', label: 'Longitude', step: 'any', placeholder: '2.25' },
    { kind: 'checkbox', name: 'locationApproximate', label: 'Location is approximate' },
  ] },
  { legend: 'Technology', fields: [
    { kind: 'select', name: 'facilityType', label: 'Facility type', options: opts(FacilityTypeSchema.options), required: true },
    { kind: 'select', name: 'chemistryFamily', label: 'Chemistry family', options: opts(ChemistryFamilySchema.options, CHEMISTRY_LABELS), required: true },
    { kind: 'text', name: 'chemistry', label: 'Chemistry (as published)' },
    { kind: 'select', name: 'segment', label: 'Segment', options: opts(SegmentSchema.options), required: true },
    { kind: 'checkbox', name: 'inCellTotals', label: 'Counts in cell capacity totals', hint: 'Untick for module/pack-only sites.' },
    year('startYear', 'Start of production (year)'),
    confidence,
    { kind: 'textarea', name: 'notes', label: 'Notes' },
  ] },
];

export const PLANT_CREATE_FORM: FieldGroup[] = [
  { legend: 'Plant', fields: [
    plantIdentity[0]!,
    { kind: 'picker', name: 'operatorId', label: 'Operator (company)', from: 'companies', required: true,
      hint: 'The operator from the first status date; later changes are recorded on the plant’s page.' },
    ...plantIdentity.slice(1),
  ] },
  ...plantDetails,
  { legend: 'Status', fields: [
    { kind: 'select', name: 'status', label: 'Status', options: opts(PlantStatusSchema.options), required: true },
    { kind: 'date', name: 'statusSince', label: 'In this status since', required: true },
    precision('statusPrecision'),
  ] },
  { legend: 'First capacity figure (optional)', note: 'Nameplate GWh per year for a target year, as announced on a date.', fields: [
    year('firstTargetYear', 'Target year'),
    { kind: 'number', name: 'firstGwh', label: 'GWh per year', step: 'any' },
    { kind: 'date', name: 'firstAnnouncedOn', label: 'Announced on' },
  ] },
  { legend: 'Source', fields: [source, knownOn] },
];
/** Status, operator, partners and capacity are dated facts with their own forms, not fields. */
export const PLANT_EDIT_FORM: FieldGroup[] = [{ legend: 'Plant', fields: plantIdentity }, ...plantDetails];

export const STATUS_EVENT_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'select', name: 'status', label: 'New status', options: opts(PlantStatusSchema.options), required: true },
    { kind: 'date', name: 'effectiveOn', label: 'Effective on', required: true },
    precision('datePrecision'),
    note,
    source,
    knownOn,
  ] },
];

export const OPERATOR_CHANGE_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'picker', name: 'companyId', label: 'New operator', from: 'companies', required: true },
    { kind: 'date', name: 'effectiveOn', label: 'Operator from', required: true, hint: 'The day the sale or takeover took effect.' },
    precision('datePrecision'),
    note,
    source,
    knownOn,
  ] },
];

export const PARTNER_FACT_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'picker', name: 'companyId', label: 'Partner', from: 'companies', required: true },
    { kind: 'select', name: 'role', label: 'Role', options: opts(PartnerRoleSchema.options), required: true },
    { kind: 'number', name: 'stakePct', label: 'Stake (%)', step: 'any', hint: 'Empty = not published.' },
    { kind: 'checkbox', name: 'ended', label: 'The partner left on this date' },
    { kind: 'date', name: 'effectiveOn', label: 'From', required: true },
    precision('datePrecision'),
    note,
    source,
    knownOn,
  ] },
];

export const ANNOUNCEMENT_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'select', name: 'scope', label: 'Scope', options: [{ value: 'milestone', label: 'for a target year' }, { value: 'long_term', label: 'long-term plan (no year)' }], required: true },
    year('targetYear', 'Target year'),
    { kind: 'number', name: 'gwhPerYear', label: 'GWh per year', step: 'any', required: true },
    { kind: 'date', name: 'announcedOn', label: 'Announced on', required: true },
    precision('datePrecision'),
    confidence,
    note,
    source,
    knownOn,
  ] },
];

export const COMPANY_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'text', name: 'name', label: 'Name', required: true },
    { kind: 'text', name: 'slug', label: 'Slug (link)', hint: 'Empty = from the name (new) or unchanged (edit).' },
    { kind: 'picker', name: 'hqCountryId', label: 'Headquarters country', from: 'countries', blank: '(unknown)' },
    { kind: 'select', name: 'origin', label: 'Ownership origin', options: opts(OwnershipOriginSchema.options, ORIGIN_LABELS), required: true },
    { kind: 'select', name: 'status', label: 'Status', options: opts(CompanyStatusSchema.options), required: true },
    { kind: 'picker', name: 'successorId', label: 'Successor (if acquired or insolvent)', from: 'companies', blank: '(none)' },
    { kind: 'url', name: 'website', label: 'Website' },
    { kind: 'textarea', name: 'notes', label: 'Notes' },
  ] },
];

/** An owner's stake in a company from a date (or, with "ended", its exit). */
export const COMPANY_LINK_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'picker', name: 'parentId', label: 'Owner (parent company)', from: 'companies', required: true },
    { kind: 'number', name: 'stakePct', label: 'Stake (%)', step: 'any', hint: 'Empty = not published. Above 50% the owner controls the company.' },
    { kind: 'checkbox', name: 'ended', label: 'The owner sold out on this date' },
    { kind: 'date', name: 'effectiveOn', label: 'From', required: true },
    precision('datePrecision'),
    note,
    source,
    knownOn,
  ] },
];

const contractFields: FieldSpec[] = [
  { kind: 'text', name: 'ref', label: 'Ref', hint: 'Such as OT-40; empty = next free one.' },
  { kind: 'select', name: 'kind', label: 'Kind', options: opts(ContractKindSchema.options), required: true },
  { kind: 'picker', name: 'supplierId', label: 'Supplier (cell maker)', from: 'companies', required: true },
  { kind: 'picker', name: 'buyerId', label: 'Buyer', from: 'companies', required: true },
  { kind: 'picker', name: 'plantId', label: 'Supplying plant', from: 'plants', blank: '(not known)' },
  { kind: 'date', name: 'signedOn', label: 'Signed on' },
  precision('datePrecision'),
  year('startYear', 'Start year'),
  year('endYear', 'End year'),
  { kind: 'number', name: 'durationYears', label: 'Duration (years)', step: '1' },
  { kind: 'number', name: 'volumeGwh', label: 'Volume (GWh)', step: 'any' },
  { kind: 'select', name: 'volumeBasis', label: 'Volume basis', options: opts(VolumeBasisSchema.options), blank: '(no volume)' },
  { kind: 'number', name: 'valueAmount', label: 'Value', step: 'any' },
  { kind: 'text', name: 'valueCurrency', label: 'Currency (ISO 4217)', placeholder: 'EUR' },
  { kind: 'text', name: 'valueText', label: 'Value as reported' },
  confidence,
  { kind: 'textarea', name: 'description', label: 'Description' },
  { kind: 'textarea', name: 'notes', label: 'Notes' },
];
export const CONTRACT_CREATE_FORM: FieldGroup[] = [{ fields: [
  ...contractFields,
  { kind: 'select', name: 'status', label: 'Status', options: opts(ContractStatusSchema.options), required: true },
  { kind: 'date', name: 'statusChangedOn', label: 'In this status since', hint: 'Empty = the signing date, else the source’s date.' },
  source,
  knownOn,
] }];
/** The status changes only through dated contract events. */
export const CONTRACT_EDIT_FORM: FieldGroup[] = [{ fields: contractFields }];

export const CONTRACT_EVENT_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'select', name: 'status', label: 'Status from this date', options: opts(ContractStatusSchema.options), required: true },
    { kind: 'date', name: 'effectiveOn', label: 'Effective on', required: true },
    precision('datePrecision'),
    note,
    source,
    knownOn,
  ] },
];

export const SOURCE_TIER_LABELS: Record<string, string> = {
  primary: 'primary (company, regulator, court, EU)',
  major: 'major (wire service, national or business press)',
  trade: 'trade (specialist press)',
  weak: 'weak (aggregator, listing; never a figure’s only source)',
};
export const SOURCE_TIER_OPTIONS = opts(SourceTierSchema.options, SOURCE_TIER_LABELS);

export const SOURCE_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'url', name: 'url', label: 'Address (URL)', required: true },
    { kind: 'text', name: 'publisher', label: 'Publisher', required: true },
    { kind: 'text', name: 'title', label: 'Title', required: true },
    { kind: 'text', name: 'language', label: 'Language', placeholder: 'fr', hint: 'Two-letter code (ISO 639-1) of the page’s language.' },
    { kind: 'date', name: 'publishedOn', label: 'Published on', required: true },
    precision('datePrecision'),
    { kind: 'select', name: 'tier', label: 'Tier', options: SOURCE_TIER_OPTIONS, required: true },
    { kind: 'textarea', name: 'note', label: 'Note' },
  ] },
];

export const REGION_CREATE_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'text', name: 'name', label: 'Name', required: true },
    { kind: 'picker', name: 'parentId', label: 'Parent region', from: 'regions', required: true },
    { kind: 'select', name: 'level', label: 'Level', options: [{ value: 'country', label: 'country' }, { value: 'nuts1', label: 'NUTS-1' }, { value: 'nuts2', label: 'NUTS-2' }], required: true },
    { kind: 'text', name: 'code', label: 'Code', hint: 'ISO 3166-1 alpha-2 for a country (FR), the NUTS code below (FRE1).' },
    { kind: 'text', name: 'slug', label: 'Slug (link)', hint: 'Empty = from the name.' },
  ] },
];
export const REGION_EDIT_FORM: FieldGroup[] = [
  { fields: [
    { kind: 'text', name: 'name', label: 'Name', required: true },
    { kind: 'text', name: 'code', label: 'Code' },
  ] },
];

export const CAPACITY_SCOPES = CapacityScopeSchema.options;
