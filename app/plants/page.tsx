import { explorerMetadata, PlantExplorer } from '@/components/pages/plant-explorer';
import { todayIso } from '@/lib/validation/capacity';
import type { RawSearchParams } from '@/lib/validation/search-params';

// Visitors reach the cached twin (app/v/plants) through proxy.ts; this renders the rest.
export const metadata = explorerMetadata;
export const dynamic = 'force-dynamic';

export default async function PlantsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <PlantExplorer searchParams={await searchParams} today={todayIso()} />;
}
