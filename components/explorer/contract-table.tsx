import Link from 'next/link';
import { SourceLink } from '@/components/source-link';
import type { ContractListRow } from '@/lib/db/list-contracts';
import { CONTRACT_KIND_LABELS, CONTRACT_STATUS_LABELS } from './labels';
import styles from './explorer.module.css';

const ENDED = new Set(['cancelled', 'terminated', 'superseded', 'expired']);

function term(c: ContractListRow): string {
  if (c.startYear === null && c.endYear === null) return c.durationYears ? `${c.durationYears} years` : 'not published';
  const end = c.endYear ?? (c.startYear !== null && c.durationYears ? c.startYear + c.durationYears - 1 : null);
  return `${c.startYear ?? '?'}–${end ?? 'open'}${c.durationYears ? ` (${c.durationYears} years)` : ''}`;
}

function volume(c: ContractListRow): string {
  if (c.volumeGwh === null) return 'not published';
  return `${c.volumeGwh.toLocaleString('en-GB')} GWh${c.volumeBasis === 'per_year' ? '/yr' : ' in total'}`;
}

/** Contracts with both parties, plant, state, term, volume and every source; ended ones marked, never hidden. */
export function ContractTable({ contracts, caption }: { contracts: ContractListRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className={`${styles.table} ${styles.contracts}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Supplier → buyer</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Plant</th>
            <th scope="col">Term</th>
            <th scope="col" className={styles.volume}>Volume</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.ref} className={ENDED.has(c.status) ? styles.ended : undefined} data-status={c.status}>
              <th scope="row">
                <Link href={`/companies/${c.supplier.slug}`}>{c.supplier.name}</Link> → <Link href={`/companies/${c.buyer.slug}`}>{c.buyer.name}</Link>
                <small>{c.ref}{c.signedOn ? `, signed ${c.datePrecision === 'year' ? c.signedOn.slice(0, 4) : c.datePrecision === 'month' ? c.signedOn.slice(0, 7) : c.signedOn}` : ''}</small>
                {c.description && <small>{c.description}</small>}
              </th>
              <td>{CONTRACT_KIND_LABELS[c.kind] ?? c.kind}</td>
              <td>
                <span className={styles.tag}>{CONTRACT_STATUS_LABELS[c.status] ?? c.status}</span>
                {c.statusChangedOn && <small>since {c.statusChangedOn}</small>}
              </td>
              <td>{c.plant ? <Link href={`/plants/${c.plant.slug}`}>{c.plant.name}</Link> : 'not named'}</td>
              <td>{term(c)}</td>
              <td className={styles.volume}>{volume(c)}{c.valueText && <small>{c.valueText}</small>}</td>
              <td>
                {c.sources.length === 0 ? 'none recorded' : (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>{c.sources.map((s, i) => <li key={i}><SourceLink source={s} /></li>)}</ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
