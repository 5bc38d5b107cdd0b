// Two instances of the production build on one database, as behind a load balancer: what one
// writes the other shows on its very next answer (pages and API, no waiting, no retries, with
// the other's pages read just before so that any per-instance cache would be stale); a session
// signed in on one is valid on the other and ends on both at sign-out; the API rate limit counts
// requests to both. Runs on a new database of DATABASE_URL's server, or else on one embedded
// PGlite server (app-database.ts) that both processes connect to over TCP.
import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type BrowserContext, expect as baseExpect, type Page, test } from '@playwright/test';
import { E2E_ADMIN } from './admin-credentials';
import { type App, attachOutputs, type Database, startApp, startDatabase } from './app-processes';

// Signing in (Argon2) and admin pages can take seconds on a busy two-core machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const PORT = Number(process.env.E2E_INSTANCES_PORT ?? 3160);
const RATE_LIMIT = 6;
const PAGE_CACHE_POOL_MAX = 2;
const stamp = randomBytes(3).toString('hex');
const SLUG = `instance-test-gigafactory-${stamp}`;
const NAME = `Instance Test Gigafactory ${stamp}`;
const RENAMED = `Instance Renamed Gigafactory ${stamp}`;
const FIRST_GWH = 12.5;
const RAISED_GWH = 20;
const today = new Date().toISOString().slice(0, 10);

let db: Database;
let a: App;
let b: App;
let context: BrowserContext;
let page: Page;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  db = await startDatabase();
  // The embedded server refuses connections past its limit instead of queueing them: every pool
  // of both processes (the data layer's and the page cache's) together stays below it.
  const perInstance = db.maxConnections ? Math.floor((db.maxConnections - 2) / 2) : 8;
  const env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: String(perInstance - PAGE_CACHE_POOL_MAX),
    PAGE_CACHE_POOL_MAX: String(PAGE_CACHE_POOL_MAX),
    BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
    API_RATE_LIMIT: String(RATE_LIMIT),
    // A long window, so the budget is not reset half-way through (the spec also checks the reset).
    API_RATE_LIMIT_WINDOW_SECONDS: '3600',
  };
  [a, b] = await Promise.all([startApp(PORT, env), startApp(PORT + 1, env)]);
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterEach(() => attachOutputs({ a, b, db }));

test.afterAll(async () => {
  await context?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.stop();
});

// Every API read gets an address of its own, so the reads of the first tests never spend the
// small rate limit that the last test measures.
let address = 0;
const anyone = () => ({ 'x-forwarded-for': `192.0.2.${++address}` });

async function apiJson<T>(request: APIRequestContext, url: string, expected = 200): Promise<T> {
  const response = await request.get(url, { headers: anyone() });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(expected);
  return (await response.json()) as T;
}

async function announced2030(app: App): Promise<number> {
  await page.goto(`${app.base}/`);
  const text = await page.locator('[data-metric="announced-2030"] .value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

type PlantDetail = { data: { name: string; announcements: { targetYear: number | null; gwhPerYear: number; announcedOn: string }[] } };
type Summary = { data: { announced2030Gwh: number } };

/** What B shows of the plant: its public page (status and heading) and its API record. */
async function plantOnB(request: APIRequestContext) {
  const response = await request.get(`${b.base}/plants/${SLUG}`);
  const html = await response.text();
  const api = await request.get(`${b.base}/api/v1/plants/${SLUG}`, { headers: anyone() });
  return {
    htmlStatus: response.status(), heading: /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? null,
    apiStatus: api.status(), api: api.ok() ? (await api.json() as PlantDetail).data : null,
  };
}

async function signIn(on: Page, app: App) {
  await on.goto(`${app.base}/admin/sign-in`);
  await on.getByLabel('Email').fill(E2E_ADMIN.email);
  await on.getByLabel('Password').fill(E2E_ADMIN.password);
  await on.getByRole('button', { name: 'Sign in' }).click();
  await expect(on).toHaveURL(`${app.base}/admin`);
}

async function selectByText(name: string, text: string) {
  const select = page.locator(`select[name="${name}"]`);
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test('what one instance writes, the other shows on its next answer: pages, dashboard and API', async ({ request }) => {
  // B has served everything this test looks at — the plant still unknown — before A writes.
  const before = await announced2030(b);
  const summaryBefore = (await apiJson<Summary>(request, `${b.base}/api/v1/summary`)).data.announced2030Gwh;
  expect(summaryBefore).toBeCloseTo(before, 0);
  const unknown = await plantOnB(request);
  expect([unknown.htmlStatus, unknown.apiStatus]).toEqual([404, 404]);

  // 1. A plant with a 2030 figure, created through A's admin form.
  await signIn(page, a);
  await page.goto(`${a.base}/admin/plants/new`);
  await page.getByLabel('Name *').fill(NAME);
  await page.getByLabel('Slug (link)').fill(SLUG);
  await selectByText('operatorId', 'Verkor');
  await selectByText('regionId', 'Bretagne');
  await page.getByLabel('City *').fill('Rennes');
  await page.getByLabel('In this status since *').fill(today);
  await page.getByLabel('Target year').fill('2030');
  await page.getByLabel('GWh per year').fill(String(FIRST_GWH));
  await page.getByLabel('Announced on').fill(today);
  await page.locator('select[name="sourceId"]').selectOption('new');
  await page.getByLabel('Source address (URL)').fill(`https://example.org/instances/${stamp}`);
  await page.getByLabel('Publisher *').fill('Instance Gazette');
  await page.getByLabel('Title *').fill(`A gigafactory for two instances ${stamp}`);
  await page.getByLabel('Published on *').fill(today);
  await page.getByLabel('Tier').selectOption('trade');
  await page.getByRole('button', { name: 'Create plant' }).click();
  await expect(page).toHaveURL(/\/admin\/plants\/\d+\?saved=created$/);
  const adminPath = new URL(page.url()).pathname;
  const version = await page.locator('form[data-form="plant-edit"] input[name="version"]').inputValue();

  const created = await plantOnB(request);
  expect(created.htmlStatus).toBe(200);
  expect(created.heading).toBe(NAME);
  expect(created.apiStatus).toBe(200);
  expect(created.api!.name).toBe(NAME);
  expect(await announced2030(b)).toBeCloseTo(before + FIRST_GWH, 1);
  expect((await apiJson<Summary>(request, `${b.base}/api/v1/summary`)).data.announced2030Gwh).toBeCloseTo(summaryBefore + FIRST_GWH, 1);

  // 2. A rename and a raised 2030 figure through A's API, with a write key made on A.
  await page.goto(`${a.base}/admin/api-keys`);
  await page.getByLabel('What is it for?').fill('instances spec');
  await page.getByLabel(/May also write/).check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.locator('[data-secret]').innerText()).trim();
  const writer = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const renamed = await request.patch(`${a.base}/api/v1/plants/${SLUG}`, { headers: writer, data: { version: Number(version), name: RENAMED } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  const afterRename = await plantOnB(request);
  expect(afterRename.heading).toBe(RENAMED);
  expect(afterRename.api!.name).toBe(RENAMED);
  const explorer = await request.get(`${b.base}/plants?q=${encodeURIComponent(stamp)}`);
  expect((await explorer.text()).includes(RENAMED), 'the explorer lists the new name').toBe(true);

  const raised = await request.post(`${a.base}/api/v1/plants/${SLUG}/announcements`, {
    headers: writer,
    data: { targetYear: 2030, gwhPerYear: RAISED_GWH, announcedOn: today, confidence: 'medium', source: { url: `https://example.org/instances/${stamp}/raised`, publisher: 'Instance Gazette', title: 'Raised', publishedOn: today } },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  const afterRaise = await plantOnB(request);
  expect(afterRaise.api!.announcements.filter((x) => x.targetYear === 2030).map((x) => x.gwhPerYear).sort()).toEqual([FIRST_GWH, RAISED_GWH]);
  // Same day, later row: the raised figure replaces the first in every total.
  expect(await announced2030(b)).toBeCloseTo(before + RAISED_GWH, 1);
  expect((await apiJson<Summary>(request, `${b.base}/api/v1/summary`)).data.announced2030Gwh).toBeCloseTo(summaryBefore + RAISED_GWH, 1);

  // 3. Deleted on A (admin form): gone from B at once.
  await page.goto(`${a.base}${adminPath}`);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete plant' }).click();
  await expect(page.getByRole('button', { name: 'Restore plant' })).toBeVisible();
  const deleted = await plantOnB(request);
  expect([deleted.htmlStatus, deleted.apiStatus]).toEqual([404, 404]);
  expect(await announced2030(b)).toBeCloseTo(before, 1);
});

test('a session signed in on one instance is valid on the other, and signing out on one ends it on both', async ({ browser, playwright }) => {
  const own = await browser.newContext();
  const fresh = await playwright.request.newContext();
  try {
    const tab = await own.newPage();
    await signIn(tab, a);
    const token = (await own.cookies(a.base)).find((c) => /session_token$/.test(c.name));
    expect(token, 'the session cookie').toBeDefined();
    const cookie = { cookie: `${token!.name}=${token!.value}` };

    // B accepts A's cookie: its admin pages and its session endpoint know the user.
    const adminOnB = await fresh.get(`${b.base}/admin`, { headers: cookie, maxRedirects: 0 });
    expect(adminOnB.status()).toBe(200);
    expect(await adminOnB.text()).toContain('Signed in as');
    const sessionOnB = await fresh.get(`${b.base}/api/auth/get-session`, { headers: cookie });
    expect((await sessionOnB.json())?.user?.email).toBe(E2E_ADMIN.email);

    // Signed out on A: B refuses the very same cookie at once.
    await tab.goto(`${a.base}/admin`);
    await tab.getByRole('button', { name: 'Sign out' }).click();
    await expect(tab).toHaveURL(`${a.base}/admin/sign-in`);
    const after = await fresh.get(`${b.base}/admin`, { headers: cookie, maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers().location).toMatch(/\/admin\/sign-in$/);
    expect(await (await fresh.get(`${b.base}/api/auth/get-session`, { headers: cookie })).text()).toBe('null');
    expect((await fresh.get(`${a.base}/admin`, { headers: cookie, maxRedirects: 0 })).status()).toBe(307);
  } finally {
    await fresh.dispose();
    await own.close();
  }
});

test('the API rate limit counts requests to both instances together', async ({ request }) => {
  // HEAD of a document that needs no query: each request costs the database only its count.
  const call = (app: App, client: string) => request.head(`${app.base}/api/v1/openapi.json`, { headers: { 'x-forwarded-for': client } });

  // One client, one request after the other, alternating A and B: the remaining budget counts
  // down across both, and the request past it is refused by either.
  let client = `198.51.100.${1 + (Date.now() % 200)}`;
  let first = await call(a, client);
  // The window is aligned to the database clock; should it be about to roll over, start after it.
  if (Number(first.headers()['ratelimit-reset']) < 30) {
    await new Promise((r) => setTimeout(r, (Number(first.headers()['ratelimit-reset']) + 1) * 1000));
    client = `198.51.100.${201 + (Date.now() % 50)}`;
    first = await call(a, client);
  }
  expect(first.status()).toBe(200);
  expect(first.headers()['ratelimit-remaining']).toBe(String(RATE_LIMIT - 1));
  for (let i = 2; i <= RATE_LIMIT; i++) {
    const response = await call(i % 2 === 0 ? b : a, client);
    expect(response.status(), `request ${i}`).toBe(200);
    expect(response.headers()['ratelimit-remaining'], `request ${i}`).toBe(String(RATE_LIMIT - i));
  }
  for (const app of [b, a]) {
    const refused = await call(app, client);
    expect(refused.status(), app.base).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  }

  // Many at once on both: exactly the budget gets through, however the requests interleave.
  const burst = `203.0.113.${1 + (Date.now() % 250)}`;
  const statuses = await Promise.all(Array.from({ length: 3 * RATE_LIMIT }, (_, i) => call(i % 2 ? a : b, burst).then((r) => r.status())));
  expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
  expect(statuses.filter((s) => s === 429)).toHaveLength(2 * RATE_LIMIT);
});
