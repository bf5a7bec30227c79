// npm run admin:create -- --email you@example.org --name "Your Name" [--collective "Name"]
// Creates (or promotes) an admin of a real deployment. The password is read from the
// BUTIN_ADMIN_PASSWORD variable or asked for on the terminal, never taken as an argument
// (arguments end up in shell history and process lists).
import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { migrate } from '@/lib/db/migrate';
import { createFirstAdmin, ZFirstAdmin } from '@/lib/setup/first-admin';
import { db } from '@/lib/db';
import { getSettings } from '@/lib/settings/settings';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, collective: { type: 'string' } },
});
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
let password = process.env.BUTIN_ADMIN_PASSWORD;
if (!password) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (at least 10 characters): ');
  rl.close();
}
await migrate({ databaseUrl: process.env.DATABASE_URL });
const collective = values.collective ?? (await getSettings()).name;
const parsed = ZFirstAdmin.safeParse({
  collective,
  email: values.email,
  name: values.name,
  password,
  passwordConfirm: password,
});
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  process.exit(2);
}
const person = await createFirstAdmin(parsed.data, { allowExistingAdmin: true });
console.log(`Admin ready: ${person.email}`);
await db().$disconnect();
