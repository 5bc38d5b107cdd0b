import { notFound } from 'next/navigation';
import { explorerMetadata, PlantExplorer } from '@/components/pages/plant-explorer';
import { decodeState, rawSearchParams } from '@/lib/page-cache/routes';
import { todayIso } from '@/lib/validation/capacity';

// The explorer as proxy.ts rewrites it, kept in the shared page cache until the data changes.
export const metadata = explorerMetadata;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function CachedPlantsPage({ params }: { params: Promise<{ state: string }> }) {
  const query = decodeState((await params).state);
  if (query === null) notFound();
  // The cache handler serves this render only on the day it was made.
  return <PlantExplorer searchParams={rawSearchParams(query)} today={todayIso()} />;
}
