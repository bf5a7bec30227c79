#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// Every Prisma 7 CLI command wants the native schema engine, which the CLI downloads from
// binaries.prisma.sh on first use. Where only the npm registry is reachable that fails
// (`getaddrinfo ENOTFOUND`). The CLI runs whatever executable PRISMA_SCHEMA_ENGINE_BINARY
// names instead (prisma.config.ts sets it to this file), so this program speaks the
// native engine's protocol and forwards the work to the same engine compiled to
// WebAssembly (`@prisma/schema-engine-wasm`), which reaches PostgreSQL through
// `@prisma/adapter-pg` (see pg-adapter.mjs).
//
// How the CLI uses the binary (node_modules/prisma/build/cli.js):
//   schema-engine --version                       -> prints the version, exits 0
//   schema-engine --datasource JSON cli can-connect-to-database
//   schema-engine --datasource JSON cli create-database
//       -> exit 0 on success; on error, exit 1 and log an ERROR line whose fields carry
//          `error_code` and `message` (the CLI ignores the first stderr line)
//   schema-engine [--datamodels PATH]... [--datasource JSON]
//       -> JSON-RPC 2.0 over stdin/stdout, one message per line, until stdin closes.
//          `diff` output goes back as a `print` request from the engine to the CLI.
// `--datasource` is prisma.config.ts' `datasource`: `{ url, shadowDatabaseUrl }`.
//
// Only PostgreSQL is supported (that is what the adapter speaks).

import { log, forwardEngineLog } from './log.mjs'; // first: it also captures Node warnings
import { readFileSync } from 'node:fs';
import readline from 'node:readline';
import {
  createAdapterFactory,
  databaseNameOf,
  dropDatabase,
  takeLastScriptError,
  withDatabase,
} from './pg-adapter.mjs';
import { UserFacingError, canConnect, createDatabase, toUserFacingError } from './database.mjs';
import { engineCommitHash, newWasmBindings } from './wasm-engine.mjs';

// ---------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = { datamodels: [], datasource: {}, cliCommand: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inlineValue ?? argv[++i];
    switch (flag) {
      case '--datamodels':
      case '-d':
        options.datamodels.push(value());
        break;
      case '--datasource':
        options.datasource = JSON.parse(value() || '{}');
        break;
      case '--enabled-preview-features':
      case '--extension-types':
        value(); // accepted for compatibility; the wasm engine takes neither
        break;
      case '--version':
      case '-V':
        options.version = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case 'cli':
        options.cliCommand = argv[++i];
        break;
      default:
        throw new Error(`Unknown argument: ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------
// Errors -> what the CLI expects

// On a Rust panic the wasm engine reports the panic's message through this global, then
// fails with a bare `RuntimeError: unreachable`. Keep the message for the error report.
let lastPanicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = message;
  },
};

/** The shape of the native engine's JSON-RPC error `data`. */
function errorData(error, factory) {
  // An error thrown in our JS code under the wasm engine (in the adapter) comes back as
  // "External error id#N": the original sits in the adapter's error registry.
  const external = /External error id#(\d+)/.exec(String(error?.message));
  if (external && factory) {
    const record = factory.errorRegistry.consumeError(Number(external[1]));
    if (record) error = record.error;
  }
  if (error instanceof WebAssembly.RuntimeError || error?.name === 'RuntimeError') {
    const message = lastPanicMessage ?? String(error.message);
    lastPanicMessage = undefined;
    return { is_panic: true, message, backtrace: error.stack ?? null };
  }
  const data = { is_panic: false, message: String(error?.message ?? error) };
  if (typeof error?.code === 'string' && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
    data.meta = error.meta ?? {};
  }
  return data;
}

/**
 * A migration script that failed on the main database: the wasm engine reports a plain
 * connector error, the native one the user-facing P3018 (which `migrate deploy` prints
 * with the migration's name and the database's error code). Rebuild the latter.
 */
function asFailedMigrationError(error, databaseError) {
  const name = /apply_script\s+with migration_name="([^"]+)"/.exec(String(error?.message))?.[1];
  if (!name || error?.rpcData?.error_code) return error;
  const dbMessage = databaseError?.message
    ? `ERROR: ${databaseError.message}${databaseError.detail ? `\nDETAIL: ${databaseError.detail}` : ''}${databaseError.hint ? `\nHINT: ${databaseError.hint}` : ''}${databaseError.position ? `\nPosition: ${databaseError.position}` : ''}`
    : String(error.message).split('\n').slice(0, 2).join('\n');
  const code = databaseError?.code ?? '';
  const message =
    'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n' +
    `Migration name: ${name}\n\nDatabase error code: ${code}\n\nDatabase error:\n${dbMessage}\n`;
  return Object.assign(new Error(message), {
    rpcData: {
      is_panic: false,
      message,
      error_code: 'P3018',
      meta: { migration_name: name, database_error_code: code, database_error: dbMessage },
    },
  });
}

// ---------------------------------------------------------------------------------------
// `cli ...` subcommands

async function runCliCommand(command, datasource) {
  const url = datasource.url;
  try {
    switch (command) {
      case 'can-connect-to-database':
        await canConnect(url);
        log('INFO', 'Connection successful');
        return 0;
      case 'create-database': {
        const name = await createDatabase(url);
        log('INFO', `Database '${name}' was successfully created.`);
        return 0;
      }
      case 'drop-database': {
        const name = databaseNameOf(url);
        await dropDatabase(withDatabase(url, 'postgres'), name);
        log('INFO', `The database '${name}' was successfully dropped.`);
        return 0;
      }
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
  } catch (error) {
    const mapped = url ? toUserFacingError(error, url) : error;
    log(
      'ERROR',
      String(mapped.message),
      mapped instanceof UserFacingError ? { is_panic: false, error_code: mapped.code } : { is_panic: false },
    );
    return 1;
  }
}

// ---------------------------------------------------------------------------------------
// JSON-RPC server

// The wasm engine computes "the schema the migrations produce" (by replaying them into a
// shadow database) only in `devDiagnostic`, `diagnoseMigrationHistory` and `diff`, the
// methods it hands the adapter factory to. `evaluateDataLoss` and `createMigration` only
// read that result from a cache filled by those calls; on a miss they fail with this
// message. It happens in `migrate dev` whenever `devDiagnostic` had no reason to replay
// the migrations (e.g. the database was behind and `applyMigrations` came next).
const MIGRATIONS_SCHEMA_NOT_CACHED = /shadow DB must be provided through an external factory/;
const NO_FILTERS = { externalTables: [], externalEnums: [] };

class EngineSession {
  constructor({ datamodelPaths, datasource }) {
    this.datasource = datasource;
    // The engine wants [path, content] pairs; the CLI passes paths.
    this.datamodels = datamodelPaths.length
      ? datamodelPaths.map((path) => [path, readFileSync(path, 'utf8')])
      : undefined;
    this.current = undefined; // { engine, adapters }
    this.factory = undefined;
  }

  /** The wasm engine, created on first use (it connects to the database at creation). */
  async engine() {
    if (!this.current) {
      const wasm = await newWasmBindings();
      const adapters = createAdapterFactory(this.datasource, { log });
      this.factory = adapters.factory;
      try {
        const engine = await wasm.SchemaEngine.new({ datamodels: this.datamodels }, forwardEngineLog, adapters.factory);
        this.current = { engine, adapters };
      } catch (error) {
        await adapters.cleanup();
        throw this.translate(error);
      }
    }
    return this.current.engine;
  }

  /** Drop the current wasm instance; the next call gets a fresh one. */
  async disposeEngine() {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    try {
      current.engine.free();
    } catch (error) {
      log('DEBUG', `Freeing the wasm engine failed: ${error.message}`);
    }
    await current.adapters.cleanup();
  }

  translate(error) {
    if (error?.rpcData) return error;
    return Object.assign(new Error(String(error?.message ?? error)), { rpcData: errorData(error, this.factory) });
  }

  /** Forward one RPC method to the wasm engine. */
  async call(method, params) {
    const engine = await this.engine();
    try {
      // Call as a method (not a detached function): wasm-bindgen needs `this`.
      return await engine[method](params);
    } catch (error) {
      const translated = this.translate(error);
      // No method is safe to call on an instance after a panic: use a fresh one next time.
      if (translated.rpcData.is_panic) await this.disposeEngine().catch(() => {});
      throw translated;
    }
  }

  /**
   * For `evaluateDataLoss` and `createMigration`: forward, and on a cache miss (see
   * MIGRATIONS_SCHEMA_NOT_CACHED) fill the cache with a `devDiagnostic` of the same
   * migrations (read-only; its answer is ignored), then retry.
   *
   * If that fails too, do it again in a fresh wasm instance: once an instance has applied
   * migrations, replaying migrations into another shadow database in it was seen to fail.
   */
  async callNeedingMigrationsSchema(method, params) {
    try {
      return await this.call(method, params);
    } catch (error) {
      if (!MIGRATIONS_SCHEMA_NOT_CACHED.test(error.message)) throw error;
    }
    const prime = { migrationsList: params.migrationsList, filters: params.filters ?? NO_FILTERS };
    try {
      log('DEBUG', `Replaying the migrations into a shadow database before ${method}`);
      await this.call('devDiagnostic', prime);
      return await this.call(method, params);
    } catch (error) {
      log('DEBUG', `Retrying ${method} in a fresh wasm engine: ${error.message}`);
    }
    await this.disposeEngine();
    await this.call('devDiagnostic', prime);
    return this.call(method, params);
  }

  /**
   * After each request: drop shadow databases the engine left behind (it disposes of
   * them itself when all goes well, not always when a migration failed in one). Done
   * before answering, since the CLI may kill us as soon as it has its last answer.
   */
  async afterRequest() {
    await this.current?.adapters.cleanup();
  }

  async close() {
    await this.disposeEngine();
  }
}

let activeSession; // for the signal handler

async function serveRpc(options) {
  const session = new EngineSession({ datamodelPaths: options.datamodels, datasource: options.datasource });
  activeSession = session;
  const pendingToClient = new Map(); // our requests to the CLI (print), by id
  let nextClientRequestId = 1;

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  /** A request from the engine to the CLI; the native engine uses this to print. */
  const requestClient = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextClientRequestId++;
      pendingToClient.set(id, { resolve, reject });
      send({ jsonrpc: '2.0', id, method, params });
    });

  const handlers = {
    // Methods the wasm engine implements with the same name and parameters.
    applyMigrations: async (params) => {
      takeLastScriptError();
      try {
        return await session.call('applyMigrations', params);
      } catch (error) {
        throw asFailedMigrationError(error, takeLastScriptError());
      }
    },
    createMigration: (params) => session.callNeedingMigrationsSchema('createMigration', params),
    dbExecute: async (params) => (await session.call('dbExecute', params)) ?? {},
    devDiagnostic: (params) => session.call('devDiagnostic', params),
    diagnoseMigrationHistory: (params) => session.call('diagnoseMigrationHistory', params),
    ensureConnectionValidity: async (params) => (await session.call('ensureConnectionValidity', params)) ?? {},
    evaluateDataLoss: (params) => session.callNeedingMigrationsSchema('evaluateDataLoss', params),
    introspect: (params) => session.call('introspect', params),
    introspectSql: (params) => session.call('introspectSql', params),
    markMigrationApplied: async (params) => (await session.call('markMigrationApplied', params)) ?? {},
    markMigrationRolledBack: async (params) => (await session.call('markMigrationRolledBack', params)) ?? {},
    reset: async (params) => (await session.call('reset', { filter: params?.filter ?? NO_FILTERS })) ?? {},
    schemaPush: (params) => session.call('schemaPush', params),

    // The native engine prints the diff itself through a `print` request and returns no
    // stdout; the wasm engine returns it. Print it the native way so that the CLI's
    // `--output` capture and exit-code handling work unchanged.
    diff: async (params) => {
      const { exitCode, stdout } = await session.call('diff', params);
      if (stdout !== null && stdout !== undefined) await requestClient('print', { content: stdout });
      return { exitCode, stdout: null };
    },

    // Named differently in the wasm engine.
    getDatabaseVersion: (params) => session.call('version', params ?? undefined),

    // Database creation is not part of the wasm engine.
    createDatabase: async (params) => {
      const source = params?.datasource;
      const url = source?.tag === 'ConnectionString' ? source.url : options.datasource.url;
      try {
        return { databaseName: await createDatabase(url) };
      } catch (error) {
        throw Object.assign(new Error(error.message), { rpcData: errorData(toUserFacingError(error, url)) });
      }
    },

    debugPanic: () => session.call('debugPanic'),
  };

  // Requests are handled one at a time, in order, like the native engine does.
  let queue = Promise.resolve();

  const handleRequest = async (request) => {
    const { id, method, params } = request;
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!handler) {
      send({
        jsonrpc: '2.0',
        id,
        error: {
          code: -32601,
          message: `Method not found: ${method}`,
          data: { is_panic: false, message: `The wasm schema engine stand-in does not implement \`${method}\`.` },
        },
      });
      return;
    }
    let response;
    try {
      const result = await handler(params);
      response = { jsonrpc: '2.0', id, result: result ?? null };
    } catch (error) {
      const data = error.rpcData ?? errorData(error, session.factory);
      // The native engine's top-level message is always this generic one; the CLI shows it
      // for panics, so we put the panic's own message there instead.
      const message = data.is_panic
        ? `Schema engine panicked: ${data.message}`
        : 'An error happened. Check the data field for details.';
      if (data.is_panic) log('ERROR', data.message, { is_panic: true });
      response = { jsonrpc: '2.0', id, error: { code: 4466, message, data } };
    }
    await session.afterRequest().catch((error) => log('WARN', `Cleaning up after ${method} failed: ${error.message}`));
    send(response);
  };

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    if (typeof message.method === 'string') {
      queue = queue.then(() => handleRequest(message));
    } else if (pendingToClient.has(message.id)) {
      // The CLI's answer to one of our requests (print).
      const pending = pendingToClient.get(message.id);
      pendingToClient.delete(message.id);
      if (message.error) pending.reject(new Error(JSON.stringify(message.error)));
      else pending.resolve(message.result);
    }
  });

  // The CLI closes stdin when it is done (and, on Linux, kills us right after), so
  // clean up as soon as the queue is drained.
  await new Promise((resolve) => input.once('close', resolve));
  await queue;
  await session.close();
  return 0;
}

// ---------------------------------------------------------------------------------------

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    log('ERROR', error.message, { is_panic: false });
    return 1;
  }

  if (options.version) {
    // The native binary prints "schema-engine-cli <engine commit>".
    process.stdout.write(`schema-engine-cli ${engineCommitHash().commit}\n`);
    return 0;
  }
  if (options.help) {
    process.stdout.write('Prisma schema engine (wasm stand-in). See tools/prisma-schema-engine/README.md.\n');
    return 0;
  }

  // First stderr line: the CLI skips it in `cli` mode, as the native engine logs its start first.
  log('INFO', 'Starting schema engine (wasm stand-in)', { git_hash: engineCommitHash().commit });

  if (options.cliCommand) return runCliCommand(options.cliCommand, options.datasource);
  return serveRpc(options);
}

// The CLI SIGTERMs us right after closing stdin (on Linux). By then every answer was sent
// and cleaned up after; if a request was still running (Ctrl-C), drop its shadow
// databases, within a few seconds, before exiting.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 5000).unref();
    Promise.resolve(activeSession?.close()).finally(() => process.exit(0));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
    // Pools of the pg driver may keep the event loop alive; nothing is left to do.
    setImmediate(() => process.exit(code));
  },
  (error) => {
    log('ERROR', `${error?.stack ?? error}`, { is_panic: true });
    process.exit(101); // what the CLI expects from a crashed (panicked) engine
  },
);
