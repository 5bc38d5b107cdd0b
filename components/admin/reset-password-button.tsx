'use client';

import { useActionState } from 'react';
import { type FormState, IDLE } from './form-state';
import styles from './admin.module.css';

export function ResetPasswordButton({ action, userId }: { action: (state: FormState, formData: FormData) => Promise<FormState>; userId: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.inline} onSubmit={(e) => { if (!window.confirm('Give this user a new password and sign them out?')) e.preventDefault(); }}>
      <input type="hidden" name="id" value={userId} />
      <button type="submit" className={styles.secondary} disabled={pending}>New password</button>
      {state.message ? <span role="status" className={state.status === 'error' ? styles.error : styles.hint}> {state.message} {state.secret ? <code className={styles.secret}>{state.secret}</code> : null}</span> : null}
    </form>
  );
}
