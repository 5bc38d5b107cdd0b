// Strict query-string parsing for the public API. Unlike the web pages (lib/validation/search-params.ts,
// where a bad value falls back to its default with a notice), the API refuses the request: every
// bad, unknown or repeated parameter becomes one issue naming it, and the caller gets a 400.
import { z } from 'zod';
import { AppError, type ErrorIssue, type FieldErrors } from '../../errors';

/** A parameter given at most once. `schema` parses its one string value (undefined when absent). */
export interface SingleParam<T> { kind: 'single'; schema: z.ZodType<T, unknown>; description: string; example?: string }
/** A repeatable parameter (`region=a&region=b`): every value is parsed by `item`. */
export interface ListParam<T> { kind: 'list'; item: z.ZodType<T, unknown>; description: string; max: number; example?: string }
export type QueryParam = SingleParam<unknown> | ListParam<unknown>;
export type QueryShape = Record<string, QueryParam>;

export type QueryValues<S extends QueryShape> = {
  [K in keyof S]: S[K] extends SingleParam<infer T> ? T : S[K] extends ListParam<infer T> ? T[] : never;
};

export function single<T>(schema: z.ZodType<T, unknown>, description: string, example?: string): SingleParam<T> {
  return { kind: 'single', schema, description, example };
}

export function list<T>(item: z.ZodType<T, unknown>, description: string, example?: string, max = 50): ListParam<T> {
  return { kind: 'list', item, description, max, example };
}

// C0 controls other than nothing: a query value never legitimately holds them, and PostgreSQL
// refuses NUL in text parameters (which would surface as a 500).
const CONTROL = /[\u0000-\u001f\u007f]/;
export const noControlCharacters = (s: string) => !CONTROL.test(s);

/** A free-text search parameter: the explorer's `q` rule plus no control characters. */
export function textParam<S extends z.ZodType<string, unknown>>(schema: S) {
  return schema.refine(noControlCharacters, { error: 'control characters are not allowed' });
}

export function invalidQuery(issues: ErrorIssue[]): AppError {
  // No prototype: a parameter may be called "constructor" or "__proto__".
  const fieldErrors: FieldErrors = Object.create(null);
  for (const issue of issues) (fieldErrors[issue.path] ??= []).push(issue.message);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('invalid', `Invalid query parameter ${first.path}: ${first.message}${more}.`, { fieldErrors });
}

/**
 * Parses `params` against `shape`: unknown names, a single parameter given twice, more values
 * than a list allows, and values their schema refuses are all reported (not just the first).
 * An empty value (`?region=`) counts as not given. `check` adds cross-parameter rules.
 */
export function parseApiQuery<S extends QueryShape>(
  params: URLSearchParams,
  shape: S,
  check?: (values: QueryValues<S>) => ErrorIssue[],
): QueryValues<S> {
  const issues: ErrorIssue[] = [];
  const raw = new Map<string, string[]>();
  for (const [key, value] of params) raw.set(key, [...(raw.get(key) ?? []), value]);
  const accepted = Object.keys(shape);
  for (const key of raw.keys()) {
    if (!Object.hasOwn(shape, key)) {
      issues.push({ path: shown(key), message: `unknown parameter; this endpoint accepts ${accepted.length ? accepted.join(', ') : 'none'}` });
    }
  }
  const values: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(shape)) {
    const given = (raw.get(key) ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (param.kind === 'single') {
      if (given.length > 1) {
        issues.push({ path: key, message: `given ${given.length} times; give it once` });
        continue;
      }
      const parsed = param.schema.safeParse(given[0]);
      if (parsed.success) values[key] = parsed.data;
      else issues.push({ path: key, message: firstMessage(parsed.error) });
    } else {
      if (given.length > param.max) {
        issues.push({ path: key, message: `at most ${param.max} values` });
        continue;
      }
      const out: unknown[] = [];
      for (const value of given) {
        const parsed = param.item.safeParse(value);
        if (!parsed.success) issues.push({ path: key, message: firstMessage(parsed.error) });
        else if (!out.includes(parsed.data)) out.push(parsed.data);
      }
      values[key] = out;
    }
  }
  if (issues.length === 0 && check) issues.push(...check(values as QueryValues<S>));
  if (issues.length) throw invalidQuery(issues);
  return values as QueryValues<S>;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid';
}

/** A parameter name as the client sent it, cut short and stripped of control characters for the message. */
function shown(key: string): string {
  if (key === '') return '(empty name)';
  const clean = key.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
