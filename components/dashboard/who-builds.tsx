import { ChartFrame } from '@/components/charts/chart-frame';
import type { CapacityPoint } from '@/lib/db/capacity-series';
import { type Scenario, SCENARIO_LABELS } from '@/lib/domain/capacity';
import { withColors } from '@/lib/domain/chart-data';
import { ORIGIN_LABELS } from '@/lib/domain/labels';
import styles from './dashboard.module.css';

/** Top companies, and the homegrown-versus-foreign split by the operator's origin. */
export function WhoBuilds({ byCompany, byOrigin, year, scenario, scopeSlug, shareUrl }: {
  byCompany: CapacityPoint[]; byOrigin: CapacityPoint[]; year: number; scenario: Scenario; scopeSlug: string; shareUrl: string;
}) {
  const top = byCompany.slice(0, 10);
  const total = byOrigin.reduce((a, b) => a + b.gwh, 0);
  const share = (gwh: number) => (total > 0 ? Math.round((gwh / total) * 1000) / 10 : 0);
  return (
    <section aria-labelledby="who">
      <h2 id="who">Who builds it, {year}</h2>
      <div className={styles.grid2}>
        <ChartFrame
          id="companies"
          headingLevel={3}
          title={`Top ${top.length} operators`}
          description={`${SCENARIO_LABELS[scenario]} scenario, capacity in ${year}.`}
          unitLabel="GWh per year"
          kind="stacked-bar"
          rows={top.map((c) => ({ x: c.label, gwh: c.gwh }))}
          config={withColors([{ key: 'gwh', label: 'Capacity' }])}
          xLabel="Operator"
          csvFileName={`voltrack-${scopeSlug}-top-operators-${year}.csv`}
          shareUrl={shareUrl}
          showTotal={false}
          height={320}
        />
        <ChartFrame
          id="origin"
          headingLevel={3}
          title="Homegrown or foreign: capacity by the operator’s origin"
          description={`${SCENARIO_LABELS[scenario]} scenario, capacity in ${year}. ${byOrigin.map((o) => `${ORIGIN_LABELS[o.key] ?? o.key} ${share(o.gwh)}%`).join(', ')}.`}
          unitLabel="GWh per year"
          kind="stacked-bar"
          rows={byOrigin.map((o) => ({ x: ORIGIN_LABELS[o.key] ?? o.label, gwh: o.gwh }))}
          config={withColors([{ key: 'gwh', label: 'Capacity' }])}
          xLabel="Operator origin"
          csvFileName={`voltrack-${scopeSlug}-origin-${year}.csv`}
          shareUrl={shareUrl}
          showTotal={false}
          height={320}
        />
      </div>
    </section>
  );
}
