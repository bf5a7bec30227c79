// One funding period's generated rows: its contributions in the planned statuses, each with the
// history the app would have written (CREATED, the transitions, an edit after a change request,
// a deletion), its envelopes and a few rate overrides. Pure and seeded per period, so a period
// can be generated, written and forgotten before the next one (memory stays bounded).
import { createRandom, cuidLike, deriveSeed, weightedPicker, type Random } from './prng';
import { APPROVAL_COMMENTS, CHANGE_REQUESTS, DESCRIPTIONS, DETAILS, REJECTION_REASONS } from './vocabulary';
import { CALENDAR, CONTRIBUTION_STATUSES, type ContributionStatus, type PeriodPlan } from './plan';
import type { BenchCollective } from './collective';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** "Now" for the generated data: fixed, so the data set never depends on the day it is made. */
export const NOW_MS = Date.parse(`${CALENDAR.today}T12:00:00.000Z`);

export type EventKind = 'CREATED' | 'EDITED' | 'TRANSITION' | 'DELETED';

export type GeneratedContribution = {
  id: string;
  person: number;
  chantier: number;
  place: number | null;
  date: string;
  minutes: number;
  description: string;
  link: string | null;
  volunteer: boolean;
  status: ContributionStatus;
  version: number;
  reviewer: number | null;
  reviewedAtMs: number | null;
  submittedAtMs: number | null;
  deletedAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
};

export type GeneratedEvent = {
  contributionId: string;
  actor: number;
  atMs: number;
  kind: EventKind;
  fromStatus: ContributionStatus | null;
  toStatus: ContributionStatus | null;
  comment: string | null;
  previousValues: string | null;
};

export type PeriodSettings = {
  id: string;
  defaultRateCents: number;
  capMinutes: number | null;
  overflowPolicy: 'PRORATA' | 'FIRST_COME';
  /** Cents per kilometre for MILEAGE claims. */
  mileageRateCents: number;
  createdAtMs: number;
  /** When a CLOSED or PAID period was closed (its payout run frozen). */
  closedAtMs: number | null;
};

export type PeriodData = {
  contributions: GeneratedContribution[];
  events: GeneratedEvent[];
  envelopes: { chantier: number; amountCents: number }[];
  rates: { person: number | null; chantier: number | null; rateCents: number }[];
};

const MINUTES = [15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 420, 480];
const pickMinutes = weightedPicker([4, 10, 6, 16, 14, 16, 7, 9, 8, 4, 3, 1, 2]);
/** Share of approved contributions that went through a change request and an edit first. */
const REWORKED_SHARE = 0.04;
/** Share of drafts their author deleted (kept, soft-deleted, with their history). */
const DELETED_DRAFT_SHARE = 0.15;

/** Every setting of the period that does not depend on its contributions. */
export function periodSettings(plan: PeriodPlan, seed: number, periodCount: number): PeriodSettings {
  const random = createRandom(deriveSeed(seed, 'period-settings', plan.index));
  const startMs = Date.parse(`${plan.startDate}T00:00:00.000Z`);
  const endMs = Date.parse(`${plan.endDate}T00:00:00.000Z`);
  return {
    id: cuidLike(random, startMs - 20 * DAY_MS, plan.index),
    defaultRateCents: 2000 + 100 * Math.floor((plan.index * 4) / periodCount),
    // Every third period caps paid hours at 160 h a person; every fourth funds first come, first served.
    capMinutes: plan.index % 3 === 2 ? 160 * 60 : null,
    overflowPolicy: plan.index % 4 === 3 ? 'FIRST_COME' : 'PRORATA',
    mileageRateCents: 45 + 5 * (plan.index % 3),
    createdAtMs: startMs - 20 * DAY_MS,
    closedAtMs: plan.status === 'OPEN' ? null : endMs + 10 * DAY_MS + 14 * HOUR_MS,
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function describe(random: Random): string {
  const base = random.pick(DESCRIPTIONS);
  return random.chance(0.4) ? `${base} ${random.pick(DETAILS)}` : base;
}

export function generatePeriodData(options: {
  plan: PeriodPlan;
  settings: PeriodSettings;
  collective: BenchCollective;
  seed: number;
  idCounterStart: number;
}): PeriodData {
  const { plan, settings, collective } = options;
  const random = createRandom(deriveSeed(options.seed, 'period', plan.index));
  let counter = options.idCounterStart;

  const eligible = collective.people
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => person.firstPeriod <= plan.index && person.lastPeriod >= plan.index);
  const pickPerson = weightedPicker(eligible.map(({ person }) => person.weight));
  const chantierPickers = new Map<number, (random: Random) => number>();
  const chantierOf = (personIndex: number) => {
    const person = collective.people[personIndex];
    let picker = chantierPickers.get(personIndex);
    if (!picker) chantierPickers.set(personIndex, (picker = weightedPicker(person.chantierWeights)));
    return person.chantiers[picker(random)];
  };

  const firstDayMs = Date.parse(`${plan.startDate}T00:00:00.000Z`);
  const lastDayMs = Date.parse(`${plan.lastContributionDate}T00:00:00.000Z`);
  const days: { ms: number; iso: string }[] = [];
  const dayWeights: number[] = [];
  for (let ms = firstDayMs; ms <= lastDayMs; ms += DAY_MS) {
    days.push({ ms, iso: isoDay(ms) });
    const weekday = new Date(ms).getUTCDay();
    dayWeights.push(weekday === 0 ? 0.25 : weekday === 6 ? 0.5 : 1);
  }
  const pickDay = weightedPicker(dayWeights);
  // Reviews of a closed period happened before it was closed.
  const reviewLimitMs = Math.min(NOW_MS, (settings.closedAtMs ?? NOW_MS) - HOUR_MS);
  // Nothing is declared in a period once it is closed: late declarations stop days before.
  const createdLimitMs = Math.min(NOW_MS - HOUR_MS, (settings.closedAtMs ?? NOW_MS) - 4 * DAY_MS);
  const reviewerOf = (chantier: number, owner: number) => {
    const referents = collective.referentsByChantier[chantier].filter((index) => index !== owner);
    return random.chance(0.05) || referents.length === 0 ? collective.adminIndex : random.pick(referents);
  };

  const contributions: GeneratedContribution[] = [];
  const events: GeneratedEvent[] = [];
  for (const status of CONTRIBUTION_STATUSES) {
    for (let n = 0; n < plan.byStatus[status]; n++) {
      const person = eligible[pickPerson(random)].index;
      const chantier = chantierOf(person);
      const home = collective.people[person].homePlace;
      const placeDraw = random.next();
      const place = placeDraw < 0.7 ? home : placeDraw < 0.9 ? random.int(0, collective.places.length - 1) : null;
      const day = days[pickDay(random)];
      const delayDraw = random.next();
      const delayDays =
        delayDraw < 0.6 ? 0 : delayDraw < 0.85 ? 1 : delayDraw < 0.95 ? random.int(2, 3) : random.int(4, 10);
      const createdAtMs = Math.min(
        createdLimitMs,
        day.ms + random.int(7 * 60, 20 * 60) * 60_000 + delayDays * DAY_MS + random.int(0, 59_999),
      );
      const id = cuidLike(random, createdAtMs, counter++);
      const minutes = MINUTES[pickMinutes(random)];
      const row: GeneratedContribution = {
        id,
        person,
        chantier,
        place,
        date: day.iso,
        minutes,
        description: describe(random),
        link: random.chance(0.05) ? `https://pad.example.org/p/${id.slice(-10)}` : null,
        volunteer: random.chance(0.08),
        status,
        version: 1,
        reviewer: null,
        reviewedAtMs: null,
        submittedAtMs: null,
        deletedAtMs: null,
        createdAtMs,
        updatedAtMs: createdAtMs,
      };
      const event = (
        actor: number,
        atMs: number,
        kind: EventKind,
        fromStatus: ContributionStatus | null,
        toStatus: ContributionStatus | null,
        comment: string | null = null,
        previousValues: string | null = null,
      ) => events.push({ contributionId: id, actor, atMs, kind, fromStatus, toStatus, comment, previousValues });

      event(person, createdAtMs, 'CREATED', null, 'DRAFT');
      if (status === 'DRAFT') {
        if (random.chance(DELETED_DRAFT_SHARE)) {
          row.deletedAtMs = Math.min(NOW_MS, createdAtMs + random.int(1, 5 * 24 * 60) * 60_000);
          row.updatedAtMs = row.deletedAtMs;
          row.version = 2;
          event(
            person,
            row.deletedAtMs,
            'DELETED',
            'DRAFT',
            null,
            null,
            JSON.stringify({
              date: row.date,
              minutes,
              chantierId: collective.chantiers[chantier].id,
              description: row.description,
            }),
          );
        }
        contributions.push(row);
        continue;
      }
      let at = Math.min(
        NOW_MS,
        createdAtMs + (random.chance(0.5) ? random.int(0, 10) * 60_000 : random.int(1, 72) * HOUR_MS),
      );
      row.submittedAtMs = at;
      row.version = 2;
      event(person, at, 'TRANSITION', 'DRAFT', 'SUBMITTED');
      const reviewAt = (from: number) =>
        Math.max(from + 60_000, Math.min(reviewLimitMs, from + random.int(1, 9 * 24) * HOUR_MS));
      if (status === 'APPROVED' && random.chance(REWORKED_SHARE)) {
        const reviewer = reviewerOf(chantier, person);
        at = reviewAt(at);
        event(reviewer, at, 'TRANSITION', 'SUBMITTED', 'CHANGES_REQUESTED', random.pick(CHANGE_REQUESTS));
        at += random.int(10, 48 * 60) * 60_000;
        const previous = JSON.stringify({
          date: row.date,
          minutes: minutes + 30,
          chantierId: collective.chantiers[chantier].id,
          placeId: null,
          description: row.description,
          link: null,
          volunteer: row.volunteer,
        });
        event(person, at, 'EDITED', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', null, previous);
        at += 60_000;
        row.submittedAtMs = at;
        event(person, at, 'TRANSITION', 'CHANGES_REQUESTED', 'SUBMITTED');
        row.version = 5;
      }
      if (status !== 'SUBMITTED') {
        const reviewer = reviewerOf(chantier, person);
        at = reviewAt(at);
        const comment =
          status === 'REJECTED'
            ? random.pick(REJECTION_REASONS)
            : status === 'CHANGES_REQUESTED'
              ? random.pick(CHANGE_REQUESTS)
              : random.chance(0.1)
                ? random.pick(APPROVAL_COMMENTS)
                : null;
        event(reviewer, at, 'TRANSITION', 'SUBMITTED', status, comment);
        row.reviewer = reviewer;
        row.reviewedAtMs = at;
        row.version += 1;
      }
      row.updatedAtMs = at;
      contributions.push(row);
    }
  }
  // Rows land in the table in the order they were created, as they would in production.
  contributions.sort((a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1));
  events.sort((a, b) => a.atMs - b.atMs);

  // Envelopes: most chantiers have one, set near what they ended up asking (some bind, some not);
  // two have none (unlimited).
  const demandMinutes = new Map<number, number>();
  for (const row of contributions) {
    if ((row.status === 'APPROVED' || row.status === 'SUBMITTED') && !row.volunteer)
      demandMinutes.set(row.chantier, (demandMinutes.get(row.chantier) ?? 0) + row.minutes);
  }
  const envelopes = collective.chantiers
    .map((_, chantier) => chantier)
    .filter((chantier) => chantier % 6 !== 5)
    .map((chantier) => {
      const demandCents = ((demandMinutes.get(chantier) ?? 0) * settings.defaultRateCents) / 60;
      return {
        chantier,
        amountCents: Math.max(100_000, Math.round((demandCents * (0.75 + 0.5 * random.next())) / 10_000) * 10_000),
      };
    });

  // A few rate overrides: one chantier, three people, two people in one chantier.
  const rates: PeriodData['rates'] = [
    { person: null, chantier: 1 % collective.chantiers.length, rateCents: settings.defaultRateCents + 500 },
  ];
  const ratedPeople = new Set<number>();
  while (ratedPeople.size < Math.min(5, eligible.length)) ratedPeople.add(eligible[pickPerson(random)].index);
  [...ratedPeople].forEach((person, rank) => {
    if (rank < 3) rates.push({ person, chantier: null, rateCents: settings.defaultRateCents + 1000 });
    else
      rates.push({
        person,
        chantier: collective.people[person].chantiers[0],
        rateCents: settings.defaultRateCents + 1500,
      });
  });
  return { contributions, events, envelopes, rates };
}
