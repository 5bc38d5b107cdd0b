import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CompanyCapacityChart, COMPANY_CHART_YEARS } from '@/components/explorer/company-capacity-chart';
import { CompanyPlants } from '@/components/explorer/company-plants';
import { ContractTable } from '@/components/explorer/contract-table';
import { COMPANY_STATUS_LABELS } from '@/components/explorer/labels';
import { Notices } from '@/components/explorer/notices';
import { ViewSettingsForm } from '@/components/explorer/view-settings-form';
import { getCompanyCapacity } from '@/lib/db/company-capacity';
import { type CompanyLink, type CompanyRef, getCompany } from '@/lib/db/get-company';
import { listContracts } from '@/lib/db/list-contracts';
import { ORIGIN_LABELS } from '@/lib/domain/labels';
import { todayIso } from '@/lib/validation/capacity';
import { companyViewQuery, parseCompanyView } from '@/lib/validation/company-view';
import { EMPTY_CONTRACT_FILTERS } from '@/lib/validation/contract-filters';
import { SlugSchema } from '@/lib/validation/fields';
import type { RawSearchParams } from '@/lib/validation/search-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

async function load(params: Props['params'], asOf = todayIso()) {
  const parsed = SlugSchema.safeParse((await params).slug);
  return parsed.success ? getCompany(parsed.data, asOf) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const company = await load(params);
  return { title: company ? company.name : 'Company not found' };
}

const refLink = (c: CompanyRef) => (
  <><Link href={`/companies/${c.slug}`}>{c.name}</Link>{c.status !== 'active' ? ` (${COMPANY_STATUS_LABELS[c.status]?.toLowerCase() ?? c.status})` : ''}</>
);
const linkList = (list: CompanyLink[]) => list.map((c, i) => (
  <span key={c.slug}>{i ? ', ' : ''}{refLink(c)} ({c.stakePct === null ? 'stake not published' : `${c.stakePct}%`}, since {c.since})</span>
));
const refList = (list: CompanyRef[]) => list.map((c, i) => <span key={c.slug}>{i ? ', ' : ''}{refLink(c)}</span>);

export default async function CompanyPage({ params, searchParams }: Props) {
  const today = todayIso();
  const { values: view, notices } = parseCompanyView(await searchParams, today);
  const company = await load(params, view.asOf);
  if (!company) notFound();
  const asOfNote = view.asOf === today ? '' : ` on ${view.asOf}`;
  const [points, asSupplier, asBuyer] = await Promise.all([
    getCompanyCapacity({ ...view, ...COMPANY_CHART_YEARS, companySlugs: [company.slug], groupBy: 'plant' }),
    listContracts({ ...EMPTY_CONTRACT_FILTERS, supplier: [company.slug] }, 200),
    listContracts({ ...EMPTY_CONTRACT_FILTERS, buyer: [company.slug] }, 200),
  ]);
  const base = `/companies/${company.slug}`;
  return (
    <article>
      <p className="breadcrumb"><Link href="/companies">Companies</Link> › {company.name}</p>
      <h1>{company.name}</h1>
      <p className="lede">
        {ORIGIN_LABELS[company.origin] ?? company.origin} company{company.hqCountry ? <>, headquartered in <Link href={`/regions/${company.hqCountry.slug}`}>{company.hqCountry.name}</Link></> : null}
        {' · '}{COMPANY_STATUS_LABELS[company.status] ?? company.status}
        {company.successor ? <> · its business continues at {refLink(company.successor)}</> : null}
      </p>
      <dl className="facts">
        <dt>Ownership origin</dt><dd>{ORIGIN_LABELS[company.origin] ?? company.origin}</dd>
        <dt>Status</dt><dd>{COMPANY_STATUS_LABELS[company.status] ?? company.status}</dd>
        <dt>Owned by{asOfNote}</dt><dd>{company.parents.length ? linkList(company.parents) : 'no owner recorded'}</dd>
        <dt>Holds stakes in{asOfNote}</dt><dd>{company.subsidiaries.length ? linkList(company.subsidiaries) : 'none recorded'}</dd>
        <dt>Successor</dt><dd>{company.successor ? refLink(company.successor) : 'none'}</dd>
        <dt>Predecessors</dt><dd>{company.predecessors.length ? refList(company.predecessors) : 'none'}</dd>
        {company.website ? <><dt>Website</dt><dd><a href={company.website} rel="noopener noreferrer">{company.website}</a></dd></> : null}
      </dl>
      {company.notes ? <p>{company.notes}</p> : null}
      <p><Link href={`/plants?company=${company.slug}`}>Open these plants in the explorer</Link></p>

      <h2>Capacity over time</h2>
      <Notices notices={notices} />
      <ViewSettingsForm action={base} label="Chart settings" values={view} today={today} />
      <CompanyCapacityChart name={company.name} slug={company.slug} points={points} view={view} shareUrl={`${base}${companyViewQuery(view, today)}`}
        holdings={{ operated: company.operated.length, stakes: company.partnerships.length }} />

      <CompanyPlants company={company} />

      <h2 id="supplies">Contracts as supplier ({asSupplier.total})</h2>
      {asSupplier.total === 0 ? <p>No contract records {company.name} as a supplier.</p>
        : <ContractTable contracts={asSupplier.rows} caption={`Contracts under which ${company.name} supplies, newest first; cancelled and terminated ones included`} />}
      {asSupplier.total > asSupplier.rows.length && <p><Link href={`/offtakes?supplier=${company.slug}`}>All {asSupplier.total} contracts as supplier</Link></p>}
      <h2 id="purchases">Contracts as buyer ({asBuyer.total})</h2>
      {asBuyer.total === 0 ? <p>No contract records {company.name} as a buyer.</p>
        : <ContractTable contracts={asBuyer.rows} caption={`Contracts under which ${company.name} buys, newest first; cancelled and terminated ones included`} />}
      {asBuyer.total > asBuyer.rows.length && <p><Link href={`/offtakes?buyer=${company.slug}`}>All {asBuyer.total} contracts as buyer</Link></p>}
    </article>
  );
}
