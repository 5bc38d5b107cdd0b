import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';
import { adminContentSecurityPolicy } from './lib/http/security-headers.mjs';
import { cachedPathFor } from './lib/page-cache/routes';
import { todayIso } from './lib/validation/capacity';

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

  // Public pages served from the shared page cache (lib/page-cache): the query and today's date
  // become part of the cached path.
  if (request.method === 'GET' || request.method === 'HEAD') {
    const target = cachedPathFor(pathname, searchParams, todayIso());
    if (target) return NextResponse.rewrite(new URL(target, request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ['/', '/regions/:slug', '/plants', '/admin', '/admin/:path*'] };
