import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CapacityDashboard } from '@/components/dashboard/capacity-dashboard';
import { RegionPlants } from '@/components/dashboard/region-plants';
import styles from '@/components/dashboard/dashboard.module.css';
import { SourceLink } from '@/components/source-link';
import { getCapacityTotal } from '@/lib/db/capacity-series';
import { getDashboardData } from '@/lib/db/dashboard';
import { getRegion, listRegionClaims } from '@/lib/db/regions';
import { undisclosedNote } from '@/components/dashboard/headline-cards';
import { TARGET_YEAR } from '@/lib/domain/capacity';
import { formatGwh } from '@/lib/format';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard';
import { SlugSchema } from '@/lib/validation/fields';
import type { RawSearchParams } from '@/lib/validation/search-params';

async function loadRegion(slug: string) {
  const parsed = SlugSchema.safeParse(slug);
  return parsed.success ? getRegion(parsed.data) : null;
}

export async function regionMetadata(slug: string): Promise<Metadata> {
  const region = await loadRegion(slug);
  return { title: region ? `${region.name}: battery-cell capacity` : 'Region not found' };
}

const REGION_DEFAULTS = { group: 'company' } as const;

const LEVEL_NAMES = { macro: 'macro-region', country: 'country', nuts1: 'region (NUTS 1)', nuts2: 'region (NUTS 2)' } as const;

/** A region's dashboard for a query on a day (rendered by app/regions/[slug] and its cached twin). */
export async function RegionDashboard({ slug, searchParams, today }: { slug: string; searchParams: RawSearchParams; today: string }) {
  const region = await loadRegion(slug);
  if (!region) notFound();
  const parsed = parseDashboardParams(searchParams, today, REGION_DEFAULTS);
  const [data, claims] = await Promise.all([
    getDashboardData(parsed.params, parsed.weights, region.path),
    listRegionClaims(region.id),
  ]);
  const embedQuery = new URLSearchParams(dashboardQuery(parsed.params, today, REGION_DEFAULTS).slice(1));
  embedQuery.set('region', region.slug);
  // A claim for the headline year reuses the headline's figure: one computation, one number.
  const claimTotals = await Promise.all(claims.map((c) => (c.targetYear === TARGET_YEAR
    ? data.headline.announced2030
    : getCapacityTotal({ scenario: 'announced', asOf: parsed.params.asOf, weights: parsed.weights, regionPath: region.path }, c.targetYear))));
  return (
    <>
      <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
        <ol>
          <li><Link href="/">Europe</Link></li>
          {region.ancestors.slice(0, -1).map((a) => <li key={a.slug}><Link href={`/regions/${a.slug}`}>{a.name}</Link></li>)}
          <li aria-current="page">{region.name}</li>
        </ol>
      </nav>
      <h1>{region.name}: battery-cell capacity</h1>
      <p className="lede">
        A {LEVEL_NAMES[region.level]}{region.code ? ` (${region.code})` : ''} with {region.plantCount} listed plant{region.plantCount === 1 ? '' : 's'}.
        {region.children.length ? <> Within it: {region.children.map((c, i) => (
          <span key={c.slug}>{i ? ', ' : ''}<Link href={`/regions/${c.slug}`}>{c.name}</Link> ({c.plantCount})</span>
        ))}.</> : null}
      </p>
      {claims.map((c, i) => (
        <aside key={c.targetYear} className={styles.claim} aria-label="Press claim compared with plant figures">
          <p>
            <strong>Press claim{c.verified ? '' : ' (unverified)'}: {formatGwh(c.gwhPerYear)}/yr by {c.targetYear}.</strong> The plants’ own announcements
            add up to <strong>{formatGwh(claimTotals[i]?.gwh ?? 0)}/yr</strong> for {c.targetYear}{undisclosedNote(claimTotals[i]?.undisclosedPlants ?? 0)} {c.claim}
          </p>
          <p>Claim source: <SourceLink source={c.source} /></p>
        </aside>
      ))}
      <CapacityDashboard
        data={data}
        params={parsed.params}
        weights={parsed.weights}
        today={today}
        notices={parsed.notices}
        basePath={`/regions/${region.slug}`}
        scopeName={region.name}
        scopeSlug={region.slug}
        zoomMap={region.level !== 'macro'}
        defaults={REGION_DEFAULTS}
        embedPath={`/embed/capacity?${embedQuery}`}
      />
      <RegionPlants plants={data.plants} year={parsed.params.year} regionName={region.name} explorerHref={`/plants?region=${region.slug}`} />
    </>
  );
}
