// The app as the crash-safety test kills it: a child process that starts the embedded PostgreSQL
// on a data folder (as `npm start` does), migrates it, seeds the demo on first start, and serves
// POST /api/v1/contributions as its route does — the bearer token's person, the body parsed with
// ZContributionCreate, createContribution (Prisma → PostgreSQL), 201 once committed — without
// Next's build (next-auth's providers do not load outside Next or vitest, so the token is read
// here rather than through apiRoute). Prints `READY {json}` once it listens.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres';
import { migrate } from '../../lib/db/migrate';

const dataDir = process.argv[2];
const embedded = await startEmbeddedPostgres({ dataDir });
await embedded.ensureDatabase('butin');
process.env.DATABASE_URL = embedded.url('butin');
await migrate({
  databaseUrl: process.env.DATABASE_URL,
  migrationsDir: path.resolve(import.meta.dirname, '../../prisma/migrations'),
});

const { seedDemo } = await import('../../lib/demo/seed-demo');
const { db } = await import('../../lib/db');
const { createApiToken } = await import('../../lib/tokens/api-tokens');
const { loadTokenActor } = await import('../../lib/auth/load-actor');
const { hashToken } = await import('../../lib/auth/tokens');
const { ZContributionCreate } = await import('../../lib/contributions/inputs');
const { createContribution } = await import('../../lib/contributions/server/mutations');

const tokensFile = path.join(dataDir, 'crash-tokens.json');
if ((await seedDemo()).seeded) {
  const people = await db().person.findMany({ orderBy: { email: 'asc' } });
  const tokens = [];
  for (const person of people) tokens.push((await createApiToken({ personId: person.id, name: 'crash test' })).token);
  const chantiers = (await db().chantier.findMany({ select: { id: true } })).map((chantier) => chantier.id);
  fs.writeFileSync(tokensFile, JSON.stringify({ tokens, chantiers }));
}

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
  const caller = await loadTokenActor(hashToken(token));
  const input = ZContributionCreate.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  if (!caller || !input.success) {
    res.writeHead(caller ? 400 : 401).end('{}');
    return;
  }
  try {
    const created = await createContribution({ actor: caller.actor, input: input.data });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(created));
  } catch (error) {
    res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(
    `READY ${JSON.stringify({ port: address.port, databaseUrl: process.env.DATABASE_URL, ...JSON.parse(fs.readFileSync(tokensFile, 'utf8')) })}`,
  );
});
