// Database-level operations that the native engine does itself, without the wasm
// engine: checking that a database can be reached, creating it. The Prisma CLI runs them
// before `migrate dev`, `migrate deploy`, `db push`, ... (`cli can-connect-to-database`,
// then `cli create-database` if the error code is P1003) and only looks at the error
// code and message, so we map pg/socket errors to the native engine's error codes.

import pg from 'pg';
import { databaseNameOf, pgConfigFor, quoteIdent, withDatabase } from './pg-adapter.mjs';

/** An error the CLI shows as `${code}: ${message}`. */
export class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.meta = meta;
  }
}

function describe(url) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: u.port || '5432',
    user: decodeURIComponent(u.username),
    database: databaseNameOf(url),
  };
}

/** pg / socket error -> the native engine's user-facing error (same codes and wording). */
export function toUserFacingError(error, url) {
  if (error instanceof UserFacingError) return error;
  const { host, port, user, database } = describe(url);
  const at = `${host}:${port}`;
  switch (error?.code) {
    case '3D000': // invalid_catalog_name
      return new UserFacingError(
        'P1003',
        `Database \`${database}\` does not exist on the database server at \`${at}\`.`,
        {
          database_name: database,
          database_host: host,
          database_port: Number(port),
        },
      );
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification
      return new UserFacingError(
        'P1000',
        `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
        { database_user: user, database_host: host },
      );
    case '42501': // insufficient_privilege
      return new UserFacingError('P1010', `User \`${user}\` was denied access on the database \`${database}\``, {
        database_user: user,
        database_name: database,
      });
    case '42P04': // duplicate_database
      return new UserFacingError(
        'P1009',
        `Database \`${database}\` already exists on the database server at \`${at}\``,
        {
          database_name: database,
          database_host: host,
          database_port: Number(port),
        },
      );
    case '53300': // too_many_connections
      return new UserFacingError('P1001', `Too many database connections opened: ${error.message}`);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'ENOENT': // unix socket missing
      return new UserFacingError(
        'P1001',
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
        { database_host: host, database_port: Number(port) },
      );
    default:
      if (/SSL|TLS|certificate/i.test(String(error?.message))) {
        return new UserFacingError('P1011', `Error opening a TLS connection: ${error.message}`, {
          message: error.message,
        });
      }
      return error instanceof Error ? error : new Error(String(error));
  }
}

async function withClient(url, fn) {
  const client = new pg.Client({ ...pgConfigFor(url).config, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a dropped idle connection must not crash the process
  try {
    await client.connect();
    return await fn(client);
  } catch (error) {
    throw toUserFacingError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `cli can-connect-to-database` */
export async function canConnect(url) {
  if (!url) throw new Error('The datasource has no `url`: set `datasource.url` in prisma.config.ts.');
  await withClient(url, (client) => client.query('SELECT 1'));
}

/**
 * `cli create-database` and the `createDatabase` RPC: create the database named in
 * `url`, connecting to the `postgres` maintenance database of the same server (or
 * `template1` where `postgres` is missing), as the native engine does.
 * @returns the database name
 */
export async function createDatabase(url) {
  if (!url) throw new Error('The datasource has no `url`: set `datasource.url` in prisma.config.ts.');
  const name = databaseNameOf(url);
  const create = (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  try {
    await withClient(withDatabase(url, 'postgres'), create);
  } catch (error) {
    if (error?.code !== 'P1003') throw remapToTarget(error, url);
    await withClient(withDatabase(url, 'template1'), create).catch((e) => {
      throw remapToTarget(e, url);
    });
  }
  return name;
}

// Errors of the maintenance connection should name the database the user asked for.
function remapToTarget(error, url) {
  if (error instanceof UserFacingError && error.code === 'P1009') return toUserFacingError({ code: '42P04' }, url);
  return error;
}
