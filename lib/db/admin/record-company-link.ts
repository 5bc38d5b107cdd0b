import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { CompanyLinkInputSchema } from '../../validation/company';
import { auditActor, snapshot, writeAudit } from './audit';
import { resolveKnownOn } from './known-on';
import { parseInput } from './parse-input';
import { requireLiveCompany } from './placement';
import { resolveSource } from './resolve-source';
import { inTransaction, type Tx } from './transaction';

/**
 * A dated group link: from a date, a parent holds a stake in a company (or no longer does). Capacity
 * "by ultimate parent" follows these links on every as-of date, so a link that would make a company
 * its own owner (a cycle) is refused.
 */
export async function recordCompanyLink(input: unknown): Promise<{ id: number }> {
  const actor = await requireRole('editor');
  const data = parseInput(CompanyLinkInputSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    await requireLiveCompany(tx, data.companyId, 'companyId');
    await requireLiveCompany(tx, data.parentId, 'parentId');
    if (!data.ended) await refuseCycle(tx, data.companyId, data.parentId);
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn });
    const effectiveOn = new Date(`${data.effectiveOn}T00:00:00Z`);
    if (await tx.companyParent.findUnique({ where: { companyId_parentId_effectiveOn: { companyId: data.companyId, parentId: data.parentId, effectiveOn } } })) {
      throw new AppError('conflict', 'This link is already recorded for that date.', { fieldErrors: { effectiveOn: ['Already recorded on this date.'] } });
    }
    const row = await tx.companyParent.create({
      data: {
        companyId: data.companyId, parentId: data.parentId, stakePct: data.stakePct, ended: data.ended, effectiveOn,
        datePrecision: data.datePrecision, knownOn, sourceId, note: data.note,
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'company_parent', entityId: row.id, before: null, after: snapshot(row) });
    return { id: row.id };
  });
}

/** Refuses a link parent → company when the company already owns the parent, at any depth. */
async function refuseCycle(tx: Tx, companyId: number, parentId: number) {
  const [row] = await tx.$queryRaw<{ cycle: boolean }[]>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${parentId}::int, 0
      UNION
      SELECT l.parent_id, up.depth + 1 FROM company_parent l JOIN up ON l.company_id = up.id
      WHERE l.deleted_at IS NULL AND NOT l.ended AND up.depth < 20
    )
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${companyId}::int) AS cycle`;
  if (row?.cycle) throw new AppError('invalid', 'This would make the company its own owner.', { fieldErrors: { parentId: ['This company is already owned, directly or not, by the company you edit.'] } });
}
