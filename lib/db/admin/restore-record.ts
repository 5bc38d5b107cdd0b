import 'server-only';
import { z } from 'zod';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { recordId } from '../../validation/form-fields';
import { type DatedFact, ENTITY_LABELS, SOFT_DELETABLE } from '../../validation/history';
import { datedFactTable, isDatedFact } from './dated-facts';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { syncPlantStatus } from './plant-status';
import { inTransaction } from './transaction';

const RestoreSchema = z.object({ entity: z.enum(SOFT_DELETABLE, { error: 'Unknown kind of record.' }), id: recordId('Unknown record.') });

/** Undoes a soft delete (one click in /admin/history); audited as 'restore'. */
export async function restoreRecord(input: unknown): Promise<void> {
  const actor = await requireRole('editor');
  const { entity, id } = parseInput(RestoreSchema, input);
  const who = auditActor(actor);
  await inTransaction(async (tx) => {
    const deleted = { id, deletedAt: { not: null } };
    const versioned = { deletedAt: null, version: { increment: 1 } };
    const ops = {
      plant: { load: () => tx.plant.findUnique({ where: { id } }), write: () => tx.plant.updateMany({ where: deleted, data: versioned }) },
      company: { load: () => tx.company.findUnique({ where: { id } }), write: () => tx.company.updateMany({ where: deleted, data: versioned }) },
      contract: { load: () => tx.contract.findUnique({ where: { id } }), write: () => tx.contract.updateMany({ where: deleted, data: versioned }) },
      source: { load: () => tx.source.findUnique({ where: { id } }), write: () => tx.source.updateMany({ where: deleted, data: versioned }) },
      region: { load: () => tx.region.findUnique({ where: { id } }), write: () => tx.region.updateMany({ where: deleted, data: versioned }) },
    } as const;
    const fact = isDatedFact(entity) ? datedFactTable(tx, entity) : null;
    const op = fact
      ? { load: () => fact.findUnique({ where: { id } }), write: () => fact.updateMany({ where: deleted, data: { deletedAt: null } }) }
      : ops[entity as Exclude<typeof entity, DatedFact>];
    const before = await op.load();
    if (!before) throw new AppError('not_found', `This ${ENTITY_LABELS[entity].toLowerCase()} does not exist.`);
    const { count } = await op.write();
    if (count === 0) throw new AppError('conflict', `This ${ENTITY_LABELS[entity].toLowerCase()} is not deleted (someone may have restored it already).`);
    const after = (await op.load())!;
    await writeAudit(tx, who, { action: 'restore', entityType: entity, entityId: id, before: snapshot(before), after: snapshot(after) });
    if (entity === 'plant_status_event') await syncPlantStatus(tx, who, (after as { plantId: number }).plantId);
  });
}
