import 'server-only';
import { requireRole } from '../../auth/session';
import type { Role } from '../../auth/roles';
import { db } from '../client';

export interface UserRow {
  id: string; email: string; name: string; role: Role; disabled: boolean; version: number;
  createdAt: string; activeSessions: number;
}

/** Admins only. */
export async function listUsers(): Promise<UserRow[]> {
  await requireRole('admin');
  const rows = await db().user.findMany({
    orderBy: [{ disabled: 'asc' }, { email: 'asc' }],
    select: {
      id: true, email: true, name: true, role: true, disabled: true, version: true, createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  return rows.map(({ _count, createdAt, ...u }) => ({ ...u, createdAt: createdAt.toISOString(), activeSessions: _count.sessions }));
}
