import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { RegionUpdateSchema } from '../../validation/region';
import { auditActor, snapshot } from './audit';
import { parseInput, parseRecordId } from './parse-input';
import { inTransaction } from './transaction';
import { versionedUpdate } from './versioned-update';

/** Renames a region or fixes its code; its place in the tree (slug, level, parent) is fixed. */
export async function updateRegion(regionId: number, input: unknown): Promise<{ id: number; version: number }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(regionId, 'region');
  const { version, ...data } = parseInput(RegionUpdateSchema, input);
  return inTransaction(async (tx) => {
    if (data.code) {
      const other = await tx.region.findUnique({ where: { code: data.code }, select: { id: true } });
      if (other && other.id !== id) throw new AppError('invalid', 'This code is already used.', { fieldErrors: { code: ['Another region has this code.'] } });
    }
    const { after } = await versionedUpdate(tx, auditActor(actor), {
      entityType: 'region', id, expectedVersion: version, submitted: snapshot(data),
      load: () => tx.region.findUnique({ where: { id } }),
      write: () => tx.region.updateMany({ where: { id, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } }),
    });
    return { id, version: after.version };
  });
}
