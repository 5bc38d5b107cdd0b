import Link from 'next/link';
import type { PlantListPage } from '@/lib/db/list-plants';
import { STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatCapacity, formatGwh, formatInt } from '@/lib/format';
import { ATTRIBUTION_LABELS, explorerYears, NATURAL_DIR, type PlantFilters, type PlantSort } from '@/lib/validation/plant-filters';
import styles from './explorer.module.css';

interface Props {
  result: PlantListPage;
  filters: PlantFilters;
  /** The link that sorts by a column in a direction (page 1). */
  sortHref: (sort: PlantSort, dir: 'asc' | 'desc') => string;
}

const pct = (share: number) => `${(Math.round(share * 10000) / 100).toLocaleString('en-GB')}%`;

function SortHeader({ sort, label, numeric, filters, sortHref }: {
  sort: PlantSort; label: string; numeric?: boolean; filters: PlantFilters; sortHref: Props['sortHref'];
}) {
  const active = filters.sort === sort;
  const next = active ? (filters.dir === 'asc' ? 'desc' : 'asc') : NATURAL_DIR[sort];
  return (
    <th scope="col" className={numeric ? 'num' : undefined}
      aria-sort={active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <a href={sortHref(sort, next)}>
        {label}
        {active && <span className={styles.arrow} aria-hidden="true">{filters.dir === 'asc' ? '▲' : '▼'}</span>}
        <span className="visually-hidden">{`, sort ${next === 'asc' ? 'ascending' : 'descending'}`}</span>
      </a>
    </th>
  );
}

/** One page of plants; column headers sort (server-side); the footer sums the whole filtered set. */
export function PlantTable({ result, filters, sortHref }: Props) {
  const years = explorerYears(filters);
  const show2030 = years.y !== years.y2030;
  const withShare = filters.company.length > 0;
  const { summary } = result;
  const sortProps = { filters, sortHref };

  const figureCells = (s: { nowGwh: number | null; yearGwh: number | null; y2030Gwh: number | null }) => (
    <>
      <td className="num">{formatCapacity(s.nowGwh)}</td>
      <td className="num">{formatCapacity(s.yearGwh)}</td>
      {show2030 && <td className="num">{formatCapacity(s.y2030Gwh)}</td>}
    </>
  );
  const undisclosed = (n: number) => (n > 0 ? <small>+ {formatInt(n)} undisclosed</small> : null);

  return (
    <div className="table-wrap">
      <table className={styles.table}>
        <caption>
          Plants matching the filters, page {result.page} of {result.pageCount}, sorted by {filters.sort} ({filters.dir === 'asc' ? 'ascending' : 'descending'}).
          Capacity in GWh per year under the {filters.scenario.replace('_', '-')} scenario (“now” is the as-of year; the dashboard’s “operational capacity” is the operational scenario); “not disclosed” figures are left out of the sums, which say how many; the last row sums all {formatInt(summary.count)} matching plants{withShare ? `; “Share” is the part attributed to the selected companies (${filters.attribution})` : ""}.
        </caption>
        <thead>
          <tr>
            <SortHeader {...sortProps} sort="name" label="Plant" />
            <SortHeader {...sortProps} sort="country" label="Country" />
            <SortHeader {...sortProps} sort="operator" label="Operator" />
            <SortHeader {...sortProps} sort="status" label="Status" />
            <SortHeader {...sortProps} sort="now" label={`Now (${years.now})`} numeric />
            <SortHeader {...sortProps} sort="year" label={`In ${years.y}`} numeric />
            {show2030 && <th scope="col" className="num">In 2030</th>}
            <SortHeader {...sortProps} sort="start" label="Start year" numeric />
            {withShare && <th scope="col" className="num">Share<span className="visually-hidden"> attributed to the selected companies</span></th>}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((p) => (
            <tr key={p.id}>
              <th scope="row"><Link href={`/plants/${p.slug}`}>{p.name}</Link><small>{p.city}</small></th>
              <td>{p.countryName}</td>
              <td><Link href={`/companies/${p.operatorSlug}`}>{p.operatorName}</Link></td>
              <td>
                {STATUS_LABELS[p.status]}<small>since {p.statusSince}</small>
                {!p.inCellTotals && <small>module/pack site, not counted</small>}
              </td>
              {figureCells(p)}
              <td className="num">{p.startYear ?? '—'}</td>
              {withShare && <td className="num">{p.share === null ? '—' : pct(p.share)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>All {formatInt(summary.count)} matching plants</th>
            <td className="num">{formatGwh(summary.nowGwh)}{undisclosed(summary.undisclosed.nowGwh)}</td>
            <td className="num">{formatGwh(summary.yearGwh)}{undisclosed(summary.undisclosed.yearGwh)}</td>
            {show2030 && <td className="num">{formatGwh(summary.y2030Gwh)}{undisclosed(summary.undisclosed.y2030Gwh)}</td>}
            <td />
            {withShare && <td />}
          </tr>
          {summary.attributed && (
            <tr>
              <th scope="row" colSpan={4}>Attributed to the selected companies ({ATTRIBUTION_LABELS[filters.attribution].toLowerCase()})</th>
              {figureCells(summary.attributed)}
              <td />
              {withShare && <td />}
            </tr>
          )}
        </tfoot>
      </table>
    </div>
  );
}
