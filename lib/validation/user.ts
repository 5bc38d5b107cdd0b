import { z } from 'zod';
import { ROLES } from '../auth/roles';
import { checkbox, choice, text, version } from './form-fields';

export const EmailSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.email({ error: 'An email address.' }).max(254),
);

export const UserCreateSchema = z.object({
  email: EmailSchema,
  name: text(200),
  role: choice(ROLES),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** A user id (better-auth's UUIDs; the CLI's too): anything else is no user. */
export const UserIdSchema = z.string({ error: 'Unknown user.' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Unknown user.' });

export const UserUpdateSchema = z.object({
  role: choice(ROLES),
  disabled: checkbox,
  version,
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
