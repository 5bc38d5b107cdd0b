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
import { formatGwh } from '@/lib/format';
import { requestOrigin } from '@/lib/request-origin';
import { todayIso } from '@/lib/validation/capacity';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard';
import { SlugSchema } from '@/lib/validation/fields';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

async function loadRegion(params: Props['params']) {
  const parsed = SlugSchema.safeParse((await params).slug);
  return parsed.success ? getRegion(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await loadRegion(params);
  return { title: region ? `${region.name}: battery-cell capacity` : 'Region not found' };
}

const REGION_DEFAULTS = { group: 'company' } as const;

const LEVEL_NAMES = { macro: 'macro-region', country: 'country', nuts1: 'region (NUTS 1)', nuts2: 'region (NUTS 2)' } as const;

export default async function RegionPage({ params, searchParams }: Props) {
  const region = await loadRegion(params);
  if (!region) notFound();
  const today = todayIso();
  const parsed = parseDashboardParams(await searchParams, today, REGION_DEFAULTS);
  const [data, claims, origin] = await Promise.all([
    getDashboardData(parsed.params, parsed.weights, region.path),
    listRegionClaims(region.id),
    requestOrigin(),
  ]);
  const embedQuery = new URLSearchParams(dashboardQuery(parsed.params, today, REGION_DEFAULTS).slice(1));
  embedQuery.set('region', region.slug);
  const claimTotals = await Promise.all(claims.map((c) =>
    getCapacityTotal({ scenario: 'announced', asOf: parsed.params.asOf, weights: parsed.weights, regionPath: region.path }, c.targetYear)));
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
            <strong>Press claim: {formatGwh(c.gwhPerYear)}/yr by {c.targetYear}.</strong> The plants’ own announcements
            add up to <strong>{formatGwh(claimTotals[i] ?? 0)}/yr</strong> for {c.targetYear}. {c.claim}
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
        embedUrl={`${origin}/embed/capacity?${embedQuery}`}
      />
      <RegionPlants plants={data.plants} year={parsed.params.year} regionName={region.name} />
    </>
  );
}
