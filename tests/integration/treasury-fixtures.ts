// A closed period with payees in every situation the treasury meets, built through the real
// domain code (periods, close) with payout profiles written straight to the table (the profile
// code mails on IBAN changes; these tests are about what the treasury does with profiles):
//   Alice   — paid herself, valid French IBAN and BIC
//   Bruno   — paid through "La Coroutine", valid Belgian IBAN
//   Chloé   — paid through "la coroutine" too (same organisation, written otherwise), no IBAN
//   Djamel  — no payout profile at all
//   Élise   — an IBAN stored before the rules tightened, now invalid
//   Fatou   — only volunteer hours: owed nothing
import type { Operation } from '@/lib/api/openapi-types';
import { assertDocumentedResponse } from '../support/contract';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { createPeriod } from '@/lib/periods/periods';
import { closePeriod } from '@/lib/periods/payouts';
import { saveDebtorAccount } from '@/lib/treasury/debtor-account';
import { bearerToken, createChantier, createPerson, seedContribution } from '../support/database';

export const IBANS = {
  alice: 'FR7630006000011234567890189',
  coroutine: 'BE68539007547034',
  elise: 'FR7630006000011234567890188',
  debtor: 'FR1420041010050500013M02606',
} as const;

export type Cast = {
  chantierId: string;
  admin: Actor;
  treasurer: Actor;
  referent: Actor;
  alice: Actor;
  bruno: Actor;
  chloe: Actor;
  djamel: Actor;
  elise: Actor;
  fatou: Actor;
  tokens: Record<'admin' | 'treasurer' | 'referent' | 'alice' | 'bruno' | 'chloe', string>;
};

export async function createCast(): Promise<Cast> {
  const chantierId = (await createChantier({ name: 'Gestion et animation des tiers-lieux', code: 'C1' })).id;
  const [admin, treasurer, referent, alice, bruno, chloe, djamel, elise, fatou] = await Promise.all([
    createPerson({ name: 'Ada Admin', roles: ['ADMIN'] }),
    createPerson({ name: 'Théo Trésorier', roles: ['TREASURER'] }),
    createPerson({ name: 'Rachida Référente', referentOf: [chantierId] }),
    createPerson({ name: 'Alice Martin' }),
    createPerson({ name: 'Bruno Lefebvre' }),
    createPerson({ name: 'Chloé Dubois' }),
    createPerson({ name: 'Djamel Benali' }),
    createPerson({ name: 'Élise Moreau' }),
    createPerson({ name: 'Fatou Diallo' }),
  ]);
  await db().payoutProfile.createMany({
    data: [
      {
        personId: alice.id,
        payeeType: 'SELF',
        legalName: 'Alice Martin',
        iban: IBANS.alice,
        bic: 'BNPAFRPP',
        siret: '73282932000074',
        addressLine1: '12 rue de Lannoy',
        postalCode: '59100',
        city: 'Roubaix',
      },
      {
        personId: bruno.id,
        payeeType: 'ORGANISATION',
        organisationName: 'La Coroutine',
        legalName: 'Bruno Lefebvre',
        iban: IBANS.coroutine,
      },
      { personId: chloe.id, payeeType: 'ORGANISATION', organisationName: 'la  coroutine', legalName: 'Chloé Dubois' },
      { personId: elise.id, payeeType: 'SELF', legalName: 'Élise Moreau', iban: IBANS.elise },
    ],
  });
  const tokens = {
    admin: await bearerToken(admin.id),
    treasurer: await bearerToken(treasurer.id),
    referent: await bearerToken(referent.id),
    alice: await bearerToken(alice.id),
    bruno: await bearerToken(bruno.id),
    chloe: await bearerToken(chloe.id),
  };
  await saveDebtorAccount({
    actor: treasurer,
    input: { debtorName: 'Association Monscobar', debtorIban: IBANS.debtor, debtorBic: 'PSSTFRPPLIL' },
  });
  return { chantierId, admin, treasurer, referent, alice, bruno, chloe, djamel, elise, fatou, tokens };
}

let month = 0;

/** A period of its own month with approved work by each of the cast; closed unless asked not to. */
export async function periodWithPayees(cast: Cast, options: { close?: boolean } = {}) {
  month++;
  const year = 2050 + Math.floor(month / 12);
  const mm = String((month % 12) + 1).padStart(2, '0');
  const period = await createPeriod({
    actor: cast.treasurer,
    input: {
      name: `Période « test » n° ${month}`,
      startDate: `${year}-${mm}-01`,
      endDate: `${year}-${mm}-28`,
      defaultRateCents: 3000,
      capMinutes: null,
      overflowPolicy: 'PRORATA',
      envelopes: [{ chantierId: cast.chantierId, amountCents: 100_000 }],
      rates: [],
    },
  });
  const work: [Actor, number, boolean][] = [
    [cast.alice, 20 * 60, false],
    [cast.bruno, 15 * 60, false],
    [cast.chloe, 5 * 60, false],
    [cast.djamel, 7 * 60, false],
    [cast.elise, 190, false],
    [cast.fatou, 4 * 60, true],
  ];
  let day = 1;
  for (const [person, minutes, volunteer] of work) {
    // Contributions are at most a day long: split into days of at most 8 hours.
    for (let left = minutes; left > 0; left -= 480) {
      await seedContribution({
        periodId: period.id,
        personId: person.id,
        chantierId: cast.chantierId,
        date: `${year}-${mm}-${String((day++ % 28) + 1).padStart(2, '0')}`,
        minutes: Math.min(480, left),
        volunteer,
        status: 'APPROVED',
        reviewerId: cast.referent.id,
      });
    }
  }
  if (options.close !== false) await closePeriod({ actor: cast.treasurer, periodId: period.id });
  return period;
}

/** Each person's amount in the period's current run, from the stored payout lines. */
export async function amountsByPerson(periodId: string): Promise<Map<string, number>> {
  const run = await db().payoutRun.findFirstOrThrow({
    where: { periodId, status: 'CURRENT' },
    include: { lines: true },
  });
  const amounts = new Map<string, number>();
  for (const line of run.lines) amounts.set(line.personId, (amounts.get(line.personId) ?? 0) + line.amountCents);
  return amounts;
}

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  operation?: Pick<Operation, 'method' | 'path'>;
};

/** Calls a route handler in-process and keeps the raw answer (files are not JSON). */
export async function callRaw(
  handler: Handler,
  options: { method?: string; token?: string; body?: unknown; params?: Record<string, string>; path?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost:3000${options.path ?? '/api/v1/test'}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  await assertDocumentedResponse(handler, response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text,
    body: isJson && text ? JSON.parse(text) : null,
  };
}
