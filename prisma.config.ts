import { defineConfig } from 'prisma/config';

// The Prisma CLI is used only for `prisma generate` here; migrations are applied by the project's
// own migrator (libs/database/src/migrations), see the README.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/claimtrace' },
});
