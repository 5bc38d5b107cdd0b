import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';
import { adminContentSecurityPolicy } from './lib/http/security-headers.mjs';
import { cachedPathFor } from './lib/page-cache/routes';

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  // Comfort only: sends visitors without a session cookie from /admin to the sign-in page. It
  // does not check the cookie, and it is not the gate — every admin page and data-layer function
  // checks the session and role itself (Next.js data-security guide; CVE-2025-29927).
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    if (pathname !== '/admin/sign-in' && !getSessionCookie(request)) {
      return NextResponse.redirect(new URL('/admin/sign-in', request.url));
    }
    // Admin pages render per request, so their scripts carry a fresh nonce: Next.js reads it from
    // the request's Content-Security-Policy header and puts it on every script it emits.
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
    const policy = adminContentSecurityPolicy(nonce);
    const headers = new Headers(request.headers);
    headers.set('Content-Security-Policy', policy);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set('Content-Security-Policy', policy);
    response.headers.set('X-Frame-Options', 'DENY');
    return response;
  }

  // Public pages served from the shared page cache (lib/page-cache): the query becomes part of
  // the cached path. (Their default views skip this: next.config.js rewrites them.)
  if (request.method === 'GET' || request.method === 'HEAD') {
    const target = cachedPathFor(pathname, searchParams);
    if (target) return NextResponse.rewrite(new URL(target, request.url));
  }
  return NextResponse.next();
}

// Next.js reads the matcher at build time, so it must be written out: `/` and `/regions/{slug}`
// only when a view parameter is present — DASHBOARD_VIEW_PARAMS (lib/page-cache/view-params.mjs);
// tests/unit/page-cache-routes.test.ts checks the two lists agree.
export const config = {
  matcher: [
    { source: '/', has: [{ type: 'query', key: 'group' }] },
    { source: '/', has: [{ type: 'query', key: 'scenario' }] },
    { source: '/', has: [{ type: 'query', key: 'asOf' }] },
    { source: '/', has: [{ type: 'query', key: 'year' }] },
    { source: '/', has: [{ type: 'query', key: 'w_op' }] },
    { source: '/', has: [{ type: 'query', key: 'w_uc' }] },
    { source: '/', has: [{ type: 'query', key: 'w_an' }] },
    { source: '/', has: [{ type: 'query', key: 'w_pa' }] },
    { source: '/', has: [{ type: 'query', key: 'pack' }] },
    { source: '/', has: [{ type: 'query', key: 'longTerm' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'group' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'scenario' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'asOf' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'year' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'w_op' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'w_uc' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'w_an' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'w_pa' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'pack' }] },
    { source: '/regions/:slug', has: [{ type: 'query', key: 'longTerm' }] },
    '/plants',
    '/admin',
    '/admin/:path*',
  ],
};
