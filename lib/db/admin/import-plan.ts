import 'server-only';
import { decodeUtf8, type ImportKind, parseImportCsv } from '../../validation/import';
import { ImportLookups, type KindPlan, type PlanRow } from './import-context';
import { planAnnouncements } from './import-plan-announcements';
import { planContracts } from './import-plan-contracts';
import { planPlants } from './import-plan-plants';
import type { Tx } from './transaction';

export interface ImportPreview {
  kind: ImportKind;
  /** Problems with the file as a whole (encoding, columns): no row can be imported. */
  fileErrors: string[];
  rows: PlanRow[];
  counts: Record<PlanRow['status'], number>;
}

/**
 * Decodes, parses and plans a file against the database as `reader` sees it. Writes nothing;
 * `write` carries out the plan (the commit calls it inside its transaction).
 */
export async function planImportFile(reader: Tx, kind: ImportKind, bytes: Uint8Array): Promise<{ preview: ImportPreview; write: KindPlan['write'] }> {
  const empty = { new: 0, changed: 0, unchanged: 0, error: 0 };
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { preview: { kind, fileErrors: [decoded.error], rows: [], counts: empty }, write: async () => {} };
  const look = await ImportLookups.load(reader);
  let fileErrors: string[];
  let planned: KindPlan;
  if (kind === 'plants') {
    const parsed = parseImportCsv('plants', decoded.text);
    fileErrors = parsed.fileErrors;
    planned = await planPlants(reader, parsed.rows, look);
  } else if (kind === 'announcements') {
    const parsed = parseImportCsv('announcements', decoded.text);
    fileErrors = parsed.fileErrors;
    planned = await planAnnouncements(reader, parsed.rows, look);
  } else {
    const parsed = parseImportCsv('contracts', decoded.text);
    fileErrors = parsed.fileErrors;
    planned = await planContracts(reader, parsed.rows, look);
  }
  const counts = { ...empty };
  for (const p of planned.rows) counts[p.status] += 1;
  const rows: PlanRow[] = planned.rows;
  return { preview: { kind, fileErrors, rows, counts }, write: planned.write };
}
