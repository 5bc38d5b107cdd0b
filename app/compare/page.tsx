import type { Metadata } from 'next';
import { CompareChart } from '@/components/explorer/compare-chart';
import { Notices } from '@/components/explorer/notices';
import { ViewSettingsForm } from '@/components/explorer/view-settings-form';
import { compareCapacity } from '@/lib/db/compare';
import { getPlantFilterOptions } from '@/lib/db/plant-filter-options';
import { todayIso } from '@/lib/validation/capacity';
import { COMPARE_MAX, COMPARE_MIN, compareQuery, parseCompareParams } from '@/lib/validation/compare';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Compare regions and companies' };
export const dynamic = 'force-dynamic';

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const today = todayIso();
  const { params, notices } = parseCompareParams(await searchParams, today);
  const [options, result] = await Promise.all([getPlantFilterOptions(), compareCapacity(params, params.items)]);
  const allNotices = [...notices, ...result.unknown.map((k) => `Ignored item=“${k}”: no such region or company.`)];
  const slots = Array.from({ length: COMPARE_MAX }, (_, i) => result.items[i]?.key ?? '');
  return (
    <>
      <h1>Compare regions and companies</h1>
      <p className="lede">
        Pick {COMPARE_MIN} to {COMPARE_MAX} regions (any level: a macro-region, a country or a sub-national region) or
        companies and see their capacity trajectories on one chart. The link keeps the comparison.
      </p>
      <Notices notices={allNotices} />
      <ViewSettingsForm action="/compare" label="Comparison" values={params} today={today}>
        {slots.map((value, i) => (
          <label key={i}>
            {`Item ${i + 1}${i < COMPARE_MIN ? '' : ' (optional)'}`}
            <select name="item" defaultValue={value}>
              <option value="">—</option>
              <optgroup label="Regions">
                {options.regions.map((r) => <option key={r.slug} value={`region:${r.slug}`}>{'\u00a0\u00a0'.repeat(r.depth)}{r.name}</option>)}
              </optgroup>
              <optgroup label="Companies">
                {options.companies.map((c) => <option key={c.slug} value={`company:${c.slug}`}>{c.name}</option>)}
              </optgroup>
            </select>
          </label>
        ))}
        <label>From year<input type="number" name="from" defaultValue={params.from} min={2015} max={2040} /></label>
        <label>To year<input type="number" name="to" defaultValue={params.to} min={2015} max={2040} /></label>
      </ViewSettingsForm>
      {result.items.length < COMPARE_MIN ? (
        <p role="status">
          {result.items.length === 0 ? 'Nothing is selected yet' : `Only ${result.items[0]!.name} is selected`}: choose at least {COMPARE_MIN} items above
          to draw the comparison, e.g. <a href="/compare?item=region:hauts-de-france&item=region:eszak-alfold">Hauts-de-France and Észak-Alföld</a> or{' '}
          <a href="/compare?item=company:catl&item=company:verkor&attribution=equity">CATL and Verkor by equity</a>.
        </p>
      ) : (
        <CompareChart result={result} params={params} shareUrl={`/compare${compareQuery({ ...params, items: params.items.filter((i) => result.items.some((r) => r.key === i.key)) }, today)}`} />
      )}
    </>
  );
}
