// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
// The Prisma CLI cannot download its native engine on machines without internet, so
// migrations are applied (and new ones diffed) here instead; the result is the same
// `_prisma_migrations` table `prisma migrate deploy` writes. See docs/decisions/001-database.md.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { poolConfigFromUrl } from '../../lib/db/connection-config';

const require = createRequire(import.meta.url);
export const ROOT = process.env.VOLTRACK_ROOT ?? path.resolve(import.meta.dirname, '../..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma/schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma/migrations');

async function loadRuntime() {
  const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  // The wasm file is not in the package's exports map: resolve it beside the package.json.
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  (runtime as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return runtime as unknown as typeof import('@prisma/schema-engine-wasm');
}

let runtimePromise: ReturnType<typeof loadRuntime> | undefined;

/** Runs `fn` with a schema engine connected to `url` (the engine needs a live connection even to diff). */
export async function withSchemaEngine<T>(
  url: string,
  schemaText: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  runtimePromise ??= loadRuntime();
  const runtime = await runtimePromise;
  // A config object, not a string: PrismaPg ignores a `database` override on strings,
  // which would point its shadow-database helper at the main database.
  const adapter = bindMigrationAwareSqlAdapterFactory(
    // allowExitOnIdle: the engine does not close the pool it is given when freed.
    new PrismaPg(poolConfigFromUrl(url, { max: 2, allowExitOnIdle: true, idleTimeoutMillis: 100 })),
  );
  const logs: string[] = [];
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [['schema.prisma', schemaText]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    return await fn(engine);
  } catch (error) {
    throw new Error(`schema engine: ${describeEngineError(error)}`, { cause: error });
  } finally {
    engine.free();
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error && 'message' in error) return String(error.message);
  return String(error);
}

export async function readSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, 'utf8');
}

export async function listMigrations(upTo?: string): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort()
    .filter((name) => upTo === undefined || name <= upTo);
  if (upTo !== undefined && !dirs.includes(upTo)) throw new Error(`unknown migration ${upTo}`);
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: forSchemaEngine(await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8'), dir),
        },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * The migration text as Prisma's schema engine must receive it. The engine splits a script at every
 * semicolon and knows no dollar quotes, so each dollar-quoted body (a function, in readable SQL in
 * the file) is handed over as the same text in an escape string with its semicolons spelt \\073.
 * Files without dollar quotes pass unchanged (so the checksums of migrations already applied hold).
 * A semicolon in a comment outside a body would split a statement: refused.
 */
export function forSchemaEngine(sql: string, name = 'migration'): string {
  const quoted = /\$([A-Za-z_]*)\$([\s\S]*?)\$\1\$/g;
  const outside = sql.replace(quoted, '');
  const comment = outside.split('\n').find((line) => /--.*;/.test(line));
  if (comment) throw new Error(`${name}: a comment outside a function body contains a semicolon: ${comment.trim()}`);
  return sql.replace(quoted, (_all, _tag: string, body: string) =>
    `E'${body.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/;/g, '\\073')}'`);
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Applies every migration not yet applied (or only those up to `upTo`); returns the names it applied. */
export async function applyMigrations(url: string, upTo?: string): Promise<string[]> {
  const [schemaText, migrationsList] = await Promise.all([readSchema(), listMigrations(upTo)]);
  const out = await withSchemaEngine(url, schemaText, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return out.appliedMigrationNames;
}

/** SQL that turns a database built from `fromSchema` (or nothing) into `toSchema`. */
export async function diffSchemas(url: string, fromSchema: string | null, toSchema: string): Promise<string> {
  return withSchemaEngine(url, toSchema, async (engine) => {
    const result = await engine.diff({
      from: fromSchema === null
        ? { tag: 'empty' }
        : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: toSchema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}
