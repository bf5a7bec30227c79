// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in schema.prisma).
//
// Every Prisma CLI command (even `prisma --version`) looks for the native schema engine and
// downloads it when missing, which fails on machines that reach only the npm registry. The
// CLI loads this file before it looks for the engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY
// here at our stand-in, which runs the same engine compiled to WebAssembly, makes every
// command work with no binary download. See tools/prisma-schema-engine/README.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// First statement: an explicit PRISMA_SCHEMA_ENGINE_BINARY (e.g. a real native engine) wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'tools',
  'prisma-schema-engine',
  'schema-engine.mjs',
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
  },
  // Read with process.env (not `env()`, which throws when unset): commands such as
  // `prisma generate` or `migrate diff --from-empty --to-schema ...` need no database.
  datasource: {
    url: process.env.DATABASE_URL,
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
