import { ChartFrame } from '@/components/charts/chart-frame';
import { CONTRACT_STATE_GROUPS, type ContractStateGroup, type ContractVolume, type ContractVolumes } from '@/lib/db/contract-volumes';
import { withColors, type WideRow } from '@/lib/domain/chart-data';
import styles from './explorer.module.css';

const STATE_LABELS: Record<ContractStateGroup, string> = {
  live: 'Active or planned', disrupted: 'Disrupted', ended: 'Cancelled, terminated, superseded or expired',
};
const STATES = Object.keys(CONTRACT_STATE_GROUPS) as ContractStateGroup[];

/** One bar per company, stacked by the contracts' state; the 15 largest totals, largest first. */
function toRows(volumes: ContractVolume[]): WideRow[] {
  const rows = new Map<string, WideRow>();
  const totals = new Map<string, number>();
  for (const v of volumes) {
    const row = rows.get(v.key) ?? { x: v.label, ...Object.fromEntries(STATES.map((s) => [s, 0])) };
    row[v.state] = (row[v.state] as number) + v.gwh;
    rows.set(v.key, row);
    totals.set(v.key, (totals.get(v.key) ?? 0) + v.gwh);
  }
  return [...rows.keys()]
    .sort((a, b) => totals.get(b)! - totals.get(a)! || String(rows.get(a)!.x).localeCompare(String(rows.get(b)!.x)))
    .slice(0, 15).map((key) => rows.get(key)!);
}

/** Contracted GWh per year by buyer and by supplier, for the filtered contracts. */
export function ContractVolumeCharts({ volumes, shareUrl }: { volumes: ContractVolumes; shareUrl: string }) {
  const config = withColors(STATES.map((s) => ({ key: s, label: STATE_LABELS[s] })), { ended: '#882255', disrupted: '#999933', live: '#0072B2' });
  const note = `Only volumes published per year are summed${volumes.withoutAnnualVolume ? `; ${volumes.withoutAnnualVolume} of the matching contracts have no annual volume (undisclosed, or a total only) and are not in the bars` : ''}. The 15 largest are shown.`;
  if (volumes.byBuyer.length === 0) {
    return <p>None of the matching contracts publishes an annual volume, so there is nothing to chart. {volumes.withoutAnnualVolume} contracts match.</p>;
  }
  return (
    <div className={styles.columns}>
      {([['buyer', volumes.byBuyer], ['supplier', volumes.bySupplier]] as const).map(([side, list]) => (
        <ChartFrame
          key={side}
          id={`contracted-by-${side}`}
          headingLevel={3}
          title={`Contracted GWh per year by ${side}`}
          description={note}
          unitLabel="GWh per year"
          kind="stacked-bar"
          rows={toRows(list)}
          config={config}
          xLabel={side === 'buyer' ? 'Buyer' : 'Supplier'}
          csvFileName={`voltrack-contracted-by-${side}.csv`}
          shareUrl={shareUrl}
          height={340}
        />
      ))}
    </div>
  );
}
