import type { Metadata } from 'next';
import { RegionDashboard, regionMetadata } from '@/components/pages/region-dashboard';
import { todayIso } from '@/lib/validation/capacity';
import type { RawSearchParams } from '@/lib/validation/search-params';

// Visitors reach the cached twin (app/v/regions) through proxy.ts; this renders the rest.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return regionMetadata((await params).slug);
}

export default async function RegionPage({ params, searchParams }: Props) {
  return <RegionDashboard slug={(await params).slug} searchParams={await searchParams} today={todayIso()} />;
}
