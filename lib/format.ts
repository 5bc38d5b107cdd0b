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
