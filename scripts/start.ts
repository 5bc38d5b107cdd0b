// npm start: the whole app on one command. Without DATABASE_URL it runs the embedded
// database (PGlite in .data/pglite, served on a local port); it migrates and seeds an empty
// database, builds the app once, and serves the production build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EMBEDDED_MAX_CONNECTIONS, type EmbeddedServer, startEmbeddedServer } from '../lib/embedded/pglite-server';
import { prepareDatabase } from './db/prepare';
import { EMBEDDED_DATA_DIR } from './db/with-database';
import { ROOT } from './db/schema-engine';
import { authEnv } from './admin/embedded-auth';
import { serverNodeOptions } from './server-memory';

const log = (line: string) => console.log(`[voltrack] ${line}`);
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

export interface RunAppOptions {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent, the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Build when no build exists (npm start), or expect one (the e2e tests build first). */
  build: 'if-missing' | 'never';
}

/** Starts database, migrations, seed and the production server; resolves with its exit code. */
export async function runApp(options: RunAppOptions): Promise<number> {
  let embedded: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  if (url) {
    log('Using the PostgreSQL server named by DATABASE_URL.');
  } else {
    const dbPort = Number(process.env.VOLTRACK_DB_PORT ?? 0);
    embedded = await startEmbeddedServer({ dataDir: options.dataDir, port: dbPort });
    url = embedded.url;
    log(`Embedded database (PGlite) in ${path.relative(process.cwd(), options.dataDir) || '.'}, serving ${url}`);
  }
  const stopDb = async () => embedded?.stop().catch(() => undefined);

  let signIn: Record<string, string> = {};
  try {
    await prepareDatabase(url, log);
    // Admin sign-in: session secret, app URL, and the embedded demo's first admin (issue 5).
    signIn = await authEnv({ url, embedded: !!embedded, dataDir: options.dataDir, host: options.host, port: options.port, log });
    if (options.build === 'if-missing' && (!existsSync(path.join(ROOT, '.next/BUILD_ID')) || process.env.VOLTRACK_REBUILD === '1')) {
      log('Building the app (first start only; takes a minute or two)...');
      const build = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('next build failed (see above)');
    }
  } catch (error) {
    await stopDb();
    throw error;
  }

  const env = {
    ...process.env,
    ...signIn,
    DATABASE_URL: url,
    // The embedded server refuses connections past its limit rather than queueing them.
    DATABASE_POOL_MAX: embedded ? String(Math.min(EMBEDDED_MAX_CONNECTIONS - 2, 10)) : process.env.DATABASE_POOL_MAX,
    NODE_OPTIONS: serverNodeOptions(),
  };
  const { port, host } = options;
  const server = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', host], {
    cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let announced = false;
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in|started server/i.test(chunk.toString())) {
      announced = true;
      log(`Voltrack is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/  (Ctrl+C to stop)`);
    }
  });
  const forward = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => server.on('exit', (c) => resolve(c ?? 0)));
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  await stopDb();
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  runApp({
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: EMBEDDED_DATA_DIR,
    build: 'if-missing',
  }).then((code) => process.exit(code), (error: Error) => {
    console.error(`[voltrack] error: ${error.message}`);
    process.exit(1);
  });
}
