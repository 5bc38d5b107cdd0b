import { expect, test } from '@playwright/test';

test('health answers with the database and migration state', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body.database).toMatchObject({ ok: true, migrations: { failed: 0, pending: [] } });
});

test('the dashboard shows Europe’s seeded totals, server-rendered from the database', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /battery-cell capacity/i })).toBeVisible();
  const card = (metric: string) => page.locator(`[data-metric="${metric}"] .value`);
  const gwh = async (metric: string) => Number((await card(metric).innerText()).replace(/[^\d.]/g, ''));
  await expect(card('operational-now')).toHaveText(/^\d[\d,.]* GWh\/yr$/);
  const operational = await gwh('operational-now');
  const announced = await gwh('announced-2030');
  const risk = await gwh('risk-weighted-2030');
  expect(operational).toBeGreaterThan(100);
  expect(announced).toBeGreaterThan(operational);
  expect(risk).toBeLessThanOrEqual(announced);
  expect(risk).toBeGreaterThanOrEqual(operational);
  await expect(page.locator('span[data-status="operational"]')).toHaveText(/^[1-9]\d*$/);
  // The EV equivalent states its assumption.
  await expect(page.getByText(/cars a year at 59 kWh each/).first()).toBeVisible();
});

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /back to the overview/i })).toBeVisible();
});

test('an unknown region or plant answers 404', async ({ request }) => {
  expect((await request.get('/regions/atlantis')).status()).toBe(404);
  expect((await request.get('/plants/no-such-plant')).status()).toBe(404);
  expect((await request.get('/regions/%3Cscript%3E')).status()).toBe(404);
});
