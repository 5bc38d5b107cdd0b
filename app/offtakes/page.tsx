import type { Metadata } from 'next';
import Link from 'next/link';
import { ContractFilterForm } from '@/components/explorer/contract-filter-form';
import { ContractTable } from '@/components/explorer/contract-table';
import { ContractVolumeCharts } from '@/components/explorer/contract-volume-charts';
import { Notices } from '@/components/explorer/notices';
import { Pagination } from '@/components/explorer/pagination';
import { getContractFilterOptions } from '@/lib/db/contract-filter-options';
import { getContractVolumes } from '@/lib/db/contract-volumes';
import { listContracts } from '@/lib/db/list-contracts';
import { formatInt } from '@/lib/format';
import { contractFiltersQuery, dropUnknownContractRefs, parseContractFilters } from '@/lib/validation/contract-filters';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Offtake and supply contracts' };
export const dynamic = 'force-dynamic';

export default async function OfftakesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const parsed = parseContractFilters(await searchParams);
  const options = await getContractFilterOptions();
  const { filters, notices } = dropUnknownContractRefs(parsed.filters, {
    companies: new Set([...options.suppliers, ...options.buyers].map((c) => c.slug)),
    plants: new Set(options.plants.map((p) => p.slug)),
  });
  const [list, volumes] = await Promise.all([listContracts(filters), getContractVolumes(filters)]);
  const href = (page: number) => `/offtakes${contractFiltersQuery(filters, { page })}`;
  const pastEnd = list.total > 0 && list.rows.length === 0;
  return (
    <>
      <h1>Offtake and supply contracts</h1>
      <p className="lede">
        Who buys the cells, from whom and from which plant: supply agreements, captive supply inside joint ventures and
        groups, memoranda and power contracts. Cancelled and terminated deals stay listed, with the sources that reported them.
      </p>
      <Notices notices={[...parsed.notices, ...notices]} />
      <ContractFilterForm filters={filters} options={options} />
      <h2 id="volumes">Contracted volumes</h2>
      <ContractVolumeCharts volumes={volumes} shareUrl={`/offtakes${contractFiltersQuery(filters, { page: 1 })}`} />
      <h2 id="contracts">{formatInt(list.total)} {list.total === 1 ? 'contract matches' : 'contracts match'}</h2>
      {list.total === 0 ? (
        <p role="status">No contract matches these filters. <Link href="/offtakes">Show all contracts</Link>.</p>
      ) : pastEnd ? (
        <p role="status">Page {list.page} is past the end: the {formatInt(list.total)} contracts fill {list.pageCount} pages. <a href={href(list.pageCount)}>Go to the last page</a>.</p>
      ) : (
        <ContractTable contracts={list.rows} caption={`Contracts matching the filters, newest signature first (page ${list.page} of ${list.pageCount}); ended ones are marked`} />
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label="Pages of contracts" />
    </>
  );
}
