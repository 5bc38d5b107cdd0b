import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate` (no database needed). Migrations are applied
// by scripts/db-migrate.ts through Prisma's WebAssembly schema engine; see docs/decisions/001-database.md.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
