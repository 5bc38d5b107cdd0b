import 'server-only';
import type { PrismaClient } from '../../generated/prisma/client';
import { insertUser } from './insert-user';

/**
 * The first admin, from `npm run admin:create` (and the embedded demo start). No session check:
 * only someone who can already reach the database runs it. Not for request handlers.
 */
export async function createAdminFromCli(
  client: PrismaClient, input: { email: string; name: string; password: string; role?: 'admin' | 'editor' | 'viewer' },
): Promise<{ id: string }> {
  return client.$transaction((tx) => insertUser(tx, { userId: null, label: 'command line (admin:create)' }, {
    email: input.email, name: input.name, password: input.password, role: input.role ?? 'admin',
  }));
}

export async function countUsers(client: PrismaClient): Promise<number> {
  return client.user.count();
}
