import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RegionDashboard, regionMetadata } from '@/components/pages/region-dashboard';
import { decodeState, rawSearchParams } from '@/lib/page-cache/routes';
import { todayIso } from '@/lib/validation/capacity';

// A region page as proxy.ts or next.config.js rewrites it, kept in the shared page cache until
// the data changes.
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; state: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return regionMetadata((await params).slug);
}

export default async function CachedRegionPage({ params }: Props) {
  const { slug, state: encoded } = await params;
  const query = decodeState(encoded);
  if (query === null) notFound();
  // The cache handler serves this render only on the day it was made.
  return <RegionDashboard slug={slug} searchParams={rawSearchParams(query)} today={todayIso()} />;
}
