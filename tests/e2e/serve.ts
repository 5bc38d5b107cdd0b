// Playwright's web server: the production build on a fresh database of its own, either a new
// database on the DATABASE_URL server or a new embedded data folder. Removed again on exit.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runApp } from '../../scripts/start';
import { adminQuery, databaseUrl } from '../support/server-admin';
import { createE2eAdmin } from './admin-users';

const port = Number(process.env.E2E_PORT ?? 3100);
const serverUrl = process.env.DATABASE_URL;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'voltrack-e2e-'));
const dbName = `vt_e2e_${randomBytes(4).toString('hex')}`;
if (serverUrl) await adminQuery(serverUrl, `CREATE DATABASE "${dbName}"`);

let code = 1;
try {
  // Admin e2e tests sign in as a known admin; sessions need a secret.
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString('hex');
  await createE2eAdmin(serverUrl ? { url: databaseUrl(serverUrl, dbName) } : { dataDir });
  code = await runApp({
    port, host: '127.0.0.1', dataDir, build: 'never',
    databaseUrl: serverUrl ? databaseUrl(serverUrl, dbName) : undefined,
  });
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
  if (serverUrl) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
}
process.exit(code);
