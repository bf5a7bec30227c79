// Driver-adapter factory handed to the wasm schema engine.
//
// The wasm engine cannot open sockets: every SQL statement it runs goes through a
// "migration-aware driver adapter factory" (`connect()` for the main database,
// `connectToShadowDb()` for the shadow database). We build it on `@prisma/adapter-pg`
// and fix the few places where that adapter, written for Prisma Client, does not fit
// what the schema engine needs:
//
//  1. PostgreSQL's one-byte `"char"` type (OID 18) is rejected by the adapter
//     ("Unsupported column type char"), but the engine reads such catalog columns
//     (pg_class.relkind, pg_constraint.contype, pg_attribute.attidentity, ...) when it
//     describes a database. We let pg hand them over as text and report them to the
//     engine as `Character`, the column type it expects for them.
//  2. `executeScript` of the adapter splits the script on every `;`, which breaks any
//     migration that has a `;` inside a string, a comment or a `DO $$ ... $$` body.
//     The native engine sends the whole script in one simple-protocol query; we do
//     the same.
//  3. The adapter's own `connectToShadowDb()` drops the temporary database before it
//     closes its connections to it (so the DROP fails) and never closes the pool it
//     used to create it. We create and drop the shadow database ourselves, and can
//     also use an explicit `shadowDatabaseUrl`.

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const PG_CHAR_OID = 18; // the internal one-byte "char" type, not char(n) (bpchar, 1042)
const PG_TEXT_OID = 25;

/** rows array of a result -> indexes of its columns that were `"char"` */
const charColumnsByRows = new WeakMap();

/**
 * Patch a queryable of @prisma/adapter-pg (the adapter, or a transaction started on it)
 * so that `"char"` columns are read as text and reported as `Character`.
 *
 * `queryRaw()` calls `this.performIO()` and then maps every `field.dataTypeID` to a
 * column type. We wrap `performIO()` to rewrite OID 18 to text before that mapping,
 * and remember which columns we rewrote keyed by the (unique) rows array, which
 * `queryRaw()` returns unchanged; the wrapped `queryRaw()` then fixes those column types.
 */
function patchCharColumns(queryable) {
  const performIO = queryable.performIO;
  const queryRaw = queryable.queryRaw;
  if (typeof performIO !== 'function' || typeof queryRaw !== 'function') {
    throw new Error('@prisma/adapter-pg changed: queryable has no performIO/queryRaw to patch');
  }
  queryable.performIO = async function patchedPerformIO(query) {
    const result = await performIO.call(this, query);
    const charColumns = [];
    result?.fields?.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0 && Array.isArray(result.rows)) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  queryable.queryRaw = async function patchedQueryRaw(query) {
    const resultSet = await queryRaw.call(this, query);
    const charColumns = charColumnsByRows.get(resultSet.rows);
    if (charColumns) {
      for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return resultSet;
  };
  return queryable;
}

/**
 * The last error PostgreSQL raised for a script (a migration), kept so that a failed
 * `applyMigrations` can be reported as the native engine does (P3018, with the
 * database's error code), which the wasm engine does not do.
 */
let lastScriptError;
export function takeLastScriptError() {
  const error = lastScriptError;
  lastScriptError = undefined;
  return error;
}

/** Apply all our fixes to an adapter returned by `PrismaPg#connect()`. */
function fixAdapter(adapter, { onDispose } = {}) {
  patchCharColumns(adapter);

  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async function patchedStartTransaction(...args) {
    return patchCharColumns(await startTransaction.apply(this, args));
  };

  // One simple-protocol query for the whole script, as the native engine does
  // (PostgreSQL then runs it as one implicit transaction, like `psql -c`).
  adapter.executeScript = async function wholeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      lastScriptError = error;
      this.onError(error); // rethrows as a DriverAdapterError the engine understands
    }
  };

  if (onDispose) {
    const dispose = adapter.dispose;
    adapter.dispose = async function disposeThenCleanUp() {
      try {
        await dispose.call(this);
      } finally {
        await onDispose();
      }
    };
  }
  return adapter;
}

export function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** The database named in a postgres:// URL ("postgres" when none is given, like libpq). */
export function databaseNameOf(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  return name || decodeURIComponent(u.username) || 'postgres';
}

/** Do two URLs name the same database on the same server? */
export function sameDatabase(a, b) {
  const key = (url) => {
    const u = new URL(url);
    const host = (decodeURIComponent(u.hostname) || 'localhost').replace(/^(127\.0\.0\.1|\[::1\])$/, 'localhost');
    return `${host}:${u.port || '5432'}/${databaseNameOf(url)}/${u.searchParams.get('schema') ?? 'public'}`;
  };
  return key(a) === key(b);
}

/** Same server and credentials, other database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * pg settings for a Prisma-style URL. `?schema=` (Prisma's way to pick the PostgreSQL
 * schema) means nothing to pg: we take it out of the URL, give it to the adapter (which
 * tells the engine) and make it the connections' search_path.
 */
export function pgConfigFor(url) {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  // Connection-pool parameters of Prisma's URL format mean nothing to pg; drop them so
  // that they are not sent to the server as run-time parameters.
  for (const key of [
    'connection_limit',
    'pool_timeout',
    'connect_timeout',
    'socket_timeout',
    'pgbouncer',
    'statement_cache_size',
  ]) {
    u.searchParams.delete(key);
  }
  const config = { connectionString: u.toString(), max: 4 };
  // The native engine makes `?schema=` the search_path of its connections; the SQL it
  // generates (`CREATE TABLE "User" ...`) relies on that.
  if (schema) config.options = `-c search_path=${quoteIdent(schema).replace(/ /g, '\\ ')}`;
  return { config, schema };
}

/** Run one statement on a short-lived connection to `url`. */
export async function runOnce(url, sql) {
  const client = new pg.Client(pgConfigFor(url).config);
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Run a server-level statement (CREATE/DROP DATABASE) through a connection to `url`'s
 * database, or to the `postgres` database when that one does not exist (yet).
 */
export async function runOnServer(url, sql) {
  try {
    return await runOnce(url, sql);
  } catch (error) {
    if (error?.code !== '3D000') throw error;
    return runOnce(withDatabase(url, 'postgres'), sql);
  }
}

/**
 * Drop a database, first closing other sessions on it. `WITH (FORCE)` exists from
 * PostgreSQL 13 on; older servers get a plain DROP.
 */
export async function dropDatabase(adminUrl, name) {
  try {
    await runOnServer(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (error) {
    if (error?.code !== '42601') throw error; // 42601: syntax error => server < 13
    await runOnServer(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

/**
 * Stand-in for the main-database adapter when no URL is configured.
 *
 * Right after it connects, the engine probes the server (does the schema exist, which
 * version is it). That probe is the only query a database-free command such as
 * `migrate diff --from-empty --to-schema ...` makes, so we answer it with a plausible
 * PostgreSQL and fail, with a clear message, on anything else.
 */
const PROBE_SQL = /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/;
const FAKE_SERVER_VERSION_NUM = 150000;
function missingUrlAdapter() {
  const fail = async () => {
    throw new Error(
      'This command needs a database, but no datasource URL is configured: set `datasource.url` in prisma.config.ts (e.g. from DATABASE_URL).',
    );
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async queryRaw(query) {
      if (PROBE_SQL.test(query.sql)) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
          rows: [[true, 'PostgreSQL 15.0 (no database configured)', FAKE_SERVER_VERSION_NUM]],
        };
      }
      return fail();
    },
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

/**
 * When the configured database does not exist (yet), answer the engine's start-up probe
 * from the server's `postgres` database instead, so that commands which never use the
 * main database (`migrate diff --from-empty ...`, `--from-migrations` with a shadow
 * database) still work, as they do with the native engine. Every other query still goes
 * to the missing database and fails as it should.
 */
function probeElsewhereIfMissing(adapter, url) {
  const queryRaw = adapter.queryRaw;
  adapter.queryRaw = async function probeAware(query) {
    try {
      return await queryRaw.call(this, query);
    } catch (error) {
      const missing = error?.cause?.kind === 'DatabaseDoesNotExist' || error?.cause?.originalCode === '3D000';
      if (!missing || !PROBE_SQL.test(query.sql)) throw error;
      const { config, schema } = pgConfigFor(withDatabase(url, 'postgres'));
      const maintenance = fixAdapter(await new PrismaPg(config, { schema }).connect());
      try {
        return await maintenance.queryRaw(query);
      } finally {
        await maintenance.dispose();
      }
    }
  };
  return adapter;
}

/**
 * Build the factory the wasm `SchemaEngine` expects.
 *
 * @param {{ url?: string, shadowDatabaseUrl?: string }} datasource
 * @param {{ log: (level: string, message: string) => void }} hooks
 * @returns the bound factory, plus `cleanup()` that drops shadow databases left over
 */
export function createAdapterFactory(datasource, { log }) {
  const createdShadowDatabases = new Set();

  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',

    async connect() {
      // The engine calls connect() as soon as it is created, even for commands that
      // never touch a database (`migrate diff --from-empty --to-schema ...`). pg pools
      // connect lazily, so that costs nothing; without a URL we hand out an adapter
      // that only fails if it is actually used.
      if (!datasource.url) return missingUrlAdapter();
      const { config, schema } = pgConfigFor(datasource.url);
      return probeElsewhereIfMissing(fixAdapter(await new PrismaPg(config, { schema }).connect()), datasource.url);
    },

    async connectToShadowDb() {
      // An explicit shadow database (for users who may not create databases). The
      // native engine empties it before replaying the migrations into it; the wasm
      // engine does not, so a second run would fail on the first run's tables. We
      // drop and recreate its schema, as the native engine's reset does, after making
      // sure it is not the main database.
      if (datasource.shadowDatabaseUrl) {
        if (datasource.url && sameDatabase(datasource.url, datasource.shadowDatabaseUrl)) {
          throw Object.assign(
            new Error(
              'The shadow database you configured appears to be the same as the main database. Please specify another shadow database.',
            ),
            { code: 'P3014' },
          );
        }
        const { config, schema } = pgConfigFor(datasource.shadowDatabaseUrl);
        const adapter = fixAdapter(await new PrismaPg(config, { schema }).connect());
        const namespace = quoteIdent(schema ?? 'public');
        await adapter.executeScript(`DROP SCHEMA IF EXISTS ${namespace} CASCADE; CREATE SCHEMA ${namespace};`);
        log('INFO', `Emptied schema ${namespace} of the shadow database`);
        return adapter;
      }
      // Otherwise, what the native engine does: a temporary database on the main
      // server, dropped once the engine is done with it.
      if (!datasource.url) {
        throw new Error(
          'A shadow database is needed: set `datasource.url` (or `shadowDatabaseUrl`) in prisma.config.ts.',
        );
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runOnServer(datasource.url, `CREATE DATABASE ${quoteIdent(name)}`);
      createdShadowDatabases.add(name);
      log('INFO', `Created shadow database ${name}`);
      const shadowUrl = withDatabase(datasource.url, name);
      const { config, schema } = pgConfigFor(shadowUrl);
      const drop = async () => {
        if (!createdShadowDatabases.delete(name)) return;
        await dropDatabase(datasource.url, name).catch((error) =>
          log('WARN', `Could not drop shadow database ${name}: ${error.message}`),
        );
      };
      return fixAdapter(await new PrismaPg(config, { schema }).connect(), { onDispose: drop });
    },
  };

  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async cleanup() {
      for (const name of [...createdShadowDatabases]) {
        createdShadowDatabases.delete(name);
        await dropDatabase(datasource.url, name).catch((error) =>
          log('WARN', `Could not drop shadow database ${name}: ${error.message}`),
        );
      }
    },
  };
}
