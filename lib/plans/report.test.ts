import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCompteRendu, formatGapPercent, gapPerThousand, type ReportChantierInput } from '@/lib/plans/report';

const chantier = (overrides: Partial<ReportChantierInput>): ReportChantierInput => ({
  chantierId: 'c1',
  code: 'A',
  name: 'Atelier',
  plannedCents: 0,
  realisedCents: 0,
  volunteerMinutes: 0,
  volunteerValueCents: 0,
  inKindCents: 0,
  explanation: null,
  ...overrides,
});

describe('gapPerThousand and formatGapPercent', () => {
  it.each([
    [0, 100_00, 0, '0,0 %'],
    [12_50, 100_00, 125, '+12,5 %'],
    [-3_00, 100_00, -30, '-3,0 %'],
    [1, 3, 333, '+33,3 %'],
    [1, 6, 167, '+16,7 %'],
    [-1, 6, -167, '-16,7 %'],
    [5, 10_000, 1, '+0,1 %'], // 0,05 % rounds half away from zero
    [4, 10_000, 0, '0,0 %'],
    [100_00, 0, null, ''],
  ])('gap %i of %i → %s ‰ (%s)', (gap, planned, want, text) => {
    expect(gapPerThousand(gap, planned)).toBe(want);
    expect(formatGapPercent(gapPerThousand(gap, planned), 'fr')).toBe(text);
  });

  it('is the exact ratio rounded: |gap × 1000 / planned − result| ≤ 1/2', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (gap, planned) => {
          const result = gapPerThousand(gap, planned)!;
          const twiceError = Math.abs(2 * (gap * 1000 - result * planned));
          expect(twiceError).toBeLessThanOrEqual(planned);
        },
      ),
    );
  });
});

describe('buildCompteRendu', () => {
  it('gives each chantier its gap and adds the totals up to the cent', () => {
    const report = buildCompteRendu([
      chantier({
        chantierId: 'c2',
        name: 'Boutique',
        plannedCents: 1_000_00,
        realisedCents: 1_250_00,
        explanation: 'Plus de permanences',
      }),
      chantier({ plannedCents: 500_00, realisedCents: 400_00, volunteerMinutes: 120, volunteerValueCents: 60_00 }),
      chantier({ chantierId: 'c3', name: 'Cuisine' }),
    ]);
    expect(report.rows.map((row) => [row.name, row.gapCents, row.gapPerThousand, row.explanation])).toEqual([
      ['Atelier', -100_00, -200, null],
      ['Boutique', 250_00, 250, 'Plus de permanences'],
    ]);
    expect(report.totals).toEqual({
      plannedCents: 1_500_00,
      realisedCents: 1_650_00,
      gapCents: 150_00,
      gapPerThousand: 100,
      volunteerMinutes: 120,
      volunteerValueCents: 60_00,
      inKindCents: 0,
    });
  });

  it('the rows add up to the totals, whatever the chantiers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ planned: fc.nat(10_000_000), realised: fc.nat(10_000_000), inKind: fc.nat(1_000_000) }), {
          maxLength: 20,
        }),
        (rows) => {
          const report = buildCompteRendu(
            rows.map((row, index) =>
              chantier({
                chantierId: `c${index}`,
                name: `C${index}`,
                plannedCents: row.planned,
                realisedCents: row.realised,
                inKindCents: row.inKind,
              }),
            ),
          );
          const sum = (pick: (row: (typeof report.rows)[number]) => number) =>
            report.rows.reduce((t, r) => t + pick(r), 0);
          expect(report.totals.gapCents).toBe(sum((row) => row.gapCents));
          expect(report.totals.realisedCents - report.totals.plannedCents).toBe(report.totals.gapCents);
          expect(report.totals.inKindCents).toBe(sum((row) => row.inKindCents));
        },
      ),
    );
  });
});
