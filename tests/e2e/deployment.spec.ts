// The deployment the README describes, for real: two instances started as systemd starts them
// (`node scripts/run.mjs start`, deploy/butin.service) on one database, behind nginx running the
// shipped deploy/nginx.conf (its ports substituted). Through nginx: sign-in, a write on one
// instance read on the other, the client address the rate limit sees, and a restart of each
// instance in turn with no failed request at the balancer. And `npm start`: a SIGTERM to the npm
// process leaves no process and no listening port behind, the embedded PostgreSQL included.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, sql, uniqueEmail } from './support';

const root = path.resolve(import.meta.dirname, '../..');
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
const SECRET = 'deployment-e2e-secret-0123456789abcdef';

test.describe.configure({ mode: 'serial' });

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

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

const healthy = (url: string) => async () => (await fetch(`${url}/api/health`)).ok;

type Started = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

function start(command: string, args: string[], env: Record<string, string | undefined>): Started {
  const child = spawn(command, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** The process ids below `pid` (children, grandchildren…), from ps. */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const baseEnv = () => {
  const env: Record<string, string | undefined> = { ...process.env, LOG_FORMAT: 'json', SHUTDOWN_GRACE_MS: '3000' };
  delete env.DATABASE_URL;
  delete env.PORT;
  return env;
};

test.describe('two instances behind the shipped nginx configuration', () => {
  test.skip(!nginx, 'nginx is not installed (.ci/run installs it: apt-get install nginx)');
  test.setTimeout(240_000);

  let dir: string;
  let proxyUrl: string;
  const instances: { port: number; url: string; run?: Started }[] = [];
  let proxy: Started | undefined;

  const startInstance = (index: number) => {
    const instance = instances[index];
    instance.run = start(process.execPath, ['scripts/run.mjs', 'start'], {
      ...baseEnv(),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_SECRET: SECRET,
      APP_URL: proxyUrl,
      NEXTAUTH_URL: proxyUrl,
      HOST: '127.0.0.1',
      PORT: String(instance.port),
      TRUST_PROXY_HOPS: '1',
    });
    return waitFor(healthy(instance.url), 90_000, `instance ${index + 1} answers`);
  };

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-nginx-'));
    const [proxyPort, first, second] = [await freePort(), await freePort(), await freePort()];
    proxyUrl = `http://127.0.0.1:${proxyPort}`;
    for (const port of [first, second]) instances.push({ port, url: `http://127.0.0.1:${port}` });
    const site = fs
      .readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')
      .replace('127.0.0.1:3001', `127.0.0.1:${first}`)
      .replace('127.0.0.1:3002', `127.0.0.1:${second}`)
      .replace(/listen 80;/, `listen 127.0.0.1:${proxyPort};`)
      .replace(/\s*listen \[::\]:80;/, '');
    expect(site).toContain(`server 127.0.0.1:${second}`);
    fs.writeFileSync(path.join(dir, 'butin.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${path.join(dir, 'nginx.pid')};`,
        `error_log ${path.join(dir, 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${path.join(dir, 'access.log')};`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
        `  include ${path.join(dir, 'butin.conf')};`,
        '}',
      ].join('\n'),
    );
    await Promise.all([startInstance(0), startInstance(1)]);
    proxy = start(nginx!, ['-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], process.env);
    await waitFor(healthy(proxyUrl), 20_000, 'nginx answers');
  });

  test.afterAll(async () => {
    for (const instance of instances) instance.run?.child.kill('SIGTERM');
    proxy?.child.kill('SIGTERM');
    await Promise.all([...instances.map((instance) => instance.run?.exited), proxy?.exited]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a person signs in through nginx', async ({ page }) => {
    await page.goto(`${proxyUrl}/signin`);
    await page.getByLabel('Adresse e-mail').fill(DEMO.admin);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(proxyUrl);
  });

  test('what one instance writes, the other reads', async () => {
    const created = await fetch(`${instances[0].url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.treasurer, password: DEMO_PASSWORD, name: 'deployment test' }),
    });
    expect(created.status).toBe(201);
    const { token } = await created.json();
    const me = await fetch(`${instances[1].url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(DEMO.treasurer);
  });

  test('the rate limit sees the address nginx appended, not the one the client wrote', async () => {
    const email = uniqueEmail('forwarded');
    const response = await fetch(`${proxyUrl}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
      body: JSON.stringify({ email, password: 'not the password' }),
    });
    expect(response.status).toBe(401);
    const rows = await sql<{ ip: string }>('SELECT ip FROM auth_attempts WHERE email = $1', [email]);
    expect(rows).toEqual([{ ip: '127.0.0.1' }]);
  });

  test('restarting each instance in turn fails no request at the balancer', async () => {
    const statuses = new Map<number | string, number>();
    let running = true;
    const load = async () => {
      while (running) {
        for (const target of ['/api/health', '/signin']) {
          const status = await fetch(`${proxyUrl}${target}`).then(
            async (response) => (await response.arrayBuffer(), response.status),
            (error: Error) => error.message,
          );
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }
    };
    const workers = [load(), load(), load()];
    for (const index of [0, 1]) {
      const instance = instances[index];
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      instance.run!.child.kill('SIGTERM');
      expect(await instance.run!.exited).toBe(0);
      expect(await listening(instance.port)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // served by the other one meanwhile
      await startInstance(index);
      // As the README's upgrade step says: nginx keeps an instance that failed aside for its
      // fail_timeout (5 s in deploy/nginx.conf), so the next restart waits that long.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await Promise.all(workers);
    expect(Object.fromEntries(statuses)).toEqual({ 200: expect.any(Number) });
    expect(statuses.get(200)).toBeGreaterThan(20);
  });
});

test.describe('npm start', () => {
  test.setTimeout(180_000);

  for (const mode of ['with DATABASE_URL', 'with its embedded PostgreSQL'] as const) {
    test(`${mode}: a SIGTERM to the npm process stops everything and exits 0`, async () => {
      const port = await freePort();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-start-'));
      fs.chmodSync(dataDir, 0o755);
      const env = {
        ...baseEnv(),
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(mode === 'with DATABASE_URL'
          ? { DATABASE_URL: process.env.E2E_DATABASE_URL, NEXTAUTH_SECRET: SECRET }
          : { BUTIN_DATA_DIR: dataDir }),
      };
      const npm = start('npm', ['start'], env);
      try {
        await waitFor(healthy(`http://127.0.0.1:${port}`), 120_000, 'npm start answers').catch((error: Error) => {
          throw new Error(`${error.message}; it printed:\n${npm.output.join('').slice(-3_000)}`);
        });
        const tree = descendants(npm.child.pid!);
        // npm, and one node process serving the app (and the embedded PostgreSQL's processes).
        const commands = tree.map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
        expect(commands.filter((command) => /^node |\/node /.test(command))).toHaveLength(1);
        expect(commands.filter((command) => /\bsh -c\b|tsx/.test(command))).toEqual([]);
        if (mode !== 'with DATABASE_URL') expect(commands.some((command) => /postgres -D/.test(command))).toBe(true);
        expect(npm.output.join('')).toContain(`"msg":"Butin: http://127.0.0.1:${port}"`);

        npm.child.kill('SIGTERM');
        expect(await npm.exited).toBe(0);
        await waitFor(async () => tree.every((pid) => !alive(pid)), 10_000, 'every process of the tree ends');
        expect(await listening(port)).toBe(false);
        expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
        expect(npm.output.join('')).toContain('"msg":"stopped"');
      } finally {
        if (npm.child.exitCode === null) npm.child.kill('SIGKILL');
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});
