// Processes for specs that run their own apps beside Playwright's web server: a prepared database
// (app-database.ts) and `next start` of the same production build (NEXT_DIST_DIR is inherited),
// each stopped and awaited in afterAll so ports and databases are free again.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { test } from '@playwright/test';

const root = process.cwd();

export interface Child {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function watch(child: ChildProcess, label: string, graceMs = 10_000): Child {
  let output = '';
  const collect = (chunk: Buffer) => { output += chunk.toString(); };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        console.warn(`[${label}] did not stop within ${graceMs / 1000} s; killing it`);
        child.kill('SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitFor(proc: Child, pattern: RegExp, label: string, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${label}: no ${pattern} within ${timeoutMs} ms:\n${proc.output()}`)), timeoutMs);
    const check = () => {
      const match = proc.output().match(pattern);
      if (match) done(null, match);
    };
    const onExit = (code: number | null) => done(new Error(`${label} exited (${code}) before ${pattern}:\n${proc.output()}`));
    function done(error: Error | null, match?: RegExpMatchArray) {
      clearTimeout(timer);
      proc.child.stdout?.off('data', check);
      proc.child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    proc.child.stdout?.on('data', check);
    proc.child.once('exit', onExit);
    check();
  });
}

export interface Database extends Child {
  url: string;
  /** Connections the embedded server accepts in all (0: a PostgreSQL server, no small limit). */
  maxConnections: number;
}

/** A fresh, migrated and seeded database with the e2e admin (see app-database.ts). */
export async function startDatabase(): Promise<Database> {
  const proc = watch(spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/e2e/app-database.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
  }), 'database', 60_000); // DROP DATABASE waits for a checkpoint, which takes a while on a busy server
  const [, url, max] = await waitFor(proc, /DATABASE_READY (\S+) (\d+)/, 'database');
  return { ...proc, url: url!, maxConnections: Number(max) };
}

export interface App extends Child {
  port: number;
  base: string;
}

/** `next start` of the production build on `port`, with these variables over the inherited ones. */
export async function startApp(port: number, env: Record<string, string>): Promise<App> {
  const base = `http://127.0.0.1:${port}`;
  const proc = watch(spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_URL: base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }), `app :${port}`);
  await waitFor(proc, /Ready in/, `app :${port}`);
  return { ...proc, port, base };
}

/** On failure, attaches what the processes printed to the test's report. */
export async function attachOutputs(processes: Record<string, Child | undefined>): Promise<void> {
  const info = test.info();
  if (info.status === info.expectedStatus) return;
  for (const [name, proc] of Object.entries(processes)) {
    if (proc) await info.attach(`${name}.log`, { body: proc.output(), contentType: 'text/plain' });
  }
}
