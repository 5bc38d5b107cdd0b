import type { PlantFilterOptions } from '@/lib/db/plant-filter-options';
import { CHEMISTRY_LABELS, ORIGIN_LABELS } from '@/lib/domain/labels';
import { STATUS_LABELS } from '@/lib/domain/plant-status';
import type { PlantFilters } from '@/lib/validation/plant-filters';
import { SEGMENT_LABELS } from './labels';

/** The active filters in words ("region: Hauts-de-France or Poland"), for headings and empty states. */
export function describeFilters(f: PlantFilters, options: PlantFilterOptions): string[] {
  const name = (list: { slug?: string; code?: string; name: string }[], key: string) =>
    list.find((x) => x.slug === key || x.code === key)?.name ?? key;
  const parts: string[] = [];
  const add = (label: string, values: string[]) => { if (values.length) parts.push(`${label}: ${values.join(' or ')}`); };
  add('region', f.region.map((s) => name(options.regions, s)));
  add('country', f.country.map((c) => name(options.countries, c)));
  add('company', f.company.map((s) => name(options.companies, s)));
  add('status', f.status.map((s) => STATUS_LABELS[s]));
  add('operator origin', f.origin.map((o) => ORIGIN_LABELS[o] ?? o));
  add('chemistry', f.chemistry.map((c) => CHEMISTRY_LABELS[c] ?? c));
  add('segment', f.segment.map((s) => SEGMENT_LABELS[s] ?? s));
  if (f.min !== null) parts.push(`at least ${f.min} GWh/yr in ${f.year}`);
  if (f.max !== null) parts.push(`at most ${f.max} GWh/yr in ${f.year}`);
  if (f.q) parts.push(`name, city or company containing “${f.q}”`);
  return parts;
}
