// The Monscobar demo collective: three places, three chantiers, an admin, a treasurer, a
// referent per chantier, six contributors, payout profiles with test IBANs (one contributor has
// none, to show the SEPA file's exclusion) and the collective's bank account; a PAID period, a
// closed period whose payout run is frozen by the pricing module and waits for its SEPA file, and
// an open period covering today with contributions in every state. Deterministic (seeded), and
// only ever applied to an empty database.
//
// The whole seed is ONE transaction with a generous timeout, its rows written in batches: on a
// slow or busy machine it takes longer but never dies half-way on Prisma's 5 s default, and if it
// fails anyway (a killed process, a full disk) nothing is left, so the next start seeds again.
import 'server-only';
import { addMonths, endOfMonth, format, startOfMonth } from 'date-fns';
import { db, type Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { closePeriodInTx } from '@/lib/periods/payouts';
import { DEMO_MILEAGE_RATE_CENTS, seedDemoClaims } from './seed-claims';
import { recordPaymentsInTx } from '@/lib/treasury/record-payments';
import { UNSAFE_loadPeriodTreasury } from '@/lib/treasury/period-treasury';
import type { Actor, Role } from '@/lib/auth/permissions';
import { createRandom } from '@/lib/random/seeded';

export const DEMO_PASSWORD = 'butin-demo';

export const DEMO_PEOPLE = [
  {
    key: 'admin',
    email: 'admin@monscobar.test',
    name: 'Camille Admin',
    roles: ['ADMIN'] as Role[],
    referentOf: [] as string[],
  },
  {
    key: 'treasurer',
    email: 'tresorerie@monscobar.test',
    name: 'Théo Trésorier',
    roles: ['TREASURER'] as Role[],
    referentOf: [],
  },
  {
    key: 'ref1',
    email: 'referent.tierslieux@monscobar.test',
    name: 'Rachida Référente',
    roles: [] as Role[],
    referentOf: ['C1'],
  },
  {
    key: 'ref2',
    email: 'referent.accompagnement@monscobar.test',
    name: 'Romain Référent',
    roles: [] as Role[],
    referentOf: ['C2'],
  },
  {
    key: 'ref3',
    email: 'referent.services@monscobar.test',
    name: 'Rose Référente',
    roles: [] as Role[],
    referentOf: ['C3'],
  },
  { key: 'alice', email: 'alice@monscobar.test', name: 'Alice Martin', roles: [] as Role[], referentOf: [] },
  { key: 'bruno', email: 'bruno@monscobar.test', name: 'Bruno Lefebvre', roles: [] as Role[], referentOf: [] },
  { key: 'chloe', email: 'chloe@monscobar.test', name: 'Chloé Dubois', roles: [] as Role[], referentOf: [] },
  { key: 'djamel', email: 'djamel@monscobar.test', name: 'Djamel Benali', roles: [] as Role[], referentOf: [] },
  { key: 'elise', email: 'elise@monscobar.test', name: 'Élise Moreau', roles: [] as Role[], referentOf: [] },
  { key: 'fatou', email: 'fatou@monscobar.test', name: 'Fatou Diallo', roles: [] as Role[], referentOf: [] },
] as const;

const CHANTIERS = [
  {
    code: 'C1',
    name: 'Gestion et animation des tiers-lieux',
    description:
      'Outiller les lieux de ressources ouvertes et partagées (Dokos, pass tiers-lieux…) pour renforcer leurs actions et leurs modèles économiques.',
  },
  {
    code: 'C2',
    name: 'Accompagnement des collectifs aux pratiques contributives et collaboratives',
    description: "Prendre soin du partage de l'information et des décisions au sein des communautés.",
  },
  {
    code: 'C3',
    name: 'Développement de nouveaux services',
    description: 'Tisser des liens avec les autres acteurs économiques du territoire.',
  },
];

const PLACES = [
  { code: 'COR', name: 'La Coroutine' },
  { code: 'BAR', name: 'La Baraka' },
  { code: 'MFA', name: 'MonsFabrica' },
];

const DESCRIPTIONS = [
  'Animation de l’atelier du jeudi',
  'Mise à jour de l’inventaire partagé sur Dokos',
  'Réunion de coordination inter-lieux',
  'Accueil des nouveaux membres',
  'Rédaction du compte rendu de l’assemblée',
  'Préparation du dossier de subvention',
  'Rencontre avec un commerçant du quartier',
  'Maintenance du site web',
  'Facilitation d’un atelier de gouvernance partagée',
  'Permanence au fablab',
];

const day = (date: Date) => new Date(`${format(date, 'yyyy-MM-dd')}T00:00:00.000Z`);

/** The collective's own account, the debtor of its SEPA files (a valid test IBAN). */
export const DEMO_DEBTOR = { name: 'Association Monscobar', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPP' };

/**
 * Payout profiles with the standard example IBANs of the SEPA zone (valid check digits, no real
 * account), one per payee; Chloé and Djamel are paid through one organisation. Fatou has none, so
 * every SEPA file shows a payee left out, and why.
 */
const DEMO_PAYOUT_PROFILES: Record<string, { iban: string; bic?: string; organisationName?: string }> = {
  admin: { iban: 'FR7630004000010001234560167', bic: 'BNPAFRPP' },
  treasurer: { iban: 'FR7610278089000002038264529', bic: 'CMCIFR2A' },
  alice: { iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLIL' },
  bruno: { iban: 'DE89370400440532013000' },
  chloe: { iban: 'BE68539007547034', organisationName: 'La Baraka' },
  djamel: { iban: 'BE68539007547034', organisationName: 'La Baraka' },
  elise: { iban: 'NL91ABNA0417164300' },
  ref1: { iban: 'ES9121000418450200051332' },
  ref2: { iban: 'IT60X0542811101000000123456' },
  ref3: { iban: 'AT611904300234573201' },
};

/** The longest the seed may take: minutes on a slow machine, never Prisma's 5 s default. */
const SEED_TIMEOUT_MS = 10 * 60_000;

export type SeedResult = { seeded: boolean; people: number; contributions: number };

export type SeedOptions = {
  today?: Date;
  log?: (line: string) => void;
  /** Test hook: awaited between the seed's steps (a slow machine), or throwing (a crash). */
  betweenSteps?: (step: string) => Promise<void>;
};

export async function seedDemo(options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const prisma = db();
  if ((await prisma.person.count()) > 0) {
    log('The database already has people: the demo seed leaves it as it is.');
    return { seeded: false, people: await prisma.person.count(), contributions: await prisma.contribution.count() };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const contributions = await prisma.$transaction(
    async (tx: Tx) => {
      // Two seeds at once (two starts) are serialised; the second finds people and stops.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
      if ((await tx.person.count()) > 0) return null;
      return seedInTx(tx, { ...options, passwordHash });
    },
    { timeout: SEED_TIMEOUT_MS, maxWait: 60_000 },
  );
  if (contributions === null) {
    log('The database already has people: the demo seed leaves it as it is.');
    return { seeded: false, people: await prisma.person.count(), contributions: await prisma.contribution.count() };
  }
  log(
    `Seeded the Monscobar demo: ${DEMO_PEOPLE.length} people, ${contributions} contributions. Demo password: ${DEMO_PASSWORD}`,
  );
  return { seeded: true, people: DEMO_PEOPLE.length, contributions };
}

async function seedInTx(tx: Tx, options: SeedOptions & { passwordHash: string }): Promise<number> {
  const step = options.betweenSteps ?? (async () => undefined);
  const today = options.today ?? new Date();
  const { next: random, pick } = createRandom(2026);

  // Periods of six months: the open one covers today, the closed one the six months before, the
  // paid one the six months before that.
  const openStart = startOfMonth(addMonths(today, -2));
  const openEnd = endOfMonth(addMonths(openStart, 5));
  const closedStart = addMonths(openStart, -6);
  const closedEnd = endOfMonth(addMonths(closedStart, 5));
  const paidStart = addMonths(closedStart, -6);
  const paidEnd = endOfMonth(addMonths(paidStart, 5));
  const periodName = (start: Date, end: Date) => `${format(start, 'MM/yyyy')} – ${format(end, 'MM/yyyy')}`;

  await tx.collectiveSettings.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      name: 'Monscobar',
      timeZone: 'Europe/Paris',
      transparency: true,
      debtorName: DEMO_DEBTOR.name,
      debtorIban: DEMO_DEBTOR.iban,
      debtorBic: DEMO_DEBTOR.bic,
    },
    update: {
      name: 'Monscobar',
      debtorName: DEMO_DEBTOR.name,
      debtorIban: DEMO_DEBTOR.iban,
      debtorBic: DEMO_DEBTOR.bic,
    },
  });
  const places = await tx.place.createManyAndReturn({ data: PLACES, select: { id: true } });
  const chantiers = await tx.chantier.createManyAndReturn({
    data: CHANTIERS.map((chantier, index) => ({ ...chantier, position: index + 1 })),
    select: { id: true, code: true },
  });
  const chantierByCode = new Map(chantiers.map((chantier) => [chantier.code!, chantier.id]));
  const created = await tx.person.createManyAndReturn({
    data: DEMO_PEOPLE.map((person) => ({
      email: person.email,
      name: person.name,
      passwordHash: options.passwordHash,
      roles: [...person.roles, ...(person.referentOf.length ? (['REFERENT'] as Role[]) : []), 'CONTRIBUTOR'] as Role[],
    })),
    select: { id: true, email: true },
  });
  const people = new Map<string, string>(
    DEMO_PEOPLE.map((person) => [person.key, created.find((row) => row.email === person.email)!.id]),
  );
  await tx.referentLink.createMany({
    data: DEMO_PEOPLE.flatMap((person) =>
      person.referentOf.map((code) => ({ personId: people.get(person.key)!, chantierId: chantierByCode.get(code)! })),
    ),
  });
  await tx.payoutProfile.createMany({
    data: DEMO_PEOPLE.filter((person) => DEMO_PAYOUT_PROFILES[person.key]).map((person) => {
      const profile = DEMO_PAYOUT_PROFILES[person.key];
      return {
        personId: people.get(person.key)!,
        payeeType: profile.organisationName ? ('ORGANISATION' as const) : ('SELF' as const),
        organisationName: profile.organisationName ?? null,
        legalName: person.name,
        iban: profile.iban,
        bic: profile.bic ?? null,
        addressLine1: '12 rue des Tiers-Lieux',
        postalCode: '59000',
        city: 'Lille',
        country: 'FR',
      };
    }),
  });
  await step('people');

  const c = (code: string) => chantierByCode.get(code)!;
  const paid = await tx.fundingPeriod.create({
    data: {
      name: periodName(paidStart, paidEnd),
      startDate: day(paidStart),
      endDate: day(paidEnd),
      defaultRateCents: 2800,
      overflowPolicy: 'PRORATA',
      envelopes: {
        create: [
          { chantierId: c('C1'), amountCents: 200_000 },
          { chantierId: c('C2'), amountCents: 200_000 },
          { chantierId: c('C3'), amountCents: 200_000 },
        ],
      },
    },
  });
  const closed = await tx.fundingPeriod.create({
    data: {
      name: periodName(closedStart, closedEnd),
      startDate: day(closedStart),
      endDate: day(closedEnd),
      defaultRateCents: 3000,
      mileageRateCents: DEMO_MILEAGE_RATE_CENTS,
      overflowPolicy: 'PRORATA',
      // C1's envelope is smaller than its demand, so the demo shows a prorata at work.
      envelopes: {
        create: [
          { chantierId: c('C1'), amountCents: 150_000 },
          { chantierId: c('C2'), amountCents: 300_000 },
          { chantierId: c('C3'), amountCents: 250_000 },
        ],
      },
      rateOverrides: { create: [{ personId: people.get('bruno')!, rateCents: 4000 }] },
    },
  });
  const open = await tx.fundingPeriod.create({
    data: {
      name: periodName(openStart, openEnd),
      startDate: day(openStart),
      endDate: day(openEnd),
      defaultRateCents: 3000,
      mileageRateCents: DEMO_MILEAGE_RATE_CENTS,
      capMinutes: 120 * 60,
      overflowPolicy: 'PRORATA',
      envelopes: {
        create: [
          { chantierId: c('C1'), amountCents: 800_000 },
          { chantierId: c('C2'), amountCents: 500_000 },
          { chantierId: c('C3'), amountCents: 400_000 },
        ],
      },
      rateOverrides: {
        create: [
          { personId: people.get('bruno')!, rateCents: 4000 },
          { chantierId: c('C3'), rateCents: 3500 },
        ],
      },
    },
  });
  await step('periods');

  // The plans (prévisionnel) of the closed and open periods, so the dashboard is alive on the
  // first start; written before the close, which freezes them.
  const planned = (person: string | null, hours: number, fixedCents = 0) => ({
    personId: person === null ? null : people.get(person)!,
    plannedMinutes: hours * 60,
    plannedFixedCents: fixedCents,
  });
  const demoPlan = [
    { code: 'C1', lines: [planned('alice', 40), planned('bruno', 30), planned(null, 100)] },
    { code: 'C2', lines: [planned('chloe', 30), planned('djamel', 30), planned(null, 60)] },
    { code: 'C3', lines: [planned('elise', 30), planned('fatou', 20), planned(null, 50, 30_000)] },
  ];
  await tx.planLine.createMany({
    data: [closed.id, open.id].flatMap((periodId) =>
      demoPlan.flatMap((chantier) =>
        chantier.lines.map((line) => ({
          ...line,
          periodId,
          chantierId: c(chantier.code),
          updatedById: people.get('treasurer')!,
        })),
      ),
    ),
  });

  const contributorKeys = ['alice', 'bruno', 'chloe', 'djamel', 'elise', 'fatou', 'ref1', 'ref2', 'ref3'] as const;
  const chantierIds = chantiers.map((chantier) => chantier.id);
  const placeIds = places.map((place) => place.id);
  const referentOfChantier = chantierIds.map((id) =>
    people.get(DEMO_PEOPLE.find((person) => person.referentOf.some((code) => c(code) === id))!.key)!,
  );
  const admin = people.get('admin')!;

  type Status = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED';
  type Plan = { periodId: string; from: Date; to: Date; count: number; statuses: Status[] };
  const lastOpenDay = today < openEnd ? today : openEnd;
  const plans: Plan[] = [
    { periodId: paid.id, from: paidStart, to: paidEnd, count: 45, statuses: ['APPROVED'] },
    { periodId: closed.id, from: closedStart, to: closedEnd, count: 72, statuses: ['APPROVED'] },
    {
      periodId: open.id,
      from: openStart,
      to: lastOpenDay,
      count: 60,
      statuses: [
        'APPROVED',
        'APPROVED',
        'APPROVED',
        'SUBMITTED',
        'SUBMITTED',
        'DRAFT',
        'REJECTED',
        'CHANGES_REQUESTED',
      ],
    },
  ];
  const reviewed = (status: Status) => ['APPROVED', 'REJECTED', 'CHANGES_REQUESTED'].includes(status);
  const rows: { data: Parameters<Tx['contribution']['create']>[0]['data'] & object; reviewer: string }[] = [];
  for (const plan of plans) {
    const span = Math.max(1, Math.round((plan.to.getTime() - plan.from.getTime()) / 86_400_000));
    for (let index = 0; index < plan.count; index++) {
      const ownerId = people.get(contributorKeys[index % contributorKeys.length])!;
      const chantierIndex = Math.floor(random() * chantierIds.length);
      // Nobody reviews their own work: a referent's own entries are reviewed by the admin.
      const reviewer = referentOfChantier[chantierIndex] === ownerId ? admin : referentOfChantier[chantierIndex];
      const status = plan.statuses[index % plan.statuses.length];
      const date = new Date(plan.from.getTime() + Math.floor(random() * (span + 1)) * 86_400_000);
      const minutes = (1 + Math.floor(random() * 16)) * 30;
      rows.push({
        reviewer,
        data: {
          personId: ownerId,
          chantierId: chantierIds[chantierIndex],
          placeId: random() < 0.8 ? pick(placeIds) : null,
          periodId: plan.periodId,
          date: day(date),
          minutes,
          description: pick(DESCRIPTIONS),
          volunteer: random() < 0.12,
          status,
          submittedAt: status === 'DRAFT' ? null : new Date(),
          reviewedById: reviewed(status) ? reviewer : null,
          reviewedAt: reviewed(status) ? new Date() : null,
        },
      });
    }
  }
  const inserted = await tx.contribution.createManyAndReturn({
    data: rows.map((row) => row.data as never),
    select: { id: true },
  });
  const events = rows.flatMap(({ data, reviewer }, index) => {
    const contributionId = inserted[index].id;
    const ownerId = data.personId as string;
    const status = data.status as Status;
    const list: {
      contributionId: string;
      actorId: string;
      kind: 'CREATED' | 'TRANSITION';
      fromStatus?: 'DRAFT' | 'SUBMITTED';
      toStatus: Status;
      comment?: string;
    }[] = [{ contributionId, actorId: ownerId, kind: 'CREATED', toStatus: 'DRAFT' }];
    if (status !== 'DRAFT')
      list.push({ contributionId, actorId: ownerId, kind: 'TRANSITION', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' });
    if (status !== 'DRAFT' && status !== 'SUBMITTED')
      list.push({
        contributionId,
        actorId: reviewer,
        kind: 'TRANSITION',
        fromStatus: 'SUBMITTED',
        toStatus: status,
        comment:
          status === 'REJECTED'
            ? 'Hors du périmètre du chantier.'
            : status === 'CHANGES_REQUESTED'
              ? 'Peux-tu préciser le lieu et ajouter le lien du compte rendu ?'
              : undefined,
      });
    return list;
  });
  await tx.contributionEvent.createMany({ data: events });
  await step('contributions');
  await seedDemoClaims(tx, {
    periods: {
      closed: { id: closed.id, start: closedStart },
      open: { id: open.id, start: openStart, lastDay: lastOpenDay },
    },
    people,
    chantierIds,
    referentOfChantier,
    admin,
    day,
  });
  await step('claims');

  // The payout runs are computed by the pricing module, through the real close; the paid period's
  // payees are all paid through the real recording, which marks it PAID.
  const treasurerPerson = DEMO_PEOPLE.find((person) => person.key === 'treasurer')!;
  const treasurer: Actor = {
    id: people.get('treasurer')!,
    email: treasurerPerson.email,
    name: treasurerPerson.name,
    roles: [...treasurerPerson.roles, 'CONTRIBUTOR'],
    referentOf: [],
    locale: 'fr',
    via: 'session',
  };
  await closePeriodInTx(tx, { actor: treasurer, periodId: paid.id });
  await closePeriodInTx(tx, { actor: treasurer, periodId: closed.id });
  // The compte rendu financier of the closed period explains its gaps.
  await tx.planExplanation.createMany({
    data: [
      {
        periodId: closed.id,
        chantierId: c('C1'),
        text: 'Plus de permanences que prévu : la demande a dépassé l’enveloppe, payée au prorata.',
        updatedById: people.get('treasurer')!,
      },
      {
        periodId: closed.id,
        chantierId: c('C3'),
        text: 'Les frais d’intervention prévus ont été reportés à la période suivante.',
        updatedById: people.get('treasurer')!,
      },
    ],
  });
  await step('closed');
  const treasury = await UNSAFE_loadPeriodTreasury(tx, paid.id);
  await recordPaymentsInTx(tx, {
    actor: treasurer,
    periodId: paid.id,
    targets: treasury.payees.filter((payee) => payee.amountCents > 0).map((payee) => ({ payeeKey: payee.payeeKey })),
    paidOn: format(addMonths(paidEnd, 1), 'yyyy-MM-05'),
    reference: `VIR-MONSCOBAR-${format(paidEnd, 'yyyyMM')}`,
  });
  await step('paid');
  return rows.length;
}
