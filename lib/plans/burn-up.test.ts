// The burn-up series: a worked example, and its invariants (cumulative values never go down, the
// declared line is never under the approved one, the plan's line ends on the plan, the last
// approved point is the hours' exact value rounded once).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSettings } from '@/lib/pricing/test-fixtures';
import { burnUpSeries, type BurnUpDay, type BurnUpInput } from './burn-up';

const base: BurnUpInput = {
  settings: makeSettings({ rates: [{ personId: 'bob', rateCents: 4_000 }] }),
  startDate: '2026-04-01',
  endDate: '2026-04-05',
  today: '2026-04-03',
  chantierIds: ['c1'],
  days: [
    { date: '2026-04-01', personId: 'alice', chantierId: 'c1', approvedMinutes: 60, declaredMinutes: 90 },
    { date: '2026-04-03', personId: 'bob', chantierId: 'c1', approvedMinutes: 0, declaredMinutes: 30 },
    { date: '2026-04-02', personId: 'alice', chantierId: 'c2', approvedMinutes: 600, declaredMinutes: 600 },
    { date: '2026-03-31', personId: 'alice', chantierId: 'c1', approvedMinutes: 600, declaredMinutes: 600 },
  ],
  plannedCents: 10_001,
  envelopeCents: 8_000,
};

describe('burnUpSeries', () => {
  it('adds up each day at the rates pricing gives, until today, against the plan’s straight line', () => {
    const settings = base.settings;
    expect(settings.defaultRateCents).toBe(3_000);
    expect(burnUpSeries(base)).toEqual({
      plannedCents: 10_001,
      envelopeCents: 8_000,
      points: [
        // Alice 1 h approved and 1 h 30 declared at 30 €/h; the other chantier and the day before are left out.
        { date: '2026-04-01', planCents: 2_000, approvedCents: 3_000, declaredCents: 4_500 },
        { date: '2026-04-02', planCents: 4_000, approvedCents: 3_000, declaredCents: 4_500 },
        // Bob's 30 min at his 40 €/h.
        { date: '2026-04-03', planCents: 6_001, approvedCents: 3_000, declaredCents: 6_500 },
        { date: '2026-04-04', planCents: 8_001, approvedCents: null, declaredCents: null },
        { date: '2026-04-05', planCents: 10_001, approvedCents: null, declaredCents: null },
      ],
    });
  });

  it('draws nothing realised before the period starts', () => {
    const { points } = burnUpSeries({ ...base, today: '2026-03-20' });
    expect(points.every((point) => point.approvedCents === null && point.declaredCents === null)).toBe(true);
  });

  const arbDays = fc.array(
    fc
      .record({
        day: fc.integer({ min: 1, max: 5 }),
        personId: fc.constantFrom('alice', 'bob', 'chloe'),
        approved: fc.integer({ min: 0, max: 900 }),
        extra: fc.integer({ min: 0, max: 900 }),
      })
      .map((d): BurnUpDay => ({
        date: `2026-04-0${d.day}`,
        personId: d.personId,
        chantierId: 'c1',
        approvedMinutes: d.approved,
        declaredMinutes: d.approved + d.extra,
      })),
    { maxLength: 20 },
  );

  it('never goes down, keeps the declared line over the approved one, and ends on the exact value', () => {
    fc.assert(
      fc.property(arbDays, fc.nat(10_000_000), (days, plannedCents) => {
        const { points } = burnUpSeries({ ...base, today: '2026-04-30', days, plannedCents });
        for (let index = 0; index < points.length; index++) {
          const point = points[index]!;
          expect(point.declaredCents!).toBeGreaterThanOrEqual(point.approvedCents!);
          if (index > 0) {
            const before = points[index - 1]!;
            expect(point.approvedCents!).toBeGreaterThanOrEqual(before.approvedCents!);
            expect(point.declaredCents!).toBeGreaterThanOrEqual(before.declaredCents!);
            expect(point.planCents).toBeGreaterThanOrEqual(before.planCents);
          }
        }
        expect(points.at(-1)!.planCents).toBe(plannedCents);
        const exact60 = days.reduce(
          (sum, day) => sum + BigInt(day.approvedMinutes) * BigInt(day.personId === 'bob' ? 4_000 : 3_000),
          0n,
        );
        expect(points.at(-1)!.approvedCents).toBe(Number((2n * exact60 + 60n) / 120n));
      }),
    );
  });
});
