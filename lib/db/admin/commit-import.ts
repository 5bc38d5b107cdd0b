import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { ImportKindSchema } from '../../validation/import';
import { parseInput } from './parse-input';
import { auditActor } from './audit';
import { type ImportPreview, planImportFile } from './import-plan';
import { inTransaction } from './transaction';

/**
 * Imports a file all-or-nothing: the plan is recomputed inside one transaction, any error row
 * refuses the whole file, and each new or changed record is written with its audit row.
 * Importing the same file again finds every row unchanged and writes nothing.
 */
export async function commitImport(kind: unknown, bytes: Uint8Array): Promise<ImportPreview> {
  const actor = await requireRole('editor');
  const parsedKind = parseInput(ImportKindSchema, kind);
  const run = { who: auditActor(actor), newSourceIds: new Map<string, number>() };
  return inTransaction(async (tx) => {
    const { preview, planned } = await planImportFile(tx, parsedKind, bytes);
    if (preview.fileErrors.length || preview.counts.error > 0) {
      throw new AppError('invalid', `Nothing was imported: ${preview.fileErrors.length ? 'the file has problems' : `${preview.counts.error} row(s) have errors`}.`, { details: { preview } });
    }
    for (const row of planned) if (row.apply) await row.apply(tx, run);
    return preview;
  });
}
