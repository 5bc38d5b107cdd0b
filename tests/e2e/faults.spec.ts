// The running app while its database goes away and comes back: health answers 503 within
// 5 s, pages say the data is temporarily unavailable, nothing hangs, the process survives,
// and everything recovers without a restart. Writes meanwhile (the data layer's cut in the
// middle of a transaction is tests/integration/faults.test.ts): an admin form says the data is
// temporarily unavailable and keeps what was typed, the API's write endpoints answer 503 in the
// one error shape, nothing waits past the connection timeout, nothing is half-written once the
// database is back, and the very same writes then succeed.
import { randomBytes } from 'node:crypto';
import { expect as baseExpect, test } from '@playwright/test';
import pg from 'pg';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { E2E_ADMIN } from './admin-credentials';
import { type App, attachOutputs, type Database, startApp, startDatabase } from './app-processes';

// Signing in (Argon2) and admin pages can take seconds on a busy two-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const port = 3150;
const base = `http://127.0.0.1:${port}`;
const CONNECT_TIMEOUT_MS = 2_000;
// The connection timeout plus a request's own work: a faulted request answers well before this.
const PROMPT_MS = CONNECT_TIMEOUT_MS + 3_000;
const SLUG = 'northvolt-ett';
const stamp = randomBytes(3).toString('hex');
const today = new Date().toISOString().slice(0, 10);
let db: Database;
let app: App;
let proxy: TcpProxy;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = await startDatabase();
  proxy = await startTcpProxy(db.url);
  app = await startApp(port, {
    DATABASE_URL: proxy.url, DATABASE_POOL_MAX: '4', DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
  });
});

test.afterEach(() => attachOutputs({ app, db }));

test.afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await db?.stop();
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
  expect(app.child.exitCode).toBeNull();

  await proxy.restore();
  await expect.poll(async () => (await request.get(`${base}/api/health`)).status(), { timeout: 15_000 }).toBe(200);
  await page.goto(base);
  await expect(page.locator('[data-metric="announced-2030"] .value')).toHaveText(/GWh/);
  expect(app.child.exitCode).toBeNull();
});

/** Straight from the database, past the proxy: what a write could have left behind. */
async function snapshot() {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*)::int FROM plant) AS plants,
             (SELECT count(*)::int FROM capacity_announcement) AS announcements,
             (SELECT count(*)::int FROM source) AS sources,
             (SELECT count(*)::int FROM audit_log) AS audits,
             (SELECT row_to_json(p)::text FROM plant p WHERE slug = $1) AS plant`, [SLUG]);
    const row = rows[0] as { plants: number; announcements: number; sources: number; audits: number; plant: string };
    return { ...row, plant: JSON.parse(row.plant) as { id: number; version: number; city: string } };
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

test('writes while the database is away: 503 and a clear form error, promptly; nothing half-written; the same writes succeed after', async ({ page, request }) => {
  // While the database is up: sign in, make a write key, open the plant's edit form.
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${base}/admin`);
  await page.goto(`${base}/admin/api-keys`);
  await page.getByLabel('What is it for?').fill('faults spec');
  await page.getByLabel(/May also write/).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.locator('[data-secret]').innerText()).trim();
  const writer = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const before = await snapshot();
  await page.goto(`${base}/admin/plants/${before.plant.id}`);
  const form = page.locator('form[data-form="plant-edit"]');
  const city = `Faulted City ${stamp}`;
  await form.getByLabel('City *').fill(city);

  const patch = () => request.patch(`${base}/api/v1/plants/${SLUG}`, { headers: writer, data: { version: before.plant.version, city: `API City ${stamp}` } });
  const announcement = {
    targetYear: 2031, gwhPerYear: 33, announcedOn: today, confidence: 'medium',
    source: { url: `https://example.org/faults/${stamp}`, publisher: 'Fault Gazette', title: `Written while away ${stamp}`, publishedOn: today },
  };
  const post = () => request.post(`${base}/api/v1/plants/${SLUG}/announcements`, { headers: writer, data: announcement });

  await proxy.cut();

  // The form: a clear message, the typed value kept, promptly.
  const submitted = await timed(async () => {
    await form.getByRole('button', { name: 'Save plant' }).click();
    await expect(form.getByRole('alert')).toContainText(/temporarily unavailable/i, { timeout: PROMPT_MS + 5_000 });
  });
  expect(submitted.ms).toBeLessThan(PROMPT_MS + 2_000);
  await expect(form.getByLabel('City *')).toHaveValue(city);
  expect(page.url()).not.toContain('saved=');

  // The API: 503 in the one error shape, with Retry-After, each within the connection timeout.
  for (const [name, send] of [['PATCH plant', patch], ['POST announcement', post]] as const) {
    const { result: response, ms } = await timed(send);
    const body = await response.text();
    expect(response.status(), `${name}: ${body}`).toBe(503);
    expect(JSON.parse(body).error.code, name).toBe('unavailable');
    expect(Number(response.headers()['retry-after']), name).toBeGreaterThan(0);
    expect(ms, name).toBeLessThan(PROMPT_MS);
  }
  expect(app.child.exitCode).toBeNull();

  await proxy.restore();
  await expect.poll(async () => (await request.get(`${base}/api/health`)).status(), { timeout: 15_000 }).toBe(200);
  // Nothing of the refused writes reached the database, not even later from a queue.
  expect(await snapshot()).toEqual(before);

  // The same writes, again, now succeed: the form as it was left, then the API.
  await form.getByRole('button', { name: 'Save plant' }).click();
  await expect(page).toHaveURL(/\?saved=updated$/);
  await expect(form.getByLabel('City *')).toHaveValue(city);
  const saved = await snapshot();
  expect(saved.plant).toMatchObject({ city, version: before.plant.version + 1 });

  const patched = await request.patch(`${base}/api/v1/plants/${SLUG}`, { headers: writer, data: { version: saved.plant.version, city: `API City ${stamp}` } });
  expect(patched.status(), await patched.text()).toBe(200);
  const posted = await post();
  expect(posted.status(), await posted.text()).toBe(201);
  const after = await snapshot();
  expect(after).toMatchObject({
    plants: before.plants, announcements: before.announcements + 1, sources: before.sources + 1,
    plant: { city: `API City ${stamp}`, version: before.plant.version + 2 },
  });
  // One audit row per write at least (the announcement also records its new source).
  expect(after.audits).toBeGreaterThanOrEqual(before.audits + 3);
});
