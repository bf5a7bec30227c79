// `npm run admin:create` does only what it is told (no second admin without --force, no password
// reset without --reset-password, no renamed collective without --collective) and gives the first
// admin every role; `npm run db:seed` on a database with people changes nothing and exits 1.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { ensureAdmin } from '@/lib/setup/first-admin';
import { createPerson, resetDatabase, TEST_PASSWORD } from '../support/database';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'a-long-admin-password';

function runScript(name: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/run.mjs', name, ...args], {
    cwd: root,
    env: { ...process.env, LOG_FORMAT: 'json', ...env },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function collectiveName() {
  return (await db().collectiveSettings.findUnique({ where: { id: 1 } }))?.name;
}

beforeEach(async () => {
  await resetDatabase();
});

describe('ensureAdmin', () => {
  it('creates the first admin with every role, and leaves the collective alone unless told', async () => {
    await db().collectiveSettings.create({ data: { id: 1, name: 'Monscobar' } });
    const result = await ensureAdmin({ email: 'First@Example.org', name: 'First Admin', password: PASSWORD });
    expect(result).toMatchObject({ email: 'first@example.org', created: true, passwordSet: true });
    const person = await db().person.findUniqueOrThrow({ where: { email: 'first@example.org' } });
    expect([...person.roles].sort()).toEqual(['ADMIN', 'CONTRIBUTOR', 'TREASURER']);
    expect(await verifyPassword(person.passwordHash, PASSWORD)).toBe(true);
    expect(await collectiveName()).toBe('Monscobar');

    await ensureAdmin({ email: 'first@example.org', collective: 'La Coroutine' });
    expect(await collectiveName()).toBe('La Coroutine');
  });

  it('refuses a second admin unless forced', async () => {
    await ensureAdmin({ email: 'first@example.org', name: 'First', password: PASSWORD });
    await expect(ensureAdmin({ email: 'second@example.org', name: 'Second', password: PASSWORD })).rejects.toThrow(
      /already exists \(first@example\.org\).*--force/,
    );
    expect(await db().person.count({ where: { email: 'second@example.org' } })).toBe(0);
    await ensureAdmin({ email: 'second@example.org', name: 'Second', password: PASSWORD, force: true });
    expect((await db().person.findUniqueOrThrow({ where: { email: 'second@example.org' } })).roles).toContain('ADMIN');
  });

  it('promotes an existing person without touching their password, name or sessions unless told', async () => {
    const existing = await createPerson({ email: 'rose@example.org', name: 'Rose' });
    const before = await db().person.findUniqueOrThrow({ where: { id: existing.id } });
    const result = await ensureAdmin({ email: 'rose@example.org', password: 'someone-elses-guess' });
    expect(result).toMatchObject({ created: false, passwordSet: false, rolesAdded: ['ADMIN', 'TREASURER'] });
    const after = await db().person.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.name).toBe('Rose');
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(true);

    await ensureAdmin({ email: 'rose@example.org', password: PASSWORD, resetPassword: true });
    const reset = await db().person.findUniqueOrThrow({ where: { id: existing.id } });
    expect(await verifyPassword(reset.passwordHash, PASSWORD)).toBe(true);
    expect(reset.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it('needs a name and a password for a new person', async () => {
    await expect(ensureAdmin({ email: 'new@example.org', password: PASSWORD })).rejects.toThrow(/--name/);
    await expect(ensureAdmin({ email: 'new@example.org', name: 'New', password: 'short' })).rejects.toThrow();
    expect(await db().person.count()).toBe(0);
  });
});

describe('the command-line scripts', () => {
  it('admin:create refuses a second admin and says why, exit 1; --force makes it', async () => {
    await ensureAdmin({ email: 'first@example.org', name: 'First', password: PASSWORD });
    const refused = runScript('create-admin', ['--email', 'second@example.org', '--name', 'Second'], {
      BUTIN_ADMIN_PASSWORD: PASSWORD,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exists \(first@example\.org\)/);
    expect(await db().person.count({ where: { email: 'second@example.org' } })).toBe(0);

    const forced = runScript('create-admin', ['--email', 'second@example.org', '--name', 'Second', '--force'], {
      BUTIN_ADMIN_PASSWORD: PASSWORD,
    });
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/Admin ready: second@example\.org \(created; roles added: ADMIN, TREASURER/);
  });

  it('admin:create without a terminal nor BUTIN_ADMIN_PASSWORD asks for it and makes nothing', async () => {
    const result = runScript('create-admin', ['--email', 'x@example.org', '--name', 'X'], {
      BUTIN_ADMIN_PASSWORD: '',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/BUTIN_ADMIN_PASSWORD/);
    expect(await db().person.count()).toBe(0);
  });

  it('db:seed on a database that has people changes nothing and exits 1', async () => {
    await createPerson({ email: 'only@example.org' });
    const result = runScript('seed', []);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Nothing seeded/);
    expect(await db().person.count()).toBe(1);
  });
});
