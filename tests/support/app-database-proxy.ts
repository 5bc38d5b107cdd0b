// Runs a fault test with the app's own data layer (lib/db) connected through a TCP proxy
// (tcp-proxy.ts), then points it back at the test database whatever happened. Separate from
// tcp-proxy.ts, which the browser tests use without the data layer.
import { disconnectDb } from '@/lib/db/client';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export async function withAppDatabaseThroughProxy(
  targetUrl: string,
  test: (proxy: TcpProxy) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const proxy = await startTcpProxy(targetUrl);
  const saved = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = proxy.url;
  Object.assign(process.env, env);
  try {
    await test(proxy);
  } finally {
    await disconnectDb();
    for (const name of Object.keys(env)) delete process.env[name];
    process.env.DATABASE_URL = saved;
    await proxy.close();
  }
}
