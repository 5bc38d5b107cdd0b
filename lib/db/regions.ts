import 'server-only';
import type { RegionLevel } from '../generated/prisma/enums';
import { db } from './client';

export interface RegionDto {
  id: number;
  slug: string;
  name: string;
  level: RegionLevel;
  code: string | null;
  path: string;
  /** Root first, the region itself last. */
  ancestors: { slug: string; name: string; level: RegionLevel }[];
  children: { slug: string; name: string; level: RegionLevel; plantCount: number }[];
  plantCount: number;
}

export async function getRegion(slug: string): Promise<RegionDto | null> {
  const region = await db().region.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, name: true, level: true, code: true, path: true },
  });
  if (!region) return null;
  const ancestorSlugs = region.path.split('/').filter(Boolean);
  const [ancestors, children, counts] = await Promise.all([
    db().region.findMany({ where: { slug: { in: ancestorSlugs } }, select: { slug: true, name: true, level: true } }),
    db().region.findMany({
      where: { parentId: region.id, deletedAt: null },
      select: { slug: true, name: true, level: true, path: true },
      orderBy: { name: 'asc' },
    }),
    plantCountsUnder([region.path]),
  ]);
  const childCounts = await plantCountsUnder(children.map((c) => c.path));
  const bySlug = new Map(ancestors.map((a) => [a.slug, a]));
  return {
    ...region,
    ancestors: ancestorSlugs.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : [])),
    children: children
      .map((c) => ({ slug: c.slug, name: c.name, level: c.level, plantCount: childCounts.get(c.path) ?? 0 }))
      .filter((c) => c.plantCount > 0),
    plantCount: counts.get(region.path) ?? 0,
  };
}

/** Plants (not deleted) inside each region path, at any depth. */
async function plantCountsUnder(paths: string[]): Promise<Map<string, number>> {
  if (paths.length === 0) return new Map();
  const rows = await db().$queryRaw<{ path: string; n: number }[]>`
    SELECT w.path, COUNT(p.id)::int AS n
    FROM unnest(${paths}::text[]) AS w(path)
    LEFT JOIN region r ON r.path LIKE w.path || '%'
    LEFT JOIN plant p ON p.region_id = r.id AND p.deleted_at IS NULL
    GROUP BY w.path`;
  return new Map(rows.map((r) => [r.path, r.n]));
}

export interface RegionListItem { slug: string; name: string; level: RegionLevel; path: string; plantCount: number }

/** Every region that contains at least one plant, in tree order. */
export async function listRegionsWithPlants(): Promise<RegionListItem[]> {
  return db().$queryRaw<RegionListItem[]>`
    SELECT r.slug, r.name, r.level::text AS level, r.path, COUNT(p.id)::int AS "plantCount"
    FROM region r
    JOIN region pr ON pr.path LIKE r.path || '%'
    JOIN plant p ON p.region_id = pr.id AND p.deleted_at IS NULL
    WHERE r.deleted_at IS NULL
    GROUP BY r.slug, r.name, r.level, r.path
    ORDER BY r.path`;
}

export interface RegionClaimDto {
  targetYear: number; gwhPerYear: number; claim: string; source: SourceRef;
  /** False while no public page stating the figure has been found. */
  verified: boolean;
}
export interface SourceRef {
  url: string | null; publisher: string; title: string; publishedOn: string | null;
  /** primary, major, trade or weak (prisma/seed/data/README.md). */
  tier?: 'primary' | 'major' | 'trade' | 'weak';
}

export async function listRegionClaims(regionId: number): Promise<RegionClaimDto[]> {
  const rows = await db().regionClaim.findMany({
    where: { regionId },
    select: {
      targetYear: true, gwhPerYear: true, claim: true, verified: true,
      source: { select: { url: true, publisher: true, title: true, publishedOn: true, tier: true } },
    },
    orderBy: { targetYear: 'asc' },
  });
  return rows.map((r) => ({
    targetYear: r.targetYear,
    gwhPerYear: Number(r.gwhPerYear),
    claim: r.claim,
    verified: r.verified,
    source: { ...r.source, publishedOn: r.source.publishedOn?.toISOString().slice(0, 10) ?? null },
  }));
}
