// GET /api/v1/people shows names to everyone signed in and emails only to those whose work needs
// them: admins, treasurers, a referent for the people of their chantiers, and each person for
// themselves.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getPeople } from '@/app/api/v1/people/route';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
} from '../support/database';

const people: Record<string, { id: string; email: string; token: string }> = {};

beforeAll(async () => {
  await resetDatabase();
  const garden = await createChantier({ name: 'Jardin' });
  const kitchen = await createChantier({ name: 'Cuisine' });
  const period = await createPeriod({ startDate: '2026-01-01', endDate: '2026-12-31' });
  const make = async (name: string, data: Parameters<typeof createPerson>[0] = {}) => {
    const person = await createPerson({ email: `${name.toLowerCase()}@test.local`, name, ...data });
    people[name] = { id: person.id, email: person.email, token: await bearerToken(person.id) };
  };
  await make('admin', { roles: ['ADMIN'] });
  await make('treasurer', { roles: ['TREASURER'] });
  await make('gardenReferent', { referentOf: [garden.id] });
  await make('gardener');
  await make('cook');
  await seedContribution({
    personId: people.gardener.id,
    chantierId: garden.id,
    periodId: period.id,
    date: '2026-03-02',
  });
  await seedContribution({ personId: people.cook.id, chantierId: kitchen.id, periodId: period.id, date: '2026-03-02' });
});

async function emailsSeenBy(viewer: string): Promise<Record<string, string | undefined>> {
  const response = await callRoute(getPeople, { token: people[viewer].token });
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body.items as { name: string; email?: string }[]).map((item) => [item.name, item.email]),
  );
}

describe('who sees whose email in GET /api/v1/people', () => {
  it.each(['admin', 'treasurer'])('%s sees every email', async (viewer) => {
    const seen = await emailsSeenBy(viewer);
    for (const name of Object.keys(people)) expect(seen[name]).toBe(people[name].email);
  });

  it('a referent sees the emails of their chantier’s people and their own, names only for the rest', async () => {
    const seen = await emailsSeenBy('gardenReferent');
    expect(seen.gardener).toBe(people.gardener.email);
    expect(seen.gardenReferent).toBe(people.gardenReferent.email);
    expect(Object.keys(seen)).toContain('cook');
    expect(seen.cook).toBeUndefined();
    expect(seen.admin).toBeUndefined();
  });

  it('a contributor sees names, and only their own email', async () => {
    const seen = await emailsSeenBy('cook');
    expect(seen.cook).toBe(people.cook.email);
    for (const name of ['admin', 'treasurer', 'gardenReferent', 'gardener']) {
      expect(Object.keys(seen)).toContain(name);
      expect(seen[name]).toBeUndefined();
    }
  });
});
