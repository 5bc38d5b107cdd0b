// npm run data:snapshot -- [--origin https://voltrack.example]
// Stores today's (UTC) open dataset as a dated, immutable snapshot in the database, served at
// /api/v1/download/snapshots/<date>.zip and .json and listed on /data. A snapshot that already
// exists for today is left exactly as it is (citations point at it). The origin goes into the
// citation line of the README (default: BETTER_AUTH_URL, else the path alone).
import { parseArgs } from 'node:util';
import { createDatasetSnapshot } from '../../lib/db/api/create-dataset-snapshot';
import { disconnectDb } from '../../lib/db/client';
import { exitWithError, withDatabase } from '../db/with-database';

const { values } = parseArgs({ options: { origin: { type: 'string' } } });
const origin = (values.origin ?? process.env.BETTER_AUTH_URL ?? '').replace(/\/+$/, '');
if (origin && !/^https?:\/\/[^/\s]+$/.test(origin)) exitWithError(new Error('--origin must look like https://voltrack.example'));

withDatabase(async (url, kind) => {
  process.env.DATABASE_URL = url;
  try {
    const date = new Date().toISOString().slice(0, 10);
    const result = await createDatasetSnapshot({ date, citationBase: origin });
    const size = `${(result.zipBytes / 1024).toFixed(0)} KB zip, ${(result.jsonBytes / 1024).toFixed(0)} KB JSON`;
    console.log(result.created
      ? `Snapshot ${date} stored in the ${kind} database (${size}, zip SHA-256 ${result.zipSha256}).`
      : `Snapshot ${date} already exists in the ${kind} database and was left unchanged (${size}, zip SHA-256 ${result.zipSha256}).`);
  } finally {
    await disconnectDb();
  }
}).then(() => process.exit(0), exitWithError);
