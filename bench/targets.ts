// Who calls and what is measured, chosen from the generated data (the busiest referent queue,
// the most active contributor, the largest periods), with a bearer token for each caller; and
// the deep cursor of the transparency list, reached by following nextCursor as a client would.
import crypto from 'node:crypto';
import pg from 'pg';
import { hashToken, newSecretToken } from '../lib/auth/tokens';
import { urlOf, type Actors } from './scenarios';

async function createToken(client: pg.Client, personId: string): Promise<string> {
  const token = newSecretToken('butin');
  await client.query(
    `INSERT INTO api_tokens (id, person_id, name, token_hash, prefix, created_at) VALUES ($1, $2, 'benchmark', $3, $4, now())`,
    [`cbench${crypto.randomBytes(10).toString('hex')}`, personId, hashToken(token), token.slice(0, 12)],
  );
  return token;
}

export type PeriodFacts = { id: string; name: string; status: string; approved: number; total: number };

/** Who calls and what is measured, chosen from the data: the busiest queue, a heavy contributor, the largest periods. */
export async function chooseTargets(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const queue = await client.query<{ chantier_id: string; n: string }>(
      `SELECT chantier_id, count(*) AS n FROM contributions WHERE status = 'SUBMITTED' AND deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const chantierId = queue.rows[0].chantier_id;
    const referent = await client.query<{ id: string }>(
      `SELECT p.id FROM referent_links rl JOIN people p ON p.id = rl.person_id WHERE rl.chantier_id = $1 AND p.active AND NOT ('ADMIN' = ANY (p.roles)) ORDER BY p.id LIMIT 1`,
      [chantierId],
    );
    const contributor = await client.query<{ id: string; n: string }>(
      `SELECT c.person_id AS id, count(*) AS n FROM contributions c JOIN people p ON p.id = c.person_id
        WHERE p.active AND p.roles = '{CONTRIBUTOR}' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const treasurer = await client.query<{ id: string }>(
      `SELECT id FROM people WHERE 'TREASURER' = ANY (roles) AND active ORDER BY id LIMIT 1`,
    );
    const periods = await client.query<PeriodFacts>(
      `SELECT p.id, p.name, p.status::text AS status,
              count(*) FILTER (WHERE c.status = 'APPROVED' AND c.deleted_at IS NULL)::int AS approved, count(*)::int AS total
         FROM funding_periods p JOIN contributions c ON c.period_id = p.id GROUP BY p.id ORDER BY total DESC`,
    );
    const largest = periods.rows[0];
    const largestOpen = periods.rows
      .filter((period) => period.status === 'OPEN')
      .sort((a, b) => b.approved - a.approved)[0];
    const largestClosed =
      periods.rows.filter((period) => period.status !== 'OPEN').sort((a, b) => b.approved - a.approved)[0] ?? null;
    const actors: Actors = {
      referent: { personId: referent.rows[0].id, chantierId, token: await createToken(client, referent.rows[0].id) },
      contributor: { personId: contributor.rows[0].id, token: await createToken(client, contributor.rows[0].id) },
      treasurer: { personId: treasurer.rows[0].id, token: await createToken(client, treasurer.rows[0].id) },
    };
    const facts = {
      referent: { personId: actors.referent.personId, chantierId, submittedInQueue: Number(queue.rows[0].n) },
      contributor: { personId: actors.contributor.personId, contributions: Number(contributor.rows[0].n) },
      treasurer: { personId: actors.treasurer.personId },
      largestPeriod: largest,
      largestOpenPeriod: largestOpen,
      largestClosedPeriod: largestClosed,
    };
    return { actors, largest, largestOpen, largestClosed, facts };
  } finally {
    await client.end();
  }
}

export async function getJson(url: string, token: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text.slice(0, 300) };
  }
}

/** Follows nextCursor `pages` times (200 a page) to reach a deep page of the transparency list. */
export async function deepCursor(base: string, token: string, pages: number) {
  let cursor: string | undefined;
  let rows = 0;
  for (let page = 0; page < pages; page++) {
    const { status, body } = await getJson(
      urlOf(base, '/api/v1/contributions', { status: 'APPROVED', limit: '200', ...(cursor ? { cursor } : {}) }),
      token,
    );
    const page$ = body as { items?: unknown[]; nextCursor?: string | null };
    if (status !== 200 || !page$.items)
      throw new Error(
        `Following the transparency list failed at page ${page + 1}: ${status} ${JSON.stringify(body).slice(0, 200)}`,
      );
    rows += page$.items.length;
    if (!page$.nextCursor) break;
    cursor = page$.nextCursor;
  }
  if (!cursor) throw new Error('The transparency list has a single page: no deep cursor');
  const [date, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  return { encoded: cursor, date, id, rows };
}
