import type { ChangeFilters } from '../db/list-changes';
import { getRegion } from '../db/regions';
import type { ChangeKind } from '../validation/api/changes';
import { requireKnownSlugs } from './known-slugs';

/** The change feed's parameters as data-layer filters; unknown region or company slugs are a 400. */
export async function resolveChangeFilters(
  q: { region?: string; company: string[]; kind: ChangeKind[]; since?: string; until?: string },
): Promise<{ filters: ChangeFilters; regionName: string | null }> {
  await requireKnownSlugs({ region: { kind: 'region', slugs: q.region ? [q.region] : [] }, company: { kind: 'company', slugs: q.company } });
  const region = q.region ? await getRegion(q.region) : null;
  return {
    filters: { regionPath: region?.path, companies: q.company, kinds: q.kind, since: q.since, until: q.until },
    regionName: region?.name ?? null,
  };
}
