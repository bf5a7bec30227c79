import { describe, expect, it } from 'vitest';
import { envelopesNearLimit, hoursByStatus, weekMinutes } from './figures';

describe('hoursByStatus', () => {
  it('sorts minutes by what they wait for and leaves rejected ones out', () => {
    expect(
      hoursByStatus([
        { status: 'SUBMITTED', minutes: 60 },
        { status: 'APPROVED', minutes: 90 },
        { status: 'APPROVED', minutes: 30 },
        { status: 'CHANGES_REQUESTED', minutes: 45 },
        { status: 'DRAFT', minutes: 15 },
        { status: 'REJECTED', minutes: 600 },
      ]),
    ).toEqual({ submitted: 60, approved: 120, toFix: 45, draft: 15 });
  });
});

describe('weekMinutes', () => {
  it('counts all but rejected', () => {
    expect(
      weekMinutes([
        { status: 'DRAFT', minutes: 60 },
        { status: 'REJECTED', minutes: 60 },
        { status: 'APPROVED', minutes: 30 },
      ]),
    ).toBe(90);
  });
});

describe('envelopesNearLimit', () => {
  it.each([
    ['no envelope', { envelopeCents: null, demandCents: 1_000_000 }, null],
    ['79 %', { envelopeCents: 10_000, demandCents: 7_999 }, null],
    ['80 %', { envelopeCents: 10_000, demandCents: 8_000 }, 80],
    ['over', { envelopeCents: 10_000, demandCents: 13_000 }, 130],
    ['an empty envelope asked for', { envelopeCents: 0, demandCents: 1 }, Infinity],
    ['an empty envelope not asked for', { envelopeCents: 0, demandCents: 0 }, null],
  ])('%s', (_case, chantier, percent) => {
    const near = envelopesNearLimit([chantier]);
    expect(near.length ? near[0].percent : null).toBe(percent);
  });

  it('puts the fullest first', () => {
    const near = envelopesNearLimit([
      { id: 'a', envelopeCents: 100, demandCents: 85 },
      { id: 'b', envelopeCents: 100, demandCents: 120 },
    ]);
    expect(near.map((chantier) => chantier.id)).toEqual(['b', 'a']);
  });
});
