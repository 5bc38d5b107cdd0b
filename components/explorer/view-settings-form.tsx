import Link from 'next/link';
import { SCENARIO_LABELS, SCENARIOS, type Scenario } from '@/lib/domain/capacity';
import { EARLIEST_AS_OF } from '@/lib/validation/dashboard';
import { ATTRIBUTION_LABELS, ATTRIBUTIONS, type Attribution } from '@/lib/validation/plant-filters';
import styles from './explorer.module.css';

/** Attribution, scenario and as-of date as a GET form (company and compare pages); `children` adds fields. */
export function ViewSettingsForm({ action, label, values, today, children }: {
  action: string; label: string; today: string;
  values: { attribution: Attribution; scenario: Scenario; asOf: string };
  children?: React.ReactNode;
}) {
  return (
    <form method="get" action={action} className={styles.filters} aria-label={label}>
      {children}
      <label>
        Attribute capacity by
        <select name="attribution" defaultValue={values.attribution}>
          {ATTRIBUTIONS.map((a) => <option key={a} value={a}>{ATTRIBUTION_LABELS[a]}</option>)}
        </select>
      </label>
      <label>
        Scenario
        <select name="scenario" defaultValue={values.scenario}>
          {SCENARIOS.map((s) => <option key={s} value={s}>{SCENARIO_LABELS[s]}</option>)}
        </select>
      </label>
      <label>
        As known on
        <input type="date" name="asOf" defaultValue={values.asOf} min={EARLIEST_AS_OF} max={today} />
      </label>
      <div className={styles.actions}>
        <button type="submit">Apply</button>
        <Link href={action}>Reset</Link>
      </div>
    </form>
  );
}
