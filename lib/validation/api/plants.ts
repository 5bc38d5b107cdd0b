// GET /api/v1/plants and /plants/{slug}: the explorer's filters (lib/validation/plant-filters.ts),
// parsed strictly, with cursor paging instead of page numbers.
import { z } from 'zod';
import {
  ChemistryFamilySchema, ConfidenceSchema, DatePrecisionSchema, FacilityTypeSchema, OwnershipOriginSchema,
  PlantStatusSchema, SegmentSchema,
} from '../fields';
import { LIST_PARAMS, NATURAL_DIR, type PlantFilters, plantFilterShape } from '../plant-filters';
import { formatParam, named, pageParams, PageMetaSchema, SourceRefSchema } from './common';
import { list, parseApiQuery, single, textParam } from './query';

export function plantsQueryShape(today: string) {
  const f = plantFilterShape(today);
  return {
    region: list(LIST_PARAMS.region, 'Only plants inside this region (slug, any level: macro-region, country, NUTS region). Repeatable.', 'hauts-de-france'),
    country: list(LIST_PARAMS.country, 'ISO 3166-1 alpha-2 country code. Repeatable.', 'DE'),
    status: list(LIST_PARAMS.status, 'Status on the as-of date. Repeatable.', 'operational'),
    company: list(LIST_PARAMS.company, 'Operator or equity partner (company slug). Repeatable.', 'northvolt'),
    origin: list(LIST_PARAMS.origin, 'Ownership origin of the operator. Repeatable.', 'chinese'),
    chemistry: list(LIST_PARAMS.chemistry, 'Chemistry family. Repeatable.', 'lfp'),
    segment: list(LIST_PARAMS.segment, 'Market segment. Repeatable.', 'ev'),
    min: single(f.min, 'Minimum capacity in `year` (GWh/yr, 0–10,000).', '10'),
    max: single(f.max, 'Maximum capacity in `year` (GWh/yr, 0–10,000).'),
    q: single(textParam(f.q), 'Text in the plant, city, operator or partner name (at most 100 characters).', 'Göd'),
    year: single(f.year, 'The year of the `yearGwh` column (2015–2040).', '2028'),
    scenario: single(f.scenario, 'announced (all but cancelled), risk_weighted (default status weights), or operational.'),
    asOf: single(f.asOf, 'Compute everything as known on this date (YYYY-MM-DD, 2018-01-01 to today). Default today.', '2024-01-01'),
    attribution: single(f.attribution, 'With `company`: attribute capacity to the operator only, or split by equity stakes (the `share` column).'),
    sort: single(f.sort, 'Sort column: name, country, operator, status, now, year (capacity), start (start year).', 'now'),
    dir: single(f.dir, 'asc or desc; default: names A→Z, figures largest first.'),
    ...pageParams,
    format: formatParam,
  };
}

export type PlantsQuery = ReturnType<typeof parsePlantsQuery>;

/** The request's filters as the explorer's PlantFilters (page/size unused: the API pages by cursor). */
export function parsePlantsQuery(params: URLSearchParams, today: string) {
  const q = parseApiQuery(params, plantsQueryShape(today), (v) =>
    v.min !== undefined && v.max !== undefined && v.max < v.min ? [{ path: 'max', message: `must not be below min (${v.min})` }] : []);
  const filters: PlantFilters = {
    region: q.region, country: q.country, status: q.status, company: q.company, origin: q.origin, chemistry: q.chemistry,
    segment: q.segment, min: q.min ?? null, max: q.max ?? null, q: q.q, year: q.year, scenario: q.scenario, asOf: q.asOf,
    attribution: q.attribution, sort: q.sort, dir: q.dir ?? NATURAL_DIR[q.sort], page: 1, size: q.limit,
  };
  return { filters, limit: q.limit, cursor: q.cursor, format: q.format };
}

/** Where a keyset cursor resumes: the sort columns of the last row shown, and its id. */
export const PlantCursorSchema = z.object({
  s: z.string(),
  id: z.int().min(1),
  name: z.string(),
  countryName: z.string(),
  operatorName: z.string(),
  status: PlantStatusSchema,
  /** Null: the figure is not disclosed (sorts last). */
  nowGwh: z.number().nullable(),
  yearGwh: z.number().nullable(),
  startYear: z.int().nullable(),
});

export const PlantRowSchema = named('PlantRow', z.object({
  id: z.int(),
  ref: z.string(),
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  countryCode: z.string(),
  countryName: z.string(),
  regionName: z.string(),
  operatorSlug: z.string(),
  operatorName: z.string(),
  origin: OwnershipOriginSchema,
  status: PlantStatusSchema,
  statusSince: z.iso.date(),
  chemistryFamily: ChemistryFamilySchema,
  segment: SegmentSchema,
  startYear: z.int().nullable(),
  inCellTotals: z.boolean(),
  nowGwh: z.number().nullable(),
  yearGwh: z.number().nullable(),
  y2030Gwh: z.number().nullable(),
  share: z.number().nullable(),
  reviewDue: z.boolean().meta({ description: 'A planned milestone (start year, a dated figure) has passed with no newer fact published: due for review.' }),
}), 'A plant with its status and operator on the as-of date and its capacity (GWh/yr) in the as-of year, in `year` and in 2030 under the scenario; null where the plant counts but its figure is not disclosed.');

export const PlantListSchema = named('PlantList', z.object({
  data: z.array(PlantRowSchema),
  meta: PageMetaSchema.extend({
    years: z.object({ now: z.int(), year: z.int(), y2030: z.int() }),
    asOf: z.iso.date(),
    scenario: z.string(),
  }),
}));

const plantRef = z.object({ slug: z.string(), name: z.string() });

const dated = {
  effectiveOn: z.iso.date().meta({ description: 'When it happened or took effect (as precise as datePrecision says).' }),
  datePrecision: DatePrecisionSchema,
  knownOn: z.iso.date().meta({ description: 'When it became public: its source’s publication date (the end of that period), or later. “As known on” views use only facts known by then.' }),
  note: z.string().nullable(),
  source: SourceRefSchema.nullable(),
};

export const PlantDetailSchema = named('PlantDetail', z.object({
  ref: z.string(),
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  operator: z.object({ slug: z.string(), name: z.string(), origin: OwnershipOriginSchema, status: z.string() }).meta({ description: 'The operator today.' }),
  operators: z.array(plantRef.extend(dated)).meta({ description: 'Every operator the plant had, oldest first, dated.' }),
  partners: z.array(plantRef.extend({ role: z.string(), stakePct: z.number().nullable(), note: z.string().nullable() })).meta({ description: 'Partners holding a stake today.' }),
  partnerHistory: z.array(plantRef.extend({ ...dated, role: z.string(), stakePct: z.number().nullable(), ended: z.boolean() })),
  region: z.object({ slug: z.string(), name: z.string(), path: z.string() }),
  regionTrail: z.array(z.object({ slug: z.string(), name: z.string(), level: z.string() })),
  country: z.object({ slug: z.string(), name: z.string(), code: z.string().nullable() }),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  locationApproximate: z.boolean(),
  status: PlantStatusSchema,
  statusSince: z.iso.date().nullable(),
  chemistry: z.string().nullable(),
  chemistryFamily: ChemistryFamilySchema,
  segment: SegmentSchema,
  facilityType: FacilityTypeSchema,
  inCellTotals: z.boolean(),
  startYear: z.int().nullable(),
  confidence: ConfidenceSchema,
  notes: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  capacity: z.object({
    year: z.int(), nowGwh: z.number().nullable(), y2030Gwh: z.number().nullable(), fullPlanGwh: z.number().nullable(),
  }).meta({ description: 'Today: what runs in the current year (0 when not operational), the dated figure for 2030 and the largest figure ever announced; null: not disclosed.' }),
  statusHistory: z.array(z.object({ status: PlantStatusSchema, ...dated })),
  announcements: z.array(z.object({
    id: z.int(), scope: z.enum(['milestone', 'long_term']), targetYear: z.int().nullable(), gwhPerYear: z.number(),
    announcedOn: z.iso.date(), datePrecision: DatePrecisionSchema, knownOn: z.iso.date(), confidence: ConfidenceSchema,
    note: z.string().nullable(), source: SourceRefSchema.nullable(), superseded: z.boolean(),
  })),
  contracts: z.array(z.object({
    ref: z.string(), kind: z.string(), status: z.string(), supplier: z.string(), buyer: z.string(), volumeGwh: z.number().nullable(),
    volumeBasis: z.string().nullable(), startYear: z.int().nullable(), endYear: z.int().nullable(), description: z.string().nullable(),
  })),
  sources: z.array(SourceRefSchema),
  dataCurrentTo: z.iso.date().nullable().meta({ description: 'The newest day a fact about the plant became public.' }),
  reviewDue: z.object({ milestoneYear: z.int(), newestFact: z.iso.date() }).nullable()
    .meta({ description: 'Set when a planned milestone year has come with no fact published since it began.' }),
  capacityHistory: z.object({
    fromYear: z.int(),
    toYear: z.int(),
    vintages: z.array(z.object({ asOf: z.iso.date(), values: z.array(z.object({ year: z.int(), gwh: z.number() })) })),
  }),
}), 'One plant with its dated ownership, dated status history, every capacity announcement (superseded ones included, each with the day it was announced and the day it became public) and sources.');

export const PlantDetailResponseSchema = named('PlantDetailResponse', z.object({ data: PlantDetailSchema }));
