// npm run data:check: validates prisma/seed/data, enforces the dataset's rules and prints what it holds.
import { datasetCounts } from '../../lib/domain/dataset-counts';
import { inspectSeedDataset } from '../../lib/seed-dataset';

const { data, invalid, problems } = await inspectSeedDataset().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
for (const line of datasetCounts(data)) console.log(line);
if (invalid.length) console.error(`\n${invalid.length} invalid record(s):\n${invalid.join('\n')}`);
if (problems.length) console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
if (invalid.length || problems.length) process.exit(1);
console.log('\nThe dataset keeps every rule.');
