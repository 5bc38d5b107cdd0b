// Helpers for admin server actions: form data in, FormState out (see form-state.ts).
import type { z } from 'zod';
import type { FormState } from './form-state';
import { databaseUnavailable, isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/form-fields';

/** The form's fields as strings; the source picker's fields are also nested under `source`. */
export function formValues(formData: FormData): Record<string, string> {
  // A plain object (React sends form state back to the browser, and refuses null prototypes);
  // a field named __proto__ is skipped, one named constructor is a plain own key.
  const values: Record<string, string> = {};
  // A crafted server-action call can send anything as the argument: it then has no fields.
  if (!(formData instanceof FormData)) return values;
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && key !== '__proto__') values[key] = value;
  }
  return values;
}

export function formInput(values: Record<string, string>): Record<string, unknown> {
  const { sourceId, newSourceUrl, newSourcePublisher, newSourceTitle, newSourcePublishedOn, newSourceLanguage, newSourceTier, ...rest } = values;
  return sourceId === undefined ? rest : {
    ...rest, source: { sourceId, newSourceUrl, newSourcePublisher, newSourceTitle, newSourcePublishedOn, newSourceLanguage, newSourceTier },
  };
}

export function invalidState(error: z.ZodError, values: Record<string, string>): FormState {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error))) fieldErrors[key.replace(/^source\./, '')] = messages;
  return { status: 'error', message: 'Some fields need attention.', fieldErrors, values };
}

/** Expected failures become a message on the form; anything else is a bug and is rethrown. */
export function failureState(failure: unknown, values: Record<string, string>): FormState {
  // An outage after the sign-in check is still the form's message, with what was typed kept.
  const error = isDatabaseUnavailable(failure) && !isAppError(failure) ? databaseUnavailable(failure) : failure;
  if (!isAppError(error)) throw error;
  const conflict = error.code === 'conflict' && error.details && Array.isArray(error.details.fields)
    ? error.details as unknown as FormState['conflict']
    : undefined;
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k.replace(/^source\./, ''), v]))
    : undefined;
  return { status: 'error', message: error.message, fieldErrors, values, conflict };
}
