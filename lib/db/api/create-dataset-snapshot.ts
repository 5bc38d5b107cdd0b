import 'server-only';
import { createHash } from 'node:crypto';
import { datasetCounts, datasetJson, datasetZip } from '../../api/dataset';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../client';
import { readOpenDataset } from './read-open-dataset';

export interface SnapshotResult { created: boolean; date: string; zipBytes: number; jsonBytes: number; zipSha256: string }

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores today's dataset as a dated snapshot (zip and JSON bytes with their SHA-256). A snapshot
 * is immutable — a trigger refuses UPDATE and DELETE — so an existing one for the date is kept
 * as it is and reported, never replaced. For the CLI (npm run data:snapshot), not for requests.
 */
export async function createDatasetSnapshot(opts: { date: string; citationBase: string }): Promise<SnapshotResult> {
  const existing = await db().datasetSnapshot.findUnique({
    where: { takenOn: new Date(`${opts.date}T00:00:00Z`) },
    select: { zipSha256: true, zipBytes: true, jsonBytes: true },
  });
  if (existing) return { created: false, date: opts.date, zipBytes: existing.zipBytes, jsonBytes: existing.jsonBytes, zipSha256: existing.zipSha256 };
  const tables = await readOpenDataset();
  const info = { date: opts.date, citationUrl: `${opts.citationBase}/api/v1/download/snapshots/${opts.date}.zip` };
  // Copied into a plain ArrayBuffer-backed array, as Prisma's Bytes expects.
  const zip = new Uint8Array(datasetZip(tables, info));
  const json = new TextEncoder().encode(datasetJson(tables, info));
  try {
    await db().datasetSnapshot.create({
      data: {
        takenOn: new Date(`${opts.date}T00:00:00Z`), zip, json, zipSha256: sha256(zip), jsonSha256: sha256(json),
        zipBytes: zip.byteLength, jsonBytes: json.byteLength, counts: datasetCounts(tables),
      },
    });
  } catch (error) {
    // Another run took the same day's snapshot first: keep theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return createDatasetSnapshot(opts);
    throw error;
  }
  return { created: true, date: opts.date, zipBytes: zip.byteLength, jsonBytes: json.byteLength, zipSha256: sha256(zip) };
}
