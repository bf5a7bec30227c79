// The benchmark's data generator: a collective at Kimai scale (1 200 people, 12 chantiers, 10
// places, 1.5 M contributions over 24 monthly periods in every status, with their history,
// envelopes, rate overrides, claims with their history and receipts, plans, and the frozen payout
// runs of closed periods computed by the real pricing module) or ten times it (BENCH_SCALE=10x:
// 12 000 people, 40 chantiers, 15 M contributions over 36 periods), written in bulk with COPY
// into an empty, migrated database.
//
// Loading bypasses the contributions' guard trigger (and the foreign-key triggers) with
// `session_replication_role = replica` when the role may set it (a superuser: the embedded
// database); periods are written OPEN and closed afterwards either way, so the data is valid
// for the trigger too. The secondary indexes of the two big tables are dropped for the load and
// rebuilt from their own definitions, which is several times faster than maintaining them row by
// row. Ends with VACUUM ANALYZE, as a database in steady state would be.
//
// `tsx bench/generate.ts` generates into BENCH_DATABASE_URL (migrating it first); `npm run bench`
// calls generate() on its own database.
import pg from 'pg';
import { computePayoutsWithClaims, type ClaimsPricingInput, type ClaimsPricingResult } from '../lib/pricing';
import { payeeKeyFor, payeeName } from '../lib/payees/payee';
import { migrate } from '../lib/db/migrate';
import { arrayLiteral, copyRows, type CopyCell } from './copy';
import { generateCollective, type BenchCollective } from './collective';
import { fixedCentsByChantier, generatePeriodClaims, type PeriodClaims } from './claims-data';
import { generatePeriodData, periodSettings, type PeriodData, type PeriodSettings } from './period-data';
import { planPeriods, scaleFromEnv, type PeriodPlan, type ScaleConfig } from './plan';
import { createRandom, cuidLike, deriveSeed } from './prng';

export const DEFAULT_SEED = 20261128;

export type GenerateReport = {
  scale: ScaleConfig['name'];
  seed: number;
  seconds: number;
  triggers: 'bypassed (session_replication_role = replica)' | 'enabled (not a superuser)';
  steps: { step: string; seconds: number }[];
  rows: Record<string, number>;
  largestPeriod: { id: string; name: string; approved: number; total: number };
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const DAY_MS = 86_400_000;

const BIG_TABLES = ['contributions', 'contribution_events', 'claims', 'claim_events'];

/** What the close gives the pricing module (lib/periods/payouts.ts): approved contributions and claims. */
function pricingInput(
  data: PeriodData,
  claims: PeriodClaims,
  settings: PeriodSettings,
  collective: BenchCollective,
  leaveOut = 0,
): ClaimsPricingInput {
  const approved = data.contributions.filter((row) => row.status === 'APPROVED' && row.deletedAtMs === null);
  return {
    settings: {
      defaultRateCents: settings.defaultRateCents,
      capMinutes: settings.capMinutes,
      overflowPolicy: settings.overflowPolicy,
      mileageRateCents: settings.mileageRateCents,
      envelopes: data.envelopes.map((envelope) => ({
        chantierId: collective.chantiers[envelope.chantier].id,
        amountCents: envelope.amountCents,
      })),
      rates: data.rates.map((rate) => ({
        personId: rate.person === null ? null : collective.people[rate.person].id,
        chantierId: rate.chantier === null ? null : collective.chantiers[rate.chantier].id,
        rateCents: rate.rateCents,
      })),
    },
    contributions: approved.slice(0, approved.length - leaveOut).map((row) => ({
      id: row.id,
      personId: collective.people[row.person].id,
      chantierId: collective.chantiers[row.chantier].id,
      placeId: row.place === null ? null : collective.places[row.place].id,
      date: row.date,
      createdAt: new Date(row.createdAtMs).toISOString(),
      minutes: row.minutes,
      volunteer: row.volunteer,
    })),
    claims: claims.claims
      .filter((claim) => claim.status === 'APPROVED' && claim.deletedAtMs === null)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((claim) => ({
        id: claim.id,
        personId: collective.people[claim.person].id,
        chantierId: collective.chantiers[claim.chantier].id,
        placeId: claim.place === null ? null : collective.places[claim.place].id,
        date: claim.date,
        kind: claim.kind,
        ...(claim.kind === 'MILEAGE' ? { distanceKm: claim.distanceKm } : { amountCents: claim.amountCents }),
      })),
  };
}

export async function generate(options: {
  databaseUrl: string;
  scale: ScaleConfig;
  seed?: number;
  log?: (line: string) => void;
}): Promise<GenerateReport> {
  const { scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const steps: GenerateReport['steps'] = [];
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push({ step: name, seconds: Math.round((now - stepStart) / 10) / 100 });
    log(`generate: ${name} (${((now - stepStart) / 1000).toFixed(1)} s)`);
    stepStart = now;
  };

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM contributions');
    if (Number(existing.rows[0].n) > 0)
      throw new Error(
        'The database already holds contributions: the generator only fills an empty, migrated database.',
      );
    let triggers: GenerateReport['triggers'] = 'bypassed (session_replication_role = replica)';
    try {
      await client.query('SET session_replication_role = replica');
    } catch {
      triggers = 'enabled (not a superuser)';
    }
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");

    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [BIG_TABLES],
    );
    for (const index of indexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);

    const plans = planPeriods(scale);
    const collective = generateCollective(scale, seed);
    const treasurer = collective.people[collective.treasurerIndexes[0]];
    const setupIso = iso(collective.setupMs)!;

    await client.query(
      `INSERT INTO collective_settings (id, name, time_zone, transparency, updated_at) VALUES (1, $1, 'Europe/Paris', true, $2)`,
      [`Collectif du benchmark (${scale.name})`, setupIso],
    );
    count(
      'places',
      await copyRows(
        client,
        'places',
        ['id', 'code', 'name', 'active', 'created_at', 'updated_at'],
        collective.places.map((place) => [place.id, place.code, place.name, true, setupIso, setupIso]),
      ),
    );
    count(
      'chantiers',
      await copyRows(
        client,
        'chantiers',
        ['id', 'code', 'name', 'description', 'active', 'position', 'created_at', 'updated_at'],
        collective.chantiers.map((chantier) => [
          chantier.id,
          chantier.code,
          chantier.name,
          '',
          true,
          chantier.position,
          setupIso,
          setupIso,
        ]),
      ),
    );
    count(
      'people',
      await copyRows(
        client,
        'people',
        [
          'id',
          'email',
          'name',
          'password_hash',
          'active',
          'roles',
          'session_version',
          'locale',
          'created_at',
          'updated_at',
        ],
        collective.people.map((person) => [
          person.id,
          person.email,
          person.name,
          null,
          person.active,
          arrayLiteral(person.roles),
          1,
          'fr',
          iso(person.createdAtMs),
          iso(person.createdAtMs),
        ]),
      ),
    );
    count(
      'referent_links',
      await copyRows(
        client,
        'referent_links',
        ['person_id', 'chantier_id', 'created_at'],
        collective.people.flatMap((person) =>
          person.referentOf.map((chantier) => [person.id, collective.chantiers[chantier].id, setupIso]),
        ),
      ),
    );
    count(
      'payout_profiles',
      await copyRows(
        client,
        'payout_profiles',
        ['person_id', 'payee_type', 'organisation_name', 'legal_name', 'iban', 'country', 'updated_at'],
        collective.people.flatMap((person) =>
          person.profile
            ? [
                [
                  person.id,
                  person.profile.payeeType,
                  person.profile.organisationName,
                  person.profile.legalName,
                  person.profile.iban,
                  'FR',
                  iso(person.createdAtMs),
                ],
              ]
            : [],
        ),
      ),
    );

    const settingsOf = plans.map((plan) => periodSettings(plan, seed, scale.periods));
    // Written OPEN, closed once their contributions are in (see the file's first comment).
    count(
      'funding_periods',
      await copyRows(
        client,
        'funding_periods',
        [
          'id',
          'name',
          'start_date',
          'end_date',
          'status',
          'default_rate_cents',
          'cap_minutes',
          'overflow_policy',
          'mileage_rate_cents',
          'version',
          'created_at',
          'updated_at',
        ],
        plans.map((plan, index) => {
          const s = settingsOf[index];
          return [
            s.id,
            plan.name,
            plan.startDate,
            plan.endDate,
            'OPEN',
            s.defaultRateCents,
            s.capMinutes,
            s.overflowPolicy,
            s.mileageRateCents,
            1,
            iso(s.createdAtMs),
            iso(s.createdAtMs),
          ];
        }),
      ),
    );
    step('people, chantiers, places, periods');

    let idCounter = 0;
    let eventId = 0;
    let claimEventId = 0;
    let generateMs = 0;
    let copyMs = 0;
    let pricingMs = 0;
    let largest: GenerateReport['largestPeriod'] | undefined;
    const closing: { plan: PeriodPlan; settings: PeriodSettings }[] = [];
    for (const plan of plans) {
      const settings = settingsOf[plan.index];
      let mark = performance.now();
      const data = generatePeriodData({ plan, settings, collective, seed, idCounterStart: idCounter });
      idCounter += data.contributions.length;
      const claims = generatePeriodClaims({ plan, settings, collective, data, seed });
      // The envelope covers the chantier's fixed amounts too (rounded up to 100 €), so the hours
      // bind as they did without claims and no chantier is overdrawn.
      const fixed = fixedCentsByChantier(claims.claims);
      for (const envelope of data.envelopes)
        envelope.amountCents += Math.ceil((fixed.get(envelope.chantier) ?? 0) / 10_000) * 10_000;
      generateMs += performance.now() - mark;
      mark = performance.now();
      const personId = (index: number | null) => (index === null ? null : collective.people[index].id);
      count(
        'contributions',
        await copyRows(
          client,
          'contributions',
          [
            'id',
            'person_id',
            'chantier_id',
            'place_id',
            'period_id',
            'date',
            'minutes',
            'description',
            'link',
            'volunteer',
            'status',
            'version',
            'reviewed_by_id',
            'reviewed_at',
            'submitted_at',
            'deleted_at',
            'created_at',
            'updated_at',
          ],
          (function* () {
            for (const row of data.contributions) {
              yield [
                row.id,
                personId(row.person),
                collective.chantiers[row.chantier].id,
                row.place === null ? null : collective.places[row.place].id,
                settings.id,
                row.date,
                row.minutes,
                row.description,
                row.link,
                row.volunteer,
                row.status,
                row.version,
                personId(row.reviewer),
                iso(row.reviewedAtMs),
                iso(row.submittedAtMs),
                iso(row.deletedAtMs),
                iso(row.createdAtMs),
                iso(row.updatedAtMs),
              ] as CopyCell[];
            }
          })(),
        ),
      );
      count(
        'contribution_events',
        await copyRows(
          client,
          'contribution_events',
          ['id', 'contribution_id', 'actor_id', 'at', 'kind', 'from_status', 'to_status', 'comment', 'previous_values'],
          (function* () {
            for (const event of data.events) {
              yield [
                ++eventId,
                event.contributionId,
                personId(event.actor),
                iso(event.atMs),
                event.kind,
                event.fromStatus,
                event.toStatus,
                event.comment,
                event.previousValues,
              ] as CopyCell[];
            }
          })(),
        ),
      );
      count(
        'envelopes',
        await copyRows(
          client,
          'envelopes',
          ['period_id', 'chantier_id', 'amount_cents'],
          data.envelopes.map((envelope) => [
            settings.id,
            collective.chantiers[envelope.chantier].id,
            envelope.amountCents,
          ]),
        ),
      );
      const rateRandom = createRandom(deriveSeed(seed, 'rates', plan.index));
      count(
        'rate_overrides',
        await copyRows(
          client,
          'rate_overrides',
          ['id', 'period_id', 'person_id', 'chantier_id', 'rate_cents'],
          data.rates.map((rate, n) => [
            cuidLike(rateRandom, settings.createdAtMs, n),
            settings.id,
            personId(rate.person),
            rate.chantier === null ? null : collective.chantiers[rate.chantier].id,
            rate.rateCents,
          ]),
        ),
      );
      await writeClaims(client, {
        claims,
        settings,
        collective,
        nextEventId: () => ++claimEventId,
        count,
      });
      copyMs += performance.now() - mark;

      if (plan.largest) {
        const approved = data.contributions.filter(
          (row) => row.status === 'APPROVED' && row.deletedAtMs === null,
        ).length;
        largest = { id: settings.id, name: plan.name, approved, total: data.contributions.length };
      }
      if (plan.status !== 'OPEN') {
        mark = performance.now();
        // One closed period was reopened once: its first run, without the last approvals, is kept as superseded.
        const reopened = plan.status === 'CLOSED' && plan.index === plans.find((p) => p.status === 'CLOSED')?.index;
        if (reopened) {
          const input = pricingInput(data, claims, settings, collective, Math.ceil(data.contributions.length / 100));
          await writeRun(client, {
            input,
            result: computePayoutsWithClaims(input),
            plan,
            settings,
            collective,
            treasurerId: treasurer.id,
            createdAtMs: settings.closedAtMs! - 5 * DAY_MS,
            superseded: true,
            count,
          });
        }
        const input = pricingInput(data, claims, settings, collective);
        const result = computePayoutsWithClaims(input);
        const runId = await writeRun(client, {
          input,
          result,
          plan,
          settings,
          collective,
          treasurerId: treasurer.id,
          createdAtMs: settings.closedAtMs!,
          superseded: false,
          count,
        });
        if (plan.status === 'PAID')
          await writePayments(client, { result, runId, plan, settings, collective, treasurerId: treasurer.id, count });
        closing.push({ plan, settings });
        pricingMs += performance.now() - mark;
      }
      log(
        `generate: ${plan.name} (${plan.status}): ${data.contributions.length} contributions, ${data.events.length} events, ${claims.claims.length} claims, ${claims.attachments.length} receipts`,
      );
    }
    steps.push({ step: 'generate rows in memory', seconds: Math.round(generateMs / 10) / 100 });
    steps.push({
      step: 'COPY contributions, claims, their events, receipts, envelopes, rates, plans',
      seconds: Math.round(copyMs / 10) / 100,
    });
    steps.push({ step: 'payout runs (computePayouts) and payments', seconds: Math.round(pricingMs / 10) / 100 });
    step('contributions and history, all periods');

    for (const { plan, settings } of closing) {
      await client.query(
        `UPDATE funding_periods SET status = $2, closed_at = $3, closed_by_id = $4, version = 2, updated_at = $3 WHERE id = $1`,
        [settings.id, plan.status, iso(settings.closedAtMs), treasurer.id],
      );
      await client.query(
        `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, data) VALUES ($1, $2, 'period.closed', 'period', $3, '{}')`,
        [iso(settings.closedAtMs), treasurer.id, settings.id],
      );
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('contribution_events', 'id'), $1)`, [
      Math.max(eventId, 1),
    ]);
    await client.query(`SELECT setval(pg_get_serial_sequence('claim_events', 'id'), $1)`, [Math.max(claimEventId, 1)]);
    step('close periods');

    for (const index of indexes.rows) await client.query(index.indexdef);
    step(`rebuild ${indexes.rows.length} indexes`);
    await client.query('RESET session_replication_role').catch(() => undefined);
    await client.query('VACUUM ANALYZE');
    // Flush the load's dirty pages now, not in the middle of the measurements.
    await client.query('CHECKPOINT').catch(() => undefined);
    step('VACUUM ANALYZE, CHECKPOINT');

    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return { scale: scale.name, seed, seconds, triggers, steps, rows, largestPeriod: largest! };
  } finally {
    await client.end();
  }
}

async function writeRun(
  client: pg.Client,
  options: {
    input: ClaimsPricingInput;
    result: ClaimsPricingResult;
    plan: PeriodPlan;
    settings: PeriodSettings;
    collective: BenchCollective;
    treasurerId: string;
    createdAtMs: number;
    superseded: boolean;
    count: (table: string, n: number) => void;
  },
): Promise<string> {
  const random = createRandom(deriveSeed(options.plan.index, 'run', options.superseded ? 1 : 0));
  const runId = cuidLike(random, options.createdAtMs, 0);
  await client.query(
    `INSERT INTO payout_runs (id, period_id, status, inputs, total_amount_cents, created_by_id, created_at, superseded_at, superseded_reason)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)`,
    [
      runId,
      options.settings.id,
      options.superseded ? 'SUPERSEDED' : 'CURRENT',
      JSON.stringify(options.input),
      options.result.totals.amountCents,
      options.treasurerId,
      iso(options.createdAtMs),
      options.superseded ? iso(options.createdAtMs + 3 * DAY_MS) : null,
      options.superseded ? 'Réouverture : des contributions approuvées manquaient' : null,
    ],
  );
  options.count('payout_runs', 1);
  options.count(
    'payout_lines',
    await copyRows(
      client,
      'payout_lines',
      [
        'id',
        'run_id',
        'person_id',
        'chantier_id',
        'rate_cents',
        'rate_source',
        'approved_minutes',
        'volunteer_minutes',
        'capped_minutes',
        'amount_cents',
        'unpaid_value_cents',
        'volunteer_value_cents',
        'hours_amount_cents',
        'expenses_cents',
        'fixed_fees_cents',
        'in_kind_value_cents',
        'explanation',
      ],
      options.result.lines.map((line, n) => [
        cuidLike(random, options.createdAtMs, n + 1),
        runId,
        line.personId,
        line.chantierId,
        line.rateCents,
        line.rateSource,
        line.approvedMinutes,
        line.volunteerMinutes,
        line.cappedMinutes,
        line.amountCents,
        line.unpaidValueCents,
        line.volunteerValueCents,
        line.hoursAmountCents,
        line.expensesCents,
        line.fixedFeesCents,
        line.inKindValueCents,
        JSON.stringify(line.explanation),
      ]),
    ),
  );
  return runId;
}

/** A period's claims, their history, their receipts (metadata and bytes) and its plan lines. */
async function writeClaims(
  client: pg.Client,
  options: {
    claims: PeriodClaims;
    settings: PeriodSettings;
    collective: BenchCollective;
    nextEventId: () => number;
    count: (table: string, n: number) => void;
  },
) {
  const { claims, settings, collective, count } = options;
  const personId = (index: number | null) => (index === null ? null : collective.people[index].id);
  count(
    'claims',
    await copyRows(
      client,
      'claims',
      [
        'id',
        'person_id',
        'chantier_id',
        'place_id',
        'period_id',
        'kind',
        'date',
        'description',
        'amount_cents',
        'distance_km',
        'status',
        'version',
        'created_by_id',
        'reviewed_by_id',
        'reviewed_at',
        'submitted_at',
        'deleted_at',
        'created_at',
        'updated_at',
      ],
      claims.claims.map((claim) => [
        claim.id,
        personId(claim.person),
        collective.chantiers[claim.chantier].id,
        claim.place === null ? null : collective.places[claim.place].id,
        settings.id,
        claim.kind,
        claim.date,
        claim.description,
        claim.amountCents,
        claim.distanceKm,
        claim.status,
        claim.version,
        personId(claim.createdBy),
        personId(claim.reviewer),
        iso(claim.reviewedAtMs),
        iso(claim.submittedAtMs),
        iso(claim.deletedAtMs),
        iso(claim.createdAtMs),
        iso(claim.updatedAtMs),
      ]),
    ),
  );
  count(
    'claim_events',
    await copyRows(
      client,
      'claim_events',
      ['id', 'claim_id', 'actor_id', 'at', 'kind', 'from_status', 'to_status', 'comment'],
      claims.events.map((event) => [
        options.nextEventId(),
        event.claimId,
        personId(event.actor),
        iso(event.atMs),
        event.kind,
        event.fromStatus,
        event.toStatus,
        event.comment,
      ]),
    ),
  );
  count(
    'attachments',
    await copyRows(
      client,
      'attachments',
      ['id', 'claim_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_id', 'created_at'],
      claims.attachments.map((file) => [
        file.id,
        file.claimId,
        file.fileName,
        file.contentType,
        file.bytes.length,
        file.sha256,
        personId(file.uploadedBy),
        iso(file.createdAtMs),
      ]),
    ),
  );
  count(
    'attachment_contents',
    await copyRows(
      client,
      'attachment_contents',
      ['attachment_id', 'data'],
      // bytea in COPY's text format: hex, its backslash escaped by copyCell.
      claims.attachments.map((file) => [file.id, `\\x${file.bytes.toString('hex')}`]),
    ),
  );
  count(
    'plan_lines',
    await copyRows(
      client,
      'plan_lines',
      [
        'id',
        'period_id',
        'chantier_id',
        'person_id',
        'planned_minutes',
        'planned_fixed_cents',
        'updated_by_id',
        'updated_at',
      ],
      claims.planLines.map((line) => [
        line.id,
        settings.id,
        collective.chantiers[line.chantier].id,
        personId(line.person),
        line.plannedMinutes,
        line.plannedFixedCents,
        personId(line.updatedBy),
        iso(line.updatedAtMs),
      ]),
    ),
  );
}

/** A paid period: one transfer per payee (the person, or the organisation receiving for them). */
async function writePayments(
  client: pg.Client,
  options: {
    result: ClaimsPricingResult;
    runId: string;
    plan: PeriodPlan;
    settings: PeriodSettings;
    collective: BenchCollective;
    treasurerId: string;
    count: (table: string, n: number) => void;
  },
) {
  const personById = new Map(options.collective.people.map((person) => [person.id, person]));
  const payees = new Map<string, { name: string; amountCents: number }>();
  for (const { personId, amountCents } of options.result.people) {
    const person = personById.get(personId)!;
    const key = payeeKeyFor(person.profile, personId);
    const payee = payees.get(key) ?? { name: payeeName(person.profile, person), amountCents: 0 };
    payee.amountCents += amountCents;
    payees.set(key, payee);
  }
  const random = createRandom(deriveSeed(options.plan.index, 'payments'));
  const paidMs = options.settings.closedAtMs! + 7 * DAY_MS;
  const paidOn = new Date(paidMs).toISOString().slice(0, 10);
  options.count(
    'payments',
    await copyRows(
      client,
      'payments',
      [
        'id',
        'period_id',
        'run_id',
        'payee_key',
        'payee_name',
        'amount_cents',
        'paid_on',
        'reference',
        'kind',
        'recorded_by_id',
        'created_at',
      ],
      [...payees]
        .filter(([, payee]) => payee.amountCents > 0)
        .map(([key, payee], n) => [
          cuidLike(random, paidMs, n),
          options.settings.id,
          options.runId,
          key,
          payee.name,
          payee.amountCents,
          paidOn,
          `VIR-${options.plan.startDate.slice(0, 7)}-${n + 1}`,
          'PAYMENT',
          options.treasurerId,
          iso(paidMs),
        ]),
    ),
  );
}

/** The database's size on disk and its tables' rows (estimated by ANALYZE: exact enough, and instant at 15 M). */
export async function dataSetSize(databaseUrl: string): Promise<{ databaseMb: number; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const tables = await client.query<{ name: string; rows: number }>(
      `SELECT relname AS name, greatest(reltuples, 0)::bigint::int AS rows FROM pg_class
        WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace
          AND relname = ANY($1) ORDER BY relname`,
      [
        [
          'contributions',
          'contribution_events',
          'claims',
          'claim_events',
          'attachments',
          'plan_lines',
          'people',
          'payout_lines',
        ],
      ],
    );
    return {
      databaseMb: Math.round(Number(size.rows[0].bytes) / 1_048_576),
      rows: Object.fromEntries(tables.rows.map((row) => [row.name, row.rows])),
    };
  } finally {
    await client.end();
  }
}

// `tsx bench/generate.ts`: fills BENCH_DATABASE_URL (migrated first) at BENCH_SCALE.
if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set BENCH_DATABASE_URL to an empty database (or run `npm run bench`, which makes its own).');
    process.exit(2);
  }
  const scale = scaleFromEnv(process.env.BENCH_SCALE);
  migrate({ databaseUrl, log: console.log })
    .then(() =>
      generate({ databaseUrl, scale, seed: Number(process.env.BENCH_SEED ?? DEFAULT_SEED), log: console.log }),
    )
    .then((report) => console.log(JSON.stringify(report, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
