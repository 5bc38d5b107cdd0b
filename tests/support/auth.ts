// Real sign-ins for integration tests: users are written with the CLI's function, sessions come
// from better-auth's own sign-in, and data-layer calls run with that session's cookie through
// runWithRequestHeaders (the same check a browser request goes through).
import { randomBytes } from 'node:crypto';
import { createAdminFromCli } from '@/lib/db/admin/create-admin-from-cli';
import { db } from '@/lib/db/client';
import { auth } from '@/lib/auth/auth';
import type { Role } from '@/lib/auth/roles';
import { runWithRequestHeaders } from '@/lib/auth/session';

export const TEST_ORIGIN = 'http://localhost:3000';
process.env.BETTER_AUTH_SECRET ??= 'test-secret-0123456789abcdef0123456789abcdef';
process.env.BETTER_AUTH_URL ??= TEST_ORIGIN;

export interface TestUser { id: string; email: string; password: string; role: Role; name: string }

export async function createTestUser(role: Role, name = `${role} tester`): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const { id } = await createAdminFromCli(db(), { email, name, password, role });
  return { id, email, password, role, name };
}

/** Signs in through better-auth and returns request headers carrying the session cookie. */
export async function signIn(user: { email: string; password: string }): Promise<Headers> {
  const { headers } = await auth().api.signInEmail({ body: { email: user.email, password: user.password }, returnHeaders: true });
  return cookieHeaders(headers);
}

export function cookieHeaders(responseHeaders: Headers): Headers {
  const cookies = responseHeaders.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  if (!cookies) throw new Error('sign-in set no cookie');
  return new Headers({ cookie: cookies, origin: TEST_ORIGIN });
}

/** Runs `fn` as the signed-in user whose cookie is in `headers` (or anonymously with none). */
export function as<T>(headers: Headers | null, fn: () => Promise<T>): Promise<T> {
  return runWithRequestHeaders(headers ?? new Headers(), fn);
}
