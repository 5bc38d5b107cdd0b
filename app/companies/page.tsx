import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/explorer/explorer.module.css';
import { COMPANY_STATUS_LABELS } from '@/components/explorer/labels';
import { listCompanies } from '@/lib/db/list-companies';
import { ORIGIN_LABELS } from '@/lib/domain/labels';

export const metadata: Metadata = { title: 'Companies' };
export const dynamic = 'force-dynamic';

export default async function CompaniesPage() {
  const companies = await listCompanies();
  return (
    <>
      <h1>Companies</h1>
      <p className="lede">
        Cell makers, their shareholders and joint-venture partners, buyers and suppliers: {companies.length} companies, each with
        the plants it operates or holds a stake in and its contracts.
      </p>
      {companies.length === 0 ? <p>No company has been entered yet.</p> : (
        <div className="table-wrap">
          <table className={styles.table}>
            <caption>Every company in the tracker, A–Z; counts are listed plants and contracts</caption>
            <thead>
              <tr>
                <th scope="col">Company</th><th scope="col">Origin</th><th scope="col">Status</th><th scope="col">Headquarters</th>
                <th scope="col" className="num">Plants operated</th><th scope="col" className="num">Stakes</th><th scope="col" className="num">Contracts</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => (
                <tr key={c.slug}>
                  <th scope="row"><Link href={`/companies/${c.slug}`}>{c.name}</Link></th>
                  <td>{ORIGIN_LABELS[c.origin] ?? c.origin}</td>
                  <td>
                    {COMPANY_STATUS_LABELS[c.status] ?? c.status}
                    {c.successor ? <small>→ <Link href={`/companies/${c.successor.slug}`}>{c.successor.name}</Link></small> : null}
                  </td>
                  <td>{c.hqCountry ?? '—'}</td>
                  <td className="num">{c.operatedPlants}</td>
                  <td className="num">{c.stakes}</td>
                  <td className="num">{c.contracts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
