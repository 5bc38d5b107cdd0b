import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import Papa from 'papaparse';

const results = (page: Page) => page.getByRole('table', { name: /Plants matching the filters/ });
const plantNames = (page: Page) => results(page).locator('tbody th a').allInnerTexts();
const gwh = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test('an analyst filters by region and status, sorts, exports exactly those plants and shares the view', async ({ page }) => {
  await page.goto('/plants');
  await expect(page.getByRole('heading', { level: 1, name: 'Plant explorer' })).toBeVisible();

  // Hauts-de-France: the Verkor, ACC, AESC and ProLogium gigafactories and Tiamat's sodium-ion project.
  await page.getByLabel('Region (any level)').selectOption('hauts-de-france');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]region=hauts-de-france(&|$)/);
  await expect(page.getByRole('heading', { level: 2, name: /^5 plants match/ })).toBeVisible();
  const five = await plantNames(page);
  expect(five).toHaveLength(5);
  for (const name of [/Verkor/, /ACC/, /AESC/, /ProLogium/, /Tiamat/]) expect(five.some((n) => name.test(n))).toBe(true);

  // Only the operational ones.
  await page.getByRole('group', { name: 'Status on the as-of date' }).getByLabel('Operational').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]status=operational(&|$)/);
  await expect(page.getByRole('heading', { level: 2, name: /^3 plants match/ })).toBeVisible();
  const three = await plantNames(page);
  expect(three.map((n) => n.split(' ')[0]).sort()).toEqual(['ACC', 'AESC', 'Verkor']);

  // Sorted by capacity in 2030, largest first.
  await results(page).getByRole('link', { name: /^In 2030/ }).click();
  await expect(page).toHaveURL(/[?&]sort=year(&|$)/);
  await expect(results(page).getByRole('columnheader', { name: /^In 2030/ })).toHaveAttribute('aria-sort', 'descending');
  const sorted = await plantNames(page);
  const capacities = (await results(page).locator('tbody tr td:nth-of-type(5)').allInnerTexts()).map(gwh);
  expect(capacities).toEqual([...capacities].sort((a, b) => b - a));
  expect(sorted[0]).toMatch(/Verkor/);
  await expect(results(page).locator('tfoot')).toContainText('All 3 matching plants');

  // The CSV holds exactly the filtered rows, in the same order.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV of all 3 filtered plants' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^voltrack-plants-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(csv.data.map((r) => r.name)).toEqual(sorted);
  expect(csv.data.every((r) => r.status === 'operational' && r.region === 'Nord-Pas-de-Calais')).toBe(true);
  expect(csv.data.every((r) => r.capacity_2030_source_url?.startsWith('http'))).toBe(true);

  // The URL is the view: a reload shows the same plants in the same order, with the form filled in.
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  expect(await plantNames(page)).toEqual(sorted);
  await expect(page.getByRole('group', { name: 'Status on the as-of date' }).getByLabel('Operational')).toBeChecked();
  await expect(page.getByLabel('Region (any level)')).toHaveValues(['hauts-de-france']);

  // A plant page shows the superseded figures; back returns to the same view.
  await results(page).getByRole('link', { name: /ACC Gigafactory/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ACC Gigafactory/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Capacity over the years, with superseded announcements' })).toBeVisible();
  // ACC's 2030 plan went 24 → 40 → 30 → 28 GWh; the 2023 figure 8 → 13.4 GWh.
  const superseded = page.locator('tr[data-superseded="true"]');
  await expect(superseded).toHaveCount(5);
  await expect(superseded.filter({ hasText: '40 GWh' })).toHaveCount(2);
  await expect(superseded.first()).toContainText('superseded');
  const history = page.locator('figure[aria-labelledby="plant-capacity-title"]');
  await expect(history).toContainText('2030: 40 GWh announced 2022-03-01, now 28 GWh');
  await expect(history.locator('table th')).toContainText(['As known on 2021-03-31', 'Current figures (as of 2026-02-28)']);

  await page.goBack();
  await expect(page).toHaveURL(url);
  expect(await plantNames(page)).toEqual(sorted);
});

test('an analyst adds companies by typing their names, then removes one by unticking it', async ({ page }) => {
  await page.goto('/plants');
  const companies = page.getByRole('group', { name: 'Company (operator or partner)' });
  const picker = page.getByRole('combobox', { name: 'Add a company' });
  // The page holds only the selected companies (none yet); names to add come from the API.
  await expect(companies.getByRole('checkbox')).toHaveCount(0);
  await expect(page.locator('form[aria-label="Filter plants"]')).not.toContainText('Verkor');

  // By pointer: type part of the name, pick the suggestion.
  await picker.fill('verk');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  const axe = await new AxeBuilder({ page }).include('form[aria-label="Filter plants"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('option', { name: 'Verkor SAS' }).click();
  await expect(companies.getByRole('checkbox', { name: 'Verkor SAS' })).toBeChecked();
  await expect(picker).toHaveValue('');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  // By keyboard: the first suggestion is active as you type; Enter takes it without submitting.
  await picker.pressSequentially('stellan');
  await expect(page.getByRole('option', { name: 'Stellantis' })).toHaveAttribute('aria-selected', 'true');
  await picker.press('Enter');
  await expect(companies.getByRole('checkbox', { name: 'Stellantis' })).toBeChecked();

  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]company=verkor&company=stellantis(&|$)/);
  // Verkor's two sites, and Stellantis's stakes: the three ACC plants and the Zaragoza joint venture.
  await expect(page.getByRole('heading', { level: 2, name: /^6 plants match — company: Verkor SAS or Stellantis$/ })).toBeVisible();
  expect((await plantNames(page)).filter((n) => /Verkor|ACC|Stellantis/.test(n))).toHaveLength(6);
  await expect(page.getByRole('status').filter({ hasText: 'not understood' })).toHaveCount(0);
  await expect(companies.getByRole('checkbox')).toHaveCount(2);

  await companies.getByRole('checkbox', { name: 'Verkor SAS' }).uncheck();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]company=stellantis(&|$)/);
  expect(page.url()).not.toContain('company=verkor');
  await expect(page.getByRole('heading', { level: 2, name: /^4 plants match — company: Stellantis$/ })).toBeVisible();
  await expect(companies.getByRole('checkbox')).toHaveCount(1);
});

test('without JavaScript the selected companies show and can be removed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/plants?company=verkor&company=acc');
  const companies = page.getByRole('group', { name: 'Company (operator or partner)' });
  await expect(companies.getByRole('checkbox')).toHaveCount(2);
  await expect(companies.getByRole('checkbox', { name: 'Verkor SAS' })).toBeChecked();
  await expect(companies).toContainText('Without JavaScript, find a company’s plants with “Search plant, city or company”');
  await expect(page.getByRole('heading', { level: 2, name: /^5 plants match/ })).toBeVisible();

  await companies.getByRole('checkbox', { name: 'Verkor SAS' }).uncheck();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]company=acc(&|$)/);
  expect(page.url()).not.toContain('company=verkor');
  await expect(page.getByRole('heading', { level: 2, name: /^3 plants match — company: Automotive Cells Company \(ACC\)$/ })).toBeVisible();
  await context.close();
});

test('bad parameters fall back with a visible notice, and an empty result says why', async ({ page }) => {
  const response = await page.goto('/plants?status=exploded&size=7&region=atlantis&region=hauts-de-france&status=cancelled');
  expect(response?.status()).toBe(200);
  const notice = page.getByRole('status').filter({ hasText: 'not understood' });
  await expect(notice).toContainText('Ignored status=“exploded”');
  await expect(notice).toContainText('Ignored size=“7”');
  await expect(notice).toContainText('Ignored region=“atlantis”: no such region');
  await expect(page.getByText('No plant matches.', { exact: true })).toBeVisible();
  await expect(page.getByText(/region: Hauts-de-France, and status: Cancelled/)).toBeVisible();
});

test('the company page shows Northvolt’s successor and its cancelled BMW contract', async ({ page }) => {
  await page.goto('/companies/northvolt');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Northvolt');
  await expect(page.locator('dl.facts')).toContainText('Lyten');
  const bmw = page.locator('tr[data-status="cancelled"]').filter({ hasText: 'BMW' });
  await expect(bmw).toHaveCount(1);
  expect(await page.goto('/companies/no-such-company').then((r) => r?.status())).toBe(404);
});

for (const path of ['/plants?region=hauts-de-france', '/companies/stellantis?attribution=equity', '/offtakes', '/compare?item=region:hauts-de-france&item=company:verkor']) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
