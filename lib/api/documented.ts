import type { z } from 'zod';

/**
 * Only the fields the response schema documents, at the top level: a data-layer result that
 * carries more (an internal column) never leaks into the public contract.
 */
export function documented<T extends object>(schema: z.ZodObject, value: T): Partial<T> {
  const keys = Object.keys(schema.shape);
  return Object.fromEntries(Object.entries(value).filter(([k]) => keys.includes(k))) as Partial<T>;
}
