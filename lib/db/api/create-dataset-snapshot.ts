import 'server-only';
import { createHash } from 'node:crypto';
import { countingSource, datasetJsonChunks, datasetZipChunks } from '../../api/dataset';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../client';
import { openDatasetReader } from './open-dataset-reader';

export interface SnapshotResult { created: boolean; date: string; zipBytes: number; jsonBytes: number; zipSha256: string }

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** All the chunks as one plain ArrayBuffer-backed array, as Prisma's Bytes expects. */
async function collect(chunks: AsyncIterable<string | Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

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
  const info = { date: opts.date, citationUrl: `${opts.citationBase}/api/v1/download/snapshots/${opts.date}.zip` };
  // The same builders and snapshot reader as the live downloads, so a snapshot is exactly what
  // dataset.zip/.json gave that day. The rows stream; the two files are held in memory, since
  // they are stored as two values (a CLI, without the server's heap limit). Generous limits: the
  // tables are read three times, and nobody waits on the other end.
  const reader = await openDatasetReader({ idleMs: 5 * 60_000, maxMs: 60 * 60_000 });
  let zip: Uint8Array<ArrayBuffer>;
  let json: Uint8Array<ArrayBuffer>;
  const counting = countingSource(reader.source);
  try {
    zip = await collect(datasetZipChunks(reader.source, info));
    json = await collect(datasetJsonChunks(counting.source, info));
  } finally {
    await reader.close();
  }
  try {
    await db().datasetSnapshot.create({
      data: {
        takenOn: new Date(`${opts.date}T00:00:00Z`), zip, json, zipSha256: sha256(zip), jsonSha256: sha256(json),
        zipBytes: zip.byteLength, jsonBytes: json.byteLength, counts: counting.counts,
      },
    });
  } catch (error) {
    // Another run took the same day's snapshot first: keep theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return createDatasetSnapshot(opts);
    throw error;
  }
  return { created: true, date: opts.date, zipBytes: zip.byteLength, jsonBytes: json.byteLength, zipSha256: sha256(zip) };
}
