/**
 * The plan against the realised and the forecast: a worked example, the rates a plan line takes,
 * and the invariants (a zero plan plans nothing; a finished period forecasts its demand plus the
 * committed fees; alerts are monotone).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeContribution, makeSettings } from '@/lib/pricing/test-fixtures';
import {
  alertFor,
  computeDashboard,
  periodDays,
  splitDeclared,
  type DashboardInput,
  type DeclaredContribution,
} from './dashboard';

const declared = (
  id: string,
  personId: string,
  chantierId: string,
  minutes: number,
  status: DeclaredContribution['status'],
  date = '2026-04-03',
): DeclaredContribution => ({ ...makeContribution(id, personId, chantierId, minutes, { date }), status });

// April 2026 (30 days), seen on the 10th: 10 days elapsed.
const base: DashboardInput = {
  settings: {
    ...makeSettings({
      envelopes: [{ chantierId: 'c1', amountCents: 300_000 }],
      rates: [
        { personId: 'bob', rateCents: 4_000 },
        { chantierId: 'c2', rateCents: 2_000 },
      ],
    }),
    mileageRateCents: 40,
  },
  startDate: '2026-04-01',
  endDate: '2026-04-30',
  today: '2026-04-10',
  chantierIds: ['c1', 'c2'],
  plan: [
    { chantierId: 'c1', personId: 'alice', plannedMinutes: 60 * 60, plannedFixedCents: 0 },
    { chantierId: 'c1', personId: 'bob', plannedMinutes: 30 * 60, plannedFixedCents: 10_000 },
    { chantierId: 'c1', personId: null, plannedMinutes: 10 * 60, plannedFixedCents: 0 },
    { chantierId: 'c2', personId: null, plannedMinutes: 15, plannedFixedCents: 0 },
  ],
  ...splitDeclared([
    declared('k1', 'alice', 'c1', 20 * 60, 'APPROVED'),
    declared('k2', 'alice', 'c1', 10 * 60, 'SUBMITTED'),
    declared('k3', 'chloe', 'c1', 60, 'APPROVED'),
  ]),
  approvedClaims: [
    { id: 'e1', personId: 'bob', chantierId: 'c1', date: '2026-04-02', kind: 'EXPENSE', amountCents: 5_000 },
    { id: 'g1', personId: 'bob', chantierId: 'c1', date: '2026-04-02', kind: 'IN_KIND', amountCents: 99_000 },
  ],
  committedFees: [{ chantierId: 'c1', personId: 'bob', amountCents: 20_000 }],
};

describe('computeDashboard', () => {
  const dashboard = computeDashboard(base);
  const [c1, c2] = dashboard.chantiers;

  it('counts the days of the period and those elapsed, today included', () => {
    expect(dashboard).toMatchObject({ asOf: '2026-04-10', elapsedDays: 10, totalDays: 30 });
  });

  it('prices each plan line at the rate pricing would give, "anyone" at the chantier or period rate', () => {
    expect(c1!.lines).toEqual([
      // 60 h × 30 €/h
      {
        personId: 'alice',
        plannedMinutes: 3_600,
        plannedFixedCents: 0,
        plannedCents: 180_000,
        submittedMinutes: 600,
        approvedMinutes: 1_200,
      },
      // 30 h × 40 €/h (Bob's own rate) + 100 € of fees
      {
        personId: 'bob',
        plannedMinutes: 1_800,
        plannedFixedCents: 10_000,
        plannedCents: 130_000,
        submittedMinutes: 0,
        approvedMinutes: 0,
      },
      // Not in the plan, but declared: shown with a plan of zero.
      {
        personId: 'chloe',
        plannedMinutes: 0,
        plannedFixedCents: 0,
        plannedCents: 0,
        submittedMinutes: 0,
        approvedMinutes: 60,
      },
      // Anyone: 10 h × the period's 30 €/h
      {
        personId: null,
        plannedMinutes: 600,
        plannedFixedCents: 0,
        plannedCents: 30_000,
        submittedMinutes: 0,
        approvedMinutes: 0,
      },
    ]);
    // c2's rate is 20 €/h: 15 min = 5 €.
    expect(c2!.lines).toEqual([
      {
        personId: null,
        plannedMinutes: 15,
        plannedFixedCents: 0,
        plannedCents: 500,
        submittedMinutes: 0,
        approvedMinutes: 0,
      },
    ]);
  });

  it('measures the demand (approved hours + F) and forecasts at the pace so far, plus committed fees', () => {
    expect(c1).toMatchObject({
      envelopeCents: 300_000,
      plannedMinutes: 6_000,
      plannedCents: 340_000,
      submittedMinutes: 600,
      approvedMinutes: 1_260,
      fixedCents: 5_000,
      // 21 h approved × 30 €/h + the 50 € expense (the in-kind gift is not money)
      demandCents: 68_000,
      // 31 h declared × 30 €/h = 930 € × 30/10 = 2 790 €, + 50 € F + 200 € committed
      forecastCents: 304_000,
      // The forecast reaches 80 % of the envelope (and exceeds it): a warning, not yet OVER.
      alert: 'WARN',
    });
    expect(c2).toMatchObject({ envelopeCents: null, demandCents: 0, forecastCents: 0, alert: 'NONE' });
  });

  it('forecasts what is declared before the period starts', () => {
    const early = computeDashboard({ ...base, today: '2026-03-20' });
    expect(early.elapsedDays).toBe(0);
    expect(early.chantiers[0]!.forecastCents).toBe(93_000 + 5_000 + 20_000);
  });

  it('applies the per-person cap to the demand, as pricing does', () => {
    const capped = computeDashboard({ ...base, settings: { ...base.settings, capMinutes: 600 } });
    // Alice's 20 h approved are capped at 10 h; Chloé's hour is within her own cap.
    expect(capped.chantiers[0]!.demandCents).toBe(30_000 + 3_000 + 5_000);
  });
});

describe('periodDays', () => {
  it.each([
    ['2026-04-01', 1],
    ['2026-04-30', 30],
    ['2026-05-15', 30],
    ['2026-03-31', 0],
  ])('on %s, %i days have elapsed of 30', (today, elapsed) => {
    expect(periodDays('2026-04-01', '2026-04-30', today)).toEqual({ totalDays: 30, elapsedDays: elapsed });
  });
});

describe('alertFor', () => {
  it.each([
    [null, 10_000, 10_000, 'NONE'],
    [10_000, 10_001, 0, 'OVER'],
    [10_000, 10_000, 20_000, 'WARN'],
    [10_000, 8_000, 0, 'WARN'],
    [10_000, 7_999, 7_999, 'NONE'],
    [10_000, 0, 8_000, 'WARN'],
    [0, 0, 0, 'WARN'],
  ] as const)('envelope %s, demand %i, forecast %i → %s', (envelope, demand, forecast, alert) => {
    expect(alertFor(envelope, demand, forecast)).toBe(alert);
  });

  it('is monotone in the demand and in the forecast', () => {
    const rank = { NONE: 0, WARN: 1, OVER: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (envelope, demand, more, forecast) => {
          expect(rank[alertFor(envelope, demand + more, forecast)]).toBeGreaterThanOrEqual(
            rank[alertFor(envelope, demand, forecast)],
          );
          expect(rank[alertFor(envelope, demand, forecast + more)]).toBeGreaterThanOrEqual(
            rank[alertFor(envelope, demand, forecast)],
          );
        },
      ),
    );
  });
});

describe('computeDashboard invariants', () => {
  const arbDeclared = fc.array(
    fc.record({
      personId: fc.constantFrom('alice', 'bob', 'chloe'),
      chantierId: fc.constantFrom('c1', 'c2'),
      minutes: fc.integer({ min: 1, max: 600 }),
      approved: fc.boolean(),
      day: fc.integer({ min: 1, max: 9 }),
    }),
    { maxLength: 12 },
  );

  it('a plan of zero plans nothing', () => {
    fc.assert(
      fc.property(arbDeclared, (drafts) => {
        const result = computeDashboard({
          ...base,
          plan: base.plan.map((line) => ({ ...line, plannedMinutes: 0, plannedFixedCents: 0 })),
          ...splitDeclared(
            drafts.map((d, i) =>
              declared(`k${i}`, d.personId, d.chantierId, d.minutes, d.approved ? 'APPROVED' : 'SUBMITTED'),
            ),
          ),
        });
        for (const chantier of result.chantiers) {
          expect([chantier.plannedMinutes, chantier.plannedCents]).toEqual([0, 0]);
          for (const line of chantier.lines) expect([line.plannedMinutes, line.plannedCents]).toEqual([0, 0]);
        }
      }),
    );
  });

  it('on a finished period with nothing waiting, forecasts the demand plus the committed fees', () => {
    fc.assert(
      fc.property(arbDeclared, fc.integer({ min: 0, max: 50_000 }), (drafts, committed) => {
        const result = computeDashboard({
          ...base,
          today: '2026-05-02',
          committedFees: [{ chantierId: 'c1', personId: 'bob', amountCents: committed }],
          ...splitDeclared(
            drafts.map((d, i) =>
              declared(`k${i}`, d.personId, d.chantierId, d.minutes, 'APPROVED', `2026-04-0${d.day}`),
            ),
          ),
        });
        const [c1, c2] = result.chantiers;
        expect(c1!.forecastCents).toBe(c1!.demandCents + committed);
        expect(c2!.forecastCents).toBe(c2!.demandCents);
      }),
    );
  });

  it('counts every declared minute once, as submitted or approved', () => {
    fc.assert(
      fc.property(arbDeclared, (drafts) => {
        const contributions = drafts.map((d, i) =>
          declared(`k${i}`, d.personId, d.chantierId, d.minutes, d.approved ? 'APPROVED' : 'SUBMITTED'),
        );
        const result = computeDashboard({ ...base, ...splitDeclared(contributions) });
        for (const chantier of result.chantiers) {
          const mine = contributions.filter((c) => c.chantierId === chantier.chantierId);
          const sum = (status: string) =>
            mine.filter((c) => c.status === status).reduce((total, c) => total + c.minutes, 0);
          expect([chantier.submittedMinutes, chantier.approvedMinutes]).toEqual([sum('SUBMITTED'), sum('APPROVED')]);
        }
      }),
    );
  });
});
