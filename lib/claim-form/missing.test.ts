import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  missingForClaim,
  parseDistanceKm,
  splitTripDescription,
  tripDescription,
  type ClaimDraft,
  type OpenPeriod,
} from '@/lib/claim-form/missing';

const periods: OpenPeriod[] = [
  { id: 'p1', name: 'Hiver', startDate: '2027-01-01', endDate: '2027-03-31', mileageRateCents: 42 },
  { id: 'p2', name: 'Printemps', startDate: '2027-04-01', endDate: '2027-06-30', mileageRateCents: null },
];

const base: ClaimDraft = {
  kind: 'EXPENSE',
  date: '2027-02-10',
  chantierId: 'c1',
  amount: '23,40',
  distance: '',
  from: '',
  to: '',
  description: 'Billet de train Mons – Bruxelles',
  files: [],
  storedFiles: 0,
};
const photo = { name: 'ticket.jpg', type: 'image/jpeg', size: 200_000 };

describe('missingForClaim', () => {
  it.each<[string, Partial<ClaimDraft>, 'draft' | 'submit', string[]]>([
    ['a complete expense with its receipt', { files: [photo] }, 'submit', []],
    ['an expense without receipt can be kept as a draft', {}, 'draft', []],
    ['an expense without receipt cannot be submitted', {}, 'submit', ['RECEIPT']],
    ['a receipt already stored counts', { storedFiles: 1 }, 'submit', []],
    ['nothing chosen', { kind: '', chantierId: '', date: '' }, 'draft', ['KIND', 'DATE', 'CHANTIER']],
    [
      'a date outside every open period',
      { date: '2026-12-31', files: [photo] },
      'submit',
      ['DATE_OUTSIDE_OPEN_PERIOD'],
    ],
    ['an empty amount', { amount: ' ' }, 'draft', ['AMOUNT']],
    ['a negative amount', { amount: '-3' }, 'draft', ['AMOUNT_INVALID']],
    ['a zero amount', { amount: '0' }, 'draft', ['AMOUNT_INVALID']],
    ['1 000 000 € is the most', { amount: '1000000' }, 'draft', []],
    ['over 1 000 000 €', { amount: '1000000,01' }, 'draft', ['AMOUNT_TOO_LARGE']],
    ['a fixed fee needs no receipt', { kind: 'FIXED_FEE' }, 'submit', []],
    ['an in-kind gift needs a description', { kind: 'IN_KIND', description: '  ' }, 'draft', ['DESCRIPTION']],
    [
      'a trip: distance, from and to',
      { kind: 'MILEAGE', amount: '', description: '', distance: '42', from: 'Mons', to: 'Charleroi' },
      'submit',
      [],
    ],
    [
      'a trip without distance nor places',
      { kind: 'MILEAGE', amount: '', description: '' },
      'draft',
      ['DISTANCE', 'FROM', 'TO'],
    ],
    [
      'a trip of 0 km or 5 001 km',
      { kind: 'MILEAGE', distance: '5001', from: 'a', to: 'b' },
      'draft',
      ['DISTANCE_INVALID'],
    ],
    [
      'a trip in a period without a mileage rate',
      { kind: 'MILEAGE', date: '2027-05-02', distance: '10', from: 'a', to: 'b' },
      'draft',
      ['MILEAGE_RATE'],
    ],
    ['a file over 10 MB', { files: [{ ...photo, size: 10 * 1024 * 1024 + 1 }] }, 'submit', ['FILE_TOO_LARGE']],
    [
      'a file that is not a receipt',
      { files: [{ name: 'notes.docx', type: 'application/msword', size: 10 }] },
      'submit',
      ['FILE_TYPE'],
    ],
    [
      'a HEIC photo without a type (some phones)',
      { files: [{ name: 'IMG_1.HEIC', type: '', size: 10 }] },
      'submit',
      [],
    ],
    ['an eleventh file', { files: [photo, photo], storedFiles: 9 }, 'submit', ['TOO_MANY_FILES']],
  ])('%s', (_name, patch, intent, expected) => {
    expect(missingForClaim({ ...base, ...patch }, { periods }, intent)).toEqual(expected);
  });

  it('submitting never asks for less than saving a draft', () => {
    const draftArb = fc.record({
      kind: fc.constantFrom('', 'EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND' as const),
      date: fc.constantFrom('', '2027-02-10', '2027-05-02', '2028-01-01'),
      chantierId: fc.constantFrom('', 'c1'),
      amount: fc.string({ maxLength: 8 }),
      distance: fc.string({ maxLength: 5 }),
      from: fc.string({ maxLength: 3 }),
      to: fc.string({ maxLength: 3 }),
      description: fc.string({ maxLength: 3 }),
      files: fc.array(fc.record({ name: fc.string(), type: fc.string(), size: fc.nat() }), { maxLength: 3 }),
      storedFiles: fc.nat({ max: 10 }),
    }) as fc.Arbitrary<ClaimDraft>;
    fc.assert(
      fc.property(draftArb, (draft) => {
        const forDraft = missingForClaim(draft, { periods }, 'draft');
        const forSubmit = missingForClaim(draft, { periods }, 'submit');
        expect(forDraft.every((code) => forSubmit.includes(code))).toBe(true);
      }),
    );
  });
});

describe('distances and trips', () => {
  it.each([
    ['42', 42],
    [' 42 km ', 42],
    ['42,5', null],
    ['-3', null],
    ['', null],
  ])('parseDistanceKm(%j) = %j', (text, expected) => {
    expect(parseDistanceKm(text)).toBe(expected);
  });

  it('a trip description splits back into what was typed', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-zéè' -]{1,20}$/).filter((text) => text.trim() !== '' && !text.includes('→')),
        fc.stringMatching(/^[A-Za-zéè' -]{1,20}$/).filter((text) => text.trim() !== '' && !text.includes('·')),
        fc.stringMatching(/^[A-Za-zéè' -]{0,30}$/),
        (from, to, purpose) => {
          const split = splitTripDescription(tripDescription(from, to, purpose));
          expect(split).toEqual({ from: from.trim(), to: to.trim(), purpose: purpose.trim() });
        },
      ),
    );
  });

  it('a description written otherwise stays whole', () => {
    expect(splitTripDescription('Aller-retour à Liège')).toEqual({ from: '', to: '', purpose: 'Aller-retour à Liège' });
  });
});
