import { z } from 'zod';
import {
  ChemistryFamilySchema, ConfidenceSchema, DatePrecisionSchema, FacilityTypeSchema, PartnerRoleSchema, PlantStatusSchema, SegmentSchema,
} from './fields';
import {
  checkbox, choice, date, id, optionalDate, optionalNumber, optionalText, refField, slugField, text, version,
} from './form-fields';
import { SourceChoiceSchema } from './source';

const PlantFields = z.object({
  /** Stable reference (FR-12); the next free one for the country when empty. */
  ref: refField,
  name: text(200),
  slug: slugField,
  city: text(200),
  /** The most specific region known (NUTS-2 where possible). */
  regionId: id,
  lat: optionalNumber({ min: -90, max: 90, what: 'a latitude in degrees, e.g. 50.95' }),
  lon: optionalNumber({ min: -180, max: 180, what: 'a longitude in degrees, e.g. 2.25' }),
  locationApproximate: checkbox,
  chemistry: optionalText(300),
  chemistryFamily: choice(ChemistryFamilySchema.options),
  segment: choice(SegmentSchema.options),
  facilityType: choice(FacilityTypeSchema.options),
  inCellTotals: checkbox,
  startYear: optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' }),
  confidence: choice(ConfidenceSchema.options),
  notes: optionalText(4000),
});

const bothCoordinates = (p: { lat: number | null; lon: number | null }, ctx: z.RefinementCtx) => {
  if ((p.lat === null) !== (p.lon === null)) {
    ctx.addIssue({ code: 'custom', path: [p.lat === null ? 'lat' : 'lon'], message: 'Give both latitude and longitude, or neither.' });
  }
};

export const PlantUpdateSchema = PlantFields.extend({ version }).superRefine(bothCoordinates);
export type PlantUpdate = z.infer<typeof PlantUpdateSchema>;

/** A new plant: its fields, its first status (dated), a source, and optionally its first capacity figure. */
export const PlantCreateSchema = z.object({
  ...PlantFields.shape,
  /** The first operator, from the status date on; later changes are operator facts (OperatorChangeInputSchema). */
  operatorId: id,
  status: choice(PlantStatusSchema.options),
  statusSince: date,
  statusPrecision: choice(DatePrecisionSchema.options),
  firstTargetYear: optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' }),
  firstGwh: optionalNumber({ min: 0, max: 10_000, what: 'GWh per year' }),
  firstAnnouncedOn: optionalDate,
  /** When the facts became public; empty = the source's publication date. */
  knownOn: optionalDate,
  source: SourceChoiceSchema,
}).superRefine((p, ctx) => {
  bothCoordinates(p, ctx);
  const first = [p.firstTargetYear, p.firstGwh, p.firstAnnouncedOn];
  if (first.some((v) => v !== null)) {
    if (p.firstTargetYear === null) ctx.addIssue({ code: 'custom', path: ['firstTargetYear'], message: 'Required for a capacity figure.' });
    if (p.firstGwh === null) ctx.addIssue({ code: 'custom', path: ['firstGwh'], message: 'Required for a capacity figure.' });
    if (p.firstAnnouncedOn === null) ctx.addIssue({ code: 'custom', path: ['firstAnnouncedOn'], message: 'Required for a capacity figure.' });
  }
});
export type PlantCreate = z.infer<typeof PlantCreateSchema>;

/** A new dated status: a new PlantStatusEvent row; the plant's current status follows the latest. */
export const StatusEventInputSchema = z.object({
  plantId: id,
  status: choice(PlantStatusSchema.options),
  effectiveOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  /** When it became public; empty = the source's publication date. */
  knownOn: optionalDate,
  note: optionalText(4000),
  source: SourceChoiceSchema,
});
export type StatusEventInput = z.infer<typeof StatusEventInputSchema>;

/** A change of operator (a sale, a takeover) from a date: a new operator fact, the old one stays as history. */
export const OperatorChangeInputSchema = z.object({
  plantId: id,
  companyId: id,
  effectiveOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  knownOn: optionalDate,
  note: optionalText(4000),
  source: SourceChoiceSchema,
});
export type OperatorChangeInput = z.infer<typeof OperatorChangeInputSchema>;

/** A partner's stake from a date (or, with `ended`, its exit): a new partner fact. */
export const PartnerFactInputSchema = z.object({
  plantId: id,
  companyId: id,
  role: choice(PartnerRoleSchema.options),
  stakePct: optionalNumber({ min: 0, max: 100, what: 'a percentage' }),
  ended: checkbox,
  effectiveOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  knownOn: optionalDate,
  note: optionalText(4000),
  source: SourceChoiceSchema,
});
export type PartnerFactInput = z.infer<typeof PartnerFactInputSchema>;
