import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { db } from './client';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  /** One line for an operator; never a stack trace. */
  reason?: string;
  migrations?: { applied: number; latest: string | null; failed: number; pending: string[] | null };
}

const TIMEOUT_MS = 4_000;

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const rows = await withTimeout(
      db().$queryRaw<{ migration_name: string; finished: boolean; rolled_back: boolean }[]>`
        SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
        FROM _prisma_migrations ORDER BY migration_name`,
      TIMEOUT_MS,
    );
    const applied = rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name);
    const failed = rows.filter((r) => !r.finished && !r.rolled_back).length;
    const known = await migrationNamesOnDisk();
    const pending = known ? known.filter((name) => !applied.includes(name)) : null;
    const ok = failed === 0 && (pending === null || pending.length === 0);
    return {
      ok,
      latencyMs: elapsed(),
      ...(ok ? {} : { reason: failed ? `${failed} failed migration(s)` : `${pending?.length} pending migration(s)` }),
      migrations: { applied: applied.length, latest: applied.at(-1) ?? null, failed, pending },
    };
  } catch (error) {
    return { ok: false, latencyMs: elapsed(), reason: describeDbError(error) };
  }
}

async function migrationNamesOnDisk(): Promise<string[] | null> {
  try {
    const entries = await readdir(path.join(process.cwd(), 'prisma/migrations'), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One line for an operator, from whatever the driver or Prisma threw. */
export function describeDbError(error: unknown): string {
  const e = error as {
    message?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string } } };
    cause?: { message?: string; kind?: string };
  };
  const kind = e?.meta?.driverAdapterError?.cause?.kind ?? e?.cause?.kind;
  const lines = `${e?.message ?? ''}\n${e?.cause?.message ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines.at(-1) ?? String(error);
  const text = (/Message: `(.*)`/.exec(last)?.[1] ?? last).slice(0, 200);
  if (
    kind === 'DatabaseNotReachable' || kind === 'SocketTimeout' ||
    /ECONNREFUSED|ECONNRESET|Connection terminated|timeout|did not answer|ENOTFOUND|EAI_AGAIN|Can't reach/i.test(text)
  ) {
    return `database unreachable: ${text}`;
  }
  if (/_prisma_migrations" does not exist/.test(text)) return 'database has no migrations applied';
  return `database error: ${text}`;
}
