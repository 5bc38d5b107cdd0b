import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, toCsvDataUrl } from '@/lib/csv';

/** Records of a CSV, which always ends in CRLF. */
const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

describe('toCsv', () => {
  it('writes the header then one CRLF-terminated record per row', () => {
    expect(toCsv(['Year', 'GWh'], [[2030, 16], [2031, 32.5]])).toBe('Year,GWh\r\n2030,16\r\n2031,32.5\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['Year', 'GWh'], [])).toBe('Year,GWh\r\n');
  });

  it('quotes commas, quotes and line breaks so they round-trip', () => {
    const rows = [['Verkor, Dunkirk', 'the "Gigafactory"', 'line one\nline two']];
    const csv = toCsv(['a', 'b', 'c'], rows);
    expect(lines(csv)[1]).toBe('"Verkor, Dunkirk","the ""Gigafactory""","line one\nline two"');
    expect(Papa.parse(csv, { newline: '\r\n', skipEmptyLines: true }).data).toEqual([['a', 'b', 'c'], rows[0]]);
  });

  it('keeps UTF-8 names intact and adds a BOM only when asked', () => {
    const csv = toCsv(['Site'], [['Skellefteå'], ['Göd'], ['Salzgitter']], { bom: true });
    expect(csv.startsWith('\uFEFFSite\r\n')).toBe(true);
    expect(csv).toContain('Skellefteå\r\nGöd\r\n');
    const bytes = [...new TextEncoder().encode(csv)];
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes))).toBe(csv);
    expect(toCsv(['Site'], [['Göd']]).charCodeAt(0)).toBe('S'.charCodeAt(0));
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    const attacks = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")\nsecond line'];
    const csv = toCsv(['name'], attacks.map((a) => [a]));
    const parsed = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
    expect(parsed).toEqual(attacks.map((a) => `'${a}`));
    expect(lines(toCsv(['h'], [["=cmd|' /C calc'!A0"]]))[1]).toBe(`"'=cmd|' /C calc'!A0"`);
  });

  it('neutralises a formula in the header too', () => {
    expect(lines(toCsv(['=1+1'], []))[0]).toBe(`"'=1+1"`);
  });

  it('leaves numbers alone, negative ones included', () => {
    expect(lines(toCsv(['delta'], [[-12.5], [0], [3]])).slice(1)).toEqual(['-12.5', '0', '3']);
  });

  it('writes null and non-finite numbers as empty cells', () => {
    expect(lines(toCsv(['a', 'b', 'c'], [[null, Number.NaN, 1]]))[1]).toBe(',,1');
  });

  it('rejects a row whose length does not match the header', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(RangeError);
  });
});

describe('toCsvDataUrl', () => {
  it('percent-encodes the CSV, BOM and non-ASCII included, into a text/csv data URL', () => {
    const csv = toCsv(['Site', 'GWh'], [['Göd, HU', 100]], { bom: true });
    const url = toCsvDataUrl(csv);
    expect(url.startsWith('data:text/csv;charset=utf-8,%EF%BB%BFSite%2CGWh%0D%0A')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(csv);
  });
});
