import { CapacityDashboard } from '@/components/dashboard/capacity-dashboard';
import { getDashboardData } from '@/lib/db/dashboard';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { formatDate, formatInt } from '@/lib/format';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard';
import type { RawSearchParams } from '@/lib/validation/search-params';
import Link from 'next/link';

/** The Europe dashboard for a query on a day (rendered by app/page.tsx and its cached twin). */
export async function EuropeDashboard({ searchParams, today }: { searchParams: RawSearchParams; today: string }) {
  const { params, weights, notices } = parseDashboardParams(searchParams, today);
  const [data, facts] = await Promise.all([getDashboardData(params, weights), getDatasetFacts()]);
  return (
    <>
      <h1>Europe’s battery-cell capacity toward 2030</h1>
      <p className="lede">
        {formatInt(facts.plants)} cell plants in {facts.countries} countries — operating, building, announced, paused and
        cancelled — as known on {formatDate(params.asOf)}. Nameplate GWh per year from {formatInt(facts.sources)} dated
        sources. <Link href="/methodology">How we count</Link>.
      </p>
      <CapacityDashboard
        data={data}
        params={params}
        weights={weights}
        today={today}
        notices={notices}
        basePath="/"
        scopeName="Europe"
        scopeSlug="europe"
        embedPath={`/embed/capacity${dashboardQuery(params, today)}`}
      />
    </>
  );
}
