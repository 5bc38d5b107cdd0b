// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as of the
// last migration (its schema.prisma snapshot) to prisma/schema.prisma. Review it, add what
// Prisma cannot express (CHECK constraints, triggers) by hand, then run npm run db:migrate.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffSchemas, MIGRATIONS_DIR, readSchema } from './schema-engine';
import { exitWithError, withDatabase } from './with-database';

async function main() {
  const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!name) throw new Error('usage: npm run db:migration:create -- <name>');
  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const last = dirs.at(-1);
  const previous = last
    ? await readFile(path.join(MIGRATIONS_DIR, last, 'schema.prisma'), 'utf8')
    : null;
  const current = await readSchema();
  const sql = await withDatabase((url) => diffSchemas(url, previous, current), { inMemory: true });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('No schema changes since the last migration.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(path.join(dir, 'schema.prisma'), current);
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().then(() => process.exit(0), exitWithError);
