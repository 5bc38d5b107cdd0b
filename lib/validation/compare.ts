import { z } from 'zod';
import { SCENARIOS } from '../domain/capacity';
import { EARLIEST_AS_OF } from './dashboard';
import { parseListParam } from './list-params';
import { ATTRIBUTIONS } from './plant-filters';
import { parseSearchParams, type RawSearchParams } from './search-params';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

export const CompareItemSchema = z.string()
  .regex(/^(region|company):[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'region:<slug> or company:<slug>' })
  .transform((s) => {
    const [kind, slug] = s.split(':') as ['region' | 'company', string];
    return { kind, slug, key: s };
  });
export type CompareItem = z.output<typeof CompareItemSchema>;

const DEFAULT_FROM = 2020;
const DEFAULT_TO = 2035;
const year = (fallback: number) => z.coerce.number({ error: 'a year' }).int({ error: 'a whole year' })
  .min(2015, { error: 'a year from 2015 to 2040' }).max(2040, { error: 'a year from 2015 to 2040' }).default(fallback);

export function compareShape(today: string) {
  return {
    scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(', ')}` }).default('announced'),
    asOf: z.iso.date({ error: 'a date as YYYY-MM-DD' })
      .refine((d) => d >= EARLIEST_AS_OF && d <= today, { error: `a date from ${EARLIEST_AS_OF} to today` })
      .default(today),
    attribution: z.enum(ATTRIBUTIONS, { error: 'operator, equity or parent' }).default('operator'),
    from: year(DEFAULT_FROM),
    to: year(DEFAULT_TO),
  };
}
export type CompareParams = z.infer<z.ZodObject<ReturnType<typeof compareShape>>> & { items: CompareItem[] };

export function parseCompareParams(raw: RawSearchParams, today: string): { params: CompareParams; notices: string[] } {
  const { values, notices } = parseSearchParams(compareShape(today), raw);
  const parsed = parseListParam(raw, 'item', CompareItemSchema, notices, 20);
  const unique = parsed.filter((item, i) => parsed.findIndex((o) => o.key === item.key) === i);
  if (unique.length > COMPARE_MAX) notices.push(`Compared the first ${COMPARE_MAX} items; ignored ${unique.slice(COMPARE_MAX).map((i) => i.key).join(', ')}.`);
  let { from, to } = values;
  if (to < from) {
    notices.push(`Ignored from=“${from}” and to=“${to}”: the range ends before it starts.`);
    from = DEFAULT_FROM;
    to = DEFAULT_TO;
  }
  return { params: { ...values, from, to, items: unique.slice(0, COMPARE_MAX) }, notices };
}

export function compareQuery(p: CompareParams, today: string): string {
  const q = new URLSearchParams();
  for (const item of p.items) q.append('item', item.key);
  if (p.scenario !== 'announced') q.set('scenario', p.scenario);
  if (p.asOf !== today) q.set('asOf', p.asOf);
  if (p.attribution !== 'operator') q.set('attribution', p.attribution);
  if (p.from !== DEFAULT_FROM) q.set('from', String(p.from));
  if (p.to !== DEFAULT_TO) q.set('to', String(p.to));
  const text = q.toString();
  return text ? `?${text}` : '';
}
