import 'server-only';
import { AppError } from '../../errors';
import { type AuditActor, snapshot, writeAudit } from './audit';
import type { Tx } from './transaction';

/**
 * Keeps plant.status equal to its latest live status event (by date, then entry order); the
 * dashboard and the seed rely on it. Bumps the plant's version and audits when it changes.
 */
export async function syncPlantStatus(tx: Tx, actor: AuditActor, plantId: number): Promise<void> {
  const latest = await tx.plantStatusEvent.findFirst({
    where: { plantId, deletedAt: null },
    orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }],
    select: { status: true },
  });
  if (!latest) throw new AppError('conflict', 'A plant needs at least one status; add the correct one before removing this.');
  const before = await tx.plant.findUnique({ where: { id: plantId } });
  if (!before || before.status === latest.status) return;
  const after = await tx.plant.update({ where: { id: plantId }, data: { status: latest.status, version: { increment: 1 } } });
  await writeAudit(tx, actor, { action: 'update', entityType: 'plant', entityId: plantId, before: snapshot(before), after: snapshot(after) });
}
