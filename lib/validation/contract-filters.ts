import { z } from 'zod';
import { ContractKindSchema, ContractStatusSchema, SlugSchema } from './fields';
import { parseListParam } from './list-params';
import { parseSearchParams, type RawSearchParams } from './search-params';

export const CONTRACT_PAGE_SIZE = 100;

const enumOf = <T extends string>(values: readonly T[]) =>
  z.enum(values as [T, ...T[]], { error: `one of ${values.join(', ')}` });

export const CONTRACT_LIST_PARAMS = {
  supplier: SlugSchema,
  buyer: SlugSchema,
  plant: SlugSchema,
  status: enumOf(ContractStatusSchema.options),
  kind: enumOf(ContractKindSchema.options),
} as const;
type ListKey = keyof typeof CONTRACT_LIST_PARAMS;

const contractShape = {
  year: z.coerce.number({ error: 'a year' }).int({ error: 'a whole year' })
    .min(2000, { error: 'a year from 2000 to 2060' }).max(2060, { error: 'a year from 2000 to 2060' }).optional(),
  page: z.coerce.number({ error: 'a page number' }).int({ error: 'a whole page number' })
    .min(1, { error: 'a page number from 1' }).max(100_000, { error: 'a page number up to 100,000' }).default(1),
};

export type ContractFilters = { [K in ListKey]: z.infer<(typeof CONTRACT_LIST_PARAMS)[K]>[] } & {
  /** Only contracts whose term covers this year (no start: already started; no end: open-ended). */
  year: number | null;
  page: number;
};

export const EMPTY_CONTRACT_FILTERS: ContractFilters = {
  supplier: [], buyer: [], plant: [], status: [], kind: [], year: null, page: 1,
};

export function parseContractFilters(raw: RawSearchParams): { filters: ContractFilters; notices: string[] } {
  const { values, notices } = parseSearchParams(contractShape, raw);
  const lists = {} as Record<ListKey, unknown[]>;
  for (const key of Object.keys(CONTRACT_LIST_PARAMS) as ListKey[]) {
    lists[key] = parseListParam(raw, key, CONTRACT_LIST_PARAMS[key] as z.ZodType<unknown>, notices);
  }
  return {
    filters: { ...(lists as Omit<ContractFilters, 'year' | 'page'>), year: values.year ?? null, page: values.page },
    notices,
  };
}

/** Drops supplier, buyer and plant slugs the database does not know, with a notice each. */
export function dropUnknownContractRefs(
  f: ContractFilters,
  known: { companies: ReadonlySet<string>; plants: ReadonlySet<string> },
): { filters: ContractFilters; notices: string[] } {
  const notices: string[] = [];
  const keep = (key: 'supplier' | 'buyer' | 'plant', set: ReadonlySet<string>) =>
    f[key].filter((v) => set.has(v) || (notices.push(`Ignored ${key}=“${v}”: not in the contracts.`), false));
  return {
    filters: { ...f, supplier: keep('supplier', known.companies), buyer: keep('buyer', known.companies), plant: keep('plant', known.plants) },
    notices,
  };
}

export function contractFiltersQuery(f: ContractFilters, overrides: Partial<ContractFilters> = {}): string {
  const m = { ...f, ...overrides };
  const q = new URLSearchParams();
  for (const key of Object.keys(CONTRACT_LIST_PARAMS) as ListKey[]) for (const v of m[key]) q.append(key, v);
  if (m.year !== null) q.set('year', String(m.year));
  if (m.page !== 1) q.set('page', String(m.page));
  const text = q.toString();
  return text ? `?${text}` : '';
}
