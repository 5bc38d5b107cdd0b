'use client';

import { useActionState, useRef, useTransition } from 'react';
import type { ImportState } from './import-state';
import styles from './admin.module.css';

const STATUS_CLASS: Record<string, string | undefined> = { new: styles['row-new'], changed: styles['row-changed'], error: styles['row-error'] };

export function ImportForm({ action }: { action: (state: ImportState, formData: FormData) => Promise<ImportState> }) {
  const [state, dispatch, pending] = useActionState(action, { status: 'idle' });
  const [, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  // Submitted by hand (not <form action>) so React does not reset the form: the chosen file stays
  // selected between the dry run and the import.
  const submit = (intent: 'preview' | 'commit') => {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set('intent', intent);
    startTransition(() => dispatch(data));
  };
  const preview = state.preview;
  const canCommit = state.status === 'preview' && preview && preview.fileErrors.length === 0 && preview.counts.error === 0
    && preview.counts.new + preview.counts.changed > 0;
  return (
    <>
      <form ref={form} className={styles.form} onSubmit={(e) => { e.preventDefault(); submit('preview'); }}>
        <div className={styles.group}>
          <div className={styles.field}>
            <label htmlFor="import-kind">The file holds</label>
            <select id="import-kind" name="kind" defaultValue="plants">
              <option value="plants">plants</option>
              <option value="announcements">capacity announcements</option>
              <option value="contracts">contracts</option>
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor="import-file">CSV file (UTF-8)</label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
        </div>
        <div className={styles.actions}>
          <button type="submit" className={styles.secondary} disabled={pending}>{pending ? 'Working…' : 'Preview (dry run)'}</button>
          <button type="button" className={styles.button} disabled={pending || !canCommit} onClick={() => submit('commit')}>Import</button>
        </div>
      </form>
      {state.status === 'error' ? <div className={styles.alert} role="alert">{state.message}</div> : null}
      {state.status === 'committed' && preview ? (
        <p className={styles.saved} role="status">Imported {state.fileName}: {preview.counts.new} new, {preview.counts.changed} changed, {preview.counts.unchanged} unchanged.</p>
      ) : null}
      {preview ? (
        <section aria-label="Preview" data-import-preview>
          {preview.fileErrors.length ? <div className={styles.alert} role="alert"><ul>{preview.fileErrors.map((e) => <li key={e}>{e}</li>)}</ul></div> : null}
          <p>
            {state.status === 'committed' ? 'Result' : 'Dry run'} of <strong>{state.fileName}</strong> ({preview.kind}):{' '}
            <span data-count="new">{preview.counts.new} new</span>, <span data-count="changed">{preview.counts.changed} changed</span>,{' '}
            <span data-count="unchanged">{preview.counts.unchanged} unchanged</span>, <span data-count="error">{preview.counts.error} with errors</span>.
            {state.status === 'preview' && preview.counts.error > 0 ? ' Fix the errors and preview again: a file imports all or nothing.' : ''}
            {state.status === 'preview' && canCommit ? ' Nothing is written until you press Import.' : ''}
          </p>
          {preview.rows.length ? (
            <div className="table-wrap">
              <table>
                <thead><tr><th className="num">Row</th><th>Ref</th><th>Result</th><th>Details</th></tr></thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} className={STATUS_CLASS[r.status]} data-row-status={r.status}>
                      <td className="num">{r.row}</td><td>{r.ref}</td><td>{r.status}</td>
                      <td>
                        <ul className={styles.diff}>
                          {r.errors.map((e, i) => <li key={`e${i}`}><strong>{e.column}</strong>: {e.message}</li>)}
                          {r.changes.map((c) => <li key={c.field}>{c.field}: <span className={styles.before}>{c.before || '—'}</span> → <span className={styles.after}>{c.after}</span></li>)}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
