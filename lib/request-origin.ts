import 'server-only';
import { headers } from 'next/headers';

/** The site's origin as the visitor reached it (behind a proxy: X-Forwarded-*). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? 'http' : 'https');
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}
