import 'server-only';
import { decodeUtf8, type ImportKind, parseImportCsv } from '../../validation/import';
import { ImportLookups, type PlanRow, type Planned } from './import-context';
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

/** Decodes, parses and plans a file against the database as `reader` sees it. Writes nothing. */
export async function planImportFile(reader: Tx, kind: ImportKind, bytes: Uint8Array): Promise<{ preview: ImportPreview; planned: Planned[] }> {
  const empty = { new: 0, changed: 0, unchanged: 0, error: 0 };
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return { preview: { kind, fileErrors: [decoded.error], rows: [], counts: empty }, planned: [] };
  const look = await ImportLookups.load(reader);
  let fileErrors: string[];
  let planned: Planned[];
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
  for (const p of planned) counts[p.status] += 1;
  const rows: PlanRow[] = planned.map((p) => ({ row: p.row, ref: p.ref, status: p.status, errors: p.errors, changes: p.changes }));
  return { preview: { kind, fileErrors, rows, counts }, planned };
}
