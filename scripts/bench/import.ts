// The bulk-import benchmark: a 10,000-row plants CSV through the admin import (dry run, then
// commit), as a signed-in editor, against the database in DATABASE_URL. The same code path
// as the admin page: lib/db/admin/preview-import.ts and commit-import.ts.
import { commitImport } from '../../lib/db/admin/commit-import';
import { previewImport } from '../../lib/db/admin/preview-import';
import { as, createTestUser, signIn } from '../../tests/support/auth';

const HEADER = 'ref,name,operator,city,region,lat,lon,status,status_since,facility_type,chemistry_family,segment,confidence,source_url,source_publisher,source_title';

export function syntheticPlantsCsv(rows: number): Uint8Array {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const ref = `BI-${String(i).padStart(5, '0')}`;
    lines.push(`${ref},Import bench plant ${i},verkor,Lille,nord-pas-de-calais,${(50 + (i % 100) / 1000).toFixed(3)},3.060,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/voltrack-import-bench/${i},example.org,Import bench source ${i}`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

/** Runs on the database named by DATABASE_URL (the data layer's). */
export async function benchImport(rows: number): Promise<{ rows: number; dryRunMs: number; commitMs: number; statuses: Record<string, number> }> {
  const session = await signIn(await createTestUser('editor', 'Import benchmark'));
  const csv = syntheticPlantsCsv(rows);
  const t0 = performance.now();
  const preview = await as(session, () => previewImport('plants', csv));
  const dryRunMs = Math.round(performance.now() - t0);
  const statuses: Record<string, number> = {};
  for (const r of preview.rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const t1 = performance.now();
  await as(session, () => commitImport('plants', csv));
  const commitMs = Math.round(performance.now() - t1);
  return { rows, dryRunMs, commitMs, statuses };
}
