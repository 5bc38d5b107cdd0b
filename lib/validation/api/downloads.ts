// GET /api/v1/download/snapshots: the dated, immutable copies of the dataset.
import { z } from 'zod';
import { named } from './common';

export const SNAPSHOT_FILE = /^(\d{4}-\d{2}-\d{2})\.(zip|json)$/;

export const SnapshotSchema = named('Snapshot', z.object({
  date: z.iso.date(),
  createdAt: z.iso.datetime(),
  zipUrl: z.string(),
  jsonUrl: z.string(),
  zipBytes: z.int(),
  jsonBytes: z.int(),
  /** SHA-256 (hex) of the files, to check a copy. */
  zipSha256: z.string(),
  jsonSha256: z.string(),
  /** Rows per table. */
  counts: z.record(z.string(), z.int()),
}), 'A dated snapshot of the dataset: its files never change, so a citation can point at them.');

export const SnapshotListSchema = named('SnapshotList', z.object({ data: z.array(SnapshotSchema) }));
