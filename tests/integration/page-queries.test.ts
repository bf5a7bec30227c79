// The domain verbs the screens read through (no page queries the database itself): the people
// screen of an admin, one contribution's page, the period and people filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { listPeopleForAdmin, listPersonNames, setPersonLocale } from '@/lib/people/people';
import { listPeriodChoices } from '@/lib/periods/periods';
import { findContributionDetail, totalsByStatus } from '@/lib/contributions/server/queries';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import {
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
} from '../support/database';

let admin: Actor;
let treasurer: Actor;
let owner: Actor;
let referent: Actor;
let invited: Actor;
let chantierId: string;
let placeId: string;
let openPeriodId: string;
let closedPeriodId: string;

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Jardin' })).id;
  placeId = (await createPlace({ name: 'La Grange' })).id;
  admin = await createPerson({ name: 'Adèle', roles: ['ADMIN'] });
  treasurer = await createPerson({ name: 'Théo', roles: ['TREASURER'] });
  owner = await createPerson({ name: 'Camille' });
  referent = await createPerson({ name: 'Rachid', referentOf: [chantierId] });
  invited = await createPerson({ name: 'Inès', password: null });
  await createPerson({ name: 'Zoé', active: false });
  closedPeriodId = (await createPeriod({ name: 'Janvier', startDate: '2026-01-01', endDate: '2026-01-31' })).id;
  await setPeriodStatus(closedPeriodId, 'CLOSED');
  openPeriodId = (await createPeriod({ name: 'Février', startDate: '2026-02-01', endDate: '2026-02-28' })).id;
});

describe('listPeopleForAdmin', () => {
  it('lists everyone, the active first, with a pending flag and never a password hash', async () => {
    const people = await listPeopleForAdmin({ actor: admin });
    expect(people.map((person) => person.name)).toEqual(['Adèle', 'Camille', 'Inès', 'Rachid', 'Théo', 'Zoé']);
    expect(people.find((person) => person.id === invited.id)?.pending).toBe(true);
    expect(people.filter((person) => person.pending)).toHaveLength(1);
    expect(people.find((person) => person.id === referent.id)?.referentOf).toEqual([chantierId]);
    for (const person of people) {
      expect(Object.keys(person).sort()).toEqual(['active', 'email', 'id', 'name', 'pending', 'referentOf', 'roles']);
    }
  });

  it.each(['treasurer', 'owner', 'referent'] as const)('refuses a %s (FORBIDDEN)', async (who) => {
    const actor = { treasurer, owner, referent }[who];
    await expect(listPeopleForAdmin({ actor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('listPersonNames and listPeriodChoices', () => {
  it('gives names only, by name', async () => {
    const names = await listPersonNames({ actor: owner });
    expect(names.map((person) => person.name)).toEqual(['Adèle', 'Camille', 'Inès', 'Rachid', 'Théo', 'Zoé']);
    expect(Object.keys(names[0]).sort()).toEqual(['id', 'name']);
  });

  it('gives every period newest first, or the open ones, with ISO dates', async () => {
    expect(await listPeriodChoices({ actor: owner })).toEqual([
      { id: openPeriodId, name: 'Février', status: 'OPEN', startDate: '2026-02-01', endDate: '2026-02-28' },
      { id: closedPeriodId, name: 'Janvier', status: 'CLOSED', startDate: '2026-01-01', endDate: '2026-01-31' },
    ]);
    expect((await listPeriodChoices({ actor: owner, status: 'OPEN' })).map((period) => period.id)).toEqual([
      openPeriodId,
    ]);
  });
});

describe('findContributionDetail', () => {
  it('gives the contribution, its names and its history to whoever may see it', async () => {
    const seeded = await seedContribution({
      personId: owner.id,
      chantierId,
      periodId: openPeriodId,
      placeId,
      date: '2026-02-03',
      status: 'SUBMITTED',
    });
    for (const actor of [owner, referent, admin]) {
      const detail = await findContributionDetail({ actor, id: seeded.id });
      expect(detail?.contribution).toMatchObject({
        id: seeded.id,
        status: 'SUBMITTED',
        personName: 'Camille',
        chantierName: 'Jardin',
        placeName: 'La Grange',
      });
      expect(detail?.history.map((event) => event.kind)).toEqual(['CREATED', 'TRANSITION']);
    }
  });

  it('is null for what the actor may not see, for a deleted one and for an unknown id', async () => {
    const draft = await seedContribution({
      personId: owner.id,
      chantierId,
      periodId: openPeriodId,
      date: '2026-02-04',
    });
    expect(await findContributionDetail({ actor: referent, id: draft.id })).toBeNull();
    expect(await findContributionDetail({ actor: treasurer, id: draft.id })).toBeNull();
    expect(await findContributionDetail({ actor: owner, id: draft.id })).not.toBeNull();
    await db().contribution.update({ where: { id: draft.id }, data: { deletedAt: new Date() } });
    expect(await findContributionDetail({ actor: owner, id: draft.id })).toBeNull();
    expect(await findContributionDetail({ actor: owner, id: 'no-such-contribution' })).toBeNull();
  });
});

describe('totalsByStatus', () => {
  it("sums a person's own hours per status, so Mes contributions says what each total counts", async () => {
    const counted = await createPerson({ name: 'Blaise' });
    const day = { personId: counted.id, chantierId, periodId: openPeriodId, date: '2026-02-10' };
    await seedContribution({ ...day, minutes: 90, status: 'APPROVED' });
    await seedContribution({ ...day, minutes: 30, status: 'APPROVED' });
    await seedContribution({ ...day, minutes: 60, status: 'REJECTED' });
    await seedContribution({ ...day, minutes: 45, status: 'DRAFT' });
    await seedContribution({ ...day, personId: owner.id, minutes: 600, status: 'APPROVED' });
    const totals = await totalsByStatus({ actor: counted, filters: ZContributionFilters.parse({}), scope: 'mine' });
    expect(Object.fromEntries(totals.map((total) => [total.status, total.minutes]))).toEqual({
      APPROVED: 120,
      REJECTED: 60,
      DRAFT: 45,
    });
    const approvedOnly = ZContributionFilters.parse({ status: 'APPROVED' });
    expect(await totalsByStatus({ actor: counted, filters: approvedOnly, scope: 'mine' })).toEqual([
      { status: 'APPROVED', minutes: 120 },
    ]);
  });
});

describe('setPersonLocale', () => {
  it('stores the chosen language on the person', async () => {
    await setPersonLocale({ actor: owner, locale: 'en' });
    expect((await db().person.findUniqueOrThrow({ where: { id: owner.id } })).locale).toBe('en');
  });
});
