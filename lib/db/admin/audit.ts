import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import type { AuditAction } from '../../generated/prisma/enums';
import type { Actor } from '../../auth/session';
import type { EntityType } from '../../validation/history';
import type { Tx } from './transaction';

export interface AuditActor { userId: string | null; label: string }

export function auditActor(actor: Actor): AuditActor {
  return { userId: actor.userId, label: `${actor.name} <${actor.email}>` };
}

export type Snapshot = Record<string, string | number | boolean | null>;

// Bookkeeping columns change on every write and would bury the real change in each diff.
const OMIT = new Set(['createdAt', 'updatedAt', 'version']);

/** A row as audit JSON: decimals as numbers, dates as YYYY-MM-DD (timestamps as ISO UTC). */
export function snapshot(row: object): Snapshot {
  const out: Snapshot = {};
  for (const [key, value] of Object.entries(row)) {
    if (OMIT.has(key) || typeof value === 'object' && value !== null && !(value instanceof Date) && !Prisma.Decimal.isDecimal(value)) continue;
    out[key] = toJsonValue(value);
  }
  return out;
}

function toJsonValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Prisma.Decimal.isDecimal(value)) return Number(value.toString());
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export interface AuditEntry {
  action: AuditAction;
  entityType: EntityType;
  entityId: string | number;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** Appends one audit row inside the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? Prisma.DbNull,
      after: entry.after ?? Prisma.DbNull,
    },
  });
}

/** Rows per audit insert statement. */
const AUDIT_BATCH = 2000;

/**
 * Appends many audit rows inside the caller's transaction, one statement per chunk, with the same
 * content as `writeAudit` (the time is the column default). The rows travel as one JSON
 * parameter, and get ids in the order given, so the history lists them in the order of the changes.
 */
export async function writeAudits(tx: Tx, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    const json = JSON.stringify(entries.slice(i, i + AUDIT_BATCH).map((entry) => ({
      actor_id: actor.userId, actor_label: actor.label, action: entry.action, entity_type: entry.entityType,
      entity_id: String(entry.entityId), before: entry.before, after: entry.after,
    })));
    await tx.$executeRaw`
      INSERT INTO "audit_log" ("actor_id", "actor_label", "action", "entity_type", "entity_id", "before", "after")
      SELECT v."actor_id", v."actor_label", v."action", v."entity_type", v."entity_id", v."before", v."after"
      FROM json_populate_recordset(NULL::"audit_log", ${json}::json) WITH ORDINALITY AS v ORDER BY v.ordinality`;
  }
}
