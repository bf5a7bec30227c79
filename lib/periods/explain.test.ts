// The words of payout lines, on lines computed by the real pricing module (so the explanation
// fields are exactly what a run stores), hand-checked against the worked example of docs/pricing.md.
import { describe, expect, it } from 'vitest';
import { computePayouts, computePayoutsWithClaims, type PricingInput } from '@/lib/pricing';
import { formatCents } from '@/lib/format/money';
import { explainLine, formatFactor, roundExactCents } from './explain';

/** Intl's no-break spaces as plain ones, so the expected sentences read naturally. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const contribution = (
  id: string,
  personId: string,
  chantierId: string,
  minutes: number,
  extra: { date?: string; volunteer?: boolean } = {},
) => ({
  id,
  personId,
  chantierId,
  date: extra.date ?? '2026-03-01',
  createdAt: '2026-03-01T10:00:00Z',
  minutes,
  volunteer: extra.volunteer ?? false,
});

function explained(input: PricingInput, personId: string, chantierId = 'c1', locale: 'fr' | 'en' = 'fr') {
  const line = computePayouts(input).lines.find(
    (candidate) => candidate.personId === personId && candidate.chantierId === chantierId,
  );
  if (!line) throw new Error(`no line for ${personId}`);
  return plain(explainLine(line, locale));
}

const workedExample: PricingInput = {
  settings: {
    defaultRateCents: 3000,
    capMinutes: null,
    overflowPolicy: 'PRORATA',
    envelopes: [{ chantierId: 'c1', amountCents: 100_000 }],
    rates: [{ personId: 'bob', rateCents: 4000 }],
  },
  contributions: [
    contribution('k1', 'alice', 'c1', 1200),
    contribution('k2', 'bob', 'c1', 900),
    contribution('k3', 'chloe', 'c1', 300),
  ],
};

describe('explainLine on the worked example of docs/pricing.md', () => {
  it("says Alice's line the way the issue writes it", () => {
    expect(explained(workedExample, 'alice')).toBe(
      '20 h × 30,00 €/h = 600,00 € ; enveloppe du chantier dépassée : × 0,7407 → 444,45 € ; 155,55 € non rétribués',
    );
  });

  it("names Bob's personal rate", () => {
    expect(explained(workedExample, 'bob')).toBe(
      '15 h × 40,00 €/h (taux personnel) = 600,00 € ; enveloppe du chantier dépassée : × 0,7407 → 444,44 € ; 155,56 € non rétribués',
    );
  });

  it('speaks English', () => {
    expect(explained(workedExample, 'alice', 'c1', 'en')).toBe(
      '20 h × €30.00/h = €600.00; chantier envelope exceeded: × 0.7407 → €444.45; €155.55 unpaid',
    );
  });
});

describe('explainLine, step by step', () => {
  const base = {
    defaultRateCents: 3000,
    capMinutes: null,
    overflowPolicy: 'PRORATA' as const,
    envelopes: [],
    rates: [],
  };

  it('is one product when nothing binds', () => {
    expect(explained({ settings: base, contributions: [contribution('k1', 'alice', 'c1', 90)] }, 'alice')).toBe(
      '1 h 30 × 30,00 €/h = 45,00 €',
    );
  });

  it('tells the minutes beyond the cap', () => {
    const input = {
      settings: { ...base, capMinutes: 1200 },
      contributions: [
        contribution('k1', 'alice', 'c1', 900, { date: '2026-03-01' }),
        contribution('k2', 'alice', 'c1', 600, { date: '2026-03-02' }),
      ],
    };
    expect(explained(input, 'alice')).toBe(
      '25 h validées, dont 5 h au-delà du plafond de 20 h par personne ; 20 h × 30,00 €/h = 600,00 € ; 150,00 € non rétribués',
    );
  });

  it('tells a FIRST_COME envelope used up in the middle of a line', () => {
    const input = {
      settings: {
        ...base,
        overflowPolicy: 'FIRST_COME' as const,
        envelopes: [{ chantierId: 'c1', amountCents: 45_000 }],
      },
      contributions: [
        contribution('k1', 'alice', 'c1', 600, { date: '2026-03-01' }),
        contribution('k2', 'bob', 'c1', 1200, { date: '2026-03-02' }),
      ],
    };
    // Alice's 300 € come first and are paid in full; Bob's 600 € get the 150 € left: × 0.25.
    expect(explained(input, 'alice')).toBe('10 h × 30,00 €/h = 300,00 €');
    expect(explained(input, 'bob')).toBe(
      "20 h × 30,00 €/h = 600,00 € ; enveloppe du chantier épuisée (dans l'ordre des dates) : × 0,25 → 150,00 € ; 450,00 € non rétribués",
    );
  });

  it('values volunteer hours without paying them', () => {
    const input = {
      settings: { ...base, rates: [{ chantierId: 'c1', rateCents: 3500 }] },
      contributions: [contribution('k1', 'alice', 'c1', 120, { volunteer: true })],
    };
    expect(explained(input, 'alice')).toBe('bénévolat : 2 h × 35,00 €/h = 70,00 € valorisés, non rétribués');
    expect(explained(input, 'alice', 'c1', 'en')).toBe('volunteering: 2 h × €35.00/h = €70.00 valued, not paid');
  });

  it('names a person-in-chantier rate and a chantier rate', () => {
    const input = {
      settings: {
        ...base,
        rates: [
          { personId: 'alice', chantierId: 'c1', rateCents: 2000 },
          { chantierId: 'c2', rateCents: 4500 },
        ],
      },
      contributions: [contribution('k1', 'alice', 'c1', 60), contribution('k2', 'alice', 'c2', 60)],
    };
    expect(explained(input, 'alice', 'c1')).toBe('1 h × 20,00 €/h (taux personnel sur ce chantier) = 20,00 €');
    expect(explained(input, 'alice', 'c2')).toBe('1 h × 45,00 €/h (taux du chantier) = 45,00 €');
  });

  it('says so when a leftover cent, not an envelope, moved the amount', () => {
    // 1 min at 25 €/h is 41.67 cents each; three people share the 125 cents of the rounded total.
    const input = {
      settings: { ...base, defaultRateCents: 2500 },
      contributions: [
        contribution('k1', 'a', 'c1', 1),
        contribution('k2', 'b', 'c1', 1),
        contribution('k3', 'c', 'c1', 1),
      ],
    };
    const lines = computePayouts(input).lines;
    expect(lines.map((line) => line.amountCents)).toEqual([42, 42, 41]);
    expect(plain(explainLine(lines[2]))).toBe(
      '1 min × 25,00 €/h = 0,42 € ; arrondi au centime : 0,41 € ; 0,01 € non rétribués',
    );
  });

  it('explains a zero envelope', () => {
    const input = {
      settings: { ...base, envelopes: [{ chantierId: 'c1', amountCents: 0 }] },
      contributions: [contribution('k1', 'alice', 'c1', 60)],
    };
    expect(explained(input, 'alice')).toBe(
      '1 h × 30,00 €/h = 30,00 € ; enveloppe du chantier dépassée : × 0 → 0,00 € ; 30,00 € non rétribués',
    );
  });
});

describe('helpers', () => {
  it('rounds exact cents half up', () => {
    expect(roundExactCents({ numerator: '125', denominator: '2' })).toBe(63);
    expect(roundExactCents({ numerator: '124', denominator: '3' })).toBe(41);
    expect(roundExactCents({ numerator: '0', denominator: '1' })).toBe(0);
  });

  it('writes factors without trailing zeros', () => {
    expect(formatFactor('0.7407', 'fr')).toBe('0,7407');
    expect(formatFactor('0.5000', 'fr')).toBe('0,5');
    expect(formatFactor('1.0000', 'en')).toBe('1');
    expect(formatFactor('0.0000', 'fr')).toBe('0');
  });
});

describe('explainLine on a line that carries claims', () => {
  const withClaims = (envelopeCents: number) =>
    computePayoutsWithClaims({
      settings: {
        defaultRateCents: 3000,
        capMinutes: null,
        overflowPolicy: 'PRORATA',
        envelopes: [{ chantierId: 'c1', amountCents: envelopeCents }],
        rates: [],
      },
      contributions: [contribution('k1', 'alice', 'c1', 420), contribution('k2', 'bob', 'c1', 600)],
      claims: [
        { id: 'e1', personId: 'alice', chantierId: 'c1', date: '2026-03-02', kind: 'EXPENSE', amountCents: 1890 },
        { id: 'f1', personId: 'alice', chantierId: 'c1', date: '2026-03-03', kind: 'FIXED_FEE', amountCents: 5000 },
      ],
    }).lines.find((line) => line.personId === 'alice')!;

  it('speaks of the hours alone: an expense is not called rounding', () => {
    const line = withClaims(1_000_000);
    expect(line.amountCents).toBe(21_000 + 1890 + 5000);
    expect(plain(explainLine(line, 'fr'))).toBe('7 h × 30,00 €/h = 210,00 €');
  });

  it('gives what the hours get when the envelope binds, without the claims in it', () => {
    // Envelope 30 000 − F 6 890 = 23 110 € for 510 € of hours demand: × 23110/51000.
    const line = withClaims(30_000);
    const words = plain(explainLine(line, 'fr'));
    expect(words).toContain(`→ ${plain(formatCents(line.hoursAmountCents))}`);
    expect(line.hoursAmountCents).toBeLessThan(21_000);
    expect(words).not.toContain(plain(formatCents(line.amountCents)));
  });
});
