import 'server-only';
import { AppError } from '../../errors';
import { ENTITY_LABELS, type EntityType } from '../../validation/history';
import { type AuditActor, type Snapshot, snapshot, writeAudit } from './audit';
import type { Tx } from './transaction';

interface VersionedRow { version: number; deletedAt?: Date | null }

export interface VersionedUpdate<Row extends VersionedRow> {
  entityType: EntityType;
  id: number | string;
  /** The version the form was loaded with. */
  expectedVersion: number;
  /** Reads the row as it is now (inside the transaction). */
  load: () => Promise<Row | null>;
  /** `UPDATE … WHERE id = $id AND version = $expectedVersion` with version + 1; returns the row count. */
  write: () => Promise<{ count: number }>;
  /** The values the user submitted, for the conflict message. */
  submitted: Snapshot;
  /** What the audit row calls it: an edit, or a soft delete / restore done as a versioned write. */
  action?: 'update' | 'delete' | 'restore';
}

/**
 * Optimistic locking: the write applies only if nobody saved since the form was loaded. A stale
 * form gets a `conflict` naming who changed the row last and when, with both values of every
 * field that differs; nothing is written. The audit row is appended in the same transaction.
 */
export async function versionedUpdate<Row extends VersionedRow>(
  tx: Tx, actor: AuditActor, spec: VersionedUpdate<Row>,
): Promise<{ before: Row; after: Row }> {
  const before = await spec.load();
  if (!before || before.deletedAt) throw new AppError('not_found', `This ${ENTITY_LABELS[spec.entityType].toLowerCase()} does not exist or was deleted.`);
  if (before.version !== spec.expectedVersion) throw await staleVersionError(tx, spec, snapshot(before));
  const { count } = await spec.write();
  if (count === 0) {
    const now = await spec.load();
    throw await staleVersionError(tx, spec, now ? snapshot(now) : {});
  }
  const after = (await spec.load())!;
  await writeAudit(tx, actor, { action: spec.action ?? 'update', entityType: spec.entityType, entityId: spec.id, before: snapshot(before), after: snapshot(after) });
  return { before, after };
}

export interface ConflictDetails extends Record<string, unknown> {
  changedBy: string | null;
  /** ISO 8601, UTC. */
  changedAt: string | null;
  fields: { field: string; yours: unknown; theirs: unknown }[];
}

async function staleVersionError(tx: Tx, spec: VersionedUpdate<VersionedRow>, current: Snapshot): Promise<AppError> {
  const last = await tx.auditLog.findFirst({
    where: { entityType: spec.entityType, entityId: String(spec.id) },
    orderBy: { id: 'desc' },
    select: { actorLabel: true, at: true },
  });
  const fields = Object.entries(spec.submitted)
    .filter(([field, yours]) => field in current && !same(yours, current[field]))
    .map(([field, yours]) => ({ field, yours, theirs: current[field] }));
  const who = last ? `${last.actorLabel} at ${last.at.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'someone else';
  const details: ConflictDetails = { changedBy: last?.actorLabel ?? null, changedAt: last?.at.toISOString() ?? null, fields };
  return new AppError('conflict',
    `Not saved: this ${ENTITY_LABELS[spec.entityType].toLowerCase()} was changed by ${who} after you opened it. Review the current values, then apply your changes again.`,
    { details });
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');
