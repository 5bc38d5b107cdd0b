import { notFound } from 'next/navigation';
import { explorerMetadata, PlantExplorer } from '@/components/pages/plant-explorer';
import { decodeState, rawSearchParams } from '@/lib/page-cache/routes';

// The explorer as proxy.ts rewrites it, kept in the shared page cache until the data changes.
export const metadata = explorerMetadata;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function CachedPlantsPage({ params }: { params: Promise<{ state: string }> }) {
  const state = decodeState((await params).state);
  if (!state) notFound();
  return <PlantExplorer searchParams={rawSearchParams(state.query)} today={state.today} />;
}
