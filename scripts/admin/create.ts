// npm run admin:create -- --email you@example.org --name "Your Name" [--role admin|editor|viewer]
// Creates an account on DATABASE_URL or the embedded database (stop the app first). Asks for a
// password on a terminal (empty = generate one); without a terminal it generates one. A generated
// password is printed once and stored only as its Argon2id hash.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { generatePassword } from '../../lib/auth/password-hash';
import { passwordProblem } from '../../lib/auth/password-policy';
import { ROLES, type Role } from '../../lib/auth/roles';
import { isAppError } from '../../lib/errors';
import { UserCreateSchema } from '../../lib/validation/user';
import { prepareDatabase } from '../db/prepare';
import { exitWithError, withDatabase } from '../db/with-database';
import { createAccount } from './account';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } } });
const parsed = UserCreateSchema.safeParse({ email: values.email, name: values.name, role: values.role });
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  exitWithError(new Error(`--${String(issue.path[0])}: ${issue.message} (usage: npm run admin:create -- --email you@example.org --name "Your Name" [--role ${ROLES.join('|')}])`));
}

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  let muted = false;
  const output = new Writable({ write(chunk, _enc, done) { if (!muted) process.stdout.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    for (;;) {
      const pending = rl.question('Password (at least 12 characters; empty = generate one): ');
      muted = true;
      const answer = await pending;
      muted = false;
      process.stdout.write('\n');
      if (answer === '') return null;
      const problem = passwordProblem(answer, { email: parsed.data!.email });
      if (!problem) return answer;
      console.log(problem);
    }
  } finally {
    rl.close();
  }
}

async function main() {
  const { email, name, role } = parsed.data!;
  const typed = await askPassword();
  const password = typed ?? generatePassword();
  await withDatabase(async (url) => {
    await prepareDatabase(url, (line) => console.log(line));
    await createAccount(url, { email, name, password, role: role as Role });
  });
  console.log(`Created ${role} ${email}.`);
  if (!typed) console.log(`Password (shown once, store it now): ${password}`);
}

main().then(() => process.exit(0), (error: unknown) => exitWithError(isAppError(error) ? new Error(error.message) : error));
