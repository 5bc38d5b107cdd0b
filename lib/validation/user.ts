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

export const UserUpdateSchema = z.object({
  role: choice(ROLES),
  disabled: checkbox,
  version,
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
