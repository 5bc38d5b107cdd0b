import { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface ParsedParams<T> {
  values: T;
  /** One line per parameter that was ignored, for a visible notice. */
  notices: string[];
}

/**
 * Parses URL parameters field by field: a bad value falls back to that field's default and
 * is reported, so a mistyped link still shows a page (with a notice), never an error.
 * Repeated parameters take the first value.
 */
export function parseSearchParams<Shape extends z.ZodRawShape>(
  shape: Shape,
  raw: RawSearchParams,
): ParsedParams<z.infer<z.ZodObject<Shape>>> {
  const values: Record<string, unknown> = {};
  const notices: string[] = [];
  for (const [key, schema] of Object.entries(shape) as [string, z.ZodType][]) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    const input = value === '' ? undefined : value;
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      values[key] = schema.parse(undefined);
      const shown = String(input).slice(0, 40);
      notices.push(`Ignored ${key}=“${shown}”: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    }
  }
  return { values: values as z.infer<z.ZodObject<Shape>>, notices };
}
