// Opaque page cursors: base64url JSON of the last row's sort key and id (keyset pagination), plus
// the sort it belongs to. Clients treat them as opaque; the server validates them like any input.
import type { z } from 'zod';
import { invalidQuery } from '../validation/api/query';

export function encodeCursor(payload: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * The cursor's payload, or a 400 naming `cursor` when it is not one of ours, or was made for a
 * different sort (`sortKey`), so a page can never silently skip or repeat rows.
 */
export function decodeCursor<S extends z.ZodType<{ s: string }>>(cursor: string | undefined, schema: S, sortKey: string): z.output<S> | null {
  if (cursor === undefined) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidQuery([{ path: 'cursor', message: 'not a cursor from this API; use meta.nextCursor of the previous page' }]);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw invalidQuery([{ path: 'cursor', message: 'not a cursor from this API; use meta.nextCursor of the previous page' }]);
  }
  if (parsed.data.s !== sortKey) {
    throw invalidQuery([{ path: 'cursor', message: 'this cursor belongs to a different sort; keep sort and dir unchanged while paging' }]);
  }
  return parsed.data;
}
