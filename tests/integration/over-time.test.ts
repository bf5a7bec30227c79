// Hours and money per chantier over time: approved hours only, money from the current frozen run.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { totalsOverTime } from '@/lib/periods/over-time';
import { closePeriod } from '@/lib/periods/payouts';
import { createChantier, createPerson, resetDatabase } from '../support/database';

beforeEach(resetDatabase);

describe('totalsOverTime', () => {
  it('sums approved minutes per period and chantier, and the frozen run’s cents once a period is closed', async () => {
    const [atelier, boutique] = [await createChantier({ name: 'Atelier' }), await createChantier({ name: 'Boutique' })];
    const alice = await createPerson({ name: 'Alice' });
    const treasurer = await createPerson({ roles: ['TREASURER'] });
    const period = (name: string, start: string, end: string) =>
      db().fundingPeriod.create({
        data: {
          name,
          startDate: new Date(`${start}T00:00:00Z`),
          endDate: new Date(`${end}T00:00:00Z`),
          defaultRateCents: 3000,
        },
      });
    const spring = await period('Printemps', '2026-03-01', '2026-05-31');
    const summer = await period('Été', '2026-06-01', '2026-08-31');
    const add = (
      periodId: string,
      chantierId: string,
      date: string,
      minutes: number,
      status: 'APPROVED' | 'SUBMITTED' | 'DRAFT',
    ) =>
      db().contribution.create({
        data: {
          personId: alice.id,
          chantierId,
          periodId,
          date: new Date(`${date}T00:00:00Z`),
          minutes,
          description: 'x',
          status,
        },
      });
    await add(spring.id, atelier.id, '2026-03-10', 120, 'APPROVED');
    await add(spring.id, atelier.id, '2026-03-11', 60, 'APPROVED');
    await add(spring.id, boutique.id, '2026-04-01', 90, 'APPROVED');
    await add(summer.id, atelier.id, '2026-06-10', 30, 'APPROVED');
    await add(summer.id, atelier.id, '2026-06-11', 45, 'DRAFT');
    await add(summer.id, boutique.id, '2026-06-12', 15, 'SUBMITTED');
    await closePeriod({ actor: treasurer, periodId: spring.id });

    const totals = await totalsOverTime();
    expect(totals.map((entry) => entry.periodName)).toEqual(['Printemps', 'Été']);
    expect(totals[0].byChantier).toEqual({
      [atelier.id]: { minutes: 180, amountCents: 9000 },
      [boutique.id]: { minutes: 90, amountCents: 4500 },
    });
    // Open: hours of approved work only, no money yet.
    expect(totals[1].byChantier).toEqual({ [atelier.id]: { minutes: 30, amountCents: 0 } });
  });
});
