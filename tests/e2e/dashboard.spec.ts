import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

const metric = (page: Page, name: string) => page.locator(`[data-metric="${name}"] .value`);
const figure = (page: Page, id: string) => page.locator(`figure[aria-labelledby="${id}-title"]`);

/** The table twin's cells as text, header row first. */
async function tableText(page: Page, id: string): Promise<string[][]> {
  const fig = figure(page, id);
  return fig.locator('table tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').replace('–no data', '').trim())));
}

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' });

async function seriesHeaders(page: Page, id: string) {
  return (await tableText(page, id))[0]!.slice(1);
}

test('a visitor changes grouping, scenario and as-of date; the URL keeps the view', async ({ page }) => {
  await page.goto('/');
  await page.locator('select[name=group]').selectOption('country');
  await expect(page).toHaveURL(/group=country/);
  await page.locator('select[name=scenario]').selectOption('risk_weighted');
  await expect(page).toHaveURL(/scenario=risk_weighted/);
  await page.locator('input[name=asOf]').fill('2024-06-30');
  await page.locator('input[name=asOf]').dispatchEvent('change');
  await expect(page).toHaveURL(/asOf=2024-06-30/);

  await expect(figure(page, 'capacity').getByRole('heading')).toContainText('by country');
  await expect(page.locator('[data-metric="operational-now"]')).toContainText('Operational capacity, 2024');
  const headers = await seriesHeaders(page, 'capacity');
  expect(headers).toContain('Poland');
  const before = await tableText(page, 'capacity');
  const risk = await metric(page, 'risk-weighted-2030').innerText();

  await page.reload();
  expect(await tableText(page, 'capacity')).toEqual(before);
  await expect(metric(page, 'risk-weighted-2030')).toHaveText(risk);
  await expect(page.locator('select[name=group]')).toHaveValue('country');
  await expect(page.locator('select[name=scenario]')).toHaveValue('risk_weighted');

  // The chart itself draws after the first paint, with the same series as the table.
  await expect(figure(page, 'capacity').locator('svg.recharts-surface')).toBeVisible();
});

test('a choice made before the page’s scripts have run is applied once they do', async ({ page }) => {
  // Hold the scripts back: the server-rendered form is usable before the page hydrates.
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/_next/static/**/*.js', async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.locator('select[name=group]').selectOption('country');
  await expect(page).toHaveURL(/\/$/);
  release();
  await expect(page).toHaveURL(/group=country/);
  await expect(figure(page, 'capacity').getByRole('heading')).toContainText('by country');
});

test('an earlier as-of date shows the 2030 pipeline as it stood then', async ({ page }) => {
  await page.goto('/');
  const announced = async () => Number((await metric(page, 'announced-2030').innerText()).replace(/[^\d.]/g, ''));
  const now = await announced();
  await page.goto('/?asOf=2021-01-01');
  const then = await announced();
  expect(then).not.toBe(now);
  await expect(page.getByRole('heading', { name: /Headline figures, as known on 2021-01-01/ })).toBeVisible();
});

test('risk weights are visible, changeable and carried in the link', async ({ page }) => {
  await page.goto('/?scenario=risk_weighted');
  const value = async () => metric(page, 'risk-weighted-2030').innerText();
  const before = await value();
  await page.getByLabel('Announced', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/w_an=1/);
  await expect(page.locator('[data-metric="risk-weighted-2030"]')).toContainText('announced 1,');
  expect(await value()).not.toBe(before);
});

test('a bad link parameter shows the default view with a notice, not an error', async ({ page }) => {
  const response = await page.goto('/?group=planets&asOf=yesterday&year=3000');
  expect(response?.status()).toBe(200);
  await expect(page.locator('.notice[role=status]')).toContainText('Ignored group=“planets”');
  await expect(page.locator('select[name=group]')).toHaveValue('macro');
});

test('CSV download equals the table; PNG and SVG downloads are valid images', async ({ page }) => {
  await page.goto('/?group=country');
  const fig = figure(page, 'capacity');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), fig.getByRole('link', { name: /Download CSV/ }).click()]);
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/).map((l) => l.split(','));
  const table = await tableText(page, 'capacity');
  // Same rows and series; the CSV keeps full precision where the table shows one decimal.
  expect(lines.length).toBe(table.length);
  expect(lines[0]![0]).toBe('Year');
  expect(lines[0]!.slice(1).map((h) => h.replace(/^"|"$/g, '').replace(/ \(GWh per year\)$/, ''))).toEqual(table[0]!.slice(1, lines[0]!.length));
  for (let i = 1; i < lines.length; i++) {
    expect(lines[i]![0]).toBe(table[i]![0]);
    lines[i]!.slice(1).forEach((cell, j) => {
      // The table shows the CSV's number at one decimal, formatted as the site formats it.
      expect(cell === '' ? '' : oneDecimal.format(Number(cell))).toBe(table[i]![j + 1]);
    });
  }

  await expect(fig.locator('svg.recharts-surface')).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /Download PNG/ }).click()]);
  const pngBytes = readFileSync(await png.path());
  expect(pngBytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(pngBytes.length).toBeGreaterThan(5_000);
  const [svg] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: /Download SVG/ }).click()]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  expect(svgText).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length };
  }, svgText);
  expect(parsed).toEqual({ root: 'svg', error: 0 });
});

test('the map shows every plant with coordinates, each linking to its page', async ({ page }) => {
  // The curated dataset, one file per country (prisma/seed/data/README.md).
  const dir = path.join(process.cwd(), 'prisma/seed/data/plants');
  const seed = readdirSync(dir).filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { slug: string; lat: number | null; statusHistory: { effectiveOn: string }[] }[]);
  const today = new Date().toISOString().slice(0, 10);
  const expected = seed.filter((p) => p.lat !== null && p.statusHistory.some((e) => e.effectiveOn <= today)).map((p) => p.slug).sort();
  await page.goto('/');
  const links = page.locator('figure svg a[href^="/plants/"]');
  const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace('/plants/', '')))).sort();
  expect(hrefs).toEqual(expected);
  const verkor = page.locator('figure svg a[href="/plants/verkor-dunkirk"]');
  await expect(verkor).toHaveAttribute('aria-label', /Verkor/);
  await verkor.focus();
  // Keyboard focus shows the marker's name beside it (one label for the map, MapTooltip).
  const label = page.locator('figure div[aria-hidden="true"]', { hasText: await verkor.getAttribute('aria-label') ?? 'Verkor' });
  await expect(label).toBeVisible();
  const [dot, box] = await Promise.all([verkor.locator('circle').boundingBox(), label.boundingBox()]);
  expect(Math.abs(box!.x + box!.width / 2 - (dot!.x + dot!.width / 2))).toBeLessThan(box!.width / 2 + 1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plants\/verkor-dunkirk$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verkor');
});

test('Hauts-de-France: its five plants and their path to 2030, the same figure as the capacity API', async ({ page, request }) => {
  await page.goto('/regions/hauts-de-france');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hauts-de-France');
  const plants = page.locator('#plants ~ div table tbody th a, section[aria-labelledby="plants"] tbody th a');
  const names = await plants.allInnerTexts();
  for (const name of [/Verkor/, /ACC/, /AESC/, /ProLogium/, /Tiamat/]) expect(names.some((n) => name.test(n))).toBe(true);
  expect(names).toHaveLength(5);
  // No regional claim is shown without a page that states it (none is held for this region).
  await expect(page.getByRole('complementary', { name: /Press claim/ })).toHaveCount(0);
  const api = await (await request.get('/api/v1/capacity?region=hauts-de-france&fromYear=2030&toYear=2030')).json() as { data: { gwh: number }[] };
  const expected = `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(api.data[0]!.gwh)} GWh/yr`;
  await expect(metric(page, 'announced-2030')).toHaveText(expected);
});

for (const url of ['/', '/regions/hauts-de-france', '/methodology', '/plants/verkor-dunkirk']) {
  test(`no serious accessibility violations on ${url}`, async ({ page }) => {
    await page.goto(url);
    // Charts draw after the first paint: check them drawn, not their placeholders.
    for (const chart of await page.locator('[id$="-chart"][role="img"]').all()) {
      await expect(chart.locator('svg.recharts-surface')).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test('the dashboard works at phone width without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the chart-only embed shows one chart without site chrome, linking back to the full view', async ({ page }) => {
  await page.goto('/regions/hauts-de-france?scenario=risk_weighted');
  const code = await page.locator('details').filter({ hasText: 'Embed this chart' }).locator('textarea').inputValue();
  const src = /src="([^"]+)"/.exec(code)![1]!;
  expect(src).toMatch(/\/embed\/capacity\?.*region=hauts-de-france/);
  expect(src).toContain('scenario=risk_weighted');
  await page.goto(src);
  await expect(page.locator('header.site-header')).toHaveCount(0);
  await expect(page.locator('figure')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Hauts-de-France');
  await expect(page.getByRole('link', { name: 'Source: Voltrack' })).toHaveAttribute('href', /^\/regions\/hauts-de-france\?.*scenario=risk_weighted/);
  expect((await page.request.get('/embed/capacity?region=atlantis')).status()).toBe(404);
});
