// npm run data:check: validates prisma/seed/data and prints what it holds.
import { loadSeedDataset } from '../../lib/seed-dataset';

const data = await loadSeedDataset().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const count = <T,>(items: T[], key: (t: T) => string) =>
  Object.entries(items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {}))
    .map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`regions ${data.regions.length} (${count(data.regions, (r) => r.level)})`);
console.log(`companies ${data.companies.length}, sources ${data.sources.length}, claims ${data.regionClaims.length}`);
console.log(`plants ${data.plants.length} in ${new Set(data.plants.map((p) => p.country)).size} countries`);
console.log(`contracts ${data.contracts.length} (${count(data.contracts, (c) => c.status)})`);
console.log(`announcements ${data.plants.reduce((n, p) => n + p.announcements.length, 0)}, status events ${data.plants.reduce((n, p) => n + p.statusHistory.length, 0)}`);
