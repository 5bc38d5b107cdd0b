'use client';

import { useActionState } from 'react';
import styles from '@/components/admin/admin.module.css';
import { type FormState, IDLE } from '@/components/admin/form-state';

export function RevokeButton({ action, id, label }: { action: (state: FormState, formData: FormData) => Promise<FormState>; id: number; label: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={styles.inline}
      onSubmit={(e) => { if (!window.confirm(`Revoke ${label}? Programs using it stop working at once.`)) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.danger} disabled={pending} aria-label={`Revoke ${label}`}>Revoke</button>
      {state.status === 'error' ? <span role="alert" className={styles.error}> {state.message}</span> : null}
    </form>
  );
}
