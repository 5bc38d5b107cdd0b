// Generates the Prisma client (lib/generated/prisma) when the schema changed since last time.
// `prisma generate` first tries to download a native schema engine it never runs here; where
// that download fails (no internet), any executable will do (docs/decisions/001-database.md).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'lib/generated/prisma/.schema-hash');

export function generatePrismaClient({ force = false } = {}): void {
  const hash = createHash('sha256')
    .update(readFileSync(path.join(root, 'prisma/schema.prisma')))
    .update(readFileSync(path.join(root, 'node_modules/prisma/package.json')))
    .digest('hex');
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  const prismaBin = path.join(root, 'node_modules/.bin/prisma');
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(prismaBin, ['generate'], { cwd: root, env, encoding: 'utf8' });
  let result = run(process.env);
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 && /binaries\.prisma\.sh|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/.test(output)) {
    result = run({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
  }
  if (result.status !== 0) {
    throw new Error(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  }
  writeFileSync(stampFile, hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  generatePrismaClient({ force: process.argv.includes('--force') });
  console.log('Prisma client is up to date.');
}
