import { z } from 'zod';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * URL parameters as pages receive them (repeated ones become arrays, in order). The object has no
 * prototype, so parameters named `constructor` or `__proto__` are plain keys like any other.
 */
export function rawSearchParamsOf(params: URLSearchParams): RawSearchParams {
  const raw: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of params) {
    const prev = raw[key];
    raw[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return raw;
}

export interface ParsedParams<T> {
  values: T;
  /** One line per parameter that was ignored, for a visible notice. */
  notices: string[];
}

/** The start of a value for a notice, cut between characters (never inside an emoji's surrogate pair). */
export function shorten(value: string, max = 40): string {
  return value.length <= max ? value : Array.from(value.slice(0, max + 1)).slice(0, max).join('').replace(/[\ud800-\udbff]$/, '');
}

/** -0 (from "-0") is 0: it would otherwise show as "-0" and not survive a round trip through the URL. */
export const withoutNegativeZero = (n: number): number => (n === 0 ? 0 : n);

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
      notices.push(`Ignored ${key}=“${shorten(String(input))}”: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    }
  }
  return { values: values as z.infer<z.ZodObject<Shape>>, notices };
}
