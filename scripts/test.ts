// npm test: the whole suite. Unit and integration tests (Vitest; integration against the
// embedded database, or DATABASE_URL's server when set), then a production build and the
// end-to-end tests (Playwright) against it. Finds a Chromium to drive, installing Playwright's
// own only where none exists.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generatePrismaClient } from './prisma-generate';

const root = path.resolve(import.meta.dirname, '..');
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const args = process.argv.slice(2);
const only = (stage: string) => args.length === 0 || args.includes(stage);

function run(label: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!)) ?? null;
}

generatePrismaClient();
console.log(`Database for tests: ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PGlite'}`);
if (only('unit')) run('unit and integration tests', bin('vitest'), ['run']);
if (only('e2e')) {
  run('production build', bin('next'), ['build']);
  let chromium = findChromium();
  if (!chromium) {
    console.log('No system Chromium found: installing Playwright’s own.');
    run('browser install', bin('playwright'), ['install', 'chromium']);
    chromium = '';
  }
  run('end-to-end tests', bin('playwright'), ['test'], { ...process.env, CHROMIUM_PATH: chromium });
}
console.log('\nAll tests passed.');
