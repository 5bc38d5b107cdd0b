// The curated dataset's file format (prisma/seed/data/*.json). The seed CLI parses every
// file with these schemas before it writes anything.
import { z } from 'zod';
import {
  CapacityScopeSchema, ChemistryFamilySchema, CompanyStatusSchema, ConfidenceSchema,
  ContractKindSchema, ContractStatusSchema, CountryCodeSchema, DatePrecisionSchema,
  FacilityTypeSchema, GwhSchema, IsoDateSchema, OwnershipOriginSchema, PartnerRoleSchema,
  PlantStatusSchema, RefSchema, RegionLevelSchema, SegmentSchema, SlugSchema, UrlSchema, YearSchema,
} from './fields';

const SourceKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/);
const text = (max = 4000) => z.string().trim().min(1).max(max);

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
  parent: SlugSchema.nullable(),
  website: UrlSchema.nullable(),
  notes: text().nullable(),
});

export const SeedSourceSchema = z.strictObject({
  key: SourceKeySchema,
  url: UrlSchema.nullable(),
  publisher: text(200),
  title: text(500),
  publishedOn: IsoDateSchema.nullable(),
  datePrecision: DatePrecisionSchema,
  dateInferred: z.boolean(),
  note: text().nullable(),
});

export const SeedStatusEventSchema = z.strictObject({
  ref: RefSchema,
  status: PlantStatusSchema,
  effectiveOn: IsoDateSchema,
  datePrecision: DatePrecisionSchema,
  source: SourceKeySchema.nullable(),
  note: text().nullable(),
});

export const SeedAnnouncementSchema = z.strictObject({
  ref: RefSchema,
  scope: CapacityScopeSchema,
  targetYear: YearSchema.nullable(),
  gwhPerYear: GwhSchema,
  announcedOn: IsoDateSchema,
  datePrecision: DatePrecisionSchema,
  source: SourceKeySchema.nullable(),
  confidence: ConfidenceSchema,
  note: text().nullable(),
}).refine((a) => (a.targetYear === null) === (a.scope === 'long_term'), {
  error: 'targetYear is null exactly when scope is long_term',
});

export const SeedPlantSchema = z.strictObject({
  ref: RefSchema,
  slug: SlugSchema,
  name: text(200),
  operator: SlugSchema,
  partners: z.array(z.strictObject({
    company: SlugSchema,
    role: PartnerRoleSchema,
    stakePct: z.number().min(0).max(100).nullable(),
    note: text().nullable(),
  })),
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
  statusHistory: z.array(SeedStatusEventSchema).min(1),
  announcements: z.array(SeedAnnouncementSchema),
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
  status: ContractStatusSchema,
  statusChangedOn: IsoDateSchema.nullable(),
  description: text().nullable(),
  confidence: ConfidenceSchema,
  notes: text().nullable(),
  sources: z.array(SourceKeySchema).min(1),
});

export const SeedRegionClaimSchema = z.strictObject({
  ref: RefSchema,
  region: SlugSchema,
  targetYear: YearSchema,
  gwhPerYear: GwhSchema,
  claim: text(),
  source: SourceKeySchema,
});

export const SeedDatasetSchema = z.strictObject({
  regions: z.array(SeedRegionSchema),
  companies: z.array(SeedCompanySchema),
  sources: z.array(SeedSourceSchema),
  plants: z.array(SeedPlantSchema),
  contracts: z.array(SeedContractSchema),
  regionClaims: z.array(SeedRegionClaimSchema),
});

export type SeedDataset = z.infer<typeof SeedDatasetSchema>;
export type SeedPlant = z.infer<typeof SeedPlantSchema>;
