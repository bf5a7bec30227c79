// npm run admin:create -- --email you@example.org --name "Your Name" [--collective "Name"]
//                          [--force] [--reset-password]
// Makes a person an admin (and treasurer) of a real deployment, doing only what it is told:
//  - once an active admin exists, it refuses to make another unless --force;
//  - an existing person keeps their password unless --reset-password, and their name unless --name;
//  - the collective is renamed only with --collective.
// The password is read from BUTIN_ADMIN_PASSWORD or asked for twice on the terminal without
// showing it, never taken as an argument (arguments end up in shell history and process lists).
import { parseArgs } from 'node:util';
import { migrate } from '@/lib/db/migrate';
import { ensureAdmin } from '@/lib/setup/first-admin';
import { closeDb, db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { askNewPassword } from './prompt';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      collective: { type: 'string' },
      force: { type: 'boolean', default: false },
      'reset-password': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!process.env.DATABASE_URL) fail('DATABASE_URL is not set.');
if (!values.email) fail('--email is required.');

await migrate({ databaseUrl: process.env.DATABASE_URL });
const existing = await db().person.findUnique({ where: { email: values.email.trim().toLowerCase() } });
const needsPassword = !existing || values['reset-password'];
let password: string | undefined;
if (needsPassword) {
  password = process.env.BUTIN_ADMIN_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) fail('No terminal to ask the password on: set BUTIN_ADMIN_PASSWORD.');
    try {
      password = await askNewPassword(process.stdin, process.stdout);
    } catch (error) {
      fail(`No admin made: ${error instanceof Error ? error.message : error}.`);
    }
  }
}

try {
  const result = await ensureAdmin({
    email: values.email,
    name: values.name,
    password,
    collective: values.collective,
    force: values.force,
    resetPassword: values['reset-password'],
  });
  const done = [
    result.created ? 'created' : 'already there',
    result.rolesAdded.length ? `roles added: ${result.rolesAdded.join(', ')}` : 'roles unchanged',
    result.passwordSet ? 'password set' : 'password unchanged',
    result.collectiveRenamed ? 'collective renamed' : undefined,
  ].filter(Boolean);
  console.log(`Admin ready: ${result.email} (${done.join('; ')})`);
} catch (error) {
  if (error instanceof AppError) fail(`No admin made: ${error.message}`, 1);
  if (error && typeof error === 'object' && 'issues' in error) {
    const issues = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    fail(`No admin made: ${issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ')}`);
  }
  throw error;
} finally {
  await closeDb();
}
