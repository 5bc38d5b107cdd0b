import 'server-only';
import { requireRole } from '../../auth/session';
import type { HistoryParams } from '../../validation/history';
import { db } from '../client';
import { AUDIT_SELECT, type HistoryEntry, toHistoryEntries } from './audit-rows';

export const HISTORY_PAGE_SIZE = 50;

/** The audit log, newest first, optionally for one entity type (and id); deletes still in effect are restorable. */
export async function listAuditLog(params: HistoryParams): Promise<{ entries: HistoryEntry[]; total: number }> {
  await requireRole('viewer');
  const where = {
    ...(params.entity ? { entityType: params.entity } : {}),
    ...(params.entity && params.id ? { entityId: params.id } : {}),
  };
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({
      where, select: AUDIT_SELECT, orderBy: { id: 'desc' },
      skip: (params.page - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE,
    }),
    db().auditLog.count({ where }),
  ]);
  const entries = await toHistoryEntries(rows);
  await markRestorable(entries);
  return { entries, total };
}

async function markRestorable(entries: HistoryEntry[]) {
  const deletes = entries.filter((e) => e.action === 'delete');
  const idsOf = (type: string) => [...new Set(deletes.filter((e) => e.entityType === type).map((e) => Number(e.entityId)))];
  const stillDeleted = { deletedAt: { not: null } };
  const pick = { id: true } as const;
  const found = await Promise.all([
    db().plant.findMany({ where: { id: { in: idsOf('plant') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `plant:${x.id}`)),
    db().company.findMany({ where: { id: { in: idsOf('company') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `company:${x.id}`)),
    db().contract.findMany({ where: { id: { in: idsOf('contract') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `contract:${x.id}`)),
    db().source.findMany({ where: { id: { in: idsOf('source') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `source:${x.id}`)),
    db().region.findMany({ where: { id: { in: idsOf('region') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `region:${x.id}`)),
    db().capacityAnnouncement.findMany({ where: { id: { in: idsOf('capacity_announcement') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `capacity_announcement:${x.id}`)),
    db().plantStatusEvent.findMany({ where: { id: { in: idsOf('plant_status_event') }, ...stillDeleted }, select: pick }).then((r) => r.map((x) => `plant_status_event:${x.id}`)),
  ]);
  const restorable = new Set(found.flat());
  // Only the latest delete of a record offers the button.
  const seen = new Set<string>();
  for (const e of deletes) {
    const key = `${e.entityType}:${e.entityId}`;
    if (restorable.has(key) && !seen.has(key)) e.restorable = true;
    seen.add(key);
  }
}
