const gwhFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const intFormat = new Intl.NumberFormat('en-GB');

export function formatGwh(value: number): string {
  return `${gwhFormat.format(value)} GWh`;
}

export function formatInt(value: number): string {
  return intFormat.format(value);
}

export function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A plant's or a group's figure: GWh, or "not disclosed" where it counts but was never published. */
export function formatCapacity(value: number | null): string {
  return value === null ? 'not disclosed' : formatGwh(value);
}

/** A date as precise as it was published: "December 2025" for a month, "2025" for a year. */
export function formatDated(iso: string, precision: string): string {
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'month') {
    return new Date(`${iso.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return formatDate(iso);
}
