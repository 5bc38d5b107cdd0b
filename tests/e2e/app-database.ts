// A fresh, prepared database with the e2e admin, for specs that run their own app processes
// (several instances, writes during a fault), kept until this process is stopped: a new database
// on DATABASE_URL's server, or one embedded PGlite server that every app process connects to
// over TCP (its socket server multiplexes up to EMBEDDED_MAX_CONNECTIONS connections, from any
// number of processes). Prints `DATABASE_READY <url> <max connections or 0>`; removes the database
// when stopped (SIGTERM) or when the process that started it is gone.
import { randomBytes } from 'node:crypto';
import { createAccount } from '../../scripts/admin/account';
import { prepareDatabase } from '../../scripts/db/prepare';
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedServer } from '../../lib/embedded/pglite-server';
import { adminQuery, databaseUrl } from '../support/server-admin';
import { E2E_ADMIN } from './admin-credentials';

const serverUrl = process.env.DATABASE_URL;
const name = `vt_e2e_app_${randomBytes(4).toString('hex')}`;
let url: string;
let stop: () => Promise<void>;
if (serverUrl) {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  url = databaseUrl(serverUrl, name);
  stop = async () => void (await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
} else {
  const server = await startEmbeddedServer();
  url = server.url;
  stop = server.stop;
}
let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  void stop().catch((error: Error) => console.error(`[app-database] ${error.message}`)).finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// Nothing else keeps the process alive with a PostgreSQL server (its database would outlive the
// spec); and should the spec's process die without stopping this one, clean up all the same.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) shutdown(); }, 1_000);
try {
  await prepareDatabase(url, () => undefined);
  await createAccount(url, { ...E2E_ADMIN, role: 'admin' });
} catch (error) {
  console.error(`[app-database] ${(error as Error).message}`);
  await stop().catch(() => undefined);
  process.exit(1);
}
console.log(`DATABASE_READY ${url} ${serverUrl ? 0 : EMBEDDED_MAX_CONNECTIONS}`);
