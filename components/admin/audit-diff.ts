// Turns an audit row's before/after JSON into "field: before → after" lines. Pure.

export type AuditValue = string | number | boolean | null;
export interface FieldChange { field: string; before: AuditValue; after: AuditValue }

const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'version']);

export function diffSnapshots(before: Record<string, AuditValue> | null, after: Record<string, AuditValue> | null): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (before && after && b === a) continue;
    if (!before && a === null) continue;
    changes.push({ field, before: before ? b : null, after: after ? a : null });
  }
  return changes;
}

/** "operatorId" → "operator", "gwhPerYear" → "gwh per year". */
export function fieldLabel(field: string): string {
  return field.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function formatValue(value: AuditValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
