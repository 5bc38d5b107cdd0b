// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from './schema-engine';
import { exitWithError, withDatabase } from './with-database';

withDatabase(async (url, kind) => {
  const applied = await applyMigrations(url);
  console.log(applied.length
    ? `Applied ${applied.length} migration(s) to the ${kind} database: ${applied.join(', ')}`
    : `The ${kind} database is up to date.`);
})
  // The wasm engine leaves a timer behind for ~10 s; a CLI has nothing left to wait for.
  .then(() => process.exit(0), exitWithError);
