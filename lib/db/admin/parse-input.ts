import 'server-only';
import { z } from 'zod';
import { AppError } from '../../errors';
import { fieldErrorsOf, MAX_ID } from '../../validation/form-fields';
import { UserIdSchema } from '../../validation/user';

/** Validates with the form's own schema; failures become `invalid` with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('invalid', 'Some fields need attention.', { fieldErrors: fieldErrorsOf(result.error) });
  }
  return result.data;
}

const RecordIdSchema = z.number().int().min(1).max(MAX_ID);

/**
 * The id of the record an edit applies to. A server action's bound arguments travel through the
 * client, so a crafted request can put anything there: what is not a possible id is not found
 * (rather than a database error).
 */
export function parseRecordId(id: unknown, what: string): number {
  const result = RecordIdSchema.safeParse(id);
  if (!result.success) throw new AppError('not_found', `This ${what} does not exist.`);
  return result.data;
}

/** A user id, likewise. */
export function parseUserId(id: unknown): string {
  const result = UserIdSchema.safeParse(id);
  if (!result.success) throw new AppError('not_found', 'This user does not exist.');
  return result.data;
}
