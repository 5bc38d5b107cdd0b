'use client';

import { useActionState } from 'react';
import { type FormState, IDLE } from './form-state';
import styles from './admin.module.css';

interface RecordButtonProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  entity: string;
  id: number | string;
  version?: number;
  label: string;
  confirm?: string;
  danger?: boolean;
}

/** A one-click delete or restore, with its outcome shown beside it. */
export function RecordButton({ action, entity, id, version, label, confirm, danger }: RecordButtonProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.inline}
      onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}>
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={String(id)} />
      {version !== undefined ? <input type="hidden" name="version" value={String(version)} /> : null}
      <button type="submit" className={danger ? styles.danger : styles.secondary} disabled={pending}>{label}</button>
      {state.message ? <span role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? styles.error : styles.hint}> {state.message}</span> : null}
    </form>
  );
}
