import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import type { AuditAction } from '../../generated/prisma/enums';
import { db } from '../client';
import { type HistoryEntry, toHistoryEntries } from './audit-rows';

/**
 * The public change history of a plant (its own edits, its capacity figures and status
 * changes) or of a company or contract: newest first. Public, so it shows editors' names but
 * not their email addresses.
 */
export type HistoryTarget =
  | { type: 'plant' | 'company' | 'contract'; id: number }
  | { type: 'plant' | 'contract'; ref: string }
  | { type: 'company'; slug: string };

export async function listEntityHistory(target: HistoryTarget, limit = 50): Promise<HistoryEntry[]> {
  const entity = { type: target.type, id: await resolveId(target) };
  if (entity.id === null) return [];
  const id = String(entity.id);
  const children = entity.type === 'plant'
    ? Prisma.sql`OR (entity_type IN ('capacity_announcement', 'plant_status_event')
                  AND (after->>'plantId' = ${id} OR before->>'plantId' = ${id}))`
    : Prisma.empty;
  const rows = await db().$queryRaw<{
    id: bigint; at: Date; actorLabel: string; action: AuditAction; entityType: string; entityId: string; before: unknown; after: unknown;
  }[]>`
    SELECT id, at, actor_label AS "actorLabel", action, entity_type AS "entityType", entity_id AS "entityId", before, after
    FROM audit_log
    WHERE (entity_type = ${entity.type} AND entity_id = ${id}) ${children}
    ORDER BY id DESC
    LIMIT ${limit}`;
  return toHistoryEntries(rows, { actorNamesOnly: true });
}

/** Public pages know plants and contracts by ref and companies by slug. */
async function resolveId(target: HistoryTarget): Promise<number | null> {
  if ('id' in target) return target.id;
  if ('slug' in target) return (await db().company.findUnique({ where: { slug: target.slug }, select: { id: true } }))?.id ?? null;
  const where = { ref: target.ref };
  const row = target.type === 'plant'
    ? await db().plant.findUnique({ where, select: { id: true } })
    : await db().contract.findUnique({ where, select: { id: true } });
  return row?.id ?? null;
}
