import type { z } from 'zod';
import { type RawSearchParams, shorten } from './search-params';

/** Every value of a repeatable URL parameter (`region=a&region=b`), empty strings dropped. */
export function rawValues(raw: RawSearchParams, key: string): string[] {
  const value = raw[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Parses a repeatable parameter value by value: bad values are dropped and reported, the good
 * ones kept (deduplicated, in URL order), so one typo does not discard a whole selection.
 */
export function parseListParam<T>(
  raw: RawSearchParams,
  key: string,
  item: z.ZodType<T>,
  notices: string[],
  max = 50,
): T[] {
  const out: T[] = [];
  const values = rawValues(raw, key);
  for (const value of values.slice(0, max)) {
    const parsed = item.safeParse(value);
    if (!parsed.success) {
      notices.push(`Ignored ${key}=“${shorten(value)}”: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    } else if (!out.includes(parsed.data)) {
      out.push(parsed.data);
    }
  }
  if (values.length > max) notices.push(`Ignored ${values.length - max} ${key} values beyond the first ${max}.`);
  return out;
}
