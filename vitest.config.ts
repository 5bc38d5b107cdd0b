import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // lib/db modules import 'server-only' to keep them out of client bundles; in tests they run on the server.
      'server-only': path.join(root, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    setupFiles: [path.join(root, 'tests/support/fail-on-console-error.ts')],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: [path.join(root, 'tests/support/global-database.ts')],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two workers fit the 2-core machines.
          maxWorkers: 2,
          // Runs after the unit tests.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
