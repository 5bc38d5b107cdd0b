// npm run db:export -- [file]: writes a complete, versioned JSON dump of the data
// (default: backups/voltrack-<timestamp>.json) from DATABASE_URL or the embedded database.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportDump } from '../../lib/backup/dump';
import { exitWithError, withDatabase } from './with-database';

withDatabase(async (url, kind) => {
  const dump = await exportDump(url);
  const file = path.resolve(process.argv[2] ?? `backups/voltrack-${dump.createdAt.replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(dump));
  const rows = dump.tables.reduce((n, t) => n + t.rows.length, 0);
  console.log(`Exported ${rows} rows in ${dump.tables.length} tables from the ${kind} database (schema ${dump.migration}) to ${file}`);
}).then(() => process.exit(0), exitWithError);
