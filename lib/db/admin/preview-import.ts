import 'server-only';
import { requireRole } from '../../auth/session';
import { ImportKindSchema } from '../../validation/import';
import { parseInput } from './parse-input';
import { db } from '../client';
import { type ImportPreview, planImportFile } from './import-plan';

/** The dry run: every row as new / changed / unchanged / error. Writes nothing. */
export async function previewImport(kind: unknown, bytes: Uint8Array): Promise<ImportPreview> {
  await requireRole('editor');
  const parsedKind = parseInput(ImportKindSchema, kind);
  const { preview } = await planImportFile(db(), parsedKind, bytes);
  return preview;
}
