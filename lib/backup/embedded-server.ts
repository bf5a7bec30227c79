// Finds the embedded PostgreSQL a running Butin started, from its data folder: PostgreSQL writes
// its pid and port into postmaster.pid. Lets `npm run backup` read a live database in place.
import fs from 'node:fs';
import path from 'node:path';

/** The port of the server running on `dataDir`, or null when none runs (or it crashed). */
export function runningEmbeddedPort(dataDir: string, alive = processAlive): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  return parsePostmasterPid(fs.readFileSync(file, 'utf8'), alive);
}

/** postmaster.pid: the pid on line 1, the port on line 4. */
export function parsePostmasterPid(text: string, alive: (pid: number) => boolean): number | null {
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return alive(pid) ? port : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
