// A database outage, over HTTP: an instance started as production starts it
// (`node scripts/run.mjs start`) reaches the e2e database through a TCP relay that the test cuts.
// While the database is away a page answers 503 with Retry-After and the French outage page
// (not Next's bare 500), the API and /api/health say 503 in JSON; once the relay is back, the
// same page answers 200 again, with nobody restarting anything.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './support';

const root = path.resolve(import.meta.dirname, '../..');

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

/** A TCP relay to the database that can be cut (every connection dropped, new ones refused) and restored. */
function relay(target: { host: string; port: number }, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server?.close(() => resolve());
    });
  return { open, cut };
}

test.describe('while the database is away', () => {
  test.setTimeout(240_000);
  let app: ChildProcess | undefined;
  let link: ReturnType<typeof relay>;
  let url: string;
  const output: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const database = new URL(process.env.E2E_DATABASE_URL!);
    const [relayPort, appPort] = [await freePort(), await freePort()];
    link = relay({ host: database.hostname, port: Number(database.port || 5432) }, relayPort);
    await link.open();
    const viaRelay = new URL(database);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relayPort);
    url = `http://127.0.0.1:${appPort}`;
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: viaRelay.toString(),
      NEXTAUTH_SECRET: 'outage-e2e-secret-0123456789abcdef',
      APP_URL: url,
      NEXTAUTH_URL: url,
      HOST: '127.0.0.1',
      PORT: String(appPort),
      LOG_FORMAT: 'json',
      SHUTDOWN_GRACE_MS: '1000',
    };
    app = spawn(process.execPath, ['scripts/run.mjs', 'start'], {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout!.on('data', (chunk) => output.push(String(chunk)));
    app.stderr!.on('data', (chunk) => output.push(String(chunk)));
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, { timeout: 180_000 })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    await link?.cut();
  });

  test('a page answers 503 with the outage page, then recovers by itself', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: url, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByLabel('Adresse e-mail').fill(DEMO.contributor);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // A fresh instance's first sign-in can be slow on a busy machine.
    await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible({ timeout: 60_000 });
    expect((await page.goto('/contributions'))?.status()).toBe(200);

    await link.cut();
    const during = await page.goto('/contributions');
    expect(during?.status(), output.slice(-20).join('')).toBe(503);
    expect(await during?.headerValue('retry-after')).toBe('5');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le service est momentanément indisponible');
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    const api = await context.request.get('/api/v1/me');
    expect(api.status()).toBe(503);
    expect((await api.json()).error.code).toBe('DATABASE_UNAVAILABLE');

    await link.open();
    await expect.poll(async () => (await page.goto('/contributions'))?.status(), { timeout: 30_000 }).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Le service est momentanément indisponible');
    await context.close();
  });
});
