import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import { hashPassword } from '../../auth/password-hash';
import { passwordProblem } from '../../auth/password-policy';
import type { Role } from '../../auth/roles';
import { type AuditActor, snapshot, writeAudit } from './audit';
import type { Tx } from './transaction';

/**
 * Writes a user and their email + password sign-in (better-auth's "credential" account, the
 * Argon2id hash) with an audit row. Callers authorize first; the CLI is the only other caller.
 */
export async function insertUser(
  tx: Tx, who: AuditActor, input: { email: string; name: string; role: Role; password: string },
): Promise<{ id: string }> {
  const problem = passwordProblem(input.password, { email: input.email, name: input.name });
  if (problem) throw new AppError('invalid', problem, { fieldErrors: { password: [problem] } });
  const email = input.email.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('conflict', 'A user with this email already exists.', { fieldErrors: { email: ['Already has an account.'] } });
  }
  const id = randomUUID();
  const user = await tx.user.create({ data: { id, email, name: input.name, role: input.role, emailVerified: true } });
  await tx.account.create({
    data: { id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(input.password) },
  });
  await writeAudit(tx, who, { action: 'create', entityType: 'user', entityId: id, before: null, after: snapshot(user) });
  return { id };
}
