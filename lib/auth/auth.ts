// better-auth, configured once for the app (auth()) and buildable on any Prisma client
// (createAuth) so tests can run two "instances" on one database. Decisions and settings:
// docs/decisions/003-admin-auth.md.
import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import type { PrismaClient } from '../generated/prisma/client';
import { db } from '../db/client';
import { consumeSignInLimit, type LimitRule } from '../db/admin/consume-sign-in-limit';
import { ConfigError, readEnv } from '../env';
import { hashPassword, verifyPassword } from './password-hash';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';

/** A session lasts 12 hours from sign-in (a working day), never extended: sign in again after. */
export const SESSION_SECONDS = 12 * 60 * 60;
/** Per client address (better-auth's limiter, state in rate_limit): 5 sign-in requests a minute. */
export const SIGN_IN_LIMIT_PER_ADDRESS: LimitRule = { windowSeconds: 60, max: 5 };
/** Per account, whatever the address (ours, same table): 10 sign-in attempts per 15 minutes. */
export const SIGN_IN_LIMIT_PER_ACCOUNT: LimitRule = { windowSeconds: 15 * 60, max: 10 };

export interface AuthOptions {
  prisma: PrismaClient;
  secret: string;
  /** The public origin; inferred from each request when undefined. */
  baseURL?: string;
  /** Secure cookies (and the __Secure- prefix). */
  secureCookies: boolean;
  limits?: { perAddress?: LimitRule; perAccount?: LimitRule };
}

// Endpoints we don't offer: accounts are created by admins (lib/db/admin/users), there is no
// email delivery for resets or verification, and no social sign-in.
const DISABLED_PATHS = [
  '/sign-up/email', '/update-user', '/delete-user', '/delete-user/callback', '/change-email',
  '/request-password-reset', '/reset-password', '/reset-password/:token', '/verify-email',
  '/send-verification-email', '/sign-in/social', '/callback/:id', '/link-social', '/unlink-account',
  '/list-accounts', '/account-info', '/get-access-token', '/refresh-token', '/update-session',
];

export function createAuth(options: AuthOptions) {
  const perAddress = options.limits?.perAddress ?? SIGN_IN_LIMIT_PER_ADDRESS;
  const perAccount = options.limits?.perAccount ?? SIGN_IN_LIMIT_PER_ACCOUNT;
  return betterAuth({
    appName: 'Voltrack',
    secret: options.secret,
    baseURL: options.baseURL,
    database: prismaAdapter(options.prisma, { provider: 'postgresql', transaction: true }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        role: { type: ['admin', 'editor', 'viewer'], required: false, defaultValue: 'viewer', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_SECONDS,
      disableSessionRefresh: true,
      // No cookie cache: every request reads the session row, so revoking it takes effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/*': { window: perAddress.windowSeconds, max: perAddress.max },
        '/change-password': { window: perAddress.windowSeconds, max: perAddress.max },
      },
    },
    advanced: {
      useSecureCookies: options.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies },
    },
    disabledPaths: DISABLED_PATHS,
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email.trim().toLowerCase() : '';
          // No address holds control characters, and PostgreSQL cannot store NUL in the limiter's key.
          if (/[\u0000-\u001f\u007f]/.test(email)) {
            throw new APIError('BAD_REQUEST', { code: 'INVALID_EMAIL', message: 'Invalid email' });
          }
          const decision = await consumeSignInLimit(options.prisma, `account|${email}`, perAccount);
          if (!decision.allowed) {
            throw new APIError('TOO_MANY_REQUESTS', {
              code: 'TOO_MANY_ATTEMPTS',
              message: `Too many sign-in attempts for this account. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minute(s).`,
            }, { 'X-Retry-After': String(decision.retryAfterSeconds) });
          }
        }
        if (ctx.path === '/change-password') {
          const problem = typeof ctx.body?.newPassword === 'string' ? passwordProblem(ctx.body.newPassword) : 'A new password is required.';
          if (problem) throw new APIError('BAD_REQUEST', { code: 'WEAK_PASSWORD', message: problem });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            const user = await ctx?.context.internalAdapter.findUserById(session.userId);
            if (!user || (user as { disabled?: boolean }).disabled) {
              throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled. Ask an admin.' });
            }
          },
        },
      },
    },
    onAPIError: {
      // Refusals (wrong password, rate limit, weak password) are answers, not faults: only
      // unexpected errors are logged as errors.
      onError: (error) => {
        // Client errors (bad JSON, wrong content type, …) are the client's: answered, not logged.
        // better-call reports them with a status name and/or a numeric statusCode.
        const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
        if (typeof status === 'string' && status !== 'INTERNAL_SERVER_ERROR') return;
        if (typeof statusCode === 'number' && statusCode < 500) return;
        console.error('[auth] unexpected error', error);
      },
    },
    logger: {
      level: 'warn',
      log: (level, message) => {
        // better-auth reports failed sign-ins as warnings; keep them out of test noise but visible in logs.
        if (level === 'error') console.error(`[auth] ${message}`);
        else if (level === 'warn' && process.env.NODE_ENV !== 'test') console.warn(`[auth] ${message}`);
      },
    },
    // Must stay last: lets server actions set and clear the session cookie.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { voltrackAuth?: { client: PrismaClient; auth: Auth } };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The app's auth instance, on the shared Prisma client (rebuilt when that client is replaced). */
export function auth(): Auth {
  const client = db();
  if (holder.voltrackAuth?.client === client) return holder.voltrackAuth.auth;
  const env = readEnv();
  if (!env.BETTER_AUTH_SECRET) {
    throw new ConfigError('configuration: BETTER_AUTH_SECRET is not set (npm start sets one for the embedded database; otherwise: openssl rand -hex 32)');
  }
  const url = env.BETTER_AUTH_URL ? new URL(env.BETTER_AUTH_URL) : undefined;
  const production = env.NODE_ENV === 'production';
  if (production && url && url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
    throw new ConfigError('configuration: BETTER_AUTH_URL must be https:// in production (session cookies are Secure)');
  }
  // Secure cookies in production, except on a loopback http:// origin (npm start, the e2e tests),
  // where browsers would refuse them.
  const secureCookies = production && !(url && url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  const instance = createAuth({ prisma: client, secret: env.BETTER_AUTH_SECRET, baseURL: url?.origin, secureCookies });
  holder.voltrackAuth = { client, auth: instance };
  return instance;
}
