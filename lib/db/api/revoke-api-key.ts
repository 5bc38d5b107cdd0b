import 'server-only';
import { requireRole } from '../../auth/session';
import { AppError } from '../../errors';
import { ApiKeyRefSchema } from '../../validation/api/api-keys';
import { parseInput } from '../admin/parse-input';
import { db } from '../client';

/**
 * Revokes a key at once (the next request with it gets a 401). Editors revoke their own keys,
 * admins anyone's; someone else's key looks like an unknown one. Revoking twice changes nothing.
 */
export async function revokeApiKey(input: unknown): Promise<{ id: number; revokedAt: string }> {
  const actor = await requireRole('editor');
  const { id } = parseInput(ApiKeyRefSchema, input);
  const key = await db().apiKey.findUnique({ where: { id }, select: { userId: true, revokedAt: true } });
  if (!key || (key.userId !== actor.userId && actor.role !== 'admin')) throw new AppError('not_found', 'This API key does not exist.');
  if (key.revokedAt) return { id, revokedAt: key.revokedAt.toISOString() };
  const { revokedAt } = await db().apiKey.update({
    where: { id },
    data: { revokedAt: new Date(), revokedBy: `${actor.name} <${actor.email}>` },
    select: { revokedAt: true },
  });
  return { id, revokedAt: revokedAt!.toISOString() };
}
