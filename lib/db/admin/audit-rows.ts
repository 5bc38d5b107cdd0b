import 'server-only';
import type { AuditAction } from '../../generated/prisma/enums';
import { type AuditValue, diffSnapshots, type FieldChange } from '../../../components/admin/audit-diff';
import type { EntityType } from '../../validation/history';
import { db } from '../client';

export interface HistoryEntry {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  /** The record's name, title or ref as of this change. */
  entityLabel: string;
  changes: (FieldChange & { beforeLabel?: string; afterLabel?: string })[];
  /** A delete whose record is still deleted: can be restored. */
  restorable: boolean;
}

type Raw = { id: bigint; at: Date; actorLabel: string; action: AuditAction; entityType: string; entityId: string; before: unknown; after: unknown };

const REFERENCE_FIELDS: Record<string, 'company' | 'region' | 'source' | 'plant'> = {
  operatorId: 'company', companyId: 'company', supplierId: 'company', buyerId: 'company', successorId: 'company', parentId: 'company',
  regionId: 'region', countryId: 'region', hqCountryId: 'region', sourceId: 'source', plantId: 'plant',
};

/** Audit rows as readable diffs, with referenced ids shown by name. */
export async function toHistoryEntries(rows: Raw[], opts: { actorNamesOnly?: boolean } = {}): Promise<HistoryEntry[]> {
  const asSnapshot = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, AuditValue>) : null);
  const entries = rows.map((r) => {
    const before = asSnapshot(r.before);
    const after = asSnapshot(r.after);
    const latest = after ?? before ?? {};
    const label = latest.name ?? latest.title ?? latest.email ?? latest.ref ?? `#${r.entityId}`;
    return {
      id: r.id.toString(), at: r.at.toISOString(),
      actor: opts.actorNamesOnly ? r.actorLabel.replace(/\s*<[^>]*>$/, '') : r.actorLabel,
      action: r.action, entityType: r.entityType as EntityType, entityId: r.entityId, entityLabel: String(label),
      changes: diffSnapshots(before, after) as HistoryEntry['changes'], restorable: false,
    };
  });
  await labelReferences(entries);
  return entries;
}

async function labelReferences(entries: { changes: HistoryEntry['changes'] }[]) {
  const wanted: Record<'company' | 'region' | 'source' | 'plant', Set<number>> = { company: new Set(), region: new Set(), source: new Set(), plant: new Set() };
  for (const e of entries) for (const c of e.changes) {
    const table = REFERENCE_FIELDS[c.field];
    if (!table) continue;
    for (const v of [c.before, c.after]) if (typeof v === 'number') wanted[table].add(v);
  }
  const ids = (t: keyof typeof wanted) => [...wanted[t]];
  const [companies, regions, sources, plants] = await Promise.all([
    ids('company').length ? db().company.findMany({ where: { id: { in: ids('company') } }, select: { id: true, name: true } }) : [],
    ids('region').length ? db().region.findMany({ where: { id: { in: ids('region') } }, select: { id: true, name: true } }) : [],
    ids('source').length ? db().source.findMany({ where: { id: { in: ids('source') } }, select: { id: true, publisher: true, title: true } }) : [],
    ids('plant').length ? db().plant.findMany({ where: { id: { in: ids('plant') } }, select: { id: true, name: true } }) : [],
  ]);
  const names = {
    company: new Map(companies.map((c) => [c.id, c.name])),
    region: new Map(regions.map((r) => [r.id, r.name])),
    source: new Map(sources.map((s) => [s.id, `${s.publisher} — ${s.title}`])),
    plant: new Map(plants.map((p) => [p.id, p.name])),
  };
  for (const e of entries) for (const c of e.changes) {
    const table = REFERENCE_FIELDS[c.field];
    if (!table) continue;
    if (typeof c.before === 'number') c.beforeLabel = names[table].get(c.before);
    if (typeof c.after === 'number') c.afterLabel = names[table].get(c.after);
  }
}

export const AUDIT_SELECT = { id: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true, before: true, after: true } as const;
