import { notFound } from 'next/navigation';
import { EuropeDashboard } from '@/components/pages/europe-dashboard';
import { decodeState, rawSearchParams } from '@/lib/page-cache/routes';
import { todayIso } from '@/lib/validation/capacity';

// The dashboard as proxy.ts or next.config.js rewrites it: rendered on first request and kept in
// the shared page cache until the data changes (lib/page-cache/handler.mjs).
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function CachedDashboardPage({ params }: { params: Promise<{ state: string }> }) {
  const query = decodeState((await params).state);
  if (query === null) notFound();
  // The cache handler serves this render only on the day it was made.
  return <EuropeDashboard searchParams={rawSearchParams(query)} today={todayIso()} />;
}
