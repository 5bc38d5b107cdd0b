import { z } from 'zod';
import { SCENARIOS } from '../domain/capacity';
import { EARLIEST_AS_OF } from './dashboard';
import { ChemistryFamilySchema, OwnershipOriginSchema, PlantStatusSchema, SegmentSchema, SlugSchema } from './fields';
import { parseListParam } from './list-params';
import { parseSearchParams, type RawSearchParams, withoutNegativeZero } from './search-params';

export const ATTRIBUTIONS = ['operator', 'equity', 'parent'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  operator: 'Operator (100% to the operator)',
  equity: 'Equity share (split by stakes)',
  parent: 'Ultimate parent (subsidiaries roll up to their group)',
};

export const PLANT_SORTS = ['name', 'country', 'operator', 'status', 'now', 'year', 'start'] as const;
export type PlantSort = (typeof PLANT_SORTS)[number];
/** The direction a column sorts in when first chosen: words A→Z, figures largest first. */
export const NATURAL_DIR: Record<PlantSort, 'asc' | 'desc'> = {
  name: 'asc', country: 'asc', operator: 'asc', status: 'asc', now: 'desc', year: 'desc', start: 'asc',
};
export const PAGE_SIZES = [25, 50, 100] as const;

const CountryParam = z.string().regex(/^[A-Za-z]{2}$/, { error: 'a two-letter country code, e.g. FR' }).transform((s) => s.toUpperCase());
const YearParam = z.coerce.number({ error: 'a year' }).int({ error: 'a whole year' })
  .min(2015, { error: 'a year from 2015 to 2040' }).max(2040, { error: 'a year from 2015 to 2040' });
const GwhParam = z.coerce.number({ error: 'a number of GWh' }).min(0, { error: 'from 0 to 10,000 GWh' }).max(10_000, { error: 'from 0 to 10,000 GWh' })
  .transform(withoutNegativeZero);

/** The figures every explorer row carries: capacity now (the as-of year), in year Y and in 2030. */
export function explorerYears(f: Pick<PlantFilters, 'asOf' | 'year'>) {
  return { now: Number(f.asOf.slice(0, 4)), y: f.year, y2030: 2030 };
}

/** Single-valued parameters (repeatable ones are parsed in parsePlantFilters). */
export function plantFilterShape(today: string) {
  return {
    year: YearParam.default(2030),
    scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(', ')}` }).default('announced'),
    asOf: z.iso.date({ error: 'a date as YYYY-MM-DD' })
      .refine((d) => d >= EARLIEST_AS_OF && d <= today, { error: `a date from ${EARLIEST_AS_OF} to today` })
      .default(today),
    min: GwhParam.optional(),
    max: GwhParam.optional(),
    q: z.string().trim().max(100, { error: 'at most 100 characters' })
      // PostgreSQL text cannot hold NUL; no control character belongs in a search.
      .regex(/^[^\u0000-\u001F\u007F]*$/, { error: 'control characters are not allowed' }).default(''),
    attribution: z.enum(ATTRIBUTIONS, { error: 'operator, equity or parent' }).default('operator'),
    sort: z.enum(PLANT_SORTS, { error: `one of ${PLANT_SORTS.join(', ')}` }).default('name'),
    dir: z.enum(['asc', 'desc'], { error: 'asc or desc' }).optional(),
    page: z.coerce.number({ error: 'a page number' }).int({ error: 'a whole page number' })
      .min(1, { error: 'a page number from 1' }).max(100_000, { error: 'a page number up to 100,000' }).default(1),
    size: z.enum(['25', '50', '100'], { error: 'a page size of 25, 50 or 100' }).transform(Number).default(25),
  };
}

const oneOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: `one of ${values.join(', ')}` });

export const LIST_PARAMS = {
  region: SlugSchema,
  country: CountryParam,
  status: oneOf(PlantStatusSchema.options),
  company: SlugSchema,
  origin: oneOf(OwnershipOriginSchema.options),
  chemistry: oneOf(ChemistryFamilySchema.options),
  segment: oneOf(SegmentSchema.options),
} as const;
type ListKey = keyof typeof LIST_PARAMS;

type Single = z.infer<z.ZodObject<ReturnType<typeof plantFilterShape>>>;
export type PlantFilters = Omit<Single, 'dir' | 'min' | 'max' | 'size'> & {
  [K in ListKey]: z.infer<(typeof LIST_PARAMS)[K]>[];
} & { dir: 'asc' | 'desc'; min: number | null; max: number | null; size: number };

/** Parses the explorer's URL: each bad value falls back to its default and is reported. */
export function parsePlantFilters(raw: RawSearchParams, today: string): { filters: PlantFilters; notices: string[] } {
  const { values, notices } = parseSearchParams(plantFilterShape(today), raw);
  const lists = {} as { [K in ListKey]: z.infer<(typeof LIST_PARAMS)[K]>[] };
  for (const key of Object.keys(LIST_PARAMS) as ListKey[]) {
    (lists as Record<ListKey, unknown[]>)[key] = parseListParam(raw, key, LIST_PARAMS[key] as z.ZodType<unknown>, notices);
  }
  let max = values.max ?? null;
  const min = values.min ?? null;
  if (min !== null && max !== null && max < min) {
    notices.push(`Ignored max=“${max}”: it is below min (${min}).`);
    max = null;
  }
  return {
    filters: { ...values, ...lists, min, max, dir: values.dir ?? NATURAL_DIR[values.sort] },
    notices,
  };
}

/** Drops region, company and country references the database does not know, with a notice each. */
export function dropUnknownRefs(
  filters: PlantFilters,
  known: { regions: ReadonlySet<string>; companies: ReadonlySet<string>; countries: ReadonlySet<string> },
): { filters: PlantFilters; notices: string[] } {
  const notices: string[] = [];
  const keep = (key: 'region' | 'company' | 'country', set: ReadonlySet<string>, what: string) =>
    filters[key].filter((v) => set.has(v) || (notices.push(`Ignored ${key}=“${v}”: no such ${what}.`), false));
  return {
    filters: {
      ...filters,
      region: keep('region', known.regions, 'region'),
      company: keep('company', known.companies, 'company'),
      country: keep('country', known.countries, 'country in the dataset'),
    },
    notices,
  };
}

/** True when any filter narrows the set (sorting, paging and years do not). */
export function hasNarrowingFilter(f: PlantFilters): boolean {
  return (Object.keys(LIST_PARAMS) as ListKey[]).some((k) => f[k].length > 0) || f.min !== null || f.max !== null || f.q !== '';
}

/**
 * The URL query for a view, parameters at their defaults left out so links stay short.
 * `overrides` change single values (sorting, paging) on top of the current view.
 */
export function plantFiltersQuery(f: PlantFilters, today: string, overrides: Partial<PlantFilters> = {}): string {
  const m = { ...f, ...overrides };
  const q = new URLSearchParams();
  for (const key of Object.keys(LIST_PARAMS) as ListKey[]) for (const v of m[key]) q.append(key, String(v));
  if (m.min !== null) q.set('min', String(m.min));
  if (m.max !== null) q.set('max', String(m.max));
  if (m.q) q.set('q', m.q);
  if (m.year !== 2030) q.set('year', String(m.year));
  if (m.scenario !== 'announced') q.set('scenario', m.scenario);
  if (m.asOf !== today) q.set('asOf', m.asOf);
  if (m.attribution !== 'operator') q.set('attribution', m.attribution);
  if (m.sort !== 'name') q.set('sort', m.sort);
  if (m.dir !== NATURAL_DIR[m.sort]) q.set('dir', m.dir);
  if (m.size !== 25) q.set('size', String(m.size));
  if (m.page !== 1) q.set('page', String(m.page));
  const text = q.toString();
  return text ? `?${text}` : '';
}
