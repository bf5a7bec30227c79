import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alertFor } from '@/lib/plans/dashboard';
import { alertsToSend, percentOfEnvelope, sentKey, thresholdsReached } from '@/lib/plans/alerts';

const chantier = (envelopeCents: number | null, demandCents: number, forecastCents: number, chantierId = 'c1') => ({
  chantierId,
  envelopeCents,
  demandCents,
  forecastCents,
  alert: alertFor(envelopeCents, demandCents, forecastCents),
});

describe('alertsToSend', () => {
  it.each([
    { name: 'below 80 %', row: chantier(100_00, 79_99, 79_99), sent: [], want: [] },
    { name: 'forecast reaches 80 %', row: chantier(100_00, 10_00, 80_00), sent: [], want: [[80], 80] },
    { name: 'demand reaches 80 %', row: chantier(100_00, 80_00, 0), sent: [], want: [[80], 80] },
    { name: 'exactly the envelope is not over', row: chantier(100_00, 100_00, 100_00), sent: [], want: [[80], 80] },
    { name: 'over, 80 % already sent', row: chantier(100_00, 100_01, 0), sent: ['c1:80'], want: [[100], 100] },
    {
      name: 'straight over records both, says 100 %',
      row: chantier(100_00, 150_00, 0),
      sent: [],
      want: [[80, 100], 100],
    },
    { name: 'both already sent', row: chantier(100_00, 150_00, 0), sent: ['c1:80', 'c1:100'], want: [] },
    { name: 'no envelope never alerts', row: chantier(null, 1_000_00, 1_000_00), sent: [], want: [] },
    { name: 'an envelope of zero and no demand', row: chantier(0, 0, 0), sent: [], want: [[80], 80] },
  ])('$name', ({ row, sent, want }) => {
    const result = alertsToSend([row], new Set(sent));
    if (want.length === 0) expect(result).toEqual([]);
    else
      expect(result).toEqual([
        {
          chantierId: 'c1',
          thresholds: want[0],
          threshold: want[1],
          envelopeCents: row.envelopeCents,
          demandCents: row.demandCents,
          forecastCents: row.forecastCents,
        },
      ]);
  });

  it('sends each threshold once as the demand rises, whatever the steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 30 }),
        (envelope, steps) => {
          const sent = new Set<string>();
          const told: number[] = [];
          let demand = 0;
          for (const step of steps) {
            demand += step;
            for (const alert of alertsToSend([chantier(envelope, demand, demand)], sent)) {
              alert.thresholds.forEach((threshold) => sent.add(sentKey(alert.chantierId, threshold)));
              told.push(alert.threshold);
            }
          }
          // Never told twice of a threshold, and told of 100 % only when the demand exceeds the envelope.
          expect(new Set(told).size).toBe(told.length);
          expect(told.includes(100)).toBe(demand > envelope);
          expect(told.length > 0).toBe(5 * demand >= 4 * envelope);
        },
      ),
    );
  });
});

describe('thresholdsReached', () => {
  it.each([
    ['NONE', []],
    ['WARN', [80]],
    ['OVER', [80, 100]],
  ] as const)('%s → %j', (alert, want) => expect(thresholdsReached(alert)).toEqual(want));
});

describe('percentOfEnvelope', () => {
  it.each([
    [80_00, 100_00, 80],
    [79_99, 100_00, 79],
    [100_01, 100_00, 100],
    [150_00, 100_00, 150],
    [0, 0, 0],
    [1, 0, 100],
  ])('%i of %i → %i %%', (amount, envelope, want) => expect(percentOfEnvelope(amount, envelope)).toBe(want));
});
