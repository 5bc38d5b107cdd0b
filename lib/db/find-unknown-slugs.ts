import 'server-only';
import { db } from './client';

export interface SlugRefs { region?: string[]; company?: string[]; plant?: string[] }

/**
 * The slugs in `refs` that name no live region, company or plant. The public API answers 400
 * for them instead of silently filtering on nothing (the web pages drop them with a notice).
 */
export async function findUnknownSlugs(refs: SlugRefs): Promise<Required<SlugRefs>> {
  const region = refs.region ?? [];
  const company = refs.company ?? [];
  const plant = refs.plant ?? [];
  if (region.length + company.length + plant.length === 0) return { region, company, plant };
  const [row] = await db().$queryRaw<{ region: string[]; company: string[]; plant: string[] }[]>`
    SELECT
      ARRAY(SELECT s FROM unnest(${region}::text[]) AS s
            WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.slug = s AND r.deleted_at IS NULL)) AS region,
      ARRAY(SELECT s FROM unnest(${company}::text[]) AS s
            WHERE NOT EXISTS (SELECT 1 FROM company c WHERE c.slug = s AND c.deleted_at IS NULL)) AS company,
      ARRAY(SELECT s FROM unnest(${plant}::text[]) AS s
            WHERE NOT EXISTS (SELECT 1 FROM plant p WHERE p.slug = s AND p.deleted_at IS NULL)) AS plant`;
  return { region: row?.region ?? [], company: row?.company ?? [], plant: row?.plant ?? [] };
}
