// A readable form of the JSON log lines for a terminal: `12:03:04 INFO  message key=value …`.
// Machines get the JSON lines; a person running `npm start` in a terminal gets these.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
const NUMBERS: Record<string, number> = Object.fromEntries(
  Object.entries(LEVELS).map(([number, name]) => [name.toLowerCase(), Number(number)]),
);
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function value(input: unknown): string {
  if (typeof input === 'string') return /[\s"=]/.test(input) || input === '' ? JSON.stringify(input) : input;
  return JSON.stringify(input);
}

/** Formats one JSON log line; a line that is not JSON is returned as it is. */
export function formatPretty(line: string, options: { colour?: boolean } = {}): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (!record || typeof record !== 'object') return line;
  const level = typeof record.level === 'string' ? (NUMBERS[record.level] ?? 0) : Number(record.level);
  const at = typeof record.time === 'number' || typeof record.time === 'string' ? new Date(record.time) : undefined;
  const time = at && !Number.isNaN(at.getTime()) ? at.toISOString().slice(11, 23) : '';
  const name = (LEVELS[level] ?? String(record.level ?? '')).padEnd(5);
  const label = options.colour && COLOURS[level] ? `\u001b[${COLOURS[level]}m${name}\u001b[0m` : name;
  const rest = Object.entries(record)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, field]) => `${key}=${value(field)}`)
    .join(' ');
  return [time, label, typeof record.msg === 'string' ? record.msg : '', rest].filter(Boolean).join(' ');
}
