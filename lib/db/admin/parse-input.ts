import 'server-only';
import type { z } from 'zod';
import { AppError } from '../../errors';
import { fieldErrorsOf } from '../../validation/form-fields';

/** Validates with the form's own schema; failures become `invalid` with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('invalid', 'Some fields need attention.', { fieldErrors: fieldErrorsOf(result.error) });
  }
  return result.data;
}
