// Vitest global setup for integration tests: builds two template databases once (migrated,
// and migrated + seeded); each test file then gets a fresh copy (see database.ts).
// DATABASE_URL set → templates are databases on that server; unset → PGlite data-dir dumps.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPrismaClient } from '../../lib/db/client';
import { writeSeedDataset } from '../../lib/db/seed-dataset';
import { startEmbeddedServer } from '../../lib/embedded/pglite-server';
import { loadSeedDataset } from '../../lib/seed-dataset';
import { applyMigrations } from '../../scripts/db/schema-engine';
import { adminQuery, databaseUrl } from './server-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'server'; serverUrl: string; templates: { empty: string; seeded: string }; prefix: string }
      | { kind: 'embedded'; templates: { empty: string; seeded: string } };
  }
}

async function build(url: string, seeded: boolean) {
  await applyMigrations(url);
  if (seeded) {
    const client = createPrismaClient(url, 2);
    try {
      await writeSeedDataset(client, await loadSeedDataset());
    } finally {
      await client.$disconnect();
    }
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const prefix = `vt_${randomBytes(4).toString('hex')}`;
    const templates = { empty: `${prefix}_tpl_empty`, seeded: `${prefix}_tpl_seeded` };
    for (const [kind, name] of Object.entries(templates)) {
      await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
      await build(databaseUrl(serverUrl, name), kind === 'seeded');
    }
    project.provide('testDb', { kind: 'server', serverUrl, templates, prefix });
    return async () => {
      const rows = await adminQuery(serverUrl, `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
      for (const { datname } of rows) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'voltrack-test-'));
  const templates = { empty: path.join(dir, 'empty.tar'), seeded: path.join(dir, 'seeded.tar') };
  for (const [kind, file] of Object.entries(templates)) {
    const server = await startEmbeddedServer();
    try {
      await build(server.url, kind === 'seeded');
      const dump = await server.db.dumpDataDir('none');
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await server.stop();
    }
  }
  project.provide('testDb', { kind: 'embedded', templates });
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
