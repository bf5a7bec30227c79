// Who sees which contributions in lists: every actor × scope (all / mine / review / approved) ×
// transparency on and off, compared with the rule written out from docs/permissions.md; filters and totals;
// keyset pagination (every row exactly once, in order, both directions, API and domain); and
// reading one contribution that is not yours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as listRoute } from '@/app/api/v1/contributions/route';
import { GET as getRoute } from '@/app/api/v1/contributions/[id]/route';
import {
  getContribution,
  listContributions,
  peopleInList,
  totalsByChantier,
  type ListScope,
} from '@/lib/contributions/server/queries';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from '@/lib/contributions/lifecycle';
import type { Actor } from '@/lib/auth/permissions';
import { callRoute, createChantier, createPeriod, resetDatabase, seedContribution } from '../support/database';
import { seedCast } from '../support/cast';

type Who = 'alice' | 'bob' | 'remi' | 'rita' | 'admin' | 'treasurer';
const WHO: Who[] = ['alice', 'bob', 'remi', 'rita', 'admin', 'treasurer'];
const OWNERS: Who[] = ['alice', 'bob', 'remi', 'admin'];
const SCOPES: ListScope[] = ['all', 'mine', 'review', 'approved'];

let people: Record<Who, Actor>;
let tokens: Record<Who, string>;
let k1: string; // Rémi's chantier
let k2: string; // Rita's chantier
let periodId: string;
let earlierPeriodId: string;
type Row = {
  id: string;
  personId: string;
  chantierId: string;
  status: ContributionStatus;
  minutes: number;
  date: string;
  periodId: string;
  deleted: boolean;
};
const rows: Row[] = [];

const setTransparency = (transparency: boolean) =>
  db().collectiveSettings.upsert({ where: { id: 1 }, create: { id: 1, transparency }, update: { transparency } });

const filters = (input: Record<string, unknown> = {}) => ZContributionFilters.parse({ limit: 200, ...input });

/** The rule of docs/permissions.md ("Who sees a contribution"), written out independently of the code under test. */
function visible(actor: Actor, row: Row, transparency: boolean): boolean {
  if (row.deleted) return false;
  if (row.personId === actor.id) return true;
  if (row.status === 'DRAFT') return false;
  if (actor.roles.includes('ADMIN') || actor.referentOf.includes(row.chantierId)) return true;
  return row.status === 'APPROVED' && (transparency || actor.roles.includes('TREASURER'));
}

function expected(actor: Actor, scope: ListScope, transparency: boolean): string[] {
  return rows
    .filter((row) => visible(actor, row, transparency))
    .filter((row) => {
      if (scope === 'mine') return row.personId === actor.id;
      if (scope === 'approved') return row.status === 'APPROVED';
      if (scope === 'review')
        return (
          row.status === 'SUBMITTED' &&
          row.personId !== actor.id &&
          (actor.roles.includes('ADMIN') || actor.referentOf.includes(row.chantierId))
        );
      return true;
    })
    .map((row) => row.id)
    .sort();
}

async function listed(actor: Actor, scope: ListScope, input: Record<string, unknown> = {}): Promise<string[]> {
  const page = await listContributions({ actor, filters: filters(input), scope });
  expect(page.nextCursor).toBeNull();
  return page.items.map((item) => item.id).sort();
}

beforeAll(async () => {
  await resetDatabase();
  k1 = (await createChantier({ name: 'K1' })).id;
  k2 = (await createChantier({ name: 'K2' })).id;
  ({ people, tokens } = await seedCast({
    alice: { name: 'Alice' },
    bob: { name: 'Bob' },
    remi: { name: 'Rémi', referentOf: [k1] },
    rita: { name: 'Rita', referentOf: [k2] },
    admin: { name: 'Ada', roles: ['ADMIN'] },
    treasurer: { name: 'Théo', roles: ['TREASURER'] },
  }));
  periodId = (await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' })).id;
  earlierPeriodId = (await createPeriod({ name: '2025', startDate: '2025-01-01', endDate: '2025-12-31' })).id;

  // Every owner × chantier × status, on a handful of dates so that several rows share a date
  // (the keyset must break ties by id), plus a soft-deleted one and a few in the earlier period.
  let index = 0;
  for (const owner of OWNERS) {
    for (const chantierId of [k1, k2]) {
      for (const status of CONTRIBUTION_STATUSES) {
        const date = `2026-03-${String(1 + (index % 5)).padStart(2, '0')}`;
        const minutes = 15 * (1 + (index % 8));
        const reviewerId = chantierId === k1 ? (owner === 'remi' ? people.admin.id : people.remi.id) : people.rita.id;
        const created = await seedContribution({
          personId: people[owner].id,
          chantierId,
          periodId,
          date,
          status,
          minutes,
          reviewerId,
        });
        rows.push({
          id: created.id,
          personId: people[owner].id,
          chantierId,
          status,
          minutes,
          date,
          periodId,
          deleted: false,
        });
        index++;
      }
    }
  }
  for (const [owner, status] of [
    ['alice', 'APPROVED'],
    ['bob', 'APPROVED'],
    ['bob', 'SUBMITTED'],
  ] as const) {
    const created = await seedContribution({
      personId: people[owner].id,
      chantierId: k1,
      periodId: earlierPeriodId,
      date: '2025-06-15',
      status,
      minutes: 45,
      reviewerId: people.remi.id,
    });
    rows.push({
      id: created.id,
      personId: people[owner].id,
      chantierId: k1,
      status,
      minutes: 45,
      date: '2025-06-15',
      periodId: earlierPeriodId,
      deleted: false,
    });
  }
  const gone = await seedContribution({
    personId: people.bob.id,
    chantierId: k1,
    periodId,
    date: '2026-03-02',
    status: 'SUBMITTED',
  });
  await db().contribution.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  rows.push({
    id: gone.id,
    personId: people.bob.id,
    chantierId: k1,
    status: 'SUBMITTED',
    minutes: 60,
    date: '2026-03-02',
    periodId,
    deleted: true,
  });
});

afterAll(async () => {
  await setTransparency(true);
});

describe('list scopes × actors × transparency', () => {
  const CASES = [true, false].flatMap((transparency) =>
    WHO.flatMap((who) => SCOPES.map((scope) => [transparency ? 'on' : 'off', who, scope] as const)),
  );

  it.each(CASES)('transparency %s: %s, scope %s', async (transparency, who, scope) => {
    await setTransparency(transparency === 'on');
    expect(await listed(people[who], scope)).toEqual(expected(people[who], scope, transparency === 'on'));
  });

  it('spelled out: a contributor sees all of their own and only others’ approved ones, never a draft of another', async () => {
    await setTransparency(true);
    const page = await listContributions({ actor: people.alice, filters: filters() });
    const own = page.items.filter((item) => item.personId === people.alice.id);
    const others = page.items.filter((item) => item.personId !== people.alice.id);
    expect(own.map((item) => item.status).sort()).toEqual(
      [...CONTRIBUTION_STATUSES, ...CONTRIBUTION_STATUSES, 'APPROVED'].sort(),
    );
    expect(others.length).toBe(7); // bob, rémi, ada: one approved per chantier; bob's earlier one
    expect(new Set(others.map((item) => item.status))).toEqual(new Set(['APPROVED']));

    await setTransparency(false);
    const closed = await listContributions({ actor: people.alice, filters: filters() });
    expect(closed.items.every((item) => item.personId === people.alice.id)).toBe(true);
  });

  it('spelled out: a referent’s review list is the submitted work of their chantiers, never their own', async () => {
    await setTransparency(true);
    const review = await listContributions({ actor: people.remi, filters: filters(), scope: 'review' });
    expect(review.items.map((item) => [item.personName, item.chantierId, item.status]).sort()).toEqual(
      [
        ['Ada', k1, 'SUBMITTED'],
        ['Alice', k1, 'SUBMITTED'],
        ['Bob', k1, 'SUBMITTED'],
        ['Bob', k1, 'SUBMITTED'], // the earlier period's
      ].sort(),
    );
    const ritaReview = await listContributions({ actor: people.rita, filters: filters(), scope: 'review' });
    expect(ritaReview.items.map((item) => item.personName).sort()).toEqual(['Ada', 'Alice', 'Bob', 'Rémi']);
  });

  it('spelled out: an admin sees every non-draft contribution, and their own drafts', async () => {
    await setTransparency(true);
    const all = await listContributions({ actor: people.admin, filters: filters() });
    const drafts = all.items.filter((item) => item.status === 'DRAFT');
    expect(drafts.every((item) => item.personId === people.admin.id)).toBe(true);
    expect(all.items.length).toBe(
      rows.filter((row) => !row.deleted && (row.status !== 'DRAFT' || row.personId === people.admin.id)).length,
    );
    const review = await listContributions({ actor: people.admin, filters: filters(), scope: 'review' });
    expect(review.items.every((item) => item.status === 'SUBMITTED' && item.personId !== people.admin.id)).toBe(true);
    expect(review.items).toHaveLength(7);
  });

  it('never lists a deleted contribution, even to its owner or an admin', async () => {
    const gone = rows.find((row) => row.deleted)!;
    for (const who of ['bob', 'admin', 'remi'] as const) {
      const page = await listContributions({ actor: people[who], filters: filters() });
      expect(page.items.map((item) => item.id)).not.toContain(gone.id);
    }
  });
});

describe('filters and totals', () => {
  it('combine with visibility: status, chantier, person, period, date range', async () => {
    await setTransparency(true);
    const alice = people.alice;
    expect(await listed(alice, 'all', { status: 'SUBMITTED' })).toEqual(
      expected(alice, 'mine', true).filter((id) => rows.find((row) => row.id === id)!.status === 'SUBMITTED'),
    );
    expect(await listed(alice, 'all', { personId: people.bob.id })).toEqual(
      rows
        .filter((row) => row.personId === people.bob.id && row.status === 'APPROVED' && !row.deleted)
        .map((row) => row.id)
        .sort(),
    );
    expect(await listed(people.remi, 'all', { chantierId: k2 })).toEqual(
      expected(people.remi, 'all', true).filter((id) => rows.find((row) => row.id === id)!.chantierId === k2),
    );
    expect(await listed(people.admin, 'all', { periodId: earlierPeriodId })).toHaveLength(3);
    const ranged = await listed(people.admin, 'all', { from: '2026-03-02', to: '2026-03-03' });
    expect(ranged.length).toBeGreaterThan(0);
    for (const id of ranged) expect(['2026-03-02', '2026-03-03']).toContain(rows.find((row) => row.id === id)!.date);
    expect(ranged).toEqual(
      expected(people.admin, 'all', true).filter((id) =>
        ['2026-03-02', '2026-03-03'].includes(rows.find((row) => row.id === id)!.date),
      ),
    );
  });

  it('totals per chantier sum the minutes of exactly what the list shows', async () => {
    await setTransparency(true);
    for (const [who, scope] of [
      ['alice', 'mine'],
      ['remi', 'review'],
      ['alice', 'approved'],
      ['admin', 'all'],
    ] as const) {
      const ids = new Set(expected(people[who], scope, true));
      const want = [k1, k2]
        .map((chantierId) => ({
          chantierId,
          minutes: rows
            .filter((row) => ids.has(row.id) && row.chantierId === chantierId)
            .reduce((sum, row) => sum + row.minutes, 0),
        }))
        .filter((total) => total.minutes > 0);
      const got = await totalsByChantier({ actor: people[who], filters: {}, scope });
      expect(
        got.sort((a, b) => a.chantierId.localeCompare(b.chantierId)),
        `${who} ${scope}`,
      ).toEqual(want.sort((a, b) => a.chantierId.localeCompare(b.chantierId)));
    }
  });
});

describe('the people of a list (its person filter)', () => {
  it.each(WHO.flatMap((who) => SCOPES.map((scope) => [who, scope] as const)))(
    '%s, scope %s: exactly the owners of what the list shows',
    async (who, scope) => {
      await setTransparency(true);
      const ids = new Set(expected(people[who], scope, true));
      const owners = [...new Set(rows.filter((row) => ids.has(row.id)).map((row) => row.personId))].sort();
      const got = await peopleInList({ actor: people[who], filters: {}, scope });
      expect(got.map((person) => person.id).sort()).toEqual(owners);
      expect(got.every((person) => typeof person.name === 'string' && person.name.length > 0)).toBe(true);
    },
  );
});

describe('a list item', () => {
  it('carries exactly what reading the contribution alone answers, plus the names', async () => {
    await setTransparency(true);
    const page = await listContributions({ actor: people.admin, filters: filters() });
    expect(page.items.length).toBeGreaterThan(3);
    for (const item of page.items) {
      const { personName, chantierName, chantierCode, placeName, lastComment, ...fields } = item;
      expect(fields).toEqual(await getContribution({ actor: people.admin, id: item.id }));
      expect(fields.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(personName).toBe((await db().person.findUniqueOrThrow({ where: { id: item.personId } })).name);
      const chantier = await db().chantier.findUniqueOrThrow({ where: { id: item.chantierId } });
      expect([chantierName, chantierCode]).toEqual([chantier.name, chantier.code]);
      expect(placeName === null || typeof placeName === 'string').toBe(true);
      expect(lastComment === null || typeof lastComment === 'string').toBe(true);
    }
  });
});

describe('keyset pagination', () => {
  async function walk(actor: Actor, limit: number, order: 'asc' | 'desc') {
    const seen: { id: string; date: string }[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listContributions({ actor, filters: filters({ limit, cursor }), order });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => ({ id: item.id, date: item.date })));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return seen;
  }

  it.each([
    ['desc', 4],
    ['asc', 4],
    ['desc', 1],
    ['asc', 7],
  ] as const)('walking %s by pages of %i returns every row exactly once, in order', async (order, limit) => {
    await setTransparency(true);
    const whole = await listContributions({ actor: people.admin, filters: filters(), order });
    const walked = await walk(people.admin, limit, order);
    expect(walked.map((item) => item.id)).toEqual(whole.items.map((item) => item.id));
    expect(new Set(walked.map((item) => item.id)).size).toBe(walked.length);
    expect(walked.map((item) => item.id).sort()).toEqual(expected(people.admin, 'all', true));
    // Ordered by date (ties broken by id, which the keyset compares in the database's own order).
    const dates = walked.map((item) => item.date);
    expect(dates).toEqual([...dates].sort((a, b) => (order === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
  });

  it('a page that ends exactly at the last row says there is no next page', async () => {
    const count = expected(people.alice, 'mine', true).length;
    const page = await listContributions({ actor: people.alice, filters: filters({ limit: count }), scope: 'mine' });
    expect(page.items).toHaveLength(count);
    expect(page.nextCursor).toBeNull();
  });

  it('through the API: nextCursor walks every visible row exactly once', async () => {
    await setTransparency(true);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await callRoute(listRoute, { path: `/api/v1/contributions?${query}`, token: tokens.bob });
      expect(response.status).toBe(200);
      ids.push(...response.body.items.map((item: { id: string }) => item.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.sort()).toEqual(expected(people.bob, 'all', true));
  });
});

describe('reading one contribution', () => {
  const draftOf = (who: Who) =>
    rows.find((row) => row.personId === people[who].id && row.status === 'DRAFT' && !row.deleted)!;
  const approvedOf = (who: Who) =>
    rows.find((row) => row.personId === people[who].id && row.status === 'APPROVED' && row.periodId === periodId)!;

  it('another person’s draft is a 404 for everyone, admins included', async () => {
    await setTransparency(true);
    for (const who of ['alice', 'remi', 'rita', 'admin', 'treasurer'] as const) {
      const response = await callRoute(getRoute, { token: tokens[who], params: { id: draftOf('bob').id } });
      expect(response.status, who).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await callRoute(getRoute, { token: tokens.bob, params: { id: draftOf('bob').id } })).status).toBe(200);
  });

  it('another’s approved one: visible to all with transparency on; off, only to reviewers, admins and treasurers', async () => {
    const id = approvedOf('bob').id;
    await setTransparency(true);
    for (const who of WHO)
      expect((await callRoute(getRoute, { token: tokens[who], params: { id } })).status, who).toBe(200);
    await setTransparency(false);
    const statuses = Object.fromEntries(
      await Promise.all(
        WHO.map(async (who) => [who, (await callRoute(getRoute, { token: tokens[who], params: { id } })).status]),
      ),
    );
    expect(statuses).toEqual({
      alice: 404,
      bob: 200,
      remi: approvedOf('bob').chantierId === k1 ? 200 : 404,
      rita: approvedOf('bob').chantierId === k2 ? 200 : 404,
      admin: 200,
      treasurer: 200,
    });
  });
});
