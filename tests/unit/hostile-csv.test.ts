// Hostile cells in and out of CSV, without a database: every CSV the site writes (lib/csv.ts)
// neutralises spreadsheet formulas and round-trips everything else exactly, and the import's
// decoding and parsing (lib/validation/import.ts) never throw on any bytes or text.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type CsvCell, toCsv } from '@/lib/csv';
import { decodeUtf8, IMPORT_KINDS, columnsOf, parseImportCsv } from '@/lib/validation/import';
import { CSV_FORMULA, scaled, Tally, type Tagged, tag, tagConst, taggedHostile } from '../support/hostile';

const RUNS = scaled({ export: 300, decode: 300, parse: 300 });

/** What a spreadsheet would run as a formula: a text cell starting with = + - @ TAB or CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell: fc.Arbitrary<Tagged<CsvCell>> = fc.oneof(
  { weight: 4, arbitrary: taggedHostile.map((t): Tagged<CsvCell> => t) },
  { weight: 2, arbitrary: tagConst<CsvCell>('csv-formula', CSV_FORMULA) },
  { weight: 1, arbitrary: tag<CsvCell>('number', fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, -12.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21, -1e-7))) },
  { weight: 1, arbitrary: tagConst<CsvCell>('null', [null]) },
);

/** A cell as it reads back: neutralised text, a number's own spelling, empty for null and non-finite. */
function expected(c: CsvCell): string {
  if (c === null) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  return FORMULA_START.test(c) ? `'${c}` : c;
}

describe('CSV downloads', () => {
  it('neutralise formulas in every text cell (header included) and keep everything else exactly', () => {
    const tally = new Tally('CSV export › hostile cells', RUNS.export);
    // Two columns or more: a one-column row of one empty cell is an empty line, which CSV cannot tell from none.
    const table = fc.integer({ min: 2, max: 5 }).chain((width) => fc.tuple(
      fc.array(taggedHostile.filter((t) => t.value.length < 5_000), { minLength: width, maxLength: width }),
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
      fc.boolean(),
    ));
    fc.assert(fc.property(table, ([header, rows, bom]) => {
      tally.add([...header.map((h) => h.cls), ...rows.flat().map((c) => c.cls), bom ? 'bom' : 'no-bom']);
      const names = header.map((h) => h.value);
      const csv = toCsv(names, rows.map((r) => r.map((c) => c.value)), { bom });
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.startsWith('\uFEFF')).toBe(bom);
      const parsed = Papa.parse<string[]>(bom ? csv.slice(1) : csv, { newline: '\r\n', delimiter: ',' }).data;
      // Every record ends in CRLF, so the parser sees one empty record at the end.
      expect(parsed.at(-1)).toEqual(['']);
      expect(parsed.slice(0, -1)).toEqual([names.map(expected), ...rows.map((r) => r.map((c) => expected(c.value)))]);
      // No text cell a spreadsheet would run: anything starting like a formula is a number.
      for (const [i, record] of parsed.slice(1, -1).entries()) {
        record.forEach((text, j) => {
          if (FORMULA_START.test(text)) expect(typeof rows[i]![j]!.value, text).toBe('number');
        });
      }
    }), { numRuns: RUNS.export });
    tally.print();
  });
});

describe('import decoding and parsing', () => {
  it('decodes any bytes to text or one sentence saying why not', () => {
    const tally = new Tally('import › arbitrary bytes', RUNS.decode);
    const bytes = fc.oneof(
      tag('binary-junk', fc.uint8Array({ maxLength: 300 })),
      tag('utf8-text', fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s))),
      tag('bom', fc.string({ maxLength: 100 }).map((s) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))),
      tag('utf16', fc.string({ maxLength: 100 }).map((s) => Uint8Array.from([0xff, 0xfe, ...new TextEncoder().encode(s)]))),
      tag('truncated-utf8', fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }).map((s) => new TextEncoder().encode(s)).map((b) => b.slice(0, Math.max(0, b.length - 1)))),
    );
    fc.assert(fc.property(bytes, ({ cls, value }) => {
      tally.add([cls]);
      const r = decodeUtf8(value);
      if ('error' in r) expect(r.error.length).toBeGreaterThan(10);
      else expect(r.text.isWellFormed() && !r.text.startsWith('\uFEFF')).toBe(true);
    }), { numRuns: RUNS.decode });
    tally.print();
  });

  it('parses any text into file errors or rows that each carry values or errors, never throwing', () => {
    const tally = new Tally('import › arbitrary text', RUNS.parse);
    const text = fc.constantFrom(...IMPORT_KINDS).chain((kind) => fc.tuple(fc.constant(kind), fc.oneof(
      tag('random', fc.string({ unit: 'binary', maxLength: 400 })),
      // A real header, then rows of hostile cells joined by commas, semicolons or tabs, quoted or not.
      tag('header+hostile-rows', fc.tuple(
        fc.shuffledSubarray(columnsOf(kind), { minLength: 1 }),
        fc.array(fc.array(taggedHostile.map((t) => t.value).filter((v) => v.length < 2_000), { maxLength: 12 }), { maxLength: 5 }),
        fc.constantFrom(',', ';', '\t'), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean(),
      ).map(([h, rows, sep, nl, quoteAll]) => [h.join(sep), ...rows.map((r) => r.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))].join(nl))),
    )));
    fc.assert(fc.property(text, ([kind, { cls, value }]) => {
      tally.add([cls, kind]);
      const parsed = parseImportCsv(kind, value);
      for (const e of parsed.fileErrors) expect(e.length).toBeGreaterThan(10);
      if (parsed.fileErrors.length) expect(parsed.rows).toEqual([]);
      for (const row of parsed.rows) {
        expect(row.row).toBeGreaterThanOrEqual(2);
        expect(row.values === null ? row.errors.length > 0 : true).toBe(true);
        for (const e of row.errors) expect(e.column.length > 0 && e.message.length > 3).toBe(true);
      }
    }), { numRuns: RUNS.parse });
    tally.print();
  });
});
