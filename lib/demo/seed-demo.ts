// The Monscobar demo collective: three places, three chantiers, an admin, a treasurer, a
// referent per chantier, six contributors; a closed period whose payout run is frozen by the
// pricing module (never written by hand), and an open period covering today with contributions
// in every state. Deterministic (seeded), and only ever applied to an empty database.
import 'server-only';
import { addMonths, endOfMonth, format, startOfMonth } from 'date-fns';
import { db, type Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { loadActor } from '@/lib/auth/load-actor';
import { closePeriod } from '@/lib/periods/payouts';
import type { Role } from '@/lib/auth/permissions';
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

export type SeedResult = { seeded: boolean; people: number; contributions: number };

export async function seedDemo(options: { today?: Date; log?: (line: string) => void } = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const prisma = db();
  if ((await prisma.person.count()) > 0) {
    log('The database already has people: the demo seed leaves it as it is.');
    return { seeded: false, people: await prisma.person.count(), contributions: await prisma.contribution.count() };
  }
  const today = options.today ?? new Date();
  const { next: random, pick } = createRandom(2026);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Periods of six months: the open one covers today, the closed one the six months before.
  const openStart = startOfMonth(addMonths(today, -2));
  const openEnd = endOfMonth(addMonths(openStart, 5));
  const closedStart = addMonths(openStart, -6);
  const closedEnd = endOfMonth(addMonths(closedStart, 5));

  const ids = await prisma.$transaction(async (tx: Tx) => {
    await tx.collectiveSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: 'Monscobar', timeZone: 'Europe/Paris', transparency: true },
      update: { name: 'Monscobar' },
    });
    const places = await Promise.all(PLACES.map((place) => tx.place.create({ data: place })));
    const chantiers = [];
    for (const [index, chantier] of CHANTIERS.entries())
      chantiers.push(await tx.chantier.create({ data: { ...chantier, position: index + 1 } }));
    const chantierByCode = new Map(chantiers.map((chantier) => [chantier.code!, chantier.id]));
    const people = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const referentOf = person.referentOf.map((code) => chantierByCode.get(code)!);
      const roles: Role[] = [...person.roles, ...(referentOf.length ? (['REFERENT'] as Role[]) : []), 'CONTRIBUTOR'];
      const created = await tx.person.create({
        data: {
          email: person.email,
          name: person.name,
          passwordHash,
          roles,
          referentOf: { create: referentOf.map((chantierId) => ({ chantierId })) },
        },
      });
      people.set(person.key, created.id);
    }
    const closed = await tx.fundingPeriod.create({
      data: {
        name: `${format(closedStart, 'MM/yyyy')} – ${format(closedEnd, 'MM/yyyy')}`,
        startDate: day(closedStart),
        endDate: day(closedEnd),
        defaultRateCents: 3000,
        overflowPolicy: 'PRORATA',
        // C1's envelope is smaller than its demand, so the demo shows a prorata at work.
        envelopes: {
          create: [
            { chantierId: chantierByCode.get('C1')!, amountCents: 150_000 },
            { chantierId: chantierByCode.get('C2')!, amountCents: 300_000 },
            { chantierId: chantierByCode.get('C3')!, amountCents: 250_000 },
          ],
        },
        rateOverrides: { create: [{ personId: people.get('bruno')!, rateCents: 4000 }] },
      },
    });
    const open = await tx.fundingPeriod.create({
      data: {
        name: `${format(openStart, 'MM/yyyy')} – ${format(openEnd, 'MM/yyyy')}`,
        startDate: day(openStart),
        endDate: day(openEnd),
        defaultRateCents: 3000,
        capMinutes: 120 * 60,
        overflowPolicy: 'PRORATA',
        envelopes: {
          create: [
            { chantierId: chantierByCode.get('C1')!, amountCents: 800_000 },
            { chantierId: chantierByCode.get('C2')!, amountCents: 500_000 },
            { chantierId: chantierByCode.get('C3')!, amountCents: 400_000 },
          ],
        },
        rateOverrides: {
          create: [
            { personId: people.get('bruno')!, rateCents: 4000 },
            { chantierId: chantierByCode.get('C3')!, rateCents: 3500 },
          ],
        },
      },
    });
    return {
      places: places.map((place) => place.id),
      chantiers: chantiers.map((chantier) => chantier.id),
      people,
      closedId: closed.id,
      openId: open.id,
    };
  });

  const contributorKeys = ['alice', 'bruno', 'chloe', 'djamel', 'elise', 'fatou', 'ref1', 'ref2', 'ref3'] as const;
  const referentOfChantier = [ids.people.get('ref1')!, ids.people.get('ref2')!, ids.people.get('ref3')!];
  const admin = ids.people.get('admin')!;

  type Plan = {
    periodId: string;
    from: Date;
    to: Date;
    count: number;
    statuses: ('DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED')[];
  };
  const lastOpenDay = today < openEnd ? today : openEnd;
  const plans: Plan[] = [
    { periodId: ids.closedId, from: closedStart, to: closedEnd, count: 72, statuses: ['APPROVED'] },
    {
      periodId: ids.openId,
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
  let contributions = 0;
  await prisma.$transaction(async (tx: Tx) => {
    for (const plan of plans) {
      const span = Math.max(1, Math.round((plan.to.getTime() - plan.from.getTime()) / 86_400_000));
      for (let index = 0; index < plan.count; index++) {
        const ownerKey = contributorKeys[index % contributorKeys.length];
        const ownerId = ids.people.get(ownerKey)!;
        const chantierIndex = Math.floor(random() * ids.chantiers.length);
        // Nobody reviews their own work: a referent's own entries are reviewed by the admin.
        const reviewer = referentOfChantier[chantierIndex] === ownerId ? admin : referentOfChantier[chantierIndex];
        const status = plan.statuses[index % plan.statuses.length];
        const date = new Date(plan.from.getTime() + Math.floor(random() * (span + 1)) * 86_400_000);
        const minutes = (1 + Math.floor(random() * 16)) * 30;
        const created = await tx.contribution.create({
          data: {
            personId: ownerId,
            chantierId: ids.chantiers[chantierIndex],
            placeId: random() < 0.8 ? pick(ids.places) : null,
            periodId: plan.periodId,
            date: day(date),
            minutes,
            description: pick(DESCRIPTIONS),
            volunteer: random() < 0.12,
            status,
            submittedAt: status === 'DRAFT' ? null : new Date(),
            reviewedById: ['APPROVED', 'REJECTED', 'CHANGES_REQUESTED'].includes(status) ? reviewer : null,
            reviewedAt: ['APPROVED', 'REJECTED', 'CHANGES_REQUESTED'].includes(status) ? new Date() : null,
          },
        });
        const events: {
          actorId: string;
          kind: 'CREATED' | 'TRANSITION';
          fromStatus?: 'DRAFT' | 'SUBMITTED';
          toStatus: typeof status;
          comment?: string;
        }[] = [{ actorId: ownerId, kind: 'CREATED', toStatus: 'DRAFT' }];
        if (status !== 'DRAFT')
          events.push({ actorId: ownerId, kind: 'TRANSITION', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' });
        if (status === 'APPROVED')
          events.push({ actorId: reviewer, kind: 'TRANSITION', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' });
        if (status === 'REJECTED')
          events.push({
            actorId: reviewer,
            kind: 'TRANSITION',
            fromStatus: 'SUBMITTED',
            toStatus: 'REJECTED',
            comment: 'Hors du périmètre du chantier.',
          });
        if (status === 'CHANGES_REQUESTED')
          events.push({
            actorId: reviewer,
            kind: 'TRANSITION',
            fromStatus: 'SUBMITTED',
            toStatus: 'CHANGES_REQUESTED',
            comment: 'Peux-tu préciser le lieu et ajouter le lien du compte rendu ?',
          });
        await tx.contributionEvent.createMany({
          data: events.map((event) => ({ ...event, contributionId: created.id })),
        });
        contributions++;
      }
    }
  });

  // The closed period's payout run is computed by the pricing module, through the real close.
  const treasurer = await loadActor(ids.people.get('treasurer')!, 'session');
  await closePeriod({ actor: treasurer!, periodId: ids.closedId });
  log(
    `Seeded the Monscobar demo: ${DEMO_PEOPLE.length} people, ${contributions} contributions. Demo password: ${DEMO_PASSWORD}`,
  );
  return { seeded: true, people: DEMO_PEOPLE.length, contributions };
}
