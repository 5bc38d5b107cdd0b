import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { ContractUpdateSchema } from '../../validation/contract';
import { auditActor, snapshot } from './audit';
import { checkContractLinks, contractValues } from './create-contract';
import { parseInput, parseRecordId } from './parse-input';
import { inTransaction } from './transaction';
import { versionedUpdate } from './versioned-update';

export async function updateContract(contractId: number, input: unknown): Promise<{ id: number; version: number }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(contractId, 'contract');
  const { version, ref: wantedRef, ...data } = parseInput(ContractUpdateSchema, input);
  return inTransaction(async (tx) => {
    const current = await tx.contract.findUnique({ where: { id }, select: { ref: true } });
    if (!current) throw new AppError('not_found', 'This contract does not exist.');
    await checkContractLinks(tx, data);
    const ref = wantedRef ?? current.ref;
    if (ref !== current.ref && await tx.contract.findUnique({ where: { ref }, select: { id: true } })) {
      throw new AppError('invalid', 'This ref is already used.', { fieldErrors: { ref: ['Already used by another contract.'] } });
    }
    const values = { ...contractValues({ ...data, ref }), ref };
    const { after } = await versionedUpdate(tx, auditActor(actor), {
      entityType: 'contract', id, expectedVersion: version, submitted: snapshot(values),
      load: () => tx.contract.findUnique({ where: { id } }),
      write: () => tx.contract.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } }),
    });
    return { id, version: after.version };
  });
}
