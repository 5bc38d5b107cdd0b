import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OTHER_COLOR, PALETTE, rowTotal, toPlottedTable, toWide, withColors, type SeriesPoint,
} from '@/lib/domain/chart-data';

const p = (key: string, year: number, gwh: number, label = key): SeriesPoint => ({ key, label, year, gwh });

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('toWide', () => {
  it('gives one row per year in range, 0 where a series has no point, sorted by year', () => {
    const { rows } = toWide([p('skel', 2026, 16), p('skel', 2024, 8), p('god', 2025, 30)], { fromYear: 2023, toYear: 2026 });
    expect(rows).toEqual([
      { x: 2023, god: 0, skel: 0 },
      { x: 2024, god: 0, skel: 8 },
      { x: 2025, god: 30, skel: 0 },
      { x: 2026, god: 0, skel: 16 },
    ]);
  });

  it('drops points outside the year range', () => {
    const { rows, series } = toWide([p('a', 2019, 100), p('b', 2031, 100), p('a', 2020, 1)], { fromYear: 2020, toYear: 2030 });
    expect(series.map((s) => s.key)).toEqual(['a']);
    expect(rows.reduce((sum, r) => sum + rowTotal(r, [{ key: 'a', label: 'a', color: '' }]), 0)).toBe(1);
  });

  it('orders series by total, largest first, keeping their labels', () => {
    const { series } = toWide(
      [p('acc', 2030, 30, 'ACC Douvrin'), p('god', 2030, 100, 'CATL Debrecen'), p('skel', 2030, 60, 'Northvolt Ett'), p('acc', 2029, 13.4, 'ACC Douvrin')],
      { fromYear: 2025, toYear: 2030 },
    );
    expect(series).toEqual([
      { key: 'god', label: 'CATL Debrecen' },
      { key: 'skel', label: 'Northvolt Ett' },
      { key: 'acc', label: 'ACC Douvrin' },
    ]);
  });

  it('sums repeated points for the same series and year', () => {
    const { rows } = toWide([p('a', 2030, 13.4), p('a', 2030, 30), p('a', 2030, 0.1)], { fromYear: 2030, toYear: 2030 });
    expect(rows).toEqual([{ x: 2030, a: 43.5 }]);
  });

  it('keeps the top maxSeries − 1 and folds the rest into a last "Other" with the right sums', () => {
    const points = [
      p('a', 2029, 50), p('a', 2030, 50),
      p('b', 2030, 40),
      p('c', 2029, 5), p('c', 2030, 10),
      p('d', 2030, 7.5),
    ];
    const { rows, series } = toWide(points, { fromYear: 2029, toYear: 2030, maxSeries: 3 });
    expect(series).toEqual([{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }, { key: 'other', label: 'Other' }]);
    expect(rows).toEqual([
      { x: 2029, a: 50, b: 0, other: 5 },
      { x: 2030, a: 50, b: 40, other: 17.5 },
    ]);
  });

  it('does not fold when the series fit', () => {
    const { series } = toWide([p('a', 2030, 1), p('b', 2030, 2), p('c', 2030, 3)], { fromYear: 2030, toYear: 2030, maxSeries: 3 });
    expect(series.map((s) => s.key)).toEqual(['c', 'b', 'a']);
  });

  it('puts an input series keyed "other" last and folds it into Other when folding', () => {
    const few = toWide([p('other', 2030, 99, 'Other plants'), p('a', 2030, 1)], { fromYear: 2030, toYear: 2030 });
    expect(few.series).toEqual([{ key: 'a', label: 'a' }, { key: 'other', label: 'Other plants' }]);

    const many = toWide([p('other', 2030, 99), p('a', 2030, 5), p('b', 2030, 4), p('c', 2030, 3)], { fromYear: 2030, toYear: 2030, maxSeries: 3 });
    expect(many.series.map((s) => s.key)).toEqual(['a', 'b', 'other']);
    expect(many.rows).toEqual([{ x: 2030, a: 5, b: 4, other: 102 }]);
  });

  it('rejects a reversed year range and a non-finite value', () => {
    expect(() => toWide([], { fromYear: 2030, toYear: 2020 })).toThrow(RangeError);
    expect(() => toWide([p('a', 2030, Number.NaN)], { fromYear: 2020, toYear: 2030 })).toThrow(RangeError);
  });

  it('keeps every input GWh: each row sums to the points of its year, whatever maxSeries is (property)', () => {
    const keys = ['skel', 'god', 'acc', 'verkor', 'ppc', 'svolt', 'catl', 'lges', 'sdi', 'other'];
    fc.assert(fc.property(
      fc.array(fc.record({
        key: fc.constantFrom(...keys),
        year: fc.integer({ min: 2018, max: 2032 }),
        gwh: fc.double({ min: 0, max: 200, noNaN: true }),
      }), { maxLength: 60 }),
      fc.integer({ min: 1, max: 12 }),
      (raw, maxSeries) => {
        const points = raw.map((r) => p(r.key, r.year, r.gwh));
        const { rows, series } = toWide(points, { fromYear: 2020, toYear: 2030, maxSeries });
        expect(series.length).toBeLessThanOrEqual(maxSeries);
        expect(rows.map((r) => r.x)).toEqual(Array.from({ length: 11 }, (_, i) => 2020 + i));
        const config = series.map((s) => ({ ...s, color: '' }));
        for (const row of rows) {
          const expected = points.filter((pt) => pt.year === row.x).reduce((sum, pt) => sum + pt.gwh, 0);
          expect(rowTotal(row, config)).toBeCloseTo(expected, 4);
          for (const s of series) expect(typeof row[s.key]).toBe('number');
        }
      },
    ));
  });
});

describe('withColors', () => {
  it('gives distinct palette colours in order and grey to "other"', () => {
    const series = Array.from({ length: PALETTE.length }, (_, i) => ({ key: `s${i}`, label: `S${i}` }));
    const config = withColors([...series, { key: 'other', label: 'Other' }]);
    expect(config.slice(0, -1).map((s) => s.color)).toEqual(PALETTE);
    expect(new Set(config.map((s) => s.color.toLowerCase())).size).toBe(config.length);
    expect(config.at(-1)).toEqual({ key: 'other', label: 'Other', color: OTHER_COLOR });
  });

  it('honours fixed colours and does not reuse them for other series', () => {
    const config = withColors(
      [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'other', label: 'Other' }],
      { b: PALETTE[0]!, other: '#ff0000' },
    );
    expect(config.map((s) => s.color)).toEqual([PALETTE[1], PALETTE[0], OTHER_COLOR]);
  });

  it('has at least 9 distinct colours, each and the grey at least 3:1 on white', () => {
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBeGreaterThanOrEqual(9);
    for (const color of [...PALETTE, OTHER_COLOR]) {
      expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(3);
    }
    expect(PALETTE).not.toContain(OTHER_COLOR);
  });
});

describe('toPlottedTable', () => {
  it('has the x column then one column per series in config order, raw values, null for gaps', () => {
    const config = withColors([{ key: 'b', label: 'Göd' }, { key: 'a', label: 'Skellefteå' }]);
    expect(toPlottedTable([{ x: 2030, a: 16.25, b: 100 }, { x: 2031, a: 1 }], config, 'Year')).toEqual({
      header: ['Year', 'Göd', 'Skellefteå'],
      body: [[2030, 100, 16.25], [2031, null, 1]],
    });
  });

  it('puts the unit in the series headers when given', () => {
    const config = withColors([{ key: 'a', label: 'Germany' }]);
    expect(toPlottedTable([], config, 'Year', 'GWh per year').header).toEqual(['Year', 'Germany (GWh per year)']);
  });
});
