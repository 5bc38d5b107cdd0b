// The running app while its database goes away and comes back: health answers 503 within
// 5 s, pages say the data is temporarily unavailable, nothing hangs, the process survives,
// and everything recovers without a restart.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const root = process.cwd();
const port = 3150;
const base = `http://127.0.0.1:${port}`;
let db: ChildProcess;
let app: ChildProcess;
let proxy: TcpProxy;

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) resolve(match);
    });
    child.on('exit', (code) => reject(new Error(`process exited (${code}) before ${pattern}: ${buffer}`)));
  });
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  db = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/e2e/fault-db.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const [, url] = await waitForLine(db, /DATABASE_READY (\S+)/);
  proxy = await startTcpProxy(url!);
  app = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: proxy.url, DATABASE_POOL_MAX: '4', DATABASE_CONNECT_TIMEOUT_MS: '2000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(app, /Ready in/);
});

test.afterAll(async () => {
  app?.kill('SIGTERM');
  await proxy?.close();
  db?.kill('SIGTERM');
});

test('the app degrades clearly while the database is away and recovers by itself', async ({ page, request }) => {
  expect((await request.get(`${base}/api/health`)).status()).toBe(200);
  await page.goto(base);
  await expect(page.locator('[data-metric="announced-2030"] .value')).toHaveText(/GWh/);

  await proxy.cut();
  const started = Date.now();
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(503);
  expect((await health.json()).database.reason).toMatch(/^database unreachable/);
  expect(Date.now() - started).toBeLessThan(5_000);

  const pageStarted = Date.now();
  await page.goto(base);
  await expect(page.getByRole('heading', { name: 'Data temporarily unavailable' })).toBeVisible();
  expect(Date.now() - pageStarted).toBeLessThan(10_000);
  expect(app.exitCode).toBeNull();

  await proxy.restore();
  await expect.poll(async () => (await request.get(`${base}/api/health`)).status(), { timeout: 15_000 }).toBe(200);
  await page.goto(base);
  await expect(page.locator('[data-metric="announced-2030"] .value')).toHaveText(/GWh/);
  expect(app.exitCode).toBeNull();
});
