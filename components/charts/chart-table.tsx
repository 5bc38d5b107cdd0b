import { rowTotal, type ChartConfig, type WideRow } from '@/lib/domain/chart-data';
import styles from './chart-frame.module.css';
import { formatValue } from './format';

interface ChartTableProps {
  caption: string;
  rows: WideRow[];
  config: ChartConfig;
  xLabel: string;
  showTotal: boolean;
}

/** The chart's table twin: the same rows and series, one decimal, for screen readers and anyone who wants figures. */
export function ChartTable({ caption, rows, config, xLabel, showTotal }: ChartTableProps) {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{xLabel}</th>
          {config.map((s) => (
            <th scope="col" className={styles.num} key={s.key}>
              <span className={styles.colHead}>
                <span className={styles.swatch} style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </span>
            </th>
          ))}
          {showTotal && <th scope="col" className={styles.num}>Total</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row.x)}>
            <th scope="row">{row.x}</th>
            {config.map((s) => <td className={styles.num} key={s.key}><Cell value={row[s.key]} /></td>)}
            {showTotal && <td className={`${styles.num} ${styles.total}`}>{formatValue(rowTotal(row, config))}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ value }: { value: number | string | undefined }) {
  if (typeof value === 'number') return formatValue(value);
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className={styles.visuallyHidden}>no data</span>
    </>
  );
}
