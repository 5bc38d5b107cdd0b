// Calendar helpers on ISO dates (YYYY-MM-DD), shared by the rules and the dataset checks.
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * The last day of the period a date stands for: itself at day precision, the month's or the
 * year's last day otherwise. A fact published "in March 2023" was surely public by 31 March.
 */
export function endOfPeriod(iso: string, precision: DatePrecision): string {
  if (precision === 'day') return iso;
  if (precision === 'year') return `${iso.slice(0, 4)}-12-31`;
  const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** The first day of the period a date stands for (how month/year-precision dates are written). */
export function startOfPeriod(iso: string, precision: DatePrecision): string {
  if (precision === 'day') return iso;
  return precision === 'year' ? `${iso.slice(0, 4)}-01-01` : `${iso.slice(0, 7)}-01`;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
