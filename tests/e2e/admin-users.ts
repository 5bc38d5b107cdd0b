// The e2e server's first admin (created by serve.ts before the app starts) and the helper that
// creates it. Override with E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD.
import { createAccount } from '../../scripts/admin/account';
import { prepareDatabase } from '../../scripts/db/prepare';

import { E2E_ADMIN } from './admin-credentials';

export { E2E_ADMIN };

/** Migrates and seeds the fresh database, then adds the admin; the app starts on it afterwards. */
export async function createE2eAdmin(target: { url: string } | { dataDir: string }): Promise<void> {
  const log = (line: string) => console.log(`[e2e] ${line}`);
  if ('url' in target) {
    await prepareDatabase(target.url, log);
    await createAccount(target.url, { ...E2E_ADMIN, role: 'admin' });
    return;
  }
  const { startEmbeddedServer } = await import('../../lib/embedded/pglite-server');
  const server = await startEmbeddedServer({ dataDir: target.dataDir });
  try {
    await prepareDatabase(server.url, log);
    await createAccount(server.url, { ...E2E_ADMIN, role: 'admin' });
  } finally {
    await server.stop();
  }
}
