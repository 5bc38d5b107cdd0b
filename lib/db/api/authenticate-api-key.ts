import 'server-only';
import { hashApiKey } from '../../api/api-key-format';
import type { Role } from '../../auth/roles';
import { db } from '../client';

export type ApiKeyScope = 'read' | 'write';

/** A valid key and the user it acts for, read fresh on every request. */
export interface ApiKeyActor {
  keyId: number;
  prefix: string;
  scopes: ApiKeyScope[];
  user: { id: string; name: string; email: string; role: Role };
}

/**
 * The live key whose SHA-256 matches, or null (unknown, revoked, or its user disabled). Records
 * when it was last used, at most once a minute per key.
 */
export async function authenticateApiKey(key: string): Promise<ApiKeyActor | null> {
  const row = await db().apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: {
      id: true, prefix: true, scopes: true, revokedAt: true, lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, role: true, disabled: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, name, email, role } = row.user;
  return { keyId: row.id, prefix: row.prefix, scopes: row.scopes, user: { id, name, email, role } };
}
