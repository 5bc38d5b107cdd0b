'use client';

import { useActionState } from 'react';
import { ROLES } from '@/lib/auth/roles';
import { type FormState, IDLE } from './form-state';
import styles from './admin.module.css';

interface UserRowFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  user: { email: string; role: string; disabled: boolean; version: number };
}

/** Role and enabled state of one user; saving either signs the user out everywhere. */
export function UserRowForm({ action, user }: UserRowFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const role = state.values?.role ?? user.role;
  const disabled = state.values ? state.values.disabled === 'on' : user.disabled;
  return (
    <form action={formAction} className={styles.actions} aria-label={`Role of ${user.email}`}>
      <input type="hidden" name="version" value={state.values?.version ?? String(user.version)} />
      <label className="visually-hidden" htmlFor={`role-${user.email}`}>Role</label>
      <select id={`role-${user.email}`} name="role" defaultValue={role}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <label className={styles.check}><input type="checkbox" name="disabled" defaultChecked={disabled} /> disabled</label>
      <button type="submit" className={styles.secondary} disabled={pending}>Save</button>
      {state.message ? <span role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? styles.error : styles.hint}>{state.message}</span> : null}
    </form>
  );
}
