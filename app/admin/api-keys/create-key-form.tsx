'use client';

import { useActionState } from 'react';
import styles from '@/components/admin/admin.module.css';
import { type FormState, IDLE } from '@/components/admin/form-state';

/** Name and scope of a new key; after saving, the key itself, once. */
export function CreateKeyForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = (field: string) => state.fieldErrors?.[field]?.join(' ');
  return (
    <form action={formAction} className={styles.form} noValidate>
      {state.status === 'error' && state.message ? <div className={styles.alert} role="alert"><strong>{state.message}</strong></div> : null}
      {state.status === 'saved' && state.message ? (
        <div className={styles.saved} role="status">
          {state.message}<br />
          <code className={styles.secret} data-secret>{state.secret}</code>
        </div>
      ) : null}
      <div className={styles.group}>
        <div className={`${styles.field} ${styles.wide}`} data-invalid={error('name') ? 'true' : undefined}>
          <label htmlFor="key-name">What is it for?</label>
          <input id="key-name" name="name" required maxLength={100} defaultValue={state.status === 'error' ? state.values?.name : ''}
            aria-describedby="key-name-hint key-name-error" placeholder="e.g. newsroom importer" />
          <p id="key-name-hint" className={styles.hint}>Shown in this list so you can tell keys apart.</p>
          {error('name') ? <p id="key-name-error" className={styles.error}>{error('name')}</p> : null}
        </div>
        <label className={`${styles.check} ${styles.wide}`}>
          <input type="checkbox" name="write" defaultChecked={state.status === 'error' && state.values?.write === 'on'} />
          May also write (add capacity announcements as you)
        </label>
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.button} disabled={pending}>Create key</button>
      </div>
    </form>
  );
}
