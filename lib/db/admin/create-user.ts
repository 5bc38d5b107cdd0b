import 'server-only';
import { generatePassword } from '../../auth/password-hash';
import { requireRole } from '../../auth/session';
import { UserCreateSchema } from '../../validation/user';
import { auditActor } from './audit';
import { insertUser } from './insert-user';
import { parseInput } from './parse-input';
import { inTransaction } from './transaction';

/** Admins only. The account gets a random password, returned once to show to the admin. */
export async function createUser(input: unknown): Promise<{ id: string; email: string; password: string }> {
  const actor = await requireRole('admin');
  const data = parseInput(UserCreateSchema, input);
  const password = generatePassword();
  const { id } = await inTransaction((tx) => insertUser(tx, auditActor(actor), { ...data, password }));
  return { id, email: data.email, password };
}
