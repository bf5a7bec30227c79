// The targets the figures are compared with (issue 16, on this 2-core machine); who calls and what
// is measured, chosen from the generated data (the busiest referent queue, the most active
// contributor, the largest periods, the period with the most receipts), with a bearer token for
// each caller; and the deep cursor of the transparency list, reached by following nextCursor as a
// client would.
import crypto from 'node:crypto';
import pg from 'pg';
import { hashToken, newSecretToken } from '../lib/auth/tokens';
import { urlOf, type Actors } from './scenarios';

/** Issue 16's targets. The benchmark reports against them; it never fails on one. */
export const TARGETS = {
  /** API lists at 10 clients: p95, and p95 over the same query's SQL floor. */
  listP95Ms: 100,
  listRatio: 1.5,
  /** Every signed-in page at 10 clients. */
  pageP95Ms: 150,
  /** Payout preview of the largest open period. */
  previewOneClientP95Ms: 150,
  previewTenClientsP95Ms: 500,
  /** Both CSV exports (contributions.csv is the row-level one), and their memory growth. */
  csvRowsPerSecond: 250_000,
  csvGrowthMb: 100,
  /** `npm start` to its first answer, the database being up. */
  startupMs: 2_000,
  declareJsGzipBytes: 120_000,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
} as const;

async function createToken(client: pg.Client, personId: string): Promise<string> {
  const token = newSecretToken('butin');
  await client.query(
    `INSERT INTO api_tokens (id, person_id, name, token_hash, prefix, created_at) VALUES ($1, $2, 'benchmark', $3, $4, now())`,
    [`cbench${crypto.randomBytes(10).toString('hex')}`, personId, hashToken(token), token.slice(0, 12)],
  );
  return token;
}

/**
 * A new bearer token for a person: setting a password revokes a person's tokens (the
 * people_revoke_tokens trigger), so the people signed in for the pages get theirs again after.
 */
export async function reissueToken(databaseUrl: string, personId: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await createToken(client, personId);
  } finally {
    await client.end();
  }
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
    // receipts.zip: the closed period whose approved claims have the most files.
    const receipts = await client.query<{ period_id: string; files: number }>(
      `SELECT c.period_id, count(*)::int AS files FROM attachments a JOIN claims c ON c.id = a.claim_id
         JOIN funding_periods p ON p.id = c.period_id
        WHERE c.status = 'APPROVED' AND c.deleted_at IS NULL AND p.status <> 'OPEN'
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const receiptsPeriod = receipts.rows[0]
      ? {
          ...periods.rows.find((period) => period.id === receipts.rows[0].period_id)!,
          receipts: receipts.rows[0].files,
        }
      : null;
    const claimsOf = await client.query<{ mine: number; queue: number }>(
      `SELECT count(*) FILTER (WHERE person_id = $1 AND deleted_at IS NULL)::int AS mine,
              count(*) FILTER (WHERE chantier_id = $2 AND status = 'SUBMITTED' AND deleted_at IS NULL)::int AS queue
         FROM claims`,
      [contributor.rows[0].id, chantierId],
    );
    const actors: Actors = {
      referent: { personId: referent.rows[0].id, chantierId, token: await createToken(client, referent.rows[0].id) },
      contributor: { personId: contributor.rows[0].id, token: await createToken(client, contributor.rows[0].id) },
      treasurer: { personId: treasurer.rows[0].id, token: await createToken(client, treasurer.rows[0].id) },
    };
    const facts = {
      referent: {
        personId: actors.referent.personId,
        chantierId,
        submittedInQueue: Number(queue.rows[0].n),
        claimsInQueue: claimsOf.rows[0].queue,
      },
      contributor: {
        personId: actors.contributor.personId,
        contributions: Number(contributor.rows[0].n),
        claims: claimsOf.rows[0].mine,
      },
      treasurer: { personId: actors.treasurer.personId },
      largestPeriod: largest,
      largestOpenPeriod: largestOpen,
      largestClosedPeriod: largestClosed,
      receiptsPeriod,
    };
    return { actors, largest, largestOpen, largestClosed, receiptsPeriod, facts };
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
