// 'negative' keeps a rounded -0.04 from showing as "-0.0".
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' });
const tick = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, signDisplay: 'negative' });

/** Table and tooltip figures: always one decimal, e.g. "1,234.5". */
export function formatValue(value: number): string {
  return oneDecimal.format(value);
}

/** Axis ticks: no trailing ".0", e.g. "1,200". */
export function formatTick(value: number): string {
  return tick.format(value);
}
