import type { ReactNode } from 'react';
import styles from './admin.module.css';

interface FormFieldProps { name: string; label: string; errors?: string[]; hint?: string; wide?: boolean; children: (a11y: A11y) => ReactNode }
export interface A11y { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

/** A label, the control, its hint and its errors, wired for screen readers. */
export function FormField({ name, label, errors, hint, wide, children }: FormFieldProps) {
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`${styles.field} ${wide ? styles.wide : ''}`} data-invalid={errors?.length ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(errors?.length ? { 'aria-invalid': true } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint ? <p className={styles.hint} id={`${id}-hint`}>{hint}</p> : null}
      {errors?.length ? <p className={styles.error} id={`${id}-error`}>{errors.join(' ')}</p> : null}
    </div>
  );
}
