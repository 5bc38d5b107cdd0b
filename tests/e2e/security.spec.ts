// Security headers as a browser receives them, and pages that still work under their policies:
// public pages (prerendered or from the shared page cache) carry one strict documented policy,
// admin pages a per-request nonce policy, chart embeds may be framed and nothing else may.
import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN } from './admin-credentials';

const PUBLIC_PAGES = ['/', '/plants?status=operational', '/regions/hauts-de-france', '/about', '/methodology', '/companies', '/offtakes'];

function directives(policy: string | undefined): Map<string, string> {
  expect(policy, 'Content-Security-Policy header').toBeTruthy();
  return new Map(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

/** Collects CSP violations the page reports (console and securitypolicyviolation events). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to execute (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

test('every response carries nosniff, a referrer and permissions policy, and HSTS in production', async ({ request }) => {
  for (const path of [...PUBLIC_PAGES, '/api/v1/plants?limit=1', '/api/health', '/embed/capacity', '/admin/sign-in', '/no-such-page']) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\)/);
    expect(headers['strict-transport-security'], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  }
});

test('public pages: a strict policy, no framing, and no copy kept by browsers or CDNs for cached pages', async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = directives(headers['content-security-policy']);
    expect(csp.get('default-src'), path).toBe("'self'");
    expect(csp.get('script-src'), path).toBe("'self' 'unsafe-inline'");
    expect(csp.get('object-src'), path).toBe("'none'");
    expect(csp.get('base-uri'), path).toBe("'self'");
    expect(csp.get('form-action'), path).toBe("'self'");
    expect(csp.get('frame-ancestors'), path).toBe("'none'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['cache-control'] ?? '', path).not.toMatch(/s-maxage|public/);
  }
});

test('chart embeds may be framed by other sites; nothing else may', async ({ request }) => {
  const headers = (await request.get('/embed/capacity')).headers();
  expect(directives(headers['content-security-policy']).get('frame-ancestors')).toBe('*');
  expect(headers['x-frame-options']).toBeUndefined();
});

test('admin pages get a fresh nonce per request, on every script they emit', async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/admin/sign-in');
    const csp = directives(response.headers()['content-security-policy']);
    const match = csp.get('script-src')!.match(/^'self' 'nonce-([A-Za-z0-9+/=]{20,})' 'strict-dynamic'$/);
    expect(match, csp.get('script-src')).not.toBeNull();
    expect(csp.get('frame-ancestors')).toBe("'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${match![1]}"`);
    nonces.push(match![1]);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('pages run under their policies: no violation, and their scripts work', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  // The charts are client islands loaded after first paint: they appear only if scripts ran.
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await page.goto('/plants?status=operational');
  await expect(page.getByRole('heading', { level: 1, name: 'Plant explorer' })).toBeVisible();
  await page.goto('/embed/capacity');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  const signIn = page.waitForResponse((r) => r.url().includes('/api/auth/') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const cookies = (await (await signIn).headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
  await expect(page).toHaveURL(/\/admin$/);
  expect(violations).toEqual([]);

  // The session cookie is out of reach of scripts and not sent on cross-site requests.
  const session = cookies.find((c) => /session_token=/.test(c));
  expect(session, cookies.join('\n')).toBeTruthy();
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  expect(session).toMatch(/;\s*Path=\//i);
});
