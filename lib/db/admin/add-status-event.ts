import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { StatusEventInputSchema } from '../../validation/plant';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { syncPlantStatus } from './plant-status';
import { nextChildRef } from './references';
import { resolveSource } from './resolve-source';
import { resolveKnownOn } from './known-on';
import { inTransaction } from './transaction';

/** Records a dated status change as a new event row; the plant's current status follows the latest. */
export async function addStatusEvent(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(StatusEventInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    const plant = await tx.plant.findFirst({ where: { id: data.plantId, deletedAt: null }, select: { id: true, ref: true } });
    if (!plant) throw new AppError('not_found', 'This plant does not exist or was deleted.');
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn });
    const ref = await nextChildRef(tx, plant.ref, 'S');
    const event = await tx.plantStatusEvent.create({
      data: {
        ref, plantId: plant.id, status: data.status, effectiveOn: new Date(`${data.effectiveOn}T00:00:00Z`),
        datePrecision: data.datePrecision, knownOn, sourceId, note: data.note,
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant_status_event', entityId: event.id, before: null, after: snapshot(event) });
    await syncPlantStatus(tx, who, plant.id);
    return { id: event.id, ref };
  });
}
