import { SCENARIO_LABELS, SCENARIOS } from '@/lib/domain/capacity';
import { GROUPINGS, type Grouping } from '@/lib/validation/capacity';
import { type DashboardParams, EARLIEST_AS_OF } from '@/lib/validation/dashboard';
import { AutoSubmit } from './auto-submit';
import styles from './dashboard.module.css';

export const GROUPING_LABELS: Record<Grouping, string> = {
  total: 'Europe total',
  macro: 'Macro-region',
  country: 'Country',
  region: 'Sub-national region',
  company: 'Company (operator)',
  parent: 'Ultimate parent company',
  origin: 'Ownership origin',
  chemistry: 'Chemistry',
  status: 'Status',
};

/** The view's state as a GET form: every view is a URL someone can share. */
export function ViewControls({ action, params, today }: { action: string; params: DashboardParams; today: string }) {
  return (
    <form method="get" action={action} className={styles.controls} aria-label="Chart settings" autoComplete="off">
      <AutoSubmit />
      <label>
        Group by
        <select name="group" defaultValue={params.group}>
          {GROUPINGS.map((g) => <option key={g} value={g}>{GROUPING_LABELS[g]}</option>)}
        </select>
      </label>
      <label>
        Scenario
        <select name="scenario" defaultValue={params.scenario}>
          {SCENARIOS.map((s) => <option key={s} value={s}>{SCENARIO_LABELS[s]}</option>)}
        </select>
      </label>
      <label>
        As known on
        <input type="date" name="asOf" defaultValue={params.asOf} min={EARLIEST_AS_OF} max={today} required />
      </label>
      <label>
        Long-term plans
        <select name="longTerm" defaultValue={params.longTerm} aria-describedby="long-term-hint">
          <option value="exclude">Dated figures only</option>
          <option value="include">Count undated full build-outs from 2030</option>
        </select>
        <small id="long-term-hint">A plant with no dated figure for a year counts as not disclosed; with this on, its long-term figure counts from 2030.</small>
      </label>
      <label>
        Map and rankings year
        <input type="number" name="year" defaultValue={params.year} min={2015} max={2040} step={1} required />
      </label>
      <fieldset className={styles.weights}>
        <legend>Risk weights (probability by status)</legend>
        <label>Operational <input type="number" name="w_op" defaultValue={params.w_op} min={0} max={1} step={0.05} /></label>
        <label>Under construction <input type="number" name="w_uc" defaultValue={params.w_uc} min={0} max={1} step={0.05} /></label>
        <label>Announced <input type="number" name="w_an" defaultValue={params.w_an} min={0} max={1} step={0.05} /></label>
        <label>Paused <input type="number" name="w_pa" defaultValue={params.w_pa} min={0} max={1} step={0.05} /></label>
      </fieldset>
      <label>
        kWh per car
        <input type="number" name="pack" defaultValue={params.pack} min={10} max={200} step={1} />
      </label>
      <div className={styles.formActions}>
        <button type="submit">Apply</button>
        <a href={action}>Reset</a>
      </div>
    </form>
  );
}
