// Logging in the format of the native schema engine.
//
// The Prisma CLI reads the engine's stderr line by line and JSON-parses every line
// (`{"timestamp", "level", "fields": {"message", ...}, "target"}`): in RPC mode it keeps
// `fields.message` of each line and remembers the fields of the last ERROR line; in
// `cli ...` mode it skips the *first* line and throws if any later line is not JSON.
// So nothing but such JSON lines may ever reach stderr. This module is imported first
// by schema-engine.mjs, so that it also catches Node's own warnings (a `warning`
// listener replaces Node's default printing of them).

const LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };

/** RUST_LOG=info (what the CLI sets) -> INFO and above. */
function thresholdFromEnv() {
  const setting = String(process.env.RUST_LOG ?? 'info').toLowerCase();
  for (const name of ['trace', 'debug', 'info', 'warn', 'error']) {
    if (new RegExp(`(^|[,=])${name}($|,)`).test(setting)) return LEVELS[name.toUpperCase()];
  }
  return LEVELS.INFO;
}
const threshold = thresholdFromEnv();

/**
 * @param {'TRACE'|'DEBUG'|'INFO'|'WARN'|'ERROR'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 * @param {string} [target] the CLI looks for target "schema_engine::logger" on errors
 */
export function log(level, message, fields = {}, target = 'schema_engine::logger') {
  if ((LEVELS[level] ?? LEVELS.INFO) < threshold && level !== 'ERROR') return;
  writeLine({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target });
}

/** A line the wasm engine logged itself (already JSON, without timestamp). */
export function forwardEngineLog(line) {
  let entry;
  try {
    entry = typeof line === 'string' ? JSON.parse(line) : line;
  } catch {
    entry = { level: 'INFO', fields: { message: String(line) }, target: 'schema_engine_wasm' };
  }
  const level = String(entry.level ?? 'INFO').toUpperCase();
  if ((LEVELS[level] ?? LEVELS.INFO) < threshold) return;
  writeLine({ timestamp: new Date().toISOString(), ...entry, level });
}

function writeLine(entry) {
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

process.removeAllListeners('warning');
process.on('warning', (warning) => log('WARN', `${warning.name}: ${warning.message}`, {}, 'node'));
