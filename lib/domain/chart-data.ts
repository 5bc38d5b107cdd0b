/** Pure shaping of long series data into what the chart wrapper plots. No I/O. */

/** One value of one series in one year: the long format the database returns. */
export interface SeriesPoint { key: string; label: string; year: number; gwh: number }
export interface ChartSeries { key: string; label: string; color: string }
/** Series in drawing order; the only place series colours come from. */
export type ChartConfig = ChartSeries[];
/** One row per x value with one numeric column per series key. */
export interface WideRow { x: number | string; [seriesKey: string]: number | string }

export const OTHER_KEY = 'other';
export const OTHER_LABEL = 'Other';
/** Neutral grey for the folded "Other" series: 4.5:1 on white. */
export const OTHER_COLOR = '#767676';

/**
 * Okabe–Ito colours that reach 3:1 on white (blue, vermillion, bluish green, reddish purple),
 * Paul Tol's indigo, olive and wine, plus a brown and a violet chosen to stay apart from the
 * rest under simulated protan, deutan and tritan vision. Every colour is ≥ 3:1 on white
 * (WCAG 1.4.11); the light Okabe–Ito orange, sky blue and yellow are left out because they are not.
 */
export const PALETTE: string[] = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#332288', '#999933', '#882255', '#664422', '#A040E0',
];

/** Removes float noise from sums (13.4 + 30 + 0.1…) without touching data precision. */
const clean = (value: number): number => Math.round(value * 1e6) / 1e6;

export interface ToWideOptions {
  fromYear: number;
  toYear: number;
  /** Most series drawn; beyond it the smallest fold into "Other". Defaults to PALETTE.length. */
  maxSeries?: number;
}

/**
 * Long → wide rows: one row per year from `fromYear` to `toYear`, every series present (0 where
 * missing), points outside the range dropped, repeated (key, year) points summed. Series come
 * ordered by total desc (label, then key, break ties), with "Other" last. When there are more
 * than `maxSeries` series, the top `maxSeries - 1` are kept and the rest — together with any
 * input series keyed 'other' — are summed into one "Other" series.
 */
export function toWide(
  points: SeriesPoint[],
  opts: ToWideOptions,
): { rows: WideRow[]; series: { key: string; label: string }[] } {
  const { fromYear, toYear, maxSeries = PALETTE.length } = opts;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`toWide: invalid year range ${fromYear}–${toYear}`);
  }
  if (!Number.isInteger(maxSeries) || maxSeries < 1) {
    throw new RangeError(`toWide: maxSeries must be a positive integer, got ${maxSeries}`);
  }

  const totals = new Map<string, { label: string; total: number }>();
  const inRange: SeriesPoint[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.gwh)) {
      throw new RangeError(`toWide: non-finite value for ${point.key} in ${point.year}`);
    }
    if (!Number.isInteger(point.year) || point.year < fromYear || point.year > toYear) continue;
    inRange.push(point);
    const entry = totals.get(point.key);
    if (entry) entry.total += point.gwh;
    else totals.set(point.key, { label: point.label, total: point.gwh });
  }

  const ranked = [...totals.entries()]
    .filter(([key]) => key !== OTHER_KEY)
    .map(([key, { label, total }]) => ({ key, label, total }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hasInputOther = totals.has(OTHER_KEY);
  const fold = ranked.length + (hasInputOther ? 1 : 0) > maxSeries;
  const kept = fold ? ranked.slice(0, maxSeries - 1) : ranked;
  const keptKeys = new Set(kept.map((s) => s.key));

  const series = kept.map(({ key, label }) => ({ key, label }));
  if (fold || hasInputOther) {
    series.push({ key: OTHER_KEY, label: fold ? OTHER_LABEL : (totals.get(OTHER_KEY)?.label ?? OTHER_LABEL) });
  }

  const rows: WideRow[] = [];
  const byYear = new Map<number, WideRow>();
  for (let year = fromYear; year <= toYear; year++) {
    const row: WideRow = { x: year };
    for (const s of series) row[s.key] = 0;
    rows.push(row);
    byYear.set(year, row);
  }
  for (const point of inRange) {
    const row = byYear.get(point.year)!;
    const key = keptKeys.has(point.key) ? point.key : OTHER_KEY;
    row[key] = clean((row[key] as number) + point.gwh);
  }
  return { rows, series };
}

/**
 * Gives each series a colour: `fixed[key]` when set, else the next palette colour not already
 * taken. 'other' is always OTHER_COLOR. Past PALETTE.length free colours the palette repeats,
 * which toWide's default maxSeries avoids.
 */
export function withColors(
  series: { key: string; label: string }[],
  fixed: Record<string, string> = {},
): ChartConfig {
  const taken = new Set(
    series.filter((s) => s.key !== OTHER_KEY && fixed[s.key]).map((s) => fixed[s.key]!.toLowerCase()),
  );
  const free = PALETTE.filter((c) => !taken.has(c.toLowerCase()));
  const pool = free.length > 0 ? free : PALETTE;
  let next = 0;
  return series.map(({ key, label }) => {
    if (key === OTHER_KEY) return { key, label, color: OTHER_COLOR };
    const pinned = fixed[key];
    if (pinned) return { key, label, color: pinned };
    const color = pool[next % pool.length]!;
    next++;
    return { key, label, color };
  });
}

/** Sum of a row over the configured series (missing or non-numeric cells count as 0). */
export function rowTotal(row: WideRow, config: ChartConfig): number {
  let total = 0;
  for (const { key } of config) {
    const value = row[key];
    if (typeof value === 'number') total += value;
  }
  return clean(total);
}

/**
 * Exactly what the chart plots, as a table: x column then one column per series in config
 * order, raw (unrounded) numbers, null where a row has no number for a series. With `unit`,
 * series headers read "Germany (GWh per year)" so a downloaded file keeps its unit.
 */
export function toPlottedTable(
  rows: WideRow[],
  config: ChartConfig,
  xLabel: string,
  unit?: string,
): { header: string[]; body: (string | number | null)[][] } {
  return {
    header: [xLabel, ...config.map((s) => (unit ? `${s.label} (${unit})` : s.label))],
    body: rows.map((row) => [
      row.x,
      ...config.map(({ key }) => {
        const value = row[key];
        return typeof value === 'number' ? value : null;
      }),
    ]),
  };
}
