// npm run db:seed: writes the curated dataset (prisma/seed/data) to DATABASE_URL or the
// embedded database. Idempotent: matches rows on slugs and refs.
import { createPrismaClient } from '../../lib/db/client';
import { writeSeedDataset } from '../../lib/db/seed-dataset';
import { loadSeedDataset } from '../../lib/seed-dataset';
import { exitWithError, withDatabase } from './with-database';

withDatabase(async (url, kind) => {
  const data = await loadSeedDataset();
  const client = createPrismaClient(url, 2);
  try {
    await writeSeedDataset(client, data);
  } finally {
    await client.$disconnect();
  }
  console.log(`Seeded the ${kind} database: ${data.plants.length} plants, ${data.contracts.length} contracts.`);
}).then(() => process.exit(0), exitWithError);
