// Field schemas for admin forms and imports. Each accepts what an HTML form or a CSV cell sends
// (strings, '' for empty, 'on' for a ticked box) as well as the typed value, so the same schema
// parses the form in the server action and re-validates in the data layer.
import { z } from 'zod';

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** PostgreSQL text cannot hold NUL, and no other control character belongs in a form field. */
const PRINTABLE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const NO_CONTROL = { error: 'Contains control characters; remove them.' };
/**
 * A lone UTF-16 surrogate (half an emoji, from a crafted request: browsers never send one) would
 * be stored as U+FFFD, not as sent; refuse it instead.
 */
const wellFormed = (s: string) => s.isWellFormed();
const BROKEN_CHARACTER = { error: 'Contains a broken character (half of an emoji or symbol); retype it.' };

export function text(max: number) {
  return z.preprocess(
    (v) => (isBlank(v) ? undefined : trim(v)),
    z.string({ error: 'Required.' }).max(max, { error: `At most ${max} characters.` }).regex(PRINTABLE, NO_CONTROL).refine(wellFormed, BROKEN_CHARACTER),
  );
}

export function optionalText(max: number) {
  return z.preprocess(
    (v) => (isBlank(v) ? null : trim(v)),
    z.string().max(max, { error: `At most ${max} characters.` }).regex(PRINTABLE, NO_CONTROL).refine(wellFormed, BROKEN_CHARACTER).nullable(),
  );
}

type NumberRule = { int?: boolean; min?: number; max?: number; what?: string };

function numberSchema({ int = false, min, max, what = 'a number' }: NumberRule) {
  let schema = z.number({
    error: (issue) => (issue.input === undefined ? 'Required.' : `Enter ${what}${int ? '' : ' (dot as decimal separator, e.g. 12.5)'}.`),
  });
  if (int) schema = schema.int({ error: 'Enter a whole number.' });
  if (min !== undefined) schema = schema.min(min, { error: `Must be ${min} or more.` });
  if (max !== undefined) schema = schema.max(max, { error: `Must be ${max} or less.` });
  return schema;
}

const toNumber = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  return NUMBER.test(s) ? Number(s) : s;
};

export function number(rule: NumberRule = {}) {
  return z.preprocess((v) => (isBlank(v) ? undefined : toNumber(v)), numberSchema(rule));
}

export function optionalNumber(rule: NumberRule = {}) {
  return z.preprocess((v) => (isBlank(v) ? null : toNumber(v)), numberSchema(rule).nullable());
}

export function choice<T extends string>(values: readonly T[]) {
  return z.preprocess(
    (v) => (isBlank(v) ? undefined : trim(v)),
    z.enum(values as [T, ...T[]], { error: (issue) => (issue.input === undefined ? 'Required.' : `Choose one of: ${values.join(', ')}.`) }),
  );
}

export function optionalChoice<T extends string>(values: readonly T[]) {
  return z.preprocess(
    (v) => (isBlank(v) ? null : trim(v)),
    z.enum(values as [T, ...T[]], { error: `Choose one of: ${values.join(', ')}.` }).nullable(),
  );
}

/** A ticked checkbox sends 'on'; CSV cells say true/false/yes/no. Nothing else (['on'], 1) is a checkbox. */
export const checkbox = z.preprocess((v) => {
  if (typeof v === 'boolean') return v;
  if (isBlank(v)) return false;
  if (typeof v !== 'string') return v;
  const s = v.trim().toLowerCase();
  if (['on', 'true', 'yes', '1'].includes(s)) return true;
  if (['false', 'no', '0', 'off'].includes(s)) return false;
  return s;
}, z.boolean({ error: 'Use true or false.' }));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateSchema = z.string({ error: 'Required.' })
  .regex(ISO_DATE, { error: 'A date as YYYY-MM-DD.' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'Not a calendar date.' })
  .refine((s) => s >= '2000-01-01' && s <= '2060-12-31', { error: 'Between 2000 and 2060.' });

export const date = z.preprocess((v) => (isBlank(v) ? undefined : trim(v)), dateSchema);
export const optionalDate = z.preprocess((v) => (isBlank(v) ? null : trim(v)), dateSchema.nullable());

/** Ids and versions are PostgreSQL integers: a larger number would fail in the database, not here. */
export const MAX_ID = 2_147_483_647;

/** A row id from a picker (a positive integer). */
export const id = number({ int: true, min: 1, max: MAX_ID, what: 'a choice from the list' });
export const optionalId = optionalNumber({ int: true, min: 1, max: MAX_ID, what: 'a choice from the list' });
/** The row version a form was loaded with (optimistic locking). */
export const version = number({ int: true, min: 1, max: MAX_ID, what: 'a version number' });

/** A record id sent by a button or hidden field (delete, restore, revoke): anything but a real id gets one message. */
export function recordId(error: string) {
  return z.preprocess((v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error }).int({ error }).min(1, { error }).max(MAX_ID, { error }));
}

export const slugField = z.preprocess(
  (v) => (isBlank(v) ? null : trim(v)),
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Lowercase words joined by hyphens, e.g. acme-dunkirk.' }).max(120).nullable(),
);
export const refField = z.preprocess(
  (v) => (isBlank(v) ? null : trim(v)),
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/, { error: 'Letters, digits and / _ . - (at most 64), e.g. FR-12.' }).nullable(),
);
/**
 * The URL parser drops tabs and line breaks and keeps NUL (which PostgreSQL cannot store), so an
 * address with any control character is refused before it is parsed: what is stored is what was sent.
 */
export const urlField = z.preprocess(
  (v) => (isBlank(v) ? null : trim(v)),
  z.string({ error: 'An http(s) address.' }).max(2000, { error: 'At most 2000 characters.' })
    .regex(/^[^\u0000-\u001F\u007F]*$/, { error: 'An address has no control characters or line breaks.' }).refine(wellFormed, BROKEN_CHARACTER)
    .pipe(z.url({ protocol: /^https?$/, error: 'An http(s) address.' })).nullable(),
);

/** "Acme Gigafactory Dunkirk" → "acme-gigafactory-dunkirk". */
export function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'item';
}

/** zod issues → { field: [messages] } for the form. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  // A plain object: React sends it to the browser and refuses null prototypes.
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    if (key === '__proto__') continue;
    if (!Object.hasOwn(out, key)) out[key] = [];
    out[key]!.push(issue.message);
  }
  return out;
}
