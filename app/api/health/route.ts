import { checkDatabaseHealth } from '@/lib/db/health';
import { ConfigError, readEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    readEnv();
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : 'invalid configuration';
    return Response.json({ status: 'error', database: { ok: false, reason } }, { status: 503, headers: noStore });
  }
  const database = await checkDatabaseHealth();
  return Response.json(
    { status: database.ok ? 'ok' : 'error', database },
    { status: database.ok ? 200 : 503, headers: noStore },
  );
}

const noStore = { 'Cache-Control': 'no-store' };
