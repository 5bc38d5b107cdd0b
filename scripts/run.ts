// Launcher for the project's CLIs: generates the Prisma client when it is missing or stale,
// then runs the script. The client must exist before a script that imports it is even
// loaded (ES modules resolve every static import first), hence a dynamic import here.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePrismaClient } from './prisma-generate';

const [target, ...args] = process.argv.slice(2);
if (!target) {
  console.error('usage: node --import tsx scripts/run.ts <script.ts> [args...]');
  process.exit(2);
}
try {
  generatePrismaClient();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
const file = path.resolve(target);
process.argv = [process.argv[0]!, file, ...args];
await import(pathToFileURL(file).href);
