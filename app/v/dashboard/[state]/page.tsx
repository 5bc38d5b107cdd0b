import { notFound } from 'next/navigation';
import { EuropeDashboard } from '@/components/pages/europe-dashboard';
import { decodeState, rawSearchParams } from '@/lib/page-cache/routes';

// The dashboard as proxy.ts rewrites it: rendered on first request and kept in the shared page
// cache until the data changes (lib/page-cache/handler.mjs).
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function CachedDashboardPage({ params }: { params: Promise<{ state: string }> }) {
  const state = decodeState((await params).state);
  if (!state) notFound();
  return <EuropeDashboard searchParams={rawSearchParams(state.query)} today={state.today} />;
}
