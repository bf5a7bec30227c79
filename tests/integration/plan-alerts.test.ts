// Envelope alerts (docs/plans.md) against a real database and SMTP server: crossing 80 % and then
// 100 % of a chantier's envelope tells its referents and the treasurers, in the app and by email,
// once per threshold and period — even when approvals race — with the figures and the link to
// the dashboard; nobody else is told.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, formatISO, parseISO } from 'date-fns';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { resetMailer } from '@/lib/mail/mailer';
import { todayIn } from '@/lib/contributions/server/periods';
import { createContribution } from '@/lib/contributions/server/mutations';
import { reviewContribution } from '@/lib/contributions/server/review';
import { checkPlanAlerts, PLAN_ALERT_KIND } from '@/lib/plans/server/alerts';
import { updatePeriod } from '@/lib/periods/periods';
import { freePort } from '../../scripts/embedded-postgres';
import { mailText, startMailCatcher } from '../support/mail-catcher';
import {
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
} from '../support/database';

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort() });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetMailer();
  await catcher.stop();
});
beforeEach(() => {
  process.env.SMTP_URL = catcher.smtpUrl;
  resetMailer();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  resetMailer();
});

/**
 * A 30-day open period ending today (so the forecast equals what is declared), 30 €/h, and an
 * envelope of 100 € on the Atelier chantier; Boutique has no envelope.
 */
async function world() {
  await resetDatabase();
  catcher.messages.length = 0;
  const today = todayIn('Europe/Paris');
  const start = formatISO(addDays(parseISO(today), -29), { representation: 'date' });
  const atelier = await createChantier({ name: 'Atelier' });
  const boutique = await createChantier({ name: 'Boutique' });
  const people = {
    treasurer: await createPerson({ name: 'Tess', roles: ['TREASURER'] }),
    referent: await createPerson({ name: 'Rita', referentOf: [atelier.id] }),
    otherReferent: await createPerson({ name: 'Boris', referentOf: [boutique.id] }),
    contributor: await createPerson({ name: 'Carl' }),
    gone: await createPerson({ name: 'Gaston', roles: ['TREASURER'], active: false }),
  };
  const period = await createPeriod({ name: 'Automne', startDate: start, endDate: today, defaultRateCents: 3_000 });
  await db().envelope.create({ data: { periodId: period.id, chantierId: atelier.id, amountCents: 100_00 } });
  const hours = (actor: Actor, minutes: number, chantierId = atelier.id) =>
    createContribution({
      actor,
      input: { date: start, minutes, chantierId, description: `${minutes} min`, volunteer: false, submit: true },
    });
  return { today, start, atelier, boutique, people, period, hours };
}

/** Approved minutes on Atelier stored directly, as if from before: nothing is checked nor told. */
function storeApproved(fresh: Awaited<ReturnType<typeof world>>, minutes: number) {
  return seedContribution({
    personId: fresh.people.contributor.id,
    chantierId: fresh.atelier.id,
    periodId: fresh.period.id,
    date: fresh.start,
    minutes,
    status: 'APPROVED',
  });
}

async function alertsOf(personId: string) {
  return db().notification.findMany({ where: { personId, kind: PLAN_ALERT_KIND }, orderBy: { createdAt: 'asc' } });
}

describe('envelope alerts', () => {
  it('tells the referents and the treasurers once at 80 %, then once at 100 %, with the figures and the link', async () => {
    const { atelier, people, period, hours } = await world();
    // 150 min at 30 €/h = 75 €: below 80 %.
    const first = await hours(people.contributor, 150);
    expect(catcher.messages).toHaveLength(0);
    // +10 min: 80 € submitted, the forecast reaches 80 %.
    const second = await hours(people.contributor, 10);
    expect((await alertsOf(people.referent.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([80]);
    expect((await alertsOf(people.treasurer.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([80]);
    for (const nobody of [people.otherReferent, people.contributor, people.gone])
      expect(await alertsOf(nobody.id)).toEqual([]);
    expect(
      catcher.messages
        .map((message) => message.to)
        .flat()
        .sort(),
    ).toEqual([people.referent.email, people.treasurer.email].sort());
    const text = mailText(catcher.messages[0]!.raw);
    expect(text).toContain('Atelier atteint 80 % de son enveloppe');
    expect(text).toMatch(/Enveloppe : 100,00\s€/);
    expect(text).toMatch(/Prévision en fin de période : 80,00\s€ \(80 %\)/);
    expect(text).toContain(`/periods/${period.id}/dashboard`);

    // Approving both moves the demand to 80 €: 80 % was already told.
    await reviewContribution({ actor: people.referent, id: first.id, action: 'approve' });
    await reviewContribution({ actor: people.referent, id: second.id, action: 'approve' });
    expect(catcher.messages).toHaveLength(2);

    // +41 min approved: 100,50 € > 100 €, over the envelope.
    const third = await hours(people.contributor, 41);
    expect(catcher.messages).toHaveLength(2); // the forecast was already past 80 %; the demand is not over yet
    await reviewContribution({ actor: people.referent, id: third.id, action: 'approve' });
    expect((await alertsOf(people.referent.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([
      80, 100,
    ]);
    expect(catcher.messages).toHaveLength(4);
    const over = mailText(catcher.messages[3]!.raw);
    expect(over).toContain('dépasse son enveloppe');
    expect(over).toMatch(/Demande \(heures validées et frais\) : 100,50\s€ \(100 %\)/);

    // Un-approving and approving again, or checking again, tells nobody twice.
    await reviewContribution({ actor: people.referent, id: third.id, action: 'unapprove', comment: 'oups' });
    const again = await hours(people.contributor, 1, atelier.id);
    await reviewContribution({ actor: people.referent, id: again.id, action: 'approve' });
    expect(await checkPlanAlerts({ periodId: period.id })).toEqual([]);
    expect(catcher.messages).toHaveLength(4);
    expect(await db().planAlertSent.count()).toBe(2);
  });

  it('straight past 100 % records both thresholds and tells of 100 % only', async () => {
    const fresh = await world();
    await seedContribution({
      personId: fresh.people.contributor.id,
      chantierId: fresh.atelier.id,
      periodId: fresh.period.id,
      date: fresh.start,
      minutes: 300,
      status: 'APPROVED',
    });
    const told = await checkPlanAlerts({ periodId: fresh.period.id });
    expect(told.map((notice) => [notice.chantierName, notice.threshold, notice.demandCents])).toEqual([
      ['Atelier', 100, 150_00],
    ]);
    expect((await db().planAlertSent.findMany({ orderBy: { threshold: 'asc' } })).map((row) => row.threshold)).toEqual([
      80, 100,
    ]);
    expect(catcher.messages).toHaveLength(2);
  });

  it('once per threshold when approvals race, and when checks run at once', async () => {
    const { people, period, atelier, start } = await world();
    const submitted = [];
    for (let index = 0; index < 4; index++)
      submitted.push(
        await seedContribution({
          personId: people.contributor.id,
          chantierId: atelier.id,
          periodId: period.id,
          date: start,
          minutes: 60,
          status: 'SUBMITTED',
        }),
      );
    // Submitted 120 € (forecast over 80 %), nothing told yet: the rows were stored directly.
    await Promise.all([
      ...submitted.map((contribution) =>
        reviewContribution({ actor: people.referent, id: contribution.id, action: 'approve' }),
      ),
      checkPlanAlerts({ periodId: period.id }),
      checkPlanAlerts({ periodId: period.id }),
    ]);
    const thresholds = (await alertsOf(people.treasurer.id)).map((n) => (n.data as { threshold: number }).threshold);
    expect([...thresholds].sort()).toEqual(thresholds.length === 1 ? [100] : [100, 80].sort());
    expect(new Set(thresholds).size).toBe(thresholds.length);
    expect(await db().planAlertSent.count()).toBe(2);
    // Two recipients, told once of each threshold they were told of.
    expect(catcher.messages).toHaveLength(2 * thresholds.length);
  });

  it('checks at once when the envelope changes: a smaller one tells of 80 %, then of 100 %, each once', async () => {
    const fresh = await world();
    const { atelier, people, period } = fresh;
    // 150 € approved against 100 €, stored directly (nothing told), then the envelope is raised
    // to 1 000 €: 15 %, nobody is told.
    await storeApproved(fresh, 300);
    const envelope = (amountCents: number) =>
      updatePeriod({
        actor: people.treasurer,
        periodId: period.id,
        input: { envelopes: [{ chantierId: atelier.id, amountCents }] },
      });
    await envelope(1_000_00);
    expect(await db().planAlertSent.count()).toBe(0);
    expect(catcher.messages).toHaveLength(0);

    // 180 €: 150 € is 83 % of it, told at once, to the referent and the treasurer.
    await envelope(180_00);
    expect((await alertsOf(people.referent.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([80]);
    expect((await alertsOf(people.treasurer.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([80]);
    expect(await alertsOf(people.otherReferent.id)).toEqual([]);
    expect(catcher.messages).toHaveLength(2);
    expect(mailText(catcher.messages[0]!.raw)).toMatch(/Enveloppe : 180,00\s€/);

    // 170 €, still past 80 %: already told. 149 €: over, told once.
    await envelope(170_00);
    expect(catcher.messages).toHaveLength(2);
    await envelope(149_00);
    expect((await alertsOf(people.referent.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([
      80, 100,
    ]);
    expect(catcher.messages).toHaveLength(4);
    expect(mailText(catcher.messages[3]!.raw)).toContain('dépasse son enveloppe');

    // Smaller still, or back up and down again: nobody is told twice in the period.
    await envelope(100_00);
    await envelope(1_000_00);
    await envelope(100_00);
    expect(catcher.messages).toHaveLength(4);
    expect(await db().planAlertSent.count()).toBe(2);
  });

  it('a period edit that touches no envelope still checks (a higher rate crosses 100 %)', async () => {
    const fresh = await world();
    const { people, period } = fresh;
    // 3 h approved at 30 €/h = 90 €, stored directly: nothing told yet.
    await storeApproved(fresh, 180);
    await updatePeriod({ actor: people.treasurer, periodId: period.id, input: { defaultRateCents: 4_000 } });
    // 120 € > 100 €: straight past 100 %, told of 100 % only.
    expect((await alertsOf(people.treasurer.id)).map((n) => (n.data as { threshold: number }).threshold)).toEqual([
      100,
    ]);
    expect(await db().planAlertSent.count()).toBe(2);
  });

  it('a refused period edit tells nobody', async () => {
    const fresh = await world();
    const { atelier, people, period } = fresh;
    await storeApproved(fresh, 300);
    await expect(
      updatePeriod({
        actor: people.referent,
        periodId: period.id,
        input: { envelopes: [{ chantierId: atelier.id, amountCents: 10_00 }] },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updatePeriod({
        actor: people.treasurer,
        periodId: period.id,
        input: { envelopes: [{ chantierId: atelier.id, amountCents: 10_00 }] },
        expectedVersion: 999,
      }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await db().planAlertSent.count()).toBe(0);
    expect(catcher.messages).toHaveLength(0);
  });

  it('says nothing for a chantier without an envelope, nor for a closed period', async () => {
    const { people, period, boutique, atelier, start, hours } = await world();
    await hours(people.contributor, 600, boutique.id);
    expect(await db().planAlertSent.count()).toBe(0);
    await seedContribution({
      personId: people.contributor.id,
      chantierId: atelier.id,
      periodId: period.id,
      date: start,
      minutes: 600,
      status: 'APPROVED',
    });
    await setPeriodStatus(period.id, 'CLOSED');
    expect(await checkPlanAlerts({ periodId: period.id })).toEqual([]);
    expect(catcher.messages).toHaveLength(0);
  });

  it('without SMTP, the alert is still recorded and shown in the app', async () => {
    delete process.env.SMTP_URL;
    resetMailer();
    const { people, hours } = await world();
    await hours(people.contributor, 200);
    expect(await alertsOf(people.referent.id)).toHaveLength(1);
    expect(catcher.messages).toHaveLength(0);
  });
});
