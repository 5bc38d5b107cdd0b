import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { SourceUpdateSchema } from '../../validation/source';
import { auditActor, snapshot } from './audit';
import { parseInput, parseRecordId } from './parse-input';
import { inTransaction } from './transaction';
import { versionedUpdate } from './versioned-update';

export async function updateSource(sourceId: number, input: unknown): Promise<{ id: number; version: number }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(sourceId, 'source');
  const { version, ...data } = parseInput(SourceUpdateSchema, input);
  const values = { ...data, publishedOn: data.publishedOn ? new Date(`${data.publishedOn}T00:00:00Z`) : null };
  return inTransaction(async (tx) => {
    if (data.url) {
      const other = await tx.source.findUnique({ where: { url: data.url }, select: { id: true } });
      if (other && other.id !== id) throw new AppError('invalid', 'Another source has this address.', { fieldErrors: { url: ['Another source has this address.'] } });
    }
    const { after } = await versionedUpdate(tx, auditActor(actor), {
      entityType: 'source', id, expectedVersion: version, submitted: snapshot(values),
      load: () => tx.source.findUnique({ where: { id } }),
      write: () => tx.source.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } }),
    });
    return { id, version: after.version };
  });
}
