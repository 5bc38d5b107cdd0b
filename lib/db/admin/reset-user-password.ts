import 'server-only';
import { z } from 'zod';
import { AppError } from '../../errors';
import { generatePassword, hashPassword } from '../../auth/password-hash';
import { requireRole } from '../../auth/session';
import { UserIdSchema } from '../../validation/user';
import { auditActor, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { inTransaction } from './transaction';

/** Admins only: a new random password (returned once) and every session of the user revoked. */
export async function resetUserPassword(input: unknown): Promise<{ password: string }> {
  const actor = await requireRole('admin');
  const { id } = parseInput(z.object({ id: UserIdSchema }), input);
  const password = generatePassword();
  const hash = await hashPassword(password);
  await inTransaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: { userId: id, providerId: 'credential' }, data: { password: hash } });
    if (count === 0) throw new AppError('not_found', 'This user has no password sign-in.');
    await tx.session.deleteMany({ where: { userId: id } });
    await writeAudit(tx, auditActor(actor), { action: 'update', entityType: 'user', entityId: id, before: { password: 'previous' }, after: { password: 'reset by admin' } });
  });
  return { password };
}
