import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the overview shows Europe’s seeded totals, server-rendered from the database', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).database.ok).toBe(true);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /battery-cell capacity/i })).toBeVisible();
  const operational = page.locator('.card').filter({ hasText: 'Operational capacity' }).locator('.value');
  await expect(operational).toHaveText(/^\d[\d,.]* GWh$/);
  const operationalGwh = Number((await operational.innerText()).replace(/[^\d.]/g, ''));
  expect(operationalGwh).toBeGreaterThan(100);
  const announced = Number((await page.locator('.card').filter({ hasText: 'Announced for 2030' }).locator('.value').innerText()).replace(/[^\d.]/g, ''));
  expect(announced).toBeGreaterThan(operationalGwh);
  await expect(page.locator('td[data-status="operational"]')).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByRole('row', { name: /France/ })).toBeVisible();
});

test('the overview has no serious accessibility violations', async ({ page }) => {
  await page.goto('/');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /back to the overview/i })).toBeVisible();
});
