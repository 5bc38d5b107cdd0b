// Sign-in through better-auth's HTTP handler (what the sign-in page posts to): rate limits whose
// state lives in PostgreSQL, so a second app instance on the same database sees the same count;
// cookie attributes; sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createAuth } from '@/lib/auth/auth';
import { createPrismaClient, db } from '@/lib/db/client';
import { as, createTestUser, TEST_ORIGIN, type TestUser } from '../support/auth';
import { getActor } from '@/lib/auth/session';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase();
const SECRET = 'rate-limit-test-secret-0123456789abcdef';
let secondClient: PrismaClient;
let user: TestUser;

beforeAll(async () => {
  secondClient = createPrismaClient(t.url, 2);
  user = await createTestUser('editor');
});
afterAll(async () => {
  await secondClient.$disconnect();
});

type Instance = ReturnType<typeof createAuth>;
const instance = (prisma: PrismaClient, extra: Partial<Parameters<typeof createAuth>[0]> = {}): Instance =>
  createAuth({ prisma, secret: SECRET, baseURL: TEST_ORIGIN, secureCookies: false, ...extra });

function signInRequest(app: Instance, body: { email: string; password: string }, ip: string): Promise<Response> {
  return app.handler(new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  }));
}

describe('sign-in rate limit per client address', () => {
  it('answers 429 after 5 attempts a minute, counted in the database across two instances', async () => {
    const a = instance(db());
    const b = instance(secondClient);
    const wrong = { email: user.email, password: 'not-the-password-at-all' };
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a]) statuses.push((await signInRequest(app, wrong, '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await signInRequest(b, { email: user.email, password: user.password }, '203.0.113.7');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('x-retry-after'))).toBeGreaterThan(0);
    expect((await signInRequest(a, wrong, '203.0.113.7')).status).toBe(429);
    const rows = await t.query<{ key: string; count: number }>(`SELECT key, count FROM rate_limit WHERE key LIKE '%203.0.113.7%'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(5);
    // Another address is not affected.
    expect((await signInRequest(a, { email: user.email, password: user.password }, '198.51.100.20')).status).toBe(200);
  });
});

describe('sign-in rate limit per account', () => {
  it('locks an account after its limit whatever the address, also on a second instance', async () => {
    const limits = { perAccount: { windowSeconds: 600, max: 3 } };
    const a = instance(db(), { limits });
    const b = instance(secondClient, { limits });
    const target = await createTestUser('viewer');
    const wrong = { email: target.email.toUpperCase(), password: 'guess-guess-guess' };
    const statuses = [];
    for (const [i, app] of [a, b, a].entries()) statuses.push((await signInRequest(app, wrong, `192.0.2.${10 + i}`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const locked = await signInRequest(b, { email: target.email, password: target.password }, '192.0.2.99');
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(/Too many sign-in attempts for this account/);
    expect(await t.query(`SELECT count FROM rate_limit WHERE key = $1`, [`account|${target.email}`])).toEqual([{ count: 4 }]);
    // Someone else's account still signs in.
    const other = await createTestUser('viewer');
    expect((await signInRequest(a, { email: other.email, password: other.password }, '192.0.2.98')).status).toBe(200);
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, Secure with the __Secure- prefix when configured for production', async () => {
    const plain = await signInRequest(instance(db()), { email: user.email, password: user.password }, '198.51.100.30');
    const cookie = plain.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    const secure = await signInRequest(instance(db(), { secureCookies: true }), { email: user.email, password: user.password }, '198.51.100.31');
    const secureCookie = secure.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(secureCookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(secureCookie).toMatch(/; Secure/i);
  });

  it('stores the session in PostgreSQL and sign-out deletes it', async () => {
    const app = instance(db());
    const response = await signInRequest(app, { email: user.email, password: user.password }, '198.51.100.40');
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /session_token=([^.;]+)/.exec(cookie)![1]!;
    expect(await t.query('SELECT user_id FROM auth_session WHERE token = $1', [token])).toEqual([{ user_id: user.id }]);
    const out = await app.handler(new Request(`${TEST_ORIGIN}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: TEST_ORIGIN, 'x-forwarded-for': '198.51.100.40' } }));
    expect(out.status).toBe(200);
    expect(await t.query('SELECT user_id FROM auth_session WHERE token = $1', [token])).toEqual([]);
    expect(await as(new Headers({ cookie }), getActor)).toBeNull();
  });

  it('refuses sign-up: accounts are created by admins only', async () => {
    const response = await instance(db()).handler(new Request(`${TEST_ORIGIN}/api/auth/sign-up/email`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-forwarded-for': '198.51.100.50' },
      body: JSON.stringify({ email: 'intruder@example.org', password: 'a-long-enough-password', name: 'Intruder' }),
    }));
    expect(response.status).toBe(404);
    expect(await t.query(`SELECT id FROM app_user WHERE email = 'intruder@example.org'`)).toEqual([]);
  });

  it('refuses a common new password on change-password', async () => {
    const app = instance(db());
    const someone = await createTestUser('viewer');
    const response = await signInRequest(app, { email: someone.email, password: someone.password }, '198.51.100.60');
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const change = await app.handler(new Request(`${TEST_ORIGIN}/api/auth/change-password`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: TEST_ORIGIN, 'x-forwarded-for': '198.51.100.60' },
      body: JSON.stringify({ currentPassword: someone.password, newPassword: 'qwerty123456' }),
    }));
    expect(change.status).toBe(400);
    expect(((await change.json()) as { message: string }).message).toMatch(/too common/);
  });
});
