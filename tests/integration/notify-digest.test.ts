// The referents' digest (npm run notify:digest): what waits for each reviewer, never their own
// work; emailed through a real SMTP server; nothing sent when nothing waits; in-app counts and
// notifications without SMTP.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetMailer } from '@/lib/mail/mailer';
import { sendReviewDigests, waitingCount, waitingForReviewers } from '@/lib/contributions/server/digest';
import { listContributions } from '@/lib/contributions/server/queries';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { reviewContribution } from '@/lib/contributions/server/review';
import { createContribution } from '@/lib/contributions/server/mutations';
import { listUnreadNotifications, markNotificationsRead } from '@/lib/notifications/notifications';
import { freePort } from '../../scripts/embedded-postgres';
import { mailText, startMailCatcher } from '../support/mail-catcher';
import { createChantier, createPerson, resetDatabase } from '../support/database';

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort() });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetMailer();
  await catcher.stop();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  resetMailer();
});

async function world() {
  await resetDatabase();
  catcher.messages.length = 0;
  const chantierA = await createChantier({ name: 'Atelier' });
  const chantierB = await createChantier({ name: 'Boutique' });
  const referentA = await createPerson({ name: 'Rita', referentOf: [chantierA.id] });
  const referentB = await createPerson({ name: 'Boris', referentOf: [chantierB.id] });
  const admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  const contributor = await createPerson({ name: 'Carl' });
  await db().fundingPeriod.create({
    data: {
      name: 'P',
      startDate: new Date('2026-01-01T00:00:00Z'),
      endDate: new Date('2026-12-31T00:00:00Z'),
      defaultRateCents: 3000,
    },
  });
  const input = (chantierId: string, description: string) => ({
    date: '2026-11-02',
    minutes: 60,
    chantierId,
    description,
    volunteer: false,
    submit: true,
  });
  const fromCarl = await createContribution({ actor: contributor, input: input(chantierA.id, 'by Carl') });
  const fromRita = await createContribution({ actor: referentA, input: input(chantierA.id, 'by Rita herself') });
  return { chantierA, chantierB, referentA, referentB, admin, contributor, fromCarl, fromRita };
}

describe('the review digest', () => {
  beforeEach(() => {
    process.env.SMTP_URL = catcher.smtpUrl;
    resetMailer();
  });

  it('emails each reviewer what waits for them, never their own work, and nobody else', async () => {
    const { referentA, admin } = await world();
    const result = await sendReviewDigests();
    expect(result.sent.sort()).toEqual([admin.email, referentA.email].sort());
    const toRita = catcher.messages.find((message) => message.to.includes(referentA.email))!;
    expect(mailText(toRita.raw)).toContain('1 contribution attend votre validation');
    expect(mailText(toRita.raw)).toContain('- Atelier : 1');
    const toAda = catcher.messages.find((message) => message.to.includes(admin.email))!;
    expect(mailText(toAda.raw)).toContain('2 contributions attendent votre validation');
    expect(await waitingCount(referentA)).toBe(1);
    expect(await waitingCount(admin)).toBe(2);
  });

  it('counts for each person what their review page lists, as the policy scopes it', async () => {
    const everyone = await world();
    const digest = await waitingForReviewers();
    const people = [everyone.referentA, everyone.referentB, everyone.admin, everyone.contributor];
    for (const person of people) {
      const listed = await listContributions({
        actor: person,
        filters: ZContributionFilters.parse({ limit: 100 }),
        scope: 'review',
      });
      const inDigest = digest.find((entry) => entry.personId === person.id);
      const digestTotal = inDigest ? inDigest.waiting.reduce((sum, item) => sum + item.count, 0) : 0;
      expect(await waitingCount(person), person.name).toBe(listed.items.length);
      expect(digestTotal, person.name).toBe(listed.items.length);
    }
  });

  it('sends nothing when nothing waits', async () => {
    const { admin, referentA, fromCarl, fromRita } = await world();
    await reviewContribution({ actor: referentA, id: fromCarl.id, action: 'approve' });
    await reviewContribution({ actor: admin, id: fromRita.id, action: 'approve' });
    const result = await sendReviewDigests();
    expect(result.sent).toEqual([]);
    expect(catcher.messages).toHaveLength(0);
  });
});

describe('without SMTP', () => {
  it('emails nothing; the counts and the notices are in the app', async () => {
    const { referentA, contributor, fromCarl } = await world();
    const result = await sendReviewDigests();
    expect(result.mailEnabled).toBe(false);
    expect(result.sent).toEqual([]);
    expect(result.waiting.map((reviewer) => reviewer.email)).toContain(referentA.email);
    expect(catcher.messages).toHaveLength(0);

    await reviewContribution({ actor: referentA, id: fromCarl.id, action: 'reject', comment: 'Pas sur ce chantier' });
    const notices = await listUnreadNotifications(contributor.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toMatchObject({ kind: 'REJECTED', comment: 'Pas sur ce chantier', reviewerName: 'Rita' });
    await markNotificationsRead({ actor: referentA });
    expect(await listUnreadNotifications(contributor.id)).toHaveLength(1); // not theirs to clear
    await markNotificationsRead({ actor: contributor });
    expect(await listUnreadNotifications(contributor.id)).toHaveLength(0);
  });
});
