import type { PoolConfig } from 'pg';

/**
 * pg pool settings from a connection URL. Every connection attempt times out, so an
 * unreachable database fails fast instead of hanging a request.
 */
export function poolConfigFromUrl(url: string, overrides: Partial<PoolConfig> = {}): PoolConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${parsed.protocol}")`);
  }
  return {
    host: decodeURIComponent(parsed.hostname) || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined,
    ssl: sslFrom(parsed.searchParams.get('sslmode')),
    connectionTimeoutMillis: 5_000,
    // Keepalive notices a dead peer on idle connections. The app's pool also sets query_timeout
    // (DATABASE_QUERY_TIMEOUT_MS, lib/db/client.ts) so a stalled database cannot hang a request;
    // tools (migrations, DROP DATABASE) keep waiting.
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    max: 10,
    ...overrides,
  };
}

function sslFrom(mode: string | null): PoolConfig['ssl'] {
  if (!mode || mode === 'disable' || mode === 'allow' || mode === 'prefer') return undefined;
  if (mode === 'no-verify') return { rejectUnauthorized: false };
  return { rejectUnauthorized: mode === 'verify-full' || mode === 'verify-ca' };
}
