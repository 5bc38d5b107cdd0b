import { EuropeDashboard } from '@/components/pages/europe-dashboard';
import { todayIso } from '@/lib/validation/capacity';
import type { RawSearchParams } from '@/lib/validation/search-params';

// Visitors reach the cached twin (app/v/dashboard) through proxy.ts; this renders the rest
// (overlong queries) on every request.
export const dynamic = 'force-dynamic';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <EuropeDashboard searchParams={await searchParams} today={todayIso()} />;
}
