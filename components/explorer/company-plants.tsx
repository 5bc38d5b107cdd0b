import Link from 'next/link';
import type { CompanyDetail } from '@/lib/db/get-company';
import { type PlantStatus, STATUS_LABELS } from '@/lib/domain/plant-status';
import { PARTNER_ROLE_LABELS } from './labels';
import styles from './explorer.module.css';

const status = (s: string) => STATUS_LABELS[s as PlantStatus] ?? s;

/** The plants a company operates (and those it operated before), and those where it is a partner, on the page's date. */
export function CompanyPlants({ company }: { company: CompanyDetail }) {
  const on = company.asOf;
  return (
    <>
      <h2 id="operated">Plants it operates ({company.operated.length})</h2>
      {company.operated.length === 0 ? <p>{company.name} operates no listed plant.</p> : (
        <div className="table-wrap">
          <table className={styles.table}>
            <caption>Plants operated by {company.name} on {on}, with their status then</caption>
            <thead><tr><th scope="col">Plant</th><th scope="col">Location</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {company.operated.map((p) => (
                <tr key={p.slug}>
                  <th scope="row"><Link href={`/plants/${p.slug}`}>{p.name}</Link></th>
                  <td>{p.city}, {p.countryName}</td>
                  <td>{status(p.status)}{p.inCellTotals ? '' : <small>module/pack site, not counted</small>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {company.formerlyOperated.length ? (
        <>
          <h2 id="formerly">Plants it operated before ({company.formerlyOperated.length})</h2>
          <div className="table-wrap">
            <table className={styles.table}>
              <caption>Plants {company.name} operated earlier, until when, and who operates them on {on}</caption>
              <thead><tr><th scope="col">Plant</th><th scope="col">Until</th><th scope="col">Operator now</th><th scope="col">Status</th></tr></thead>
              <tbody>
                {company.formerlyOperated.map((p) => (
                  <tr key={p.slug}>
                    <th scope="row"><Link href={`/plants/${p.slug}`}>{p.name}</Link><small>{p.city}, {p.countryName}</small></th>
                    <td>{p.until}</td>
                    <td><Link href={`/companies/${p.nowOperator.slug}`}>{p.nowOperator.name}</Link></td>
                    <td>{status(p.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h2 id="stakes">Plants where it is a partner ({company.partnerships.length})</h2>
      {company.partnerships.length === 0 ? <p>{company.name} holds no recorded stake in a plant another company operates.</p> : (
        <div className="table-wrap">
          <table className={styles.table}>
            <caption>Joint ventures and shareholdings of {company.name} on {on}; a blank stake was not published</caption>
            <thead><tr><th scope="col">Plant</th><th scope="col">Operator</th><th scope="col">Role</th><th scope="col" className="num">Stake</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {company.partnerships.map((p) => (
                <tr key={p.slug}>
                  <th scope="row"><Link href={`/plants/${p.slug}`}>{p.name}</Link><small>{p.city}, {p.countryName}</small></th>
                  <td><Link href={`/companies/${p.operator.slug}`}>{p.operator.name}</Link></td>
                  <td>{PARTNER_ROLE_LABELS[p.role] ?? p.role}</td>
                  <td className="num">{p.stakePct === null ? 'not published' : `${p.stakePct}%`}</td>
                  <td>{status(p.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
