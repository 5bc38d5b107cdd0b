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
    group: single(d.group, `Series per ${GROUPINGS.join(', ')} (total: one series for the scope).`, 'country'),
    scenario: single(d.scenario, 'announced (all but cancelled), risk_weighted (weights below) or operational (only what runs now).', 'risk_weighted'),
    asOf: single(d.asOf, 'Compute as known on this date (YYYY-MM-DD, 2018-01-01 to today). Default today.', '2024-01-01'),
    ...weightParams(today),
    region: single(SlugSchema.optional(), 'Only plants inside this region (slug, any level).', 'hauts-de-france'),
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
  key: z.string(), label: z.string(), year: z.int(), gwh: z.number(),
}), 'Capacity of one group in one year, GWh/yr. Years where a group has none are left out.');

export const CapacitySeriesSchema = named('CapacitySeries', z.object({
  data: z.array(CapacityPointSchema),
  meta: z.object({
    unit: z.literal('GWh/yr'),
    group: z.enum(GROUPINGS),
    scenario: z.string(),
    asOf: z.iso.date(),
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
    operationalNowGwh: z.number(),
    announced2030Gwh: z.number(),
    riskWeighted2030Gwh: z.number(),
    plantsByStatus: z.record(z.string(), z.int()),
    plantCount: z.int(),
    countryCount: z.int(),
    weights: WeightsSchema,
    dataset: z.object({
      plants: z.int(), countries: z.int(), contracts: z.int(), sources: z.int(), announcements: z.int(),
      latestFact: z.iso.date().nullable(), lastUpdated: z.iso.date().nullable(), confidence: z.record(z.string(), z.int()),
    }),
  }),
}), 'Europe’s headline figures as known on a date, and what the dataset holds today.');
