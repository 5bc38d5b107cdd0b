import 'server-only';
import { db } from '../client';

export interface SnapshotInfo {
  date: string;
  createdAt: string;
  zipBytes: number;
  jsonBytes: number;
  zipSha256: string;
  jsonSha256: string;
  counts: Record<string, number>;
}

/** Every dated snapshot, newest first, without its bytes. */
export async function listDatasetSnapshots(): Promise<SnapshotInfo[]> {
  const rows = await db().datasetSnapshot.findMany({
    orderBy: { takenOn: 'desc' },
    select: { takenOn: true, createdAt: true, zipBytes: true, jsonBytes: true, zipSha256: true, jsonSha256: true, counts: true },
  });
  return rows.map((r) => ({
    date: r.takenOn.toISOString().slice(0, 10), createdAt: r.createdAt.toISOString(), zipBytes: r.zipBytes, jsonBytes: r.jsonBytes,
    zipSha256: r.zipSha256, jsonSha256: r.jsonSha256, counts: r.counts as Record<string, number>,
  }));
}
