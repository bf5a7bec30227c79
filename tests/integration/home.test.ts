// The home page's figures per role, against PostgreSQL: a contributor's period hours by status,
// pay so far, what was sent back and the week's total; a referent's queue, oldest first and never
// their own; a treasurer's periods ending soon, envelopes near their limit and what is left to pay;
// an admin's pending invitations.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/contributions/server/periods';
import { addDays, weekStartOf } from '@/lib/contributions/week-dates';
import { closePeriod } from '@/lib/periods/payouts';
import { getAdminHome, getContributorHome, getReviewerHome, getTreasurerHome } from '@/lib/home/home';
import { createChantier, createPeriod, createPerson, resetDatabase, seedContribution } from '../support/database';

const TODAY = todayIn('Europe/Paris');
const MONDAY = weekStartOf(TODAY);
let alice: Actor;
let bruno: Actor;
let rita: Actor;
let treasurer: Actor;
let admin: Actor;
let c1: string;
let c2: string;
let openId: string;
let closedId: string;

beforeAll(async () => {
  await resetDatabase();
  c1 = (await createChantier({ name: 'Animation', code: 'C1' })).id;
  c2 = (await createChantier({ name: 'Accompagnement', code: 'C2' })).id;
  alice = await createPerson({ name: 'Alice' });
  bruno = await createPerson({ name: 'Bruno' });
  rita = await createPerson({ name: 'Rita', referentOf: [c1] });
  treasurer = await createPerson({ name: 'Tess', roles: ['TREASURER'] });
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  // The open period covers today and ends in 10 days; C1's envelope is 100 €.
  openId = (
    await createPeriod({ startDate: addDays(TODAY, -60), endDate: addDays(TODAY, 10), defaultRateCents: 2_000 })
  ).id;
  await db().envelope.create({ data: { periodId: openId, chantierId: c1, amountCents: 10_000 } });
  const seed = (
    personId: string,
    chantierId: string,
    date: string,
    minutes: number,
    status: Parameters<typeof seedContribution>[0]['status'],
    periodId = openId,
  ) => seedContribution({ personId, chantierId, periodId, date, minutes, status, reviewerId: rita.id });
  await seed(alice.id, c1, MONDAY, 120, 'APPROVED'); // 40 € of the 100 € envelope
  await seed(alice.id, c1, MONDAY, 60, 'SUBMITTED');
  await seed(alice.id, c2, addDays(TODAY, -20), 45, 'CHANGES_REQUESTED');
  await seed(alice.id, c2, addDays(TODAY, -21), 600, 'REJECTED');
  await seed(alice.id, c2, MONDAY, 30, 'DRAFT');
  await seed(bruno.id, c1, addDays(TODAY, -30), 150, 'APPROVED'); // 50 €: C1 asks 90 € of 100 €
  await seed(bruno.id, c1, addDays(TODAY, -40), 60, 'SUBMITTED');
  await seed(rita.id, c1, addDays(TODAY, -50), 60, 'SUBMITTED'); // Rita's own: not for her to review
  // A closed period with 30 € owed to Bruno, unpaid.
  closedId = (await createPeriod({ startDate: addDays(TODAY, -200), endDate: addDays(TODAY, -100) })).id;
  await seed(bruno.id, c2, addDays(TODAY, -150), 90, 'APPROVED', closedId);
  await closePeriod({ actor: treasurer, periodId: closedId });
});

describe('home figures', () => {
  it("a contributor's period, pay so far, what was sent back and the week", async () => {
    const home = await getContributorHome({ actor: alice, today: TODAY });
    expect(home.period?.id).toBe(openId);
    expect(home.hours).toEqual({ approved: 120, submitted: 60, toFix: 45, draft: 30 });
    // 2 h at 20 €/h; C1's demand (90 €) fits its envelope.
    expect(home.payCents).toBe(4_000);
    expect(home.sentBack.map((item) => [item.status, item.minutes])).toEqual(
      expect.arrayContaining([
        ['CHANGES_REQUESTED', 45],
        ['REJECTED', 600],
      ]),
    );
    expect(home.weekStart).toBe(MONDAY);
    expect(home.weekMinutes).toBe(120 + 60 + 30);
  });

  it("a referent's queue: their chantiers only, oldest first, never their own", async () => {
    const home = await getReviewerHome({ actor: rita });
    expect(home.waitingCount).toBe(2);
    // Submitted first, shown first (Alice's was seeded before Bruno's).
    expect(home.oldest.map((item) => [item.person, item.minutes])).toEqual([
      ['Alice', 60],
      ['Bruno', 60],
    ]);
    const adminHome = await getReviewerHome({ actor: admin });
    expect(adminHome.waitingCount).toBe(3);
  });

  it("a treasurer's periods ending soon, envelopes near their limit and what is left to pay", async () => {
    const home = await getTreasurerHome({ actor: treasurer, today: TODAY });
    expect(home.endingSoon).toEqual([expect.objectContaining({ id: openId, over: false })]);
    expect(home.envelopes).toEqual([
      expect.objectContaining({
        periodId: openId,
        chantierId: c1,
        envelopeCents: 10_000,
        demandCents: 9_000,
        percent: 90,
      }),
    ]);
    expect(home.toPay).toEqual([{ id: closedId, name: expect.any(String), dueCents: 3_000, payees: 1 }]);
    expect(home.payeesWithoutIban).toBeGreaterThan(0);
    await expect(getTreasurerHome({ actor: alice, today: TODAY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("an admin's pending invitations", async () => {
    const invited = await createPerson({ name: 'Inès', password: null });
    await db().invitation.create({
      data: {
        personId: invited.id,
        purpose: 'INVITE',
        tokenHash: `hash-${invited.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const home = await getAdminHome({ actor: admin });
    expect(home.pendingInvitations).toEqual([expect.objectContaining({ name: 'Inès', expired: false })]);
    expect(home.contributorsOnly).toBeGreaterThanOrEqual(3);
    await expect(getAdminHome({ actor: treasurer })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
