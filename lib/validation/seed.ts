// The curated dataset's file format (prisma/seed/data, format 2: see its README.md). The seed CLI
// parses every file with these schemas before it writes anything.
import { z } from 'zod';
import {
  CapacityScopeSchema, ChemistryFamilySchema, CompanyStatusSchema, ConfidenceSchema,
  ContractKindSchema, ContractStatusSchema, CountryCodeSchema, DatePrecisionSchema,
  FacilityTypeSchema, GwhSchema, IsoDateSchema, OwnershipOriginSchema, OwnershipRoleSchema,
  PlantStatusSchema, RefSchema, RegionLevelSchema, SegmentSchema, SlugSchema, SourceTierSchema,
  UrlSchema, YearSchema,
} from './fields';

const SourceKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/);
const text = (max = 4000) => z.string().trim().min(1).max(max);
const LanguageSchema = z.string().regex(/^[a-z]{2}$/, { error: 'an ISO 639-1 language code, e.g. fr' });

/** The fields every dated fact carries: when it took effect, and (optionally) when it became public. */
const dated = {
  datePrecision: DatePrecisionSchema,
  source: SourceKeySchema,
  /** Omitted: its source's publication date (the end of that period for month/year precision). */
  knownOn: IsoDateSchema.optional(),
  note: text().nullable(),
};

export const SeedRegionSchema = z.strictObject({
  slug: SlugSchema,
  name: text(200),
  level: RegionLevelSchema,
  code: z.string().max(10).nullable(),
  parent: SlugSchema.nullable(),
});

export const SeedCompanySchema = z.strictObject({
  slug: SlugSchema,
  name: text(200),
  hqCountry: CountryCodeSchema.nullable(),
  origin: OwnershipOriginSchema,
  status: CompanyStatusSchema,
  successor: SlugSchema.nullable(),
  website: UrlSchema.nullable(),
  notes: text().nullable(),
});

/** From effectiveOn, `parent` holds stakePct % of `company` (ended: no longer holds any). */
export const SeedCompanyParentSchema = z.strictObject({
  company: SlugSchema,
  parent: SlugSchema,
  stakePct: z.number().gt(0).max(100).nullable(),
  effectiveOn: IsoDateSchema,
  ended: z.boolean().optional(),
  ...dated,
});

export const SeedSourceSchema = z.strictObject({
  key: SourceKeySchema,
  url: UrlSchema,
  publisher: text(200),
  title: text(500),
  language: LanguageSchema,
  publishedOn: IsoDateSchema,
  datePrecision: DatePrecisionSchema,
  dateInferred: z.boolean(),
  tier: SourceTierSchema,
  note: text().nullable(),
});

export const SeedOwnershipSchema = z.strictObject({
  ref: RefSchema,
  company: SlugSchema,
  role: OwnershipRoleSchema,
  stakePct: z.number().min(0).max(100).nullable(),
  effectiveOn: IsoDateSchema,
  ended: z.boolean().optional(),
  ...dated,
}).refine((o) => !(o.role === 'operator' && o.ended), { error: 'an operator is replaced by a new operator row, not ended' });

export const SeedStatusEventSchema = z.strictObject({
  ref: RefSchema,
  status: PlantStatusSchema,
  effectiveOn: IsoDateSchema,
  ...dated,
});

export const SeedAnnouncementSchema = z.strictObject({
  ref: RefSchema,
  scope: CapacityScopeSchema,
  targetYear: YearSchema.nullable(),
  gwhPerYear: GwhSchema,
  announcedOn: IsoDateSchema,
  confidence: ConfidenceSchema,
  ...dated,
}).refine((a) => (a.targetYear === null) === (a.scope === 'long_term'), {
  error: 'targetYear is null exactly when scope is long_term',
});

export const SeedPlantSchema = z.strictObject({
  ref: RefSchema,
  slug: SlugSchema,
  name: text(200),
  city: text(200),
  region: SlugSchema,
  country: CountryCodeSchema,
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  locationApproximate: z.boolean(),
  chemistry: text(300).nullable(),
  chemistryFamily: ChemistryFamilySchema,
  segment: SegmentSchema,
  facilityType: FacilityTypeSchema,
  inCellTotals: z.boolean(),
  startYear: YearSchema.nullable(),
  confidence: ConfidenceSchema,
  notes: text().nullable(),
  sources: z.array(SourceKeySchema).min(1),
  ownership: z.array(SeedOwnershipSchema).min(1),
  statusHistory: z.array(SeedStatusEventSchema).min(1),
  announcements: z.array(SeedAnnouncementSchema),
});

export const SeedContractEventSchema = z.strictObject({
  ref: RefSchema,
  status: ContractStatusSchema,
  effectiveOn: IsoDateSchema,
  ...dated,
});

export const SeedContractSchema = z.strictObject({
  ref: RefSchema,
  kind: ContractKindSchema,
  supplier: SlugSchema,
  buyer: SlugSchema,
  plant: RefSchema.nullable(),
  signedOn: IsoDateSchema.nullable(),
  datePrecision: DatePrecisionSchema,
  startYear: YearSchema.nullable(),
  endYear: YearSchema.nullable(),
  durationYears: z.number().int().min(1).max(60).nullable(),
  volumeGwh: GwhSchema.nullable(),
  volumeBasis: z.enum(['per_year', 'total']).nullable(),
  valueAmount: z.number().min(0).nullable(),
  valueCurrency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  valueText: text(300).nullable(),
  description: text().nullable(),
  confidence: ConfidenceSchema,
  notes: text().nullable(),
  sources: z.array(SourceKeySchema).min(1),
  events: z.array(SeedContractEventSchema).min(1),
});

export const SeedRegionClaimSchema = z.strictObject({
  ref: RefSchema,
  region: SlugSchema,
  targetYear: YearSchema,
  gwhPerYear: GwhSchema,
  claim: text(),
  source: SourceKeySchema,
  knownOn: IsoDateSchema.optional(),
  /** False while no public page that states the figure has been found. */
  verified: z.boolean(),
});

/** A Europe-level figure another tracker published (for reconciliation), with the source that reports it. */
export const SeedTrackerFigureSchema = z.strictObject({
  ref: RefSchema,
  publisher: text(200),
  metric: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/),
  value: z.number(),
  unit: z.enum(['GWh/yr', 'share', 'plants', 'GWh']),
  scope: text(500),
  /** The region it covers when narrower than Europe (a country's slug); absent: Europe as `scope` says. */
  region: SlugSchema.optional(),
  note: text().nullable(),
  source: SourceKeySchema,
  knownOn: IsoDateSchema.optional(),
});

export const SeedDatasetSchema = z.strictObject({
  regions: z.array(SeedRegionSchema),
  companies: z.array(SeedCompanySchema),
  companyParents: z.array(SeedCompanyParentSchema),
  sources: z.array(SeedSourceSchema),
  plants: z.array(SeedPlantSchema),
  contracts: z.array(SeedContractSchema),
  regionClaims: z.array(SeedRegionClaimSchema),
  trackerFigures: z.array(SeedTrackerFigureSchema),
});

export type SeedDataset = z.infer<typeof SeedDatasetSchema>;
export type SeedPlant = z.infer<typeof SeedPlantSchema>;
export type SeedSource = z.infer<typeof SeedSourceSchema>;
