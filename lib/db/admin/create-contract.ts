import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { ContractCreateSchema } from '../../validation/contract';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { requireLiveCompany } from './placement';
import { nextContractRef } from './references';
import { resolveSource } from './resolve-source';
import { resolveKnownOn } from './known-on';
import { inTransaction, type Tx } from './transaction';

export async function createContract(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const { source, status, statusChangedOn, knownOn: knownInput, ...data } = parseInput(ContractCreateSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    await checkContractLinks(tx, data);
    const sourceId = await resolveSource(tx, who, source);
    const ref = data.ref ?? await nextContractRef(tx);
    if (await tx.contract.findUnique({ where: { ref }, select: { id: true } })) {
      throw new AppError('invalid', 'This ref is already used.', { fieldErrors: { ref: ['Already used by another contract.'] } });
    }
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: knownInput });
    const first = statusChangedOn ?? data.signedOn ?? knownOn.toISOString().slice(0, 10);
    const created = await tx.contract.create({
      data: { ...contractValues(data), status, statusChangedOn: new Date(`${first}T00:00:00Z`), ref, sources: { create: [{ sourceId }] } },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'contract', entityId: created.id, before: null, after: { ...snapshot(created), sourceId } });
    const event = await tx.contractEvent.create({
      data: {
        ref: `${ref}/E1`, contractId: created.id, status, effectiveOn: new Date(`${first}T00:00:00Z`),
        datePrecision: statusChangedOn === null && data.signedOn !== null ? data.datePrecision : 'day', knownOn, sourceId,
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'contract_event', entityId: event.id, before: null, after: snapshot(event) });
    return { id: created.id, ref };
  });
}

type ContractData = Omit<import('../../validation/contract').ContractUpdate, 'version'>;

export function contractValues(d: ContractData) {
  const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  return {
    kind: d.kind, supplierId: d.supplierId, buyerId: d.buyerId, plantId: d.plantId, signedOn: day(d.signedOn),
    datePrecision: d.datePrecision, startYear: d.startYear, endYear: d.endYear, durationYears: d.durationYears,
    volumeGwh: d.volumeGwh, volumeBasis: d.volumeBasis, valueAmount: d.valueAmount, valueCurrency: d.valueCurrency,
    valueText: d.valueText, description: d.description,
    confidence: d.confidence, notes: d.notes,
  };
}

export async function checkContractLinks(tx: Tx, d: { supplierId: number; buyerId: number; plantId: number | null }) {
  await requireLiveCompany(tx, d.supplierId, 'supplierId');
  await requireLiveCompany(tx, d.buyerId, 'buyerId');
  if (d.plantId !== null && !(await tx.plant.findFirst({ where: { id: d.plantId, deletedAt: null }, select: { id: true } }))) {
    throw new AppError('invalid', 'Unknown plant.', { fieldErrors: { plantId: ['Choose a plant from the list.'] } });
  }
}
