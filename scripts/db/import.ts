// npm run db:import -- <file>: restores a dump from npm run db:export into an EMPTY database
// (DATABASE_URL or the embedded one). Migrates the database to the dump's schema version,
// restores (all or nothing), then applies any newer migrations, so older backups restore too.
import { readFile } from 'node:fs/promises';
import { importDump } from '../../lib/backup/dump';
import { applyMigrations } from './schema-engine';
import { exitWithError, withDatabase } from './with-database';

const file = process.argv[2];
if (!file) exitWithError(new Error('usage: npm run db:import -- <dump.json>'));

withDatabase(async (url, kind) => {
  const dump = JSON.parse(await readFile(file!, 'utf8'));
  await applyMigrations(url, dump.migration);
  const { rows } = await importDump(url, dump);
  const newer = await applyMigrations(url);
  console.log(`Restored ${rows} rows into the ${kind} database from ${file}` +
    (newer.length ? `, then applied ${newer.length} newer migration(s)` : ''));
}).then(() => process.exit(0), exitWithError);
