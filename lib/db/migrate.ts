// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) at start-up, with
// plain `pg`: no engine binary, no CLI. It keeps Prisma's own `_prisma_migrations` bookkeeping
// (same table, same SHA-256 checksums), so `prisma migrate status` and `deploy` agree with it.
// An advisory lock lets several app instances start at once against one database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const LOCK_KEY = 72707369; // arbitrary, constant: "BUTIN" migrations

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(dir: string): { name: string; sql: string; checksum: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/** Prisma's bookkeeping table, created as Prisma creates it. */
export async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}

/** One migration and its bookkeeping row, inside the caller's transaction (a restore holds one). */
export async function applyMigrationInTx(
  client: pg.ClientBase,
  migration: { name: string; sql: string; checksum: string },
): Promise<void> {
  await client.query(migration.sql);
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 1)`,
    [crypto.randomUUID(), migration.checksum, migration.name],
  );
}

export async function migrate(options: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<MigrationResult> {
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), 'prisma', 'migrations');
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await ensureMigrationsTable(client);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(done.rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of listMigrations(migrationsDir)) {
      const previous = byName.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was edited after it was applied: never edit a landed migration.`,
          );
        }
        continue;
      }
      if (previous)
        throw new Error(`Migration ${migration.name} failed earlier; fix the database, then mark it rolled back.`);
      options.log?.(`Applying migration ${migration.name}`);
      // Each migration and its bookkeeping row commit together, or not at all.
      await client.query('BEGIN');
      try {
        await applyMigrationInTx(client, migration);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.rowCount ?? 0 };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
