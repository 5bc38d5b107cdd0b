// GET /api/v1/companies, /companies/{slug}, /regions, /regions/{slug}, /contracts, /sources.
import { z } from 'zod';
import { CONTRACT_LIST_PARAMS } from '../contract-filters';
import {
  CompanyStatusSchema, ContractKindSchema, ContractStatusSchema, DatePrecisionSchema, IsoDateSchema, OwnershipOriginSchema,
  PlantStatusSchema, RegionLevelSchema,
} from '../fields';
import { formatParam, jsonOnlyFormatParam, named, pageParams, PageMetaSchema, SourceRefSchema } from './common';
import { list, parseApiQuery, single } from './query';

export const listQueryShape = { ...pageParams, format: formatParam };
export const detailQueryShape = { format: jsonOnlyFormatParam };
/** A company's ownership on a date. */
export function companyDetailQueryShape(today: string) {
  return {
    asOf: single(IsoDateSchema.refine((d) => d >= '2000-01-01' && d <= today, { error: 'a date from 2000-01-01 to today' }).default(today),
      'Ownership as it stood and was known on this date (YYYY-MM-DD). Default today.', '2024-01-01'),
    format: jsonOnlyFormatParam,
  };
}

export const regionsQueryShape = {
  level: list(RegionLevelSchema, 'Only regions of these levels: macro, country, nuts1, nuts2. Repeatable.', 'country', 4),
  ...listQueryShape,
};

export const contractsQueryShape = {
  supplier: list(CONTRACT_LIST_PARAMS.supplier, 'Supplier (cell maker) company slug. Repeatable.', 'catl'),
  buyer: list(CONTRACT_LIST_PARAMS.buyer, 'Buyer company slug. Repeatable.'),
  plant: list(CONTRACT_LIST_PARAMS.plant, 'Plant slug. Repeatable.'),
  status: list(CONTRACT_LIST_PARAMS.status, 'Contract status. Repeatable.', 'active'),
  kind: list(CONTRACT_LIST_PARAMS.kind, 'Contract kind. Repeatable.', 'cell_supply'),
  year: single(
    z.coerce.number({ error: 'a year from 2000 to 2060' }).int({ error: 'a whole year' })
      .min(2000, { error: 'a year from 2000 to 2060' }).max(2060, { error: 'a year from 2000 to 2060' }).optional(),
    'Only contracts whose term covers this year.', '2027'),
  ...listQueryShape,
};

export function parseContractsQuery(params: URLSearchParams) {
  return parseApiQuery(params, contractsQueryShape);
}

export const NameCursorSchema = z.object({ s: z.string(), key: z.string(), id: z.string() });
export const SourceCursorSchema = z.object({ s: z.string(), publishedOn: IsoDateSchema.nullable(), id: z.int().min(1) });
export const ContractCursorSchema = z.object({ s: z.string(), signedOn: IsoDateSchema.nullable(), ref: z.string().max(64) });

const ref = z.object({ slug: z.string(), name: z.string() });
const companyRef = ref.extend({ status: CompanyStatusSchema });

export const CompanyRowSchema = named('CompanyRow', z.object({
  slug: z.string(),
  name: z.string(),
  origin: OwnershipOriginSchema,
  status: CompanyStatusSchema,
  hqCountry: z.string().nullable(),
  operatedPlants: z.int(),
  stakes: z.int(),
  contracts: z.int(),
  successor: ref.nullable(),
}), 'A company with the number of plants it operates, stakes it holds and contracts it is party to.');

export const CompanyListSchema = named('CompanyList', z.object({ data: z.array(CompanyRowSchema), meta: PageMetaSchema }));

export const CompanyDetailSchema = named('CompanyDetail', z.object({
  slug: z.string(),
  name: z.string(),
  origin: OwnershipOriginSchema,
  status: CompanyStatusSchema,
  website: z.string().nullable(),
  notes: z.string().nullable(),
  hqCountry: ref.nullable(),
  asOf: IsoDateSchema.meta({ description: 'The date the ownership below is read on (as it stood and was known then).' }),
  parents: z.array(companyRef.extend({ stakePct: z.number().nullable(), since: IsoDateSchema }))
    .meta({ description: 'Its owners on asOf, from dated group links; stakePct null: not published.' }),
  subsidiaries: z.array(companyRef.extend({ stakePct: z.number().nullable(), since: IsoDateSchema })),
  successor: companyRef.nullable(),
  predecessors: z.array(companyRef),
  operated: z.array(ref.extend({ city: z.string(), countryName: z.string(), status: PlantStatusSchema, inCellTotals: z.boolean() }))
    .meta({ description: 'Plants it operated on asOf, with their status then.' }),
  formerlyOperated: z.array(ref.extend({
    city: z.string(), countryName: z.string(), status: PlantStatusSchema, inCellTotals: z.boolean(), until: IsoDateSchema, nowOperator: ref,
  })),
  partnerships: z.array(ref.extend({
    city: z.string(), countryName: z.string(), status: PlantStatusSchema, inCellTotals: z.boolean(), operator: ref, role: z.string(), stakePct: z.number().nullable(),
  })),
}), 'A company with its dated group links, succession, and the plants it operates or holds a stake in on a date.');

export const CompanyDetailResponseSchema = named('CompanyDetailResponse', z.object({ data: CompanyDetailSchema }));

export const RegionRowSchema = named('RegionRow', z.object({
  slug: z.string(), name: z.string(), level: RegionLevelSchema,
  /** Slugs from the root: an ancestor's path is a prefix. */
  path: z.string(),
  plantCount: z.int(),
}), 'A region (macro-region, country, NUTS region) holding at least one plant, with its path in the tree.');

export const RegionListSchema = named('RegionList', z.object({ data: z.array(RegionRowSchema), meta: PageMetaSchema }));

const regionRef = z.object({ slug: z.string(), name: z.string(), level: RegionLevelSchema });

export const RegionDetailSchema = named('RegionDetail', z.object({
  data: z.object({
    id: z.int(), slug: z.string(), name: z.string(), level: RegionLevelSchema, code: z.string().nullable(), path: z.string(),
    ancestors: z.array(regionRef),
    children: z.array(regionRef.extend({ plantCount: z.int() })),
    plantCount: z.int(),
    claims: z.array(z.object({ targetYear: z.int(), gwhPerYear: z.number(), claim: z.string(), source: SourceRefSchema })),
  }),
}), 'A region with its place in the tree, its sub-regions holding plants, and figures quoted for the whole region (kept apart from the per-plant sums).');

export const ContractRowSchema = named('ContractRow', z.object({
  ref: z.string(),
  kind: ContractKindSchema,
  status: ContractStatusSchema,
  statusChangedOn: z.iso.date().nullable(),
  supplier: ref,
  buyer: ref,
  plant: ref.nullable(),
  signedOn: z.iso.date().nullable(),
  datePrecision: DatePrecisionSchema,
  startYear: z.int().nullable(),
  endYear: z.int().nullable(),
  durationYears: z.int().nullable(),
  volumeGwh: z.number().nullable(),
  volumeBasis: z.enum(['per_year', 'total']).nullable(),
  valueText: z.string().nullable(),
  description: z.string().nullable(),
  sources: z.array(SourceRefSchema),
}), 'An offtake or supply contract with its parties, term, volume and sources.');

export const ContractListSchema = named('ContractList', z.object({ data: z.array(ContractRowSchema), meta: PageMetaSchema }));

export const SourceRowSchema = named('SourceRow', z.object({
  id: z.int(), url: z.string().nullable(), publisher: z.string(), title: z.string(), publishedOn: z.iso.date().nullable(),
  datePrecision: DatePrecisionSchema, dateInferred: z.boolean(), note: z.string().nullable(),
}), 'A dated source. `dateInferred` is true when the date was deduced rather than printed.');

export const SourceListSchema = named('SourceList', z.object({ data: z.array(SourceRowSchema), meta: PageMetaSchema }));
