import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * A text cell that a spreadsheet would read as a formula (OWASP "CSV injection"). Papaparse's own
 * `escapeFormulae: true` pattern ends in `.*$` without the s flag, so it misses "=…" cells that
 * contain a line break; matching the first character alone does not.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV (every record, the last included, ends in CRLF; fields quoted only when needed). Text cells that start with
 * = + - @ TAB or CR get a leading apostrophe so spreadsheets show them as text; numbers are
 * written as numbers, null and non-finite numbers as empty cells. `bom` prepends U+FEFF so
 * Excel reads the UTF-8 as UTF-8.
 */
export function toCsv(header: string[], rows: CsvCell[][], opts: { bom?: boolean } = {}): string {
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`toCsv: row ${i} has ${row.length} cells, header has ${header.length}`);
    }
  });
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)));
  const csv = Papa.unparse({ fields: header, data }, { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false });
  // Papaparse ends a header-only file with a line break but not a file with rows; always end with one.
  const body = `${csv.replace(/\r\n$/, '')}\r\n`;
  return opts.bom ? `\uFEFF${body}` : body;
}

/** A `data:` URL for an `<a download>`, so the download works without JavaScript. */
export function toCsvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
