import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { OperatorChangeInputSchema, PartnerFactInputSchema } from '../../validation/plant';
import { auditActor, snapshot, writeAudit } from './audit';
import { resolveKnownOn } from './known-on';
import { parseInput } from './parse-input';
import { requireLiveCompany } from './placement';
import { nextChildRef } from './references';
import { resolveSource } from './resolve-source';
import { inTransaction, type Tx } from './transaction';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function livePlant(tx: Tx, plantId: number) {
  const plant = await tx.plant.findFirst({ where: { id: plantId, deletedAt: null }, select: { id: true, ref: true } });
  if (!plant) throw new AppError('not_found', 'This plant does not exist or was deleted.');
  return plant;
}

/**
 * A change of operator from a date (a sale on its closing date, a takeover): a new operator fact.
 * The earlier operators stay, so every view before the date still credits them; the plant's
 * current operator follows the latest fact (a database trigger).
 */
export async function recordOperatorChange(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(OperatorChangeInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    const plant = await livePlant(tx, data.plantId);
    await requireLiveCompany(tx, data.companyId, 'companyId');
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn });
    const ref = await nextChildRef(tx, plant.ref, 'O');
    const row = await tx.plantOperator.create({
      data: {
        ref, plantId: plant.id, companyId: data.companyId, effectiveOn: day(data.effectiveOn),
        datePrecision: data.datePrecision, knownOn, sourceId, note: data.note,
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant_operator', entityId: row.id, before: null, after: snapshot(row) });
    return { id: row.id, ref };
  });
}

/** A partner's stake from a date, or its exit (`ended`): a new partner fact. */
export async function recordPartnerFact(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(PartnerFactInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    const plant = await livePlant(tx, data.plantId);
    await requireLiveCompany(tx, data.companyId, 'companyId');
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn });
    const ref = await nextChildRef(tx, plant.ref, 'P');
    const row = await tx.plantPartner.create({
      data: {
        ref, plantId: plant.id, companyId: data.companyId, role: data.role, stakePct: data.stakePct, ended: data.ended,
        effectiveOn: day(data.effectiveOn), datePrecision: data.datePrecision, knownOn, sourceId, note: data.note,
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant_partner', entityId: row.id, before: null, after: snapshot(row) });
    return { id: row.id, ref };
  });
}
