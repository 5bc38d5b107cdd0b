import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { UserUpdateSchema } from '../../validation/user';
import { auditActor, snapshot } from './audit';
import { parseInput, parseUserId } from './parse-input';
import { inTransaction } from './transaction';
import { versionedUpdate } from './versioned-update';

/**
 * Admins only: changes a user's role or disables them. Either change deletes the user's
 * sessions in the same transaction, so it takes effect on their next request.
 */
export async function updateUser(userId: string, input: unknown): Promise<{ id: string; version: number; sessionsRevoked: number }> {
  const actor = await requireRole('admin');
  const id = parseUserId(userId);
  const { version, ...data } = parseInput(UserUpdateSchema, input);
  return inTransaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: { role: true, disabled: true } });
    if (!current) throw new AppError('not_found', 'This user does not exist.');
    const losesAdmin = current.role === 'admin' && !current.disabled && (data.role !== 'admin' || data.disabled);
    if (losesAdmin && (await tx.user.count({ where: { role: 'admin', disabled: false } })) <= 1) {
      throw new AppError('conflict', 'This is the last enabled admin; make someone else admin first.');
    }
    const { after } = await versionedUpdate(tx, auditActor(actor), {
      entityType: 'user', id, expectedVersion: version, submitted: snapshot(data),
      load: () => tx.user.findUnique({ where: { id } }),
      write: () => tx.user.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }),
    });
    const changed = current.role !== after.role || current.disabled !== after.disabled;
    const { count } = changed ? await tx.session.deleteMany({ where: { userId: id } }) : { count: 0 };
    return { id, version: after.version, sessionsRevoked: count };
  });
}
