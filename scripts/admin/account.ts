// Creates an account directly in the database: the first admin (npm run admin:create), the
// embedded demo's admin (scripts/start.ts) and the e2e users (tests/e2e/serve.ts).
import { createPrismaClient } from '../../lib/db/client';
import { countUsers, createAdminFromCli } from '../../lib/db/admin/create-admin-from-cli';
import type { Role } from '../../lib/auth/roles';

export async function createAccount(url: string, input: { email: string; name: string; password: string; role: Role }): Promise<void> {
  const client = createPrismaClient(url, 2);
  try {
    await createAdminFromCli(client, input);
  } finally {
    await client.$disconnect();
  }
}

export async function hasUsers(url: string): Promise<boolean> {
  const client = createPrismaClient(url, 2);
  try {
    return (await countUsers(client)) > 0;
  } finally {
    await client.$disconnect();
  }
}
