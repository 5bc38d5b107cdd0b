// A fresh, prepared database for the fault tests, kept until this process is stopped:
// a new database on DATABASE_URL's server, or an embedded PGlite server. Prints its URL.
import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../scripts/db/prepare';
import { startEmbeddedServer } from '../../lib/embedded/pglite-server';
import { adminQuery, databaseUrl } from '../support/server-admin';

const serverUrl = process.env.DATABASE_URL;
const name = `vt_fault_${randomBytes(4).toString('hex')}`;
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
await prepareDatabase(url, () => undefined);
console.log(`DATABASE_READY ${url}`);
const shutdown = () => stop().finally(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
