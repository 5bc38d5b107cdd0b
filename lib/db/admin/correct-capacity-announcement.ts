import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { CapacityAnnouncementInputSchema } from '../../validation/capacity-announcement';
import { auditActor, snapshot, writeAudit } from './audit';
import { insertAnnouncement } from './create-capacity-announcement';
import { parseInput, parseRecordId } from './parse-input';
import { inTransaction } from './transaction';

/**
 * Fixes a wrongly entered figure without overwriting it: the old row is soft-deleted and the
 * corrected figure is a new row, in one transaction (both audited). For a *newly announced*
 * figure, add an announcement instead: both stay, and the pipeline history shows the change.
 */
export async function correctCapacityAnnouncement(announcementId: number, input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(announcementId, 'announcement');
  const data = parseInput(CapacityAnnouncementInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    const old = await tx.capacityAnnouncement.findUnique({ where: { id } });
    if (!old) throw new AppError('not_found', 'This announcement does not exist.');
    if (old.plantId !== data.plantId) throw new AppError('invalid', 'A correction stays with the same plant.');
    const { count } = await tx.capacityAnnouncement.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) throw new AppError('conflict', 'This announcement was already deleted or corrected by someone else; reload the plant.');
    const removed = await tx.capacityAnnouncement.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, who, { action: 'delete', entityType: 'capacity_announcement', entityId: id, before: snapshot(old), after: snapshot(removed) });
    return insertAnnouncement(tx, who, data);
  });
}
