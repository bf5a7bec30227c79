// The built app under test, started the way production starts it — `node scripts/run.mjs start`,
// what `npm start` runs (scripts/start.ts: migrations, then Next in that process, or its workers
// when WEB_CONCURRENCY asks for several) — against the benchmark's database, on a loopback port,
// in its own process group so that stopping it stops every process it started; several such
// instances on one database (BENCH_INSTANCES); and their memory and CPU, read from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type AppServer = {
  url: string;
  pid: number;
  output: () => string;
  alive: () => boolean;
  stop: () => Promise<void>;
};

const NEXT_BIN = (root: string) => path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Builds the app when it has never been built (or when asked): `next build`, bounded in time. */
export function ensureBuilt(
  root: string,
  options: { force: boolean; log: (line: string) => void },
): { built: boolean; seconds: number } {
  if (!options.force && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return { built: false, seconds: 0 };
  options.log('bench: building the app (next build)…');
  const started = performance.now();
  const build = spawnSync(process.execPath, [NEXT_BIN(root), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 15 * 60_000,
  });
  if (build.status !== 0)
    throw new Error(`next build failed (status ${build.status}${build.error ? `, ${build.error.message}` : ''})`);
  return { built: true, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * `node scripts/run.mjs start` with DATABASE_URL set (so no embedded database, no demo seed): the
 * environment passes through, WEB_CONCURRENCY included.
 */
export async function startApp(options: {
  root: string;
  port: number;
  env: Record<string, string>;
}): Promise<AppServer> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(options.root, 'scripts', 'run.mjs'), 'start'], {
    cwd: options.root,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() signals the group
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid!;
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
      if ((await Promise.race([exited, timer])) === 'timeout') {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited;
      }
    },
  };
}

/** Milliseconds from `since` (default: now) until GET /api/health answers 200, polled every 25 ms. */
export async function waitForHealth(
  url: string,
  timeoutMs: number,
  isAlive: () => boolean,
  since = performance.now(),
): Promise<number> {
  const started = since;
  while (performance.now() - started < timeoutMs) {
    if (!isAlive()) throw new Error('The app exited before it answered');
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return Math.round(performance.now() - started);
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The app did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** The process and its descendants, with their resident memory (VmRSS, kB), from /proc. */
export function processTree(rootPid: number): { pid: number; name: string; rssKb: number }[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const tree: { pid: number; name: string; rssKb: number }[] = [];
  const visit = (pid: number) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const name = /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?';
      const rssKb = Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0);
      tree.push({ pid, name, rssKb });
    } catch {
      return;
    }
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return tree;
}

/** The Node process that serves requests: the largest of the tree (with workers, the largest worker). */
export function serverProcess(rootPid: number): { pid: number; name: string; rssKb: number } {
  const tree = processTree(rootPid);
  return tree.reduce((largest, entry) => (entry.rssKb > largest.rssKb ? entry : largest), tree[0]);
}

export function readRssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s*(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples a process's VmRSS every `intervalMs` until stopped; returns the peak and the samples. */
export function sampleRss(pid: number, intervalMs = 100): { stop: () => { peakKb: number; samples: number } } {
  let peakKb = readRssKb(pid);
  let samples = 1;
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, readRssKb(pid));
    samples += 1;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peakKb = Math.max(peakKb, readRssKb(pid));
      return { peakKb, samples: samples + 1 };
    },
  };
}

let ticksPerSecond: number | undefined;

/** CPU time (user + system, ms) used so far by a process and its descendants, from /proc. */
export function treeCpuMs(rootPid: number): number {
  if (ticksPerSecond === undefined) {
    const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksPerSecond = Number(result.stdout?.trim()) || 100;
  }
  let ticks = 0;
  for (const { pid } of processTree(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** The postmaster's pid of an embedded data folder (its first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}
