import type { Metadata } from 'next';
import Link from 'next/link';
import { describeFilters } from '@/components/explorer/describe-filters';
import styles from '@/components/explorer/explorer.module.css';
import { Notices } from '@/components/explorer/notices';
import { Pagination } from '@/components/explorer/pagination';
import { PlantFilterForm } from '@/components/explorer/plant-filter-form';
import { PlantTable } from '@/components/explorer/plant-table';
import { listPlants } from '@/lib/db/list-plants';
import { resolvePlantFilters } from '@/lib/db/resolve-plant-filters';
import { SCENARIO_LABELS } from '@/lib/domain/capacity';
import { formatGwh, formatInt } from '@/lib/format';
import { explorerYears, plantFiltersQuery } from '@/lib/validation/plant-filters';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const explorerMetadata: Metadata = { title: 'Plant explorer' };

/** The plant explorer for a query on a day (rendered by app/plants/page.tsx and its cached twin). */
export async function PlantExplorer({ searchParams, today }: { searchParams: RawSearchParams; today: string }) {
  const { filters, notices, options } = await resolvePlantFilters(searchParams, today);
  const result = await listPlants(filters);
  const { summary } = result;
  const years = explorerYears(filters);
  const href = (overrides: Parameters<typeof plantFiltersQuery>[2]) => `/plants${plantFiltersQuery(filters, today, overrides)}`;
  const exportQuery = plantFiltersQuery(filters, today, { page: 1, size: 25 });
  const exportHref = (format: 'csv' | 'json') => `/plants/export${exportQuery ? `${exportQuery}&` : '?'}format=${format}`;
  const described = describeFilters(filters, options);
  const pastEnd = summary.count > 0 && result.rows.length === 0;

  return (
    <>
      <h1>Plant explorer</h1>
      <p className="lede">
        Every cell plant known on {filters.asOf}, filtered, sorted and summed in the database. Capacity is nameplate GWh per
        year under the {SCENARIO_LABELS[filters.scenario].toLowerCase()} scenario: “now” is {years.now}, the as-of year.
      </p>
      <Notices notices={notices} />
      <PlantFilterForm filters={filters} options={options} today={today} />

      <section aria-labelledby="results">
        <div className={styles.resultBar}>
          <h2 id="results" style={{ margin: 0 }}>
            {formatInt(summary.count)} {summary.count === 1 ? 'plant matches' : 'plants match'}
            {described.length ? <span className="muted"> — {described.join('; ')}</span> : null}
          </h2>
          {summary.count > 0 && (
            <p className={styles.downloads}>
              <a href={exportHref('csv')} download>Download CSV of all {formatInt(summary.count)} filtered plants</a>
              <a href={exportHref('json')} download>Download JSON of all {formatInt(summary.count)} filtered plants</a>
            </p>
          )}
        </div>
        {summary.count > 0 && (
          <p>
            Together: {formatGwh(summary.nowGwh)}/yr now ({years.now}), {formatGwh(summary.yearGwh)}/yr in {years.y}
            {years.y !== 2030 ? <>, {formatGwh(summary.y2030Gwh)}/yr in 2030</> : null}.
            {summary.attributed ? <> Attributed to the selected companies: {formatGwh(summary.attributed.yearGwh)}/yr in {years.y}.</> : null}
          </p>
        )}
        {summary.count === 0 ? (
          <div className={styles.empty} role="status">
            <p>
              <strong>No plant matches.</strong>{' '}
              {described.length
                ? `No plant known on ${filters.asOf} has ${described.join(', and ')}.`
                : `No plant had been announced by ${filters.asOf}.`}
            </p>
            <p>Remove a filter above, or <Link href="/plants">show all plants</Link>.</p>
          </div>
        ) : pastEnd ? (
          <div className={styles.empty} role="status">
            <p><strong>Page {result.page} is past the end.</strong> The {formatInt(summary.count)} matching plants fill {result.pageCount} page{result.pageCount === 1 ? '' : 's'} of {result.pageSize}.</p>
            <p><a href={href({ page: result.pageCount })}>Go to the last page</a></p>
          </div>
        ) : (
          <PlantTable result={result} filters={filters} sortHref={(sort, dir) => href({ sort, dir, page: 1 })} />
        )}
        <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} label="Pages of plants" />
      </section>
    </>
  );
}
