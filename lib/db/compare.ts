import 'server-only';
import { DEFAULT_WEIGHTS } from '../domain/capacity';
import type { CompareItem, CompareParams } from '../validation/compare';
import { getCapacitySeries } from './capacity-series';
import { db } from './client';
import { getCompanyCapacity } from './company-capacity';

export interface ComparedItem { key: string; kind: 'region' | 'company'; slug: string; name: string }
export interface ComparePoint { key: string; year: number; gwh: number }
export interface CompareResult {
  /** The items found, in the order asked; unknown ones are listed in `unknown`. */
  items: ComparedItem[];
  unknown: string[];
  points: ComparePoint[];
}

/**
 * Capacity trajectories of regions (every plant inside, any level of the tree) and companies
 * (attributed by operator or equity share) on the same scenario and as-of date.
 */
export async function compareCapacity(p: Omit<CompareParams, 'items'>, items: CompareItem[]): Promise<CompareResult> {
  const regionSlugs = items.filter((i) => i.kind === 'region').map((i) => i.slug);
  const companySlugs = items.filter((i) => i.kind === 'company').map((i) => i.slug);
  const [regions, companies] = await Promise.all([
    db().region.findMany({ where: { slug: { in: regionSlugs }, deletedAt: null }, select: { slug: true, name: true, path: true } }),
    db().company.findMany({ where: { slug: { in: companySlugs }, deletedAt: null }, select: { slug: true, name: true } }),
  ]);
  const found = new Map<string, ComparedItem & { path?: string }>([
    ...regions.map((r) => [`region:${r.slug}`, { key: `region:${r.slug}`, kind: 'region' as const, slug: r.slug, name: r.name, path: r.path }] as const),
    ...companies.map((c) => [`company:${c.slug}`, { key: `company:${c.slug}`, kind: 'company' as const, slug: c.slug, name: c.name }] as const),
  ]);
  const known = items.flatMap((i) => (found.has(i.key) ? [found.get(i.key)!] : []));
  const base = { scenario: p.scenario, asOf: p.asOf, fromYear: p.from, toYear: p.to };
  const series = await Promise.all(known.map(async (item): Promise<ComparePoint[]> => {
    const points = item.kind === 'region'
      ? await getCapacitySeries({ ...base, weights: DEFAULT_WEIGHTS, regionPath: item.path }, 'total')
      : await getCompanyCapacity({ ...base, attribution: p.attribution, companySlugs: [item.slug] });
    return points.map((pt) => ({ key: item.key, year: pt.year, gwh: pt.gwh }));
  }));
  return {
    items: known.map(({ key, kind, slug, name }) => ({ key, kind, slug, name })),
    unknown: items.filter((i) => !found.has(i.key)).map((i) => i.key),
    points: series.flat(),
  };
}
