import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  owner: { name: string; email: string };
  mine: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** An editor's own keys; an admin sees everyone's. Live keys first, newest first. */
export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const actor = await requireRole('editor');
  const rows = await db().apiKey.findMany({
    where: actor.role === 'admin' ? {} : { userId: actor.userId },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true, name: true, prefix: true, scopes: true, userId: true, createdAt: true, lastUsedAt: true, revokedAt: true, revokedBy: true,
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, owner: r.user, mine: r.userId === actor.userId,
    createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null, revokedBy: r.revokedBy,
  }));
}
