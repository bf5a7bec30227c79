// Reminders to declare (relevé des compteurs, docs/plans.md) against a real database and SMTP
// server: who gets what (drafts not submitted; a pace behind the plan; everyone N days before the
// end), each email saying why and linking to the declare page; nothing twice the same day, from
// the command or the treasurer's button; only a treasurer may press it; the setting is kept.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetMailer } from '@/lib/mail/mailer';
import { sendReminders } from '@/lib/plans/server/reminders';
import { updateSettings, ZSettingsUpdate } from '@/lib/settings/settings';
import { freePort } from '../../scripts/embedded-postgres';
import { mailText, startMailCatcher } from '../support/mail-catcher';
import {
  createChantier,
  createPeriod,
  createPerson,
  rejectionOf,
  resetDatabase,
  seedContribution,
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

/** April 2026 (30 days), open; `today` is passed explicitly to sendReminders. */
async function world() {
  await resetDatabase();
  catcher.messages.length = 0;
  const chantier = await createChantier({ name: 'Atelier' });
  const people = {
    admin: await createPerson({ name: 'Ada', roles: ['ADMIN'] }),
    treasurer: await createPerson({ name: 'Tess', roles: ['TREASURER'] }),
    drafter: await createPerson({ name: 'Dora' }),
    slow: await createPerson({ name: 'Sam' }),
    onPace: await createPerson({ name: 'Olive' }),
    gone: await createPerson({ name: 'Gaston', active: false }),
  };
  const period = await createPeriod({ name: 'Avril', startDate: '2026-04-01', endDate: '2026-04-30' });
  const seed = (personId: string, minutes: number, status: 'DRAFT' | 'SUBMITTED' | 'APPROVED') =>
    seedContribution({ personId, chantierId: chantier.id, periodId: period.id, date: '2026-04-02', minutes, status });
  await seed(people.drafter.id, 60, 'DRAFT');
  await seed(people.drafter.id, 30, 'DRAFT');
  await seed(people.gone.id, 30, 'DRAFT');
  await seed(people.onPace.id, 1_100, 'SUBMITTED');
  await seed(people.slow.id, 600, 'APPROVED');
  await db().planLine.createMany({
    data: [people.slow, people.onPace, people.gone].map((person) => ({
      periodId: period.id,
      chantierId: chantier.id,
      personId: person.id,
      plannedMinutes: 3_000,
      updatedById: people.treasurer.id,
    })),
  });
  return { chantier, people, period };
}

const mailTo = (email: string) =>
  catcher.messages.filter((message) => message.to.includes(email)).map((m) => mailText(m.raw));

describe('reminders to declare', () => {
  it('reminds drafts and a pace behind the plan, says why, links to the declare page, and nothing twice the same day', async () => {
    const { people } = await world();
    // 11 April: 11 of 30 days, 3 000 planned minutes expect 1 100.
    const first = await sendReminders({ today: '2026-04-11' });
    expect(first.sent.map((entry) => [entry.email, entry.kinds]).sort()).toEqual(
      [
        [people.drafter.email, ['DRAFTS']],
        [people.slow.email, ['PACE']],
      ].sort(),
    );
    const [toDora] = mailTo(people.drafter.email);
    expect(toDora).toContain('Vous avez 2 contributions en brouillon, pas encore soumises, dans la période Avril.');
    expect(toDora).toContain('/contributions/week');
    const [toSam] = mailTo(people.slow.email);
    expect(toSam).toMatch(/compte 50\s?h ; à ce jour il en attendait 18\s?h\s?20 et vous en avez déclaré 10\s?h/);

    // The same day again — the cron twice, or the button after it: nothing more.
    const again = await sendReminders({ today: '2026-04-11', actor: people.treasurer });
    expect(again.sent).toEqual([]);
    expect(catcher.messages).toHaveLength(2);
    expect(await db().reminderSent.count()).toBe(2);

    // The next day they are due again, and Olive's 1 100 minutes are now behind (1 200 expected).
    const nextDay = await sendReminders({ today: '2026-04-12' });
    expect(nextDay.sent.map((entry) => entry.email).sort()).toEqual(
      [people.drafter.email, people.slow.email, people.onPace.email].sort(),
    );
  });

  it('reminds everyone active once, from the set number of days before the end', async () => {
    const { people } = await world();
    await updateSettings({
      actor: people.admin,
      input: ZSettingsUpdate.parse({
        name: 'Collectif',
        timeZone: 'Europe/Paris',
        transparency: 'on',
        reminderDaysBeforeEnd: '3',
      }),
    });
    expect((await db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } })).reminderDaysBeforeEnd).toBe(3);
    const early = await sendReminders({ today: '2026-04-26' });
    expect(early.sent.flatMap((entry) => entry.kinds)).not.toContain('PERIOD_END');
    const due = await sendReminders({ today: '2026-04-27' });
    const ended = due.sent.filter((entry) => entry.kinds.includes('PERIOD_END')).map((entry) => entry.email);
    expect(ended.sort()).toEqual(
      [people.admin, people.treasurer, people.drafter, people.slow, people.onPace].map((p) => p.email).sort(),
    );
    expect(mailTo(people.treasurer.email).at(-1)).toMatch(
      /La période Avril se termine le 30\/04\/2026 \(dans 3 jours\)/,
    );
    const later = await sendReminders({ today: '2026-04-28' });
    expect(later.sent.flatMap((entry) => entry.kinds)).not.toContain('PERIOD_END');
    expect(mailTo(people.gone.email)).toEqual([]);
  });

  it('only a treasurer presses the button; without SMTP nothing is sent nor recorded', async () => {
    const { people } = await world();
    for (const actor of [people.drafter, { ...people.drafter, roles: ['ADMIN' as const] }])
      expect((await rejectionOf(sendReminders({ actor, today: '2026-04-11' }))).code).toBe('FORBIDDEN');
    delete process.env.SMTP_URL;
    resetMailer();
    const result = await sendReminders({ actor: people.treasurer, today: '2026-04-11' });
    expect(result).toEqual({ mailEnabled: false, sent: [], due: 2 });
    expect(await db().reminderSent.count()).toBe(0);
  });

  it('the setting refuses what is not a whole number of days from 0 to 90, and keeps its value when absent', () => {
    for (const bad of ['-1', '91', '2.5', 'sept'])
      expect(
        ZSettingsUpdate.safeParse({ name: 'C', timeZone: 'Europe/Paris', reminderDaysBeforeEnd: bad }).success,
      ).toBe(false);
    expect(ZSettingsUpdate.parse({ name: 'C', timeZone: 'Europe/Paris' }).reminderDaysBeforeEnd).toBeUndefined();
  });
});
