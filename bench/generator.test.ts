// The pure parts of the benchmark's generator: the seeded random generator is deterministic, the
// plan of periods and statuses adds up, and a generated period holds what the product allows.
import { describe, expect, it } from 'vitest';
import { copyCell, copyLine } from './copy';
import { frenchIban, generateCollective, setupMsFor } from './collective';
import { CLAIM_KINDS, fixedCentsByChantier, generatePeriodClaims, MAX_ATTACHMENTS } from './claims-data';
import { computePayoutsWithClaims, overdrawnChantiers } from '../lib/pricing';
import { generatePeriodData, periodSettings } from './period-data';
import { apportion, CONTRIBUTION_STATUSES, planPeriods, SCALES } from './plan';
import { createRandom, cuidLike, deriveSeed, weightedPicker } from './prng';

const draws = (seed: number, count = 5) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('seeded random generator', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('is pinned: a change of algorithm would silently change every data set', () => {
    expect(draws(20261128, 3).map((value) => value.toFixed(8))).toEqual(['0.96272618', '0.18837198', '0.35045894']);
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const random = createRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const n = random.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('derives independent, stable sub-seeds from labels', () => {
    expect(deriveSeed(1, 'period', 3)).toBe(deriveSeed(1, 'period', 3));
    expect(deriveSeed(1, 'period', 3)).not.toBe(deriveSeed(1, 'period', 4));
    expect(deriveSeed(1, 'period', 3)).not.toBe(deriveSeed(2, 'period', 3));
  });

  it('picks by weight, never a zero weight', () => {
    const pick = weightedPicker([1, 0, 3]);
    const random = createRandom(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pick(random)] += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });

  it('makes cuid-shaped ids that sort by time', () => {
    const random = createRandom(1);
    const earlier = cuidLike(random, Date.UTC(2025, 0, 1), 1);
    const later = cuidLike(random, Date.UTC(2025, 0, 2), 0);
    expect(earlier).toMatch(/^c[0-9a-z]{24}$/);
    expect(earlier < later).toBe(true);
  });
});

describe('plan of periods and statuses', () => {
  it('splits a total exactly (largest remainder)', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.5, 0, 0.5])).toEqual([4, 0, 3]);
  });

  for (const scale of Object.values(SCALES)) {
    it(`adds up at scale ${scale.name}`, () => {
      const plans = planPeriods(scale);
      expect(plans).toHaveLength(scale.periods);
      expect(plans.reduce((sum, plan) => sum + plan.total, 0)).toBe(scale.contributions);
      for (const plan of plans) {
        expect(CONTRIBUTION_STATUSES.reduce((sum, status) => sum + plan.byStatus[status], 0)).toBe(plan.total);
        // Closing refuses a period with contributions still waiting for a referent.
        if (plan.status !== 'OPEN') expect(plan.byStatus.SUBMITTED + plan.byStatus.CHANGES_REQUESTED).toBe(0);
      }
      for (const status of CONTRIBUTION_STATUSES) expect(plans.some((plan) => plan.byStatus[status] > 0)).toBe(true);
      expect(new Set(plans.map((plan) => plan.status))).toEqual(new Set(['PAID', 'CLOSED', 'OPEN']));
    });
  }

  it('has consecutive monthly periods that never overlap, the last one being this month', () => {
    const plans = planPeriods(SCALES.full);
    for (let i = 1; i < plans.length; i++) {
      const dayAfter = new Date(Date.parse(`${plans[i - 1].endDate}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(plans[i].startDate).toBe(dayAfter);
    }
    expect(plans[0].startDate).toBe('2024-12-01');
    expect(plans.at(-1)).toMatchObject({
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      lastContributionDate: '2026-11-28',
      status: 'OPEN',
    });
  });

  it('makes the largest period an open one with about 60 k approved contributions at full scale', () => {
    const plans = planPeriods(SCALES.full);
    const largest = plans.filter((plan) => plan.largest);
    expect(largest).toHaveLength(1);
    expect(largest[0].status).toBe('OPEN');
    expect(largest[0].total).toBe(Math.max(...plans.map((plan) => plan.total)));
    expect(largest[0].byStatus.APPROVED).toBeGreaterThan(58_000);
    expect(largest[0].byStatus.APPROVED).toBeLessThan(64_000);
  });
});

describe('generated collective and period', () => {
  const scale = { ...SCALES.small, contributions: 6_000 };
  const collective = generateCollective(scale, 9);
  const plans = planPeriods(scale);

  it('is the same for the same seed', () => {
    expect(generateCollective(scale, 9)).toEqual(collective);
    expect(generateCollective(scale, 10).people[5].id).not.toBe(collective.people[5].id);
  });

  it('has an admin, treasurers, two referents per chantier and unique emails', () => {
    expect(collective.people[collective.adminIndex].roles).toContain('ADMIN');
    for (const index of collective.treasurerIndexes) expect(collective.people[index].roles).toContain('TREASURER');
    for (const referents of collective.referentsByChantier) expect(referents).toHaveLength(2);
    expect(new Set(collective.people.map((person) => person.email)).size).toBe(scale.people);
    expect(new Set(collective.people.map((person) => person.id)).size).toBe(scale.people);
  });

  it('makes valid French IBANs', () => {
    const random = createRandom(3);
    for (let i = 0; i < 20; i++) {
      const iban = frenchIban(random);
      expect(iban).toMatch(/^FR\d{25}$/);
      const rearranged = `${iban.slice(4)}1527${iban.slice(2, 4)}`;
      expect(BigInt(rearranged) % 97n).toBe(1n);
    }
  });

  for (const index of [0, plans.findIndex((plan) => plan.largest), plans.length - 1]) {
    it(`generates period ${index} as planned, with a coherent history`, () => {
      const plan = plans[index];
      const settings = periodSettings(plan, 9, scale.periods);
      const data = generatePeriodData({ plan, settings, collective, seed: 9, idCounterStart: 0 });
      expect(generatePeriodData({ plan, settings, collective, seed: 9, idCounterStart: 0 })).toEqual(data);

      expect(data.contributions).toHaveLength(plan.total);
      for (const status of CONTRIBUTION_STATUSES)
        expect(data.contributions.filter((row) => row.status === status)).toHaveLength(plan.byStatus[status]);
      expect(new Set(data.contributions.map((row) => row.id)).size).toBe(plan.total);

      const created = new Set(
        data.events.filter((event) => event.kind === 'CREATED').map((event) => event.contributionId),
      );
      expect(created.size).toBe(plan.total);
      for (const row of data.contributions) {
        expect(row.date >= plan.startDate && row.date <= plan.lastContributionDate).toBe(true);
        expect(row.minutes).toBeGreaterThanOrEqual(1);
        expect(row.minutes).toBeLessThanOrEqual(1440);
        if (row.reviewer !== null) expect(row.reviewer).not.toBe(row.person); // nobody reviews their own
        if (row.status === 'APPROVED' || row.status === 'REJECTED') expect(row.reviewer).not.toBeNull();
        if (settings.closedAtMs !== null)
          expect(Math.max(row.createdAtMs, row.reviewedAtMs ?? 0)).toBeLessThan(settings.closedAtMs);
      }
      const rateKeys = data.rates.map((rate) => `${rate.person}/${rate.chantier}`);
      expect(new Set(rateKeys).size).toBe(rateKeys.length);
    });
  }
});

describe('scale 10x', () => {
  it('has 36 monthly periods ending this month, the collective set up a month before the first', () => {
    const plans = planPeriods(SCALES['10x']);
    expect(plans).toHaveLength(36);
    expect(plans[0].startDate).toBe('2023-12-01');
    expect(plans.at(-1)?.startDate).toBe('2026-11-01');
    expect(new Date(setupMsFor(36)).toISOString()).toBe('2023-11-01T09:00:00.000Z');
    expect(new Date(setupMsFor(24)).toISOString()).toBe('2024-11-01T09:00:00.000Z');
  });
});

describe('generated claims, receipts and plans', () => {
  // A tiny collective: every rule checked on every period, closed and open.
  const scale = { ...SCALES.small, people: 60, chantiers: 6, contributions: 8_000, periods: 6 };
  const seed = 11;
  const collective = generateCollective(scale, seed);
  const plans = planPeriods(scale);
  const generated = plans.map((plan) => {
    const settings = periodSettings(plan, seed, scale.periods);
    const data = generatePeriodData({ plan, settings, collective, seed, idCounterStart: plan.index * 10_000 });
    const claims = generatePeriodClaims({ plan, settings, collective, data, seed });
    return { plan, settings, data, claims };
  });

  it('is the same for the same seed, and leaves the contributions as they were', () => {
    const { plan, settings, data, claims } = generated[0];
    expect(generatePeriodClaims({ plan, settings, collective, data, seed })).toEqual(claims);
    expect(generatePeriodData({ plan, settings, collective, seed, idCounterStart: 0 }).contributions).toHaveLength(
      data.contributions.length,
    );
    expect(generatePeriodClaims({ plan, settings, collective, data, seed: seed + 1 }).claims[0].id).not.toBe(
      claims.claims[0].id,
    );
  });

  it('gives every kind, and the statuses a period of that status may hold', () => {
    const all = generated.flatMap(({ claims }) => claims.claims);
    for (const kind of CLAIM_KINDS) expect(all.some((claim) => claim.kind === kind)).toBe(true);
    for (const status of ['COMMITTED', 'DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'])
      expect(all.some((claim) => claim.status === status)).toBe(true);
    for (const { plan, claims } of generated) {
      expect(claims.claims.length).toBeGreaterThan(0);
      if (plan.status !== 'OPEN')
        for (const claim of claims.claims) expect(['APPROVED', 'REJECTED', 'DRAFT']).toContain(claim.status);
    }
  });

  it('holds what the database allows (docs/claims.md "Rules") and a coherent history', () => {
    for (const { plan, settings, claims } of generated) {
      const ids = new Set(claims.claims.map((claim) => claim.id));
      expect(ids.size).toBe(claims.claims.length);
      for (const claim of claims.claims) {
        expect(claim.date >= plan.startDate && claim.date <= plan.endDate).toBe(true);
        if (claim.kind === 'MILEAGE') {
          expect(claim.distanceKm).toBeGreaterThanOrEqual(1);
          expect(claim.distanceKm).toBeLessThanOrEqual(5000);
          expect(claim.amountCents).toBe(claim.distanceKm! * settings.mileageRateCents);
        } else expect(claim.distanceKm).toBeNull();
        expect(claim.amountCents).toBeGreaterThanOrEqual(1);
        expect(claim.amountCents).toBeLessThanOrEqual(100_000_000);
        if (claim.status === 'COMMITTED') {
          expect(claim.kind).toBe('FIXED_FEE');
          expect(claim.createdBy).not.toBe(claim.person);
        }
        if (claim.status === 'APPROVED' || claim.status === 'REJECTED') {
          expect(claim.reviewer).not.toBeNull();
          expect(claim.reviewer).not.toBe(claim.person);
        }
        if (settings.closedAtMs !== null)
          expect(Math.max(claim.createdAtMs, claim.reviewedAtMs ?? 0)).toBeLessThan(settings.closedAtMs);
      }
      const created = claims.events.filter((event) => event.kind === 'CREATED').map((event) => event.claimId);
      expect(new Set(created)).toEqual(ids);
      for (const event of claims.events) expect(ids.has(event.claimId)).toBe(true);
      const perClaim = new Map<string, number>();
      for (const file of claims.attachments) {
        expect(ids.has(file.claimId)).toBe(true);
        expect(file.bytes.length).toBeGreaterThanOrEqual(1);
        expect(['application/pdf', 'image/jpeg', 'image/png']).toContain(file.contentType);
        perClaim.set(file.claimId, (perClaim.get(file.claimId) ?? 0) + 1);
      }
      for (const n of perClaim.values()) expect(n).toBeLessThanOrEqual(MAX_ATTACHMENTS);
    }
    expect(generated.some(({ claims }) => claims.attachments.length > 0)).toBe(true);
  });

  it('plans every chantier with an envelope once, each person at most once', () => {
    for (const { data, claims } of generated) {
      const keys = claims.planLines.map((line) => `${line.chantier}/${line.person}`);
      expect(new Set(keys).size).toBe(keys.length);
      const anyone = claims.planLines.filter((line) => line.person === null).map((line) => line.chantier);
      expect(anyone.sort()).toEqual(data.envelopes.map((envelope) => envelope.chantier).sort());
      for (const line of claims.planLines) {
        expect(line.plannedMinutes).toBeGreaterThanOrEqual(0);
        expect(line.plannedMinutes).toBeLessThanOrEqual(6_000_000);
        expect(line.plannedFixedCents).toBeGreaterThanOrEqual(0);
        expect(line.plannedFixedCents).toBeLessThanOrEqual(100_000_000);
      }
    }
  });

  it('overdraws no envelope once it covers the fixed amounts, so a closed period prices as the close does', () => {
    for (const { data, claims, settings } of generated) {
      const fixed = fixedCentsByChantier(claims.claims);
      const id = (index: number) => collective.people[index].id;
      const result = computePayoutsWithClaims({
        settings: {
          defaultRateCents: settings.defaultRateCents,
          capMinutes: settings.capMinutes,
          overflowPolicy: settings.overflowPolicy,
          mileageRateCents: settings.mileageRateCents,
          envelopes: data.envelopes.map((envelope) => ({
            chantierId: collective.chantiers[envelope.chantier].id,
            amountCents: envelope.amountCents + Math.ceil((fixed.get(envelope.chantier) ?? 0) / 10_000) * 10_000,
          })),
          rates: [],
        },
        contributions: data.contributions
          .filter((row) => row.status === 'APPROVED' && row.deletedAtMs === null)
          .map((row) => ({
            id: row.id,
            personId: id(row.person),
            chantierId: collective.chantiers[row.chantier].id,
            date: row.date,
            createdAt: new Date(row.createdAtMs).toISOString(),
            minutes: row.minutes,
            volunteer: row.volunteer,
          })),
        claims: claims.claims
          .filter((claim) => claim.status === 'APPROVED' && claim.deletedAtMs === null)
          .map((claim) => ({
            id: claim.id,
            personId: id(claim.person),
            chantierId: collective.chantiers[claim.chantier].id,
            date: claim.date,
            kind: claim.kind,
            ...(claim.kind === 'MILEAGE' ? { distanceKm: claim.distanceKm } : { amountCents: claim.amountCents }),
          })),
      });
      expect(overdrawnChantiers(result)).toEqual([]);
      expect(result.totals.expensesCents + result.totals.fixedFeesCents).toBeGreaterThan(0);
    }
  });
});

describe('COPY text format', () => {
  it('escapes what would break a row and writes null as \\N', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(true)).toBe('t');
    expect(copyCell('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(copyLine(['x', 1, null])).toBe('x\t1\t\\N\n');
  });
});
