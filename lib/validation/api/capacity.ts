// GET /api/v1/capacity and /summary: the dashboard's parameters (lib/validation/dashboard.ts), strictly.
import { z } from 'zod';
import { GROUPINGS } from '../capacity';
import { dashboardShape } from '../dashboard';
import { SlugSchema, YearSchema } from '../fields';
import { formatParam, jsonOnlyFormatParam, named } from './common';
import { parseApiQuery, single } from './query';

const yearParam = (fallback: number) =>
  z.coerce.number({ error: 'a year' }).pipe(YearSchema).default(fallback);

/** The weights, under the dashboard's URL names, so a dashboard link's query works here unchanged. */
function weightParams(today: string) {
  const d = dashboardShape(today);
  return {
    w_op: single(d.w_op, 'Risk-weighted scenario: weight of operational plants (0–1).'),
    w_uc: single(d.w_uc, 'Weight of plants under construction (0–1).'),
    w_an: single(d.w_an, 'Weight of announced plants (0–1).'),
    w_pa: single(d.w_pa, 'Weight of paused plants (0–1).'),
  };
}

export function capacityQueryShape(today: string) {
  const d = dashboardShape(today, { group: 'total' });
  return {
    group: single(d.group, `Series per ${GROUPINGS.join(', ')} (total: one series for the scope; company: the operator on asOf; parent: the ultimate owners on asOf, subsidiaries rolled up to their group).`, 'country'),
    scenario: single(d.scenario, 'announced (all but cancelled), risk_weighted (weights below) or operational (only what runs now).', 'risk_weighted'),
    asOf: single(d.asOf, 'Compute as known on this date (YYYY-MM-DD, 2018-01-01 to today): only facts published by then count. Default today.', '2024-01-01'),
    ...weightParams(today),
    region: single(SlugSchema.optional(), 'Only plants inside this region (slug, any level).', 'hauts-de-france'),
    longTerm: single(d.longTerm, 'include: a plant with no dated figure for a year from 2030 on counts its long-term ("full build-out") figure; exclude (default): it counts as not disclosed.', 'include'),
    fromYear: single(yearParam(2020), 'First year (2000–2060).', '2024'),
    toYear: single(yearParam(2030), 'Last year (2000–2060, at most 60 years after fromYear).', '2035'),
    format: formatParam,
  };
}

export function parseCapacityQuery(params: URLSearchParams, today: string) {
  const q = parseApiQuery(params, capacityQueryShape(today), (v) => {
    if (v.toYear < v.fromYear) return [{ path: 'toYear', message: `must not be before fromYear (${v.fromYear})` }];
    if (v.toYear - v.fromYear > 60) return [{ path: 'toYear', message: 'at most 60 years at once' }];
    return [];
  });
  return { ...q, weights: { operational: q.w_op, under_construction: q.w_uc, announced: q.w_an, paused: q.w_pa } };
}

export function summaryQueryShape(today: string) {
  const d = dashboardShape(today);
  return { asOf: single(d.asOf, 'Figures as known on this date (YYYY-MM-DD). Default today.'), ...weightParams(today), format: jsonOnlyFormatParam };
}

export function parseSummaryQuery(params: URLSearchParams, today: string) {
  const q = parseApiQuery(params, summaryQueryShape(today));
  return { asOf: q.asOf, weights: { operational: q.w_op, under_construction: q.w_uc, announced: q.w_an, paused: q.w_pa } };
}

const WeightsSchema = z.object({ operational: z.number(), under_construction: z.number(), announced: z.number(), paused: z.number() });

export const CapacityPointSchema = named('CapacityPoint', z.object({
  key: z.string(), label: z.string(), year: z.int(),
  gwh: z.number().meta({ description: 'Sum of the disclosed figures, GWh/yr.' }),
  undisclosedPlants: z.int().meta({ description: 'Plants the group counts that year whose figure is not disclosed (left out of gwh).' }),
  estimated: z.boolean().optional().meta({ description: 'group=parent: part of gwh comes from splitting unpublished joint-venture stakes equally.' }),
}), 'Capacity of one group in one year, GWh/yr. Years where a group has neither capacity nor an undisclosed plant are left out.');

export const CapacitySeriesSchema = named('CapacitySeries', z.object({
  data: z.array(CapacityPointSchema),
  meta: z.object({
    unit: z.literal('GWh/yr'),
    group: z.enum(GROUPINGS),
    scenario: z.string(),
    asOf: z.iso.date(),
    longTerm: z.enum(['exclude', 'include']),
    fromYear: z.int(),
    toYear: z.int(),
    weights: WeightsSchema,
    region: z.object({ slug: z.string(), name: z.string(), level: z.string() }).nullable(),
  }),
}));

export const SummarySchema = named('Summary', z.object({
  data: z.object({
    asOf: z.iso.date(),
    asOfYear: z.int(),
    operationalNowGwh: z.number().meta({ description: 'Nameplate GWh/yr of plants operational on asOf, in asOfYear (disclosed figures only).' }),
    announced2030Gwh: z.number().meta({ description: 'Dated figures for 2030 of every plant not cancelled, as known on asOf.' }),
    riskWeighted2030Gwh: z.number(),
    undisclosedPlants: z.object({ operationalNow: z.int(), announced2030: z.int(), riskWeighted2030: z.int() })
      .meta({ description: 'Plants each figure counts but whose capacity is not disclosed (left out of the sum, never counted as 0).' }),
    longTermOnly2030: z.object({ gwh: z.number(), plants: z.int() })
      .meta({ description: 'Long-term ("full build-out") figures of plants with no dated 2030 figure: what `longTerm=include` adds to announced2030Gwh.' }),
    fullBuildOut: z.object({ gwh: z.number(), plants: z.int() })
      .meta({ description: 'Every plant not cancelled at the largest figure it has announced (long-term or dated), as known on asOf.' }),
    plantsByStatus: z.record(z.string(), z.int()),
    plantCount: z.int().meta({ description: 'Cell plants known on asOf (module/pack sites are listed but not counted).' }),
    countryCount: z.int(),
    dataCurrentTo: z.iso.date().nullable().meta({ description: 'The newest date on which a fact in these figures became public.' }),
    weights: WeightsSchema,
    dataset: z.object({
      plants: z.int(), countries: z.int(), contracts: z.int(), sources: z.int(), announcements: z.int(),
      latestFact: z.iso.date().nullable(), lastUpdated: z.iso.date().nullable(), confidence: z.record(z.string(), z.int()),
      sourcesByTier: z.record(z.string(), z.int()),
    }),
  }),
}), 'Europe’s headline figures as known on a date (the dashboard’s, from one computation), and what the dataset holds today.');
