import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { type CapacityAnnouncementInput, CapacityAnnouncementInputSchema } from '../../validation/capacity-announcement';
import { type AuditActor, auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { nextChildRef } from './references';
import { resolveSource } from './resolve-source';
import { resolveKnownOn } from './known-on';
import { inTransaction, type Tx } from './transaction';

/** A new capacity figure: always a new row (figures are never overwritten). */
export async function createCapacityAnnouncement(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(CapacityAnnouncementInputSchema, input);
  return inTransaction((tx) => insertAnnouncement(tx, auditActor(actor), data));
}

export async function insertAnnouncement(tx: Tx, who: AuditActor, data: CapacityAnnouncementInput): Promise<{ id: number; ref: string }> {
  const plant = await tx.plant.findFirst({ where: { id: data.plantId, deletedAt: null }, select: { id: true, ref: true } });
  if (!plant) throw new AppError('not_found', 'This plant does not exist or was deleted.');
  const sourceId = await resolveSource(tx, who, data.source);
  const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn, notBefore: data.announcedOn });
  const ref = await nextChildRef(tx, plant.ref, 'A');
  const created = await tx.capacityAnnouncement.create({
    data: {
      ref, plantId: plant.id, scope: data.scope, targetYear: data.targetYear, gwhPerYear: data.gwhPerYear,
      announcedOn: new Date(`${data.announcedOn}T00:00:00Z`), datePrecision: data.datePrecision,
      knownOn, sourceId, confidence: data.confidence, note: data.note,
    },
  });
  await writeAudit(tx, who, { action: 'create', entityType: 'capacity_announcement', entityId: created.id, before: null, after: snapshot(created) });
  return { id: created.id, ref };
}
