// @ts-check
import { fileURLToPath } from 'node:url';
import { securityHeaderRules } from './lib/http/security-headers.mjs';
import { defaultViewRewrites } from './lib/page-cache/view-params.mjs';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `npm start` runs `next start`, which doesn't use it.
  output: process.env.NEXT_OUTPUT_STANDALONE === '1' ? 'standalone' : undefined,
  // A separate build folder lets several dev servers or builds share one checkout (NEXT_DIST_DIR=.next-x).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Next.js hashes every HTML response for an ETag (≈1 ms per request for the dashboard, measured
  // with --cpu-prof under load). Cached pages change only with the data version, and their
  // Cache-Control is no-cache, so the hash buys little: a browser refetches a page it revisits.
  generateEtags: false,
  // Rendered public pages live in PostgreSQL, shared by all instances and invalidated by the data
  // version (lib/page-cache/handler.mjs); no per-process memory copy that could go stale.
  cacheHandler: fileURLToPath(new URL('./lib/page-cache/handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  reactStrictMode: true,
  // CSP, frame, referrer, permissions and HSTS headers (lib/http/security-headers.mjs); admin
  // pages get a per-request nonce policy from proxy.ts instead.
  async headers() {
    return securityHeaderRules({ production: process.env.NODE_ENV === 'production' });
  },
  // The default dashboard and region views go to their cached twins without middleware
  // (lib/page-cache/routes.ts explains the two ways in).
  async rewrites() {
    return { beforeFiles: defaultViewRewrites(), afterFiles: [], fallback: [] };
  },
  experimental: {
    // Bulk CSV imports (admin) go through a server action; a 10,000-row file is ~2 MB.
    serverActions: { bodySizeLimit: '8mb' },
  },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pino'],
};

export default nextConfig;
