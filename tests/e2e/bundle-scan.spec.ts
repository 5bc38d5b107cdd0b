// What the production build sends to browsers — `<distDir>/static/**` and the prerendered pages —
// holds no server-only code and no secret: no data-layer SQL, Prisma, pg, better-auth's server or
// Argon2, no server configuration names, no connection strings, keys or secret values. Each code
// marker must occur in the server output (`<distDir>/server/**`), which proves the build is the one
// under test and that the marker would be caught if a client bundle pulled that code in.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const root = process.cwd();
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
const TEXT = /\.(?:js|mjs|cjs|css|json|txt|html|rsc|map|svg|webmanifest)$/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const read = (files: string[]) => files.filter((f) => TEXT.test(f)).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));

let output: ReturnType<typeof readBuild> | undefined;
function readBuild() {
  const serverFiles = walk(path.join(distDir, 'server'));
  // Browser-facing: the client bundles, and the pages prerendered at build time (their HTML and
  // RSC payloads are sent as they are).
  const staticFiles = walk(path.join(distDir, 'static'));
  const prerendered = serverFiles.filter((f) => /\.(?:html|rsc)$/.test(f));
  return {
    staticFiles, prerendered,
    publicOutput: read([...staticFiles, ...prerendered]),
    // Server code, for the self-check (source maps excluded: they hold sources, not what runs).
    serverCode: read(serverFiles.filter((f) => f.endsWith('.js'))),
  };
}
const build = () => (output ??= readBuild());

interface Marker { what: string; pattern: RegExp }

const literal = (what: string, text: string): Marker => ({ what, pattern: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

/** The server configuration's variable names, read from the schema in lib/env.ts. */
function serverEnvNames(): string[] {
  const source = readFileSync(path.join(root, 'lib/env.ts'), 'utf8');
  const schema = source.slice(source.indexOf('z.object({'), source.indexOf('});', source.indexOf('z.object({')));
  // NODE_ENV is public by design: Next.js inlines it in every client bundle.
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!).filter((name) => name !== 'NODE_ENV');
}

const CODE_MARKERS: Marker[] = [
  ...serverEnvNames().map((name) => literal(`server setting ${name} (lib/env.ts)`, name)),
  literal('data layer SQL (lib/db/api/count-api-request.ts)', 'INSERT INTO api_rate_limit'),
  literal('data layer SQL (lib/db/health.ts)', 'FROM _prisma_migrations'),
  literal('Prisma client runtime', '@prisma/client'),
  literal('Prisma client errors', 'PrismaClientKnownRequestError'),
  literal('Prisma driver adapter (@prisma/adapter-pg)', 'DriverAdapterError'),
  { what: 'the pg driver', pattern: /["']pg(?:-[0-9a-f]{8,})?["']/ },
  literal('Argon2 password hashing (lib/auth/password-hash.ts)', '@node-rs/argon2'),
  literal('better-auth server', 'You are using the default secret'),
  { what: 'a PostgreSQL connection string', pattern: /postgres(?:ql)?:\/\// },
];

const SECRET_PATTERNS: Marker[] = [
  { what: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { what: 'a Voltrack API key', pattern: /vtk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}/ },
  { what: 'a connection string with a password', pattern: /postgres(?:ql)?:\/\/[^\s:@/"'`]+:[^\s@/"'`]+@/ },
];

/** Values of this environment's secrets (and the embedded demo's session secret), where set. */
function secretValues(): { name: string; value: string }[] {
  const values = Object.entries(process.env)
    .filter(([name, value]) => /SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|_KEY$|^DATABASE_URL$/.test(name) && value && value.length >= 12)
    .map(([name, value]) => ({ name, value: value! }));
  const demoSecret = path.join(root, '.data/auth-secret');
  if (existsSync(demoSecret)) values.push({ name: '.data/auth-secret', value: readFileSync(demoSecret, 'utf8').trim() });
  return values.filter((v) => v.value.length >= 12);
}

function findings(pattern: RegExp | string, files = build().publicOutput): string[] {
  return files.filter(({ text }) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text))).map(({ file }) => file);
}

test('the scan looks at the build the e2e server runs', () => {
  expect(existsSync(path.join(distDir, 'BUILD_ID')), `no production build in ${distDir}`).toBe(true);
  const { staticFiles, prerendered, serverCode } = build();
  expect(staticFiles.filter((f) => f.endsWith('.js')).length, 'client JavaScript files').toBeGreaterThan(5);
  expect(prerendered.length, 'prerendered pages').toBeGreaterThan(0);
  expect(serverCode.length, 'server JavaScript files').toBeGreaterThan(10);
  // The client bundles are the real ones: they hold the code of a client component.
  expect(findings('data-secret').length + findings('Create key').length, 'a client component\'s code').toBeGreaterThan(0);
});

test('no server-only code or server setting in what browsers receive', () => {
  const { publicOutput, serverCode } = build();
  const names = serverEnvNames();
  expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'BETTER_AUTH_SECRET', 'API_RATE_LIMIT']));
  const leaks: string[] = [];
  for (const marker of CODE_MARKERS) {
    // Self-check: the marker is in the server build, so a client bundle importing that code would show it.
    expect(findings(marker.pattern, serverCode).length, `${marker.what}: ${marker.pattern} is not in the server output`).toBeGreaterThan(0);
    for (const file of findings(marker.pattern)) leaks.push(`${marker.what} (${marker.pattern}) in ${file}`);
  }
  // Client code may read only public variables; anything else is server code that strayed.
  for (const { file, text } of publicOutput) {
    for (const [, name] of text.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (!/^(?:NEXT_PUBLIC_|__NEXT|NODE_ENV$|NEXT_RUNTIME$|TURBOPACK)/.test(name!)) leaks.push(`process.env.${name} in ${file}`);
    }
  }
  expect(leaks).toEqual([]);
});

test('no keys or secret values in what browsers receive', () => {
  // The patterns catch what they are meant to: a freshly made key, in the form a leak would take.
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  expect(SECRET_PATTERNS[0]!.pattern.test(pem)).toBe(true);
  expect(SECRET_PATTERNS[1]!.pattern.test(`vtk_AbCd1234_${'x'.repeat(43)}`)).toBe(true);
  expect(SECRET_PATTERNS[2]!.pattern.test('postgresql://app:s3cret@db:5432/voltrack')).toBe(true);

  const leaks: string[] = [];
  for (const p of SECRET_PATTERNS) for (const file of findings(p.pattern)) leaks.push(`${p.what} in ${file}`);
  for (const { name, value } of secretValues()) for (const file of findings(value)) leaks.push(`the value of ${name} in ${file}`);
  expect(leaks).toEqual([]);
});
