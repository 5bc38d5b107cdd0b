import 'server-only';
import { requireRole } from '../../auth/session';
import { SourceInputSchema } from '../../validation/source';
import { auditActor } from './audit';
import { parseInput } from './parse-input';
import { insertSource } from './resolve-source';
import { inTransaction } from './transaction';

/** A new source; an existing one with the same address (or publisher and title) is returned instead. */
export async function createSource(input: unknown): Promise<{ id: number }> {
  const actor = await requireRole('editor');
  const data = parseInput(SourceInputSchema, input);
  return inTransaction(async (tx) => ({ id: await insertSource(tx, auditActor(actor), data) }));
}
