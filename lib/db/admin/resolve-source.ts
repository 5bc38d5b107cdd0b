import 'server-only';
import { AppError } from '../../errors';
import type { SourceInput, SourceRef } from '../../validation/source';
import { type AuditActor, snapshot, writeAudit } from './audit';
import type { Tx } from './transaction';

/** The id of the chosen source; a new one typed inline is created (and audited) in the same transaction. */
export async function resolveSource(tx: Tx, actor: AuditActor, ref: SourceRef): Promise<number> {
  if (ref.kind === 'existing') {
    const found = await tx.source.findFirst({ where: { id: ref.id, deletedAt: null }, select: { id: true } });
    if (!found) throw new AppError('invalid', 'Unknown source.', { fieldErrors: { sourceId: ['Choose a source from the list, or add a new one.'] } });
    return found.id;
  }
  return insertSource(tx, actor, ref.input);
}

export async function insertSource(tx: Tx, actor: AuditActor, input: SourceInput): Promise<number> {
  {
    const same = await tx.source.findUnique({ where: { url: input.url }, select: { id: true, deletedAt: true } });
    // The same address is the same source: link it rather than refuse the form.
    if (same && !same.deletedAt) return same.id;
    if (same) throw new AppError('conflict', 'A deleted source has this address; restore it from the history instead.', { fieldErrors: { newSourceUrl: ['A deleted source has this address.'] } });
  }
  const twin = await tx.source.findUnique({ where: { publisher_title: { publisher: input.publisher, title: input.title } }, select: { id: true, deletedAt: true } });
  if (twin && !twin.deletedAt) return twin.id;
  if (twin) throw new AppError('conflict', 'A deleted source has this publisher and title; restore it from the history instead.');
  const created = await tx.source.create({
    data: {
      url: input.url, publisher: input.publisher, title: input.title, language: input.language, tier: input.tier,
      publishedOn: new Date(`${input.publishedOn}T00:00:00Z`), datePrecision: input.datePrecision, note: input.note,
    },
  });
  await writeAudit(tx, actor, { action: 'create', entityType: 'source', entityId: created.id, before: null, after: snapshot(created) });
  return created.id;
}
