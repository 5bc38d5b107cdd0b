// Sign-in settings for `npm start`: a session secret (for the embedded demo, generated once and
// kept beside its data folder, which git ignores), the app's URL, and — when the embedded database
// has no users yet — a demo admin whose random password is printed once.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatePassword } from '../../lib/auth/password-hash';
import { createAccount, hasUsers } from './account';

export const DEMO_ADMIN_EMAIL = 'admin@voltrack.local';

export async function authEnv(options: {
  url: string; embedded: boolean; dataDir: string; host: string; port: number; log: (line: string) => void;
}): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  if (!process.env.BETTER_AUTH_URL) env.BETTER_AUTH_URL = `http://${host}:${options.port}`;
  if (process.env.BETTER_AUTH_SECRET) return env;
  if (!options.embedded) {
    options.log('BETTER_AUTH_SECRET is not set: the admin area cannot sign anyone in (set it to 32+ random characters).');
    return env;
  }
  const file = path.join(path.dirname(options.dataDir), 'auth-secret');
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  env.BETTER_AUTH_SECRET = (await readFile(file, 'utf8')).trim();
  if (!(await hasUsers(options.url))) {
    const password = generatePassword();
    await createAccount(options.url, { email: DEMO_ADMIN_EMAIL, name: 'Demo admin', password, role: 'admin' });
    options.log(`Created the demo admin: ${DEMO_ADMIN_EMAIL} / ${password}  (shown once; sign in at /admin)`);
  }
  return env;
}
