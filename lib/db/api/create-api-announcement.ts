import 'server-only';
import { roleAtLeast } from '../../auth/roles';
import { AppError, type FieldErrors, isAppError } from '../../errors';
import { CapacityAnnouncementInputSchema } from '../../validation/capacity-announcement';
import { announcementFormInput, type AnnouncementBody, apiFieldPath } from '../../validation/api/writes';
import type { AuditActor } from '../admin/audit';
import { insertAnnouncement } from '../admin/create-capacity-announcement';
import { parseInput } from '../admin/parse-input';
import { inTransaction } from '../admin/transaction';
import { db } from '../client';
import type { ApiKeyActor } from './authenticate-api-key';

/**
 * The API key's user as the audit log's actor, after the same gate as the admin forms: an
 * editor (read fresh on this request), through a key with the write scope.
 */
export function requireApiWriter(key: ApiKeyActor | null): AuditActor {
  if (!key) throw new AppError('unauthorized', 'Writing needs an API key: send "Authorization: Bearer vtk_…" (Admin → API keys).');
  if (!key.scopes.includes('write')) throw new AppError('forbidden', 'This API key may only read; create one with the write scope.');
  if (!roleAtLeast(key.user.role, 'editor')) {
    throw new AppError('forbidden', `Writing needs the editor role; this key's owner is a ${key.user.role}.`);
  }
  return { userId: key.user.id, label: `${key.user.name} <${key.user.email}> via API key ${key.prefix}` };
}

/**
 * A new capacity announcement for a plant, through the admin form's schema and its insert
 * (lib/db/admin/create-capacity-announcement.ts): same validation, same audit row.
 */
export async function createApiAnnouncement(key: ApiKeyActor | null, plantSlug: string, body: AnnouncementBody): Promise<{ id: number; ref: string }> {
  const who = requireApiWriter(key);
  const plant = await db().plant.findFirst({ where: { slug: plantSlug, deletedAt: null }, select: { id: true } });
  if (!plant) throw new AppError('not_found', 'No plant has this slug.');
  try {
    const data = parseInput(CapacityAnnouncementInputSchema, announcementFormInput(body, plant.id));
    return await inTransaction((tx) => insertAnnouncement(tx, who, data));
  } catch (error) {
    throw withApiPaths(error);
  }
}

/** The form's field names (newSourceUrl…) as the body's paths (source.url…). */
function withApiPaths(error: unknown): unknown {
  if (!isAppError(error) || !error.fieldErrors) return error;
  const fieldErrors: FieldErrors = Object.create(null);
  for (const [path, messages] of Object.entries(error.fieldErrors)) (fieldErrors[apiFieldPath(path)] ??= []).push(...(messages ?? []));
  return new AppError(error.code, error.message, { fieldErrors, details: error.details, cause: error });
}
