// Security headers, in one place: next.config.js sends them with every response, and proxy.ts
// replaces the Content-Security-Policy of admin pages with a per-request nonce policy.
// Plain JavaScript (with types in the .d.mts twin) because next.config.js imports it.

/**
 * The policy of public pages. They are prerendered or served from the shared page cache
 * (docs/decisions/005-page-cache.md), so their HTML cannot carry a per-request nonce: Next.js's
 * inline bootstrap scripts are allowed with 'unsafe-inline', and everything else is locked to
 * this origin — no third-party script, frame, form target, plugin or base URL. Public pages show
 * no session-bound data, and React escapes every stored value.
 */
export function publicContentSecurityPolicy({ frameable = false } = {}) {
  // Only the chart embeds may be framed, by any site; everything else by none.
  return contentSecurityPolicy("'self' 'unsafe-inline'", frameable ? '*' : "'none'");
}

/**
 * The policy of admin pages (rendered per request, behind a session): scripts only with this
 * request's nonce ('strict-dynamic' lets them load the app's chunks), never framed.
 */
export function adminContentSecurityPolicy(nonce) {
  return contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, "'none'");
}

/** The one policy both kinds of page share; they differ in where scripts and frames may come from. */
function contentSecurityPolicy(scriptSources, frameAncestors) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Headers every response carries (next.config.js `headers()`). */
export function baseSecurityHeaders({ production }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Browsers only honour HSTS over HTTPS; behind a TLS proxy this pins the site to it.
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/** next.config.js `headers()`: base headers everywhere, the public policy outside /admin and /embed. */
export function securityHeaderRules({ production }) {
  return [
    { source: '/:path*', headers: baseSecurityHeaders({ production }) },
    {
      source: '/:path((?!admin(?:/|$)|embed(?:/|$)).*)',
      headers: [
        { key: 'Content-Security-Policy', value: publicContentSecurityPolicy() },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    },
    { source: '/embed/:path*', headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy({ frameable: true }) }] },
  ];
}
