import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { type DatedFact, ENTITY_LABELS, EntityRefSchema, type SoftDeletable } from '../../validation/history';
import { datedFactTable, isDatedFact } from './dated-facts';
import { type AuditActor, auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { syncPlantStatus } from './plant-status';
import { inTransaction, type Tx } from './transaction';
import { versionedUpdate } from './versioned-update';

/**
 * Soft-deletes a record (deletedAt), audited and restorable from /admin/history. Records that
 * others still depend on (a company operating plants, a region with plants, a cited source)
 * are refused with what to do first.
 */
export async function deleteRecord(input: unknown): Promise<void> {
  const actor = await requireRole('editor');
  const ref = parseInput(EntityRefSchema, input);
  const who = auditActor(actor);
  await inTransaction(async (tx) => {
    if (isDatedFact(ref.entity)) {
      await deleteUnversioned(tx, who, ref.entity, ref.id);
      return;
    }
    const entity = ref.entity;
    if (ref.version === null) throw new AppError('invalid', 'The form is missing the record version; reload the page.');
    await refuseIfInUse(tx, entity, ref.id);
    const version = ref.version;
    const now = new Date();
    const spec = { entityType: ref.entity, id: ref.id, expectedVersion: version, submitted: { deletedAt: now.toISOString() }, action: 'delete' as const };
    const where = { id: ref.id, version, deletedAt: null };
    const data = { deletedAt: now, version: { increment: 1 } };
    const run = {
      plant: () => versionedUpdate(tx, who, { ...spec, load: () => tx.plant.findUnique({ where: { id: ref.id } }), write: () => tx.plant.updateMany({ where, data }) }),
      company: () => versionedUpdate(tx, who, { ...spec, load: () => tx.company.findUnique({ where: { id: ref.id } }), write: () => tx.company.updateMany({ where, data }) }),
      contract: () => versionedUpdate(tx, who, { ...spec, load: () => tx.contract.findUnique({ where: { id: ref.id } }), write: () => tx.contract.updateMany({ where, data }) }),
      source: () => versionedUpdate(tx, who, { ...spec, load: () => tx.source.findUnique({ where: { id: ref.id } }), write: () => tx.source.updateMany({ where, data }) }),
      region: () => versionedUpdate(tx, who, { ...spec, load: () => tx.region.findUnique({ where: { id: ref.id } }), write: () => tx.region.updateMany({ where, data }) }),
    } as const;
    await run[entity]();
  });
}

async function deleteUnversioned(tx: Tx, who: AuditActor, entity: DatedFact, id: number) {
  const table = datedFactTable(tx, entity);
  const before = await table.findUnique({ where: { id } });
  if (!before) throw new AppError('not_found', `This ${ENTITY_LABELS[entity].toLowerCase()} does not exist.`);
  if (entity === 'plant_operator') await refuseLastOperator(tx, id);
  const data = { deletedAt: new Date() };
  const { count } = await table.updateMany({ where: { id, deletedAt: null }, data });
  if (count === 0) throw new AppError('conflict', `This ${ENTITY_LABELS[entity].toLowerCase()} was already deleted; reload the page.`);
  const after = { ...snapshot(before), deletedAt: data.deletedAt.toISOString() };
  await writeAudit(tx, who, { action: 'delete', entityType: entity, entityId: id, before: snapshot(before), after });
  if (entity === 'plant_status_event') await syncPlantStatus(tx, who, before.plantId!);
}

/** A plant always has an operator: its last live operator fact cannot go. */
async function refuseLastOperator(tx: Tx, id: number) {
  const row = await tx.plantOperator.findUniqueOrThrow({ where: { id }, select: { plantId: true } });
  const others = await tx.plantOperator.count({ where: { plantId: row.plantId, deletedAt: null, id: { not: id } } });
  if (others === 0) throw new AppError('conflict', 'Not deleted: it is the plant’s only operator; record the right operator first.');
}

async function refuseIfInUse(tx: Tx, entity: Exclude<SoftDeletable, DatedFact>, id: number) {
  const live = { deletedAt: null };
  let reason: string | null = null;
  if (entity === 'company') {
    const [plants, contracts] = await Promise.all([
      tx.plantOperator.count({ where: { companyId: id, ...live } }),
      tx.contract.count({ where: { OR: [{ supplierId: id }, { buyerId: id }], ...live } }),
    ]);
    if (plants || contracts) reason = `it operates or operated ${plants} plant(s) and is party to ${contracts} contract(s); reassign or delete those first`;
  } else if (entity === 'region') {
    const [plants, children] = await Promise.all([
      tx.plant.count({ where: { OR: [{ regionId: id }, { countryId: id }], ...live } }),
      tx.region.count({ where: { parentId: id, ...live } }),
    ]);
    if (plants || children) reason = `it holds ${plants} plant(s) and ${children} sub-region(s)`;
  } else if (entity === 'source') {
    const cites = { where: { sourceId: id, ...live } };
    const counts = await Promise.all([
      tx.capacityAnnouncement.count(cites), tx.plantStatusEvent.count(cites), tx.plantOperator.count(cites),
      tx.plantPartner.count(cites), tx.companyParent.count(cites), tx.contractEvent.count(cites),
    ]);
    const [figures, events] = counts;
    const others = counts.slice(2).reduce((a, b) => a + b, 0);
    if (figures || events || others) reason = `${figures} capacity figure(s), ${events} status change(s) and ${others} ownership or contract fact(s) cite it`;
  }
  if (reason) throw new AppError('conflict', `Not deleted: ${reason}.`);
}
