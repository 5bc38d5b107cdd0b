// What an admin server action returns to its form (useActionState): field errors next to the
// fields, the submitted values so nothing typed is lost, and a conflict's details.

export interface ConflictField { field: string; yours: unknown; theirs: unknown }
export interface FormState {
  status: 'idle' | 'error' | 'saved';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The submitted values, shown again after an error. */
  values?: Record<string, string>;
  conflict?: { changedBy: string | null; changedAt: string | null; fields: ConflictField[] };
  /** Shown once after success, e.g. a generated password. */
  secret?: string;
}

export const IDLE: FormState = { status: 'idle' };

