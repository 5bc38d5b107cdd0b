import { describe, expect, it } from 'vitest';
import { decodeUtf8, IMPORT_MAX_BYTES, parseImportCsv, templateCsv } from '@/lib/validation/import';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('import file decoding', () => {
  it('accepts UTF-8 with or without a byte-order mark', () => {
    expect(decodeUtf8(bytes('\uFEFFref\nÉ'))).toEqual({ text: 'ref\nÉ' });
  });
  it('refuses Latin-1, UTF-16, empty and oversized files with a sentence saying what to do', () => {
    expect(decodeUtf8(Uint8Array.from([0x72, 0xe9, 0x66]))).toEqual({ error: expect.stringMatching(/not valid UTF-8/) });
    expect(decodeUtf8(Uint8Array.from([0xfe, 0xff, 0, 0x72]))).toEqual({ error: expect.stringMatching(/UTF-16/) });
    expect(decodeUtf8(new Uint8Array())).toEqual({ error: 'The file is empty.' });
    expect(decodeUtf8(new Uint8Array(IMPORT_MAX_BYTES + 1))).toEqual({ error: expect.stringMatching(/larger than/) });
    expect(decodeUtf8(new TextEncoder().encode('ref\n'.padEnd(IMPORT_MAX_BYTES, 'x')))).toEqual({ text: expect.any(String) });
  });
});

describe('import rows', () => {
  const header = 'ref,plant_ref,target_year,gwh_per_year,announced_on,confidence';
  it('parses numbers and dates with the form schemas and reports each bad cell by column', () => {
    const parsed = parseImportCsv('announcements', `${header}\nA/1,FR-01,2030,12.5,2026-01-31,high\nA/2,FR-01,20x0,12,5,2026-02-30,certain\n`);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ row: 2, ref: 'A/1', errors: [], values: { target_year: 2030, gwh_per_year: 12.5, scope: 'milestone' } });
    expect(parsed.rows[1]!.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['(row)', 'target_year']));
  });
  it('flags a decimal comma as a bad number', () => {
    const parsed = parseImportCsv('announcements', `${header}\nA/3,FR-01,2030,"12,5",2026-01-31,high\n`);
    expect(parsed.rows[0]!.errors).toEqual([{ column: 'gwh_per_year', message: expect.stringMatching(/dot as decimal separator/) }]);
  });
  it('flags the second row with an already used ref as a duplicate', () => {
    const parsed = parseImportCsv('announcements', `${header}\nA/4,FR-01,2030,1,2026-01-31,high\nA/4,FR-01,2031,2,2026-01-31,high\n`);
    expect(parsed.rows[1]!.errors).toEqual([{ column: 'ref', message: 'Duplicate row: ref A/4 is also on row 2.' }]);
  });
  it('reports missing, unknown and repeated columns before any row', () => {
    const parsed = parseImportCsv('contracts', 'ref,kind,supplier,buyer,status,status,colour\nOT-1,mou,a,b,planned,planned,red\n');
    expect(parsed.rows).toEqual([]);
    expect(parsed.fileErrors).toEqual([
      expect.stringMatching(/Missing column\(s\): confidence/),
      expect.stringMatching(/Unknown column\(s\): colour/),
      expect.stringMatching(/given twice: status/),
    ]);
  });
  it('offers a template whose header parses', () => {
    for (const kind of ['plants', 'announcements', 'contracts'] as const) {
      const parsed = parseImportCsv(kind, templateCsv(kind));
      expect(parsed.fileErrors).toEqual(['The file has a header but no rows.']);
    }
  });
});

describe('form text fields', () => {
  it('refuse NUL and other control characters with a clear message, keep tabs and newlines', async () => {
    const { text, optionalText } = await import('@/lib/validation/form-fields');
    expect(text(50).safeParse('Göd\u0000plant').error?.issues[0]?.message).toBe('Contains control characters; remove them.');
    expect(optionalText(50).safeParse('a\u001bb').success).toBe(false);
    expect(text(50).safeParse('line one\nline\ttwo').success).toBe(true);
  });
});
