// Why a figure is what it is: calls the app's own functions in this process (the code the route
// handlers run, minus HTTP), records every SQL statement they send (query-recorder.ts), and runs
// EXPLAIN (ANALYZE, BUFFERS) on each as sent. Each call is repeated and the median run kept, so a
// stray pause does not become a finding. For the payout preview it splits the time between the
// query, the driver, the pricing module's validation and computation, and serialisation, and
// times alternatives to the query. Plans go to a text file; the JSON keeps the figures.
import pg from 'pg';
import { recordQueries, type RecordedQuery } from './query-recorder';
import type { ListScenario } from './scenarios';
import { median } from './stats';

/** One statement: its text (shortened in the JSON), time in the app process, and EXPLAIN ANALYZE's time; the plan goes to the plans file. */
export type QueryDiagnosis = {
  sql: string;
  ms: number;
  rows: number;
  explainMs: number | null;
  /** The plan's first node, and the buffers it reports (shared hit / read). */
  top?: string;
  buffers?: string;
  plan?: string;
};

/** A screen's data, as its page loads it: the call, and each statement explained. */
export type ScreenDiagnosis =
  { key: string; callMs: number; queries: QueryDiagnosis[] } | { key: string; error: string };

export type Diagnosis = {
  auth: { queries: { sql: string; ms: number }[]; callMs: number } | { error: string };
  lists: { key: string; callMs: number; queries: QueryDiagnosis[]; floor: QueryDiagnosis }[];
  /** The transparency list at growing depths: keyset pagination should not care how deep. */
  deepPages?: {
    depthRows: number;
    callMs: number;
    pageQueryExecutionMs: number | null;
    rowsRemovedByFilter: number | null;
    floorExecutionMs: number | null;
  }[];
  payoutPreview?: {
    periodId: string;
    contributions: number;
    lines: number;
    /** The whole of getPayouts(), as the route runs it. */
    callMs: number;
    queries: number;
    /** loadPricingInput(): its queries through Prisma, and mapping the rows. */
    loadInputMs: number;
    contributionsQueryMs: number;
    contributionsQueryExecutionMs: number | null;
    /** The same contributions query with plain pg, and alternatives. */
    alternatives: {
      plainPgMs: number;
      plainPgTextTimestampsMs: number;
      aggregatedInSqlMs: number;
      aggregatedRows: number;
    };
    validateMs: number;
    computeMs: number;
    stringifyMs: number;
    responseBytes: number;
  };
  payoutFrozen?: {
    periodId: string;
    callMs: number;
    queries: { sql: string; ms: number; rows: number }[];
    inputsBytes: number;
    inputsStoredBytes: number;
    withoutInputsMs: number;
    responseBytes: number;
  };
  /** The new screens (claims lists, dashboard, Prévisionnel): their statements explained. */
  screens?: ScreenDiagnosis[];
  csvReport?:
    { periodId: string; callMs: number; queries: { sql: string; ms: number; rows: number }[] } | { error: string };
};

const short = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const round = (value: number) => Math.round(value * 10) / 10;

/** Runs `work` `times` times and keeps the median run (by total time). */
async function medianRun<T>(times: number, work: () => Promise<T>) {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(await recordQueries(work));
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
}

async function timed(times: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return round(median(durations));
}

async function explain(
  client: pg.Client,
  query: { text: string; values: unknown[] },
): Promise<{ plan: string; explainMs: number | null }> {
  if (!/^\s*(SELECT|WITH)\b/i.test(query.text)) return { plan: '(not a SELECT)', explainMs: null };
  try {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
      query.values,
    );
    const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
    return { plan, explainMs: Number.isNaN(executionMs) ? null : executionMs };
  } catch (error) {
    return { plan: `EXPLAIN failed: ${(error as Error).message}`, explainMs: null };
  }
}

async function diagnoseQueries(client: pg.Client, queries: RecordedQuery[]): Promise<QueryDiagnosis[]> {
  const out: QueryDiagnosis[] = [];
  for (const query of queries) {
    const { plan, explainMs } = await explain(client, query);
    const top = plan
      .split('\n')[0]
      ?.replace(/\s+\(cost=[^)]*\)/, '')
      .trim()
      .slice(0, 120);
    const buffers = /Buffers: ([^\n]*)/.exec(plan)?.[1]?.trim();
    out.push({ sql: short(query.text), ms: round(query.ms), rows: query.rows, explainMs, top, buffers, plan });
  }
  return out;
}

const brief = (queries: RecordedQuery[]) =>
  queries.map((query) => ({ sql: short(query.text).slice(0, 240), ms: round(query.ms), rows: query.rows }));

export async function diagnose(options: {
  databaseUrl: string;
  lists: ListScenario[];
  treasurerId: string;
  referentId: string;
  contributorId: string;
  contributorToken: string;
  previewPeriodId: string;
  frozenPeriodId: string | null;
  log: (line: string) => void;
}): Promise<{ diagnosis: Diagnosis; plans: string }> {
  // The app's modules read DATABASE_URL when they first open their pool.
  process.env.DATABASE_URL = options.databaseUrl;
  const { db } = await import('../lib/db');
  const { loadActor } = await import('../lib/auth/load-actor');
  const { listContributions } = await import('../lib/contributions/server/queries');
  const { ZContributionFilters } = await import('../lib/contributions/inputs');
  const { getPayouts } = await import('../lib/periods/get-payouts');
  const { loadPricingInput } = await import('../lib/periods/payouts');
  const { computePayoutsWithClaims } = await import('../lib/pricing');
  const { assertValidPricingInput } = await import('../lib/pricing/validate-input');

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let plans = '';
  const addPlan = (title: string, query: QueryDiagnosis) => {
    plans += `\n=== ${title}\n-- ${query.ms} ms in the app process (median run), ${query.rows} rows\n${query.sql}\n\n${query.plan}\n`;
  };
  const diagnosis: Diagnosis = { auth: { error: 'not run' }, lists: [] };
  try {
    // What a bearer token costs on every API request: the queries of actorFromToken() in
    // lib/auth/actor.ts (that module pulls next-auth, which does not load outside Next): the
    // token by its hash, then loadActor().
    try {
      const { hashToken } = await import('../lib/auth/tokens');
      const authenticate = async () => {
        const record = await db().apiToken.findUnique({ where: { tokenHash: hashToken(options.contributorToken) } });
        return record ? loadActor(record.personId, 'token') : null;
      };
      await authenticate();
      const auth = await medianRun(5, authenticate);
      diagnosis.auth = { queries: brief(auth.queries), callMs: round(auth.ms) };
    } catch (error) {
      diagnosis.auth = { error: (error as Error).message };
    }

    for (const scenario of options.lists) {
      const actor = await loadActor(scenario.personId, 'token');
      if (!actor) throw new Error(`No active person ${scenario.personId}`);
      const filters = ZContributionFilters.parse(scenario.query);
      await listContributions({ actor, filters }); // warm: connections open, code compiled
      const recorded = await medianRun(5, () => listContributions({ actor, filters }));
      const queries = await diagnoseQueries(client, recorded.queries);
      const [floor] = await diagnoseQueries(client, [
        { text: scenario.floor.sql, values: scenario.floor.params, ms: 0, rows: 0 },
      ]);
      const floorRun = await medianRun(5, () => client.query(scenario.floor.sql, scenario.floor.params));
      floor.ms = round(floorRun.ms);
      floor.rows = floorRun.value.rowCount ?? 0;
      queries.forEach((query, index) => addPlan(`${scenario.key}: app query ${index + 1} of ${queries.length}`, query));
      addPlan(`${scenario.key}: floor`, floor);
      const slim = ({ plan: _plan, ...query }: QueryDiagnosis) => ({ ...query, sql: query.sql.slice(0, 300) });
      diagnosis.lists.push({
        key: scenario.key,
        callMs: round(recorded.ms),
        queries: queries.map(slim),
        floor: slim(floor),
      });
      options.log(
        `diagnose: ${scenario.key}: ${queries.length} queries, ${recorded.ms.toFixed(1)} ms in process (floor ${floor.ms} ms)`,
      );
    }

    const transparency = options.lists.find((scenario) => scenario.key === 'transparencyDeep');
    if (transparency) {
      const actor = (await loadActor(transparency.personId, 'token'))!;
      const { encodeCursor } = await import('../lib/api/cursor');
      const approved = Number(
        (
          await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM contributions WHERE status = 'APPROVED' AND deleted_at IS NULL`,
          )
        ).rows[0].n,
      );
      diagnosis.deepPages = [];
      for (const depthRows of [1_000, 20_000, 100_000, 500_000, 1_000_000].filter((depth) => depth < approved)) {
        const at = await client.query<{ date: string; id: string }>(
          `SELECT to_char(date, 'YYYY-MM-DD') AS date, id FROM contributions WHERE status = 'APPROVED' AND deleted_at IS NULL ORDER BY date DESC, id DESC OFFSET $1 LIMIT 1`,
          [depthRows - 1],
        );
        const cursor = encodeCursor({ key: at.rows[0].date, id: at.rows[0].id });
        const filters = ZContributionFilters.parse({ status: 'APPROVED', cursor });
        const run = await medianRun(3, () => listContributions({ actor, filters }));
        // The page query, as Prisma's query builder or the app's own SQL writes it.
        const page = run.queries.find(
          (query) => /FROM\s+("public"\.)?"?contributions"?\s+c?\b/i.test(query.text) && /LIMIT/i.test(query.text),
        );
        const explained = page ? await explain(client, page) : null;
        const floor = await explain(client, {
          text: transparency.floor.sql,
          values: ['APPROVED', at.rows[0].date, at.rows[0].id],
        });
        const removed = explained ? /Rows Removed by Filter: (\d+)/.exec(explained.plan) : null;
        diagnosis.deepPages.push({
          depthRows,
          callMs: round(run.ms),
          pageQueryExecutionMs: explained?.explainMs ?? null,
          rowsRemovedByFilter: removed ? Number(removed[1]) : null,
          floorExecutionMs: floor.explainMs,
        });
      }
      options.log(`diagnose: deep pages: ${JSON.stringify(diagnosis.deepPages)}`);
    }

    const treasurer = await loadActor(options.treasurerId, 'token');
    if (!treasurer) throw new Error('No treasurer');
    const periodId = options.previewPeriodId;
    // The payout preview, step by step.
    await getPayouts({ actor: treasurer, periodId });
    const call = await medianRun(3, () => getPayouts({ actor: treasurer, periodId }));
    const loaded = await medianRun(3, () => loadPricingInput(db(), periodId));
    const contributionsQuery = loaded.queries.reduce((largest, query) => (query.rows > largest.rows ? query : largest));
    const input = loaded.value;
    const validateMs = await timed(3, () => assertValidPricingInput(input));
    const computeMs = await timed(3, () => computePayoutsWithClaims(input));
    let body = '';
    const stringifyMs = await timed(3, () => (body = JSON.stringify(call.value)));
    const [explained] = await diagnoseQueries(client, [contributionsQuery]);
    addPlan('payoutPreview: the approved contributions of the period (loadPricingInput)', explained);
    const isoCreatedAt = `SELECT id, person_id, chantier_id, place_id, to_char(date, 'YYYY-MM-DD') AS date,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, minutes, volunteer
      FROM contributions WHERE period_id = $1 AND status = 'APPROVED' AND deleted_at IS NULL`;
    const aggregated = `SELECT person_id, chantier_id, volunteer, sum(minutes)::int AS minutes, count(*)::int AS n
      FROM contributions WHERE period_id = $1 AND status = 'APPROVED' AND deleted_at IS NULL GROUP BY 1, 2, 3`;
    const aggregatedRows = (await client.query(aggregated, [periodId])).rowCount ?? 0;
    diagnosis.payoutPreview = {
      periodId,
      contributions: input.contributions.length,
      lines: call.value.lines.length,
      callMs: round(call.ms),
      queries: call.queries.length,
      loadInputMs: round(loaded.ms),
      contributionsQueryMs: round(contributionsQuery.ms),
      contributionsQueryExecutionMs: explained.explainMs,
      alternatives: {
        plainPgMs: await timed(3, () => client.query(contributionsQuery.text, contributionsQuery.values)),
        plainPgTextTimestampsMs: await timed(3, () =>
          client.query({ text: isoCreatedAt, values: [periodId], rowMode: 'array' }),
        ),
        aggregatedInSqlMs: await timed(3, () => client.query(aggregated, [periodId])),
        aggregatedRows,
      },
      validateMs,
      computeMs,
      stringifyMs,
      responseBytes: Buffer.byteLength(body),
    };
    options.log(`diagnose: payout preview: ${JSON.stringify(diagnosis.payoutPreview)}`);

    if (options.frozenPeriodId) {
      const frozenPeriodId = options.frozenPeriodId;
      await getPayouts({ actor: treasurer, periodId: frozenPeriodId });
      const frozen = await medianRun(3, () => getPayouts({ actor: treasurer, periodId: frozenPeriodId }));
      const size = await client.query<{ text_bytes: string; stored_bytes: string }>(
        `SELECT octet_length(inputs::text) AS text_bytes, pg_column_size(inputs) AS stored_bytes FROM payout_runs WHERE period_id = $1 AND status = 'CURRENT'`,
        [frozenPeriodId],
      );
      // What the run's query costs without the inputs column (the envelopes alone read from it).
      const withoutInputsMs = await timed(3, () =>
        client.query(
          `SELECT id, status, inputs -> 'settings' -> 'envelopes' AS envelopes, total_amount_cents, created_at FROM payout_runs WHERE period_id = $1 AND status = 'CURRENT'`,
          [frozenPeriodId],
        ),
      );
      diagnosis.payoutFrozen = {
        periodId: frozenPeriodId,
        callMs: round(frozen.ms),
        queries: brief(frozen.queries),
        inputsBytes: Number(size.rows[0]?.text_bytes ?? 0),
        inputsStoredBytes: Number(size.rows[0]?.stored_bytes ?? 0),
        withoutInputsMs,
        responseBytes: Buffer.byteLength(JSON.stringify(frozen.value)),
      };
      options.log(`diagnose: frozen payouts: ${frozen.queries.length} queries, ${frozen.ms.toFixed(1)} ms`);
    }

    // The new screens: the claims under Mes contributions and À valider, the dashboard and the
    // Prévisionnel of the largest open period, as their pages load them.
    diagnosis.screens = [];
    const { listClaims } = await import('../lib/claims/server/queries');
    const { getPeriodDashboard, getPeriodPlan } = await import('../lib/plans/server/plan');
    const contributor = await loadActor(options.contributorId, 'token');
    const referent = await loadActor(options.referentId, 'token');
    const screens: { key: string; call: () => Promise<unknown> }[] = [
      { key: 'claimsMine', call: () => listClaims(contributor!, { limit: 50 }, { scope: 'mine' }) },
      { key: 'claimsReview', call: () => listClaims(referent!, { limit: 50 }, { scope: 'review' }) },
      { key: 'dashboard', call: () => getPeriodDashboard({ actor: treasurer, periodId }) },
      { key: 'plan', call: () => getPeriodPlan({ actor: treasurer, periodId }) },
    ];
    for (const screen of screens) {
      try {
        await screen.call();
        const run = await medianRun(3, screen.call);
        const queries = await diagnoseQueries(client, run.queries);
        queries.forEach((query, index) => addPlan(`${screen.key}: query ${index + 1} of ${queries.length}`, query));
        diagnosis.screens.push({
          key: screen.key,
          callMs: round(run.ms),
          queries: queries.map(({ plan: _plan, ...query }) => ({ ...query, sql: query.sql.slice(0, 300) })),
        });
        options.log(`diagnose: ${screen.key}: ${queries.length} queries, ${run.ms.toFixed(1)} ms in process`);
      } catch (error) {
        diagnosis.screens.push({ key: screen.key, error: (error as Error).message });
        options.log(`diagnose: ${screen.key} failed: ${(error as Error).message}`);
      }
    }

    try {
      const { loadPayoutReport } = await import('../lib/exports/load-payout-report');
      const report = await medianRun(3, () => loadPayoutReport({ actor: treasurer, periodId }));
      diagnosis.csvReport = { periodId, callMs: round(report.ms), queries: brief(report.queries) };
    } catch (error) {
      diagnosis.csvReport = { error: (error as Error).message };
    }
  } finally {
    await client.end();
    await db()
      .$disconnect()
      .catch(() => undefined);
  }
  return { diagnosis, plans };
}
