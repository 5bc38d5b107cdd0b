// Comfort only: sends visitors without a session cookie from /admin to the sign-in page. It does
// not check the cookie, and it is not the gate — every admin page and data-layer function checks
// the session and role itself (Next.js data-security guide; CVE-2025-29927).
import { getSessionCookie } from 'better-auth/cookies';
import { type NextRequest, NextResponse } from 'next/server';

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === '/admin/sign-in' || getSessionCookie(request)) return NextResponse.next();
  return NextResponse.redirect(new URL('/admin/sign-in', request.url));
}

export const config = { matcher: ['/admin', '/admin/((?!sign-in).*)'] };
