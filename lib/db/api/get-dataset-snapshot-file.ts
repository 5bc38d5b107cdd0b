import 'server-only';
import { db } from '../client';

/** One file of a dated snapshot, exactly as stored, or null. */
export async function getDatasetSnapshotFile(date: string, format: 'zip' | 'json'): Promise<Uint8Array | null> {
  const where = { takenOn: new Date(`${date}T00:00:00Z`) };
  if (format === 'zip') return (await db().datasetSnapshot.findUnique({ where, select: { zip: true } }))?.zip ?? null;
  return (await db().datasetSnapshot.findUnique({ where, select: { json: true } }))?.json ?? null;
}
