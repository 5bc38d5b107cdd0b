// Who is calling: the better-auth session behind the request's cookie, read fresh from the
// database on every call (no cookie cache), so a revoked session or a disabled user stops at once.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { headers as nextHeaders } from 'next/headers';
import { AppError, databaseUnavailable, isDatabaseUnavailable } from '../errors';
import { auth } from './auth';
import { type Role, ROLES, roleAtLeast } from './roles';

export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

// The one seam for code that runs outside a Next.js request (tests, CLIs): it supplies the
// request *headers*, not an actor. The session token in them is still checked against the
// database, so this cannot be used to skip authentication.
const requestHeaders = new AsyncLocalStorage<Headers>();

/** Runs `fn` as if it were handling a request with these headers (e.g. a session cookie). */
export function runWithRequestHeaders<T>(headers: Headers, fn: () => Promise<T>): Promise<T> {
  return requestHeaders.run(headers, fn);
}

async function currentHeaders(): Promise<Headers> {
  const supplied = requestHeaders.getStore();
  if (supplied) return supplied;
  return new Headers(await nextHeaders());
}

/** The signed-in, enabled user, or null. */
export async function getActor(): Promise<Actor | null> {
  const session = await auth().api.getSession({ headers: await currentHeaders() }).catch((error: unknown) => {
    // better-auth wraps a database fault as its own 500; every mutation starts here, so a form
    // posted while the database is away says so (the data layer's `unavailable`) instead of failing.
    throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
  });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; disabled?: boolean };
  if (user.disabled) return null;
  const role = ROLES.find((r) => r === user.role);
  if (!role) return null;
  return { userId: user.id, name: user.name, email: user.email, role };
}

/**
 * The gate every data-layer mutation and admin read calls first. Throws `unauthorized` without
 * a valid session and `forbidden` when the role is too low.
 */
export async function requireRole(required: Role): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError('unauthorized', 'Sign in to continue.');
  if (!roleAtLeast(actor.role, required)) {
    throw new AppError('forbidden', `This needs the ${required} role; you are signed in as ${actor.role}.`);
  }
  return actor;
}
