// The worked example with claims (docs/pricing.md, "Step 0: claims"), to the cent, through
// the real preview, the real close and every export: Chloé's approved 150 € expense (with its
// receipt) and Alice's 40 km at 38 cents in chantier 1 leave 834,80 € of the 1 000 € envelope to
// the hours: Alice 371,02 + 15,20 = 386,22 €, Bob 371,02 €, Chloé 92,76 + 150 = 242,76 €. Bob's
// in-kind gift (a room, 200 €) is valued, never paid. A chantier whose fixed amounts exceed its
// envelope is overdrawn: its hours get nothing and the close is refused (409 ENVELOPE_OVERDRAWN).
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { GET as payoutsRoute } from '@/app/api/v1/periods/[id]/payouts/route';
import { POST as closeRoute } from '@/app/api/v1/periods/[id]/close/route';
import { GET as payoutsCsvRoute } from '@/app/api/v1/periods/[id]/exports/payouts.csv/route';
import { GET as payeesCsvRoute } from '@/app/api/v1/periods/[id]/exports/payees.csv/route';
import { GET as funderCsvRoute } from '@/app/api/v1/periods/[id]/exports/funder-report.csv/route';
import { GET as sepaRoute } from '@/app/api/v1/periods/[id]/exports/sepa.xml/route';
import { GET as receiptsRoute } from '@/app/api/v1/periods/[id]/exports/receipts.zip/route';
import { createPeriod } from '@/lib/periods/periods';
import { listPendingClaims } from '@/lib/periods/payouts';
import { saveDebtorAccount } from '@/lib/treasury/debtor-account';
import { decimalToCents, readSepaFile } from '@/lib/treasury/sepa-read';
import { getStatement } from '@/lib/treasury/statement-data';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPerson,
  resetDatabase,
  seedContribution,
  sql,
} from '../support/database';
import { callRaw } from './treasury-fixtures';

type Who = 'treasurer' | 'referent' | 'alice' | 'bob' | 'chloe';
const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let chantierId: string;
let month = 0;

const RECEIPT_PDF = Buffer.from('%PDF-1.4\n% billet de train\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const RECEIPT_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function insertClaim(data: {
  periodId: string;
  person: Actor;
  kind: 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';
  date: string;
  amountCents?: number;
  distanceKm?: number;
  status?: string;
  description: string;
}): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO claims (id, person_id, chantier_id, period_id, kind, date, description, amount_cents, distance_km,
                         status, created_by_id, reviewed_by_id, reviewed_at, submitted_at, updated_at)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4::"ClaimKind", $5::date, $6, $7, $8, $9::"ClaimStatus", $1, $10, now(), now(), now())
     RETURNING id`,
    [
      data.person.id,
      chantierId,
      data.periodId,
      data.kind,
      data.date,
      data.description,
      data.amountCents ?? null,
      data.distanceKm ?? null,
      data.status ?? 'APPROVED',
      people.referent.id,
    ],
  );
  return row.id;
}

async function attach(claimId: string, owner: Actor, fileName: string, contentType: string, bytes: Buffer) {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO attachments (id, claim_id, file_name, content_type, size_bytes, sha256, uploaded_by_id)
     VALUES (gen_random_uuid()::text, $1, $2, $3, $4, encode(sha256($5), 'hex'), $6) RETURNING id`,
    [claimId, fileName, contentType, bytes.length, bytes, owner.id],
  );
  await sql(`INSERT INTO attachment_contents (attachment_id, data) VALUES ($1, $2)`, [row.id, bytes]);
}

/** The worked example's period: 30 €/h, Bob at 40 €/h, a 1 000 € envelope, 38 cents per km. */
async function workedPeriod(options: { envelopeCents?: number } = {}) {
  month += 1;
  const mm = String(month).padStart(2, '0');
  const day = (d: number) => `2040-${mm}-${String(d).padStart(2, '0')}`;
  const period = await createPeriod({
    actor: people.treasurer,
    input: {
      name: `Exemple avec demandes ${month}`,
      startDate: day(1),
      endDate: day(28),
      defaultRateCents: 3000,
      capMinutes: null,
      overflowPolicy: 'PRORATA',
      envelopes: [{ chantierId, amountCents: options.envelopeCents ?? 100_000 }],
      rates: [{ personId: people.bob.id, chantierId: null, rateCents: 4000 }],
    },
  });
  await sql(`UPDATE funding_periods SET mileage_rate_cents = 38 WHERE id = $1`, [period.id]);
  let date = 1;
  for (const [person, minutes] of [
    [people.alice, 1200],
    [people.bob, 900],
    [people.chloe, 300],
  ] as const) {
    for (let left = minutes; left > 0; left -= 480)
      await seedContribution({
        periodId: period.id,
        personId: person.id,
        chantierId,
        date: day(date++),
        minutes: Math.min(480, left),
        status: 'APPROVED',
        reviewerId: people.referent.id,
      });
  }
  const expense = await insertClaim({
    periodId: period.id,
    person: people.chloe,
    kind: 'EXPENSE',
    date: day(10),
    amountCents: 15_000,
    description: 'Billet de train Lille – Roubaix',
  });
  await attach(expense, people.chloe, 'billet.pdf', 'application/pdf', RECEIPT_PDF);
  await attach(expense, people.chloe, 'ticket.png', 'image/png', RECEIPT_PNG);
  await insertClaim({
    periodId: period.id,
    person: people.alice,
    kind: 'MILEAGE',
    date: day(11),
    distanceKm: 40,
    description: 'Roubaix → Lille et retour',
  });
  await insertClaim({
    periodId: period.id,
    person: people.bob,
    kind: 'IN_KIND',
    date: day(12),
    amountCents: 20_000,
    description: 'Salle prêtée pour l’atelier',
  });
  // A draft is no claim yet: left out everywhere.
  await insertClaim({
    periodId: period.id,
    person: people.bob,
    kind: 'EXPENSE',
    date: day(13),
    amountCents: 99_999,
    status: 'DRAFT',
    description: 'Brouillon',
  });
  return period.id;
}

async function payoutsOf(periodId: string) {
  const answer = await callRoute(payoutsRoute, { token: tokens.treasurer, params: { id: periodId } });
  expect(answer.status).toBe(200);
  return answer.body;
}

const PARTS = ['amountCents', 'hoursAmountCents', 'expensesCents', 'fixedFeesCents', 'inKindValueCents'] as const;
function partsByPerson(lines: Record<string, number | string>[]) {
  return Object.fromEntries(
    lines.map((line) => [
      (Object.entries(people) as [Who, Actor][]).find(([, person]) => person.id === line.personId)![0],
      PARTS.map((part) => line[part]),
    ]),
  );
}

// [amountCents, hoursAmountCents, expensesCents, fixedFeesCents, inKindValueCents]
const WORKED = {
  alice: [38_622, 37_102, 1_520, 0, 0],
  bob: [37_102, 37_102, 0, 0, 20_000],
  chloe: [24_276, 9_276, 15_000, 0, 0],
};

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Gestion et animation des tiers-lieux', code: 'C1' })).id;
  people.treasurer = await createPerson({ name: 'Théo Trésorier', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rachida Référente', referentOf: [chantierId] });
  people.alice = await createPerson({ name: 'Alice Martin' });
  people.bob = await createPerson({ name: 'Bob Lefebvre' });
  people.chloe = await createPerson({ name: 'Chloé Dubois' });
  for (const who of Object.keys(people) as Who[]) tokens[who] = await bearerToken(people[who].id);
});

describe('the worked example with claims, to the cent', () => {
  let periodId: string;
  beforeAll(async () => {
    periodId = await workedPeriod();
  });

  it('the live preview pays the fixed amounts whole and shares what is left among the hours', async () => {
    const preview = await payoutsOf(periodId);
    expect(preview.frozen).toBe(false);
    expect(partsByPerson(preview.lines)).toEqual(WORKED);
    expect(preview.chantiers).toEqual([
      expect.objectContaining({
        chantierId,
        envelopeCents: 100_000,
        demandCents: 135_000,
        paidCents: 100_000,
        fixedCents: 16_520,
        hoursEnvelopeCents: 83_480,
        overdrawn: false,
        inKindValueCents: 20_000,
      }),
    ]);
    expect(preview.totals).toMatchObject({
      amountCents: 100_000,
      hoursAmountCents: 83_480,
      expensesCents: 16_520,
      fixedFeesCents: 0,
      inKindValueCents: 20_000,
    });
  });

  it('the close freezes the same cents, with the claim parts stored in each line', async () => {
    const closed = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(closed.status).toBe(200);
    const stored = await db().payoutLine.findMany({ where: { runId: closed.body.runId } });
    expect(
      Object.fromEntries(
        stored.map((line) => [
          (Object.entries(people) as [Who, Actor][]).find(([, person]) => person.id === line.personId)![0],
          PARTS.map((part) => line[part]),
        ]),
      ),
    ).toEqual(WORKED);
    const frozen = await payoutsOf(periodId);
    expect(frozen.frozen).toBe(true);
    expect(partsByPerson(frozen.lines)).toEqual(WORKED);
    expect(frozen.totals).toMatchObject({ amountCents: 100_000, expensesCents: 16_520, inKindValueCents: 20_000 });
    expect(frozen.chantiers[0]).toMatchObject({ fixedCents: 16_520, hoursEnvelopeCents: 83_480, overdrawn: false });
  });

  it('the payout CSV carries hours, expenses, fees and in-kind value in its last columns', async () => {
    const answer = await callRaw(payoutsCsvRoute, { token: tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    const records: string[][] = parse(answer.text, { delimiter: ';', bom: true, relax_column_count: true });
    const header = records[0];
    const column = (name: string) => header.indexOf(name);
    const row = (name: string) => records.find((record) => record[0] === name)!;
    for (const [name, who] of [
      ['Alice Martin', 'alice'],
      ['Bob Lefebvre', 'bob'],
      ['Chloé Dubois', 'chloe'],
    ] as const) {
      const [amount, hours, expenses, fees, inKind] = WORKED[who];
      expect(row(name)[column('Rétribution (centimes)')]).toBe(String(amount));
      expect(row(name)[column('Heures rétribuées (centimes)')]).toBe(String(hours));
      expect(row(name)[column('Frais et kilomètres (centimes)')]).toBe(String(expenses));
      expect(row(name)[column('Forfaits (centimes)')]).toBe(String(fees));
      expect(row(name)[column('Valorisation en nature (centimes)')]).toBe(String(inKind));
    }
    expect(row('Alice Martin')[column('Rétribution (€)')]).toBe('386,22');
    expect(row('Chloé Dubois')[column('Rétribution (€)')]).toBe('242,76');
    // The summary per payee is its own file (one table per CSV): the chantier pays its 1 000 € whole.
    const payees = await callRaw(payeesCsvRoute, { token: tokens.treasurer, params: { id: periodId } });
    expect(payees.status).toBe(200);
    const summary: string[][] = parse(payees.text, { delimiter: ';', bom: true });
    expect(summary.at(-1)).toEqual(['Total', '', '3', '1000,00', '100000']);
  });

  it('the SEPA file pays each payee their whole amount, claims included', async () => {
    await db().payoutProfile.createMany({
      data: [
        {
          personId: people.alice.id,
          payeeType: 'SELF',
          legalName: 'Alice Martin',
          iban: 'FR7630006000011234567890189',
        },
        { personId: people.bob.id, payeeType: 'SELF', legalName: 'Bob Lefebvre', iban: 'BE68539007547034' },
        { personId: people.chloe.id, payeeType: 'SELF', legalName: 'Chloé Dubois', iban: 'DE89370400440532013000' },
      ],
    });
    await saveDebtorAccount({
      actor: people.treasurer,
      input: {
        debtorName: 'Association Monscobar',
        debtorIban: 'FR1420041010050500013M02606',
        debtorBic: 'PSSTFRPPLIL',
      },
    });
    const answer = await callRaw(sepaRoute, { token: tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    const file = readSepaFile(answer.text);
    expect(file.transfers.map((transfer) => [transfer.creditorName, decimalToCents(transfer.amount)])).toEqual([
      ['Alice Martin', 38_622],
      ['Bob Lefebvre', 37_102],
      ['Chloe Dubois', 24_276], // in the SEPA character set
    ]);
    expect(decimalToCents(file.ctrlSum)).toBe(100_000);
  });

  it('Chloé’s statement lists her expense with its receipts’ names and splits her line', async () => {
    const statement = await getStatement({ actor: people.chloe, periodId, personId: people.chloe.id, locale: 'fr' });
    expect(statement.claims).toEqual([
      expect.objectContaining({
        kind: 'EXPENSE',
        description: 'Billet de train Lille – Roubaix',
        valueCents: 15_000,
        receipts: ['billet.pdf', 'ticket.png'],
      }),
    ]);
    expect(statement.totals).toMatchObject({ amountCents: 24_276, hoursAmountCents: 9_276, expensesCents: 15_000 });
    const alice = await getStatement({ actor: people.alice, periodId, personId: people.alice.id, locale: 'fr' });
    expect(alice.claims).toEqual([
      expect.objectContaining({
        kind: 'MILEAGE',
        valueCents: 1_520,
        distanceKm: 40,
        mileageRateCents: 38,
        receipts: [],
      }),
    ]);
  });

  it('the funder report shows expenses, fees and in-kind value beside the hours', async () => {
    const answer = await callRaw(funderCsvRoute, { token: tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    const records: string[][] = parse(answer.text, { delimiter: ';', bom: true, relax_column_count: true });
    const headerIndex = records.findIndex((record) => record[0] === 'Code chantier');
    const header = records[headerIndex];
    const c1 = records[headerIndex + 1];
    expect(c1[header.indexOf('Rétributions (centimes)')]).toBe('100000');
    expect(c1[header.indexOf('Frais et kilomètres (centimes)')]).toBe('16520');
    expect(c1[header.indexOf('Forfaits (centimes)')]).toBe('0');
    expect(c1[header.indexOf('Valorisation en nature (centimes)')]).toBe('20000');
  });

  it('the receipts ZIP holds each receipt of the approved claims, named for the accountant, byte for byte', async () => {
    const answer = await callRaw(receiptsRoute, { token: tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-butin-receipts')).toBe('2');
    const files = unzipSync(answer.bytes);
    const mm = String(month).padStart(2, '0');
    expect(Object.keys(files).sort()).toEqual([
      `2040-${mm}-10_chloe-dubois_note-de-frais_150,00.pdf`,
      `2040-${mm}-10_chloe-dubois_note-de-frais_150,00.png`,
    ]);
    expect(Buffer.from(files[`2040-${mm}-10_chloe-dubois_note-de-frais_150,00.pdf`])).toEqual(RECEIPT_PDF);
    expect(Buffer.from(files[`2040-${mm}-10_chloe-dubois_note-de-frais_150,00.png`])).toEqual(RECEIPT_PNG);
  });

  it('the receipts ZIP is for treasurers only', async () => {
    for (const who of ['alice', 'chloe', 'referent'] as const) {
      const answer = await callRaw(receiptsRoute, { token: tokens[who], params: { id: periodId } });
      expect(answer.status).toBe(403);
    }
  });
});

describe('an overdrawn chantier', () => {
  it('pays its hours nothing in the preview, and the close is refused with the chantier listed', async () => {
    const periodId = await workedPeriod({ envelopeCents: 10_000 });
    const preview = await payoutsOf(periodId);
    expect(preview.chantiers[0]).toMatchObject({
      envelopeCents: 10_000,
      fixedCents: 16_520,
      hoursEnvelopeCents: 0,
      overdrawn: true,
    });
    expect(preview.totals).toMatchObject({ hoursAmountCents: 0, expensesCents: 16_520 });
    const refused = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ENVELOPE_OVERDRAWN');
    expect(refused.body.error.message).toContain('Gestion et animation des tiers-lieux');
    expect(refused.body.error.details.overdrawn).toEqual([
      { chantierId, chantierName: 'Gestion et animation des tiers-lieux', envelopeCents: 10_000, fixedCents: 16_520 },
    ]);
    const period = await db().fundingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(period.status).toBe('OPEN');
    expect(await db().payoutRun.count({ where: { periodId } })).toBe(0);
  });

  it('closes once the envelope covers the fixed amounts', async () => {
    const periodId = await workedPeriod({ envelopeCents: 10_000 });
    await sql(`UPDATE envelopes SET amount_cents = 16520 WHERE period_id = $1`, [periodId]);
    const closed = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(closed.status).toBe(200);
    const frozen = await payoutsOf(periodId);
    expect(frozen.totals).toMatchObject({ amountCents: 16_520, hoursAmountCents: 0 });
  });
});

describe('claims that block a close', () => {
  it('a submitted claim is pending, like a submitted contribution; a trip without the rate is refused', async () => {
    const periodId = await workedPeriod();
    const submitted = await insertClaim({
      periodId,
      person: people.bob,
      kind: 'FIXED_FEE',
      date: `2040-${String(month).padStart(2, '0')}-14`,
      amountCents: 5_000,
      status: 'SUBMITTED',
      description: 'Atelier au forfait',
    });
    const refused = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PENDING_CONTRIBUTIONS');
    // The refusal lists it, as the close form does before: who, when, what and how much.
    const listed = {
      id: submitted,
      personId: people.bob.id,
      personName: people.bob.name,
      date: `2040-${String(month).padStart(2, '0')}-14`,
      kind: 'FIXED_FEE',
      description: 'Atelier au forfait',
      amountCents: 5_000,
      distanceKm: null,
      status: 'SUBMITTED',
    };
    expect(refused.body.error.details.pendingClaims).toEqual([expect.objectContaining(listed)]);
    expect(await listPendingClaims({ actor: people.treasurer, periodId })).toEqual([expect.objectContaining(listed)]);
    await expect(listPendingClaims({ actor: people.bob, periodId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sql(`UPDATE claims SET status = 'REJECTED' WHERE id = $1`, [submitted]);
    expect(await listPendingClaims({ actor: people.treasurer, periodId })).toEqual([]);
    await sql(`UPDATE funding_periods SET mileage_rate_cents = NULL WHERE id = $1`, [periodId]);
    const noRate = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(noRate.status).toBe(409);
    expect(noRate.body.error.code).toBe('CONFLICT');
    // The preview still answers, without the trip.
    const preview = await payoutsOf(periodId);
    expect(preview.totals.expensesCents).toBe(15_000);
  });
});
