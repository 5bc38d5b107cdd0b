// npm run db:prepare: what a deployment runs before the server starts — check the database
// answers, apply pending migrations, seed the curated dataset into an empty database.
import { prepareDatabase } from './prepare';
import { exitWithError, withDatabase } from './with-database';

withDatabase((url) => prepareDatabase(url, (line) => console.log(line)))
  .then(() => {
    console.log('Database ready.');
    process.exit(0);
  }, exitWithError);
