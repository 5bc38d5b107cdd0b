import { z } from 'zod';
import { DEFAULT_WEIGHTS, SCENARIOS } from '../domain/capacity';
import { IsoDateSchema, SlugSchema, YearSchema } from './fields';

export const GROUPINGS = ['total', 'macro', 'country', 'region', 'company', 'parent', 'origin', 'chemistry', 'status'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const WeightSchema = z.coerce.number().min(0, { error: 'weights are between 0 and 1' }).max(1, { error: 'weights are between 0 and 1' });

export const StatusWeightsSchema = z.object({
  operational: WeightSchema.default(DEFAULT_WEIGHTS.operational),
  under_construction: WeightSchema.default(DEFAULT_WEIGHTS.under_construction),
  announced: WeightSchema.default(DEFAULT_WEIGHTS.announced),
  paused: WeightSchema.default(DEFAULT_WEIGHTS.paused),
});

/** Today in UTC as YYYY-MM-DD. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const CapacityQuerySchema = z
  .object({
    scenario: z.enum(SCENARIOS).default('announced'),
    groupBy: z.enum(GROUPINGS).default('total'),
    asOf: IsoDateSchema.optional(),
    fromYear: YearSchema.default(2020),
    toYear: YearSchema.default(2030),
    /** Restrict to plants inside this region (any level of the tree). */
    region: SlugSchema.optional(),
    weights: StatusWeightsSchema.default(DEFAULT_WEIGHTS),
  })
  .refine((q) => q.toYear >= q.fromYear, { error: 'toYear must not be before fromYear', path: ['toYear'] })
  .refine((q) => q.toYear - q.fromYear <= 60, { error: 'at most 60 years at once', path: ['toYear'] });

export type CapacityQuery = z.infer<typeof CapacityQuerySchema>;
