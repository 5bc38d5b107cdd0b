// The admin area end to end: an admin signs in and adds a plant with its first capacity figure and
// a new source; the public dashboard and explorer show it at once; an editor (created by the admin)
// edits it; the history shows both changes. Then the gate: server actions and admin pages refuse
// requests without a valid session, whatever headers they carry. Runs first (files run in name
// order) and removes its plant at the end, so the other specs see the curated dataset's figures.
import { type BrowserContext, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { E2E_ADMIN } from './admin-credentials';

test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const PLANT = `E2E Gigafactory ${stamp}`;
const EDITOR = { email: `editor-${stamp}@voltrack.test`, name: 'Edith Editor', password: '' };
const GWH = 12.5;
const today = new Date().toISOString().slice(0, 10);
let plantPath = '';
let publicPath = '';
// One browser context per person, each signing in once: sign-in is rate-limited to 5 a minute
// per address, and the whole file runs in well under a minute.
let adminContext: BrowserContext;
let editorContext: BrowserContext;
let admin: Page;
let editor: Page;

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext();
  editorContext = await browser.newContext();
  admin = await adminContext.newPage();
  editor = await editorContext.newPage();
});

test.afterAll(async () => {
  await adminContext.close();
  await editorContext.close();
});

const announced2030 = async (page: Page) => {
  await page.goto('/');
  return Number((await page.locator('[data-metric="announced-2030"] .value').innerText()).replace(/[^\d.]/g, ''));
};

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
}

async function selectByText(page: Page, name: string, text: string) {
  const select = page.locator(`select[name="${name}"]`);
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test('anonymous visitors are sent to the sign-in page', async ({ page }) => {
  await page.goto('/admin/plants/new');
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText('Wrong email or password.');
});

test('an admin adds a plant in a sub-national region with a capacity figure and a new source; it shows publicly at once', async () => {
  const page = admin;
  const before = await announced2030(page);
  await signIn(page, E2E_ADMIN);
  await page.goto('/admin/plants/new');

  // Errors appear next to the fields and what was typed stays.
  await page.getByLabel('Name *').fill(PLANT);
  await page.getByLabel('GWh per year').fill('twelve');
  await page.getByRole('button', { name: 'Create plant' }).click();
  await expect(page.locator('main').getByRole('alert').first()).toContainText('Some fields need attention.');
  await expect(page.locator('#f-firstGwh-error')).toContainText('Enter GWh per year');
  await expect(page.getByLabel('Name *')).toHaveValue(PLANT);

  await selectByText(page, 'operatorId', 'Verkor');
  await selectByText(page, 'regionId', 'Bretagne');
  await page.getByLabel('City *').fill('Rennes');
  await page.getByLabel('Latitude').fill('48.11');
  await page.getByLabel('Longitude').fill('-1.68');
  await expect(page.locator('figcaption', { hasText: 'Location preview' })).toBeVisible();
  await page.getByLabel('In this status since *').fill(today);
  await page.getByLabel('Target year').fill('2030');
  await page.getByLabel('GWh per year').fill(String(GWH));
  await page.getByLabel('Announced on').fill(today);
  await page.locator('select[name="sourceId"]').selectOption('new');
  await page.getByLabel('Source address (URL)').fill(`https://example.org/e2e/${stamp}`);
  await page.getByLabel('Publisher *').fill('E2E Gazette');
  await page.getByLabel('Title *').fill(`A gigafactory for Rennes ${stamp}`);
  await page.getByLabel('Published on *').fill(today);
  await page.getByLabel('Tier').selectOption('trade');
  await page.getByRole('button', { name: 'Create plant' }).click();

  await expect(page).toHaveURL(/\/admin\/plants\/\d+\?saved=created$/);
  await expect(page.locator('main').getByRole('status').first()).toContainText('Created');
  plantPath = new URL(page.url()).pathname;
  publicPath = (await page.getByRole('link', { name: 'public page' }).getAttribute('href'))!;

  // The public dashboard's 2030 total includes the new figure right away.
  expect(await announced2030(page)).toBeCloseTo(before + GWH, 1);
  // The explorer lists it under its region, and its public page answers.
  await page.goto('/plants?region=bretagne');
  await expect(page.getByRole('table', { name: /Plants matching the filters/ })).toContainText(PLANT);
  const publicPage = await page.goto(publicPath);
  expect(publicPage?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(PLANT);
});

test('the admin creates an editor account; the editor edits the plant', async () => {
  let page = admin;
  await page.goto('/admin/users');
  const form = page.locator('form[data-form="user-create"]');
  await form.getByLabel('Email *').fill(EDITOR.email);
  await form.getByLabel('Name *').fill(EDITOR.name);
  await form.getByLabel('Role *').selectOption('editor');
  await form.getByRole('button', { name: 'Create account' }).click();
  EDITOR.password = await page.locator('[data-secret]').innerText();
  expect(EDITOR.password).toMatch(/^[\w-]{23}$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  expect((await page.request.get('/admin/users', { maxRedirects: 0 })).status()).toBe(307);

  page = editor;
  await signIn(page, EDITOR);
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.goto(plantPath);
  const edit = page.locator('form[data-form="plant-edit"]');
  await edit.getByLabel('City *').fill('Vitré');
  await edit.getByRole('button', { name: 'Save plant' }).click();
  await expect(page).toHaveURL(/\?saved=updated$/);
  await expect(edit.getByLabel('City *')).toHaveValue('Vitré');
  // Editors cannot manage users: the page answers not found.
  expect((await page.goto('/admin/users'))?.status()).toBe(404);
});

test('the history shows both changes as readable diffs', async () => {
  const page = editor;
  await page.goto(`/admin/history?entity=plant&id=${plantPath.split('/').pop()}`);
  const rows = page.locator('table[data-history] tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(EDITOR.name);
  await expect(rows.nth(0)).toContainText('city: Rennes → Vitré');
  await expect(rows.nth(1)).toContainText(E2E_ADMIN.name);
  await expect(rows.nth(1)).toContainText(`Plant ${PLANT} created`);
  // The plant page's own history lists the plant, its status and its capacity figure.
  await page.goto(plantPath);
  await expect(page.getByRole('region', { name: 'Change history' }).locator('tbody tr')).toHaveCount(4);
});

test('server actions and admin pages refuse requests without a valid session', async ({ baseURL }) => {
  const page = editor;
  await page.goto('/admin/companies/new');
  // The form's own action reference, as a browser without JavaScript would post it.
  const hidden = await page.locator('form[data-form="company-create"] input[type=hidden]').evaluateAll((inputs) =>
    inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as [string, string]));
  expect(hidden.some(([name]) => name.startsWith('$ACTION'))).toBe(true);
  const forged = `Forged company ${stamp}`;
  const multipart = Object.fromEntries([...hidden, ['name', forged], ['origin', 'european'], ['status', 'active']]);

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const spoof = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };
  const forgedCookie = { cookie: 'better-auth.session_token=forged.token' };
  const variants: Record<string, string>[] = [{}, spoof, forgedCookie, { ...spoof, ...forgedCookie }];
  for (const headers of variants) {
    const response = await anonymous.post('/admin/companies/new', { multipart, headers: { origin: baseURL!, ...headers }, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).not.toBe(200);
    expect(await response.text()).not.toContain('Signed in as');
  }
  for (const path of ['/admin', '/admin/users', '/admin/history', plantPath]) {
    const response = await anonymous.get(path, { headers: spoof, maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/\/admin\/sign-in$/);
  }
  const template = await anonymous.get('/admin/import/template/plants', { headers: { ...spoof, ...forgedCookie } });
  expect(template.status()).toBe(401);
  const session = await anonymous.get('/api/auth/get-session', { headers: spoof });
  expect(await session.text()).toBe('null');
  await anonymous.dispose();

  // Nothing was created.
  await page.goto(`/admin/companies?q=${encodeURIComponent(forged)}`);
  await expect(page.getByText(`No companies match “${forged}”.`)).toBeVisible();
});

test('deleting the plant removes it from the public totals; the history offers to restore it', async () => {
  const page = editor;
  const withPlant = await announced2030(page);
  await page.goto(plantPath);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete plant' }).click();
  await expect(page.getByRole('button', { name: 'Restore plant' })).toBeVisible();
  expect(await announced2030(page)).toBeCloseTo(withPlant - GWH, 1);
  await page.goto(`/admin/history?entity=plant&id=${plantPath.split('/').pop()}`);
  await expect(page.locator('table[data-history] tbody tr').first()).toContainText('deleted');
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();
});
