import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { ImportKindSchema } from '../../validation/import';
import { parseInput } from './parse-input';
import { auditActor, writeAudits } from './audit';
import type { ApplyContext } from './import-context';
import { type ImportPreview, planImportFile } from './import-plan';
import { inTransaction } from './transaction';

// Room for the largest file the upload accepts (~35,000 rows) on a slow server; 10,000 rows
// take a few seconds.
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Imports a file all-or-nothing: the plan is recomputed inside one transaction, any error row
 * refuses the whole file, and each new or changed record is written with its audit row.
 * Importing the same file again finds every row unchanged and writes nothing.
 *
 * The writes are set-based (a statement per table per ~1,000 rows, audit rows inserted together),
 * so a 10,000-row file commits in seconds rather than one round trip per row.
 */
export async function commitImport(kind: unknown, bytes: Uint8Array): Promise<ImportPreview> {
  const actor = await requireRole('editor');
  const parsedKind = parseInput(ImportKindSchema, kind);
  const run: ApplyContext = { who: auditActor(actor), sourceIds: new Map(), audits: [] };
  return inTransaction(async (tx) => {
    const { preview, write } = await planImportFile(tx, parsedKind, bytes);
    if (preview.fileErrors.length || preview.counts.error > 0) {
      throw new AppError('invalid', `Nothing was imported: ${preview.fileErrors.length ? 'the file has problems' : `${preview.counts.error} row(s) have errors`}.`, { details: { preview } });
    }
    await write(tx, run);
    await writeAudits(tx, run.who, run.audits);
    return preview;
  }, { timeoutMs: IMPORT_TIMEOUT_MS });
}
