import { z } from 'zod';
import { DEFAULT_PACK_KWH, DEFAULT_WEIGHTS, SCENARIOS } from '../domain/capacity';
import { GROUPINGS, type Grouping } from './capacity';
import { parseSearchParams, type RawSearchParams, withoutNegativeZero } from './search-params';

const weight = (fallback: number) =>
  z.coerce.number({ error: 'a number from 0 to 1' }).min(0, { error: 'a number from 0 to 1' }).max(1, { error: 'a number from 0 to 1' })
    .transform(withoutNegativeZero).default(fallback);

export const LONG_TERM_OPTIONS = ['exclude', 'include'] as const;

/** The earliest as-of date the tracker offers (its oldest announcements are from 2018). */
export const EARLIEST_AS_OF = '2018-01-01';

/** Europe's view groups by macro-region; a region's view by company. */
export type DashboardDefaults = { group?: Grouping };

export function dashboardShape(today: string, defaults: DashboardDefaults = {}) {
  return {
    group: z.enum(GROUPINGS, { error: `one of ${GROUPINGS.join(', ')}` }).default(defaults.group ?? 'macro'),
    scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(', ')}` }).default('announced'),
    asOf: z.iso.date({ error: 'a date as YYYY-MM-DD' })
      .refine((d) => d >= EARLIEST_AS_OF && d <= today, { error: `a date from ${EARLIEST_AS_OF} to today` })
      .default(today),
    year: z.coerce.number({ error: 'a year' }).int({ error: 'a whole year' }).min(2015, { error: 'a year from 2015 to 2040' }).max(2040, { error: 'a year from 2015 to 2040' }).default(2030),
    w_op: weight(DEFAULT_WEIGHTS.operational),
    w_uc: weight(DEFAULT_WEIGHTS.under_construction),
    w_an: weight(DEFAULT_WEIGHTS.announced),
    w_pa: weight(DEFAULT_WEIGHTS.paused),
    /** include: long-term ("full build-out") figures count from TARGET_YEAR on where a plant has no dated one. */
    longTerm: z.enum(LONG_TERM_OPTIONS, { error: `one of ${LONG_TERM_OPTIONS.join(', ')}` }).default('exclude'),
    pack: z.coerce.number({ error: 'a pack size in kWh' }).min(10, { error: 'a pack size from 10 to 200 kWh' }).max(200, { error: 'a pack size from 10 to 200 kWh' }).default(DEFAULT_PACK_KWH),
  };
}

export type DashboardParams = z.infer<z.ZodObject<ReturnType<typeof dashboardShape>>>;

export function parseDashboardParams(raw: RawSearchParams, today: string, defaults: DashboardDefaults = {}) {
  const { values, notices } = parseSearchParams(dashboardShape(today, defaults), raw);
  return {
    params: values,
    weights: { operational: values.w_op, under_construction: values.w_uc, announced: values.w_an, paused: values.w_pa },
    notices,
  };
}

/** The URL query for a view; parameters at their defaults are left out so links stay short. */
export function dashboardQuery(params: DashboardParams, today: string, defaultsFor: DashboardDefaults = {}): string {
  const merged = params;
  const defaults = parseSearchParams(dashboardShape(today, defaultsFor), {}).values;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== defaults[key as keyof DashboardParams]) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
