import type { FormState } from './form-state';
import { fieldLabel } from './audit-diff';
import styles from './admin.module.css';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** A stale form: who saved in between, when, and both values of each field that differs. */
export function ConflictNotice({ conflict }: { conflict: NonNullable<FormState['conflict']> }) {
  return (
    <div className={styles.conflict} data-conflict>
      {conflict.fields.length ? (
        <table>
          <caption>Fields that differ (your form still holds your values; reload the page to start from the current ones)</caption>
          <thead><tr><th>Field</th><th>Your value</th><th>Current value{conflict.changedBy ? ` (saved by ${conflict.changedBy})` : ''}</th></tr></thead>
          <tbody>
            {conflict.fields.map((f) => (
              <tr key={f.field}><td>{fieldLabel(f.field)}</td><td>{show(f.yours)}</td><td>{show(f.theirs)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
