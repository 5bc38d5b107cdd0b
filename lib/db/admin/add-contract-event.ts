import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { ContractEventInputSchema } from '../../validation/contract';
import { auditActor, snapshot, writeAudit } from './audit';
import { resolveKnownOn } from './known-on';
import { parseInput } from './parse-input';
import { nextContractEventRef } from './references';
import { resolveSource } from './resolve-source';
import { inTransaction } from './transaction';

/** A dated contract event (amended, started, cancelled…); the contract's status follows the latest (a trigger). */
export async function addContractEvent(input: unknown): Promise<{ id: number; ref: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(ContractEventInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    const contract = await tx.contract.findFirst({ where: { id: data.contractId, deletedAt: null }, select: { id: true, ref: true } });
    if (!contract) throw new AppError('not_found', 'This contract does not exist or was deleted.');
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn });
    const ref = await nextContractEventRef(tx, contract.ref);
    const event = await tx.contractEvent.create({
      data: {
        ref, contractId: contract.id, status: data.status, effectiveOn: new Date(`${data.effectiveOn}T00:00:00Z`),
        datePrecision: data.datePrecision, knownOn, sourceId, note: data.note,
      },
    });
    await tx.contractSource.createMany({ data: [{ contractId: contract.id, sourceId }], skipDuplicates: true });
    await writeAudit(tx, who, { action: 'create', entityType: 'contract_event', entityId: event.id, before: null, after: snapshot(event) });
    return { id: event.id, ref };
  });
}
