import { z } from 'zod';
import { SCENARIOS } from '../domain/capacity';
import { EARLIEST_AS_OF } from './dashboard';
import { ATTRIBUTIONS } from './plant-filters';
import { parseSearchParams, type RawSearchParams } from './search-params';

/** The company page's chart settings. */
export function companyViewShape(today: string) {
  return {
    attribution: z.enum(ATTRIBUTIONS, { error: 'operator, equity or parent' }).default('operator'),
    scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(', ')}` }).default('announced'),
    asOf: z.iso.date({ error: 'a date as YYYY-MM-DD' })
      .refine((d) => d >= EARLIEST_AS_OF && d <= today, { error: `a date from ${EARLIEST_AS_OF} to today` })
      .default(today),
  };
}
export type CompanyView = z.infer<z.ZodObject<ReturnType<typeof companyViewShape>>>;

export function parseCompanyView(raw: RawSearchParams, today: string) {
  return parseSearchParams(companyViewShape(today), raw);
}

export function companyViewQuery(v: CompanyView, today: string, overrides: Partial<CompanyView> = {}): string {
  const m = { ...v, ...overrides };
  const q = new URLSearchParams();
  if (m.attribution !== 'operator') q.set('attribution', m.attribution);
  if (m.scenario !== 'announced') q.set('scenario', m.scenario);
  if (m.asOf !== today) q.set('asOf', m.asOf);
  const text = q.toString();
  return text ? `?${text}` : '';
}
